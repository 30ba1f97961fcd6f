/**
 * Sparkplug B 3.0 as pure logic: no MQTT client, no I/O, no clock.
 *
 * The MQTT wiring subscribes to `spBv1.0/#` and calls `SparkplugSessions.handle(topic, payload,
 * receivedAt)` for every message; what comes back is what the platform must do: store readings,
 * mark nodes/devices online or offline, log sequence gaps, and (for `rejected`) possibly send a
 * rebirth request. Nothing here throws on bad input from the wire. See docs/sparkplug.md.
 */
import sparkplugPayload from 'sparkplug-payload';
import type { TypeStr, UMetric, UPayload } from 'sparkplug-payload/lib/sparkplugbpayload.js';
import SparkplugProto from 'sparkplug-payload/lib/sparkplugPayloadProto.js';

// ---------------------------------------------------------------------------------------------
// Topics

export type SparkplugMessageType = 'NBIRTH' | 'NDEATH' | 'DBIRTH' | 'DDEATH' | 'NDATA' | 'DDATA' | 'NCMD' | 'DCMD' | 'STATE';

export interface SparkplugTopic {
  group: string;
  type: SparkplugMessageType;
  /** The edge node id; for STATE (`spBv1.0/STATE/{hostId}`) the host id, with `group` ''. */
  edgeNode: string;
  device?: string;
  /** Only for STATE. */
  hostId?: string;
}

export const SPARKPLUG_NAMESPACE = 'spBv1.0';

const NODE_TYPES = new Set<SparkplugMessageType>(['NBIRTH', 'NDEATH', 'NDATA', 'NCMD']);
const DEVICE_TYPES = new Set<SparkplugMessageType>(['DBIRTH', 'DDEATH', 'DDATA', 'DCMD']);

/** Keeps reasons readable when a topic or name is huge. */
function clip(s: string, max = 120): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Sparkplug ids: non-empty, and no MQTT wildcard or level separator (the split removed '/'). */
function badId(id: string): boolean {
  return id.length === 0 || id.includes('+') || id.includes('#');
}

/** `spBv1.0/{group}/{type}/{edgeNode}[/{device}]`, or `spBv1.0/STATE/{hostId}`. */
export function parseSparkplugTopic(topic: string): SparkplugTopic | { error: string } {
  if (typeof topic !== 'string') return { error: 'topic is not a string' };
  const parts = topic.split('/');
  if (parts[0] !== SPARKPLUG_NAMESPACE) return { error: `not a Sparkplug B topic (namespace must be ${SPARKPLUG_NAMESPACE}): ${clip(topic)}` };
  if (parts[1] === 'STATE' && parts.length === 3) {
    const hostId = parts[2];
    if (badId(hostId)) return { error: `bad host id in STATE topic: ${clip(topic)}` };
    return { group: '', type: 'STATE', edgeNode: hostId, hostId };
  }
  if (parts.length < 4) return { error: `too few topic levels (spBv1.0/{group}/{type}/{edgeNode}[/{device}]): ${clip(topic)}` };
  if (parts.length > 5) return { error: `too many topic levels (spBv1.0/{group}/{type}/{edgeNode}[/{device}]): ${clip(topic)}` };
  const [, group, type, edgeNode, device] = parts;
  const t = type as SparkplugMessageType;
  if (!NODE_TYPES.has(t) && !DEVICE_TYPES.has(t)) return { error: `unknown message type ${clip(type, 40)}: ${clip(topic)}` };
  if (badId(group)) return { error: `bad group id: ${clip(topic)}` };
  if (badId(edgeNode)) return { error: `bad edge node id: ${clip(topic)}` };
  if (DEVICE_TYPES.has(t)) {
    if (device === undefined) return { error: `${t} needs a device id (spBv1.0/{group}/${t}/{edgeNode}/{device}): ${clip(topic)}` };
    if (badId(device)) return { error: `bad device id: ${clip(topic)}` };
    return { group, type: t, edgeNode, device };
  }
  if (device !== undefined) return { error: `${t} takes no device id (spBv1.0/{group}/${t}/{edgeNode}): ${clip(topic)}` };
  return { group, type: t, edgeNode };
}

// ---------------------------------------------------------------------------------------------
// Datatypes

/** Sparkplug B 3.0 DataType codes (code 0 is "Unknown", which is also what an absent datatype reads as). */
export const SPARKPLUG_DATATYPES = [
  'Unknown', 'Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'Float', 'Double',
  'Boolean', 'String', 'DateTime', 'Text', 'UUID', 'DataSet', 'Bytes', 'File', 'Template', 'PropertySet',
  'PropertySetList', 'Int8Array', 'Int16Array', 'Int32Array', 'Int64Array', 'UInt8Array', 'UInt16Array',
  'UInt32Array', 'UInt64Array', 'FloatArray', 'DoubleArray', 'BooleanArray', 'StringArray', 'DateTimeArray',
] as const;

const DT = {
  Int8: 1, Int16: 2, Int32: 3, Int64: 4, UInt8: 5, UInt16: 6, UInt32: 7, UInt64: 8,
  Float: 9, Double: 10, Boolean: 11, DateTime: 13,
} as const;

/** The datatypes that become readings. */
export const NUMERIC_DATATYPES: readonly string[] = ['Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'Float', 'Double', 'Boolean'];

export function datatypeName(code: number): string {
  return SPARKPLUG_DATATYPES[code] ?? 'Unknown';
}

function datatypeCode(name: string | undefined): number {
  if (name === undefined) return 0;
  const i = (SPARKPLUG_DATATYPES as readonly string[]).indexOf(name);
  return i < 0 ? 0 : i;
}

/** A 64-bit integer as it comes out of protobufjs (a `Long`, from whichever copy of `long`), a bigint, a number or a decimal string. */
function toBigInt(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : undefined;
  if (typeof v === 'string') return /^-?\d+$/.test(v) ? BigInt(v) : undefined;
  if (v !== null && typeof v === 'object') {
    const { low, high } = v as { low?: unknown; high?: unknown };
    if (typeof low === 'number' && typeof high === 'number') return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
  }
  return undefined;
}

/** For counters, timestamps, aliases and seq (all uint64 on the wire). */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const b = toBigInt(v);
  return b === undefined ? undefined : Number(BigInt.asUintN(64, b));
}

/** An integer of `bits` width, whatever form it arrived in; out-of-range values wrap like a C cast. */
function intValue(v: unknown, bits: 8 | 16 | 32 | 64, signed: boolean): number | undefined {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return undefined;
    if (bits === 64) return v;
    if (bits === 32) return signed ? v | 0 : v >>> 0;
    const shift = 32 - bits;
    return signed ? (v << shift) >> shift : v & ((1 << bits) - 1);
  }
  const b = toBigInt(v);
  if (b === undefined) return undefined;
  return Number(signed ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b));
}

/**
 * The number a metric value stands for, or undefined when it is not a numeric datatype (strings,
 * datasets, templates, arrays, DateTime...), does not fit its datatype, or is NaN/±Infinity.
 * Booleans are 1/0; Int64/UInt64 become (possibly rounded) doubles.
 */
export function numericValue(datatype: number | string, value: unknown): number | undefined {
  const code = typeof datatype === 'string' ? datatypeCode(datatype) : datatype;
  let n: number | undefined;
  switch (code) {
    case DT.Int8: n = intValue(value, 8, true); break;
    case DT.Int16: n = intValue(value, 16, true); break;
    case DT.Int32: n = intValue(value, 32, true); break;
    case DT.Int64: n = intValue(value, 64, true); break;
    case DT.UInt8: n = intValue(value, 8, false); break;
    case DT.UInt16: n = intValue(value, 16, false); break;
    case DT.UInt32: n = intValue(value, 32, false); break;
    case DT.UInt64: n = intValue(value, 64, false); break;
    case DT.Float:
    case DT.Double: n = typeof value === 'number' ? value : undefined; break;
    case DT.Boolean: n = typeof value === 'boolean' ? (value ? 1 : 0) : undefined; break;
    default: return undefined;
  }
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Payloads

/** What a decoded value can be: 64-bit integers are bigint (exact); datasets/templates/property sets are left as decoded objects. */
export type DecodedValue = number | bigint | boolean | string | Uint8Array | object | null;

export interface DecodedMetric {
  name?: string;
  alias?: number;
  timestamp?: number;
  /** DataType code; 0 when the message did not carry one (allowed, even recommended, in NDATA/DDATA). */
  datatype: number;
  /** DataType name ('Unknown' for 0 or codes this module does not know). */
  type: string;
  isNull: boolean;
  isHistorical: boolean;
  isTransient: boolean;
  /**
   * With a datatype: the value normalised for it (signed small ints sign-extended, Int64/UInt64/DateTime
   * as bigint). Without one: whichever value field was set, raw (intValue as uint32, longValue as
   * unsigned bigint), to be read with the datatype from the birth.
   */
  value: DecodedValue;
}

export interface DecodedPayload {
  timestamp?: number;
  seq?: number;
  uuid?: string;
  body?: Uint8Array;
  metrics: DecodedMetric[];
}

const codec = sparkplugPayload.get(SPARKPLUG_NAMESPACE);
const ProtoPayload = SparkplugProto.org.eclipse.tahu.protobuf.Payload;
type RawPayload = InstanceType<typeof ProtoPayload>;
type RawMetric = RawPayload['metrics'][number];

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Normalises a value the library decoded for a known datatype. */
function normaliseTyped(code: number, v: unknown): DecodedValue {
  if (v === null || v === undefined) return null;
  switch (code) {
    case DT.Int8: case DT.Int16: case DT.Int32: case DT.UInt8: case DT.UInt16: case DT.UInt32:
      return intValue(v, code === DT.Int8 || code === DT.UInt8 ? 8 : code === DT.Int16 || code === DT.UInt16 ? 16 : 32, code <= DT.Int32) ?? null;
    case DT.Int64: {
      const b = toBigInt(v);
      return b === undefined ? null : BigInt.asIntN(64, b);
    }
    case DT.UInt64: case DT.DateTime: {
      const b = toBigInt(v);
      return b === undefined ? null : BigInt.asUintN(64, b);
    }
    default:
      return v as DecodedValue;
  }
}

/** The value of a raw protobuf metric: whichever field of the `value` oneof is set. */
function rawValue(m: RawMetric): DecodedValue {
  if (has(m, 'intValue')) return m.intValue ?? null;
  if (has(m, 'longValue')) return toBigInt(m.longValue) ?? null;
  if (has(m, 'floatValue')) return m.floatValue ?? null;
  if (has(m, 'doubleValue')) return m.doubleValue ?? null;
  if (has(m, 'booleanValue')) return m.booleanValue ?? null;
  if (has(m, 'stringValue')) return m.stringValue ?? null;
  if (has(m, 'bytesValue')) return m.bytesValue ?? null;
  if (has(m, 'datasetValue')) return m.datasetValue ?? null;
  if (has(m, 'templateValue')) return m.templateValue ?? null;
  return null;
}

interface MetricHeader {
  name?: unknown;
  alias?: unknown;
  timestamp?: unknown;
  isHistorical?: unknown;
  isTransient?: unknown;
}

function decodedMetric(m: MetricHeader, datatype: number, isNull: boolean, value: DecodedValue): DecodedMetric {
  const out: DecodedMetric = {
    datatype,
    type: datatypeName(datatype),
    isNull,
    isHistorical: m.isHistorical === true,
    isTransient: m.isTransient === true,
    value,
  };
  if (typeof m.name === 'string') out.name = m.name;
  const alias = m.alias === null || m.alias === undefined ? undefined : toNumber(m.alias);
  if (alias !== undefined) out.alias = alias;
  const timestamp = m.timestamp === null || m.timestamp === undefined ? undefined : toNumber(m.timestamp);
  if (timestamp !== undefined) out.timestamp = timestamp;
  return out;
}

/** Only the fields the sender set (protobufjs puts defaults on the prototype). */
function ownFields(m: RawMetric): MetricHeader {
  const out: MetricHeader = {};
  for (const k of ['name', 'alias', 'timestamp', 'isHistorical', 'isTransient'] as const) if (has(m, k)) out[k] = m[k];
  return out;
}

function fromRawMetric(m: RawMetric): DecodedMetric {
  const datatype = has(m, 'datatype') ? (m.datatype ?? 0) : 0;
  const isNull = has(m, 'isNull') && m.isNull === true;
  const raw = isNull ? null : rawValue(m);
  const known = datatype > 0 && datatype < SPARKPLUG_DATATYPES.length;
  return decodedMetric(ownFields(m), datatype, isNull, known ? normaliseTyped(datatype, raw) : raw);
}

function fromLibraryMetric(m: UMetric): DecodedMetric {
  const datatype = datatypeCode(m.type);
  // For a known datatype the library gives null only for is_null.
  const isNull = m.value === null || m.value === undefined;
  return decodedMetric(m, datatype, isNull, normaliseTyped(datatype, m.value));
}

function payloadHeader(p: { timestamp?: unknown; seq?: unknown; uuid?: unknown; body?: unknown }, own: (k: string) => boolean): Omit<DecodedPayload, 'metrics'> {
  const out: Omit<DecodedPayload, 'metrics'> = {};
  const timestamp = own('timestamp') && p.timestamp !== null ? toNumber(p.timestamp) : undefined;
  if (timestamp !== undefined) out.timestamp = timestamp;
  const seq = own('seq') && p.seq !== null ? toNumber(p.seq) : undefined;
  if (seq !== undefined) out.seq = seq;
  if (own('uuid') && typeof p.uuid === 'string') out.uuid = p.uuid;
  if (own('body') && p.body instanceof Uint8Array) out.body = p.body;
  return out;
}

/**
 * Decodes a Sparkplug B protobuf payload with sparkplug-payload's `get('spBv1.0').decodePayload`.
 * Metrics the library cannot read — no datatype (normal in NDATA/DDATA), a 3.0 array datatype, or
 * a DataSet it chokes on — are read from the raw protobuf message instead. Never throws.
 */
export function decodePayload(bytes: Uint8Array): DecodedPayload | { error: string } {
  if (!(bytes instanceof Uint8Array)) return { error: 'payload is not a byte array' };
  if (!codec) return { error: 'sparkplug-payload has no spBv1.0 codec' };
  let raw: RawPayload | undefined;
  const rawDecode = (): RawPayload => (raw ??= ProtoPayload.decode(bytes));
  let lib: UPayload;
  try {
    lib = codec.decodePayload(bytes);
  } catch {
    // The library also throws on well-formed payloads it cannot map (e.g. a DataSet with an Int32
    // column): fall back to the raw protobuf message, and only call it malformed if that fails too.
    let r: RawPayload;
    try {
      r = rawDecode();
    } catch (err) {
      return { error: `malformed Sparkplug B payload: ${clip(errorMessage(err))}` };
    }
    return { ...payloadHeader(r, (k) => has(r, k)), metrics: (r.metrics ?? []).map(fromRawMetric) };
  }
  try {
    const libMetrics = lib.metrics ?? [];
    const metrics = libMetrics.map((m, i) => {
      if (m.type !== undefined && m.type !== null) return fromLibraryMetric(m);
      const rm = rawDecode().metrics?.[i];
      return rm ? fromRawMetric(rm) : fromLibraryMetric(m);
    });
    return { ...payloadHeader(lib, (k) => has(lib, k)), metrics };
  } catch (err) {
    return { error: `malformed Sparkplug B payload: ${clip(errorMessage(err))}` };
  }
}

export interface SparkplugMetricInput {
  name?: string;
  alias?: number | bigint;
  timestamp?: number | bigint;
  type: TypeStr;
  /** Int64/UInt64 may be bigint; null encodes `is_null`. DataSet/Template take sparkplug-payload's shapes. */
  value: number | bigint | boolean | string | Uint8Array | object | null;
  isHistorical?: boolean;
  isTransient?: boolean;
  /** Leave the datatype out of the message (as the spec recommends for NDATA/DDATA); the value still goes in the field `type` selects. */
  omitDatatype?: boolean;
}

export interface SparkplugPayloadInput {
  timestamp?: number | bigint;
  seq?: number | bigint;
  uuid?: string;
  body?: Uint8Array;
  metrics?: SparkplugMetricInput[];
}

/** A bigint as the `{low, high}` pair protobufjs writes as a 64-bit varint. */
function longBits(b: bigint): { low: number; high: number; unsigned: boolean } {
  const u = BigInt.asUintN(64, b);
  return { low: Number(u & 0xffffffffn) | 0, high: Number(u >> 32n) | 0, unsigned: true };
}

function wire<T>(v: T): T | ReturnType<typeof longBits> {
  return typeof v === 'bigint' ? longBits(v) : v;
}

/** Encodes a payload with sparkplug-payload (for tests and the simulator). Throws on input the library cannot encode. */
export function encodePayload(p: SparkplugPayloadInput): Uint8Array {
  if (!codec) throw new Error('sparkplug-payload has no spBv1.0 codec');
  const metrics = p.metrics ?? [];
  const payload = {
    ...(p.timestamp !== undefined ? { timestamp: wire(p.timestamp) } : {}),
    ...(p.seq !== undefined ? { seq: wire(p.seq) } : {}),
    ...(p.uuid !== undefined ? { uuid: p.uuid } : {}),
    ...(p.body !== undefined ? { body: p.body } : {}),
    metrics: metrics.map((m) => ({
      ...(m.name !== undefined ? { name: m.name } : {}),
      ...(m.alias !== undefined ? { alias: wire(m.alias) } : {}),
      ...(m.timestamp !== undefined ? { timestamp: wire(m.timestamp) } : {}),
      ...(m.isHistorical !== undefined ? { isHistorical: m.isHistorical } : {}),
      ...(m.isTransient !== undefined ? { isTransient: m.isTransient } : {}),
      type: m.type,
      value: wire(m.value),
    })),
  } as unknown as UPayload;
  const bytes = codec.encodePayload(payload);
  if (!metrics.some((m) => m.omitDatatype)) return bytes;
  const raw = ProtoPayload.decode(bytes);
  metrics.forEach((m, i) => {
    if (m.omitDatatype) delete (raw.metrics[i] as { datatype?: number }).datatype;
  });
  return ProtoPayload.encode(raw).finish();
}

// ---------------------------------------------------------------------------------------------
// Sessions

/** A numeric reading for the store. */
export interface SparkplugReading {
  edgeNode: string;
  device?: string;
  metric: string;
  ts: number;
  value: number;
}

export type SparkplugEvent =
  | { kind: 'readings'; readings: SparkplugReading[] }
  | { kind: 'online'; edgeNode: string; device?: string; ts: number }
  | { kind: 'offline'; edgeNode: string; device?: string; ts: number; reason: 'death' | 'node-death' }
  | { kind: 'sequence-gap'; edgeNode: string; expected: number; received: number; ts: number }
  | { kind: 'rejected'; edgeNode?: string; device?: string; reason: string; ts: number };

interface MetricDef {
  name: string;
  alias?: number;
  datatype: number;
}

interface MetricTable {
  defs: MetricDef[];
  byName: Map<string, MetricDef>;
  byAlias: Map<number, MetricDef>;
}

interface NodeSession {
  group: string;
  edgeNode: string;
  bdSeq?: number;
  /** The seq the next NDATA/DBIRTH/DDATA/DDEATH must carry. */
  nextSeq: number;
  metrics: MetricTable;
  devices: Map<string, MetricTable>;
  /** Increases with every NBIRTH seen, to find the newest session of an edge node id. */
  birthOrder: number;
}

const MAX_LISTED = 10;

function listSome(items: string[]): string {
  return items.length <= MAX_LISTED ? items.join(', ') : `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more`;
}

const nodeKey = (group: string, edgeNode: string): string => `${group}/${edgeNode}`;

/**
 * Per-node session state: the metric definitions (name ↔ alias, datatype) from NBIRTH/DBIRTH, the
 * bdSeq, the expected seq. Sessions are keyed by group and edge node id, as the spec identifies
 * edge nodes; events carry the edge node id only.
 */
export class SparkplugSessions {
  private readonly nodes = new Map<string, NodeSession>();
  private births = 0;

  handle(topic: string, payload: Uint8Array, receivedAt: number): SparkplugEvent[] {
    const t = parseSparkplugTopic(topic);
    if ('error' in t) return [{ kind: 'rejected', reason: `bad topic: ${t.error}`, ts: receivedAt }];
    // STATE is a host application's JSON birth/death certificate; commands go to edge nodes, not from them.
    if (t.type === 'STATE' || t.type === 'NCMD' || t.type === 'DCMD') return [];
    const who = { edgeNode: t.edgeNode, ...(t.device !== undefined ? { device: t.device } : {}) };
    const decoded = decodePayload(payload);
    if ('error' in decoded) return [{ kind: 'rejected', ...who, reason: `${t.type}: ${decoded.error}`, ts: receivedAt }];
    switch (t.type) {
      case 'NBIRTH': return this.nbirth(t, decoded, receivedAt);
      case 'NDEATH': return this.ndeath(t, decoded, receivedAt);
      default: return this.fromNode(t, decoded, receivedAt);
    }
  }

  /** Metrics defined by the last birth of that node/device, in birth order ([] when there is no live session). */
  metrics(edgeNode: string, device?: string, group?: string): { name: string; alias?: number; datatype: string }[] {
    const s = this.session(edgeNode, group);
    const table = s === undefined ? undefined : device === undefined ? s.metrics : s.devices.get(device);
    return (table?.defs ?? []).map((d) => ({ name: d.name, ...(d.alias !== undefined ? { alias: d.alias } : {}), datatype: datatypeName(d.datatype) }));
  }

  /** Whether the node (or the device under it) has a live session. */
  isOnline(edgeNode: string, device?: string, group?: string): boolean {
    const s = this.session(edgeNode, group);
    return s !== undefined && (device === undefined || s.devices.has(device));
  }

  private session(edgeNode: string, group?: string): NodeSession | undefined {
    if (group !== undefined) return this.nodes.get(nodeKey(group, edgeNode));
    let best: NodeSession | undefined;
    for (const s of this.nodes.values()) if (s.edgeNode === edgeNode && (!best || s.birthOrder > best.birthOrder)) best = s;
    return best;
  }

  private nbirth(t: SparkplugTopic, p: DecodedPayload, receivedAt: number): SparkplugEvent[] {
    const events: SparkplugEvent[] = [];
    const ts = p.timestamp ?? receivedAt;
    const key = nodeKey(t.group, t.edgeNode);
    const previous = this.nodes.get(key);
    // A new NBIRTH ends the previous session: its devices are unknown until they send DBIRTH again.
    if (previous) for (const device of previous.devices.keys()) events.push({ kind: 'offline', edgeNode: t.edgeNode, device, ts, reason: 'node-death' });
    const seq = p.seq ?? 0;
    if (seq !== 0) events.push({ kind: 'sequence-gap', edgeNode: t.edgeNode, expected: 0, received: seq, ts });
    const problems: string[] = [];
    const table = defineMetrics(p.metrics, problems);
    const bdSeqMetric = p.metrics.find((m) => m.name === 'bdSeq');
    const bdSeq = bdSeqMetric ? intValue(bdSeqMetric.value, 64, false) : undefined;
    // Sparkplug B 3.0 requires bdSeq in every NBIRTH: it is what ties the NDEATH (the connection's
    // will, carrying the same bdSeq) to this session. Without it a stale will cannot be told apart.
    if (bdSeq === undefined) problems.push('no bdSeq metric (Sparkplug B requires one): the node\'s NDEATH cannot be matched to this session');
    this.nodes.set(key, {
      group: t.group,
      edgeNode: t.edgeNode,
      ...(bdSeq !== undefined ? { bdSeq } : {}),
      nextSeq: ((seq % 256) + 1) % 256,
      metrics: table,
      devices: new Map(),
      birthOrder: ++this.births,
    });
    events.push({ kind: 'online', edgeNode: t.edgeNode, ts });
    pushReadings(events, p, table, t, receivedAt, new Set());
    if (problems.length) events.push({ kind: 'rejected', edgeNode: t.edgeNode, reason: `NBIRTH: ${listSome(problems)}`, ts: receivedAt });
    return events;
  }

  private ndeath(t: SparkplugTopic, p: DecodedPayload, receivedAt: number): SparkplugEvent[] {
    const key = nodeKey(t.group, t.edgeNode);
    const s = this.nodes.get(key);
    if (!s) return [];
    const m = p.metrics.find((x) => x.name === 'bdSeq');
    const bdSeq = m ? intValue(m.value, 64, false) : undefined;
    // The NDEATH is the MQTT will of one connection; one with another bdSeq belongs to an older session.
    if (bdSeq !== s.bdSeq) return [];
    this.nodes.delete(key);
    // The will was composed at connect time, so its timestamp is not the time of death.
    const events: SparkplugEvent[] = [{ kind: 'offline', edgeNode: t.edgeNode, ts: receivedAt, reason: 'death' }];
    for (const device of s.devices.keys()) events.push({ kind: 'offline', edgeNode: t.edgeNode, device, ts: receivedAt, reason: 'node-death' });
    return events;
  }

  /** NDATA, DBIRTH, DDATA, DDEATH: messages inside a node's session, which all count in its seq. */
  private fromNode(t: SparkplugTopic, p: DecodedPayload, receivedAt: number): SparkplugEvent[] {
    const ts = p.timestamp ?? receivedAt;
    const s = this.nodes.get(nodeKey(t.group, t.edgeNode));
    const device = t.device;
    const who = { edgeNode: t.edgeNode, ...(device !== undefined ? { device } : {}) };
    if (!s) return [{ kind: 'rejected', ...who, reason: `${t.type}: no NBIRTH for node ${t.edgeNode} in group ${t.group}`, ts: receivedAt }];
    const events: SparkplugEvent[] = [];
    const seq = p.seq ?? 0;
    if (seq !== s.nextSeq) events.push({ kind: 'sequence-gap', edgeNode: t.edgeNode, expected: s.nextSeq, received: seq, ts });
    s.nextSeq = ((seq % 256) + 1) % 256;

    if (t.type === 'NDATA') {
      const unknown = new Set<DecodedMetric>();
      pushReadings(events, p, s.metrics, t, receivedAt, unknown);
      if (unknown.size) events.push(unknownMetrics(t, unknown, `the NBIRTH of node ${t.edgeNode}`, receivedAt));
      return events;
    }
    if (device === undefined) return events; // parseSparkplugTopic guarantees a device for D* types
    if (t.type === 'DBIRTH') {
      const problems: string[] = [];
      const table = defineMetrics(p.metrics, problems);
      s.devices.set(device, table);
      events.push({ kind: 'online', edgeNode: t.edgeNode, device, ts });
      pushReadings(events, p, table, t, receivedAt, new Set());
      if (problems.length) events.push({ kind: 'rejected', ...who, reason: `DBIRTH: ${listSome(problems)}`, ts: receivedAt });
      return events;
    }
    const table = s.devices.get(device);
    if (!table) {
      events.push({ kind: 'rejected', ...who, reason: `${t.type}: no DBIRTH for device ${device} on node ${t.edgeNode}`, ts: receivedAt });
      return events;
    }
    if (t.type === 'DDEATH') {
      s.devices.delete(device);
      events.push({ kind: 'offline', edgeNode: t.edgeNode, device, ts, reason: 'death' });
      return events;
    }
    const unknown = new Set<DecodedMetric>();
    pushReadings(events, p, table, t, receivedAt, unknown);
    if (unknown.size) events.push(unknownMetrics(t, unknown, `the DBIRTH of device ${device}`, receivedAt));
    return events;
  }
}

/** The metric table of a birth. Problems (unnamed metrics, aliases used twice) are noted; the rest is kept. */
function defineMetrics(metrics: DecodedMetric[], problems: string[]): MetricTable {
  const byName = new Map<string, MetricDef>();
  const aliasUsers = new Map<number, MetricDef[]>();
  for (const m of metrics) {
    if (m.name === undefined || m.name === '') {
      problems.push(`metric without a name${m.alias !== undefined ? ` (alias ${m.alias})` : ''} ignored`);
      continue;
    }
    const def: MetricDef = { name: m.name, datatype: m.datatype, ...(m.alias !== undefined ? { alias: m.alias } : {}) };
    byName.set(m.name, def);
  }
  const defs = [...byName.values()];
  for (const d of defs) if (d.alias !== undefined) aliasUsers.set(d.alias, [...(aliasUsers.get(d.alias) ?? []), d]);
  const byAlias = new Map<number, MetricDef>();
  for (const [alias, users] of aliasUsers) {
    if (users.length === 1) byAlias.set(alias, users[0]);
    else problems.push(`alias ${alias} used by ${users.map((u) => JSON.stringify(clip(u.name, 60))).join(' and ')}: not resolvable`);
  }
  return { defs, byName, byAlias };
}

/** The definition a metric refers to: by alias if the birth defines it, else by name. */
function resolve(m: DecodedMetric, table: MetricTable): MetricDef | undefined {
  if (m.alias !== undefined) {
    const d = table.byAlias.get(m.alias);
    if (d) return d;
  }
  return m.name !== undefined ? table.byName.get(m.name) : undefined;
}

function pushReadings(events: SparkplugEvent[], p: DecodedPayload, table: MetricTable, t: SparkplugTopic, receivedAt: number, unknown: Set<DecodedMetric>): void {
  const readings: SparkplugReading[] = [];
  for (const m of p.metrics) {
    const def = resolve(m, table);
    if (!def) {
      unknown.add(m);
      continue;
    }
    if (m.isNull) continue;
    // The metric's own datatype says how its value was encoded; without one, the birth's does.
    const value = numericValue(m.datatype || def.datatype, m.value);
    if (value === undefined) continue;
    readings.push({
      edgeNode: t.edgeNode,
      ...(t.device !== undefined ? { device: t.device } : {}),
      metric: def.name,
      ts: m.timestamp ?? p.timestamp ?? receivedAt,
      value,
    });
  }
  if (readings.length) events.push({ kind: 'readings', readings });
}

function unknownMetrics(t: SparkplugTopic, unknown: Set<DecodedMetric>, birth: string, receivedAt: number): SparkplugEvent {
  const refs = [...unknown].map((m) => (m.alias !== undefined ? `alias ${m.alias}` : m.name !== undefined ? JSON.stringify(clip(m.name, 60)) : 'a metric without name or alias'));
  return {
    kind: 'rejected',
    edgeNode: t.edgeNode,
    ...(t.device !== undefined ? { device: t.device } : {}),
    reason: `${t.type}: metrics not defined by ${birth}: ${listSome(refs)}`,
    ts: receivedAt,
  };
}
