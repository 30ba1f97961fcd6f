import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cleanSeries, type Point } from './series.ts';
import {
  evaluateThreshold, levelOf, stepThreshold, thresholdRuleErrors, thresholdState,
  type ThresholdLevel, type ThresholdRule, type ThresholdState, type ThresholdTransition,
} from './threshold.ts';

/** Readings one second apart from t = 0, as crafted series are easiest to read that way. */
function seconds(values: number[]): Point[] {
  return values.map((value, i) => ({ ts: i * 1000, value }));
}

/** The level after each reading, stepping incrementally. */
function levels(rule: ThresholdRule, points: Point[]): (ThresholdLevel | null)[] {
  let state = thresholdState(rule);
  return points.map((p) => {
    state = stepThreshold(rule, state, p).state;
    return state.level;
  });
}

function brief(ts: ThresholdTransition[]): [number, ThresholdLevel | null][] {
  return ts.map((t) => [t.at, t.level]);
}

describe('threshold rule validation', () => {
  it('accepts any ordered subset of limits, null counting as unset', () => {
    expect(thresholdRuleErrors({ high: 100 })).toEqual([]);
    expect(thresholdRuleErrors({ lowLow: 1, low: 2, high: 3, highHigh: 4, deadband: 1, onDelayMs: 0, offDelayMs: 5 })).toEqual([]);
    expect(thresholdRuleErrors({ low: 5, high: 5 })).toEqual([]); // the registry allows L = H
    expect(thresholdRuleErrors({ low: null, high: 7, highHigh: null })).toEqual([]);
  });

  it('rejects a rule without limits, unordered or non-finite limits, bad deadband and delays', () => {
    expect(thresholdRuleErrors({})).toEqual(['at least one of highHigh, high, low, lowLow is required']);
    expect(thresholdRuleErrors({ low: null, high: null })).toHaveLength(1);
    expect(thresholdRuleErrors({ high: 10, highHigh: 5 })).toEqual(['highHigh (5) must not be below high (10)']);
    expect(thresholdRuleErrors({ lowLow: 3, high: 2 })).toEqual(['high (2) must not be below lowLow (3)']);
    expect(thresholdRuleErrors({ high: Number.NaN })).toEqual(['high must be a finite number']);
    expect(thresholdRuleErrors({ low: Number.NEGATIVE_INFINITY })).toEqual(['low must be a finite number']);
    expect(thresholdRuleErrors({ high: 1, deadband: -1 })).toEqual(['deadband must be a finite number ≥ 0']);
    expect(thresholdRuleErrors({ high: 1, onDelayMs: Number.NaN })).toEqual(['onDelayMs must be a finite number ≥ 0']);
    expect(thresholdRuleErrors({ high: 1, offDelayMs: Number.POSITIVE_INFINITY })).toEqual(['offDelayMs must be a finite number ≥ 0']);
  });

  it('rejects a deadband wider than the normal band (high and low would both stand)', () => {
    expect(thresholdRuleErrors({ low: 10, high: 20, deadband: 10 })).toEqual([]);
    expect(thresholdRuleErrors({ low: 10, high: 20, deadband: 10.5 })).toEqual([
      'deadband (10.5) must not exceed the gap between the high and low limits (10)',
    ]);
    // Only the closest limits of each side matter.
    expect(thresholdRuleErrors({ lowLow: 0, low: 15, high: 20, highHigh: 50, deadband: 6 })).toHaveLength(1);
    // One side only: any deadband.
    expect(thresholdRuleErrors({ high: 20, highHigh: 21, deadband: 1000 })).toEqual([]);
  });

  it('thresholdState and evaluateThreshold throw on an invalid rule; the step never does', () => {
    expect(() => thresholdState({})).toThrow(RangeError);
    expect(() => evaluateThreshold({ high: 1, highHigh: 0 }, [])).toThrow(/highHigh/);
    expect(() => evaluateThreshold({ high: 1, deadband: -1 }, [], thresholdState({ high: 1 }))).toThrow(/deadband/);
    const s = thresholdState({ high: 1 });
    expect(() => stepThreshold({}, s, { ts: 1, value: 5 })).not.toThrow();
  });
});

describe('levelOf', () => {
  const rule: ThresholdRule = { lowLow: 0, low: 10, high: 100, highHigh: 120 };
  it('is the most severe limit strictly beyond', () => {
    expect(levelOf(rule, 50)).toBeNull();
    expect(levelOf(rule, 100)).toBeNull(); // at the limit is within it
    expect(levelOf(rule, 100.01)).toBe('H');
    expect(levelOf(rule, 120)).toBe('H');
    expect(levelOf(rule, 121)).toBe('HH');
    expect(levelOf(rule, 10)).toBeNull();
    expect(levelOf(rule, 9)).toBe('L');
    expect(levelOf(rule, -1)).toBe('LL');
    expect(levelOf(rule, Number.NaN)).toBeNull();
    expect(levelOf(rule, Number.POSITIVE_INFINITY)).toBeNull();
  });
  it('works with any subset, including HH without H and L = H', () => {
    expect(levelOf({ highHigh: 5 }, 6)).toBe('HH');
    expect(levelOf({ highHigh: 5 }, -100)).toBeNull();
    expect(levelOf({ low: 5, high: 5 }, 5)).toBeNull();
    expect(levelOf({ low: 5, high: 5 }, 5.1)).toBe('H');
    expect(levelOf({ low: 5, high: 5 }, 4.9)).toBe('L');
  });
});

describe('threshold evaluation on crafted series', () => {
  it('raises H above the limit, escalates to HH, steps back down and returns to normal', () => {
    const rule: ThresholdRule = { high: 100, highHigh: 120 };
    const { transitions, state } = evaluateThreshold(rule, seconds([90, 100, 112, 125, 118, 99, 80]));
    expect(transitions).toEqual([
      { at: 2000, level: 'H', value: 112 },
      { at: 3000, level: 'HH', value: 125 },
      { at: 4000, level: 'H', value: 118 },
      { at: 5000, level: null, value: 99 },
    ]);
    expect(state.level).toBeNull();
    expect(state.lastTs).toBe(6000);
  });

  it('jumps straight to HH and straight back to normal', () => {
    expect(brief(evaluateThreshold({ high: 100, highHigh: 120 }, seconds([50, 130, 50])).transitions)).toEqual([
      [1000, 'HH'],
      [2000, null],
    ]);
  });

  it('deadband: an active H stays until the value is at or below high − deadband', () => {
    const rule: ThresholdRule = { high: 100, deadband: 5 };
    expect(levels(rule, seconds([101, 99, 96, 95.5, 101, 95, 99, 100, 100.5]))).toEqual([
      'H', 'H', 'H', 'H', 'H', null, null, null, 'H',
    ]);
  });

  it('deadband applies between HH and H too', () => {
    const rule: ThresholdRule = { high: 100, highHigh: 120, deadband: 5 };
    expect(levels(rule, seconds([121, 117, 115.5, 115, 110, 96, 95]))).toEqual(['HH', 'HH', 'HH', 'H', 'H', 'H', null]);
  });

  it('low side mirrors the high side', () => {
    const rule: ThresholdRule = { low: 10, lowLow: 0, deadband: 2 };
    expect(levels(rule, seconds([11, 10, 9.9, -0.5, 1, 2, 5, 11.9, 12]))).toEqual([
      null, null, 'L', 'LL', 'LL', 'L', 'L', 'L', null,
    ]);
  });

  it('on-delay: raises only once the condition has held over consecutive readings for onDelayMs', () => {
    const rule: ThresholdRule = { high: 100, onDelayMs: 3000 };
    // Breaks at 3 s, so the wait restarts at 4 s and completes at 7 s.
    expect(levels(rule, seconds([101, 102, 103, 99, 101, 101, 101, 101, 50]))).toEqual([
      null, null, null, null, null, null, null, 'H', null,
    ]);
  });

  it('on-delay across a gap: sample and hold, the delay ends at the first reading after it', () => {
    const rule: ThresholdRule = { high: 100, onDelayMs: 60_000 };
    const out = evaluateThreshold(rule, [
      { ts: 0, value: 105 },
      { ts: 59_999, value: 105 },
      { ts: 3_600_000, value: 106 },
    ]);
    expect(out.transitions).toEqual([{ at: 3_600_000, level: 'H', value: 106 }]);
  });

  it('on-delay per level: H raises first, HH after its own wait', () => {
    const rule: ThresholdRule = { high: 100, highHigh: 120, onDelayMs: 2000 };
    expect(levels(rule, seconds([110, 110, 110, 125, 125, 125, 110]))).toEqual([null, null, 'H', 'H', 'H', 'HH', 'H']);
  });

  it('off-delay: clears only once the clear condition has held for offDelayMs; relapse restarts it', () => {
    const rule: ThresholdRule = { high: 100, deadband: 2, offDelayMs: 2000 };
    expect(levels(rule, seconds([101, 97, 97, 99, 97, 97, 97, 101]))).toEqual([
      'H', 'H', 'H', 'H', 'H', 'H', null, 'H',
    ]);
  });

  it('off-delay on HH keeps HH reported until it expires, then H', () => {
    const rule: ThresholdRule = { high: 100, highHigh: 120, offDelayMs: 1000 };
    expect(levels(rule, seconds([125, 110, 110, 90, 90]))).toEqual(['HH', 'HH', 'H', 'H', null]);
  });

  it('a low alarm waiting out its off-delay is cleared at once when a high level raises', () => {
    const rule: ThresholdRule = { low: 10, high: 100, offDelayMs: 10_000 };
    const { transitions, state } = evaluateThreshold(rule, seconds([5, 150, 150]));
    expect(brief(transitions)).toEqual([
      [0, 'L'],
      [1000, 'H'],
    ]);
    expect(state.phases.L.kind).toBe('normal');
    // …but while the high level is still in its on-delay the low one keeps standing.
    const slow: ThresholdRule = { low: 10, high: 100, onDelayMs: 2000, offDelayMs: 10_000 };
    expect(levels(slow, seconds([5, 5, 5, 150, 150, 150]))).toEqual([null, null, 'L', 'L', 'L', 'H']);
  });

  it('the incremental step ignores NaN, ±Infinity, late and repeated readings, returning the same state', () => {
    const rule: ThresholdRule = { high: 100 };
    let s: ThresholdState = thresholdState(rule);
    s = stepThreshold(rule, s, { ts: 1000, value: 50 }).state;
    for (const p of [
      { ts: 2000, value: Number.NaN },
      { ts: 2000, value: Number.POSITIVE_INFINITY },
      { ts: 2000, value: Number.NEGATIVE_INFINITY },
      { ts: Number.NaN, value: 500 },
      { ts: Number.POSITIVE_INFINITY, value: 500 },
      { ts: 999, value: 500 }, // late
      { ts: 1000, value: 500 }, // repeated timestamp
    ]) {
      const step = stepThreshold(rule, s, p);
      expect(step.state).toBe(s);
      expect(step.transitions).toEqual([]);
    }
    expect(stepThreshold(rule, s, { ts: 1001, value: 500 }).transitions).toEqual([{ at: 1001, level: 'H', value: 500 }]);
  });

  it('the step does not modify the state it is given', () => {
    const rule: ThresholdRule = { high: 100, onDelayMs: 1000 };
    const s0 = stepThreshold(rule, thresholdState(rule), { ts: 0, value: 101 }).state;
    const frozen = structuredClone(s0);
    stepThreshold(rule, s0, { ts: 5000, value: 101 });
    expect(s0).toEqual(frozen);
  });

  it('the series form sorts, drops non-finite readings and keeps the last value of a repeated timestamp', () => {
    const rule: ThresholdRule = { high: 100 };
    const { transitions } = evaluateThreshold(rule, [
      { ts: 3000, value: 50 },
      { ts: 1000, value: 150 },
      { ts: 2000, value: Number.NaN },
      { ts: 0, value: 10 },
      { ts: 1000, value: 120 }, // the last value for 1000 is the one reported
      { ts: 2000, value: 130 },
    ]);
    expect(transitions).toEqual([
      { at: 1000, level: 'H', value: 120 },
      { at: 3000, level: null, value: 50 },
    ]);
  });

  it('the series form continues from a given state, like the step', () => {
    const rule: ThresholdRule = { high: 100, offDelayMs: 2000 };
    const pts = seconds([101, 90, 90, 90, 101]);
    const whole = evaluateThreshold(rule, pts);
    const first = evaluateThreshold(rule, pts.slice(0, 2));
    const rest = evaluateThreshold(rule, pts.slice(2), first.state);
    expect([...first.transitions, ...rest.transitions]).toEqual(whole.transitions);
    expect(rest.state).toEqual(whole.state);
  });

  it('an empty or all-NaN series gives nothing', () => {
    expect(evaluateThreshold({ high: 1 }, [])).toEqual({ state: thresholdState({ high: 1 }), transitions: [] });
    expect(evaluateThreshold({ high: 1 }, seconds([Number.NaN, Number.NaN])).transitions).toEqual([]);
  });

  it('the state survives a JSON round trip (so it can be persisted)', () => {
    const rule: ThresholdRule = { high: 100, onDelayMs: 5000 };
    const mid = evaluateThreshold(rule, seconds([101, 101])).state;
    const back = JSON.parse(JSON.stringify(mid)) as ThresholdState;
    const pts = [5000, 6000].map((ts) => ({ ts, value: 101 }));
    expect(evaluateThreshold(rule, pts, back)).toEqual(evaluateThreshold(rule, pts, mid));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties. Limits and values are multiples of 1/4 so that `limit ± deadband` is exact and the
// "strictly inside the deadband" intervals generated below are what they say they are.

const quarter = (min: number, max: number) => fc.integer({ min: min * 4, max: max * 4 }).map((n) => n / 4);

/** A valid rule: an ordered subset of four limits, a deadband within the normal band, delays. */
const ruleArb = (opts: { delays: boolean; deadband: boolean; need?: 'high' | 'low' }) =>
  fc
    .record({
      limits: fc.array(quarter(-100, 100), { minLength: 4, maxLength: 4 }),
      keep: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      deadbandFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      onDelayMs: opts.delays ? fc.integer({ min: 0, max: 5000 }) : fc.constant(0),
      offDelayMs: opts.delays ? fc.integer({ min: 0, max: 5000 }) : fc.constant(0),
    })
    .map(({ limits, keep, deadbandFraction, onDelayMs, offDelayMs }): ThresholdRule => {
      const [lowLow, low, high, highHigh] = [...limits].sort((a, b) => a - b);
      const k = [...keep];
      if (opts.need === 'high') k[2] = true;
      if (opts.need === 'low') k[1] = true;
      if (!k.some(Boolean)) k[2] = true;
      const rule: ThresholdRule = { onDelayMs, offDelayMs };
      if (k[0]) rule.lowLow = lowLow;
      if (k[1]) rule.low = low;
      if (k[2]) rule.high = high;
      if (k[3]) rule.highHigh = highHigh;
      const highs = [rule.high, rule.highHigh].filter((v): v is number => typeof v === 'number');
      const lows = [rule.lowLow, rule.low].filter((v): v is number => typeof v === 'number');
      const room = highs.length && lows.length ? Math.min(...highs) - Math.max(...lows) : 40;
      rule.deadband = opts.deadband ? Math.floor(room * deadbandFraction * 4) / 4 : 0;
      return rule;
    })
    .filter((rule) => thresholdRuleErrors(rule).length === 0);

/** Any value a sensor might send, including the ones that must be ignored. */
const wildValue = fc.oneof(
  { weight: 8, arbitrary: quarter(-150, 150) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
);

/** A high and a low level standing at once (which must never be). */
function bothSides(s: ThresholdState): boolean {
  const standing = (l: ThresholdLevel) => s.phases[l].kind === 'active' || s.phases[l].kind === 'clearing';
  return (standing('H') || standing('HH')) && (standing('L') || standing('LL'));
}

describe('threshold properties', () => {
  it('(1) no flapping inside the deadband: once raised, values beyond limit − deadband never clear it', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom<'high' | 'low'>('high', 'low')
          .chain((side) => fc.tuple(fc.constant(side), ruleArb({ delays: true, deadband: true, need: side }))),
        fc.context(),
        fc.array(fc.record({ gap: fc.integer({ min: 1, max: 10_000 }), offset: quarter(0.25, 100) }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 5 }),
        ([side, rule], ctx, tail, raiseGaps) => {
          const limit = (side === 'high' ? rule.high : rule.low) as number;
          const db = rule.deadband ?? 0;
          const sign = side === 'high' ? 1 : -1;
          // Raise: hold beyond the limit until the on-delay has certainly passed.
          const points: Point[] = [];
          let ts = 0;
          points.push({ ts, value: limit + sign * 1 });
          for (const g of raiseGaps) points.push({ ts: (ts += g), value: limit + sign * 1 });
          points.push({ ts: (ts += (rule.onDelayMs ?? 0) + 1), value: limit + sign * 1 });
          const raisedAt = ts;
          // Then wander anywhere strictly inside (limit − deadband, ∞) (mirrored for low), with
          // NaN and late readings mixed in for good measure.
          for (const { gap, offset } of tail) {
            points.push({ ts: (ts += gap), value: limit - sign * db + sign * offset });
            points.push({ ts, value: Number.NaN });
          }
          const { transitions } = evaluateThreshold(rule, points);
          ctx.log(JSON.stringify({ rule, transitions }));
          const sideLevels: (ThresholdLevel | null)[] = side === 'high' ? ['H', 'HH'] : ['L', 'LL'];
          const first = transitions[0];
          expect(first && sideLevels.includes(first.level)).toBe(true);
          expect(first.at).toBeLessThanOrEqual(raisedAt);
          for (const t of transitions) expect(sideLevels).toContain(t.level);
          // The incremental form, fed the same readings plus late ones (ignored), never clears either.
          let s = thresholdState(rule);
          for (const p of points) {
            s = stepThreshold(rule, s, p).state;
            s = stepThreshold(rule, s, { ts: p.ts - 1, value: 0 }).state;
            if (p.ts >= raisedAt) expect(sideLevels).toContain(s.level);
          }
        },
      ),
    );
  });

  const seriesArb = fc.array(fc.record({ ts: fc.integer({ min: 0, max: 200 }).map((n) => n * 500), value: wildValue }), {
    maxLength: 60,
  });

  /**
   * The same readings in a different order. Copies that repeat a timestamp repeat its value too:
   * two different values for one timestamp are a correction, and which is the correction depends
   * on the arrival order by definition (the last one wins).
   */
  const sameReadingsShuffled = fc
    .tuple(seriesArb, fc.array(fc.nat(), { minLength: 120, maxLength: 120 }), fc.array(fc.nat({ max: 59 }), { maxLength: 20 }))
    .map(([raw, keys, dupIdx]) => {
      const byTs = new Map<number, number>();
      for (const p of raw) if (!byTs.has(p.ts) || !Number.isFinite(byTs.get(p.ts) as number)) byTs.set(p.ts, p.value);
      const pts = raw.map((p) => ({ ts: p.ts, value: Number.isFinite(p.value) ? (byTs.get(p.ts) as number) : p.value }));
      const withDups = [...pts, ...dupIdx.filter((i) => i < pts.length).map((i) => ({ ...pts[i] }))];
      const shuffled = withDups
        .map((p, i) => ({ p, k: keys[i % keys.length] * 1000 + i }))
        .sort((a, b) => a.k - b.k)
        .map(({ p }) => p);
      return [pts, shuffled] as const;
    });

  it('(2) the same readings in any arrival order give the same transitions', () => {
    fc.assert(
      fc.property(ruleArb({ delays: true, deadband: true }), sameReadingsShuffled, (rule, [pts, shuffled]) => {
        expect(evaluateThreshold(rule, shuffled)).toEqual(evaluateThreshold(rule, pts));
      }),
    );
  });

  it('(3) with zero delays and deadband, the level after each reading is that reading’s own level', () => {
    fc.assert(
      fc.property(ruleArb({ delays: false, deadband: false }), fc.array(wildValue, { maxLength: 80 }), (rule, values) => {
        let s = thresholdState(rule);
        let last: ThresholdLevel | null = null;
        values.forEach((value, i) => {
          s = stepThreshold(rule, s, { ts: i, value }).state;
          // A non-finite reading is ignored: the level stays that of the last finite one.
          if (Number.isFinite(value)) last = levelOf(rule, value);
          expect(s.level).toBe(last);
        });
      }),
    );
  });

  it('(4) transitions alternate sensibly, for the step and the series form alike', () => {
    fc.assert(
      fc.property(ruleArb({ delays: true, deadband: true }), seriesArb, (rule, pts) => {
        // Incremental, in arrival order (late readings ignored).
        let s = thresholdState(rule);
        const live: ThresholdTransition[] = [];
        for (const p of pts) {
          const step = stepThreshold(rule, s, p);
          expect(step.transitions.length).toBeLessThanOrEqual(1);
          live.push(...step.transitions);
          s = step.state;
          expect(bothSides(s)).toBe(false);
        }
        const batch = evaluateThreshold(rule, pts);
        // The series form is the step over the cleaned series; check exclusivity along it too.
        let b = thresholdState(rule);
        for (const p of cleanSeries(pts)) {
          b = stepThreshold(rule, b, p).state;
          expect(bothSides(b)).toBe(false);
        }
        expect(b).toEqual(batch.state);
        for (const [ts, end] of [[live, s], [batch.transitions, batch.state]] as const) {
          if (ts.length > 0) expect(ts[0].level).not.toBeNull(); // starts from normal
          for (let i = 1; i < ts.length; i++) {
            expect(ts[i].level).not.toBe(ts[i - 1].level);
            expect(ts[i].at).toBeGreaterThan(ts[i - 1].at);
          }
          expect(end.level).toBe(ts.length ? ts[ts.length - 1].level : null);
        }
      }),
    );
  });

  it('the step never throws and never reports a level the rule does not have', () => {
    fc.assert(
      fc.property(
        ruleArb({ delays: true, deadband: true }),
        fc.array(fc.record({ ts: fc.oneof(fc.integer(), fc.double()), value: fc.oneof(fc.double(), wildValue) }), { maxLength: 50 }),
        (rule, pts) => {
          const present = new Set<ThresholdLevel | null>([null]);
          if (rule.highHigh != null) present.add('HH');
          if (rule.high != null) present.add('H');
          if (rule.low != null) present.add('L');
          if (rule.lowLow != null) present.add('LL');
          let s = thresholdState(rule);
          for (const p of pts) {
            s = stepThreshold(rule, s, p).state;
            expect(present.has(s.level)).toBe(true);
          }
        },
      ),
    );
  });
});
