import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanSeries, type Point } from './series.ts';
import {
  ALL_RULES,
  RULE_NAMES,
  SHEWHART_CONSTANTS,
  controlLimitsIMR,
  controlLimitsXbarR,
  runRuleViolations,
  subgroups,
  type ControlLimits,
  type RuleNumber,
  type RunRuleViolation,
} from './spc.ts';

const T0 = Date.UTC(2025, 0, 1);
const MIN = 60_000;
/** Readings one minute apart from T0. */
const series = (values: readonly number[], step = MIN): Point[] => values.map((value, i) => ({ ts: T0 + i * step, value }));
/** Hand-entered limits: centre 0, σ 1, so values are in units of σ. */
const UNIT = { centre: 0, sigma: 1 };

const limitsOf = (r: ReturnType<typeof controlLimitsIMR>): ControlLimits => {
  if (!r.ok) throw new Error(`expected limits, got ${r.error.message}`);
  return r.limits;
};
/** rule/at-index pairs, the shortest readable summary of a result. */
const summary = (vs: RunRuleViolation[]): [RuleNumber, number, string?][] =>
  vs.map((v) => (v.side ?? v.trend ? [v.rule, v.at.index, v.side ?? v.trend] : [v.rule, v.at.index]));
const only = (rule: RuleNumber, values: readonly number[]) => runRuleViolations(UNIT, series(values), [rule]);

/** Deterministic pseudo-normal noise (LCG + Irwin–Hall), so crafted series do not depend on Math.random. */
function noise(n: number, seed = 1): number[] {
  let s = seed;
  const u = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, () => u() + u() + u() + u() + u() + u() + u() + u() + u() + u() + u() + u() - 6);
}

describe('controlLimitsIMR', () => {
  it('uses the mean as centre and MR̄/1.128 as σ, with ±3σ limits and the moving-range chart', () => {
    // Moving ranges 2, 1, 2, 1: MR̄ = 1.5.
    const l = limitsOf(controlLimitsIMR(series([10, 12, 11, 13, 12]), { minBaseline: 2 }));
    expect(l.chart).toBe('individuals');
    expect(l.subgroupSize).toBe(1);
    expect(l.centre).toBeCloseTo(11.6, 12);
    expect(l.sigma).toBeCloseTo(1.5 / 1.128, 12);
    expect(l.processSigma).toBe(l.sigma);
    expect(l.ucl).toBeCloseTo(11.6 + (3 * 1.5) / 1.128, 12);
    expect(l.lcl).toBeCloseTo(11.6 - (3 * 1.5) / 1.128, 12);
    expect(l.dispersion).toEqual({ chart: 'moving-range', centre: 1.5, ucl: 3.267 * 1.5, lcl: 0 });
    expect(l.degenerate).toBe(false);
    expect(l.baseline).toEqual({ readings: 5, subgroups: 5, from: T0, to: T0 + 4 * MIN, unusedReadings: 0 });
  });

  it('cleans the baseline first: order, duplicates (last wins) and NaN/±Infinity do not change the limits', () => {
    const clean = series([10, 12, 11, 13, 12]);
    const messy: Point[] = [
      clean[3],
      { ts: clean[1].ts, value: 99 }, // overwritten by the later duplicate below
      clean[0],
      { ts: T0 + 30_000, value: NaN },
      clean[4],
      clean[1],
      { ts: T0 + 90_000, value: Infinity },
      { ts: NaN, value: 11 },
      clean[2],
      { ts: T0 + 150_000, value: -Infinity },
    ];
    expect(controlLimitsIMR(messy, { minBaseline: 2 })).toEqual(controlLimitsIMR(clean, { minBaseline: 2 }));
  });

  it('refuses a baseline shorter than 20 readings (by default) with an error value; unusable readings do not count', () => {
    const nineteen = [...series(noise(19)), { ts: T0 + 100 * MIN, value: NaN }];
    const r = controlLimitsIMR(nineteen);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'baseline-too-short', required: 20, got: 19 });
      expect(r.error.message).toMatch(/at least 20 readings.*got 19/);
    }
    expect(controlLimitsIMR(series(noise(20))).ok).toBe(true);
    expect(controlLimitsIMR([]).ok).toBe(false);
  });

  it('never accepts fewer than 2 readings whatever minBaseline says, and rejects a non-integer minBaseline', () => {
    expect(controlLimitsIMR(series([5]), { minBaseline: 1 })).toMatchObject({ ok: false, error: { code: 'baseline-too-short', required: 2, got: 1 } });
    expect(controlLimitsIMR(series([5, 6]), { minBaseline: 0 }).ok).toBe(true);
    expect(controlLimitsIMR(series([5, 6]), { minBaseline: 2.5 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(controlLimitsIMR(series([5, 6]), { minBaseline: NaN })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('gives finite, degenerate limits (σ = 0, both limits on the centre) for a zero-variance baseline', () => {
    const l = limitsOf(controlLimitsIMR(series(Array<number>(25).fill(4.2))));
    expect(l).toMatchObject({ centre: 4.2, sigma: 0, ucl: 4.2, lcl: 4.2, processSigma: 0, degenerate: true });
    expect(l.dispersion).toEqual({ chart: 'moving-range', centre: 0, ucl: 0, lcl: 0 });
    // With σ = 0 a reading on the centre is within 1σ; any other reading is beyond 3σ.
    const v = runRuleViolations(l, series([4.2, 4.2, 4.3, 4.2, 4.1]), [1]);
    expect(summary(v)).toEqual([
      [1, 2, 'above'],
      [1, 4, 'below'],
    ]);
    expect(summary(runRuleViolations(l, series(Array<number>(15).fill(4.2))))).toEqual([[7, 14]]);
  });

  it('returns an error value, not Infinity or NaN limits, when the values overflow a double', () => {
    const r = controlLimitsIMR(series([1.7e308, -1.7e308, 1.7e308]), { minBaseline: 2 });
    expect(r).toMatchObject({ ok: false, error: { code: 'non-finite' } });
  });
});

describe('subgroups', () => {
  it('cuts the cleaned series into consecutive subgroups of n, dropping an incomplete last one', () => {
    const g = subgroups(series([1, 3, 2, 2, 4, 6, 9]).reverse(), 2);
    expect(g).toEqual([
      { ts: T0 + MIN, firstTs: T0, value: 2, range: 2 },
      { ts: T0 + 3 * MIN, firstTs: T0 + 2 * MIN, value: 2, range: 0 },
      { ts: T0 + 5 * MIN, firstTs: T0 + 4 * MIN, value: 5, range: 2 },
    ]);
    expect(subgroups(series([1, 2]), 0)).toEqual([]);
    expect(subgroups(series([1, 2]), 1.5)).toEqual([]);
    expect(subgroups(series([1, 2]), 3)).toEqual([]);
  });
});

describe('controlLimitsXbarR', () => {
  it('uses X̿ ± A2·R̄ and the D3/D4 range chart', () => {
    // Subgroups [1,3] [2,2] [4,6]: means 2, 2, 5 (X̿ = 3); ranges 2, 0, 2 (R̄ = 4/3); 7 is left over.
    const l = limitsOf(controlLimitsXbarR(series([1, 3, 2, 2, 4, 6, 7]), 2, { minBaseline: 3 }));
    const rBar = 4 / 3;
    expect(l.chart).toBe('xbar');
    expect(l.subgroupSize).toBe(2);
    expect(l.centre).toBe(3);
    expect(l.ucl).toBeCloseTo(3 + 1.88 * rBar, 12);
    expect(l.lcl).toBeCloseTo(3 - 1.88 * rBar, 12);
    expect(l.sigma).toBeCloseTo((1.88 * rBar) / 3, 12);
    expect(l.processSigma).toBeCloseTo(rBar / 1.128, 12);
    expect(l.dispersion.chart).toBe('range');
    expect(l.dispersion.centre).toBeCloseTo(rBar, 12);
    expect(l.dispersion.ucl).toBeCloseTo(3.267 * rBar, 12);
    expect(l.dispersion.lcl).toBe(0);
    expect(l.baseline).toEqual({ readings: 7, subgroups: 3, from: T0, to: T0 + 5 * MIN, unusedReadings: 1 });
  });

  it('has a non-zero lower range limit from n = 7, and the published constants', () => {
    const l = limitsOf(controlLimitsXbarR(series(noise(7 * 25, 3)), 7));
    expect(l.dispersion.lcl).toBeCloseTo(0.076 * l.dispersion.centre, 12);
    expect(l.dispersion.ucl).toBeCloseTo(1.924 * l.dispersion.centre, 12);
    expect(l.ucl).toBeCloseTo(l.centre + 0.419 * l.dispersion.centre, 12);
    expect(Object.keys(SHEWHART_CONSTANTS).map(Number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // A2 = 3 / (d2·√n) to the three decimals the tables print.
    for (const [n, k] of Object.entries(SHEWHART_CONSTANTS)) expect(k.A2).toBeCloseTo(3 / (k.d2 * Math.sqrt(Number(n))), 2);
  });

  it('refuses a subgroup size outside 2..10 and a baseline with fewer than 20 complete subgroups', () => {
    for (const n of [1, 11, 2.5, NaN, -3]) {
      expect(controlLimitsXbarR(series(noise(100)), n)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    // 5·20 − 1 readings make 19 complete subgroups of 5.
    const r = controlLimitsXbarR(series(noise(99)), 5);
    expect(r).toMatchObject({ ok: false, error: { code: 'baseline-too-short', required: 20, got: 19 } });
    if (!r.ok) expect(r.error.message).toMatch(/subgroups of 5.*at least 20 complete subgroups \(100 readings\)/);
    expect(controlLimitsXbarR(series(noise(100)), 5).ok).toBe(true);
  });

  it('is degenerate but finite when every subgroup has zero range', () => {
    const l = limitsOf(controlLimitsXbarR(series([1, 1, 2, 2, 3, 3]), 2, { minBaseline: 2 }));
    expect(l).toMatchObject({ centre: 2, sigma: 0, ucl: 2, lcl: 2, degenerate: true });
  });

  it('end to end: subgroup means of a shifted process break the run rules set on an in-control baseline', () => {
    const n = 4;
    const l = limitsOf(controlLimitsXbarR(series(noise(n * 30, 7).map((x) => 50 + x)), n));
    const later = series(noise(n * 12, 11).map((x) => 50 + x + 2 * l.processSigma), MIN).map((p) => ({ ...p, ts: p.ts + 1e7 }));
    const v = runRuleViolations(l, subgroups(later, n));
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.side === undefined || x.side === 'above')).toBe(true);
    expect(v.some((x) => x.rule === 1 || x.rule === 5)).toBe(true);
  });
});

describe('runRuleViolations: each rule on crafted series', () => {
  it('rule 1: every reading strictly beyond 3σ, each its own violation; exactly on the limit is not', () => {
    expect(summary(only(1, [0, 3, -3, 3.01, 3.5, 0, -4]))).toEqual([
      [1, 3, 'above'],
      [1, 4, 'above'],
      [1, 6, 'below'],
    ]);
    const [v] = only(1, [0, 9]);
    expect(v).toEqual({ rule: 1, name: 'one point beyond 3σ', side: 'above', at: { index: 1, ts: T0 + MIN, value: 9 }, points: [{ index: 1, ts: T0 + MIN, value: 9 }] });
  });

  it('rule 2: nine in a row on one side, reported once at the ninth; the centre line breaks the run', () => {
    expect(only(2, Array<number>(8).fill(0.5))).toEqual([]);
    const twelve = only(2, Array<number>(12).fill(0.5));
    expect(summary(twelve)).toEqual([[2, 8, 'above']]);
    expect(twelve[0].points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(only(2, [...Array<number>(5).fill(0.5), 0, ...Array<number>(5).fill(0.5)])).toEqual([]);
    // Above then straight below: two violations, one per side.
    expect(summary(only(2, [...Array<number>(9).fill(0.5), ...Array<number>(9).fill(-0.1)]))).toEqual([
      [2, 8, 'above'],
      [2, 17, 'below'],
    ]);
    // Broken and formed again: reported again.
    expect(summary(only(2, [...Array<number>(9).fill(1), -1, ...Array<number>(9).fill(1)]))).toEqual([
      [2, 8, 'above'],
      [2, 18, 'above'],
    ]);
  });

  it('rule 3: six in a row strictly increasing or decreasing; a flat step breaks it', () => {
    expect(only(3, [0, 0.1, 0.2, 0.3, 0.4])).toEqual([]);
    expect(summary(only(3, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]))).toEqual([[3, 5, 'increasing']]);
    expect(summary(only(3, [2, 1, 0, -1, -2, -2.5]))).toEqual([[3, 5, 'decreasing']]);
    expect(only(3, [0, 0.1, 0.2, 0.2, 0.3, 0.4, 0.5])).toEqual([]);
    // Up six, then down six (sharing the peak): one of each.
    expect(summary(only(3, [0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0]))).toEqual([
      [3, 5, 'increasing'],
      [3, 10, 'decreasing'],
    ]);
  });

  it('rule 4: fourteen in a row alternating up and down; an equal step breaks it', () => {
    const alt = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0.2 : 0.4));
    expect(only(4, alt(13))).toEqual([]);
    const v = only(4, alt(20));
    expect(summary(v)).toEqual([[4, 13]]);
    expect(v[0].points).toHaveLength(14);
    const flat = alt(20);
    flat[7] = flat[6];
    expect(only(4, flat)).toEqual([]);
    // Alternating on one side of the centre still counts: the rule is about the steps.
    expect(summary(only(4, alt(14).map((x) => x + 5)))).toEqual([[4, 13]]);
  });

  it('rule 5: two of three beyond 2σ on the same side, naming the two (or three) readings', () => {
    const v = only(5, [0, 2.5, 0, 2.1]);
    expect(summary(v)).toEqual([[5, 3, 'above']]);
    expect(v[0].points.map((p) => p.index)).toEqual([1, 3]);
    expect(only(5, [2.5, -2.5, 0, 2.5, 1, -2.5])).toEqual([]); // opposite sides, or too far apart
    expect(only(5, [0, 2, 0, 2])).toEqual([]); // exactly 2σ is not beyond
    expect(summary(only(5, [0, -2.5, -2.5]))).toEqual([[5, 2, 'below']]);
    // At the start of a series two readings are enough.
    expect(summary(only(5, [2.5, 2.5, 0]))).toEqual([[5, 1, 'above']]);
    // Going on (three of three) is the same violation; hit, miss, hit again is two.
    expect(summary(only(5, [2.5, 2.5, 2.5, 2.5]))).toEqual([[5, 1, 'above']]);
    expect(summary(only(5, [2.5, 0, 2.5, 0, 0, 2.5, 0, 2.5]))).toEqual([
      [5, 2, 'above'],
      [5, 7, 'above'],
    ]);
  });

  it('rule 6: four of five beyond 1σ on the same side', () => {
    const v = only(6, [1.5, 1.5, 0, 1.5, 1.5]);
    expect(summary(v)).toEqual([[6, 4, 'above']]);
    expect(v[0].points.map((p) => p.index)).toEqual([0, 1, 3, 4]);
    expect(only(6, [1.5, 1.5, 0, 1.5, 1, 1.5])).toEqual([]); // exactly 1σ is within
    expect(only(6, [1.5, 1.5, -1.5, 1.5, 0, 1.5])).toEqual([]);
    expect(summary(only(6, [0, -1.2, -3, -1.1, -2, 0]))).toEqual([[6, 4, 'below']]);
  });

  it('rule 7: fifteen in a row within 1σ (exactly 1σ counts as within), reported once', () => {
    const calm = (n: number) => Array.from({ length: n }, (_, i) => [0.3, -1, 1, -0.2][i % 4]);
    expect(only(7, calm(14))).toEqual([]);
    const v = only(7, calm(40));
    expect(summary(v)).toEqual([[7, 14]]);
    expect(v[0].points).toHaveLength(15);
    const broken = calm(30);
    broken[14] = 1.01;
    expect(summary(only(7, broken))).toEqual([[7, 29]]);
    broken[15] = -1.5;
    expect(only(7, broken)).toEqual([]);
  });

  it('rule 8: eight in a row beyond 1σ on either side, none within', () => {
    const wide = (n: number): number[] => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -1.5 : 2.2));
    expect(only(8, wide(7))).toEqual([]);
    const v = only(8, wide(12));
    expect(summary(v)).toEqual([[8, 7]]);
    expect(v[0].points).toHaveLength(8);
    const touch = wide(12);
    touch[4] = -1;
    expect(only(8, touch)).toEqual([]);
    // All on one side is still rule 8 (this module does not require both sides, as Minitab's test 8).
    expect(summary(only(8, Array<number>(8).fill(1.5)))).toEqual([[8, 7]]);
  });

  it('evaluates all eight rules by default and returns them by time, then rule number', () => {
    const v = runRuleViolations(UNIT, series([...Array<number>(8).fill(2.5), 4]));
    expect(summary(v)).toEqual([
      [5, 1, 'above'],
      [6, 3, 'above'],
      [8, 7],
      [1, 8, 'above'],
      [2, 8, 'above'],
    ]);
    for (const x of v) expect(x.name).toBe(RULE_NAMES[x.rule]);
    expect(runRuleViolations(UNIT, series([...Array<number>(8).fill(2.5), 4]), [2, 1])).toEqual(v.filter((x) => x.rule <= 2));
    expect(runRuleViolations(UNIT, series([5, 5, 5]), [])).toEqual([]);
    expect(runRuleViolations(UNIT, [])).toEqual([]);
  });

  it('handles out-of-order, duplicate and non-finite readings by cleaning first; indexes refer to the cleaned series', () => {
    const values = [0.5, 0.6, 0.7, 0.5, 0.4, 0.5, 0.6, 0.5, 0.7, 5];
    const clean = series(values);
    const messy: Point[] = [...clean].reverse();
    messy.splice(3, 0, { ts: T0 + 30_000, value: NaN }, { ts: T0 + 90_000, value: -Infinity }, { ts: Infinity, value: 1 });
    messy.unshift({ ts: clean[4].ts, value: -7 }); // a duplicate timestamp overwritten by the later 0.4
    const expected = runRuleViolations(UNIT, clean);
    expect(summary(expected)).toEqual([
      [2, 8, 'above'],
      [1, 9, 'above'],
    ]);
    expect(runRuleViolations(UNIT, messy)).toEqual(expected);
    // A NaN between readings is dropped, so it does not break a run.
    expect(expected[0].points.map((p) => p.ts)).toEqual(clean.slice(0, 9).map((p) => p.ts));
    const last = [...clean, { ts: clean[9].ts, value: 0.1 }]; // later duplicate wins: no rule 1
    expect(summary(runRuleViolations(UNIT, last))).toEqual([[2, 8, 'above']]);
  });

  it('lets a gap longer than maxGapMs start the runs afresh; by default gaps do not matter', () => {
    const pts = series(Array<number>(12).fill(0.5));
    for (let i = 5; i < pts.length; i++) pts[i] = { ...pts[i], ts: pts[i].ts + 3_600_000 }; // an hour's silence after the fifth
    expect(summary(runRuleViolations(UNIT, pts, [2]))).toEqual([[2, 8, 'above']]);
    expect(runRuleViolations(UNIT, pts, [2], { maxGapMs: 10 * MIN })).toEqual([]);
    expect(runRuleViolations(UNIT, pts, [2], { maxGapMs: 2 * 3_600_000 })).toHaveLength(1);
    // Rule 5 after a gap starts with what there is, as at the start of a series.
    const two = [...series([2.5]), { ts: T0 + 3_600_000, value: 2.5 }];
    expect(runRuleViolations(UNIT, two, [5], { maxGapMs: MIN })).toEqual([]);
  });

  it('throws a RangeError for configuration mistakes, never for data', () => {
    expect(() => runRuleViolations({ centre: NaN, sigma: 1 }, [])).toThrow(RangeError);
    expect(() => runRuleViolations({ centre: 0, sigma: -1 }, [])).toThrow(RangeError);
    expect(() => runRuleViolations({ centre: 0, sigma: Infinity }, [])).toThrow(RangeError);
    expect(() => runRuleViolations(UNIT, [], [9 as RuleNumber])).toThrow(/unknown run rule 9/);
    expect(() => runRuleViolations(UNIT, [], ALL_RULES, { maxGapMs: 0 })).toThrow(RangeError);
  });

  it('catches a melt-index shift of 1.5σ that no single reading shows (rules 2, 5 or 6), and nothing before it', () => {
    const base = noise(60, 5).map((x) => 12 + 0.3 * x);
    const l = limitsOf(controlLimitsIMR(series(base)));
    const before = noise(30, 9).map((x) => 12 + 0.3 * x);
    const after = noise(30, 13).map((x) => 12 + 0.3 * x + 1.5 * l.sigma);
    const v = runRuleViolations(l, series([...before, ...after]), [1, 2, 5, 6]);
    expect(v.length).toBeGreaterThan(0);
    expect(v[0].at.index).toBeGreaterThanOrEqual(30);
    expect(v.every((x) => x.side === 'above')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/**
 * Values built so every operation in the rules is exact: an integer centre, σ a power of two and
 * deviations whole eighths of σ. Mirrored and shifted series then compare exactly, boundaries
 * (exactly 1σ, 2σ, 3σ) included.
 */
const exactCase = fc.record({
  centre: fc.integer({ min: -1000, max: 1000 }),
  sigma: fc.constantFrom(0.125, 0.25, 0.5, 1, 2, 4, 8),
  eighths: fc.array(fc.integer({ min: -40, max: 40 }), { maxLength: 80 }),
});
const build = (c: { centre: number; sigma: number; eighths: number[] }, sign = 1, shift = 0): Point[] =>
  c.eighths.map((m, i) => ({ ts: T0 + i * MIN, value: c.centre + shift + (sign * m * c.sigma) / 8 }));

const WINDOW: Record<RuleNumber, [number, number]> = { 1: [1, 1], 2: [9, 9], 3: [6, 6], 4: [14, 14], 5: [2, 3], 6: [4, 5], 7: [15, 15], 8: [8, 8] };

describe('runRuleViolations: properties', () => {
  it('a constant series on the centre violates only rule 7, once, at its fifteenth reading', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 1e-9, 0.5, 3), fc.nat({ max: 60 }), (centre, sigma, n) => {
        const v = runRuleViolations({ centre, sigma }, series(Array<number>(n).fill(centre)));
        expect(summary(v)).toEqual(n >= 15 ? [[7, 14]] : []);
      }),
    );
  });

  it('a series inside ±1σ alternating sides of the centre never violates rules 1, 2, 5, 6 or 8', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.array(fc.double({ min: Number.EPSILON, max: 1, noNaN: true }), { maxLength: 60 }),
        fc.boolean(),
        (centre, sigma, mags, startAbove) => {
          // Magnitudes up to exactly 1σ (the boundary is within); the centre never sits exactly on a point.
          const values = mags.map((m, i) => centre + ((i % 2 === 0) === startAbove ? 1 : -1) * m * sigma);
          fc.pre(values.every((x) => x !== centre && Math.abs(x - centre) <= sigma));
          expect(runRuleViolations({ centre, sigma }, series(values), [1, 2, 5, 6, 8])).toEqual([]);
        },
      ),
    );
  });

  it('mirror: negating every deviation mirrors the violations (sides and trends swap, the rest is unchanged)', () => {
    const swap = { above: 'below', below: 'above', increasing: 'decreasing', decreasing: 'increasing' } as const;
    fc.assert(
      fc.property(exactCase, (c) => {
        const limits = { centre: c.centre, sigma: c.sigma };
        const v = runRuleViolations(limits, build(c));
        const m = runRuleViolations(limits, build(c, -1));
        const shape = (xs: RunRuleViolation[], flip: boolean) =>
          xs.map((x) => ({
            rule: x.rule,
            at: x.at.index,
            points: x.points.map((p) => p.index),
            side: x.side && flip ? swap[x.side] : x.side,
            trend: x.trend && flip ? swap[x.trend] : x.trend,
          }));
        expect(shape(m, false)).toEqual(shape(v, true));
      }),
    );
  });

  it('shifting the centre and every reading by the same k·σ changes nothing', () => {
    fc.assert(
      fc.property(exactCase, fc.integer({ min: -50, max: 50 }), (c, k) => {
        const strip = (xs: RunRuleViolation[]) => xs.map((x) => ({ ...x, at: x.at.index, points: x.points.map((p) => p.index) }));
        const v = runRuleViolations({ centre: c.centre, sigma: c.sigma }, build(c));
        const s = runRuleViolations({ centre: c.centre + k * c.sigma, sigma: c.sigma }, build(c, 1, k * c.sigma));
        expect(strip(s)).toEqual(strip(v));
      }),
    );
  });

  it('adding a reading beyond 3σ always yields a rule-1 violation at that reading, on its side', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 3, max: 1e6, noNaN: true, minExcluded: true }),
        fc.boolean(),
        (tss, values, ts, beyond, up) => {
          fc.pre(!tss.includes(ts));
          const pts = tss.map((t, i) => ({ ts: t, value: values[i] }));
          const value = up ? beyond : -beyond;
          const v = runRuleViolations(UNIT, [...pts, { ts, value }]);
          expect(v.filter((x) => x.rule === 1 && x.at.ts === ts)).toEqual([
            expect.objectContaining({ side: up ? 'above' : 'below', at: expect.objectContaining({ ts, value }) }),
          ]);
        },
      ),
    );
  });

  it('the same readings in any arrival order give the same violations', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ ts: fc.integer({ min: 0, max: 1e6 }), value: fc.double({ min: -4, max: 4, noNaN: true }) }), { selector: (p) => p.ts, maxLength: 80 }),
        fc.infiniteStream(fc.nat()),
        (pts, rnd) => {
          const shuffled = [...pts];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = rnd.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          expect(runRuleViolations(UNIT, shuffled)).toEqual(runRuleViolations(UNIT, pts));
        },
      ),
    );
  });

  it('a run of nine or more on one side gives exactly one rule-2 violation, at its ninth reading', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-6, max: 10, noNaN: true }), { minLength: 9, maxLength: 100 }), fc.boolean(), (mags, up) => {
        const v = runRuleViolations(UNIT, series(mags.map((m) => (up ? m : -m))), [2]);
        expect(summary(v)).toEqual([[2, 8, up ? 'above' : 'below']]);
      }),
    );
  });

  it('never throws on any data (NaN, ±Infinity, duplicates); every violation is well formed and in order', () => {
    const value = fc.oneof(fc.double(), fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity, 0, 1, -1, 2, 3));
    fc.assert(
      fc.property(
        fc.array(fc.record({ ts: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom(NaN, Infinity)), value }), { maxLength: 120 }),
        fc.subarray([...ALL_RULES]),
        fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        (pts, rules, maxGapMs) => {
          const v = runRuleViolations(UNIT, pts, rules, { maxGapMs });
          const clean = cleanSeries(pts);
          for (let i = 1; i < v.length; i++) {
            const [a, b] = [v[i - 1], v[i]];
            expect(a.at.index < b.at.index || (a.at.index === b.at.index && a.rule < b.rule)).toBe(true);
          }
          for (const x of v) {
            expect(rules).toContain(x.rule);
            expect(x.name).toBe(RULE_NAMES[x.rule]);
            const [lo, hi] = WINDOW[x.rule];
            expect(x.points.length).toBeGreaterThanOrEqual(lo);
            expect(x.points.length).toBeLessThanOrEqual(hi);
            expect(x.points[x.points.length - 1]).toEqual(x.at);
            for (let i = 1; i < x.points.length; i++) expect(x.points[i].index).toBeGreaterThan(x.points[i - 1].index);
            for (const p of x.points) expect(clean[p.index]).toEqual({ ts: p.ts, value: p.value });
            expect(x.side !== undefined).toBe([1, 2, 5, 6].includes(x.rule));
            expect(x.trend !== undefined).toBe(x.rule === 3);
          }
        },
      ),
    );
  });
});

describe('control limits: properties', () => {
  const baseline = fc.array(fc.record({ ts: fc.integer({ min: 0, max: 1e6 }), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }), { maxLength: 60 });

  it('I-MR limits are finite and ordered, independent of arrival order, and degenerate exactly when the baseline is constant', () => {
    fc.assert(
      fc.property(baseline, (pts) => {
        const r = controlLimitsIMR(pts, { minBaseline: 2 });
        const clean = cleanSeries(pts);
        expect(r.ok).toBe(clean.length >= 2);
        if (!r.ok) return;
        const l = r.limits;
        for (const x of [l.centre, l.sigma, l.ucl, l.lcl]) expect(Number.isFinite(x)).toBe(true);
        expect(l.sigma).toBeGreaterThanOrEqual(0);
        expect(l.lcl).toBeLessThanOrEqual(l.centre);
        expect(l.centre).toBeLessThanOrEqual(l.ucl);
        expect(l.degenerate).toBe(clean.every((p) => p.value === clean[0].value));
        // Arrival order does not matter once timestamps are distinct.
        const unique = [...new Map(pts.map((p) => [p.ts, p])).values()];
        expect(controlLimitsIMR([...unique].reverse(), { minBaseline: 2 })).toEqual(controlLimitsIMR(unique, { minBaseline: 2 }));
      }),
    );
  });

  it('X-bar/R limits are finite and ordered for every n in 2..10, and use every complete subgroup', () => {
    fc.assert(
      fc.property(baseline, fc.integer({ min: 2, max: 10 }), (pts, n) => {
        const r = controlLimitsXbarR(pts, n, { minBaseline: 2 });
        const clean = cleanSeries(pts);
        expect(r.ok).toBe(Math.floor(clean.length / n) >= 2);
        if (!r.ok) return;
        const l = r.limits;
        expect(l.baseline.subgroups).toBe(Math.floor(clean.length / n));
        expect(l.baseline.unusedReadings).toBe(clean.length % n);
        expect(l.lcl).toBeLessThanOrEqual(l.centre);
        expect(l.centre).toBeLessThanOrEqual(l.ucl);
        expect(l.dispersion.lcl).toBeLessThanOrEqual(l.dispersion.centre);
        expect(l.dispersion.centre).toBeLessThanOrEqual(l.dispersion.ucl);
        expect(l.ucl - l.centre).toBeCloseTo(SHEWHART_CONSTANTS[n].A2 * l.dispersion.centre, 6);
      }),
    );
  });
});
