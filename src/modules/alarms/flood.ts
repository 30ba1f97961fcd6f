/**
 * Alarm flood detection per process unit (ISA-18.2 §16: more than 10 alarms in 10 minutes per
 * operator is a flood). An operator buried under dozens of alarms from one unit needs one alarm
 * saying "this unit is flooding" more than the 40th individual one; the runtime raises that alarm
 * from what this decides.
 *
 * The flood stands from the moment more than `maxRaised` alarms were raised in the unit within the
 * trailing `windowMs`, and stays until fewer than half that many remain in the window: the gap
 * between the two thresholds is the hysteresis that keeps the flood alarm itself from flapping
 * while the rate hovers around the limit. Pure: time is passed in, no clock, no I/O.
 */

export interface FloodOptions {
  /** The trailing window raises are counted over. */
  windowMs: number;
  /** More raises than this within the window is a flood. */
  maxRaised: number;
}

export const DEFAULT_FLOOD: FloodOptions = { windowMs: 600_000, maxRaised: 10 };

/** A unit's flood starting or ending, and the count in the window that decided it. */
export interface FloodChange {
  unitId: number;
  active: boolean;
  count: number;
}

export class FloodDetector {
  /** Raise times per unit, kept sorted; only those inside the window (and the future) are kept. */
  private readonly raised = new Map<number, number[]>();
  private readonly flooding = new Set<number>();

  constructor(readonly options: FloodOptions = DEFAULT_FLOOD) {
    if (!(options.windowMs > 0) || !(Number.isInteger(options.maxRaised) && options.maxRaised >= 1)) {
      throw new RangeError(`windowMs must be positive and maxRaised a positive integer, got ${options.windowMs} and ${options.maxRaised}`);
    }
  }

  /**
   * Records that an alarm was raised in `unitId` at `at`. Raises may arrive out of order (a
   * backfilled reading raises an alarm in the past); each is placed at its own time.
   */
  record(unitId: number, at: number): void {
    if (!Number.isFinite(at)) return;
    let times = this.raised.get(unitId);
    if (!times) this.raised.set(unitId, (times = []));
    // Binary search for the insertion point: raises mostly come in order, so this is usually the end.
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    times.splice(lo, 0, at);
  }

  /** How many raises of the unit lie in (now − windowMs, now]. */
  countAt(unitId: number, now: number): number {
    const times = this.raised.get(unitId);
    if (!times) return 0;
    let n = 0;
    for (const t of times) if (t > now - this.options.windowMs && t <= now) n++;
    return n;
  }

  /** Whether the unit is flooding as last judged. */
  isFlooding(unitId: number): boolean {
    return this.flooding.has(unitId);
  }

  /**
   * Judges every unit at `now`: the floods that start and those that end. Raises that fell out of
   * the window are forgotten, so memory stays bounded by the raises of the last window.
   */
  judge(now: number): FloodChange[] {
    const out: FloodChange[] = [];
    const clearBelow = this.options.maxRaised / 2;
    for (const [unitId, times] of this.raised) {
      let drop = 0;
      while (drop < times.length && times[drop] <= now - this.options.windowMs) drop++;
      if (drop) times.splice(0, drop);
      const count = this.countAt(unitId, now);
      const was = this.flooding.has(unitId);
      if (!was && count > this.options.maxRaised) {
        this.flooding.add(unitId);
        out.push({ unitId, active: true, count });
      } else if (was && count < clearBelow) {
        this.flooding.delete(unitId);
        out.push({ unitId, active: false, count });
      }
      if (times.length === 0 && !this.flooding.has(unitId)) this.raised.delete(unitId);
    }
    return out.sort((a, b) => a.unitId - b.unitId);
  }
}

/** The flood alarm's source key for a unit: one alarm per unit (the store dedupes on it). */
export const floodSourceKey = (unitId: number): string => `flood:unit:${unitId}`;
