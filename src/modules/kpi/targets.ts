/**
 * KPI targets and the status of a period's value against them. Pure.
 *
 * Targets are written as Five-Year Plan targets are: an absolute bound by a year (e.g. 工业固体废物
 * 综合利用率 ≥ 73 % by 2025), or a reduction of x % from a base year's value by a target year (the
 * 13th Five-Year Plan: energy per unit GDP −15 % and CO2 per unit GDP −18 %, 2015 → 2020;
 * 《中华人民共和国国民经济和社会发展第十三个五年规划纲要》 专栏1 main indicators). Progress is judged against the straight
 * trajectory from the base year's value to the target value, the usual way annual progress toward a
 * Five-Year Plan target is read (the cumulative share of the reduction due by that year).
 */

export type Direction = 'lower_is_better' | 'higher_is_better';

/** Which direction is good, per KPI key of the API (issue 12). */
export const KPI_DIRECTION: Readonly<Record<string, Direction>> = {
  solid_waste_utilization_rate: 'higher_is_better',
  hazardous_waste_utilization_rate: 'higher_is_better',
  hazardous_waste_safe_disposal_rate: 'higher_is_better',
  water_reuse_rate: 'higher_is_better',
  cti_circular_inflow: 'higher_is_better',
  cti_circular_outflow: 'higher_is_better',
  energy_tce: 'lower_is_better',
  energy_intensity_tce_per_10k_cny: 'lower_is_better',
  energy_tce_per_t_product: 'lower_is_better',
  water_intensity_m3_per_10k_cny: 'lower_is_better',
  co2_scope1_t: 'lower_is_better',
  co2_scope2_t: 'lower_is_better',
  carbon_intensity_t_per_10k_cny: 'lower_is_better',
};

interface Baseline {
  baseYear: number;
  baseValue: number;
  targetYear: number;
}

/** "At most / at least `value` by `targetYear`", starting from the base year's value. */
export interface AbsoluteTarget extends Baseline {
  kind: 'absolute';
  value: number;
}

/** "Down `percent` % from the base year's value by `targetYear`". */
export interface ReductionTarget extends Baseline {
  kind: 'reduction';
  percent: number;
}

export type Target = AbsoluteTarget | ReductionTarget;

export type Status = 'met' | 'on_track' | 'off_track' | 'no_target';

export interface TargetStatus {
  status: Status;
  /** the value the target asks for at the target year */
  targetValue?: number;
  /** the straight trajectory's value at the period */
  trajectoryValue?: number;
}

export function targetValueOf(t: Target): number {
  return t.kind === 'absolute' ? t.value : t.baseValue * (1 - t.percent / 100);
}

/** Straight line from (baseYear, baseValue) to (targetYear, target value), held flat outside. */
export function trajectoryAt(t: Target, year: number): number {
  const span = t.targetYear - t.baseYear;
  const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (year - t.baseYear) / span));
  return t.baseValue + (targetValueOf(t) - t.baseValue) * share;
}

// Comparisons tolerate rounding of the value's last digits, so a value read off the trajectory counts as on it.
function atLeastAsGood(value: number, reference: number, direction: Direction): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(reference));
  return direction === 'lower_is_better' ? value <= reference + tolerance : value >= reference - tolerance;
}

/**
 * Status of `value` for the period at `year` (a decimal year: 2024 for the year 2024, 2024 + m/12
 * for the end of month m): 'met' when it is at or better than the target value; otherwise, before
 * the target year, 'on_track' when at or better than the trajectory; else 'off_track'.
 */
export function targetStatus(value: number, year: number, target: Target | null | undefined, direction: Direction): TargetStatus {
  if (!target) return { status: 'no_target' };
  const targetValue = targetValueOf(target);
  const trajectoryValue = trajectoryAt(target, year);
  if (atLeastAsGood(value, targetValue, direction)) return { status: 'met', targetValue, trajectoryValue };
  if (year < target.targetYear && atLeastAsGood(value, trajectoryValue, direction)) return { status: 'on_track', targetValue, trajectoryValue };
  return { status: 'off_track', targetValue, trajectoryValue };
}
