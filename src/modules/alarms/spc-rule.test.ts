import { describe, it, expect } from 'vitest';
import { createEvaluator } from './evaluator.ts';
import type { RuleParams } from './rule-model.ts';
import { controlLimitsIMR, controlLimitsXbarR, RULE_NAMES, type ControlLimits, type RuleNumber } from './spc.ts';
import type { Point } from './series.ts';

const S = 1000;
const seq = (values: number[], from = 0): Point[] => values.map((value, i) => ({ ts: (from + i) * S, value }));
/** A baseline alternating 9/11: centre 10, MR̄ 2, σ = 2/1.128 ≈ 1.773. */
const baseline = seq(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 9 : 11)));
const imr = (): ControlLimits => {
  const r = controlLimitsIMR(baseline);
  if (!r.ok) throw new Error(r.error.message);
  return r.limits;
};
const rule = (runRules: RuleNumber[], subgroupSize = 1): RuleParams => ({
  kind: 'spc', chart: subgroupSize === 1 ? 'imr' : 'xbar_r', subgroupSize, baselineFrom: 0, baselineTo: 30 * S, runRules,
});

describe('spc rule', () => {
  it('rule 1 names the control limit crossed, and clears with the next point inside', () => {
    const limits = imr();
    const ev = createEvaluator(rule([1, 2]), { controlLimits: limits });
    expect(ev.add(seq([10, 30]))).toEqual([
      { at: S, active: true, level: 'SPC1', value: 30, detail: { runRule: 1, runRuleName: RULE_NAMES[1], limit: limits.ucl } },
    ]);
    // Beyond the other limit: still the same condition (one alarm per condition), nothing new.
    expect(ev.add(seq([-20], 2))).toEqual([]);
    expect(ev.level).toBe('SPC1');
    expect(ev.add(seq([10.5], 3))).toEqual([{ at: 3 * S, active: false, value: 10.5 }]);
  });

  it('rule 2 stands while the run goes on and clears when it breaks', () => {
    const ev = createEvaluator(rule([2]), { controlLimits: imr() });
    expect(ev.add(seq([10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5]))).toEqual([]);
    expect(ev.add(seq([10.6], 8))).toEqual([expect.objectContaining({ at: 8 * S, level: 'SPC2', detail: { runRule: 2, runRuleName: RULE_NAMES[2] } })]);
    expect(ev.add(seq([10.4, 10.3, 10.7], 9))).toEqual([]); // twelve in a row: the same violation
    expect(ev.level).toBe('SPC2');
    expect(ev.add(seq([9.5], 12))).toEqual([{ at: 12 * S, active: false, value: 9.5 }]);
  });

  it('names the most serious rule holding', () => {
    const ev = createEvaluator(rule([1, 2, 5]), { controlLimits: imr() });
    // Two of three beyond 2σ (≈ 13.55) on the same side: rule 5; then one beyond 3σ: rule 1.
    expect(ev.add(seq([14, 14]))).toEqual([expect.objectContaining({ at: S, level: 'SPC5' })]);
    expect(ev.add(seq([16], 2))).toEqual([expect.objectContaining({ at: 2 * S, level: 'SPC1' })]);
    expect(ev.add(seq([14], 3))).toEqual([expect.objectContaining({ at: 3 * S, level: 'SPC5' })]);
  });

  it('X-bar: judges subgroup means, dated at the subgroup\'s last reading; ignores NaN, sorts, keeps the last duplicate', () => {
    const base = controlLimitsXbarR(seq(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 9 : 11))), 2);
    if (!base.ok) throw new Error('baseline');
    const ev = createEvaluator(rule([1], 2), { controlLimits: base.limits }, { replayMs: 60 * S });
    // The baseline's subgroups (9, 11) have mean 10 and range 2: σ̄ = 1.88·2/3, UCL ≈ 13.76.
    expect(ev.add([{ ts: 1 * S, value: 20 }, { ts: 0, value: 10 }, { ts: 1 * S, value: 10 }])).toEqual([]);
    expect(ev.add([{ ts: 2 * S, value: Number.NaN }, { ts: 2 * S, value: 17 }])).toEqual([]); // half a subgroup
    expect(ev.add([{ ts: 3 * S, value: 17 }])).toEqual([expect.objectContaining({ at: 3 * S, level: 'SPC1', value: 17 })]);
    // A late reading reshapes the subgroups: (10, 10), (15, 17) and a half: mean 16 is still beyond.
    expect(ev.add([{ ts: 1.5 * S, value: 15 }])).toEqual([]);
    expect(ev.level).toBe('SPC1');
  });
});
