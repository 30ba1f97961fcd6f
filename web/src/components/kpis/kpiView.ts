/**
 * How the console shows an indicator: its group on the dashboard, the change against an earlier
 * value (and whether that change is good), the names of missing inputs as words. Pure: no I/O.
 */
import { KPI_DIRECTION, KPI_KEYS, type KpiKey, type KpiStatus } from '../../api/kpiShapes';

export const KPI_GROUPS = ['waste', 'energyWater', 'carbon', 'circularity'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

const GROUP_OF: Record<KpiKey, KpiGroup> = {
  solid_waste_utilization_rate: 'waste',
  solid_waste_identity_residual_t: 'waste',
  hazardous_waste_utilization_rate: 'waste',
  hazardous_waste_safe_disposal_rate: 'waste',
  energy_tce: 'energyWater',
  energy_intensity_tce_per_10k_cny: 'energyWater',
  energy_tce_per_t_product: 'energyWater',
  water_intake_m3: 'energyWater',
  water_intensity_m3_per_10k_cny: 'energyWater',
  water_reuse_rate: 'energyWater',
  co2_scope1_t: 'carbon',
  co2_scope2_t: 'carbon',
  carbon_intensity_t_per_10k_cny: 'carbon',
  co2_avoided_by_exchanges_t: 'carbon',
  cti_circular_inflow: 'circularity',
  cti_circular_outflow: 'circularity',
  mci_products: 'circularity',
};

export const groupOf = (key: string): KpiGroup | undefined => GROUP_OF[key as KpiKey];

/** Items by group, each group in KPI_KEYS order; keys the console does not know go last, as they come. */
export function groupItems<T extends { key: string }>(items: readonly T[]): { group: KpiGroup | 'other'; items: T[] }[] {
  const order = new Map<string, number>(KPI_KEYS.map((k, i) => [k, i]));
  const sorted = [...items].sort((a, b) => (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity));
  const groups: { group: KpiGroup | 'other'; items: T[] }[] = [...KPI_GROUPS, 'other' as const].map((group) => ({ group, items: [] }));
  for (const item of sorted) groups.find((g) => g.group === (groupOf(item.key) ?? 'other'))!.items.push(item);
  return groups.filter((g) => g.items.length > 0);
}

export type Trend = 'better' | 'worse' | 'same' | 'neutral';

/**
 * The change from `before` to `now`: the difference, the relative change in % (null when `before`
 * is 0), and whether it is better or worse for this indicator ('neutral' when it has no good
 * direction, e.g. the identity's residual). Null when either is missing.
 */
export function changeOf(key: string, now: number | null, before: number | null): { diff: number; percent: number | null; trend: Trend } | null {
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) return null;
  const diff = now - before;
  const percent = before === 0 ? null : (diff / Math.abs(before)) * 100;
  const direction = KPI_DIRECTION[key];
  const trend: Trend = diff === 0 ? 'same' : !direction ? 'neutral' : (diff < 0) === (direction === 'lower_is_better') ? 'better' : 'worse';
  return { diff, percent, trend };
}

/** A status's tag colour (antd preset). */
export const STATUS_COLOR: Record<KpiStatus, string> = {
  met: 'success',
  on_track: 'processing',
  off_track: 'error',
  no_target: 'default',
  no_value: 'warning',
};

/**
 * A missing input's name split into what the console can translate and the rest: `"value_added_10k_cny > 0"`
 * → `{ name: 'value_added_10k_cny', positive: true }`; `"PVC_RESIN.F_R"` → name `F_R`, of `PVC_RESIN`.
 */
export function readMissing(raw: string): { name: string; of: string | null; positive: boolean; raw: string } {
  const positive = / > 0$/.test(raw);
  const bare = raw.replace(/ > 0$/, '').replace(/\s*\(.*\)$/, '');
  const dot = bare.lastIndexOf('.');
  return dot > 0 ? { name: bare.slice(dot + 1), of: bare.slice(0, dot), positive, raw } : { name: bare, of: null, positive, raw };
}

/** A key safe to look up in the translations (no dots, spaces or brackets). */
export const translatableName = (name: string) => /^[A-Za-z][\w-]*$/.test(name);
