import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { aggregate, bucketOf, defaultStep, HOUR, MAX_FUTURE_MS, MIN_TS, MINUTE, parseTelemetry, resolutionFor, timestampProblem, valueProblem } from './model.ts';

const tags = new Map([['power', 1], ['flow', 2]]);
const now = 1_700_000_000_000;

describe('parseTelemetry', () => {
  it('accepts one message or a batch', () => {
    expect(parseTelemetry('{"ts":1700000000000,"values":{"power":1.5,"flow":2}}', tags, now)).toEqual({
      ok: true,
      points: [{ tagId: 1, ts: now, value: 1.5 }, { tagId: 2, ts: now, value: 2 }],
    });
    const batch = parseTelemetry(JSON.stringify([{ ts: now - 1000, values: { power: 1 } }, { values: { flow: 3 } }]), tags, now);
    expect(batch).toEqual({ ok: true, points: [{ tagId: 1, ts: now - 1000, value: 1 }, { tagId: 2, ts: now, value: 3 }] });
  });

  it('refuses the whole message for any bad reading, with a reason', () => {
    const cases: [string, string][] = [
      ['{"values":{"power":1,"ghost":2}}', 'unknown_tag'],
      ['{"values":{"power":"1"}}', 'not_a_number'],
      ['{"values":{"power":null}}', 'not_a_number'],
      [`{"ts":${now + 11 * MINUTE},"values":{"power":1}}`, 'timestamp_in_future'],
      ['{"ts":-5,"values":{"power":1}}', 'timestamp_too_old'],
      ['{"ts":1e20,"values":{"power":1}}', 'timestamp_in_future'],
      ['{"values":{"power":1e308}}', 'value_out_of_range'],
      ['{"values":{"power":-1.0000001e15}}', 'value_out_of_range'],
      ['{"values":{"power":1e400}}', 'not_a_number'],
      ['{"ts":1.5,"values":{"power":1}}', 'invalid_timestamp'],
      ['{"values":[1]}', 'invalid_shape'],
      ['[]', 'empty'],
      ['{"values":{}}', 'empty'],
      ['{"values":', 'malformed_json'],
      ['x'.repeat(300_000), 'payload_too_large'],
    ];
    for (const [payload, reason] of cases) expect(parseTelemetry(payload, tags, now)).toMatchObject({ ok: false, reason });
  });

  it('accepts the edges of the window and of the value range', () => {
    const ok = (ts: number, value: number) => parseTelemetry(JSON.stringify({ ts, values: { power: value } }), tags, now).ok;
    expect(ok(MIN_TS, 1e15)).toBe(true);
    expect(ok(now + MAX_FUTURE_MS, -1e15)).toBe(true);
    expect(ok(MIN_TS - 1, 1)).toBe(false);
    expect(ok(now + MAX_FUTURE_MS + 1, 1)).toBe(false);
  });

  it('names the field and says when a timestamp looks like seconds, microseconds or nanoseconds', () => {
    const refusal = (doc: unknown) => parseTelemetry(JSON.stringify(doc), tags, now);
    expect(refusal([{ ts: now, values: { power: 1 } }, { ts: 1_700_000_000, values: { power: 1 } }])).toMatchObject({
      reason: 'timestamp_too_old', path: '/1/ts', detail: expect.stringMatching(/looks like seconds/),
    });
    expect(refusal({ ts: now * 1000, values: { power: 1 } })).toMatchObject({ reason: 'timestamp_in_future', path: '/ts', detail: expect.stringMatching(/microseconds/) });
    expect(refusal({ ts: now * 1_000_000, values: { power: 1 } })).toMatchObject({ reason: 'timestamp_in_future', detail: expect.stringMatching(/nanoseconds/) });
    expect(refusal({ ts: 1e20, values: { power: 1 } })).toMatchObject({ reason: 'timestamp_in_future', detail: expect.stringMatching(/^\.ts 100000000000000000000 \(beyond year 275760/) });
    expect(refusal({ values: { power: -1e308 } })).toMatchObject({ reason: 'value_out_of_range', path: '/values/power' });
    expect(timestampProblem(Number.NaN, now)?.reason).toBe('invalid_timestamp');
    expect(valueProblem(Number.POSITIVE_INFINITY)?.reason).toBe('not_a_number');
  });
});

describe('rollup arithmetic', () => {
  it('aggregates per tag and bucket, and merging batches equals aggregating them at once', () => {
    const point = fc.record({ tagId: fc.constantFrom(1, 2), ts: fc.integer({ min: now, max: now + 3 * HOUR }), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 60 }), (points) => {
        const all = aggregate(points, [MINUTE]);
        for (const a of all) {
          const inBucket = points.filter((p) => p.tagId === a.tagId && bucketOf(p.ts, MINUTE) === a.bucket);
          expect(a.count).toBe(inBucket.length);
          expect(a.sum).toBeCloseTo(inBucket.reduce((s, p) => s + p.value, 0), 3);
          expect(a.min).toBe(Math.min(...inBucket.map((p) => p.value)));
          expect(a.max).toBe(Math.max(...inBucket.map((p) => p.value)));
          expect(a.firstTs).toBe(Math.min(...inBucket.map((p) => p.ts)));
          expect(a.lastTs).toBe(Math.max(...inBucket.map((p) => p.ts)));
        }
        expect(all.reduce((n, a) => n + a.count, 0)).toBe(points.length);
      }),
    );
  });

  it('chooses the coarsest resolution fine enough for the step', () => {
    expect(resolutionFor(1000)).toBe('raw');
    expect(resolutionFor(5 * MINUTE)).toBe('1m');
    expect(resolutionFor(8 * HOUR)).toBe('1h');
    expect(resolutionFor(7 * 24 * HOUR)).toBe('1d');
    expect(defaultStep(0, 365 * 24 * HOUR)).toBe(31_536_000);
  });
});
