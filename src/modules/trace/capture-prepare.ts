/**
 * The CPU half of a capture, without I/O: the document (JSON text, parsed JSON or XML) is parsed,
 * validated and normalised into rows ready to insert — event columns, the JSON-LD document, the
 * identifiers in canonical form, the party GLNs. It runs in a worker thread (capture-pool.ts) so
 * that the thread holding the database only writes.
 */
import { SYMBIONT_NS, toCanonicalDigitalLink } from './epcis/hash.ts';
import { normalizeEvent, type NormalizedEvent } from './epcis/normalize.ts';
import { validateEpcisDocument, type EpcisEvent, type EpcisValidationError } from './epcis/validate.ts';
import { checkEpcisXml, epcisXmlToJson } from './epcis/xml.ts';
import { destinationGlnsOf, isShipment, partyGlnsOf } from './parties.ts';

export type CaptureBehaviour = 'rollback' | 'proceed';

export const MAX_EVENTS = 10_000;

/** How deep a capture document may nest (objects/arrays in JSON, elements in XML); EPCIS needs about ten. */
export const MAX_DEPTH = 64;

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
  /** The party GLNs named as destination (a subset of partyGlns). */
  destinationGlns: string[];
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

class Refused extends Error {
  constructor(readonly errors: EpcisValidationError[]) {
    super('the capture is refused');
  }
}

export function prepareCapture(input: CaptureInput): PreparedCapture {
  try {
    const doc = parse(input);
    const raw = eventsOf(doc);
    if (raw.length > MAX_EVENTS) throw new Refused([{ eventIndex: null, path: '/epcisBody/eventList', message: `at most ${MAX_EVENTS} events a capture` }]);
    const context = (doc as { '@context'?: unknown })?.['@context'];
    const whole = validateEpcisDocument(doc, { binding: /xml/.test(input.contentType) ? 'xml' : 'json' });
    // Who recorded an event is the platform's to say: a capture may not carry Symbiont's annotations.
    const reserved = reservedKeyErrors(raw, context);
    if (whole.ok && !reserved.length) return { events: whole.events.map((e) => prepared(normalizeEvent(e, context as never))), errors: [] };
    const errors = [...(whole.ok ? [] : whole.errors), ...reserved].sort((a, b) => (a.eventIndex ?? -1) - (b.eventIndex ?? -1));
    if (input.behaviour === 'rollback' || errors.some((e) => e.eventIndex === null)) return { events: [], errors };
    const bad = new Set(errors.map((e) => e.eventIndex));
    const events: PreparedEvent[] = [];
    raw.forEach((e, i) => {
      if (!bad.has(i)) events.push(prepared(normalizeEvent(e as EpcisEvent, context as never)));
    });
    return { events, errors };
  } catch (err) {
    if (err instanceof Refused) return { events: [], errors: err.errors };
    return { events: [], errors: [{ eventIndex: null, path: '', message: `capture failed: ${(err as Error).message}` }] };
  }
}

/** Prefix → IRI definitions of a JSON-LD context (inline maps only; remote contexts are not loaded). */
function prefixes(context: unknown, into = new Map<string, string>()): Map<string, string> {
  for (const c of Array.isArray(context) ? context : [context]) {
    if (!c || typeof c !== 'object') continue;
    for (const [k, v] of Object.entries(c as Record<string, unknown>)) {
      const iri = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as Record<string, unknown>)['@id'] : undefined;
      if (typeof iri === 'string') into.set(k, iri);
    }
  }
  return into;
}

/**
 * Events that carry a key in Symbiont's namespace (`symbiont:recordedBy`, whatever prefix names
 * urn:symbiont:, or the prefix `symbiont` itself whatever it names): refused, by event index. The
 * platform adds `symbiont:recordedBy` to the events it serves; a sender may not supply it.
 */
export function reservedKeyErrors(events: unknown[], docContext: unknown): EpcisValidationError[] {
  const errors: EpcisValidationError[] = [];
  const base = prefixes(docContext);
  events.forEach((e, eventIndex) => {
    if (!e || typeof e !== 'object' || Array.isArray(e)) return;
    const ns = prefixes((e as Record<string, unknown>)['@context'], new Map(base));
    for (const key of Object.keys(e)) {
      const i = key.indexOf(':');
      const prefix = i > 0 ? key.slice(0, i) : '';
      if (prefix === 'symbiont' || key.startsWith(SYMBIONT_NS) || (prefix && ns.get(prefix)?.startsWith(SYMBIONT_NS))) {
        errors.push({ eventIndex, path: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: 'is set by the platform (who recorded the event); a capture may not supply it' });
      }
    }
  });
  return errors;
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

/**
 * The check a capture gets on the request, before its job exists (POST /epcis/capture answers 400 when it fails):
 * the document is not empty, is well formed (JSON: parses; XML: one SAX pass, no DTD), nests at most MAX_DEPTH
 * deep, and has the top-level shape of capture input (an EPCISDocument with an epcisBody.eventList, an array of
 * events or one event; at most MAX_EVENTS events). Schema and semantic validation of the events stays with the
 * job, in a capture worker (prepareCapture). Returns the errors; none when the document may be captured.
 */
export function checkCapture(input: Pick<CaptureInput, 'body' | 'contentType'>): EpcisValidationError[] {
  const { body, contentType } = input;
  const refuse = (message: string, path = ''): EpcisValidationError[] => [{ eventIndex: null, path, message }];
  const text =
    typeof body === 'string' ? body
    : body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
    : body === undefined || body === null ? ''
    : null;
  if (text !== null && !/\S/.test(text)) return refuse('the capture document is empty');
  if (/xml/.test(contentType)) return checkEpcisXml(text ?? '', { maxEvents: MAX_EVENTS, maxDepth: MAX_DEPTH });
  let doc: unknown = body;
  if (text !== null) {
    if (nestsDeeper(text, MAX_DEPTH)) return refuse(`the document nests more than ${MAX_DEPTH} levels deep`);
    try {
      doc = JSON.parse(text);
    } catch (err) {
      return refuse(`the document is not JSON: ${(err as Error).message}`);
    }
  }
  if (Array.isArray(doc)) {
    if (doc.length > MAX_EVENTS) return refuse(`at most ${MAX_EVENTS} events a capture`);
    const i = doc.findIndex((e) => typeof e !== 'object' || e === null || typeof (e as { type?: unknown }).type !== 'string');
    return i < 0 ? [] : [{ eventIndex: i, path: '', message: 'an event must be an object with a "type"' }];
  }
  if (typeof doc !== 'object' || doc === null) return refuse('expected an EPCISDocument, an array of events or an event object');
  const d = doc as Record<string, unknown>;
  if (d.type === 'EPCISQueryDocument') return refuse('EPCISQueryDocument is a query response and cannot be captured; send an EPCISDocument', '/type');
  if (d.type === 'EPCISDocument' || 'epcisBody' in d) {
    const eventList = (d.epcisBody as { eventList?: unknown } | null)?.eventList;
    if (!Array.isArray(eventList)) return refuse('an EPCISDocument needs epcisBody.eventList, an array of events', '/epcisBody/eventList');
    if (eventList.length > MAX_EVENTS) return refuse(`at most ${MAX_EVENTS} events a capture`, '/epcisBody/eventList');
    return [];
  }
  if (typeof d.type !== 'string') return refuse('expected an EPCISDocument, an array of events or an event object (with a "type")', '/type');
  return [];
}

/** True when JSON text nests objects/arrays deeper than `max` (one pass over the characters, strings skipped). */
function nestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
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
    destinationGlns: destinationGlnsOf(n.event as never),
  };
}

/** The stored document: the prepared one with its record time. */
export function storedDoc(p: PreparedEvent, recordTime: string): string {
  return `${p.docOpen}"recordTime":${JSON.stringify(recordTime)}}`;
}
