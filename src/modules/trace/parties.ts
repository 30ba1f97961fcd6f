/**
 * The parties an EPCIS event names, so that a shipment between two enterprises is visible to both:
 * source and destination entries of type owning_party or possessing_party carry a party GLN
 * (PGLN as EPC URN or GS1 Digital Link). Pure functions.
 */
import { toCanonicalDigitalLink } from './epcis/hash.ts';

const PARTY_TYPE = /(?:^|[:/-])(owning_party|possessing_party)$/;
const SHIPMENT_STEPS = new Set(['shipping', 'receiving', 'departing', 'arriving', 'transporting', 'accepting']);

interface WithParties {
  sourceList?: { type?: string; source?: string }[];
  destinationList?: { type?: string; destination?: string }[];
  bizStep?: string;
}

/** The GLN (13 digits) of a party identifier, or null when it is not one. */
export function glnOf(id: string): string | null {
  const c = toCanonicalDigitalLink(id.trim());
  const m = c ? /^https:\/\/id\.gs1\.org\/(?:417|414)\/(\d{13})(?:\/|$)/.exec(c) : null;
  return m ? m[1] : null;
}

/** GLNs of the owning and possessing parties an event names as source or destination. */
export function partyGlnsOf(event: WithParties): string[] {
  const out = new Set<string>();
  const take = (type: string | undefined, id: string | undefined) => {
    if (!type || !id || !PARTY_TYPE.test(type)) return;
    const gln = glnOf(id);
    if (gln) out.add(gln);
  };
  for (const s of event.sourceList ?? []) take(s.type, s.source);
  for (const d of event.destinationList ?? []) take(d.type, d.destination);
  return [...out];
}

/**
 * GLNs of the owning and possessing parties an event names as destination: the parties a holder's
 * shipment hands the lot to (docs/trace.md, "held"). A party named only as source receives nothing.
 */
export function destinationGlnsOf(event: WithParties): string[] {
  const out = new Set<string>();
  for (const d of event.destinationList ?? []) {
    if (!d.type || !d.destination || !PARTY_TYPE.test(d.type)) continue;
    const gln = glnOf(d.destination);
    if (gln) out.add(gln);
  }
  return [...out];
}

/** The bare CBV term of a business step in any of its forms (bare, URN, Web URI, CURIE). */
export function bizStepTerm(step: string | undefined): string | null {
  if (!step) return null;
  const m = /(?:BizStep-|bizstep:)([A-Za-z_]+)$/.exec(step);
  return m ? m[1] : /^[a-z_]+$/.test(step) ? step : null;
}

/** Whether the event hands material between parties: it names sources or destinations, or ships or receives. */
export function isShipment(event: WithParties): boolean {
  if ((event.sourceList?.length ?? 0) > 0 || (event.destinationList?.length ?? 0) > 0) return true;
  const term = bizStepTerm(event.bizStep);
  return term !== null && SHIPMENT_STEPS.has(term);
}
