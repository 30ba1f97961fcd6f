import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createEvaluator } from './evaluator.ts';
import { backtest } from './backtest.ts';
import type { RuleParams } from './rule-model.ts';
import { completeness, windowStart } from './window.ts';

const S = 1000;
const H = 3_600_000;
const hourly = (over: Partial<Extract<RuleParams, { kind: 'window' }>> = {}): RuleParams => ({
  kind: 'window', windowMs: H, aggregate: 'mean', high: 100, low: null, minCompleteness: 0.75, expectedIntervalMs: 15 * 60 * S, utcOffsetMs: 0, ...over,
});
/** Readings every 15 minutes from `fromMin` minutes past epoch. */
const quarter = (fromMin: number, values: number[]) => values.map((value, i) => ({ ts: (fromMin + 15 * i) * 60 * S, value }));

describe('window aggregates', () => {
  it('aligns a day window to the park\'s local midnight', () => {
    const day = 24 * H;
    // UTC+8: local midnight is 16:00 UTC the day before.
    expect(windowStart(Date.UTC(2025, 0, 2, 15, 59), day, 8 * H)).toBe(Date.UTC(2025, 0, 1, 16));
    expect(windowStart(Date.UTC(2025, 0, 2, 16, 0), day, 8 * H)).toBe(Date.UTC(2025, 0, 2, 16));
    expect(completeness(30, H, 60 * S)).toBe(0.5);
    expect(completeness(90, H, 60 * S)).toBe(1);
  });

  it('judges an hour when it closes, with its mean, completeness and limit', () => {
    const ev = createEvaluator(hourly());
    expect(ev.add(quarter(0, [90, 110, 120, 100]))).toEqual([]); // mean 105, but the hour is still open
    expect(ev.add(quarter(60, [50]))).toEqual([
      { at: H, active: true, level: 'MEAN_H', value: 105, detail: { limit: 100, windowStart: 0, windowEnd: H, completeness: 1 } },
    ]);
    // The next hour is within: cleared at its end, by the clock this time.
    ev.add(quarter(75, [60, 70, 80]));
    expect(ev.tick(2 * H - 1)).toEqual([]);
    expect(ev.tick(2 * H)).toEqual([{ at: 2 * H, active: false, value: 65 }]);
  });

  it('does not judge an incomplete window, and leaves an active condition as it was', () => {
    const ev = createEvaluator(hourly());
    ev.add(quarter(0, [200, 200, 200, 200]));
    expect(ev.add(quarter(60, [0, 0]))).toEqual([expect.objectContaining({ active: true, level: 'MEAN_H' })]);
    // The second hour has half its expected readings (mean 0): not judged, the alarm stands.
    expect(ev.add(quarter(120, [0]))).toEqual([]);
    expect(ev.level).toBe('MEAN_H');
    // Gaps (windows without a reading) are skipped; NaN is not a reading.
    expect(ev.add([{ ts: 10 * H, value: Number.NaN }, ...quarter(600, [1, 1, 1, 1, 1])])).toEqual([
      { at: 11 * H, active: false, value: 1 },
    ]);
  });

  it('totals against a quota, low limits, out-of-order and duplicate readings', () => {
    const quota: RuleParams = { kind: 'window', windowMs: H, aggregate: 'sum', high: 10, low: 2, minCompleteness: 0, expectedIntervalMs: 15 * 60 * S, utcOffsetMs: 0 };
    const ev = createEvaluator(quota, {}, { replayMs: 2 * H });
    ev.add([...quarter(0, [4, 4]), { ts: 30 * 60 * S, value: 4 }]);
    // Hour 0 closes (sum 12 > 10).
    expect(ev.add(quarter(60, [1]))).toEqual([expect.objectContaining({ at: H, level: 'SUM_H', value: 12 })]);
    // A correction of the reading at 30 min (last wins): the sum becomes 8, within the quota.
    expect(ev.add([{ ts: 30 * 60 * S, value: 0 }])).toEqual([{ at: 60 * 60 * S, active: false, value: 8 }]);
    expect(ev.tick(2 * H)).toEqual([{ at: 2 * H, active: true, level: 'SUM_L', value: 1, detail: { limit: 2, windowStart: H, windowEnd: 2 * H, completeness: 0.25 } }]);
    // A reading for the hour the clock already closed arrives: the hour is judged again.
    expect(ev.add(quarter(90, [5]))).toEqual([{ at: 2 * H, active: false, value: 6 }]);
  });

  it('property: never raises for a window below minCompleteness', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 120 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 120, maxLength: 120 }),
        fc.boolean(),
        (minCompleteness, every, mins, values, sum) => {
          const params: RuleParams = {
            kind: 'window', windowMs: 60 * 60 * S, aggregate: sum ? 'sum' : 'mean', high: 10, low: 3, minCompleteness, expectedIntervalMs: every * 60 * S, utcOffsetMs: 0,
          };
          const pts = mins.map((m, i) => ({ ts: m * 60 * S, value: values[i] }));
          for (const c of backtest(params, pts, { endTs: 500 * 60 * S }).changes) {
            if (!c.active) continue;
            const { windowStart: from, windowEnd: to, completeness: share } = c.detail;
            const readings = pts.filter((p) => p.ts >= (from as number) && p.ts < (to as number)).length;
            expect(share).toBe(completeness(readings, 60 * 60 * S, every * 60 * S));
            expect(share).toBeGreaterThanOrEqual(minCompleteness);
          }
        },
      ),
    );
  });
});
