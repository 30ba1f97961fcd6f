/**
 * The reading every alarm rule evaluates, and the one normalisation they all share.
 *
 * Kept deliberately tiny: rule kinds (threshold, rate of change, SPC, forecast…) each import this
 * instead of declaring their own point type, so a series cleaned once can be fed to any of them.
 * Pure: no I/O, no clock.
 */

/** One reading of a tag: `ts` is epoch milliseconds, `value` the engineering value. */
export interface Point {
  ts: number;
  value: number;
}

/**
 * Sorts by timestamp, drops readings whose value or timestamp is not a finite number (NaN, ±Infinity
 * are what a broken sensor or a bad decode produce; none of them can be compared with a limit), and
 * keeps the LAST value given for a duplicated timestamp: a device or an import that repeats a
 * timestamp is correcting it, so the later write wins, as it does in the telemetry store.
 *
 * Deterministic in the arrival order only through that "last wins" rule; the input is not modified.
 */
export function cleanSeries(points: readonly Point[]): Point[] {
  const byTs = new Map<number, number>();
  for (const p of points) {
    if (!Number.isFinite(p.ts) || !Number.isFinite(p.value)) continue;
    // A later value for the same timestamp overwrites the earlier one; order is restored by the
    // sort below. `+ 0` turns -0 into 0 so the key printed back is the canonical one.
    byTs.set(p.ts + 0, p.value);
  }
  return [...byTs.entries()].sort((a, b) => a[0] - b[0]).map(([ts, value]) => ({ ts, value }));
}
