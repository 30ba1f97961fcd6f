/** Telemetry as pure logic: payload validation, rollup arithmetic, and choosing a resolution. */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const ROLLUP_STEPS = [MINUTE, HOUR, DAY] as const;
export type Resolution = 'raw' | '1m' | '1h' | '1d';
export const RESOLUTION_STEP: Record<Resolution, number> = { raw: 0, '1m': MINUTE, '1h': HOUR, '1d': DAY };

export const MAX_PAYLOAD_BYTES = 256 * 1024;
export const MAX_POINTS_PER_MESSAGE = 10_000;
/**
 * The HTTP telemetry route's body limit: a batch of MAX_POINTS_PER_MESSAGE readings, one a
 * message, takes 0.75 MB with a realistic key (`{"ts":1765094400000,"values":{"steam_flow_main_header":
 * 1234.5678901234567}}`), 1.06 MB pretty-printed, and 1.19 MB with the longest tag key (64
 * characters) and 17-digit values; 1.5 MiB leaves room for all of them.
 */
export const MAX_HTTP_BODY_BYTES = 1536 * 1024;
/** The earliest reading accepted: 2000-01-01T00:00:00Z (older ones are clock or unit errors). */
export const MIN_TS = Date.UTC(2000, 0, 1);
/** Readings stamped further in the future than this are refused (clock errors). */
export const MAX_FUTURE_MS = 10 * MINUTE;
/** The last instant a JavaScript Date represents (year 275760): no stored or queried time lies beyond. */
export const MAX_TS = 8_640_000_000_000_000;
/**
 * The largest magnitude a reading may have. Every integer up to it is exact in a double (2^53 ≈
 * 9.007e15), and a day's rollup of one reading a millisecond (8.64e7 readings) sums to at most
 * 8.64e22, its sum of squares to 8.64e37: finite on both databases, where ±1e308 overflowed.
 */
export const MAX_ABS_VALUE = 1e15;

export interface Point {
  tagId: number;
  ts: number;
  value: number;
}

/** Why a reading is refused: a stable reason, a sentence, and (where known) the JSON pointer of the field. */
export interface Refusal {
  reason: string;
  detail: string;
  path?: string;
}

export type ParseResult = { ok: true; points: Point[] } | ({ ok: false } & Refusal);

const fail = (reason: string, detail: string, path?: string): ParseResult => ({ ok: false, reason, detail, ...(path !== undefined ? { path } : {}) });

/** A number as people read it; a time as ISO 8601 where a Date can represent it. */
const show = (n: number) => (Math.abs(n) >= 1e21 || !Number.isInteger(n) ? String(n) : BigInt(n).toString());
const when = (ts: number) => (Math.abs(ts) <= MAX_TS ? new Date(ts).toISOString() : 'beyond year 275760, the last representable time');

/** The unit a wrong timestamp seems to be in, said in the refusal (epoch ms now ≈ 1.7e12). */
function unitHint(ts: number): string {
  const a = Math.abs(ts);
  if (a >= 1e8 && a < 1e11) return '; it looks like seconds since the epoch, ts is in milliseconds';
  if (a >= 1e14 && a < 1e17) return '; it looks like microseconds since the epoch, ts is in milliseconds';
  if (a >= 1e17 && a < 1e20) return '; it looks like nanoseconds since the epoch, ts is in milliseconds';
  return '';
}

/**
 * The one check of a reading's time, for every source (MQTT, Sparkplug, HTTP, OPC UA, CSV): epoch
 * milliseconds, not before MIN_TS, not more than MAX_FUTURE_MS ahead of `now`.
 */
export function timestampProblem(ts: unknown, now: number, field = 'ts', path?: string): Refusal | undefined {
  const at = (r: Omit<Refusal, 'path'>): Refusal => (path !== undefined ? { ...r, path } : r);
  if (typeof ts !== 'number' || !Number.isInteger(ts)) {
    return at({ reason: 'invalid_timestamp', detail: `${field} must be epoch milliseconds (a whole number), not ${typeof ts === 'number' ? String(ts) : JSON.stringify(ts) ?? typeof ts}` });
  }
  if (ts < MIN_TS) return at({ reason: 'timestamp_too_old', detail: `${field} ${show(ts)} (${when(ts)}) is before 2000-01-01${unitHint(ts)}` });
  if (ts > now + MAX_FUTURE_MS) {
    return at({ reason: 'timestamp_in_future', detail: `${field} ${show(ts)} (${when(ts)}) is more than ${MAX_FUTURE_MS / MINUTE} minutes ahead of the platform clock${unitHint(ts)}` });
  }
  return undefined;
}

/** The one check of a reading's value: a finite number within ±MAX_ABS_VALUE. */
export function valueProblem(value: unknown, field = 'value', path?: string): Refusal | undefined {
  const at = (r: Omit<Refusal, 'path'>): Refusal => (path !== undefined ? { ...r, path } : r);
  if (typeof value !== 'number' || !Number.isFinite(value)) return at({ reason: 'not_a_number', detail: `${field} must be a finite number` });
  if (Math.abs(value) > MAX_ABS_VALUE) return at({ reason: 'value_out_of_range', detail: `${field} ${value} is beyond ±1e15, the largest magnitude stored (rollups must stay finite and exact)` });
  return undefined;
}

/** Both checks of one reading. */
export function readingProblem(ts: unknown, value: unknown, now: number, field?: { ts?: string; value?: string }): Refusal | undefined {
  return timestampProblem(ts, now, field?.ts) ?? valueProblem(value, field?.value);
}

/** A JSON pointer segment (RFC 6901). */
const seg = (k: string | number) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Validates a telemetry message, `{"ts": ms, "values": {"tag": n}}` or an array of them, against a
 * device's tag keys. All or nothing: one bad reading refuses the whole message, so nothing is
 * stored half. A refusal names the field (`path`, a JSON pointer into the message).
 */
export function parseTelemetry(payload: Buffer | string | unknown, tagIds: ReadonlyMap<string, number>, now: number): ParseResult {
  let doc: unknown = payload;
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (size > MAX_PAYLOAD_BYTES) return fail('payload_too_large', `${size} bytes; at most ${MAX_PAYLOAD_BYTES}`);
    try {
      doc = JSON.parse(payload.toString());
    } catch (err) {
      return fail('malformed_json', (err as Error).message);
    }
  }
  const messages = Array.isArray(doc) ? doc : [doc];
  if (messages.length === 0) return fail('empty', 'the message holds no readings');
  const points: Point[] = [];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as { ts?: unknown; values?: unknown };
    const at = Array.isArray(doc) ? `[${i}]` : '';
    const ptr = Array.isArray(doc) ? `/${i}` : '';
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return fail('invalid_shape', `${at || 'message'} must be an object with ts and values`, ptr);
    const ts = m.ts === undefined ? now : m.ts;
    const tsProblem = timestampProblem(ts, now, `${at}.ts`, `${ptr}/ts`);
    if (tsProblem) return { ok: false, ...tsProblem };
    if (typeof m.values !== 'object' || m.values === null || Array.isArray(m.values)) return fail('invalid_shape', `${at}.values must be an object of tag: number`, `${ptr}/values`);
    for (const [key, value] of Object.entries(m.values)) {
      const tagId = tagIds.get(key);
      const path = `${ptr}/values/${seg(key)}`;
      if (tagId === undefined) return fail('unknown_tag', `${at}.values.${key} is not a tag of this device`, path);
      const vProblem = valueProblem(value, `${at}.values.${key}`, path);
      if (vProblem) return { ok: false, ...vProblem };
      points.push({ tagId, ts: ts as number, value: value as number });
      if (points.length > MAX_POINTS_PER_MESSAGE) return fail('too_many_points', `more than ${MAX_POINTS_PER_MESSAGE} readings in one message; send at most ${MAX_POINTS_PER_MESSAGE} a message`);
    }
  }
  if (points.length === 0) return fail('empty', 'the message holds no readings');
  return { ok: true, points };
}

export interface Aggregate {
  tagId: number;
  stepMs: number;
  bucket: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  first: number;
  firstTs: number;
  last: number;
  lastTs: number;
}

export const bucketOf = (ts: number, stepMs: number) => ts - (((ts % stepMs) + stepMs) % stepMs);

/** Folds points into per-(tag, step, bucket) aggregates: one row per bucket to merge into the store. */
export function aggregate(points: readonly Point[], steps: readonly number[] = ROLLUP_STEPS): Aggregate[] {
  const out: Aggregate[] = [];
  // Nested maps with numeric keys: this runs for every reading on the hot path.
  for (const stepMs of steps) {
    const byTag = new Map<number, Map<number, Aggregate>>();
    for (const p of points) {
      const bucket = bucketOf(p.ts, stepMs);
      let byBucket = byTag.get(p.tagId);
      if (!byBucket) byTag.set(p.tagId, (byBucket = new Map()));
      const a = byBucket.get(bucket);
      if (!a) {
        const fresh = { tagId: p.tagId, stepMs, bucket, count: 1, sum: p.value, min: p.value, max: p.value, first: p.value, firstTs: p.ts, last: p.value, lastTs: p.ts };
        byBucket.set(bucket, fresh);
        out.push(fresh);
      } else {
        a.count++;
        a.sum += p.value;
        if (p.value < a.min) a.min = p.value;
        if (p.value > a.max) a.max = p.value;
        if (p.ts < a.firstTs) {
          a.first = p.value;
          a.firstTs = p.ts;
        }
        if (p.ts >= a.lastTs) {
          a.last = p.value;
          a.lastTs = p.ts;
        }
      }
    }
  }
  return out;
}

/** The coarsest stored resolution at least as fine as the requested step. */
export function resolutionFor(stepMs: number): Resolution {
  if (stepMs >= DAY) return '1d';
  if (stepMs >= HOUR) return '1h';
  if (stepMs >= MINUTE) return '1m';
  return 'raw';
}

/** A step that gives about `buckets` buckets over the range, rounded to a whole second. */
export function defaultStep(from: number, to: number, buckets = 1000): number {
  return Math.max(1000, Math.ceil((to - from) / buckets / 1000) * 1000);
}
