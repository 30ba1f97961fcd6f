/**
 * Predictive early warning: from a tag's recent trend, forecast when it will cross a limit.
 *
 * Method: Holt's linear method (double exponential smoothing, additive trend), chosen because it
 * follows a drift that changes slowly (a stack's SO2 creeping up over hours) with two states, a
 * level and a slope, updated in O(1) per step, and because it has a closed-form prediction interval
 * (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", §8.7, class ETS(A,A,N)):
 *
 *   var_h = σ² · (1 + Σ_{j=1}^{h-1} (α(1 + jβ))²)
 *
 * where σ² is the variance of the one-step-ahead forecast errors. The interval therefore widens with
 * the horizon, which is what turns "the mean crosses in 3 h" into a warning whose confidence can be
 * stated. Robustness is obtained from the inputs rather than the estimator: non-finite readings,
 * duplicates and disorder are removed by `cleanSeries`, and averaging the readings of each step
 * damps single-sample spikes; a spike that survives inflates σ, widening the band instead of
 * raising a crossing on its own.
 *
 * Irregular readings are first resampled onto a fixed step (see `resample`): the mean of the
 * readings in each step; a step without readings is MISSING, not interpolated. Holt's recursion
 * carries over a missing step by its forecast (level += trend, trend unchanged) without a
 * correction, and that step contributes no residual, so gaps neither invent data nor count as
 * errors.
 *
 * α and β are chosen by minimising the sum of squared one-step-ahead errors over the grid
 * {0.05, 0.10, …, 0.95}² (361 fits, each O(steps)); the first minimum in (α, β) ascending order
 * wins, so the choice is deterministic.
 *
 * Pure: no I/O, no clock (the time of a forecast is derived from the readings' timestamps).
 */
import { normalCdf, normalQuantile } from '../../core/normal.ts';
import { cleanSeries, type Point } from './series.ts';

/** Fewest non-empty steps a fit needs: two to initialise level and trend, four to score. */
export const MIN_OBSERVED_STEPS = 6;
/**
 * Fewest one-step-ahead residuals (an observed step right after an observed step, past the two
 * initial ones) a fit needs: below four, σ and the choice of (α, β) rest on noise.
 */
export const MIN_RESIDUALS = 4;
/** Default cap on the resampled grid's length; older readings are dropped (see `resample`). */
export const DEFAULT_MAX_STEPS = 10_000;
/** Cap on the steps `predictCrossing` scans, so a mistyped horizon cannot stall the evaluator. */
export const MAX_HORIZON_STEPS = 100_000;

/** The smoothing grid: 0.05 … 0.95 in steps of 0.05, built from integers so it has no drift. */
const GRID: readonly number[] = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

// ---------------------------------------------------------------------------------------------
// Resampling
// ---------------------------------------------------------------------------------------------

/** Readings on a fixed step: `values[i]` is the mean of step i (oldest first) or null if empty. */
export interface Resampled {
  stepMs: number;
  /** Timestamp of the newest reading; the last step ends there (inclusive). */
  lastTs: number;
  /**
   * Where, within a step, its readings sit on average, as an offset from the step's end, in
   * (-stepMs, 0]: 0 when each step holds one reading at its end (readings on the step), about
   * -stepMs/2 when readings are dense. Step i is dated `lastTs + phaseMs - (n - 1 - i)·stepMs`, so
   * a mean of dense readings is dated at their middle, not at the step's edge.
   */
  phaseMs: number;
  values: (number | null)[];
  /** Readings used, after cleaning and the `maxSteps` cut. */
  readings: number;
}

/**
 * Resamples readings onto a grid of `stepMs` anchored at the NEWEST reading: step k back from the
 * end covers (lastTs − (k+1)·stepMs, lastTs − k·stepMs]. Anchoring at the newest reading (rather
 * than at epoch multiples) keeps the last step, the one the forecast starts from, full instead of
 * a partial step of one or two readings. Each step's value is the mean of its readings; empty
 * steps are null. Only the newest `maxSteps` steps are kept, so a long silence followed by a
 * reading cannot allocate an enormous grid. Returns null when no finite reading remains.
 */
export function resample(points: readonly Point[], stepMs: number, maxSteps = DEFAULT_MAX_STEPS): Resampled | null {
  assertStep(stepMs);
  if (!(Number.isInteger(maxSteps) && maxSteps >= 1)) throw new RangeError(`maxSteps must be a positive integer, got ${maxSteps}`);
  const clean = cleanSeries(points);
  if (clean.length === 0) return null;
  const lastTs = clean[clean.length - 1].ts;
  // k = steps back from the end; ascending ts gives descending k, so the first kept reading has
  // the largest k and fixes the grid's length.
  let n = 0;
  const sums: number[] = [];
  // Offsets of the readings from their step's end (≤ 0), summed instead of raw epoch ms so that
  // thousands of readings per step cannot lose precision.
  const offsetSums: number[] = [];
  const counts: number[] = [];
  let readings = 0;
  for (const p of clean) {
    const k = Math.floor((lastTs - p.ts) / stepMs);
    if (k >= maxSteps) continue;
    if (n === 0) {
      n = k + 1;
      sums.length = n;
      sums.fill(0);
      offsetSums.length = n;
      offsetSums.fill(0);
      counts.length = n;
      counts.fill(0);
    }
    const i = n - 1 - k;
    sums[i] += p.value;
    offsetSums[i] += p.ts - (lastTs - k * stepMs);
    counts[i] += 1;
    readings += 1;
  }
  const values: (number | null)[] = new Array<number | null>(n);
  let phaseSum = 0;
  let observed = 0;
  for (let i = 0; i < n; i++) {
    if (counts[i] === 0) {
      values[i] = null;
      continue;
    }
    // The mean of finite values can still overflow (two readings near ±1.8e308); such a step is
    // treated like a non-finite reading: missing.
    const mean = sums[i] / counts[i];
    if (!Number.isFinite(mean)) {
      values[i] = null;
      continue;
    }
    values[i] = mean;
    phaseSum += offsetSums[i] / counts[i];
    observed += 1;
  }
  const phase = observed === 0 ? 0 : phaseSum / observed;
  // Clamped to its theoretical range so rounding can never date a step outside itself.
  const phaseMs = Math.min(0, Math.max(-stepMs, phase));
  return { stepMs, lastTs, phaseMs, values, readings };
}

// ---------------------------------------------------------------------------------------------
// Holt's linear method
// ---------------------------------------------------------------------------------------------

/** A fitted Holt model, ready to forecast from its last step. */
export interface HoltFit {
  alpha: number;
  beta: number;
  /** Smoothed level at the last step. */
  level: number;
  /** Smoothed slope, in value units per step. */
  trend: number;
  /** Standard deviation of the one-step-ahead errors (σ), in value units. */
  sigma: number;
  stepMs: number;
  /** Time the level refers to: the last step's date (`lastTs + phaseMs`); forecasts count from it. */
  originTs: number;
  quality: FitQuality;
}

/** How much the fit can be trusted, for the alarm's text and for choosing a rule's parameters. */
export interface FitQuality {
  /** Readings used, steps on the grid, steps holding at least one reading. */
  readings: number;
  steps: number;
  observedSteps: number;
  /** One-step-ahead residuals scored. */
  residuals: number;
  /** Root mean square of the one-step residuals. */
  rmse: number;
  /**
   * 1 − SSE(Holt) / SSE(naive "next = last"), on the same residual steps: 1 is a perfect fit,
   * 0 no better than persistence, negative worse. null when the naive forecast is already exact
   * (a constant series), where the ratio means nothing.
   */
  skill: number | null;
}

/** Why no fit was produced. */
export type NoFitReason = 'too-few-points' | 'too-few-residuals' | 'non-finite';

export type FitResult = { ok: true; fit: HoltFit } | { ok: false; reason: NoFitReason; message: string };

interface RunResult {
  level: number;
  trend: number;
  sse: number;
  naiveSse: number;
  count: number;
}

/** One pass of Holt's recursion over the grid with fixed α and β. */
function runHolt(values: readonly (number | null)[], alpha: number, beta: number, i0: number, i1: number): RunResult {
  const y0 = values[i0] as number;
  const y1 = values[i1] as number;
  let level = y1;
  let trend = (y1 - y0) / (i1 - i0);
  let sse = 0;
  let naiveSse = 0;
  let count = 0;
  for (let i = i1 + 1; i < values.length; i++) {
    const forecast = level + trend;
    const y = values[i];
    if (y === null) {
      // Missing step: carry the state forward by its own forecast, no correction, no residual.
      level = forecast;
      continue;
    }
    const error = y - forecast;
    const previous = values[i - 1];
    if (previous !== null) {
      // Only true one-step-ahead errors are scored: after a gap the error is a multi-step one,
      // with a larger variance that would bias σ upward and the grid toward jumpy parameters.
      sse += error * error;
      const naive = y - previous;
      naiveSse += naive * naive;
      count += 1;
    }
    const newLevel = forecast + alpha * error;
    trend = trend + alpha * beta * error;
    level = newLevel;
  }
  return { level, trend, sse, naiveSse, count };
}

/**
 * Fits Holt's linear method to the readings resampled on `stepMs` (see `resample`), choosing α and
 * β on the 0.05 grid by least one-step squared error. Needs at least MIN_OBSERVED_STEPS non-empty
 * steps and MIN_RESIDUALS one-step residuals; otherwise returns `{ ok: false, reason }`, never
 * throws on data. Throws RangeError only for an invalid `stepMs` or `maxSteps` (a programming or
 * configuration error, which rule validation is expected to catch first).
 */
export function fitHolt(points: readonly Point[], stepMs: number, options: { maxSteps?: number } = {}): FitResult {
  const grid = resample(points, stepMs, options.maxSteps ?? DEFAULT_MAX_STEPS);
  if (grid === null) return { ok: false, reason: 'too-few-points', message: 'no finite reading' };
  const observedIdx: number[] = [];
  grid.values.forEach((v, i) => {
    if (v !== null) observedIdx.push(i);
  });
  if (observedIdx.length < MIN_OBSERVED_STEPS) {
    return {
      ok: false,
      reason: 'too-few-points',
      message: `${observedIdx.length} step(s) of ${stepMs} ms hold readings; at least ${MIN_OBSERVED_STEPS} are needed`,
    };
  }
  const [i0, i1] = observedIdx;
  let best: (RunResult & { alpha: number; beta: number }) | null = null;
  for (const alpha of GRID) {
    for (const beta of GRID) {
      const run = runHolt(grid.values, alpha, beta, i0, i1);
      if (best === null || run.sse < best.sse || (Number.isNaN(best.sse) && !Number.isNaN(run.sse))) {
        best = { ...run, alpha, beta };
      }
    }
  }
  // GRID is non-empty, so best is set; the check keeps the type narrow without an assertion.
  if (best === null) return { ok: false, reason: 'non-finite', message: 'empty parameter grid' };
  if (best.count < MIN_RESIDUALS) {
    return {
      ok: false,
      reason: 'too-few-residuals',
      message: `${best.count} one-step residual(s) (a reading in a step right after a step with readings); at least ${MIN_RESIDUALS} are needed`,
    };
  }
  // Two parameters were fitted to these residuals, hence n − 2 degrees of freedom.
  const sigma = Math.sqrt(best.sse / Math.max(1, best.count - 2));
  const rmse = Math.sqrt(best.sse / best.count);
  if (![best.level, best.trend, sigma].every(Number.isFinite)) {
    return { ok: false, reason: 'non-finite', message: 'the values are too large for a finite fit' };
  }
  const skill = best.naiveSse > 0 ? 1 - best.sse / best.naiveSse : null;
  return {
    ok: true,
    fit: {
      alpha: best.alpha,
      beta: best.beta,
      level: best.level,
      trend: best.trend,
      sigma,
      stepMs,
      originTs: grid.lastTs + grid.phaseMs,
      quality: {
        readings: grid.readings,
        steps: grid.values.length,
        observedSteps: observedIdx.length,
        residuals: best.count,
        rmse,
        skill,
      },
    },
  };
}

/** A point forecast with its prediction interval. */
export interface Forecast {
  /** Date of the forecast step: `originTs + horizonSteps·stepMs`. */
  ts: number;
  mean: number;
  lower: number;
  upper: number;
  /** Standard deviation of the h-step forecast error. */
  sd: number;
}

/**
 * The h-step-ahead forecast (h ≥ 1, an integer) and its two-sided prediction interval at
 * `confidence` (0 < confidence < 1, default 0.95), with Holt's variance
 * σ²·(1 + Σ_{j=1}^{h-1}(α(1+jβ))²), summed in closed form so any horizon costs O(1).
 */
export function forecastAt(fit: HoltFit, horizonSteps: number, confidence = 0.95): Forecast {
  if (!(Number.isInteger(horizonSteps) && horizonSteps >= 1)) throw new RangeError(`horizonSteps must be an integer ≥ 1, got ${horizonSteps}`);
  assertConfidence(confidence);
  const h = horizonSteps;
  const mean = fit.level + h * fit.trend;
  const m = h - 1;
  // Σ_{j=1}^{m} (1 + jβ)² = m + 2β·m(m+1)/2 + β²·m(m+1)(2m+1)/6
  const b = fit.beta;
  const sum = m + b * m * (m + 1) + (b * b * m * (m + 1) * (2 * m + 1)) / 6;
  const variance = fit.sigma * fit.sigma * (1 + fit.alpha * fit.alpha * sum);
  const sd = Math.sqrt(variance);
  const z = normalQuantile(0.5 + confidence / 2);
  // With σ = 0 (a noiseless series) the band collapses to the mean; 0·z stays 0.
  const half = sd === 0 ? 0 : z * sd;
  return { ts: fit.originTs + h * fit.stepMs, mean, lower: mean - half, upper: mean + half, sd };
}

// ---------------------------------------------------------------------------------------------
// Predicted crossing
// ---------------------------------------------------------------------------------------------

/** A predictive rule: warn when the tag is forecast to cross `limit` within `horizonMs`. */
export interface CrossingRule {
  limit: number;
  /** 'up': the limit is crossed when the value reaches or exceeds it; 'down': at or below. */
  direction: 'up' | 'down';
  /** How far ahead to look, counted from the fit's origin (the date of the last step). */
  horizonMs: number;
  stepMs: number;
  /** Confidence of the prediction interval whose bound gives `earliest`; default 0.95. */
  confidence?: number;
  maxSteps?: number;
}

export interface Crossing {
  /** Date of the first step whose forecast mean reaches the limit. */
  at: number;
  /** Date of the first step whose interval bound (upper for 'up', lower for 'down') reaches it. */
  earliest: number;
  /** Steps ahead of the origin at which the mean crosses. */
  stepsAhead: number;
  /**
   * Φ(distance to the limit at `at` / sd there), the probability under the model that the value is
   * past the limit at `at`: ≥ 0.5 by construction, near 1 when the crossing is clear of the noise.
   */
  probability: number;
  forecast: Forecast;
  quality: FitQuality;
}

export type NoCrossingReason = NoFitReason | 'already-beyond' | 'not-within-horizon';

export type CrossingPrediction =
  | { crossing: Crossing }
  | {
      crossing: null;
      reason: NoCrossingReason;
      message: string;
      /** When the mean stays clear but the interval bound reaches the limit within the horizon. */
      earliest?: number;
      quality?: FitQuality;
    };

/**
 * Fits the readings and looks for the first step, within the horizon, whose forecast mean crosses
 * the limit. Returns `{ crossing: null, reason }` when there is too little data, when the smoothed
 * level is already past the limit (the threshold rule's business, not a forecast's) or when the
 * mean does not cross within the horizon. Throws RangeError only for an invalid rule.
 */
export function predictCrossing(points: readonly Point[], rule: CrossingRule): CrossingPrediction {
  assertRule(rule);
  const confidence = rule.confidence ?? 0.95;
  const fitted = fitHolt(points, rule.stepMs, { maxSteps: rule.maxSteps });
  if (!fitted.ok) return { crossing: null, reason: fitted.reason, message: fitted.message };
  const { fit } = fitted;
  const up = rule.direction === 'up';
  const beyond = (v: number) => (up ? v >= rule.limit : v <= rule.limit);
  if (beyond(fit.level)) {
    return { crossing: null, reason: 'already-beyond', message: `the smoothed level ${fit.level} is already past the limit ${rule.limit}`, quality: fit.quality };
  }
  const maxH = Math.floor(rule.horizonMs / rule.stepMs);
  let earliest: number | null = null;
  for (let h = 1; h <= maxH; h++) {
    const f = forecastAt(fit, h, confidence);
    if (earliest === null && beyond(up ? f.upper : f.lower)) earliest = f.ts;
    if (beyond(f.mean)) {
      const distance = up ? f.mean - rule.limit : rule.limit - f.mean;
      const probability = f.sd === 0 ? 1 : normalCdf(distance / f.sd);
      // The bound is never less extreme than the mean, so `earliest` is set by now; `?? f.ts`
      // only guards against a NaN bound.
      return { crossing: { at: f.ts, earliest: earliest ?? f.ts, stepsAhead: h, probability, forecast: f, quality: fit.quality } };
    }
  }
  return {
    crossing: null,
    reason: 'not-within-horizon',
    message: `the forecast mean does not reach ${rule.limit} within ${rule.horizonMs} ms`,
    ...(earliest === null ? {} : { earliest }),
    quality: fit.quality,
  };
}

// ---------------------------------------------------------------------------------------------
// Back-testing
// ---------------------------------------------------------------------------------------------

export interface BacktestOptions {
  /** Value whose actual crossing counts as the event to predict (the threshold alarm); default the rule's limit. */
  thresholdAt?: number;
  /** History fitted at each evaluation; default max(horizonMs, 30·stepMs). */
  windowMs?: number;
  /** Least time between two evaluations; default stepMs (evaluations happen at reading times). */
  evaluateEveryMs?: number;
  /**
   * Deadband of the threshold alarm (≥ 0, default 0): once past `thresholdAt`, the value must come
   * back by this much before a new crossing can count, as the live threshold rule's deadband
   * would require. Without it a noisy tag sitting on the threshold counts one crossing per wobble.
   */
  deadband?: number;
}

export interface BacktestHit {
  warnedAt: number;
  crossedAt: number;
  leadMs: number;
  /** The crossing time the first warning predicted. */
  predictedAt: number;
}

export interface BacktestReport {
  evaluations: number;
  /** Warnings raised (hits + false alarms + pending). */
  warnings: number;
  /** Actual crossings of the threshold (from not beyond to beyond). */
  crossings: number;
  hits: BacktestHit[];
  /** Lead times of the hits, in ms, in time order. */
  leadTimesMs: number[];
  /** Warnings not followed by a crossing within the horizon. */
  falseAlarms: number;
  /** Crossings no warning preceded. */
  missed: number;
  /** A warning still open when the series ends, neither confirmed nor expired. */
  pending: number;
  /** falseAlarms / (hits + falseAlarms), null with no resolved warning. */
  falseAlarmRate: number | null;
}

/**
 * Replays the series as it would have arrived, evaluating `predictCrossing` on the trailing window
 * at reading times (at most once per `evaluateEveryMs`), the way the live rule would run.
 *
 * A warning is raised when a crossing is predicted and no warning is open; it stays open (one
 * alarm per condition, later predictions do not raise more) until either the value actually
 * crosses `thresholdAt` — a hit, whose lead time is crossing time − warning time — or `horizonMs`
 * has passed since it was raised with no crossing — a false alarm, after which the next predicted
 * crossing raises a new warning. While the value is past the threshold nothing is evaluated (the
 * threshold alarm is active); a crossing with no open warning is a miss. Actual crossings are read
 * from the readings themselves (after `cleanSeries`), not from the step means.
 */
export function backtest(points: readonly Point[], rule: CrossingRule, options: BacktestOptions = {}): BacktestReport {
  assertRule(rule);
  const threshold = options.thresholdAt ?? rule.limit;
  if (!Number.isFinite(threshold)) throw new RangeError(`thresholdAt must be finite, got ${threshold}`);
  const windowMs = options.windowMs ?? Math.max(rule.horizonMs, 30 * rule.stepMs);
  if (!(Number.isFinite(windowMs) && windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  const every = options.evaluateEveryMs ?? rule.stepMs;
  if (!(Number.isFinite(every) && every >= 0)) throw new RangeError(`evaluateEveryMs must be ≥ 0, got ${every}`);
  const deadband = options.deadband ?? 0;
  if (!(Number.isFinite(deadband) && deadband >= 0)) throw new RangeError(`deadband must be ≥ 0, got ${deadband}`);
  const up = rule.direction === 'up';
  const beyond = (v: number) => (up ? v >= threshold : v <= threshold);
  const backToNormal = (v: number) => (up ? v < threshold - deadband : v > threshold + deadband);

  const series = cleanSeries(points);
  const report: BacktestReport = {
    evaluations: 0,
    warnings: 0,
    crossings: 0,
    hits: [],
    leadTimesMs: [],
    falseAlarms: 0,
    missed: 0,
    pending: 0,
    falseAlarmRate: null,
  };
  let open: { warnedAt: number; predictedAt: number } | null = null;
  // A series that starts past the threshold has not "crossed": the first crossing needs a reading
  // on the safe side first.
  let wasBeyond: boolean | null = null;
  let lastEval = -Infinity;
  let windowStart = 0;
  for (let i = 0; i < series.length; i++) {
    const { ts, value } = series[i];
    if (open !== null && ts > open.warnedAt + rule.horizonMs) {
      report.falseAlarms += 1;
      open = null;
    }
    // Past the threshold, or still inside the deadband after having been past it.
    const isBeyond = beyond(value) || (wasBeyond === true && !backToNormal(value));
    if (isBeyond) {
      if (wasBeyond === false) {
        report.crossings += 1;
        if (open !== null) {
          const leadMs = ts - open.warnedAt;
          report.hits.push({ warnedAt: open.warnedAt, crossedAt: ts, leadMs, predictedAt: open.predictedAt });
          report.leadTimesMs.push(leadMs);
          open = null;
        } else {
          report.missed += 1;
        }
      }
      wasBeyond = true;
      continue;
    }
    wasBeyond = false;
    if (open !== null || ts - lastEval < every) continue;
    while (series[windowStart].ts <= ts - windowMs) windowStart += 1;
    lastEval = ts;
    report.evaluations += 1;
    const prediction = predictCrossing(series.slice(windowStart, i + 1), rule);
    if (prediction.crossing !== null) {
      open = { warnedAt: ts, predictedAt: prediction.crossing.at };
      report.warnings += 1;
    }
  }
  if (open !== null) report.pending += 1;
  const resolved = report.hits.length + report.falseAlarms;
  report.falseAlarmRate = resolved === 0 ? null : report.falseAlarms / resolved;
  return report;
}

// ---------------------------------------------------------------------------------------------
// Argument checks (configuration errors throw; data never does)
// ---------------------------------------------------------------------------------------------

function assertStep(stepMs: number): void {
  if (!(Number.isFinite(stepMs) && stepMs > 0)) throw new RangeError(`stepMs must be a positive finite number, got ${stepMs}`);
}

function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
}

function assertRule(rule: CrossingRule): void {
  assertStep(rule.stepMs);
  if (!Number.isFinite(rule.limit)) throw new RangeError(`limit must be finite, got ${rule.limit}`);
  if (rule.direction !== 'up' && rule.direction !== 'down') throw new RangeError(`direction must be 'up' or 'down', got ${String(rule.direction)}`);
  if (!(Number.isFinite(rule.horizonMs) && rule.horizonMs >= rule.stepMs)) {
    throw new RangeError(`horizonMs must be finite and at least one step (${rule.stepMs} ms), got ${rule.horizonMs}`);
  }
  if (rule.horizonMs / rule.stepMs > MAX_HORIZON_STEPS) {
    throw new RangeError(`horizonMs spans more than ${MAX_HORIZON_STEPS} steps of ${rule.stepMs} ms`);
  }
  assertConfidence(rule.confidence ?? 0.95);
  if (rule.maxSteps !== undefined && !(Number.isInteger(rule.maxSteps) && rule.maxSteps >= 1)) {
    throw new RangeError(`maxSteps must be a positive integer, got ${rule.maxSteps}`);
  }
}
