/**
 * The exchange settings as the form edits them: the virgin materials as rows (material, price, CO2)
 * rather than a record keyed by code, so that rows can be added and removed. Pure: no I/O.
 */
import type { CostAndCarbon, ExchangeSettings } from '../../../../src/modules/exchange/model.ts';

export interface VirginRow {
  material?: string;
  cnyPerUnit?: number | null;
  kgCo2PerUnit?: number | null;
}

export type SettingsFormValues = Omit<ExchangeSettings, 'virgin'> & { virgin: VirginRow[] };

export function toFormValues(s: ExchangeSettings): SettingsFormValues {
  return { ...s, virgin: Object.entries(s.virgin).sort(([a], [b]) => a.localeCompare(b)).map(([material, v]) => ({ material, cnyPerUnit: v.cnyPerUnit, kgCo2PerUnit: v.kgCo2PerUnit })) };
}

const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The settings the API takes; a row without a material is dropped, and the last row of a material wins. */
export function fromFormValues(v: SettingsFormValues): ExchangeSettings {
  const virgin: Record<string, CostAndCarbon> = {};
  for (const r of v.virgin ?? []) if (r?.material) virgin[r.material] = { cnyPerUnit: num(r.cnyPerUnit), kgCo2PerUnit: num(r.kgCo2PerUnit) };
  return { carbonPriceCnyPerT: v.carbonPriceCnyPerT, roadFactor: v.roadFactor, transport: v.transport, disposal: v.disposal, virgin };
}
