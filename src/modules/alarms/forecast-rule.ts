/**
 * Predictive early warning (`FORECAST_H`, `FORECAST_L`): warn when the tag is forecast to cross its
 * high (low) limit within the horizon. Pure: no I/O, no clock; readings are folded in increasing
 * time order. The forecast itself is forecast.ts (Holt's linear method with its prediction
 * interval); this file decides when to fit and when a warning stands.
 *
 * Semantics:
 * - Fitted at a reading when at least stepMs of data time has passed since the last fit (the first
 *   reading fits at once), on the readings of the last fitWindowMs (ts − fitWindowMs < t ≤ ts).
 *   The schedule depends only on the readings' timestamps, so live and back-test fit at the same
 *   readings. A fit's result is cached by reading time and shared with the evaluator's checkpoint,
 *   so each scheduled fit is computed once, not again when the checkpoint passes the reading.
 * - Probability of crossing within the horizon: the largest, over the forecast steps whose date is
 *   within ts + horizonMs, of the probability that the value is past the limit at that step,
 *   Φ((mean_h − limit) / sd_h) upward (mirrored downward). The chance of being past at some step is
 *   at least the chance of being past at any one, so this is a lower bound of the true first-passage
 *   probability: it errs towards fewer warnings. predictedAt is the first step whose mean reaches
 *   the limit (there is one whenever the probability is ≥ 0.5).
 * - Raise when that probability is ≥ confidence. Hysteresis: a standing warning clears only when it
 *   falls below confidence − 0.1, so a probability hovering at the confidence does not flap.
 * - A reading already strictly beyond the limit clears the warning at once and none is raised while
 *   it is (the threshold rule owns an actual exceedance); this check runs at every reading, not
 *   only at fits. A fit that fails (too few readings in the window, a gap) clears too: a warning
 *   stands only while a current forecast supports it.
 * - With both limits, a standing warning keeps its side while it holds; otherwise the side with the
 *   larger probability wins. With neither limit set (the service fills in the tag's H/L; a tag
 *   without them has nothing to forecast against) the rule never raises.
 */
import type { ConditionChange, ConditionDetail, RuleParams } from './rule-model.ts';
import type { ActiveCondition, KindCore } from './kind-core.ts';
import type { Point } from './series.ts';
import { normalCdf } from '../../core/normal.ts';
import { fitHolt, forecastAt, type HoltFit } from './forecast.ts';

type ForecastParams = Extract<RuleParams, { kind: 'forecast' }>;

/** Hysteresis of a standing warning, in probability. */
export const CLEAR_MARGIN = 0.1;

export interface SideOutlook {
  probability: number;
  /** First forecast step whose mean reaches the limit; null when none within the horizon. */
  predictedAt: number | null;
}

/** What one fit says about each limit; null when no fit could be made. */
export interface Outlook {
  high: SideOutlook | null;
  low: SideOutlook | null;
}

/** The chance of being past `limit` within `horizonMs` of `now`, by the fitted model. */
export function crossingOutlook(fit: HoltFit, limit: number, up: boolean, now: number, horizonMs: number): SideOutlook {
  const steps = Math.floor((now + horizonMs - fit.originTs) / fit.stepMs);
  let probability = 0;
  let predictedAt: number | null = null;
  for (let h = 1; h <= steps; h++) {
    const f = forecastAt(fit, h);
    const distance = up ? f.mean - limit : limit - f.mean;
    const p = f.sd === 0 ? (distance >= 0 ? 1 : 0) : normalCdf(distance / f.sd);
    if (p > probability) probability = p;
    if (predictedAt === null && distance >= 0) predictedAt = f.ts;
  }
  return { probability, predictedAt };
}

const COMPACT_AT = 256;

class ForecastCore implements KindCore {
  readonly sealedUntil = -Infinity;
  condition: ActiveCondition | null = null;
  value: number | null = null;
  private ts: number[] = [];
  private v: number[] = [];
  private head = 0;
  private lastFit: number | null = null;

  constructor(
    private readonly p: ForecastParams,
    /** Outlooks by reading time, shared by the live core and the checkpoint (see header). */
    private readonly memo: Map<number, Outlook | null>,
    /** True for the checkpoint (the evaluator's original core), which passes each reading last. */
    private readonly consumes: boolean,
  ) {}

  step(ts: number, value: number, out: ConditionChange[]): void {
    this.ts.push(ts);
    this.v.push(value);
    this.value = value;
    const from = ts - this.p.fitWindowMs;
    while (this.head < this.ts.length && this.ts[this.head] <= from) this.head += 1;
    if (this.head >= COMPACT_AT && this.head * 2 >= this.ts.length) {
      this.ts.splice(0, this.head);
      this.v.splice(0, this.head);
      this.head = 0;
    }
    const { high, low } = this.p;
    const beyondHigh = high !== null && value > high;
    const beyondLow = low !== null && value < low;
    const level = this.condition?.level ?? null;
    if ((level === 'FORECAST_H' && beyondHigh) || (level === 'FORECAST_L' && beyondLow)) {
      this.condition = null;
      out.push({ at: ts, active: false, value });
    }
    if (this.lastFit !== null && ts - this.lastFit < this.p.stepMs) return;
    this.lastFit = ts;
    let outlook = this.memo.get(ts);
    if (outlook === undefined) {
      outlook = this.outlook(ts);
      if (!this.consumes) this.memo.set(ts, outlook);
    } else if (this.consumes) {
      // The checkpoint passes each reading once, after the live core: the entry is no longer needed.
      this.memo.delete(ts);
    }
    this.decide(ts, value, outlook, beyondHigh, beyondLow, out);
  }

  private outlook(ts: number): Outlook | null {
    if (this.p.high === null && this.p.low === null) return null;
    const points: Point[] = [];
    for (let i = this.head; i < this.ts.length; i++) points.push({ ts: this.ts[i], value: this.v[i] });
    const fitted = fitHolt(points, this.p.stepMs, { maxSteps: Math.ceil(this.p.fitWindowMs / this.p.stepMs) + 1 });
    if (!fitted.ok) return null;
    const { high, low, horizonMs } = this.p;
    return {
      high: high === null ? null : crossingOutlook(fitted.fit, high, true, ts, horizonMs),
      low: low === null ? null : crossingOutlook(fitted.fit, low, false, ts, horizonMs),
    };
  }

  private decide(ts: number, value: number, outlook: Outlook | null, beyondHigh: boolean, beyondLow: boolean, out: ConditionChange[]): void {
    const current = this.condition?.level ?? null;
    const side = (level: string | null) => (level === 'FORECAST_H' ? outlook?.high : level === 'FORECAST_L' ? outlook?.low : null) ?? null;
    const { confidence } = this.p;
    if (current !== null) {
      const s = side(current);
      if (s !== null && s.probability >= confidence - CLEAR_MARGIN) return;
    }
    let next: 'FORECAST_H' | 'FORECAST_L' | null = null;
    let best = -1;
    const h = outlook?.high;
    const l = outlook?.low;
    if (h && !beyondHigh && h.probability >= confidence && h.probability > best) {
      next = 'FORECAST_H';
      best = h.probability;
    }
    if (l && !beyondLow && l.probability >= confidence && l.probability > best) next = 'FORECAST_L';
    if (next === current) return;
    if (next === null) {
      this.condition = null;
      out.push({ at: ts, active: false, value });
      return;
    }
    const s = side(next) as SideOutlook;
    const detail: ConditionDetail = { limit: (next === 'FORECAST_H' ? this.p.high : this.p.low) as number, probability: s.probability };
    if (s.predictedAt !== null) detail.predictedAt = s.predictedAt;
    this.condition = { level: next, value, detail };
    out.push({ at: ts, active: true, level: next, value, detail });
  }

  tick(): void {
    // A forecast moves only with readings: with none, there is nothing new to fit.
  }

  invalidateFrom(ts: number): void {
    for (const key of this.memo.keys()) if (key >= ts) this.memo.delete(key);
  }

  clone(): ForecastCore {
    const c = new ForecastCore(this.p, this.memo, false);
    c.ts = this.ts.slice(this.head);
    c.v = this.v.slice(this.head);
    c.lastFit = this.lastFit;
    c.condition = this.condition;
    c.value = this.value;
    return c;
  }
}

export function createForecastCore(params: ForecastParams): KindCore {
  return new ForecastCore(params, new Map(), true);
}
