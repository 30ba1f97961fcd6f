/**
 * The park's accounting settings as a form holds them and back: the maps by material (oxidation
 * rates, avoided factors, circularity data) as lists of rows, since a form edits rows, not keys.
 * Pure: no I/O.
 */
import type { KpiSettings, MaterialCircularity } from '../../api/kpiShapes';

type Mci = NonNullable<MaterialCircularity['mci']>;

export interface FactorRow {
  material: string;
  factor: number;
}

export interface CircularityRow {
  material: string;
  recoveryPotential?: number | null;
  actualRecovery?: number | null;
  recycledContent?: number | null;
  /** Whether the row states the MCI's data (then every required MCI figure is asked for). */
  hasMci: boolean;
  mci?: Partial<Mci>;
}

export interface SettingsFormValues extends Omit<KpiSettings, 'oxidationFactors' | 'avoidedFactors' | 'circularity'> {
  oxidationFactors: FactorRow[];
  avoidedFactors: FactorRow[];
  circularity: CircularityRow[];
}

const rowsOf = (m: Record<string, number>): FactorRow[] => Object.entries(m).map(([material, factor]) => ({ material, factor }));
const mapOf = (rows: readonly (FactorRow | undefined)[]): Record<string, number> =>
  Object.fromEntries(rows.filter((r): r is FactorRow => !!r?.material && typeof r.factor === 'number').map((r) => [r.material, r.factor]));

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function toFormValues(s: KpiSettings): SettingsFormValues {
  return {
    ...s,
    oxidationFactors: rowsOf(s.oxidationFactors),
    avoidedFactors: rowsOf(s.avoidedFactors),
    circularity: Object.entries(s.circularity).map(([material, c]) => ({
      material,
      recoveryPotential: c.recoveryPotential ?? null,
      actualRecovery: c.actualRecovery ?? null,
      recycledContent: c.recycledContent ?? null,
      hasMci: !!c.mci,
      mci: c.mci ? { ...c.mci } : undefined,
    })),
  };
}

export function fromFormValues(v: SettingsFormValues): KpiSettings {
  const circularity: Record<string, MaterialCircularity> = {};
  for (const r of v.circularity ?? []) {
    if (!r?.material) continue;
    const c: MaterialCircularity = {};
    if (present(r.recoveryPotential)) c.recoveryPotential = r.recoveryPotential;
    if (present(r.actualRecovery)) c.actualRecovery = r.actualRecovery;
    if (present(r.recycledContent)) c.recycledContent = r.recycledContent;
    if (r.hasMci && r.mci) {
      const m = r.mci;
      const mci = {
        recycledFeedstock: m.recycledFeedstock ?? 0,
        reusedFeedstock: m.reusedFeedstock ?? 0,
        collectedForRecycling: m.collectedForRecycling ?? 0,
        collectedForReuse: m.collectedForReuse ?? 0,
        lifetimeRatio: m.lifetimeRatio ?? 1,
        intensityRatio: m.intensityRatio ?? 1,
      } as Mci;
      if (present(m.recyclingEfficiencyFeedstock)) mci.recyclingEfficiencyFeedstock = m.recyclingEfficiencyFeedstock;
      if (present(m.recyclingEfficiencyEndOfUse)) mci.recyclingEfficiencyEndOfUse = m.recyclingEfficiencyEndOfUse;
      c.mci = mci;
    }
    circularity[r.material] = c;
  }
  return {
    electricityBasis: v.electricityBasis,
    electricityEqualValueKgcePerKWh: v.electricityBasis === 'equal_value' && present(v.electricityEqualValueKgcePerKWh) ? v.electricityEqualValueKgcePerKWh : v.electricityBasis === 'equal_value' ? null : (v.electricityEqualValueKgcePerKWh ?? null),
    combustionSet: v.combustionSet,
    gridFactorTCO2PerMWh: v.gridFactorTCO2PerMWh,
    heatFactorTCO2PerGJ: v.heatFactorTCO2PerGJ,
    oxidationFactors: mapOf(v.oxidationFactors ?? []),
    avoidedFactors: mapOf(v.avoidedFactors ?? []),
    circularity,
    waterIntakeMaterials: [...(v.waterIntakeMaterials ?? [])],
    waterReusedMaterials: [...(v.waterReusedMaterials ?? [])],
  };
}
