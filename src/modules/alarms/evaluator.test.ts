import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createEvaluator, type EvaluatorContext } from './evaluator.ts';
import { backtest } from './backtest.ts';
import { ruleParamErrors } from './rule-params.ts';
import type { ConditionChange, RuleParams } from './rule-model.ts';
import type { Point } from './series.ts';
import type { ControlLimits, RuleNumber } from './spc.ts';

const S = 1000;

/** Limits of an individuals (or X-bar) chart centred on 0 with σ = 1, as a baseline would give. */
function unitLimits(subgroupSize = 1): ControlLimits {
  return {
    chart: subgroupSize === 1 ? 'individuals' : 'xbar',
    subgroupSize,
    centre: 0,
    sigma: 1,
    ucl: 3,
    lcl: -3,
    processSigma: 1,
    dispersion: { chart: subgroupSize === 1 ? 'moving-range' : 'range', centre: 1.128, ucl: 3.685, lcl: 0 },
    degenerate: false,
    baseline: { readings: 25, subgroups: 25, from: 0, to: 1, unusedReadings: 0 },
  };
}

/** The condition the changes leave, applied in order from normal. */
function replayLevel(changes: readonly ConditionChange[]): string | null {
  let level: string | null = null;
  for (const c of changes) level = c.active ? c.level : null;
  return level;
}

const limitValue = fc.integer({ min: -20, max: 20 });
const nullable = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const thresholdParams: fc.Arbitrary<RuleParams> = fc
  .tuple(fc.uniqueArray(limitValue, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.nat(4), fc.nat(3), fc.nat(3))
  .map(([values, pick, db, on, off]) => {
    const sorted = [...values].sort((a, b) => a - b);
    // Spread the sorted values over LL, L, H, HH, keeping at least one.
    const slots: (number | null)[] = [null, null, null, null];
    sorted.forEach((v, i) => (slots[sorted.length === 4 ? i : pick[i] ? Math.min(3, i + 1) : i] = v));
    let [lowLow, low, high, highHigh] = slots;
    // Keep the order LL ≤ L ≤ H ≤ HH after the spreading (a slot may have been written twice).
    const present = [lowLow, low, high, highHigh].filter((v): v is number => v !== null);
    if (present.some((v, i) => i > 0 && v < present[i - 1])) [lowLow, low, high, highHigh] = [null, null, sorted[sorted.length - 1], null];
    const highs = [high, highHigh].filter((v): v is number => v !== null);
    const lows = [low, lowLow].filter((v): v is number => v !== null);
    const gap = highs.length && lows.length ? Math.min(...highs) - Math.max(...lows) : Infinity;
    return { kind: 'threshold', lowLow, low, high, highHigh, deadband: Math.min(db, gap), onDelayMs: on * S, offDelayMs: off * S };
  });

const rateParams: fc.Arbitrary<RuleParams> = fc
  .tuple(fc.integer({ min: 1, max: 15 }), nullable(fc.integer({ min: 0, max: 10 })), nullable(fc.integer({ min: 0, max: 10 })))
  .map(([w, maxRise, maxFall]) => ({ kind: 'rate', windowMs: w * S, maxRise: maxRise ?? (maxFall === null ? 3 : null), maxFall }));

const noDataParams: fc.Arbitrary<RuleParams> = fc.integer({ min: 1, max: 10 }).map((s) => ({ kind: 'no_data', silenceMs: s * S }));

const windowParams: fc.Arbitrary<RuleParams> = fc
  .tuple(fc.constantFrom(5, 10, 20), fc.constantFrom('mean', 'sum') as fc.Arbitrary<'mean' | 'sum'>, nullable(limitValue), nullable(limitValue), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: -12, max: 14 }))
  .map(([w, aggregate, a, b, minCompleteness, every, off]) => {
    let high = a;
    let low = b;
    if (high === null && low === null) high = 0;
    if (high !== null && low !== null && low > high) [high, low] = [low, high];
    return { kind: 'window', windowMs: w * S, aggregate, high, low, minCompleteness, expectedIntervalMs: every * S, utcOffsetMs: off * S };
  });

const spcParams: fc.Arbitrary<RuleParams> = fc
  .tuple(fc.constantFrom(1, 1, 2, 3), fc.subarray([1, 2, 3, 4, 5, 6, 7, 8] as RuleNumber[], { minLength: 1 }))
  .map(([n, runRules]) => ({ kind: 'spc', chart: n === 1 ? 'imr' : 'xbar_r', subgroupSize: n, baselineFrom: 0, baselineTo: 1, runRules }));

const forecastParams: fc.Arbitrary<RuleParams> = fc
  .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 6, max: 20 }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), nullable(fc.integer({ min: 5, max: 40 })), nullable(fc.integer({ min: -40, max: -5 })))
  .map(([h, fitSteps, confidence, high, low]) => ({
    kind: 'forecast',
    horizonMs: h * S,
    stepMs: S,
    fitWindowMs: fitSteps * S,
    confidence,
    high: high ?? (low === null ? 10 : null),
    low,
  }));

const paramsByKind: Record<RuleParams['kind'], fc.Arbitrary<RuleParams>> = {
  threshold: thresholdParams,
  rate: rateParams,
  no_data: noDataParams,
  window: windowParams,
  spc: spcParams,
  forecast: forecastParams,
};

function ctxFor(params: RuleParams): EvaluatorContext {
  return params.kind === 'spc' ? { controlLimits: unitLimits(params.subgroupSize) } : {};
}

/** Readings at distinct whole seconds within a minute, values a random walk (so trends and runs happen). */
const series = (maxLength: number): fc.Arbitrary<Point[]> =>
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength }), fc.array(fc.integer({ min: -4, max: 4 }), { minLength: maxLength, maxLength }), fc.integer({ min: -15, max: 15 }))
    .map(([secs, steps, start]) => {
      const sorted = [...secs].sort((a, b) => a - b);
      let v = start;
      return sorted.map((s, i) => {
        v += steps[i];
        return { ts: s * S, value: v };
      });
    });

/** The same readings, shuffled and cut into batches. */
const arrival = (points: Point[]) =>
  fc.tuple(fc.shuffledSubarray(points, { minLength: points.length, maxLength: points.length }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: points.length, maxLength: points.length }));

function batches(points: Point[], sizes: number[]): Point[][] {
  const out: Point[][] = [];
  for (let i = 0, k = 0; i < points.length; k++) {
    out.push(points.slice(i, i + sizes[k]));
    i += sizes[k];
  }
  return out;
}

describe('ruleParamErrors on generated rules', () => {
  for (const [kind, arb] of Object.entries(paramsByKind)) {
    it(`property: every generated ${kind} rule is valid`, () => {
      fc.assert(
        fc.property(arb, (params) => {
          expect(ruleParamErrors(params)).toEqual([]);
        }),
      );
    });
  }

  it('property: breaking one field of a valid rule is reported at that field', () => {
    const breakers: Record<RuleParams['kind'], [string, unknown][]> = {
      threshold: [['deadband', -1], ['onDelayMs', Number.NaN], ['offDelayMs', -5]],
      rate: [['windowMs', 0], ['maxRise', -1], ['maxFall', Number.POSITIVE_INFINITY]],
      no_data: [['silenceMs', -1], ['silenceMs', Number.NaN]],
      window: [['windowMs', 0], ['aggregate', 'max'], ['minCompleteness', 1.5], ['expectedIntervalMs', 0], ['utcOffsetMs', 15 * 3_600_000]],
      spc: [['chart', 'p'], ['runRules', []], ['baselineTo', -1]],
      forecast: [['stepMs', 0], ['confidence', 0.3], ['fitWindowMs', 1], ['horizonMs', Number.NaN]],
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(paramsByKind) as RuleParams['kind'][])).chain((kind) =>
          fc.tuple(paramsByKind[kind], fc.constantFrom(...breakers[kind])),
        ),
        ([params, [field, bad]]) => {
          const broken = { ...params, [field]: bad } as RuleParams;
          const paths = ruleParamErrors(broken).map((e) => e.path);
          expect(paths).toContain(`/${field}`);
        },
      ),
    );
  });
});

describe('arrival order', () => {
  for (const [kind, arb] of Object.entries(paramsByKind)) {
    it(`property: ${kind}: any arrival order and batching gives the same final level as in order and as the back-test`, () => {
      fc.assert(
        fc.property(
          arb,
          series(kind === 'forecast' ? 25 : 40).chain((pts) => fc.tuple(fc.constant(pts), arrival(pts))),
          fc.boolean(),
          (params, [points, [shuffled, sizes]], boundedReplay) => {
            const ctx = ctxFor(params);
            const inOrder = createEvaluator(params, ctx, { replayMs: Infinity });
            const ordered = inOrder.add(points);
            expect(replayLevel(ordered)).toBe(inOrder.level);

            // A replay window just long enough for the whole series behaves like an unbounded one.
            const span = points[points.length - 1].ts - points[0].ts;
            const ev = createEvaluator(params, ctx, { replayMs: boundedReplay ? span : Infinity });
            const changes: ConditionChange[] = [];
            for (const batch of batches(shuffled, sizes)) changes.push(...ev.add(batch));
            expect(ev.level).toBe(inOrder.level);
            expect(ev.late).toBe(0);
            expect(ev.lastTs).toBe(points[points.length - 1].ts);
            expect(replayLevel(changes)).toBe(ev.level);
            // Stamps never go backwards, so the lifecycle accepts every change.
            for (let i = 1; i < changes.length; i++) expect(changes[i].at).toBeGreaterThanOrEqual(changes[i - 1].at);

            const bt = backtest(params, shuffled, ctx);
            expect(replayLevel(bt.changes)).toBe(inOrder.level);
            expect(bt.changes).toEqual(ordered);
          },
        ),
        { numRuns: kind === 'forecast' ? 40 : 150 },
      );
    });
  }
});

describe('evaluator plumbing', () => {
  const high: RuleParams = { kind: 'threshold', high: 10, highHigh: null, low: null, lowLow: null, deadband: 0, onDelayMs: 0, offDelayMs: 0 };

  it('refuses an unusable rule and an spc rule without control limits', () => {
    expect(() => createEvaluator({ ...high, high: null })).toThrow(RangeError);
    expect(() => createEvaluator({ kind: 'spc', chart: 'imr', subgroupSize: 1, baselineFrom: 0, baselineTo: 1, runRules: [1] })).toThrow(/control limits/);
    expect(() => createEvaluator({ kind: 'spc', chart: 'imr', subgroupSize: 1, baselineFrom: 0, baselineTo: 1, runRules: [1] }, { controlLimits: unitLimits(3) })).toThrow(/chart/);
    expect(() => createEvaluator(high, {}, { replayMs: -1 })).toThrow(RangeError);
  });

  it('drops NaN and ±Infinity, keeps the last of a repeated timestamp within a batch', () => {
    const ev = createEvaluator(high);
    expect(ev.add([{ ts: 1, value: Number.NaN }, { ts: 2, value: Number.POSITIVE_INFINITY }, { ts: Number.NaN, value: 50 }])).toEqual([]);
    expect(ev.lastTs).toBeNull();
    expect(ev.add([{ ts: 3, value: 50 }, { ts: 3, value: 5 }])).toEqual([]);
    expect(ev.level).toBeNull();
    expect(ev.lastTs).toBe(3);
  });

  it('a late reading changes only the current condition, stamped at lastTs; a repeated one corrects the value', () => {
    const ev = createEvaluator(high);
    expect(ev.add([{ ts: 1 * S, value: 1 }, { ts: 3 * S, value: 2 }])).toEqual([]);
    // A late reading at 2 s beyond the limit: history says H from 2 s to 3 s, but the current
    // condition (after 3 s, value 2) is still normal, so nothing is reported.
    expect(ev.add([{ ts: 2 * S, value: 50 }])).toEqual([]);
    // The reading at 3 s is corrected upward: the reordered series has H standing since the reading
    // at 2 s (value 50); that activation is what is reported, stamped at 3 s.
    expect(ev.add([{ ts: 3 * S, value: 11 }])).toEqual([{ at: 3 * S, active: true, level: 'H', value: 50, detail: { limit: 10 } }]);
    expect(ev.level).toBe('H');
    expect(ev.add([{ ts: 4 * S, value: 9 }])).toEqual([{ at: 4 * S, active: false, value: 9 }]);
  });

  it('counts and ignores readings older than the replay window', () => {
    const ev = createEvaluator(high, {}, { replayMs: 10 * S });
    ev.add([{ ts: 100 * S, value: 1 }]);
    expect(ev.add([{ ts: 80 * S, value: 50 }, { ts: 95 * S, value: 2 }])).toEqual([]);
    expect(ev.late).toBe(1);
    // Exactly at the edge of the window is still judged.
    const edge = createEvaluator(high, {}, { replayMs: 10 * S });
    edge.add([{ ts: 100 * S, value: 50 }]);
    expect(edge.add([{ ts: 90 * S, value: 1 }])).toEqual([]);
    expect(edge.late).toBe(0);
    expect(edge.level).toBe('H');
  });

  it('keeps late readings working after many in-order readings have left the replay window', () => {
    const ev = createEvaluator({ kind: 'rate', windowMs: 5 * S, maxRise: 3, maxFall: null }, {}, { replayMs: 20 * S });
    const pts: Point[] = Array.from({ length: 5000 }, (_, i) => ({ ts: i * S, value: i % 2 }));
    for (const p of pts) ev.add([p]);
    expect(ev.level).toBeNull();
    // The newest reading is corrected to a spike: the rise over 5 s becomes 10 − 0.
    const late = ev.add([{ ts: 4999 * S, value: 10 }]);
    expect(late).toEqual([expect.objectContaining({ at: 4999 * S, active: true, level: 'ROC_UP' })]);
    expect(ev.level).toBe(backtest({ kind: 'rate', windowMs: 5 * S, maxRise: 3, maxFall: null }, [...pts.slice(0, 4999), { ts: 4999 * S, value: 10 }]).episodes.at(-1)?.level);
  });

  it('in order, the cost per reading stays flat as history grows (no per-reading copies)', () => {
    const params: RuleParams[] = [
      high,
      { kind: 'rate', windowMs: 60 * S, maxRise: 5, maxFall: 5 },
      { kind: 'no_data', silenceMs: 60 * S },
      { kind: 'window', windowMs: 3600 * S, aggregate: 'mean', high: 10, low: null, minCompleteness: 0.5, expectedIntervalMs: S, utcOffsetMs: 0 },
    ];
    for (const p of params) {
      const ev = createEvaluator(p);
      const time = (from: number, n: number) => {
        const t0 = performance.now();
        for (let i = from; i < from + n; i++) ev.add([{ ts: i * S, value: Math.sin(i / 50) * 12 }]);
        return performance.now() - t0;
      };
      time(0, 20_000); // warm-up
      const early = time(20_000, 20_000);
      time(40_000, 200_000);
      const late = time(240_000, 20_000);
      // Same work per reading late in a long history as early on: a copy or a scan per reading
      // would make the late batch hundreds of times slower (the bound is generous for noisy CI).
      expect(late).toBeLessThan(early * 10 + 50);
    }
  });
});
