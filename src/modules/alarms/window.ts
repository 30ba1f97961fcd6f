/**
 * Window aggregate rules (`MEAN_H`, `MEAN_L`, `SUM_H`, `SUM_L`), as permits are written: the hourly
 * or daily mean of an emission against its permitted limit, a day's total water intake against a
 * quota. Pure: no I/O, no clock; readings are folded in increasing time order.
 *
 * Semantics:
 * - Fixed windows aligned to the park's clock: a window starts at a multiple of windowMs in local
 *   time (epoch + utcOffsetMs), so a day window runs from local midnight to local midnight, an hour
 *   window on the hour. A window holds the readings with start ≤ ts < end.
 * - A window is judged when it closes: at the first reading at or after its end, or at `tick(now)`
 *   with now at or after its end (the runtime's clock, so a day's mean is judged at midnight even if
 *   the meter then falls silent). A window closed by a tick is sealed: a reading for it that arrives
 *   afterwards makes the evaluator rebuild from its checkpoint and judge the window again.
 * - Completeness = readings ÷ (windowMs ÷ expectedIntervalMs), capped at 1. A window below
 *   minCompleteness is not judged: it raises nothing, and an active condition stays as it was (one
 *   incomplete hour says nothing either way about the permit). A window without any reading is
 *   never judged (there is no mean of nothing, and a quota is not broken by silence: that is the
 *   no-data rule's job); this also lets a long gap skip its empty windows in O(1).
 * - Mean is the arithmetic mean of the readings (running, so a constant series has exactly that
 *   mean); time-weighting by the interval each reading stands for is a later refinement, and with
 *   the regular reporting interval permits assume, the two agree.
 * - A judged window strictly over `high` raises `MEAN_H`/`SUM_H`, strictly under `low` raises
 *   `MEAN_L`/`SUM_L`, within both clears. Changes are stamped at the window's end (when the
 *   aggregate became known) with the aggregate as the value; the detail carries windowStart,
 *   windowEnd, completeness and the limit.
 */
import type { ConditionChange, ConditionDetail, RuleParams } from './rule-model.ts';
import type { ActiveCondition, KindCore } from './kind-core.ts';

type WindowParams = Extract<RuleParams, { kind: 'window' }>;

/** Start of the park-clock window holding `ts`. */
export function windowStart(ts: number, windowMs: number, utcOffsetMs: number): number {
  return Math.floor((ts + utcOffsetMs) / windowMs) * windowMs - utcOffsetMs;
}

/** Share of the expected readings a window holds, capped at 1. */
export function completeness(readings: number, windowMs: number, expectedIntervalMs: number): number {
  return Math.min(1, readings / (windowMs / expectedIntervalMs));
}

class WindowCore implements KindCore {
  sealedUntil = -Infinity;
  condition: ActiveCondition | null = null;
  value: number | null = null;
  /** The open window's start; null when no reading has opened one since the last was judged. */
  private start: number | null = null;
  private count = 0;
  private sum = 0;
  private mean = 0;

  constructor(private readonly p: WindowParams) {}

  step(ts: number, value: number, out: ConditionChange[]): void {
    if (this.start !== null && ts >= this.start + this.p.windowMs) this.close(out);
    if (this.start === null) {
      this.start = windowStart(ts, this.p.windowMs, this.p.utcOffsetMs);
      this.count = 0;
      this.sum = 0;
      this.mean = 0;
    }
    this.count += 1;
    this.sum += value;
    this.mean += (value - this.mean) / this.count;
  }

  tick(now: number, out: ConditionChange[]): void {
    if (this.start === null || now < this.start + this.p.windowMs) return;
    const end = this.start + this.p.windowMs;
    this.close(out);
    this.sealedUntil = Math.max(this.sealedUntil, end);
  }

  private close(out: ConditionChange[]): void {
    const start = this.start as number;
    this.start = null;
    const { windowMs, expectedIntervalMs, minCompleteness, high, low, aggregate } = this.p;
    const share = completeness(this.count, windowMs, expectedIntervalMs);
    if (share < minCompleteness) return;
    const value = aggregate === 'mean' ? this.mean : this.sum;
    this.value = value;
    const prefix = aggregate === 'mean' ? 'MEAN' : 'SUM';
    let level: string | null = null;
    let limit = 0;
    if (high !== null && value > high) {
      level = `${prefix}_H`;
      limit = high;
    } else if (low !== null && value < low) {
      level = `${prefix}_L`;
      limit = low;
    }
    const end = start + windowMs;
    if (level === (this.condition?.level ?? null)) return;
    if (level === null) {
      this.condition = null;
      out.push({ at: end, active: false, value });
      return;
    }
    const detail: ConditionDetail = { limit, windowStart: start, windowEnd: end, completeness: share };
    this.condition = { level, value, detail };
    out.push({ at: end, active: true, level, value, detail });
  }

  clone(): WindowCore {
    const c = new WindowCore(this.p);
    c.sealedUntil = this.sealedUntil;
    c.condition = this.condition;
    c.value = this.value;
    c.start = this.start;
    c.count = this.count;
    c.sum = this.sum;
    c.mean = this.mean;
    return c;
  }
}

export function createWindowCore(params: WindowParams): KindCore {
  return new WindowCore(params);
}
