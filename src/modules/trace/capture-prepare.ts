/**
 * The CPU half of a capture, without I/O: the document (JSON text, parsed JSON or XML) is parsed,
 * validated and normalised into rows ready to insert — event columns, the JSON-LD document, the
 * identifiers in canonical form, the party GLNs. It runs in a worker thread (capture-pool.ts) so
 * that the thread holding the database only writes.
 */
import { toCanonicalDigitalLink } from './epcis/hash.ts';
import { normalizeEvent, type NormalizedEvent } from './epcis/normalize.ts';
import { validateEpcisDocument, type EpcisEvent, type EpcisValidationError } from './epcis/validate.ts';
import { epcisXmlToJson } from './epcis/xml.ts';
import { isShipment, partyGlnsOf } from './parties.ts';

export type CaptureBehaviour = 'rollback' | 'proceed';

export const MAX_EVENTS = 10_000;

export interface PreparedEvent {
  eventID: string;
  hashID: string;
  type: string;
  eventTime: number;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  transformationID: string | null;
  shipment: boolean;
  /** The event as JSON-LD without its closing brace: recordTime is appended when it is stored. */
  docOpen: string;
  /** [role, identifier (canonical), quantity, uom], one per role and identifier (quantities of repeats added). */
  refs: [string, string, number | null, string | null][];
  partyGlns: string[];
}

export interface PreparedCapture {
  /** Events to store (all valid ones under proceed; none if any is refused under rollback). */
  events: PreparedEvent[];
  errors: EpcisValidationError[];
}

export interface CaptureInput {
  /** JSON text, a parsed JSON value, or XML text. */
  body: string | Uint8Array | unknown;
  contentType: string;
  behaviour: CaptureBehaviour;
}

class Refused {
  constructor(readonly errors: EpcisValidationError[]) {}
}

export function prepareCapture(input: CaptureInput): PreparedCapture {
  try {
    const doc = parse(input);
    const raw = eventsOf(doc);
    if (raw.length > MAX_EVENTS) throw new Refused([{ eventIndex: null, path: '/epcisBody/eventList', message: `at most ${MAX_EVENTS} events a capture` }]);
    const context = (doc as { '@context'?: unknown })?.['@context'];
    const whole = validateEpcisDocument(doc);
    if (whole.ok) return { events: whole.events.map((e) => prepared(normalizeEvent(e, context as never))), errors: [] };
    if (input.behaviour === 'rollback' || whole.errors.some((e) => e.eventIndex === null)) return { events: [], errors: whole.errors };
    const bad = new Set(whole.errors.map((e) => e.eventIndex));
    const events: PreparedEvent[] = [];
    raw.forEach((e, i) => {
      if (!bad.has(i)) events.push(prepared(normalizeEvent(e as EpcisEvent, context as never)));
    });
    return { events, errors: whole.errors };
  } catch (err) {
    if (err instanceof Refused) return { events: [], errors: err.errors };
    return { events: [], errors: [{ eventIndex: null, path: '', message: `capture failed: ${(err as Error).message}` }] };
  }
}

function parse(input: CaptureInput): unknown {
  const { body, contentType } = input;
  const text = typeof body === 'string' ? body : body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') : null;
  if (/xml/.test(contentType)) {
    const converted = epcisXmlToJson(text ?? '');
    if (!converted.ok) throw new Refused(converted.errors);
    return converted.document;
  }
  if (text === null) return body;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Refused([{ eventIndex: null, path: '', message: `the document is not JSON: ${(err as Error).message}` }]);
  }
}

/** The events of a capture body: an EPCISDocument, an array of events, or one event. */
export function eventsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  const d = doc as { epcisBody?: { eventList?: unknown[] }; type?: string };
  if (d?.epcisBody?.eventList) return d.epcisBody.eventList;
  return d?.type ? [d] : [];
}

function prepared(n: NormalizedEvent): PreparedEvent {
  const e = n.event as unknown as Record<string, unknown>;
  const { recordTime: _ignored, ...rest } = e;
  const json = JSON.stringify(rest);
  const refs = new Map<string, [string, string, number | null, string | null]>();
  for (const r of n.refs) {
    const ref = toCanonicalDigitalLink(r.id) ?? r.id;
    const key = `${r.role}|${ref}`;
    const same = refs.get(key);
    // The same class listed twice on one side: its quantities add up.
    if (same) same[2] = same[2] === null || r.quantity === undefined ? same[2] : same[2] + r.quantity;
    else refs.set(key, [r.role, ref, r.quantity ?? null, r.uom ?? null]);
  }
  return {
    eventID: n.eventID,
    hashID: n.hashID,
    type: String(e.type),
    eventTime: n.eventTimeMs,
    action: (e.action as string) ?? null,
    bizStep: (e.bizStep as string) ?? null,
    disposition: (e.disposition as string) ?? null,
    readPoint: ((e.readPoint as { id?: string })?.id as string) ?? null,
    bizLocation: ((e.bizLocation as { id?: string })?.id as string) ?? null,
    transformationID: (e.transformationID as string) ?? null,
    shipment: isShipment(n.event as never),
    docOpen: json === '{}' ? '{' : json.slice(0, -1) + ',',
    refs: [...refs.values()],
    partyGlns: partyGlnsOf(n.event as never),
  };
}

/** The stored document: the prepared one with its record time. */
export function storedDoc(p: PreparedEvent, recordTime: string): string {
  return `${p.docOpen}"recordTime":${JSON.stringify(recordTime)}}`;
}
