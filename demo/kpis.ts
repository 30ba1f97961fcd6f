/**
 * The demo park's green-KPI data (issue 12, docs/demo-park.md): what its enterprises state each
 * month (industrial value added, production of the main product), the park's accounting settings
 * (grid factor, avoided-emission factors of its exchanges, circularity of its products) and the
 * targets of the park and of each enterprise. Everything else a KPI needs comes from the year of
 * flows of demo/flows.ts.
 *
 * How the numbers are made: a month's production is what the flows of that month carry of the
 * enterprise's main product out of its units (so it moves with the ledger's seasonality and meter
 * noise); its value added is that production × a value added per tonne (`DEMO_OUTPUT`), a round
 * figure for the product at current prices, marked illustrative: the demo's enterprises are made
 * up, and a real one states its own figure from its accounts.
 *
 * Pure except `loadDemoKpis`, which writes through the KPI service as the park and its enterprises.
 */
import type { Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import { DEFAULT_KPI_SETTINGS, type KpiKey, type KpiSettings, type KpiValue, type MaterialCircularity } from '../src/modules/kpi/model.ts';
import { loadCatalogue } from '../src/modules/registry/catalogue/catalogue.ts';
import { demoFlowMonths, demoFlowRows, type DemoFlowRow } from './flows.ts';
import { demoPark, type DemoPark } from './park.ts';

// ---------------------------------------------------------------------------------------------
// What each enterprise makes and what a tonne of it adds.

export interface DemoOutput {
  enterprise: string;
  /** The catalogue code stated as the main product (kpi_inputs.main_product). */
  mainProduct: string;
  /** The materials whose flows out of the enterprise's units count as its production (the main product and its siblings). */
  counts: readonly string[];
  /** Whether production is read from what enters the enterprise (a refinery states crude processed, 原油加工量). */
  throughput?: boolean;
  /** Industrial value added (工业增加值, current prices) per t of production, CNY. Illustrative. */
  valueAddedCnyPerT: number;
  /** Why that figure. */
  basis: string;
}

/**
 * Value added per tonne: price less the materials, energy and services bought (so about wages,
 * depreciation, taxes on production and profit), as round figures in the range Chinese producers
 * of these products report; illustrative, not any company's accounts.
 */
export const DEMO_OUTPUT: readonly DemoOutput[] = [
  { enterprise: 'chloralkali', mainProduct: 'CAUSTIC_SODA', counts: ['CAUSTIC_SODA'], valueAddedCnyPerT: 350, basis: '32 % caustic soda liquor; the chlorine, hydrogen and acid sold with it carried in the figure (about 1 100 CNY per t of 100 % NaOH)' },
  { enterprise: 'pvc', mainProduct: 'PVC_RESIN', counts: ['PVC_RESIN'], valueAddedCnyPerT: 900, basis: 'suspension PVC at about 6 000 CNY/t, 15 % value added' },
  { enterprise: 'refinery', mainProduct: 'CRUDE_OIL', counts: ['CRUDE_OIL'], throughput: true, valueAddedCnyPerT: 1_000, basis: 'per t of crude processed: a refinery with an ethylene cracker, the fuels consumption tax included, as 工业增加值 counts taxes on production' },
  { enterprise: 'polyolefin', mainProduct: 'PE_PELLETS', counts: ['PE_PELLETS', 'PP_PELLETS'], valueAddedCnyPerT: 650, basis: 'PE and PP pellets at about 8 000 CNY/t, polymerization adding 8 %' },
  { enterprise: 'phosphate', mainProduct: 'MAP', counts: ['MAP'], valueAddedCnyPerT: 600, basis: 'monoammonium phosphate at about 3 000 CNY/t, 20 % value added (its sulfuric acid made on site)' },
  { enterprise: 'cement', mainProduct: 'CEMENT', counts: ['CEMENT', 'GYPSUM_BUILDING'], valueAddedCnyPerT: 110, basis: 'cement at about 350 CNY/t, 30 % value added; the phosphogypsum plaster counted with it' },
  { enterprise: 'chp', mainProduct: 'STEAM_LP', counts: ['STEAM_LP'], valueAddedCnyPerT: 260, basis: 'the plant\'s value added (power sold at about 0.4 CNY/kWh and steam, less coal) per t of steam delivered to the park' },
  { enterprise: 'recycler', mainProduct: 'RECYCLED_PE_PELLETS', counts: ['RECYCLED_PE_PELLETS'], valueAddedCnyPerT: 1_200, basis: 'recycled PE pellets at about 6 000 CNY/t from bought waste plastics' },
  { enterprise: 'pharma', mainProduct: 'API_PRODUCT', counts: ['API_PRODUCT'], valueAddedCnyPerT: 150_000, basis: 'an active pharmaceutical ingredient at about 400 CNY/kg, 40 % value added' },
  { enterprise: 'solvrec', mainProduct: 'RECOVERED_SOLVENT', counts: ['RECOVERED_SOLVENT'], valueAddedCnyPerT: 2_500, basis: 'solvent recovery and hazardous-waste incineration fees, per t of solvent returned' },
  { enterprise: 'wwtp', mainProduct: 'TREATED_WATER', counts: ['TREATED_WATER'], valueAddedCnyPerT: 2, basis: 'the treatment fee\'s value added per m3 (= t) of water treated' },
];

const catalogue = new Map(loadCatalogue().materials.map((m) => [m.code, m]));

/** Tonnes in one unit of a row's quantity, for the units production is stated in. */
function tonnesPerUnit(unit: string, material: string): number {
  if (unit === 't') return 1;
  if (unit === 'kg') return 0.001;
  const density = catalogue.get(material)?.densityKgM3;
  if (unit === 'm3') return density ? density / 1000 : 1; // water: 1 t per m3
  throw new Error(`the demo cannot state production of ${material} in ${unit}`);
}

/** Which enterprise each unit node belongs to. */
function unitOwners(park: DemoPark): Map<string, string> {
  const owners = new Map<string, string>();
  for (const e of park.enterprises) for (const site of e.sites) for (const u of site.units) owners.set(u.code, e.code);
  return owners;
}

/** One month's statement of one enterprise, as `kpi_inputs` holds it (by enterprise code). */
export interface DemoKpiInput {
  enterprise: string;
  period: string;
  valueAdded10kCny: number;
  productionT: number;
  mainProduct: string;
  note: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * What every enterprise states for each month: production read from the month's recorded flows
 * (what leaves its units of the products it counts, or for a refinery what enters them of crude),
 * value added from it.
 */
export function demoKpiInputs(months: readonly string[], rows: readonly DemoFlowRow[] = demoFlowRows(months), park: DemoPark = demoPark): DemoKpiInput[] {
  const owners = unitOwners(park);
  const produced = new Map<string, number>();
  const key = (enterprise: string, period: string) => `${enterprise}|${period}`;
  const outputs = new Map(DEMO_OUTPUT.map((o) => [o.enterprise, o]));
  for (const r of rows) {
    const from = owners.get(r.from);
    const to = owners.get(r.to);
    // Out of the enterprise's units to anywhere outside it; into them from outside for a throughput.
    for (const [enterprise, leaving] of [[from, true], [to, false]] as const) {
      if (!enterprise || from === to) continue;
      const o = outputs.get(enterprise);
      if (!o || !o.counts.includes(r.material) || leaving === !!o.throughput) continue;
      produced.set(key(enterprise, r.period), (produced.get(key(enterprise, r.period)) ?? 0) + r.quantity * tonnesPerUnit(r.unit, r.material));
    }
  }
  const inputs: DemoKpiInput[] = [];
  for (const o of DEMO_OUTPUT) {
    for (const period of months) {
      const t = produced.get(key(o.enterprise, period));
      if (t === undefined) throw new Error(`the demo flows of ${period} carry none of ${o.enterprise}'s ${o.counts.join(', ')}`);
      inputs.push({
        enterprise: o.enterprise, period, productionT: round1(t), valueAdded10kCny: round1((t * o.valueAddedCnyPerT) / 10_000), mainProduct: o.mainProduct,
        note: `demo: ${o.throughput ? 'throughput' : 'production'} from the month's flows × ${o.valueAddedCnyPerT} CNY/t value added (illustrative: ${o.basis})`,
      });
    }
  }
  return inputs;
}

// ---------------------------------------------------------------------------------------------
// The park's accounting settings.

/** CO2 released per t of Ca calcined from carbonate: CaCO3 → CaO + CO2, 44.009 / 40.078. */
const CO2_PER_CA = 44.009 / 40.078;

/**
 * t CO2 avoided per unit of a material exchanged between the park's enterprises instead of the
 * virgin material it replaces. Only these exchanges are counted (docs/kpis.md: never netted in).
 */
export const DEMO_AVOIDED_FACTORS: Record<string, number> = {
  // Carbide slag (Ca(OH)2) in the raw meal instead of limestone: its calcium reaches the clinker
  // without the CO2 a carbonate releases. Stoichiometry at the catalogue's Ca share (0.5409, dry):
  // 0.5409 × 44.009/40.078 = 0.594 t CO2/t, i.e. 1.35 t of CaCO3-equivalent at 0.44 t CO2/t CaCO3
  // (the calcination factor of IPCC 2006 Vol. 3 Ch. 2 and of China's cement GHG guideline).
  CARBIDE_SLAG: Math.round((catalogue.get('CARBIDE_SLAG')?.composition?.Ca?.fraction ?? 0.5409) * CO2_PER_CA * 1000) / 1000,
  // By-product gypsum instead of mined natural gypsum (the cement mill's retarder, the plaster line):
  // Fort & Černý, "Carbon footprint analysis of calcined gypsum production in the Czech Republic",
  // J. Cleaner Production 177 (2018) 795–802: FGD gypsum 105.3 kg CO2/t of calcined gypsum, 25.2 %
  // below natural gypsum (≈140.8), so ≈0.035 t CO2/t avoided. Phosphogypsum needs washing first; the
  // same figure is used for it, an upper bound.
  PHOSPHOGYPSUM: 0.035,
  FGD_GYPSUM: 0.035,
  // Chlor-alkali by-product hydrogen instead of hydrogen from steam methane reforming at the
  // refinery: IEA, The Future of Hydrogen (2019), unabated natural-gas hydrogen ≈ 9 kg CO2/kg H2;
  // × 0.0899 kg/Nm3 = 0.00081 t CO2 per Nm3.
  HYDROGEN_BYPRODUCT: 0.00081,
  // Recycled PE pellets instead of virgin PE in the packaging line: Hopewell, Dvorak & Kosior,
  // "Plastics recycling: challenges and opportunities", Phil. Trans. R. Soc. B 364 (2009) 2115–2126,
  // table 3: virgin HDPE 1.9 t CO2e/t cradle to gate, recycled plastics typically 1.4: 0.5 t/t
  // (a conservative figure; recent recyclers claim more).
  RECYCLED_PE_PELLETS: 0.5,
  // Not counted: fly and bottom ash go to this demo's raw meal as a clay substitute (no carbonate
  // replaced), not to the cement mill as a clinker substitute, so the clinker factor (≈0.86 t/t)
  // would overstate them; recovered solvent and waste heat have no cited factor here.
};

/**
 * CTI and MCI data of the materials leaving the park (products, by-products, wastes), and the
 * recycled content of what it buys. Recovery potential: share of the stream technically recoverable
 * at its end of use; actual recovery: share of it recovered today. Illustrative unless a source is
 * named: round figures from the product's use, the fuels and chemicals consumed in use scoring 0.
 */
export const DEMO_CIRCULARITY: Record<string, MaterialCircularity> = {
  // Dissipative in use (neutralized, reacted, burnt, spread on fields, taken as medicine).
  CAUSTIC_SODA: { recoveryPotential: 0, actualRecovery: 0 },
  HYDROCHLORIC_ACID: { recoveryPotential: 0, actualRecovery: 0 },
  SODIUM_HYPOCHLORITE: { recoveryPotential: 0, actualRecovery: 0 },
  DIESEL: { recoveryPotential: 0, actualRecovery: 0 },
  GASOLINE: { recoveryPotential: 0, actualRecovery: 0 },
  FUEL_OIL: { recoveryPotential: 0, actualRecovery: 0 },
  LPG: { recoveryPotential: 0, actualRecovery: 0 },
  MAP: { recoveryPotential: 0, actualRecovery: 0 },
  API_PRODUCT: { recoveryPotential: 0, actualRecovery: 0 },
  ELECTRICITY: { recoveryPotential: 0, actualRecovery: 0 },
  // Thermoplastics: recyclable by design; China recycles about 30 % of its waste plastics (China
  // National Resources Recycling Association's yearly figures put it near 30 % in 2020–2022), PVC less.
  PE_PELLETS: { recoveryPotential: 0.9, actualRecovery: 0.3, mci: { recycledFeedstock: 0, reusedFeedstock: 0, collectedForRecycling: 0.3, collectedForReuse: 0, recyclingEfficiencyEndOfUse: 0.8, lifetimeRatio: 1, intensityRatio: 1 } },
  PP_PELLETS: { recoveryPotential: 0.9, actualRecovery: 0.3, mci: { recycledFeedstock: 0, reusedFeedstock: 0, collectedForRecycling: 0.3, collectedForReuse: 0, recyclingEfficiencyEndOfUse: 0.8, lifetimeRatio: 1, intensityRatio: 1 } },
  RECYCLED_PE_PELLETS: { recoveryPotential: 0.9, actualRecovery: 0.3, recycledContent: 1, mci: { recycledFeedstock: 1, reusedFeedstock: 0, recyclingEfficiencyFeedstock: 0.86, collectedForRecycling: 0.3, collectedForReuse: 0, recyclingEfficiencyEndOfUse: 0.8, lifetimeRatio: 1, intensityRatio: 1 } },
  PVC_RESIN: { recoveryPotential: 0.9, actualRecovery: 0.15, mci: { recycledFeedstock: 0, reusedFeedstock: 0, collectedForRecycling: 0.15, collectedForReuse: 0, recyclingEfficiencyEndOfUse: 0.8, lifetimeRatio: 1, intensityRatio: 1 } },
  // Monomers sold to polymer plants elsewhere: the polymers' figures, less what the chemistry loses.
  ETHYLENE: { recoveryPotential: 0.8, actualRecovery: 0.25 },
  PROPYLENE: { recoveryPotential: 0.8, actualRecovery: 0.25 },
  // Building materials: concrete and plaster crushed to aggregate and fill at demolition.
  CEMENT: { recoveryPotential: 0.9, actualRecovery: 0.4 },
  GYPSUM_BUILDING: { recoveryPotential: 0.9, actualRecovery: 0.1 },
  // Wastes leaving the park: what could be used, and what is (landfilled, stored: nothing).
  WASTE_PLASTICS: { recoveryPotential: 0.5, actualRecovery: 0, recycledContent: 1 },
  INCINERATION_BOTTOM_ASH: { recoveryPotential: 0.5, actualRecovery: 0 },
  PHOSPHOGYPSUM: { recoveryPotential: 1, actualRecovery: 0 },
};

/** The demo park's settings: the national defaults, the factors above, and the Chinese chemical-industry guideline. */
export function demoKpiSettings(): KpiSettings {
  return {
    ...DEFAULT_KPI_SETTINGS,
    combustionSet: 'cn_chem_2013',
    // MEE & NBS, 2022 national average grid emission factor (published 2024-12).
    gridFactorTCO2PerMWh: 0.5366,
    avoidedFactors: { ...DEMO_AVOIDED_FACTORS },
    circularity: { ...DEMO_CIRCULARITY },
  };
}

// ---------------------------------------------------------------------------------------------
// Targets.

/**
 * The park's five-year plan, written as China's 14th Five-Year Plan wrote its national ones and at
 * their rates (MIIT,《"十四五"工业绿色发展规划》, 工信部规〔2021〕178号, 2021-11: by 2025 from 2020,
 * energy per unit of industrial value added −13.5 %, CO2 per unit −18 %, water per unit −16 %;
 * industrial by-product gypsum, the park's main solid waste, utilized at 73 % — 专栏4; bulk
 * industrial solid waste 57 %). The demo moves the window to its own dates: the base is the year
 * before its latest month, the target five years on.
 */
export interface DemoTarget {
  key: KpiKey;
  kind: 'absolute' | 'reduction';
  value: number | null;
  percent: number | null;
  /**
   * Reductions: how much better than the base year the ledger's figures are (the base value is the
   * ledger's figure scaled by 1 + this), an assumed history the demo states; illustrative. Chosen
   * so that the park is on track for energy and carbon (the straight path asks for 2.7 % and 3.6 %
   * a year) and behind on water (3.2 % a year), whatever the load date.
   */
  improvedSinceBase?: number;
  note: string;
}

const PLAN = 'MIIT 《"十四五"工业绿色发展规划》 (2021)';
export const DEMO_TARGETS: readonly DemoTarget[] = [
  { key: 'energy_intensity_tce_per_10k_cny', kind: 'reduction', value: null, percent: 13.5, improvedSinceBase: 0.07, note: `−13.5 % in five years, the rate of ${PLAN}` },
  { key: 'carbon_intensity_t_per_10k_cny', kind: 'reduction', value: null, percent: 18, improvedSinceBase: 0.08, note: `−18 % in five years, the rate of ${PLAN}` },
  { key: 'water_intensity_m3_per_10k_cny', kind: 'reduction', value: null, percent: 16, improvedSinceBase: 0.03, note: `−16 % in five years, the rate of ${PLAN} and of MIIT's 2022 industrial water-efficiency plan` },
  { key: 'solid_waste_utilization_rate', kind: 'absolute', value: 73, percent: null, note: `73 %: by-product gypsum utilization by 2025 in ${PLAN}, 专栏4` },
];

/**
 * The latest quarter whose three months are all among `months` (the demo's twelve always hold
 * three): the figure a reduction's base value is scaled from, a whole period of stated inputs
 * (the calendar year of the latest month lacks the months still to come).
 */
export function latestCompleteQuarter(months: readonly string[]): string | null {
  const have = new Set(months);
  for (const m of [...months].sort().reverse()) {
    const month = Number(m.slice(5, 7));
    if (month % 3 !== 0) continue;
    const year = m.slice(0, 4);
    const first = month - 2;
    if ([first, first + 1].every((x) => have.has(`${year}-${String(x).padStart(2, '0')}`))) return `${year}-Q${month / 3}`;
  }
  return null;
}

/** The base and target years of the demo's plan for a load whose latest month is `latestMonth`. */
export function demoTargetYears(latestMonth: string): { baseYear: number; targetYear: number } {
  const baseYear = Number(latestMonth.slice(0, 4)) - 1;
  return { baseYear, targetYear: baseYear + 5 };
}

/** A reduction's base value from the ledger's figure of the latest year. */
export function demoBaseValue(target: DemoTarget, ledgerValue: number): number {
  return Math.round(ledgerValue * (1 + (target.improvedSinceBase ?? 0)) * 10_000) / 10_000;
}

// ---------------------------------------------------------------------------------------------
// Loading.

export interface DemoKpisReport {
  /** Months of inputs imported (each enterprise's row upserted). */
  inputs: number;
  /** Targets written by this load (a target already set is left as it is). */
  targets: number;
  /** Whether the settings were written (a park that has settings keeps them). */
  settings: boolean;
}

/** The inputs as the KPI inputs CSV (`POST /api/v1/kpi-inputs/import`) states them. */
export function demoKpiInputsCsv(inputs: readonly DemoKpiInput[]): string {
  const lines = ['enterprise,unit,period,value_added_10k_cny,production_t,main_product'];
  for (const i of inputs) lines.push([i.enterprise, '', i.period, i.valueAdded10kCny, i.productionT, i.mainProduct].join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the demo's KPI data through the KPI service as the park operator would: the settings
 * (unless the park has its own), every enterprise's inputs for the months of the demo's flows (an
 * upsert: a re-run refreshes them), and the targets not yet set. A reduction's base value is the
 * ledger's figure of the latest complete quarter scaled by the stated improvement since the base
 * year, so the base year, before most of the ledger's months, has a value.
 */
export async function loadDemoKpis(services: Services, now: Date = new Date(), park: DemoPark = demoPark, opts: { refreshInputs?: boolean } = {}): Promise<DemoKpisReport> {
  const ctx = systemContext('demo-loader');
  const kpis = services.kpis;
  const report: DemoKpisReport = { inputs: 0, targets: 0, settings: false };
  if ((await kpis.settings(ctx)).updatedAt === null) {
    await kpis.putSettings(ctx, demoKpiSettings());
    report.settings = true;
  }
  const months = demoFlowMonths(now);
  // A restart leaves the inputs as they are (and the audit log without a write per start) unless the flows were refreshed.
  const haveInputs = (await kpis.inputs.list(ctx, { limit: 1, offset: 0 })).total > 0;
  if (opts.refreshInputs !== false || !haveInputs) {
    report.inputs = (await kpis.importInputs(ctx, demoKpiInputsCsv(demoKpiInputs(months, demoFlowRows(months), park)))).imported;
  }

  const existing = (await kpis.targets.list(ctx, { limit: 1000, offset: 0 })).items;
  const directory = await services.registry.directory();
  const owners: { enterpriseId: number | null; scopeKey: string }[] = [
    { enterpriseId: null, scopeKey: 'park' },
    ...park.enterprises.flatMap((e) => {
      const id = directory.find((d) => d.code === e.code)?.id;
      return id === undefined ? [] : [{ enterpriseId: id, scopeKey: `e:${id}` }];
    }),
  ];
  const missing = owners.flatMap((o) => DEMO_TARGETS.filter((t) => !existing.some((x) => x.enterpriseId === o.enterpriseId && x.key === t.key)).map((t) => ({ ...o, target: t })));
  if (missing.length === 0) return report;
  const { baseYear, targetYear } = demoTargetYears(months.at(-1)!);
  const quarter = latestCompleteQuarter(months);
  const ledger: Map<string, KpiValue[]> = quarter && missing.some((m) => m.target.kind === 'reduction') ? await kpis.allScopes(ctx, quarter) : new Map();
  for (const { enterpriseId, scopeKey, target } of missing) {
    const ledgerValue = ledger.get(scopeKey)?.find((v) => v.key === target.key)?.value ?? null;
    const baseValue = target.kind === 'reduction' && ledgerValue !== null ? demoBaseValue(target, ledgerValue) : null;
    await kpis.targets.create(ctx, { enterpriseId, key: target.key, kind: target.kind, value: target.value, percent: target.percent, baseYear, baseValue, targetYear, note: `demo: ${target.note}` });
    report.targets++;
  }
  return report;
}
