/**
 * SPC rules (`SPC1`..`SPC8`): the Western Electric / Nelson run rules of spc.ts judged live against
 * control limits computed from the rule's baseline. Pure: no I/O, no clock; readings are folded in
 * increasing time order.
 *
 * Semantics:
 * - Individuals chart when subgroupSize is 1: each reading is a point. X-bar otherwise: consecutive
 *   readings are cut into subgroups of n by count from the first reading the evaluator folds (as
 *   spc.ts `subgroups` cuts a baseline), and each complete subgroup's mean is a point, dated at its
 *   last reading. An incomplete subgroup is not judged.
 * - The last 15 points are kept (rule 7, the longest, needs 15). At each new point, a rule is active
 *   when the window of that rule ending at the point satisfies it: spc.ts `runRuleViolations` is run
 *   on exactly the rule's own length of points (1, 9, 6, 14, 3, 5, 15, 8), where it reports a
 *   violation iff the rule holds there. (Run on a longer window it reports a violation once, where
 *   it starts, so a run still going on would look like no violation.) Rules 5 and 6 near the start
 *   of the series look at the points there are, as spc.ts does.
 * - The level names the most serious rule holding (the lowest number: rule 1 is an out-of-control
 *   point, the others are patterns). A change of rule while active is reported as a new activation
 *   at the new level; no rule holding clears. Detail: runRule, runRuleName, and for rule 1 the
 *   control limit crossed (ucl or lcl).
 * - Run rules consider only the order of points, as textbook SPC does: a gap in the data does not
 *   break a run.
 */
import type { ConditionChange, ConditionDetail, RuleParams } from './rule-model.ts';
import type { ActiveCondition, KindCore } from './kind-core.ts';
import type { Point } from './series.ts';
import { RULE_NAMES, runRuleViolations, subgroups, type ControlLimits, type RuleNumber } from './spc.ts';

type SpcParams = Extract<RuleParams, { kind: 'spc' }>;

/** Points each rule looks at; the longest fixes how many points the evaluator keeps. */
export const RULE_SPAN: Readonly<Record<RuleNumber, number>> = { 1: 1, 2: 9, 3: 6, 4: 14, 5: 3, 6: 5, 7: 15, 8: 8 };
const KEEP = 15;

/** The most serious rule holding at the last of `points` (the window ending there), or null. */
export function activeRunRule(limits: Pick<ControlLimits, 'centre' | 'sigma'>, points: readonly Point[], rules: readonly RuleNumber[]): RuleNumber | null {
  const sorted = [...rules].sort((a, b) => a - b);
  for (const rule of sorted) {
    const span = RULE_SPAN[rule];
    // Rules 5 and 6 judge the points there are near the start; the fixed-length runs need them all.
    if (points.length < span && rule !== 5 && rule !== 6) continue;
    const window = points.length <= span ? points : points.slice(points.length - span);
    if (runRuleViolations(limits, window, [rule]).length > 0) return rule;
  }
  return null;
}

class SpcCore implements KindCore {
  readonly sealedUntil = -Infinity;
  condition: ActiveCondition | null = null;
  value: number | null = null;
  private points: Point[] = [];
  private partial: Point[] = [];

  constructor(
    private readonly p: SpcParams,
    private readonly limits: ControlLimits,
  ) {}

  step(ts: number, value: number, out: ConditionChange[]): void {
    let point: Point;
    if (this.p.subgroupSize <= 1) point = { ts, value };
    else {
      this.partial.push({ ts, value });
      if (this.partial.length < this.p.subgroupSize) return;
      const [group] = subgroups(this.partial, this.p.subgroupSize);
      this.partial = [];
      point = { ts: group.ts, value: group.value };
    }
    this.points.push(point);
    this.value = point.value;
    if (this.points.length > KEEP) this.points.shift();
    const rule = activeRunRule(this.limits, this.points, this.p.runRules);
    const level = rule === null ? null : `SPC${rule}`;
    if (level === (this.condition?.level ?? null)) return;
    if (rule === null || level === null) {
      this.condition = null;
      out.push({ at: point.ts, active: false, value: point.value });
      return;
    }
    const detail: ConditionDetail = { runRule: rule, runRuleName: RULE_NAMES[rule] };
    if (rule === 1) detail.limit = point.value > this.limits.centre ? this.limits.ucl : this.limits.lcl;
    this.condition = { level, value: point.value, detail };
    out.push({ at: point.ts, active: true, level, value: point.value, detail });
  }

  tick(): void {
    // Run rules move only with new points.
  }

  clone(): SpcCore {
    const c = new SpcCore(this.p, this.limits);
    c.points = this.points.slice();
    c.partial = this.partial.slice();
    c.condition = this.condition;
    c.value = this.value;
    return c;
  }
}

/** Throws RangeError when the limits are not for this rule's chart. */
export function createSpcCore(params: SpcParams, limits: ControlLimits): KindCore {
  const chart = params.chart === 'imr' ? 'individuals' : 'xbar';
  if (limits.chart !== chart || limits.subgroupSize !== params.subgroupSize) {
    throw new RangeError(`the control limits are for a ${limits.chart} chart of subgroups of ${limits.subgroupSize}, the rule is ${params.chart} of ${params.subgroupSize}`);
  }
  if (!Number.isFinite(limits.centre) || !Number.isFinite(limits.sigma) || limits.sigma < 0) {
    throw new RangeError(`control limits need a finite centre and σ ≥ 0, got centre ${limits.centre}, σ ${limits.sigma}`);
  }
  return new SpcCore(params, limits);
}
