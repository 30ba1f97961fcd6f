/**
 * The KPI module's vocabulary (issue 12, docs/kpis.md): the indicators the API answers, the scopes
 * and periods they are computed for, the park's accounting settings, and the records its parts
 * pass to each other. Pure: no I/O.
 */
import type { KpiInputs } from './result.ts';
import type { Status } from './targets.ts';

/** Every indicator `GET /api/v1/kpis` answers, in the order the console and the report show them. */
export const KPI_KEYS = [
  'solid_waste_utilization_rate',
  'solid_waste_identity_residual_t',
  'hazardous_waste_utilization_rate',
  'hazardous_waste_safe_disposal_rate',
  'energy_tce',
  'energy_intensity_tce_per_10k_cny',
  'energy_tce_per_t_product',
  'water_intake_m3',
  'water_intensity_m3_per_10k_cny',
  'water_reuse_rate',
  'co2_scope1_t',
  'co2_scope2_t',
  'carbon_intensity_t_per_10k_cny',
  'co2_avoided_by_exchanges_t',
  'cti_circular_inflow',
  'cti_circular_outflow',
  'mci_products',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** The headline indicators the cockpit shows first. */
export const HEADLINE_KPIS: readonly KpiKey[] = ['solid_waste_utilization_rate', 'energy_intensity_tce_per_10k_cny', 'water_intensity_m3_per_10k_cny', 'carbon_intensity_t_per_10k_cny', 'co2_scope1_t', 'cti_circular_inflow'];

export const KPI_SCOPES = ['park', 'enterprise', 'unit'] as const;
export type KpiScope = (typeof KPI_SCOPES)[number];

/**
 * What a KPI is computed over: the park (every non-boundary node), an enterprise (its enterprise
 * node and every node it owns, boundary nodes excepted) or a unit (a unit node and the nodes that
 * roll up to it). `code`: the enterprise's registry code, or the unit's flow-node code.
 */
export interface ScopeRef {
  scope: KpiScope;
  code: string | null;
}

/**
 * How the park accounts (one record per park; the park administrator sets it):
 * - electricityBasis: GB/T 2589 当量值 (`equivalent`, 0.1229 kgce/kWh) or 等价值 (`equal_value`,
 *   `electricityEqualValueKgcePerKWh`, the year's published thermal power supply coal rate);
 * - combustionSet: IPCC 2006 defaults or the 2013 Chinese chemical-industry guideline's method;
 * - gridFactorTCO2PerMWh: the grid factor for purchased electricity (MEE's national average);
 * - heatFactorTCO2PerGJ: purchased heat and steam (guideline default 0.11);
 * - oxidationFactors: the guideline's carbon oxidation rate per fuel material (default by phase);
 * - avoidedFactors: t CO2 avoided per unit of a material moved between enterprises (an exchange)
 *   instead of virgin material and disposal; only what the park states is counted;
 * - circularity: per product or stream material, the CTI recovery potential and actual recovery
 *   at its end of use, its recycled content, and the MCI's data where known;
 * - waterIntakeMaterials / waterReusedMaterials: which materials are water taken in and water reused.
 */
export interface KpiSettings {
  electricityBasis: 'equivalent' | 'equal_value';
  electricityEqualValueKgcePerKWh: number | null;
  combustionSet: 'ipcc2006' | 'cn_chem_2013';
  gridFactorTCO2PerMWh: number;
  heatFactorTCO2PerGJ: number;
  oxidationFactors: Record<string, number>;
  avoidedFactors: Record<string, number>;
  circularity: Record<string, MaterialCircularity>;
  waterIntakeMaterials: string[];
  waterReusedMaterials: string[];
}

export interface MaterialCircularity {
  /** CTI: share of the stream that can be recovered at end of use, 0..1. */
  recoveryPotential?: number;
  /** CTI: share of it actually recovered, 0..1. */
  actualRecovery?: number;
  /** CTI inflow: recycled or second-life share of the material when bought, 0..1. */
  recycledContent?: number;
  /** MCI (Ellen MacArthur Foundation): feedstock and end-of-use fractions, efficiencies, utility. */
  mci?: {
    recycledFeedstock: number;
    reusedFeedstock: number;
    recyclingEfficiencyFeedstock?: number;
    collectedForRecycling: number;
    collectedForReuse: number;
    recyclingEfficiencyEndOfUse?: number;
    lifetimeRatio: number;
    intensityRatio: number;
  };
}

/** The settings a park starts with: the national figures the issue names. */
export const DEFAULT_KPI_SETTINGS: KpiSettings = {
  electricityBasis: 'equivalent',
  electricityEqualValueKgcePerKWh: null,
  combustionSet: 'cn_chem_2013',
  // MEE & NBS, 2022 national average grid factor (published 2024-12): 0.5366 t CO2/MWh.
  gridFactorTCO2PerMWh: 0.5366,
  heatFactorTCO2PerGJ: 0.11,
  oxidationFactors: {},
  avoidedFactors: {},
  circularity: {},
  waterIntakeMaterials: ['INDUSTRIAL_WATER', 'DEMIN_WATER'],
  waterReusedMaterials: ['TREATED_WATER', 'COOLING_WATER'],
};

/**
 * What an enterprise (or one of its units) states for a period: its industrial value added in
 * 10,000 CNY (万元, current prices), its production of its main product. A quarter or a year sums
 * its months where the year itself is not stated.
 */
export interface PeriodInput {
  enterpriseId: number;
  /** Null: the enterprise as a whole; else a unit's flow node. */
  nodeId: number | null;
  /** 'YYYY-MM' or 'YYYY'. */
  period: string;
  valueAdded10kCny: number | null;
  productionT: number | null;
  mainProduct: string | null;
}

/** A target as stored: the park's (enterpriseId null) or an enterprise's, for one indicator. */
export interface KpiTargetRecord {
  id: number;
  enterpriseId: number | null;
  key: KpiKey;
  kind: 'absolute' | 'reduction';
  /** Absolute: the bound; reduction: null. */
  value: number | null;
  /** Reduction: the percent cut from the base year's value; absolute: null. */
  percent: number | null;
  baseYear: number;
  /** Null: computed from the ledger's base year. */
  baseValue: number | null;
  targetYear: number;
}

/** One indicator of one scope and period, as computed from the ledger (before comparisons). */
export interface KpiValue {
  key: KpiKey;
  value: number | null;
  unit: string;
  inputs: KpiInputs;
  /** Empty when value is a number; else the inputs that were missing (never a silent 0). */
  missing: string[];
}

/** One item of `GET /api/v1/kpis` (issue 12 fixes key, value, unit, inputs, previous, target, status). */
export interface KpiItem extends KpiValue {
  /** The previous period's value (the month, quarter or year before). */
  previous: number | null;
  previousPeriod: string;
  /** The same period a year before. */
  lastYear: number | null;
  lastYearPeriod: string;
  /** The target's value for its target year, when a target is set. */
  target: number | null;
  targetKind: 'absolute' | 'reduction' | null;
  targetYear: number | null;
  baseYear: number | null;
  baseValue: number | null;
  /** Where the straight path from the base year to the target puts this period's year. */
  trajectory: number | null;
  status: Status | 'no_value';
}

/** A flow's part in an indicator: which term of the formula it counts in (the drill-down). */
export interface KpiContribution {
  flowId: number;
  term: string;
  /** In the term's unit (t, tce, m3, t CO2). */
  amount: number;
}

/** What the KPIs need of a catalogue material (src/modules/registry/catalogue, docs/catalogue.md). */
export interface KpiMaterial {
  code: string;
  name: string;
  nameEn: string | null;
  /** raw_material | product | intermediate | by_product | waste | energy_carrier | utility */
  category: string;
  hazardous: boolean;
  unit: string;
  swCode: string | null;
  hwCode: string | null;
  densityKgM3: number | null;
  lhvMJPerUnit: number | null;
  lhvMJPerKg: number | null;
  kgcePerUnit: number | null;
  emissionFactorKgCO2ePerUnit: number | null;
  carbonContentKgCPerKg: number | null;
}

/**
 * A scope resolved against the ledger's nodes: `key` is 'park', `e:<enterpriseId>` or
 * `n:<nodeId>` (a unit node); `nodeIds` the nodes inside it.
 */
export interface ResolvedScope {
  key: string;
  scope: KpiScope;
  code: string;
  name: string;
  nameEn: string | null;
  enterpriseId: number | null;
  nodeIds: ReadonlySet<number>;
}

/** The stated figures of one scope for one period (already summed over its months). */
export interface ScopeFigures {
  valueAdded10kCny: number | null;
  productionT: number | null;
  mainProduct: string | null;
  /** Codes of the enterprises whose figure a sum (the park's) lacks; such a sum is null. */
  missingFrom?: string[];
}

/**
 * A flow as the KPIs read it: a ledger flow, or the sum of `rows` flows of one link, recorder,
 * unit and month (the KPIs are linear in flows; FlowLedgerService.readLedgerTotals).
 */
export type KpiFlow = Pick<import('../flows/model.ts').LedgerFlow, 'id' | 'enterpriseId' | 'grain' | 'period' | 'fromNodeId' | 'toNodeId' | 'materialCode' | 'quantity' | 'unit'> & { rows?: number };
/** A stock row (or rows summed) as the KPIs read it: its change is all they use. */
export type KpiStock = Pick<import('../flows/model.ts').LedgerStock, 'nodeId' | 'materialCode' | 'opening' | 'closing' | 'unit'>;

/** Everything one period's KPIs are computed from. Pure data. */
export interface KpiComputeInput {
  period: string;
  nodes: readonly import('../flows/model.ts').LedgerNode[];
  /** The period's flows (of any grain within it) the caller may see. */
  flows: readonly KpiFlow[];
  stocks: readonly KpiStock[];
  materials: ReadonlyMap<string, KpiMaterial>;
  settings: KpiSettings;
  /** By ResolvedScope.key; a scope absent here has no stated figures. */
  figures: ReadonlyMap<string, ScopeFigures>;
}
