/**
 * FROZEN copy of the party-GLN functions of src/modules/trace/parties.ts as they were when
 * migration 008 shipped (it fills `epcis_event_parties.side` from stored documents). Migrations
 * must not change when module code does: never edit this file to follow parties.ts.
 */
import { toCanonicalDigitalLink } from './digital-link.ts';

const PARTY_TYPE = /(?:^|[:/-])(owning_party|possessing_party)$/;

interface WithParties {
  sourceList?: { type?: string; source?: string }[];
  destinationList?: { type?: string; destination?: string }[];
}

/** The GLN (13 digits) of a party identifier, or null when it is not one. */
function glnOf(id: string): string | null {
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

/** GLNs of the owning and possessing parties an event names as destination. */
export function destinationGlnsOf(event: WithParties): string[] {
  const out = new Set<string>();
  for (const d of event.destinationList ?? []) {
    if (!d.type || !d.destination || !PARTY_TYPE.test(d.type)) continue;
    const gln = glnOf(d.destination);
    if (gln) out.add(gln);
  }
  return [...out];
}
