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
import * as ajvFormats from 'ajv-formats/dist/formats.js';
import {
  epcisDocumentSchema,
  epcisEventListSchema,
  epcisEventSchema,
  EVENT_TYPES,
} from './schema.ts';
import { MEASUREMENT_TYPES, SENSOR_ALERT_TYPES, VOCAB } from './xml.ts';

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

// ajv-formats' RFC 3986 `uri` check: the one GS1's JSON Schema is run with, so our URIs are at least as strict.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const formats: any = (ajvFormats as any).fullFormats ?? (ajvFormats as any).default?.fullFormats;
const uriFormat = formats.uri as (s: string) => boolean;

/** True when `s` is an absolute URI (RFC 3986, as ajv-formats' `uri`). */
export function isUri(s: unknown): s is string {
  return typeof s === 'string' && uriFormat(s);
}

/** GS1 JSON Schema: a non-standard CBV value is a URI, but not a CBV URN or a ns.gs1.org CBV URI (those are written as bare terms). */
const CBV_URI = /^(?:urn:epcglobal:cbv|https?:\/\/ns\.gs1\.org\/cbv\/)/i;
const GS1_VOC_URI = /^https?:\/\/(?:www\.)?gs1\.org\/voc\//i;
const otherUri = (s: string) => isUri(s) && !CBV_URI.test(s);


/** The formats our schema uses (schema.ts), with what a failing value must be instead. */
const FORMATS: Record<string, { check: (s: string) => boolean; expected: string }> = {
  uri: { check: uriFormat, expected: 'an absolute URI (RFC 3986)' },
  'cbv-bizStep': { check: (s) => VOCAB.bizStep.terms.has(s) || otherUri(s), expected: 'a CBV business step (e.g. "receiving") or a URI outside the CBV namespace' },
  'cbv-disposition': { check: (s) => VOCAB.disposition.terms.has(s) || otherUri(s), expected: 'a CBV disposition (e.g. "in_transit") or a URI outside the CBV namespace' },
  'cbv-btt': { check: (s) => VOCAB.btt.terms.has(s) || otherUri(s), expected: 'a CBV business transaction type (e.g. "po") or a URI outside the CBV namespace' },
  'cbv-sdt': { check: (s) => VOCAB.sdt.terms.has(s) || otherUri(s), expected: 'a CBV source/destination type (e.g. "owning_party") or a URI outside the CBV namespace' },
  'cbv-er': { check: (s) => VOCAB.er.terms.has(s) || otherUri(s), expected: 'a CBV error reason (e.g. "incorrect_data") or a URI outside the CBV namespace' },
  'cbv-component': { check: (s) => VOCAB.component.terms.has(s) || otherUri(s), expected: 'a CBV component (e.g. "latitude") or a URI outside the CBV namespace' },
  'gs1-measurementType': { check: (s) => MEASUREMENT_TYPES.has(s) || (isUri(s) && !GS1_VOC_URI.test(s)), expected: 'a GS1 measurement type (e.g. "Temperature") or a URI outside the GS1 Web vocabulary' },
  'gs1-sensorAlertType': { check: (s) => SENSOR_ALERT_TYPES.has(s) || (isUri(s) && !GS1_VOC_URI.test(s)), expected: 'ALARM_CONDITION, ERROR_CONDITION or a URI outside the GS1 Web vocabulary' },
};

let compiled: { doc: ValidateFn; list: ValidateFn; event: ValidateFn } | null = null;
function validators() {
  if (!compiled) {
    const ajv = new AjvClass({ allErrors: true, strict: false, discriminator: true });
    for (const [name, f] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate: f.check });
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
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * True when `s` is an RFC 3339 date-time with a time zone that denotes a real instant, in the form both GS1
 * schemas accept: the XSD's DateTimeStamp (upper-case `Z` or ±hh:mm up to ±14:00, no leap second, year ≥ 1)
 * and the JSON Schema's `date-time`.
 */
export function isRfc3339DateTime(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = RFC3339.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
  if (y < 1 || mo < 1 || mo > 12 || h > 23 || mi > 59 || se > 59) return false;
  const dim = new Date(Date.UTC(2000, mo, 0)).getUTCDate(); // days in month (leap year 2000 for Feb)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d < 1 || d > (mo === 2 ? (leap ? 29 : 28) : dim)) return false;
  if (m[7] && !TIME_ZONE_OFFSET.test(`${m[7]}${m[8]}:${m[9]}`)) return false;
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

/** Where a document came from: the JSON binding (GS1's JSON Schema applies) or the XML binding (its XSD applies). */
export interface ValidateOptions {
  binding?: 'json' | 'xml';
}

/** Semantic rules for one (schema-valid-ish) event; paths are relative to the event. */
export function semanticIssues(ev: Record<string, unknown>, opts: ValidateOptions = {}): Issue[] {
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
    // What each event type must name (EPCIS 2.0 §7.4; GS1's JSON Schema enforces the same)
    case 'ObjectEvent':
      if (!Array.isArray(ev.epcList) && !nonEmptyArray(ev.quantityList) && !(nonEmptyArray(ev.sensorElementList) && isObject(ev.readPoint))) {
        out.push({ path: '/epcList', message: 'an ObjectEvent must have an epcList or a non-empty quantityList (or sensor data and a readPoint)' });
      }
      if (ev.ilmd !== undefined && ev.action !== 'ADD') out.push({ path: '/ilmd', message: 'ilmd is only allowed with action ADD' });
      uniqueIds(ev.epcList, '/epcList', out);
      break;
    case 'AggregationEvent':
      if (ev.action !== 'DELETE' && (typeof ev.parentID !== 'string' || ev.parentID === '')) {
        out.push({ path: '/parentID', message: `an AggregationEvent with action ${String(ev.action)} must name its parentID (only DELETE may omit it)` });
      }
      if (ev.action !== 'DELETE' && !nonEmptyArray(ev.childEPCs) && !nonEmptyArray(ev.childQuantityList)) {
        out.push({ path: '/childEPCs', message: `an AggregationEvent with action ${String(ev.action)} must list children (childEPCs or childQuantityList)` });
      }
      break;
    case 'AssociationEvent':
      if (ev.action !== 'DELETE' && !nonEmptyArray(ev.childEPCs) && !nonEmptyArray(ev.childQuantityList)) {
        out.push({ path: '/childEPCs', message: `an AssociationEvent with action ${String(ev.action)} must list children (childEPCs or childQuantityList)` });
      }
      break;
    case 'TransactionEvent':
      if (ev.action !== 'DELETE' && !Array.isArray(ev.epcList) && !nonEmptyArray(ev.quantityList)) {
        out.push({ path: '/epcList', message: `a TransactionEvent with action ${String(ev.action)} must have an epcList or a non-empty quantityList` });
      }
      break;
    case 'TransformationEvent': {
      const inputs = nonEmptyArray(ev.inputEPCList) || nonEmptyArray(ev.inputQuantityList);
      const outputs = nonEmptyArray(ev.outputEPCList) || nonEmptyArray(ev.outputQuantityList);
      if (!inputs && !outputs) {
        out.push({ path: '', message: 'a TransformationEvent needs at least one input (inputEPCList/inputQuantityList) or output (outputEPCList/outputQuantityList)' });
      } else if (!(inputs && outputs) && ev.transformationID === undefined) {
        out.push({ path: '/transformationID', message: 'a TransformationEvent with only inputs or only outputs must name its transformationID' });
      }
      uniqueIds(ev.inputEPCList, '/inputEPCList', out);
      uniqueIds(ev.outputEPCList, '/outputEPCList', out);
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
          // GS1's JSON Schema requires a sensor report's type; its XSD does not (XML may leave it out)
          if (r.type === undefined && opts.binding !== 'xml') out.push({ path: `${rp}/type`, message: 'missing required property "type"' });
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

  // Extension keys must carry a namespace prefix (bare unknown keys are reported by the schema) and be URIs.
  extensionKeys(ev, '', out);
  for (const k of ['readPoint', 'bizLocation', 'errorDeclaration']) if (isObject(ev[k])) extensionKeys(ev[k] as Record<string, unknown>, `/${k}`, out);
  if (Array.isArray(ev.sensorElementList)) {
    ev.sensorElementList.forEach((se, i) => {
      if (!isObject(se)) return;
      extensionKeys(se, `/sensorElementList/${i}`, out);
      if (isObject(se.sensorMetadata)) extensionKeys(se.sensorMetadata, `/sensorElementList/${i}/sensorMetadata`, out);
      if (Array.isArray(se.sensorReport)) se.sensorReport.forEach((r, j) => isObject(r) && extensionKeys(r, `/sensorElementList/${i}/sensorReport/${j}`, out));
    });
  }
  return out;
}

/** Keys with a colon (user extensions; standard keys have none) must be URIs, as GS1's schema requires. */
function extensionKeys(obj: Record<string, unknown>, base: string, out: Issue[]) {
  for (const key in obj) {
    if (key.includes(':') && !uriFormat(key)) out.push({ path: `${base}/${escapePointer(key)}`, message: 'an extension key must be a URI or a prefixed name (e.g. "example:myField")' });
  }
}

/** GS1's schema: the EPCs of an ObjectEvent and of a transformation's inputs / outputs are listed once each. */
function uniqueIds(list: unknown, path: string, out: Issue[]) {
  if (!Array.isArray(list) || list.length < 2) return;
  const seen = new Set<unknown>();
  list.forEach((id, i) => {
    if (seen.has(id)) out.push({ path: `${path}/${i}`, message: `${JSON.stringify(id)} is listed twice` });
    seen.add(id);
  });
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
    case 'format':
      return `must be ${FORMATS[String(e.params.format)]?.expected ?? e.params.format}`;
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

function semanticErrors(events: unknown[], opts: ValidateOptions): EpcisValidationError[] {
  const out: EpcisValidationError[] = [];
  events.forEach((ev, i) => {
    if (!isObject(ev)) return;
    for (const issue of semanticIssues(ev, opts)) out.push({ eventIndex: i, ...issue });
  });
  return out;
}

function finish(events: unknown[], schemaErrors: EpcisValidationError[], opts: ValidateOptions): EpcisValidationResult {
  const errors = [...schemaErrors, ...semanticErrors(events, opts)];
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
 * Validate EPCIS 2.0 capture input: an `EPCISDocument`, a bare array of events, or one event object. With
 * `binding: 'xml'` (a document converted from XML by xml.ts) the few fields GS1's XSD leaves optional but its
 * JSON Schema requires (a sensor report's `type`) may be absent.
 * On success returns the events (unchanged objects from the input). Query documents (`EPCISQueryDocument`)
 * are rejected: they are query responses, not capture input.
 */
export function validateEpcisDocument(doc: unknown, opts: ValidateOptions = {}): EpcisValidationResult {
  const v = validators();
  if (Array.isArray(doc)) {
    const ok = v.list(doc);
    return finish(doc, ok ? [] : mapErrors(v.list.errors ?? [], /^\/(\d+)(?=\/|$)/), opts);
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
    const errors = ok ? [] : mapErrors(v.doc.errors ?? [], /^\/epcisBody\/eventList\/(\d+)(?=\/|$)/);
    const issues: Issue[] = [];
    checkTime(doc.creationDate, '/creationDate', issues);
    extensionKeys(doc, '', issues);
    if (isObject(doc.epcisHeader)) extensionKeys(doc.epcisHeader, '/epcisHeader', issues);
    for (const i of issues) if (!errors.some((e) => e.eventIndex === null && e.path === i.path)) errors.push({ eventIndex: null, ...i });
    return finish(events, errors, opts);
  }
  // a single event
  const ok = v.event(doc);
  return finish([doc], ok ? [] : mapErrors(v.event.errors ?? [], null), opts);
}
