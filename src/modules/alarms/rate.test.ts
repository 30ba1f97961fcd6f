import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createEvaluator } from './evaluator.ts';
import type { RuleParams } from './rule-model.ts';
import type { Point } from './series.ts';

const S = 1000;
const rule = (windowMs: number, maxRise: number | null, maxFall: number | null): RuleParams => ({ kind: 'rate', windowMs, maxRise, maxFall });
const at = (pairs: [number, number][]): Point[] => pairs.map(([s, value]) => ({ ts: s * S, value }));

describe('rate of change', () => {
  it('measures from the value interpolated at now − window', () => {
    const ev = createEvaluator(rule(10 * S, 4, null));
    // At 14 s the window starts at 4 s, between 0 s (0) and 8 s (8): interpolated 4; 9 − 4 = 5 > 4.
    expect(ev.add(at([[0, 0], [8, 8]]))).toEqual([]);
    expect(ev.add(at([[14, 9]]))).toEqual([
      { at: 14 * S, active: true, level: 'ROC_UP', value: 9, detail: { change: 5, limit: 4, windowStart: 4 * S, windowEnd: 14 * S } },
    ]);
    // At 20 s: window from 10 s, interpolated between 8 s (8) and 14 s (9) = 8 + 2/6; 12 − 8.33 ≤ 4 → clear.
    expect(ev.add(at([[20, 12]]))).toEqual([{ at: 20 * S, active: false, value: 12 }]);
  });

  it('uses the reading exactly at now − window when there is one, and judges falls', () => {
    const ev = createEvaluator(rule(5 * S, null, 2));
    expect(ev.add(at([[0, 10], [5, 7]]))).toEqual([
      { at: 5 * S, active: true, level: 'ROC_DOWN', value: 7, detail: { change: -3, limit: 2, windowStart: 0, windowEnd: 5 * S } },
    ]);
    expect(ev.level).toBe('ROC_DOWN');
  });

  it('does not judge before the series spans the window', () => {
    const ev = createEvaluator(rule(10 * S, 1, 1));
    // A steep rise, but only 9 s of data.
    expect(ev.add(at([[0, 0], [3, 30], [9, 90]]))).toEqual([]);
    expect(ev.add(at([[10, 100]]))[0]).toMatchObject({ level: 'ROC_UP', detail: { change: 100 } });
  });

  it('across a gap longer than the window, measures from the oldest reading inside it', () => {
    const ev = createEvaluator(rule(10 * S, 5, null));
    ev.add(at([[0, 0], [1, 0]]));
    // Silence for 99 s, then 50 and 58 two seconds apart: interpolating 1 s → 100 s would give a
    // rise of ~50; measured from the reading at 100 s the change is 8 over 2 s.
    expect(ev.add(at([[100, 50]]))).toEqual([]);
    expect(ev.add(at([[102, 58]]))).toEqual([
      { at: 102 * S, active: true, level: 'ROC_UP', value: 58, detail: { change: 8, limit: 5, windowStart: 100 * S, windowEnd: 102 * S } },
    ]);
  });

  it('ignores NaN, takes out-of-order and duplicate readings into account', () => {
    const ev = createEvaluator(rule(10 * S, 4, null), {}, { replayMs: 60 * S });
    expect(ev.add([{ ts: 0, value: 0 }, { ts: 10 * S, value: Number.NaN }, { ts: 12 * S, value: 3 }])).toEqual([]);
    // The reading at 2 s arrives late with a low value: the change at 12 s becomes 3 − (−5) = 8.
    expect(ev.add([{ ts: 2 * S, value: -5 }])).toEqual([expect.objectContaining({ at: 12 * S, active: true, level: 'ROC_UP' })]);
    // Corrected (duplicate timestamp, last wins): back within.
    expect(ev.add([{ ts: 2 * S, value: 1 }])).toEqual([{ at: 12 * S, active: false, value: 3 }]);
  });

  it('property: never raises before the series spans the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 60, maxLength: 60 }),
        (w, limit, secs, values) => {
          const pts = secs.map((s, i) => ({ ts: s * S, value: values[i] }));
          const first = Math.min(...pts.map((p) => p.ts));
          for (const c of createEvaluator(rule(w * S, limit, limit), {}, { replayMs: Infinity }).add(pts)) {
            if (c.active) expect(first).toBeLessThanOrEqual(c.at - w * S);
          }
        },
      ),
    );
  });
});
