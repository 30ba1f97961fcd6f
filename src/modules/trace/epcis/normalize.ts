/**
 * Normalisation of captured EPCIS 2.0 JSON-LD so stored events are self-contained and comparable:
 *  - each event keeps the JSON-LD @context it was captured under (the document's context, merged with an
 *    event-level one), so its user extensions keep their meaning once the document envelope is gone;
 *  - `eventID` is filled with the CBV 2.0 event hash ID when absent (the hash ID is always computed too);
 *  - eventTime / recordTime as epoch milliseconds, with the original eventTimeZoneOffset kept;
 *  - the identifiers the event touches, by role, for indexing (`epcsOf`).
 * Pure functions, no I/O. Input is expected to have passed validateEpcisDocument().
 */
import { eventHash, toCanonicalDigitalLink } from './hash.ts';
import type { EpcisDocument, EpcisEvent, JsonLdContext, QuantityElement } from './validate.ts';

export type EpcRole =
  | 'epc'
  | 'parent'
  | 'child'
  | 'input'
  | 'output'
  | 'quantity'
  | 'childQuantity'
  | 'inputQuantity'
  | 'outputQuantity';

export interface EpcRef {
  role: EpcRole;
  /** The identifier as written in the event (EPC URI, EPC class/pattern URI or GS1 Digital Link URI). */
  id: string;
  quantity?: number;
  uom?: string;
}

export interface NormalizedEvent {
  /** The event with eventID filled and @context attached. */
  event: EpcisEvent;
  eventID: string;
  /** CBV 2.0 event hash ID, whether or not the event carried its own eventID. */
  hashID: string;
  eventTimeMs: number;
  eventTimeZoneOffset: string;
  recordTimeMs: number | null;
  context: JsonLdContext | undefined;
  /** Identifiers by role (see epcsOf). */
  refs: EpcRef[];
  /** Index-friendly summary of refs; ids also in canonical GS1 Digital Link form where one exists. */
  index: {
    epcs: string[];
    parentID: string | null;
    inputs: string[];
    outputs: string[];
    epcClasses: string[];
    /** Canonical GS1 Digital Link URIs for every id above that carries a GS1 key (for cross-syntax matching). */
    canonical: string[];
  };
}

export interface NormalizedDocument {
  context: JsonLdContext | undefined;
  events: NormalizedEvent[];
}

/** Default EPCIS 2.0 JSON-LD context (used when a document carries none). */
export const EPCIS_DEFAULT_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

const QUANTITY_ROLES: Array<[string, EpcRole]> = [
  ['quantityList', 'quantity'],
  ['childQuantityList', 'childQuantity'],
  ['inputQuantityList', 'inputQuantity'],
  ['outputQuantityList', 'outputQuantity'],
];
const EPC_ROLES: Array<[string, EpcRole]> = [
  ['epcList', 'epc'],
  ['childEPCs', 'child'],
  ['inputEPCList', 'input'],
  ['outputEPCList', 'output'],
];

/** Every identifier an event names, with its role. Quantity elements carry quantity/uom when given. */
export function epcsOf(event: EpcisEvent | Record<string, unknown>): EpcRef[] {
  const ev = event as Record<string, unknown>;
  const out: EpcRef[] = [];
  if (typeof ev.parentID === 'string') out.push({ role: 'parent', id: ev.parentID });
  for (const [key, role] of EPC_ROLES) {
    const list = ev[key];
    if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') out.push({ role, id });
  }
  for (const [key, role] of QUANTITY_ROLES) {
    const list = ev[key];
    if (!Array.isArray(list)) continue;
    for (const q of list as QuantityElement[]) {
      if (!q || typeof q.epcClass !== 'string') continue;
      const ref: EpcRef = { role, id: q.epcClass };
      if (typeof q.quantity === 'number') ref.quantity = q.quantity;
      if (typeof q.uom === 'string') ref.uom = q.uom;
      out.push(ref);
    }
  }
  return out;
}

/** Merge the document context with an event's own context (event entries last, so they win). */
export function mergeContexts(doc: JsonLdContext | undefined, ev: JsonLdContext | undefined): JsonLdContext | undefined {
  if (doc === undefined) return ev;
  if (ev === undefined) return doc;
  const a = Array.isArray(doc) ? doc : [doc];
  const b = Array.isArray(ev) ? ev : [ev];
  const seen = new Set<string>();
  const merged: Array<string | Record<string, unknown>> = [];
  for (const c of [...a, ...b]) {
    const key = JSON.stringify(c);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(c);
  }
  return merged;
}

function toMs(t: unknown): number | null {
  if (typeof t !== 'string') return null;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? ms : null;
}

const unique = (xs: string[]) => [...new Set(xs)];

/** Normalise one event under a (document) context. */
export function normalizeEvent(event: EpcisEvent, documentContext?: JsonLdContext): NormalizedEvent {
  const context = mergeContexts(documentContext, event['@context']) ?? EPCIS_DEFAULT_CONTEXT;
  const hashID = eventHash(event, { context });
  const eventID = typeof event.eventID === 'string' && event.eventID !== '' ? event.eventID : hashID;
  const normalized = { ...event, eventID, '@context': context } as EpcisEvent;
  const refs = epcsOf(event);
  const ids = (roles: EpcRole[]) => unique(refs.filter((r) => roles.includes(r.role)).map((r) => r.id));
  const parent = refs.find((r) => r.role === 'parent');
  const canonical = unique(
    refs.map((r) => toCanonicalDigitalLink(r.id)).filter((x): x is string => x !== null),
  );
  const eventTimeMs = toMs(event.eventTime);
  if (eventTimeMs === null) throw new Error(`eventTime is not a valid date-time: ${String(event.eventTime)}`);
  return {
    event: normalized,
    eventID,
    hashID,
    eventTimeMs,
    eventTimeZoneOffset: event.eventTimeZoneOffset,
    recordTimeMs: toMs(event.recordTime),
    context,
    refs,
    index: {
      epcs: ids(['epc', 'child']),
      parentID: parent ? parent.id : null,
      inputs: ids(['input', 'inputQuantity']),
      outputs: ids(['output', 'outputQuantity']),
      epcClasses: ids(['quantity', 'childQuantity', 'inputQuantity', 'outputQuantity']),
      canonical,
    },
  };
}

/**
 * Normalise validated capture input (an EPCISDocument, an array of events or a single event).
 * Call validateEpcisDocument() first; this function assumes structurally valid events.
 */
export function normalizeDocument(doc: EpcisDocument | EpcisEvent[] | EpcisEvent): NormalizedDocument {
  if (Array.isArray(doc)) {
    return { context: undefined, events: doc.map((e) => normalizeEvent(e)) };
  }
  if ((doc as EpcisDocument).type === 'EPCISDocument') {
    const d = doc as EpcisDocument;
    const context = d['@context'];
    return { context, events: d.epcisBody.eventList.map((e) => normalizeEvent(e, context)) };
  }
  return { context: undefined, events: [normalizeEvent(doc as EpcisEvent)] };
}
