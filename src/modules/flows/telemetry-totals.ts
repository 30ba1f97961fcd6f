/**
 * The total of a flow-meter tag over a period, from its readings (docs/flows.md, "Telemetry"). Pure.
 *
 * - `integral`: a rate (t/h, m3/h, Nm3/h, kW, MW, t/d, …) integrated by the trapezoidal rule.
 * - `counter`: a totaliser's increase, summed over consecutive readings; a reading lower than the
 *   one before is a rollover (the previous reading was in the top tenth of its power of ten: the
 *   register wrapped, so the increase is what was left to the wrap plus the new reading) or else a
 *   reset (the register restarted from zero: the increase is the new reading).
 *
 * Gaps — an interval between readings longer than the threshold (3× the median sampling interval,
 * at least 15 minutes), or the stretch from the period's start to the first reading or from the
 * last one to the end when that long — are reported with their bounds and NOT filled. The total is
 * the total over the covered time only; the caller marks such a total estimated and widens its
 * standard deviation by the uncovered fraction (`meterTotalUncertainty`). Shorter stretches at the
 * edges are ordinary sampling: the first or last reading holds (a rate), or the neighbouring
 * interval's rate continues (a counter). A counter's increase across a gap is still measured (the
 * register kept counting) unless it fell: then the increase inside the gap is unknown.
 */
import { convert, unitOf } from '../../core/units.ts';

export type MeterMethod = 'integral' | 'counter';
export const METER_METHODS: readonly MeterMethod[] = ['integral', 'counter'];

export const MIN_GAP_MS = 15 * 60_000;
const GAP_FACTOR = 3;
const HOUR_MS = 3_600_000;

export interface Reading {
  ts: number;
  value: number;
}

export interface MeterGap {
  from: number;
  to: number;
  reason: string;
}

export interface MeterTotal {
  /** In the requested unit, over the covered time only. */
  total: number;
  /** Milliseconds of the period the readings cover. */
  coveredMs: number;
  periodMs: number;
  gaps: MeterGap[];
}

/**
 * What integrating a rate unit over hours gives: the rate in the base unit of its dimension per
 * hour, and the unit of the quantity (kg/h → kg, m3/d → m3 per 24 h, kW → kWh).
 */
const RATE_DIMENSIONS: Readonly<Record<string, { base: string; hours: number; quantity: string }>> = {
  mass_flow: { base: 'kg/h', hours: 1, quantity: 'kg' },
  mass_rate_daily: { base: 't/d', hours: 24, quantity: 't' },
  volume_flow: { base: 'm3/h', hours: 1, quantity: 'm3' },
  volume_rate_daily: { base: 'm3/d', hours: 24, quantity: 'm3' },
  power: { base: 'kW', hours: 1, quantity: 'kWh' },
};

/** Why a tag's unit cannot give a total in `unit` by `method`, or null when it can. */
export function meterUnitProblem(method: MeterMethod, tagUnit: string, unit: string): string | null {
  const target = unitOf(unit);
  if (!target) return `unknown unit ${unit}`;
  const source = unitOf(tagUnit);
  if (!source) return `the tag's unit ${tagUnit} is not a known unit`;
  if (method === 'counter') {
    return source.dimension === target.dimension ? null : `a counter in ${tagUnit} cannot total in ${unit}`;
  }
  const rate = RATE_DIMENSIONS[source.dimension];
  if (!rate) return `${tagUnit} is not a rate (t/h, m3/h, Nm3/h, kW, t/d, …): integrate a rate, or use the counter method`;
  return unitOf(rate.quantity)!.dimension === target.dimension ? null : `the integral of ${tagUnit} is not in ${unit}'s dimension`;
}

/** Converts a rate-times-hours in the tag's unit to `unit` (integral), or a counter's increase. */
function toUnit(method: MeterMethod, amount: number, tagUnit: string, unit: string): number {
  if (method === 'counter') return convert(amount, tagUnit, unit);
  const rate = RATE_DIMENSIONS[unitOf(tagUnit)!.dimension];
  return convert(convert(amount, tagUnit, rate.base) * (1 / rate.hours), rate.quantity, unit);
}

/** The gap threshold for readings in time order: 3× their median interval, at least 15 minutes. */
export function gapThreshold(readings: readonly Reading[]): number {
  const intervals: number[] = [];
  for (let i = 1; i < readings.length; i++) intervals.push(readings[i].ts - readings[i - 1].ts);
  if (!intervals.length) return MIN_GAP_MS;
  intervals.sort((a, b) => a - b);
  const mid = intervals.length >> 1;
  const median = intervals.length % 2 ? intervals[mid] : (intervals[mid - 1] + intervals[mid]) / 2;
  return Math.max(MIN_GAP_MS, GAP_FACTOR * median);
}

/**
 * The total of `readings` (in time order, from ≤ ts < to, finite values) over [from, to) in `unit`.
 * The tag's unit must pass meterUnitProblem.
 */
export function meterTotal(method: MeterMethod, readings: readonly Reading[], period: { from: number; to: number }, tagUnit: string, unit: string): MeterTotal {
  const periodMs = period.to - period.from;
  if (!readings.length) return { total: 0, coveredMs: 0, periodMs, gaps: [{ from: period.from, to: period.to, reason: 'no readings in the period' }] };
  const threshold = gapThreshold(readings);
  const gaps: MeterGap[] = [];
  let amount = 0; // rate·hours (integral) or increase (counter), in the tag's unit
  let coveredMs = 0;

  const first = readings[0];
  const last = readings[readings.length - 1];
  // The rate of a counter at an edge: its neighbouring interval's (none with a single reading).
  const edgeRate = (a: Reading | undefined, b: Reading | undefined) => (a && b && b.ts > a.ts && b.value >= a.value ? (b.value - a.value) / (b.ts - a.ts) : null);

  const lead = first.ts - period.from;
  if (lead > threshold) gaps.push({ from: period.from, to: first.ts, reason: 'no readings from the start of the period' });
  else if (lead > 0) {
    const rate = method === 'integral' ? first.value / HOUR_MS : edgeRate(readings[0], readings[1]);
    if (rate !== null) {
      amount += rate * lead;
      coveredMs += lead;
    } else gaps.push({ from: period.from, to: first.ts, reason: 'no counter rate to carry to the start of the period' });
  }

  for (let i = 1; i < readings.length; i++) {
    const a = readings[i - 1];
    const b = readings[i];
    const dt = b.ts - a.ts;
    if (method === 'integral') {
      if (dt > threshold) gaps.push({ from: a.ts, to: b.ts, reason: 'no readings' });
      else {
        amount += ((a.value + b.value) / 2) * (dt / HOUR_MS);
        coveredMs += dt;
      }
      continue;
    }
    if (b.value >= a.value) {
      amount += b.value - a.value;
      coveredMs += dt;
    } else if (dt > threshold) {
      gaps.push({ from: a.ts, to: b.ts, reason: 'no readings, and the counter fell across them (reset or rollover): its increase is unknown' });
    } else {
      amount += counterIncreaseAfterFall(a.value, b.value);
      coveredMs += dt;
    }
  }

  const tail = period.to - last.ts;
  if (tail > threshold) gaps.push({ from: last.ts, to: period.to, reason: 'no readings to the end of the period' });
  else if (tail > 0) {
    const rate = method === 'integral' ? last.value / HOUR_MS : edgeRate(readings[readings.length - 2], last);
    if (rate !== null) {
      amount += rate * tail;
      coveredMs += tail;
    } else gaps.push({ from: last.ts, to: period.to, reason: 'no counter rate to carry to the end of the period' });
  }
  gaps.sort((x, y) => x.from - y.from);
  return { total: toUnit(method, amount, tagUnit, unit), coveredMs, periodMs, gaps };
}

/** A totaliser's increase from `before` to a lower `after`: a rollover near the top of its power of ten, else a reset. */
export function counterIncreaseAfterFall(before: number, after: number): number {
  const wrap = 10 ** Math.ceil(Math.log10(Math.max(before, 1) + 1));
  return before >= 0.9 * wrap ? wrap - before + Math.max(after, 0) : Math.max(after, 0);
}

/**
 * How a total is known: measured with the meter's accuracy when the readings cover the period;
 * otherwise estimated, its sd widened by what the uncovered time may have held. The total covers
 * only the covered time, so the flow is short by about total · u / (1 − u) (u the uncovered
 * fraction) if the rate in the gaps was the period's average; that amount is added in quadrature
 * to the meter's sd. With no coverage there is no total to state (the caller writes no flow).
 */
export function meterTotalUncertainty(result: MeterTotal, accuracyPercent: number): { basis: 'measured' | 'estimated'; sd: number } | null {
  if (result.coveredMs <= 0 || result.periodMs <= 0) return null;
  const meterSd = Math.abs(result.total) * (accuracyPercent / 100);
  const uncovered = Math.min(1, Math.max(0, 1 - result.coveredMs / result.periodMs));
  if (uncovered === 0) return { basis: 'measured', sd: meterSd };
  const missing = Math.abs(result.total) * (uncovered / (1 - uncovered));
  return { basis: 'estimated', sd: Math.hypot(meterSd, missing) };
}
