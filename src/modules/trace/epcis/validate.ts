/**
 * Validation of EPCIS 2.0 JSON / JSON-LD capture input: an EPCISDocument, a bare array of events, or one event.
 *
 * Two layers:
 *  1. the JSON Schema in schema.ts (ajv, allErrors), which checks structure, required fields, types and patterns;
 *  2. semantic checks the schema cannot express (real calendar dates, aggregation/transformation rules,
 *     quantities > 0, UN/CEFACT Rec 20 unit codes, sensor value ranges).
 * Every error names the event (index in the event list, `null` for document-level problems) and a JSON
 * pointer relative to that event (or to the document when eventIndex is null).
 */
import AjvModule from 'ajv';
import {
  epcisDocumentSchema,
  epcisEventListSchema,
  epcisEventSchema,
  EVENT_TYPES,
} from './schema.ts';

// ---------------------------------------------------------------------------------------------------------
// Types (EPCIS 2.0 JSON binding)
// ---------------------------------------------------------------------------------------------------------

export type EpcisEventType =
  | 'ObjectEvent'
  | 'AggregationEvent'
  | 'TransactionEvent'
  | 'TransformationEvent'
  | 'AssociationEvent';

export type EpcisAction = 'ADD' | 'OBSERVE' | 'DELETE';

/** JSON-LD context: IRI, prefix map, or an array of both. */
export type JsonLdContext = string | Record<string, unknown> | Array<string | Record<string, unknown>>;

export interface QuantityElement {
  epcClass: string;
  quantity?: number;
  uom?: string;
  [extension: string]: unknown;
}

export interface EpcisLocation {
  id: string;
  [extension: string]: unknown;
}

export interface BizTransaction {
  type?: string;
  bizTransaction: string;
  [extension: string]: unknown;
}

export interface SourceElement {
  type: string;
  source: string;
  [extension: string]: unknown;
}

export interface DestinationElement {
  type: string;
  destination: string;
  [extension: string]: unknown;
}

export interface ErrorDeclaration {
  declarationTime: string;
  reason?: string;
  correctiveEventIDs?: string[];
  [extension: string]: unknown;
}

export interface PersistentDisposition {
  set?: string[];
  unset?: string[];
  [extension: string]: unknown;
}

export interface SensorMetadata {
  time?: string;
  startTime?: string;
  endTime?: string;
  deviceID?: string;
  deviceMetadata?: string;
  rawData?: string;
  dataProcessingMethod?: string;
  bizRules?: string;
  [extension: string]: unknown;
}

export interface SensorReport {
  type?: string;
  exception?: string;
  deviceID?: string;
  deviceMetadata?: string;
  rawData?: string;
  dataProcessingMethod?: string;
  bizRules?: string;
  time?: string;
  microorganism?: string;
  chemicalSubstance?: string;
  value?: number;
  component?: string;
  stringValue?: string;
  booleanValue?: boolean;
  hexBinaryValue?: string;
  uriValue?: string;
  minValue?: number;
  maxValue?: number;
  meanValue?: number;
  sDev?: number;
  percRank?: number;
  percValue?: number;
  uom?: string;
  coordinateReferenceSystem?: string;
  [extension: string]: unknown;
}

export interface SensorElement {
  sensorMetadata?: SensorMetadata;
  sensorReport: SensorReport[];
  [extension: string]: unknown;
}

/** Fields common to all five event types. */
export interface EpcisEventBase {
  type: EpcisEventType;
  '@context'?: JsonLdContext;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime?: string;
  eventID?: string;
  errorDeclaration?: ErrorDeclaration;
  certificationInfo?: string | string[];
  readPoint?: EpcisLocation;
  bizLocation?: EpcisLocation;
  bizStep?: string;
  disposition?: string;
  persistentDisposition?: PersistentDisposition;
  bizTransactionList?: BizTransaction[];
  sourceList?: SourceElement[];
  destinationList?: DestinationElement[];
  sensorElementList?: SensorElement[];
  /** User extensions: keys with a namespace prefix declared in the @context, e.g. `example:myField`. */
  [extension: string]: unknown;
}

export interface ObjectEvent extends EpcisEventBase {
  type: 'ObjectEvent';
  action: EpcisAction;
  epcList?: string[];
  quantityList?: QuantityElement[];
  ilmd?: Record<string, unknown>;
}

export interface AggregationEvent extends EpcisEventBase {
  type: 'AggregationEvent';
  action: EpcisAction;
  parentID?: string;
  childEPCs?: string[];
  childQuantityList?: QuantityElement[];
}

export interface TransactionEvent extends EpcisEventBase {
  type: 'TransactionEvent';
  action: EpcisAction;
  parentID?: string;
  epcList?: string[];
  quantityList?: QuantityElement[];
  bizTransactionList: BizTransaction[];
}

export interface TransformationEvent extends EpcisEventBase {
  type: 'TransformationEvent';
  inputEPCList?: string[];
  inputQuantityList?: QuantityElement[];
  outputEPCList?: string[];
  outputQuantityList?: QuantityElement[];
  transformationID?: string;
  ilmd?: Record<string, unknown>;
}

export interface AssociationEvent extends EpcisEventBase {
  type: 'AssociationEvent';
  action: EpcisAction;
  parentID: string;
  childEPCs?: string[];
  childQuantityList?: QuantityElement[];
}

export type EpcisEvent =
  | ObjectEvent
  | AggregationEvent
  | TransactionEvent
  | TransformationEvent
  | AssociationEvent;

export interface EpcisDocument {
  '@context'?: JsonLdContext;
  id?: string;
  type: 'EPCISDocument';
  schemaVersion: string | number;
  creationDate: string;
  sender?: string;
  receiver?: string;
  instanceIdentifier?: string;
  epcisHeader?: Record<string, unknown>;
  epcisBody: { eventList: EpcisEvent[] };
  [extension: string]: unknown;
}

export interface EpcisValidationError {
  /** Position of the event in the event list; null for a document-level error. */
  eventIndex: number | null;
  /** JSON pointer relative to the event (or to the document when eventIndex is null); '' is the root. */
  path: string;
  message: string;
}

export type EpcisValidationResult =
  | { ok: true; events: EpcisEvent[] }
  | { ok: false; errors: EpcisValidationError[] };

// ---------------------------------------------------------------------------------------------------------
// ajv set-up
// ---------------------------------------------------------------------------------------------------------

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

// ajv is CommonJS: under NodeNext its default export may be the module namespace or the class.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const AjvClass: any = (AjvModule as any).default ?? AjvModule;

let compiled: { doc: ValidateFn; list: ValidateFn; event: ValidateFn } | null = null;
function validators() {
  if (!compiled) {
    const ajv = new AjvClass({ allErrors: true, strict: false, discriminator: true });
    compiled = {
      doc: ajv.compile(epcisDocumentSchema),
      list: ajv.compile(epcisEventListSchema),
      event: ajv.compile(epcisEventSchema),
    };
  }
  return compiled!;
}

// ---------------------------------------------------------------------------------------------------------
// Semantic checks
// ---------------------------------------------------------------------------------------------------------

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** True when `s` is an RFC 3339 date-time with a time zone that denotes a real instant. */
export function isRfc3339DateTime(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = RFC3339.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || se > 60) return false;
  const dim = new Date(Date.UTC(2000, mo, 0)).getUTCDate(); // days in month (leap year 2000 for Feb)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d < 1 || d > (mo === 2 ? (leap ? 29 : 28) : dim)) return false;
  if (m[7] && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}

/**
 * UN/CEFACT Recommendation 20 common codes are 2–3 characters, upper-case letters and digits
 * (e.g. KGM, MTR, CEL, A93, P71, 4H). We check the shape, not membership of the full code list.
 */
export const REC20_CODE = /^[A-Z0-9]{2,3}$/;

const TIME_ZONE_OFFSET = /^[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)$/;

type Issue = { path: string; message: string };

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function nonEmptyArray(x: unknown): boolean {
  return Array.isArray(x) && x.length > 0;
}

function checkTime(value: unknown, path: string, out: Issue[]) {
  if (typeof value === 'string' && !isRfc3339DateTime(value)) {
    out.push({ path, message: 'must be an RFC 3339 date-time with a time zone (e.g. 2024-05-01T08:00:00.000+02:00) denoting a real date' });
  }
}

function checkQuantities(list: unknown, path: string, out: Issue[]) {
  if (!Array.isArray(list)) return;
  list.forEach((q, i) => {
    if (!isObject(q)) return;
    if (typeof q.quantity === 'number' && !(q.quantity > 0)) {
      out.push({ path: `${path}/${i}/quantity`, message: 'quantity must be greater than 0' });
    }
    if (q.uom !== undefined) {
      if (typeof q.uom === 'string' && !REC20_CODE.test(q.uom)) {
        out.push({ path: `${path}/${i}/uom`, message: `"${q.uom}" does not look like a UN/CEFACT Rec 20 unit code (2–3 upper-case letters/digits)` });
      }
      if (q.quantity === undefined) {
        out.push({ path: `${path}/${i}/uom`, message: 'uom requires quantity' });
      }
    }
  });
}

function escapePointer(s: string) {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Semantic rules for one (schema-valid-ish) event; paths are relative to the event. */
export function semanticIssues(ev: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  checkTime(ev.eventTime, '/eventTime', out);
  checkTime(ev.recordTime, '/recordTime', out);
  if (typeof ev.eventTimeZoneOffset === 'string' && !TIME_ZONE_OFFSET.test(ev.eventTimeZoneOffset)) {
    out.push({ path: '/eventTimeZoneOffset', message: 'must be a time zone offset of the form +hh:mm or -hh:mm between -14:00 and +14:00' });
  }
  if (isObject(ev.errorDeclaration)) checkTime(ev.errorDeclaration.declarationTime, '/errorDeclaration/declarationTime', out);

  for (const key of ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']) {
    checkQuantities(ev[key], `/${key}`, out);
  }

  switch (ev.type) {
    case 'AggregationEvent':
      if (ev.action !== 'DELETE' && (typeof ev.parentID !== 'string' || ev.parentID === '')) {
        out.push({ path: '/parentID', message: `an AggregationEvent with action ${String(ev.action)} must name its parentID (only DELETE may omit it)` });
      }
      if (ev.action === 'ADD' && !nonEmptyArray(ev.childEPCs) && !nonEmptyArray(ev.childQuantityList)) {
        out.push({ path: '/childEPCs', message: 'an AggregationEvent with action ADD must list children (childEPCs or childQuantityList)' });
      }
      break;
    case 'AssociationEvent':
      if (ev.action === 'ADD' && !nonEmptyArray(ev.childEPCs) && !nonEmptyArray(ev.childQuantityList)) {
        out.push({ path: '/childEPCs', message: 'an AssociationEvent with action ADD must list children (childEPCs or childQuantityList)' });
      }
      break;
    case 'TransformationEvent': {
      const inputs = nonEmptyArray(ev.inputEPCList) || nonEmptyArray(ev.inputQuantityList);
      const outputs = nonEmptyArray(ev.outputEPCList) || nonEmptyArray(ev.outputQuantityList);
      if (!inputs && !outputs) {
        out.push({ path: '', message: 'a TransformationEvent needs at least one input (inputEPCList/inputQuantityList) or output (outputEPCList/outputQuantityList)' });
      }
      break;
    }
    default:
      break;
  }

  if (isObject(ev.persistentDisposition)) {
    const pd = ev.persistentDisposition;
    const set = Array.isArray(pd.set) ? pd.set : [];
    const unset = Array.isArray(pd.unset) ? pd.unset : [];
    for (const v of set) {
      if (unset.includes(v)) out.push({ path: '/persistentDisposition', message: `disposition "${String(v)}" is both set and unset` });
    }
  }

  if (Array.isArray(ev.sensorElementList)) {
    ev.sensorElementList.forEach((se, i) => {
      if (!isObject(se)) return;
      const base = `/sensorElementList/${i}`;
      if (isObject(se.sensorMetadata)) {
        for (const k of ['time', 'startTime', 'endTime']) checkTime(se.sensorMetadata[k], `${base}/sensorMetadata/${k}`, out);
        const { startTime, endTime } = se.sensorMetadata;
        if (isRfc3339DateTime(startTime) && isRfc3339DateTime(endTime) && Date.parse(startTime) > Date.parse(endTime)) {
          out.push({ path: `${base}/sensorMetadata/endTime`, message: 'endTime must not be before startTime' });
        }
      }
      if (Array.isArray(se.sensorReport)) {
        se.sensorReport.forEach((r, j) => {
          if (!isObject(r)) return;
          const rp = `${base}/sensorReport/${j}`;
          checkTime(r.time, `${rp}/time`, out);
          if (typeof r.uom === 'string' && !REC20_CODE.test(r.uom)) {
            out.push({ path: `${rp}/uom`, message: `"${r.uom}" does not look like a UN/CEFACT Rec 20 unit code (2–3 upper-case letters/digits)` });
          }
          if (typeof r.minValue === 'number' && typeof r.maxValue === 'number' && r.minValue > r.maxValue) {
            out.push({ path: `${rp}/minValue`, message: 'minValue must not exceed maxValue' });
          }
          if (typeof r.percRank === 'number' && (r.percRank < 0 || r.percRank > 100)) {
            out.push({ path: `${rp}/percRank`, message: 'percRank must be between 0 and 100' });
          }
          if (typeof r.sDev === 'number' && r.sDev < 0) {
            out.push({ path: `${rp}/sDev`, message: 'sDev must not be negative' });
          }
        });
      }
    });
  }

  // Extension keys must carry a namespace prefix; bare unknown keys are reported by the schema.
  for (const key of Object.keys(ev)) {
    if (key.includes(':') && /^\s|\s$/.test(key)) {
      out.push({ path: `/${escapePointer(key)}`, message: 'extension key must not have leading/trailing whitespace' });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Error mapping
// ---------------------------------------------------------------------------------------------------------

function ajvMessage(e: AjvError): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(e.params.additionalProperty)}" (user extensions need a namespace prefix, e.g. "example:${String(e.params.additionalProperty)}")`;
    case 'required':
      return `missing required property "${String(e.params.missingProperty)}"`;
    case 'discriminator':
      return `event type must be one of ${EVENT_TYPES.join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(e.params.allowedValue)}`;
    case 'enum':
      return `${e.message ?? 'must be one of the allowed values'}: ${JSON.stringify(e.params.allowedValues)}`;
    case 'pattern':
      return `does not match the expected format (${String(e.params.pattern)})`;
    default:
      return e.message ?? e.keyword;
  }
}

/** Drop the noise ajv produces around anyOf/oneOf when a more specific error exists at the same spot. */
function prune(errors: AjvError[]): AjvError[] {
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  return specific.length ? specific : errors;
}

function mapErrors(errors: AjvError[], prefixRe: RegExp | null): EpcisValidationError[] {
  const seen = new Set<string>();
  const out: EpcisValidationError[] = [];
  for (const e of prune(errors)) {
    let eventIndex: number | null = null;
    let path = e.instancePath;
    if (prefixRe) {
      const m = prefixRe.exec(e.instancePath);
      if (m) {
        eventIndex = Number(m[1]);
        path = e.instancePath.slice(m[0].length);
      }
    } else {
      eventIndex = 0;
    }
    // point at the offending / missing property rather than at its parent object
    if (e.keyword === 'additionalProperties') path += `/${escapePointer(String(e.params.additionalProperty))}`;
    if (e.keyword === 'required') path += `/${escapePointer(String(e.params.missingProperty))}`;
    const message = ajvMessage(e);
    const key = `${eventIndex}|${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ eventIndex, path, message });
  }
  return out;
}

function semanticErrors(events: unknown[]): EpcisValidationError[] {
  const out: EpcisValidationError[] = [];
  events.forEach((ev, i) => {
    if (!isObject(ev)) return;
    for (const issue of semanticIssues(ev)) out.push({ eventIndex: i, ...issue });
  });
  return out;
}

function finish(events: unknown[], schemaErrors: EpcisValidationError[]): EpcisValidationResult {
  const errors = [...schemaErrors, ...semanticErrors(events)];
  // one message per (event, path, message)
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const k = `${e.eventIndex}|${e.path}|${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => (a.eventIndex ?? -1) - (b.eventIndex ?? -1));
  return unique.length ? { ok: false, errors: unique } : { ok: true, events: events as EpcisEvent[] };
}

/**
 * Validate EPCIS 2.0 capture input: an `EPCISDocument`, a bare array of events, or one event object.
 * On success returns the events (unchanged objects from the input). Query documents (`EPCISQueryDocument`)
 * are rejected: they are query responses, not capture input.
 */
export function validateEpcisDocument(doc: unknown): EpcisValidationResult {
  const v = validators();
  if (Array.isArray(doc)) {
    const ok = v.list(doc);
    return finish(doc, ok ? [] : mapErrors(v.list.errors ?? [], /^\/(\d+)(?=\/|$)/));
  }
  if (!isObject(doc)) {
    return { ok: false, errors: [{ eventIndex: null, path: '', message: 'expected an EPCISDocument, an array of events or an event object' }] };
  }
  if (doc.type === 'EPCISQueryDocument') {
    return {
      ok: false,
      errors: [{ eventIndex: null, path: '/type', message: 'EPCISQueryDocument is a query response and cannot be captured; send an EPCISDocument' }],
    };
  }
  if (doc.type === 'EPCISDocument' || 'epcisBody' in doc) {
    const ok = v.doc(doc);
    const body = isObject(doc.epcisBody) ? doc.epcisBody : {};
    const events = Array.isArray(body.eventList) ? body.eventList : [];
    return finish(events, ok ? [] : mapErrors(v.doc.errors ?? [], /^\/epcisBody\/eventList\/(\d+)(?=\/|$)/));
  }
  // a single event
  const ok = v.event(doc);
  return finish([doc], ok ? [] : mapErrors(v.event.errors ?? [], null));
}
