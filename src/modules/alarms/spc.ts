/**
 * Statistical process control (SPC) for quality tags, e.g. a polymer's melt index: control limits
 * computed from a baseline period, and the eight Western Electric / Nelson run rules evaluated
 * against them.
 *
 * Pure: no I/O, no clock. Series go through `cleanSeries` first (sorted by time, non-finite values
 * dropped, the last value of a duplicated timestamp kept), so out-of-order, duplicate, NaN and
 * ±Infinity readings give a deterministic answer and never throw. Configuration mistakes (an unknown
 * rule number, limits that are not numbers) are a caller's bug and throw a RangeError; a baseline
 * that cannot give limits is an ordinary outcome and comes back as an error value.
 *
 * Charts:
 * - individuals / moving range (I-MR), for one reading at a time: centre = mean of the baseline,
 *   σ = MR̄ / d2(2) = MR̄ / 1.128, limits centre ± 3σ; the moving-range chart has UCL = D4(2)·MR̄.
 * - X-bar / R, for subgroups of n consecutive readings (2 ≤ n ≤ 10): centre = X̿ (mean of subgroup
 *   means), limits X̿ ± A2·R̄, so σ of a subgroup mean = A2·R̄ / 3; the range chart has limits
 *   D3·R̄ and D4·R̄. Run rules are then evaluated on the subgroup means (`subgroups()` builds them
 *   the same way the baseline was built).
 *
 * Zones, with d = value − centre and σ the σ of the plotted statistic: "beyond kσ" on the upper side
 * is d > kσ, on the lower side d < −kσ (strict, so a point exactly on a limit is not beyond it);
 * "within 1σ" is |d| ≤ σ, the exact complement of "beyond 1σ". A point exactly on the centre line is
 * on neither side (it breaks a rule-2 run). No division is ever made by σ, which is what makes a
 * zero-variance baseline safe (see `degenerate`).
 */
import { cleanSeries, type Point } from './series.ts';

// ---------------------------------------------------------------------------------------------
// Control limits
// ---------------------------------------------------------------------------------------------

/** d2(2): the mean range of two normal readings in units of σ, for the I-MR σ estimate. */
const D2_MR = 1.128;
/** D4(2): upper limit of the moving-range chart, in units of MR̄ (D3(2) = 0). */
const D4_MR = 3.267;

/**
 * Shewhart constants for subgroup sizes 2..10 (ASTM E2587 / Montgomery, Appendix VI), indexed by n.
 * The tabulated A2 is used as published rather than recomputed from d2 so the limits match what a
 * quality engineer gets from their own spreadsheet.
 */
export const SHEWHART_CONSTANTS: Readonly<Record<number, { A2: number; D3: number; D4: number; d2: number }>> = {
  2: { A2: 1.88, D3: 0, D4: 3.267, d2: 1.128 },
  3: { A2: 1.023, D3: 0, D4: 2.574, d2: 1.693 },
  4: { A2: 0.729, D3: 0, D4: 2.282, d2: 2.059 },
  5: { A2: 0.577, D3: 0, D4: 2.114, d2: 2.326 },
  6: { A2: 0.483, D3: 0, D4: 2.004, d2: 2.534 },
  7: { A2: 0.419, D3: 0.076, D4: 1.924, d2: 2.704 },
  8: { A2: 0.373, D3: 0.136, D4: 1.864, d2: 2.847 },
  9: { A2: 0.337, D3: 0.184, D4: 1.816, d2: 2.97 },
  10: { A2: 0.308, D3: 0.223, D4: 1.777, d2: 3.078 },
};

/**
 * The usual minimum of a baseline (Montgomery and AIAG ask for 20 to 25 subgroups): fewer readings
 * give limits so uncertain that the run rules raise false alarms or miss real shifts.
 */
export const DEFAULT_MIN_BASELINE = 20;

export interface ControlLimits {
  /** What is plotted against these limits: single readings, or subgroup means. */
  chart: 'individuals' | 'xbar';
  /** 1 for I-MR, n for X-bar/R. */
  subgroupSize: number;
  /** Centre line: mean of the baseline readings (I-MR) or of its subgroup means (X-bar). */
  centre: number;
  /** σ of the plotted statistic; the zones of the run rules are multiples of it. */
  sigma: number;
  /** centre + 3σ. */
  ucl: number;
  /** centre − 3σ. */
  lcl: number;
  /** σ of a single reading (MR̄/1.128 or R̄/d2), for capability figures and charts. */
  processSigma: number;
  /** The moving-range (I-MR) or range (X-bar/R) chart that goes with it. */
  dispersion: { chart: 'moving-range' | 'range'; centre: number; ucl: number; lcl: number };
  /**
   * True when the baseline did not vary at all (MR̄ or R̄ is 0), so σ = 0 and both limits equal the
   * centre. The limits stay finite and usable: with σ = 0 every zone boundary is the centre line, so
   * a reading equal to the centre is "within 1σ" and any other reading is "beyond 3σ" (rule 1). That
   * is literally what the baseline says (this process never moves), but usually means a stuck sensor
   * or a coarsely quantised tag: the rule editor should say so and suggest another baseline.
   */
  degenerate: boolean;
  /** What the limits were computed from (after cleaning). */
  baseline: { readings: number; subgroups: number; from: number; to: number; unusedReadings: number };
}

export type LimitsError =
  | { code: 'baseline-too-short'; message: string; required: number; got: number }
  | { code: 'invalid-argument'; message: string }
  /** The baseline's values are so large that the mean or the ranges overflow a double. */
  | { code: 'non-finite'; message: string };

export type LimitsResult = { ok: true; limits: ControlLimits } | { ok: false; error: LimitsError };

export interface LimitsOptions {
  /**
   * Minimum readings (I-MR) or complete subgroups (X-bar/R) after cleaning; default 20. At least 2
   * (one moving range, or two subgroups) is enforced whatever is asked.
   */
  minBaseline?: number;
}

function minBaseline(opts: LimitsOptions | undefined): number | LimitsError {
  const m = opts?.minBaseline ?? DEFAULT_MIN_BASELINE;
  if (!Number.isInteger(m)) return { code: 'invalid-argument', message: `minBaseline must be an integer, got ${m}` };
  return Math.max(2, m);
}

/**
 * Individuals / moving-range limits from a baseline period. The baseline is cleaned first; moving
 * ranges are taken between consecutive readings in time order.
 */
export function controlLimitsIMR(baseline: readonly Point[], opts?: LimitsOptions): LimitsResult {
  const min = minBaseline(opts);
  if (typeof min !== 'number') return { ok: false, error: min };
  const pts = cleanSeries(baseline);
  if (pts.length < min) {
    return {
      ok: false,
      error: {
        code: 'baseline-too-short',
        message: `an individuals chart needs at least ${min} readings in its baseline, got ${pts.length}`,
        required: min,
        got: pts.length,
      },
    };
  }
  const centre = mean(pts.map((p) => p.value));
  const mrs: number[] = [];
  for (let i = 1; i < pts.length; i++) mrs.push(Math.abs(pts[i].value - pts[i - 1].value));
  const mrBar = mean(mrs);
  const sigma = mrBar / D2_MR;
  const limits: ControlLimits = {
    chart: 'individuals',
    subgroupSize: 1,
    centre,
    sigma,
    ucl: centre + 3 * sigma,
    lcl: centre - 3 * sigma,
    processSigma: sigma,
    dispersion: { chart: 'moving-range', centre: mrBar, ucl: D4_MR * mrBar, lcl: 0 },
    degenerate: sigma === 0,
    baseline: { readings: pts.length, subgroups: pts.length, from: pts[0].ts, to: pts[pts.length - 1].ts, unusedReadings: 0 },
  };
  return finiteOrError(limits);
}

/** A subgroup of n consecutive readings; a Point (ts, value = mean) so run rules take it as is. */
export interface Subgroup extends Point {
  /** Timestamp of the subgroup's last reading: the moment its mean became known. */
  ts: number;
  /** Mean of the subgroup. */
  value: number;
  /** Largest minus smallest reading. */
  range: number;
  /** Timestamp of the subgroup's first reading. */
  firstTs: number;
}

/**
 * Cuts a series (cleaned first) into consecutive subgroups of `n` readings, in time order, from its
 * first reading; an incomplete subgroup at the end is left out (its mean would not be comparable).
 * Subgroups by count, not by clock: the caller chooses where the series starts. Returns [] when n is
 * not an integer ≥ 1.
 */
export function subgroups(points: readonly Point[], n: number): Subgroup[] {
  if (!Number.isInteger(n) || n < 1) return [];
  const pts = cleanSeries(points);
  const out: Subgroup[] = [];
  for (let start = 0; start + n <= pts.length; start += n) {
    const values = pts.slice(start, start + n).map((p) => p.value);
    out.push({
      ts: pts[start + n - 1].ts,
      value: mean(values),
      range: Math.max(...values) - Math.min(...values),
      firstTs: pts[start].ts,
    });
  }
  return out;
}

/** X-bar / R limits from a baseline period cut into subgroups of n (2..10) consecutive readings. */
export function controlLimitsXbarR(baseline: readonly Point[], n: number, opts?: LimitsOptions): LimitsResult {
  const k = SHEWHART_CONSTANTS[n];
  if (!Number.isInteger(n) || k === undefined) {
    return { ok: false, error: { code: 'invalid-argument', message: `subgroup size must be an integer from 2 to 10, got ${n}` } };
  }
  const min = minBaseline(opts);
  if (typeof min !== 'number') return { ok: false, error: min };
  const groups = subgroups(baseline, n);
  if (groups.length < min) {
    return {
      ok: false,
      error: {
        code: 'baseline-too-short',
        message: `an X-bar/R chart with subgroups of ${n} needs at least ${min} complete subgroups (${min * n} readings) in its baseline, got ${groups.length}`,
        required: min,
        got: groups.length,
      },
    };
  }
  const readings = cleanSeries(baseline).length;
  const centre = mean(groups.map((g) => g.value));
  const rBar = mean(groups.map((g) => g.range));
  const sigma = (k.A2 * rBar) / 3;
  const limits: ControlLimits = {
    chart: 'xbar',
    subgroupSize: n,
    centre,
    sigma,
    ucl: centre + 3 * sigma,
    lcl: centre - 3 * sigma,
    processSigma: rBar / k.d2,
    dispersion: { chart: 'range', centre: rBar, ucl: k.D4 * rBar, lcl: k.D3 * rBar },
    degenerate: sigma === 0,
    baseline: {
      readings,
      subgroups: groups.length,
      from: groups[0].firstTs,
      to: groups[groups.length - 1].ts,
      unusedReadings: readings - groups.length * n,
    },
  };
  return finiteOrError(limits);
}

/**
 * Running mean rather than sum / n: the mean of a constant series is then exactly that constant (a
 * sum of 25 × 4.2 divided by 25 is 4.200000000000002, which against the σ = 0 limits of a constant
 * baseline would put the same constant "beyond 3σ"), and large values do not overflow the sum.
 */
function mean(xs: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m += (xs[i] - m) / (i + 1);
  return m;
}

/** Values near ±1.8e308 overflow sums and ranges to ±Infinity (or NaN): refuse rather than guess. */
function finiteOrError(l: ControlLimits): LimitsResult {
  const all = [l.centre, l.sigma, l.ucl, l.lcl, l.processSigma, l.dispersion.centre, l.dispersion.ucl, l.dispersion.lcl];
  if (all.every(Number.isFinite)) return { ok: true, limits: l };
  return { ok: false, error: { code: 'non-finite', message: 'the baseline values are too large: its mean or ranges overflow' } };
}

// ---------------------------------------------------------------------------------------------
// Run rules
// ---------------------------------------------------------------------------------------------

export type RuleNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const ALL_RULES: readonly RuleNumber[] = [1, 2, 3, 4, 5, 6, 7, 8];

export const RULE_NAMES: Readonly<Record<RuleNumber, string>> = {
  1: 'one point beyond 3σ',
  2: 'nine in a row on one side of the centre',
  3: 'six in a row steadily increasing or decreasing',
  4: 'fourteen in a row alternating up and down',
  5: 'two of three beyond 2σ on the same side',
  6: 'four of five beyond 1σ on the same side',
  7: 'fifteen in a row within 1σ',
  8: 'eight in a row beyond 1σ, none within',
};

/** A reading that is part of a violation; `index` is its position in `cleanSeries(points)`. */
export interface ViolationPoint {
  index: number;
  ts: number;
  value: number;
}

export interface RunRuleViolation {
  rule: RuleNumber;
  name: string;
  /** Rules 1, 2, 5 and 6: which side of the centre the offending points are on. */
  side?: 'above' | 'below';
  /** Rule 3: which way the run goes. */
  trend?: 'increasing' | 'decreasing';
  /** The reading at which the rule first became true (the last of `points`). */
  at: ViolationPoint;
  /**
   * The readings that make the violation, in time order: the one point (rule 1); the run (2: nine,
   * 3: six, 4: fourteen, 7: fifteen, 8: eight); for rules 5 and 6 only the readings beyond 2σ or 1σ
   * on that side (two or three, four or five), which are what a chart highlights.
   */
  points: ViolationPoint[];
}

export interface RunRuleOptions {
  /**
   * Readings further apart than this (ms) do not form a run together: a tag silent for a day and
   * back is a new start. Default: no limit, as in textbook SPC where only the sample order counts.
   */
  maxGapMs?: number;
}

/** What a rule finds in the window ending at one reading: a key (the side) and the readings. */
interface Hit {
  key: 'above' | 'below' | 'increasing' | 'decreasing' | 'any';
  idx: number[];
}

/**
 * The run rules, evaluated on the readings (cleaned first) against the limits' centre and σ.
 *
 * Reported once: a rule is evaluated on the window ending at each reading, and a violation is
 * reported at the reading where that window first satisfies it; while the following windows keep
 * satisfying it with the same side or trend, it is the same violation still going on and is not
 * reported again (twelve readings above the centre give one rule-2 violation at the ninth, not four).
 * Once a window no longer satisfies it, the next window that does is a new violation, even if it
 * shares readings with the previous one (two-of-three beyond 2σ hit, missed, hit again is reported
 * twice). Rule 1 is the exception: every reading beyond 3σ is its own violation, since each is an
 * out-of-control reading in its own right. Near the start of a series (or after a `maxGapMs` gap)
 * rules 5 and 6 look at the readings there are: two readings both beyond 2σ are already two of three.
 *
 * Returned in time order (by `at`), by rule number for the same reading. `limits` only needs
 * `centre` and `sigma` (finite, σ ≥ 0), so hand-entered limits work too.
 */
export function runRuleViolations(
  limits: Pick<ControlLimits, 'centre' | 'sigma'>,
  points: readonly Point[],
  rules: readonly RuleNumber[] = ALL_RULES,
  opts?: RunRuleOptions,
): RunRuleViolation[] {
  const { centre, sigma } = limits;
  if (!Number.isFinite(centre) || !Number.isFinite(sigma) || sigma < 0) {
    throw new RangeError(`control limits need a finite centre and a finite σ ≥ 0, got centre ${centre}, σ ${sigma}`);
  }
  for (const r of rules) {
    if (!ALL_RULES.includes(r)) throw new RangeError(`unknown run rule ${String(r)}: rules are 1 to 8`);
  }
  const maxGap = opts?.maxGapMs ?? Infinity;
  if (!(maxGap > 0)) throw new RangeError(`maxGapMs must be > 0, got ${maxGap}`);

  const pts = cleanSeries(points);
  const d = pts.map((p) => p.value - centre);
  // Zone tests by comparison only: no division by σ, so σ = 0 needs no special case.
  const above = (i: number, k: number): boolean => d[i] > k * sigma;
  const below = (i: number, k: number): boolean => d[i] < -k * sigma;
  const within1 = (i: number): boolean => Math.abs(d[i]) <= sigma;

  // Start of the segment each reading belongs to (a gap longer than maxGap starts a new one).
  const segStart: number[] = [];
  for (let i = 0; i < pts.length; i++) {
    segStart.push(i > 0 && pts[i].ts - pts[i - 1].ts > maxGap ? i : i > 0 ? segStart[i - 1] : 0);
  }
  /** The last `len` indexes ending at i, or null if the segment does not have that many. */
  const run = (i: number, len: number): number[] | null => {
    const first = i - len + 1;
    if (first < segStart[i]) return null;
    return Array.from({ length: len }, (_, j) => first + j);
  };
  const every = (idx: number[] | null, f: (i: number) => boolean): idx is number[] => idx !== null && idx.every(f);
  /** Rules 5 and 6: at least `need` of the last `len` readings (fewer near a segment start) beyond kσ on one side. */
  const countOf = (i: number, len: number, need: number, k: number): Hit | null => {
    const from = Math.max(segStart[i], i - len + 1);
    const win = Array.from({ length: i - from + 1 }, (_, j) => from + j);
    const up = win.filter((j) => above(j, k));
    if (up.length >= need) return { key: 'above', idx: up };
    const down = win.filter((j) => below(j, k));
    if (down.length >= need) return { key: 'below', idx: down };
    return null;
  };

  const evaluate: Record<RuleNumber, (i: number) => Hit | null> = {
    1: (i) => (above(i, 3) ? { key: 'above', idx: [i] } : below(i, 3) ? { key: 'below', idx: [i] } : null),
    2: (i) => {
      const w = run(i, 9);
      if (every(w, (j) => d[j] > 0)) return { key: 'above', idx: w };
      if (every(w, (j) => d[j] < 0)) return { key: 'below', idx: w };
      return null;
    },
    3: (i) => {
      const w = run(i, 6);
      if (w === null) return null;
      // Five steps between six readings, all strictly up or all strictly down (a flat step breaks it).
      const steps = w.slice(1);
      if (steps.every((j) => pts[j].value > pts[j - 1].value)) return { key: 'increasing', idx: w };
      if (steps.every((j) => pts[j].value < pts[j - 1].value)) return { key: 'decreasing', idx: w };
      return null;
    },
    4: (i) => {
      const w = run(i, 14);
      if (w === null) return null;
      // 13 differences, none zero, each of the opposite sign of the one before.
      for (let j = w[0] + 1; j <= i; j++) {
        const diff = pts[j].value - pts[j - 1].value;
        if (diff === 0) return null;
        if (j > w[0] + 1 && Math.sign(diff) === Math.sign(pts[j - 1].value - pts[j - 2].value)) return null;
      }
      return { key: 'any', idx: w };
    },
    5: (i) => countOf(i, 3, 2, 2),
    6: (i) => countOf(i, 5, 4, 1),
    7: (i) => {
      const w = run(i, 15);
      return every(w, within1) ? { key: 'any', idx: w } : null;
    },
    8: (i) => {
      const w = run(i, 8);
      return every(w, (j) => !within1(j)) ? { key: 'any', idx: w } : null;
    },
  };

  const selected = ALL_RULES.filter((r) => rules.includes(r));
  const out: RunRuleViolation[] = [];
  const previous = new Map<RuleNumber, Hit['key'] | null>();
  for (let i = 0; i < pts.length; i++) {
    for (const rule of selected) {
      const hit = evaluate[rule](i);
      const before = i > segStart[i] ? previous.get(rule) ?? null : null;
      previous.set(rule, hit?.key ?? null);
      if (hit === null || (rule !== 1 && before === hit.key)) continue;
      const at = (j: number): ViolationPoint => ({ index: j, ts: pts[j].ts, value: pts[j].value });
      const v: RunRuleViolation = { rule, name: RULE_NAMES[rule], at: at(i), points: hit.idx.map(at) };
      if (hit.key === 'above' || hit.key === 'below') v.side = hit.key;
      if (hit.key === 'increasing' || hit.key === 'decreasing') v.trend = hit.key;
      out.push(v);
    }
  }
  return out;
}
