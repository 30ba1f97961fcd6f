/**
 * Back-testing: a rule evaluated over a stored history exactly as it would have fired live (the same
 * evaluator, fed the cleaned series in time order), for the rule editor's preview and the demo's
 * report. Pure: no I/O, no clock (`endTs` stands for "now" at the end of the history).
 *
 * Choices:
 * - Invalid readings (non-finite value or timestamp) are counted and dropped; a repeated timestamp
 *   keeps its last value (series.ts cleanSeries). `points` counts the readings judged.
 * - With `endTs`, the evaluator is ticked there, so a silence or a window still open at the end of
 *   the history is judged as the live clock would have judged it.
 * - Episodes: an activation opens one; a change of level closes it and opens the next (HH after H is
 *   a new episode of its own level); a clear closes it. `to` is null for an episode still active at
 *   the end. `peak` is the most extreme reading during the episode (from ≤ ts < to; the reading at
 *   `to` is the one that ended it) in the level's direction (the
 *   highest for H, HH, ROC_UP, FORECAST_H; the lowest for L, LL, ROC_DOWN, FORECAST_L; the farthest
 *   from the centre line for SPC), the aggregate that raised it for a window rule, and null for
 *   NO_DATA (nothing was read).
 * - timeInAlarm: the share of the judged span (first reading to the last reading or endTs, whichever
 *   is later) covered by episodes; 0 for a span of zero length.
 * - Forecast rules are compared with the actual crossings of their limits by the readings (strictly
 *   beyond, as the threshold rule raises; a series that starts beyond has not crossed). A crossing is
 *   a hit when a warning of its side was raised in the horizon before it, its lead time measured from
 *   the earliest such warning; otherwise it is missed (crossings = hits + missed). A warning with no
 *   crossing of its side within its horizon is a false alarm; one whose horizon runs past the end of
 *   the history is not judged either way. falseAlarmRate = false alarms ÷ judged warnings (0 when
 *   none was judged).
 */
import type { ConditionChange, RuleParams } from './rule-model.ts';
import { cleanSeries, type Point } from './series.ts';
import { createEvaluator, type EvaluatorContext } from './evaluator.ts';

export interface Episode {
  level: string;
  from: number;
  to: number | null;
  peak: number | null;
}

export interface ForecastScore {
  warnings: number;
  crossings: number;
  hits: number;
  falseAlarms: number;
  falseAlarmRate: number;
  missed: number;
  leadTimesMs: number[];
  medianLeadMs: number | null;
}

export interface BacktestResult {
  changes: ConditionChange[];
  episodes: Episode[];
  /** Readings judged, and those dropped as invalid. */
  points: number;
  invalid: number;
  /** Share of time in alarm over the judged span (0..1). */
  timeInAlarm: number;
  /** Forecast rules only: compared with when the tag actually crossed the same limit. */
  forecast?: ForecastScore;
}

const HIGH_LEVELS = new Set(['HH', 'H', 'ROC_UP', 'FORECAST_H']);
const LOW_LEVELS = new Set(['LL', 'L', 'ROC_DOWN', 'FORECAST_L']);

/** Index of the first reading at or after ts. */
function lowerBound(series: readonly Point[], ts: number): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (series[mid].ts < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function peakOf(level: string, raisedWith: number | null, series: readonly Point[], from: number, to: number | null, centre: number | undefined): number | null {
  if (level === 'NO_DATA') return null;
  if (level.startsWith('MEAN_') || level.startsWith('SUM_')) return raisedWith;
  const score = HIGH_LEVELS.has(level)
    ? (v: number) => v
    : LOW_LEVELS.has(level)
      ? (v: number) => -v
      : centre !== undefined
        ? (v: number) => Math.abs(v - centre)
        : null;
  if (score === null) return raisedWith;
  let best: number | null = raisedWith;
  for (let i = lowerBound(series, from); i < series.length && (to === null || series[i].ts < to); i++) {
    const v = series[i].value;
    if (best === null || score(v) > score(best)) best = v;
  }
  return best;
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function scoreForecast(params: Extract<RuleParams, { kind: 'forecast' }>, series: readonly Point[], changes: readonly ConditionChange[], spanEnd: number): ForecastScore {
  const warnings = changes.filter((c): c is Extract<ConditionChange, { active: true }> => c.active && (c.level === 'FORECAST_H' || c.level === 'FORECAST_L'));
  const crossings: { side: 'FORECAST_H' | 'FORECAST_L'; at: number }[] = [];
  for (const [side, limit, beyond] of [
    ['FORECAST_H', params.high, (v: number, l: number) => v > l],
    ['FORECAST_L', params.low, (v: number, l: number) => v < l],
  ] as const) {
    if (limit === null) continue;
    let was: boolean | null = null;
    for (const p of series) {
      const now = beyond(p.value, limit);
      if (now && was === false) crossings.push({ side, at: p.ts });
      was = now;
    }
  }
  crossings.sort((a, b) => a.at - b.at);
  const horizon = params.horizonMs;
  const leadTimesMs: number[] = [];
  let missed = 0;
  for (const c of crossings) {
    const first = warnings.find((w) => w.level === c.side && w.at < c.at && w.at >= c.at - horizon);
    if (first === undefined) missed += 1;
    else leadTimesMs.push(c.at - first.at);
  }
  let falseAlarms = 0;
  let judged = 0;
  for (const w of warnings) {
    const hit = crossings.some((c) => c.side === w.level && c.at > w.at && c.at <= w.at + horizon);
    if (hit) judged += 1;
    else if (w.at + horizon <= spanEnd) {
      judged += 1;
      falseAlarms += 1;
    }
  }
  return {
    warnings: warnings.length,
    crossings: crossings.length,
    hits: leadTimesMs.length,
    falseAlarms,
    falseAlarmRate: judged === 0 ? 0 : falseAlarms / judged,
    missed,
    leadTimesMs,
    medianLeadMs: median(leadTimesMs),
  };
}

/** Evaluates a rule over a stored history, as it would have fired live (the rule editor's preview, the demo's report). */
export function backtest(params: RuleParams, points: readonly Point[], ctx?: EvaluatorContext & { endTs?: number }): BacktestResult {
  let invalid = 0;
  for (const p of points) if (!Number.isFinite(p.ts) || !Number.isFinite(p.value)) invalid += 1;
  const series = cleanSeries(points);
  // In order, nothing is late: no replay window is needed.
  const evaluator = createEvaluator(params, ctx, { replayMs: 0 });
  const changes = evaluator.add(series);
  const endTs = ctx?.endTs;
  if (endTs !== undefined && Number.isFinite(endTs)) changes.push(...evaluator.tick(endTs));

  const centre = ctx?.controlLimits?.centre;
  const episodes: Episode[] = [];
  let open: { level: string; from: number; value: number | null } | null = null;
  const close = (to: number | null) => {
    if (open === null) return;
    episodes.push({ level: open.level, from: open.from, to, peak: peakOf(open.level, open.value, series, open.from, to, centre) });
    open = null;
  };
  for (const c of changes) {
    close(c.at);
    if (c.active) open = { level: c.level, from: c.at, value: c.value };
  }
  close(null);

  const first = series.length > 0 ? series[0].ts : null;
  const lastRead = series.length > 0 ? series[series.length - 1].ts : null;
  const spanEnd = Math.max(lastRead ?? -Infinity, endTs !== undefined && Number.isFinite(endTs) ? endTs : -Infinity);
  let timeInAlarm = 0;
  if (first !== null && spanEnd > first) {
    let covered = 0;
    for (const e of episodes) covered += Math.max(0, Math.min(e.to ?? spanEnd, spanEnd) - Math.max(e.from, first));
    timeInAlarm = Math.min(1, covered / (spanEnd - first));
  }
  const result: BacktestResult = { changes, episodes, points: series.length, invalid, timeInAlarm };
  if (params.kind === 'forecast') result.forecast = scoreForecast(params, series, changes, spanEnd);
  return result;
}
