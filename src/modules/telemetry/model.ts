/** Telemetry as pure logic: payload validation, rollup arithmetic, and choosing a resolution. */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const ROLLUP_STEPS = [MINUTE, HOUR, DAY] as const;
export type Resolution = 'raw' | '1m' | '1h' | '1d';
export const RESOLUTION_STEP: Record<Resolution, number> = { raw: 0, '1m': MINUTE, '1h': HOUR, '1d': DAY };

export const MAX_PAYLOAD_BYTES = 256 * 1024;
export const MAX_POINTS_PER_MESSAGE = 10_000;
/** Readings stamped further in the future than this are refused (clock errors). */
export const MAX_FUTURE_MS = 5 * MINUTE;

export interface Point {
  tagId: number;
  ts: number;
  value: number;
}

export type ParseResult = { ok: true; points: Point[] } | { ok: false; reason: string; detail: string };

const fail = (reason: string, detail: string): ParseResult => ({ ok: false, reason, detail });

/**
 * Validates a telemetry message, `{"ts": ms, "values": {"tag": n}}` or an array of them, against a
 * device's tag keys. All or nothing: one bad reading refuses the whole message, so nothing is
 * stored half.
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
    if (typeof m !== 'object' || m === null) return fail('invalid_shape', `${at || 'message'} must be an object with ts and values`);
    const ts = m.ts === undefined ? now : m.ts;
    if (typeof ts !== 'number' || !Number.isInteger(ts) || ts < 0) return fail('invalid_timestamp', `${at}.ts must be epoch milliseconds`);
    if (ts > now + MAX_FUTURE_MS) return fail('timestamp_in_future', `${at}.ts ${new Date(ts).toISOString()} is more than 5 minutes ahead`);
    if (typeof m.values !== 'object' || m.values === null || Array.isArray(m.values)) return fail('invalid_shape', `${at}.values must be an object of tag: number`);
    for (const [key, value] of Object.entries(m.values)) {
      const tagId = tagIds.get(key);
      if (tagId === undefined) return fail('unknown_tag', `${at}.values.${key} is not a tag of this device`);
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('not_a_number', `${at}.values.${key} must be a finite number`);
      points.push({ tagId, ts, value });
      if (points.length > MAX_POINTS_PER_MESSAGE) return fail('too_many_points', `at most ${MAX_POINTS_PER_MESSAGE} readings a message`);
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
