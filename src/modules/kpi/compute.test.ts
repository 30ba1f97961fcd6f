import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerFlow, LedgerNode, LedgerStock } from '../flows/model.ts';
import { computeKpis, KPI_TERMS, kpiContributions } from './compute.ts';
import { DEFAULT_KPI_SETTINGS, KPI_KEYS, type KpiComputeInput, type KpiKey, type KpiMaterial, type KpiSettings, type KpiValue, type ScopeFigures } from './model.ts';
import { resolveScopes } from './scopes.ts';

// ---------------------------------------------------------------------------------------------
// A small park, every figure chosen so the indicators can be worked by hand.

const mat = (code: string, category: string, unit: string, extra: Partial<KpiMaterial> = {}): KpiMaterial => ({
  code, name: code, nameEn: code, category, hazardous: false, unit, swCode: null, hwCode: null, densityKgM3: null, lhvMJPerUnit: null, lhvMJPerKg: null, kgcePerUnit: null, emissionFactorKgCO2ePerUnit: null, carbonContentKgCPerKg: null, ...extra,
});

const MATERIALS = new Map<string, KpiMaterial>(
  [
    mat('ELECTRICITY', 'energy_carrier', 'kWh', { lhvMJPerUnit: 3.6, kgcePerUnit: 0.1229, emissionFactorKgCO2ePerUnit: 0.5366 }),
    mat('RAW_COAL', 'energy_carrier', 't', { lhvMJPerKg: 20, kgcePerUnit: 700, emissionFactorKgCO2ePerUnit: 1800, carbonContentKgCPerKg: 0.5 }),
    mat('NATURAL_GAS', 'energy_carrier', 'm3', { lhvMJPerUnit: 35, kgcePerUnit: 1.2, emissionFactorKgCO2ePerUnit: 2, densityKgM3: 0.75 }),
    mat('STEAM_LP', 'energy_carrier', 't', { lhvMJPerUnit: 2800, kgcePerUnit: 100, emissionFactorKgCO2ePerUnit: 308 }),
    mat('INDUSTRIAL_WATER', 'utility', 'm3', { densityKgM3: 1000 }),
    mat('COOLING_WATER', 'utility', 'm3', { densityKgM3: 1000 }),
    mat('SALT', 'raw_material', 't'),
    mat('LIMESTONE', 'raw_material', 't', { emissionFactorKgCO2ePerUnit: 440 }),
    mat('CAUSTIC_SODA', 'product', 't'),
    mat('HYDROCHLORIC_ACID', 'product', 't'),
    mat('PVC_RESIN', 'product', 't'),
    mat('CEMENT', 'product', 't'),
    mat('BRINE_SLUDGE', 'waste', 't', { swCode: 'SW16' }),
    mat('FLY_ASH', 'by_product', 't', { swCode: 'SW02' }),
    mat('CARBIDE_SLAG', 'by_product', 't', { swCode: 'SW16' }),
    mat('SPENT_CATALYST', 'waste', 't', { hazardous: true, hwCode: 'HW50/261-173-50' }),
    // A refinery's: feedstock with a coefficient, a fuel it makes, by-product hydrogen, CO2 emitted.
    mat('CRUDE_OIL', 'raw_material', 't', { lhvMJPerKg: 41.816, kgcePerUnit: 1428.6, carbonContentKgCPerKg: 0.8363 }),
    mat('FUEL_GAS', 'energy_carrier', 't', { lhvMJPerKg: 46, kgcePerUnit: 1500, emissionFactorKgCO2ePerUnit: 2600, carbonContentKgCPerKg: 0.7 }),
    mat('HYDROGEN_BYPRODUCT', 'by_product', 'Nm3', { lhvMJPerUnit: 10.78, kgcePerUnit: 0.3678, carbonContentKgCPerKg: 0, densityKgM3: 0.0899 }),
    mat('CARBON_DIOXIDE', 'waste', 't', { carbonContentKgCPerKg: 0.2729 }),
  ].map((m) => [m.code, m]),
);

const node = (id: number, kind: LedgerNode['kind'], code: string, enterpriseId: number | null, parentId: number | null, boundaryKind: LedgerNode['boundaryKind'] = null): LedgerNode => ({
  id, enterpriseId, code, name: code, nameEn: null, kind, boundaryKind, unitId: kind === 'unit' ? id : null, parentId,
});

// Enterprises 1 CHLOR (units 1 electrolysis, 2 boiler), 2 PVC (3 polymerization, 4 utilities), 3 CEM (5 kiln).
const NODES: LedgerNode[] = [
  node(100, 'park', 'park', null, null),
  node(11, 'enterprise', 'CHLOR', 1, 100),
  node(12, 'enterprise', 'PVC', 2, 100),
  node(13, 'enterprise', 'CEM', 3, 100),
  node(1, 'unit', 'cl-electrolysis', 1, 11),
  node(2, 'unit', 'cl-boiler', 1, 11),
  node(3, 'unit', 'pvc-poly', 2, 12),
  node(4, 'unit', 'pvc-util', 2, 12),
  node(5, 'unit', 'cem-kiln', 3, 13),
  node(901, 'boundary', 'supplier', null, null, 'supplier'),
  node(902, 'boundary', 'customer', null, null, 'customer'),
  node(903, 'boundary', 'landfill', null, null, 'landfill'),
  node(904, 'boundary', 'storage-yard', null, null, 'storage_yard'),
  node(905, 'boundary', 'air', null, null, 'air'),
];
const ENTERPRISES = new Map([
  [1, { code: 'CHLOR', name: '氯碱', nameEn: 'Chlor' }],
  [2, { code: 'PVC', name: '聚氯乙烯', nameEn: 'PVC' }],
  [3, { code: 'CEM', name: '水泥', nameEn: 'Cement' }],
]);
const SCOPES = resolveScopes(NODES, ENTERPRISES);

let nextId = 1;
const flow = (from: number, to: number, materialCode: string, quantity: number, enterpriseId: number | null = null, unit = MATERIALS.get(materialCode)!.unit): LedgerFlow => ({
  id: nextId++, enterpriseId, grain: 'month', period: '2026-03', fromNodeId: from, toNodeId: to, materialCode, quantity, unit, sd: 0, basis: 'measured', source: 'manual',
});

const FLOWS: LedgerFlow[] = [
  // CHLOR
  flow(901, 1, 'SALT', 100),
  flow(901, 1, 'ELECTRICITY', 1_000_000),
  flow(901, 2, 'RAW_COAL', 50),
  flow(2, 1, 'STEAM_LP', 200),
  flow(1, 902, 'CAUSTIC_SODA', 60),
  flow(1, 3, 'HYDROCHLORIC_ACID', 40),
  flow(1, 903, 'BRINE_SLUDGE', 10),
  flow(1, 904, 'BRINE_SLUDGE', 5),
  flow(2, 5, 'FLY_ASH', 30),
  flow(2, 904, 'FLY_ASH', 10),
  flow(901, 1, 'INDUSTRIAL_WATER', 1000),
  flow(2, 1, 'COOLING_WATER', 500),
  flow(2, 3, 'STEAM_LP', 100),
  // PVC
  flow(901, 3, 'ELECTRICITY', 500, null, 'MWh'),
  flow(3, 902, 'PVC_RESIN', 80),
  flow(3, 5, 'CARBIDE_SLAG', 50),
  flow(3, 903, 'SPENT_CATALYST', 1.5),
  flow(901, 4, 'NATURAL_GAS', 10_000),
  flow(4, 3, 'STEAM_LP', 50),
  flow(901, 3, 'INDUSTRIAL_WATER', 400),
  // CEM
  flow(901, 5, 'LIMESTONE', 100),
  flow(901, 5, 'RAW_COAL', 20_000, null, 'kg'),
  flow(5, 902, 'CEMENT', 150),
  flow(904, 5, 'FLY_ASH', 8),
  // prior years' brine sludge taken from the yard to landfill, recorded by CHLOR
  flow(904, 903, 'BRINE_SLUDGE', 3, 1),
];
const STOCKS: LedgerStock[] = [{ nodeId: 3, materialCode: 'SPENT_CATALYST', opening: 0, closing: 0.5, unit: 't', sd: 0, basis: 'measured' }];

const SETTINGS: KpiSettings = {
  ...DEFAULT_KPI_SETTINGS,
  combustionSet: 'ipcc2006',
  gridFactorTCO2PerMWh: 0.5,
  heatFactorTCO2PerGJ: 0.1,
  avoidedFactors: { FLY_ASH: 0.4 },
  circularity: {
    SALT: { recycledContent: 0.1 },
    CAUSTIC_SODA: { recoveryPotential: 0, actualRecovery: 0 },
    PVC_RESIN: { recoveryPotential: 0.9, actualRecovery: 0.25, mci: { recycledFeedstock: 0.5, reusedFeedstock: 0, recyclingEfficiencyFeedstock: 1, collectedForRecycling: 0.5, collectedForReuse: 0, recyclingEfficiencyEndOfUse: 1, lifetimeRatio: 1, intensityRatio: 1 } },
    CEMENT: { recoveryPotential: 0.2, actualRecovery: 0.5 },
  },
  waterIntakeMaterials: ['INDUSTRIAL_WATER'],
  waterReusedMaterials: ['COOLING_WATER'],
};

const FIGURES = new Map<string, ScopeFigures>([
  ['park', { valueAdded10kCny: 1000, productionT: null, mainProduct: null }],
  ['e:1', { valueAdded10kCny: 500, productionT: 60, mainProduct: 'CAUSTIC_SODA' }],
  ['e:2', { valueAdded10kCny: 300, productionT: null, mainProduct: null }],
  ['e:3', { valueAdded10kCny: 200, productionT: 150, mainProduct: 'CEMENT' }],
]);

const INPUT: KpiComputeInput = { period: '2026-03', nodes: NODES, flows: FLOWS, stocks: STOCKS, materials: MATERIALS, settings: SETTINGS, figures: FIGURES };

const valuesOf = (kpis: KpiValue[]) => Object.fromEntries(kpis.map((k) => [k.key, k.value])) as Record<KpiKey, number | null>;
const kpiOf = (kpis: KpiValue[], key: KpiKey) => kpis.find((k) => k.key === key)!;

describe('computeKpis on a park worked by hand', () => {
  const all = computeKpis(INPUT, SCOPES);

  it('answers every scope, every key in KPI_KEYS order', () => {
    expect([...all.keys()].sort()).toEqual(['e:1', 'e:2', 'e:3', 'n:1', 'n:2', 'n:3', 'n:4', 'n:5', 'park']);
    for (const kpis of all.values()) expect(kpis.map((k) => k.key)).toEqual([...KPI_KEYS]);
  });

  it('CHLOR', () => {
    const v = valuesOf(all.get('e:1')!);
    // Waste: brine sludge 15 t generated (10 landfill, 5 yard), fly ash 40 t (30 to the kiln, 10 yard).
    // G 55, U 30, stored 15, disposed 10 + 3 prior (its own yard → landfill flow).
    expect(v.solid_waste_utilization_rate).toBeCloseTo((30 / 55) * 100, 10);
    expect(v.solid_waste_identity_residual_t).toBeCloseTo(0, 10);
    expect(kpiOf(all.get('e:1')!, 'solid_waste_utilization_rate').inputs).toMatchObject({ generated: 55, utilized: 30, stored: 15, disposed: 13, priorStockDisposed: 3, 'generated.FLY_ASH': 40 });
    expect(v.hazardous_waste_utilization_rate).toBeNull();
    expect(kpiOf(all.get('e:1')!, 'hazardous_waste_utilization_rate').missing).toEqual(['generated + priorStockUtilized > 0']);
    // Energy: 1000 MWh × 0.1229 = 122.9 tce, coal 50 t × 0.7 = 35 tce, steam out 100 t × 0.1 = 10 tce.
    expect(v.energy_tce).toBeCloseTo(147.9, 9);
    expect(v.energy_intensity_tce_per_10k_cny).toBeCloseTo(147.9 / 500, 12);
    expect(v.energy_tce_per_t_product).toBeCloseTo(147.9 / 60, 12);
    // Water: 1000 m3 taken in, 500 m3 cooling water reused inside.
    expect(v.water_intake_m3).toBe(1000);
    expect(v.water_intensity_m3_per_10k_cny).toBe(2);
    expect(v.water_reuse_rate).toBeCloseTo((500 / 1500) * 100, 10);
    // CO2: coal 50 t × 20 GJ/t × (1.8 t/t / 20 GJ/t) = 90 t; electricity 1000 × 0.5 − steam out 280 GJ × 0.1.
    expect(v.co2_scope1_t).toBeCloseTo(90, 9);
    expect(v.co2_scope2_t).toBeCloseTo(500 - 28, 9);
    expect(v.carbon_intensity_t_per_10k_cny).toBeCloseTo(562 / 500, 12);
    expect(v.co2_avoided_by_exchanges_t).toBeCloseTo(30 * 0.4, 12);
    // CTI: in salt 100 t (10 % recycled); out 155 t of which HCl 40 + fly ash 30 to other plants.
    expect(v.cti_circular_inflow).toBeCloseTo(10, 10);
    expect(v.cti_circular_outflow).toBeCloseTo((70 / 155) * 100, 10);
    expect(v.mci_products).toBeNull();
    expect(kpiOf(all.get('e:1')!, 'mci_products').missing).toEqual(['circularity.CAUSTIC_SODA.mci']);
  });

  it('PVC', () => {
    const v = valuesOf(all.get('e:2')!);
    expect(v.solid_waste_utilization_rate).toBeCloseTo(100, 10);
    // Spent catalyst: 1.5 t landfilled + 0.5 t kept in stock = 2 t generated; none used.
    expect(v.hazardous_waste_utilization_rate).toBe(0);
    expect(v.hazardous_waste_safe_disposal_rate).toBeCloseTo(75, 10);
    // 500 MWh → 61.45 tce, gas 10 000 m3 × 1.2 kgce = 12 tce, steam from CHLOR 100 t = 10 tce.
    expect(v.energy_tce).toBeCloseTo(83.45, 9);
    expect(v.energy_intensity_tce_per_10k_cny).toBeCloseTo(83.45 / 300, 12);
    expect(v.energy_tce_per_t_product).toBeNull();
    expect(kpiOf(all.get('e:2')!, 'energy_tce_per_t_product').missing).toEqual(['productT']);
    expect(v.water_reuse_rate).toBe(0);
    expect(v.co2_scope1_t).toBeCloseTo(20, 9); // 10 000 m3 × 0.035 GJ × (0.002 / 0.035) t/GJ
    expect(v.co2_scope2_t).toBeCloseTo(250 + 28, 9);
    expect(v.co2_avoided_by_exchanges_t).toBe(0);
    expect(kpiOf(all.get('e:2')!, 'co2_avoided_by_exchanges_t').inputs['not_counted.CARBIDE_SLAG']).toBe(50);
    expect(v.cti_circular_inflow).toBe(0); // HCl is a product of CHLOR, not a by-product
    expect(v.cti_circular_outflow).toBeCloseTo(((80 * 0.9 * 0.25 + 50) / 131.5) * 100, 10);
    // MCI: F_R 0.5 (E_F 1), C_R 0.5 (E_C 1), X 1: LFI = (0.5 + 0.5) / 2, MCI = 1 − 0.5 × 0.9.
    expect(v.mci_products).toBeCloseTo(0.55, 12);
  });

  it('CEM', () => {
    const v = valuesOf(all.get('e:3')!);
    // Uses 30 t fly ash + 50 t slag received and 8 t from the yard: nothing generated, 8 t prior stock used.
    expect(v.solid_waste_utilization_rate).toBeCloseTo(100, 10);
    expect(kpiOf(all.get('e:3')!, 'solid_waste_utilization_rate').inputs).toMatchObject({ generated: 0, utilized: 8, priorStockUtilized: 8 });
    expect(v.solid_waste_identity_residual_t).toBeCloseTo(0, 12);
    expect(v.energy_tce).toBeCloseTo(14, 9); // 20 000 kg coal = 20 t
    expect(v.energy_tce_per_t_product).toBeCloseTo(14 / 150, 12);
    expect(v.water_intake_m3).toBeNull();
    expect(kpiOf(all.get('e:3')!, 'water_intake_m3').missing).toEqual(['water intake flows']);
    expect(v.co2_scope1_t).toBeCloseTo(36 + 44, 9);
    expect(kpiOf(all.get('e:3')!, 'co2_scope1_t').inputs).toMatchObject({ combustionTCO2: expect.closeTo(36, 9), processTCO2: expect.closeTo(44, 9) });
    expect(v.co2_scope2_t).toBe(0);
    expect(v.carbon_intensity_t_per_10k_cny).toBeCloseTo(0.4, 12);
    expect(v.cti_circular_inflow).toBeCloseTo((80 / 188) * 100, 10);
    expect(v.cti_circular_outflow).toBeCloseTo(10, 10);
  });

  it('the park: exchanges inside it drop out', () => {
    const v = valuesOf(all.get('park')!);
    // G 105 (15 + 40 + 50), used in-house 88 (38 fly ash incl. 8 from the yard, 50 slag), prior 8.
    expect(v.solid_waste_utilization_rate).toBeCloseTo((88 / 113) * 100, 10);
    expect(v.solid_waste_identity_residual_t).toBeCloseTo(0, 10);
    expect(v.energy_tce).toBeCloseTo(147.9 + 83.45 + 14, 9);
    expect(v.energy_intensity_tce_per_10k_cny).toBeCloseTo(245.35 / 1000, 12);
    expect(v.water_intake_m3).toBe(1400);
    expect(v.water_reuse_rate).toBeCloseTo((500 / 1900) * 100, 10);
    expect(v.co2_scope1_t).toBeCloseTo(190, 9);
    expect(v.co2_scope2_t).toBeCloseTo(750, 9);
    expect(v.carbon_intensity_t_per_10k_cny).toBeCloseTo(0.94, 12);
    expect(v.co2_avoided_by_exchanges_t).toBeCloseTo(12, 12);
    expect(v.cti_circular_inflow).toBeCloseTo((10 / 208) * 100, 10);
    expect(v.cti_circular_outflow).toBeCloseTo((33 / 316.5) * 100, 10);
    expect(v.mci_products).toBeCloseTo(0.55, 12);
    expect(kpiOf(all.get('park')!, 'mci_products').inputs).toMatchObject({ 'unrated_t.CEMENT': 150, 'unrated_t.CAUSTIC_SODA': 60 });
  });

  it('a unit: the boiler passes steam on, so its scope 2 is negative (flagged)', () => {
    const kpis = all.get('n:2')!;
    const v = valuesOf(kpis);
    expect(v.solid_waste_utilization_rate).toBeCloseTo(75, 10);
    expect(v.energy_tce).toBeCloseTo(35 - 30, 9);
    expect(v.co2_scope1_t).toBeCloseTo(90, 9);
    expect(v.co2_scope2_t).toBeCloseTo(-84, 9);
    expect(kpiOf(kpis, 'co2_scope2_t').inputs.netExporter).toBe(true);
    expect(v.energy_intensity_tce_per_10k_cny).toBeNull();
    expect(kpiOf(kpis, 'energy_intensity_tce_per_10k_cny').missing).toEqual(['valueAdded10kCny']);
  });

  it('the 2013 guideline: carbon content × oxidation × 44/12, from the emission factor where no carbon content is given', () => {
    const cn = computeKpis({ ...INPUT, settings: { ...SETTINGS, combustionSet: 'cn_chem_2013' } }, SCOPES);
    // coal: 0.5 tC/t × 0.98 × 44/12 per t.
    expect(valuesOf(cn.get('e:1')!).co2_scope1_t).toBeCloseTo(50 * 0.5 * 0.98 * (44 / 12), 9);
    // gas: carbon from its factor, 0.002 t CO2/m3 × 12/44 t C, × 0.99 × 44/12.
    const pvc = kpiOf(cn.get('e:2')!, 'co2_scope1_t');
    expect(pvc.value).toBeCloseTo(10_000 * 0.002 * 0.99, 9);
    expect(pvc.inputs['carbon_from.NATURAL_GAS']).toBe('emission factor');
    const set = computeKpis({ ...INPUT, settings: { ...SETTINGS, combustionSet: 'cn_chem_2013', oxidationFactors: { RAW_COAL: 0.9 } } }, SCOPES);
    expect(valuesOf(set.get('e:1')!).co2_scope1_t).toBeCloseTo(50 * 0.5 * 0.9 * (44 / 12), 9);
  });

  it('equal-value electricity without its coefficient is missing, not zero', () => {
    const r = computeKpis({ ...INPUT, settings: { ...SETTINGS, electricityBasis: 'equal_value', electricityEqualValueKgcePerKWh: null } }, SCOPES);
    const e = kpiOf(r.get('e:1')!, 'energy_tce');
    expect(e.value).toBeNull();
    expect(e.missing).toEqual(['electricity.kgcePerKWh']);
    const ok = computeKpis({ ...INPUT, settings: { ...SETTINGS, electricityBasis: 'equal_value', electricityEqualValueKgcePerKWh: 0.3 } }, SCOPES);
    expect(valuesOf(ok.get('e:1')!).energy_tce).toBeCloseTo(300 + 35 - 10, 9);
  });

  it('a product without circularity figures leaves the CTI outflow missing, named', () => {
    const { CEMENT: _cement, ...rest } = SETTINGS.circularity;
    const r = computeKpis({ ...INPUT, settings: { ...SETTINGS, circularity: rest } }, SCOPES);
    const v = kpiOf(r.get('e:3')!, 'cti_circular_outflow');
    expect(v.value).toBeNull();
    expect(v.missing).toEqual(['circularity.CEMENT']);
  });

  it('a flow whose unit cannot be converted is named in the indicators that need it', () => {
    const bad = flow(901, 5, 'LIMESTONE', 3, null, 'm3');
    const r = computeKpis({ ...INPUT, flows: [...FLOWS, bad] }, SCOPES);
    const s1 = kpiOf(r.get('e:3')!, 'co2_scope1_t');
    expect(s1.value).toBeNull();
    expect(s1.missing[0]).toContain(`flow ${bad.id}`);
    expect(kpiOf(r.get('e:3')!, 'energy_tce').value).toBeCloseTo(14, 9);
  });

  it('a link recorded at month and year counts once (the year row)', () => {
    const year = { ...FLOWS[2]!, id: 9999, grain: 'year' as const, period: '2026', quantity: 50 };
    const r = computeKpis({ ...INPUT, flows: [...FLOWS, year] }, SCOPES);
    expect(valuesOf(r.get('e:1')!).energy_tce).toBeCloseTo(147.9, 9);
  });
});

describe('energy and scope 1 where fuels are made, burned and vented', () => {
  // CHLOR's unit 1 refines 100 t crude: 20 t fuel gas sold, 10 t to unit 2, which burns it; 1000 Nm3 hydrogen vented.
  const REFINING: LedgerFlow[] = [flow(901, 1, 'CRUDE_OIL', 100), flow(1, 902, 'FUEL_GAS', 20), flow(1, 2, 'FUEL_GAS', 10), flow(1, 905, 'HYDROGEN_BYPRODUCT', 1000)];
  const run = (flows: LedgerFlow[]) => computeKpis({ ...INPUT, flows, stocks: [] }, SCOPES);

  it('counts feedstock energy taken in and deducts only energy delivered to others (not energy vented)', () => {
    const r = run(REFINING);
    // Crude 100 × 1.4286 = 142.86 tce in; fuel gas sold 20 × 1.5 = 30 tce out; the hydrogen to air is not deducted.
    expect(valuesOf(r.get('e:1')!).energy_tce).toBeCloseTo(142.86 - 30, 9);
    expect(kpiOf(r.get('e:1')!, 'energy_tce').inputs).toMatchObject({ inflowTce: expect.closeTo(142.86, 9), outflowTce: expect.closeTo(30, 9) });
    // Unit 1 also delivers 10 t to unit 2 (another plant for it): 15 tce more out; unit 2 takes it in.
    expect(valuesOf(r.get('n:1')!).energy_tce).toBeCloseTo(142.86 - 30 - 15, 9);
    expect(valuesOf(r.get('n:2')!).energy_tce).toBeCloseTo(15, 9);
    expect(valuesOf(r.get('park')!).energy_tce).toBeCloseTo(142.86 - 30, 9);
  });

  it('burns a fuel where it is net-consumed, node by node: made by one unit, burned by another', () => {
    const r = run(REFINING);
    // 10 t × 2.6 t CO2/t at unit 2; unit 1 makes fuel gas (net supplied 30 t) and burns none; crude is not a fuel.
    expect(valuesOf(r.get('n:2')!).co2_scope1_t).toBeCloseTo(26, 9);
    expect(valuesOf(r.get('n:1')!).co2_scope1_t).toBe(0);
    const e1 = kpiOf(r.get('e:1')!, 'co2_scope1_t');
    expect(e1.value).toBeCloseTo(26, 9);
    expect(e1.inputs).toMatchObject({ reportedNodes: 0, reportedTCO2: 0, calculatedNodes: 1, calculatedTCO2: expect.closeTo(26, 9), 'net_supplied.FUEL_GAS': 30 });
    expect(valuesOf(r.get('park')!).co2_scope1_t).toBeCloseTo(26, 9);
  });

  it('takes a node’s CO2 to the air as its scope 1 where the ledger records it, and adds nothing calculated for it', () => {
    const r = run([...REFINING, flow(2, 905, 'CARBON_DIOXIDE', 40)]);
    const e1 = kpiOf(r.get('e:1')!, 'co2_scope1_t');
    expect(e1.value).toBeCloseTo(40, 9);
    expect(e1.inputs).toMatchObject({ reportedNodes: 1, reportedTCO2: 40, calculatedNodes: 0, combustionTCO2: 0 });
    expect(kpiOf(r.get('e:1')!, 'carbon_intensity_t_per_10k_cny').inputs).toMatchObject({ reportedTCO2: 40 });
    expect(kpiContributions({ ...INPUT, flows: [...REFINING, flow(2, 905, 'CARBON_DIOXIDE', 40)], stocks: [] }, SCOPES.find((s) => s.key === 'e:1')!, 'co2_scope1_t').map((i) => [i.term, i.amount])).toEqual([['reportedTCO2', 40]]);
  });

  it('counts CO2 passed from one node to another where it reaches the air, once', () => {
    // PVC's utilities burn 10 000 m3 gas (20 t CO2 calculated) but record 19 t CO2 sent to the polymerization unit, which vents 21 t.
    const r = run([flow(901, 4, 'NATURAL_GAS', 10_000), flow(4, 3, 'CARBON_DIOXIDE', 19), flow(3, 905, 'CARBON_DIOXIDE', 21)]);
    expect(valuesOf(r.get('e:2')!).co2_scope1_t).toBeCloseTo(21, 9);
    expect(valuesOf(r.get('n:4')!).co2_scope1_t).toBe(0);
    expect(kpiOf(r.get('e:2')!, 'co2_scope1_t').inputs).toMatchObject({ reportedNodes: 2, calculatedNodes: 0 });
  });

  it('a fuel drawn from stock is burned; one put into stock is not', () => {
    const r = computeKpis({ ...INPUT, flows: [flow(901, 2, 'RAW_COAL', 50)], stocks: [{ nodeId: 2, materialCode: 'RAW_COAL', opening: 30, closing: 10, unit: 't' }] }, SCOPES);
    expect(valuesOf(r.get('n:2')!).co2_scope1_t).toBeCloseTo(70 * 1.8, 9);
    const kept = computeKpis({ ...INPUT, flows: [flow(901, 2, 'RAW_COAL', 50)], stocks: [{ nodeId: 2, materialCode: 'RAW_COAL', opening: 0, closing: 20, unit: 't' }] }, SCOPES);
    expect(valuesOf(kept.get('n:2')!).co2_scope1_t).toBeCloseTo(30 * 1.8, 9);
  });
});

describe('kpiContributions', () => {
  it('names the flows behind a term, in its unit', () => {
    const e1 = SCOPES.find((s) => s.key === 'e:1')!;
    const items = kpiContributions(INPUT, e1, 'energy_tce');
    expect(items.filter((i) => i.term === 'inflowTce').map((i) => i.amount).sort((a, b) => a - b)).toEqual([35, expect.closeTo(122.9, 9)]);
    expect(items.filter((i) => i.term === 'outflowTce').map((i) => i.amount)).toEqual([10]);
    const park = SCOPES.find((s) => s.key === 'park')!;
    expect(kpiContributions(INPUT, park, 'solid_waste_utilization_rate').filter((i) => i.term === 'priorStockDisposed').map((i) => i.amount)).toEqual([3]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties on generated parks

const GEN_MATERIALS = ['ELECTRICITY', 'RAW_COAL', 'NATURAL_GAS', 'STEAM_LP', 'INDUSTRIAL_WATER', 'COOLING_WATER', 'SALT', 'LIMESTONE', 'CAUSTIC_SODA', 'PVC_RESIN', 'BRINE_SLUDGE', 'FLY_ASH', 'CARBIDE_SLAG', 'SPENT_CATALYST', 'CARBON_DIOXIDE', 'CRUDE_OIL', 'FUEL_GAS'];
const ENERGY = new Set(['ELECTRICITY', 'RAW_COAL', 'NATURAL_GAS', 'STEAM_LP', 'CRUDE_OIL', 'FUEL_GAS']);
/** What scope 1 reads node by node: fuels, process materials, and CO2 (a node that records it leaving is reported). */
const FUEL_OR_PROCESS = new Set(['RAW_COAL', 'NATURAL_GAS', 'LIMESTONE', 'FUEL_GAS', 'CARBON_DIOXIDE']);
const WASTES = ['BRINE_SLUDGE', 'FLY_ASH', 'CARBIDE_SLAG', 'SPENT_CATALYST'];
const BOUNDARY_IDS = [901, 902, 903, 904, 905];
const UNIT_IDS = [1, 2, 3, 4, 5];
const ENTERPRISE_OF = new Map(NODES.filter((n) => n.kind === 'unit').map((n) => [n.id, n.enterpriseId!]));

const arbFlow = fc.record({
  from: fc.constantFrom(...UNIT_IDS, ...BOUNDARY_IDS),
  to: fc.constantFrom(...UNIT_IDS, ...BOUNDARY_IDS),
  material: fc.constantFrom(...GEN_MATERIALS),
  quantity: fc.integer({ min: 1, max: 1000 }),
});
const toFlows = (rows: { from: number; to: number; material: string; quantity: number }[]): LedgerFlow[] =>
  rows.filter((r) => r.from !== r.to && !(BOUNDARY_IDS.includes(r.from) && BOUNDARY_IDS.includes(r.to))).map((r, i) => ({ ...flow(r.from, r.to, r.material, r.quantity), id: i + 1 }));
const inputWith = (flows: LedgerFlow[], stocks: LedgerStock[] = []): KpiComputeInput => ({ ...INPUT, flows, stocks });
const value = (r: Map<string, KpiValue[]>, scope: string, key: KpiKey) => kpiOf(r.get(scope)!, key).value;
const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)));

describe('properties', () => {
  it('the identity residual is 0 when every generated tonne goes to a classified destination', () => {
    // Each waste has generating units (it only leaves them) and using units (it only reaches them).
    const arb = fc.array(
      fc.record({ material: fc.constantFrom(...WASTES), generator: fc.constantFrom(...UNIT_IDS), to: fc.constantFrom(902, 903, 904, 905, ...UNIT_IDS), quantity: fc.integer({ min: 1, max: 500 }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const generators = new Map<string, number>();
        const flows = rows
          .filter((r) => {
            const g = generators.get(r.material) ?? r.generator;
            generators.set(r.material, g);
            return r.generator === g && r.to !== g;
          })
          .map((r, i) => ({ ...flow(r.generator, r.to, r.material, r.quantity), id: i + 1 }));
        const r = computeKpis(inputWith(flows), SCOPES);
        for (const s of SCOPES) {
          for (const key of ['solid_waste_identity_residual_t'] as const) {
            const v = value(r, s.key, key);
            expect(v === null || Math.abs(v) < 1e-9).toBe(true);
          }
        }
      }),
    );
  });

  it('moving an internal flow between two units of one enterprise changes neither its nor the park’s energy, scope 2 or water intake, nor scope 1 unless a fuel or process material moves', () => {
    fc.assert(
      fc.property(fc.array(arbFlow, { maxLength: 25 }), fc.constantFrom(...GEN_MATERIALS), fc.integer({ min: 1, max: 500 }), fc.boolean(), (rows, material, quantity, swap) => {
        const flows = toFlows(rows);
        const a = { ...flow(1, 2, material, quantity), id: 10_000 };
        const b = swap ? { ...a, fromNodeId: 2, toNodeId: 1 } : { ...a, fromNodeId: 11, toNodeId: 2 };
        const ra = computeKpis(inputWith([...flows, a]), SCOPES);
        const rb = computeKpis(inputWith([...flows, b]), SCOPES);
        for (const scope of ['e:1', 'park']) {
          // Scope 1 is counted node by node (where a fuel is burned): moving a fuel between units may move it.
          const keys = FUEL_OR_PROCESS.has(material) ? (['energy_tce', 'co2_scope2_t', 'water_intake_m3'] as const) : (['energy_tce', 'co2_scope1_t', 'co2_scope2_t', 'water_intake_m3'] as const);
          for (const key of keys) expect(close(value(ra, scope, key), value(rb, scope, key))).toBe(true);
        }
      }),
    );
  });

  it('scope 1 is the sum of its nodes’: the park’s is its enterprises’, an enterprise’s its units’ (no flow at the enterprise node)', () => {
    fc.assert(
      fc.property(fc.array(arbFlow, { maxLength: 30 }), fc.array(fc.constantFrom(...UNIT_IDS), { maxLength: 3 }), (rows, reporting) => {
        // Some units also report CO2 to the air.
        const flows = [...toFlows(rows), ...reporting.map((id, i) => ({ ...flow(id, 905, 'CARBON_DIOXIDE', 10 + i), id: 20_000 + i }))];
        const r = computeKpis(inputWith(flows), SCOPES);
        const s1 = (k: string) => value(r, k, 'co2_scope1_t');
        const all = ['park', 'e:1', 'e:2', 'e:3', 'n:1', 'n:2', 'n:3', 'n:4', 'n:5'].map(s1);
        if (all.some((v) => v === null)) return;
        expect(close(s1('park'), s1('e:1')! + s1('e:2')! + s1('e:3')!)).toBe(true);
        expect(close(s1('e:1'), s1('n:1')! + s1('n:2')!)).toBe(true);
        expect(close(s1('e:2'), s1('n:3')! + s1('n:4')!)).toBe(true);
        for (const v of all) expect(v!).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('the park’s energy is the sum of its enterprises’ when no energy passes between enterprises', () => {
    fc.assert(
      fc.property(fc.array(arbFlow, { maxLength: 30 }), (rows) => {
        const flows = toFlows(rows).filter((f) => !(ENERGY.has(f.materialCode) && ENTERPRISE_OF.has(f.fromNodeId) && ENTERPRISE_OF.has(f.toNodeId) && ENTERPRISE_OF.get(f.fromNodeId) !== ENTERPRISE_OF.get(f.toNodeId)));
        const r = computeKpis(inputWith(flows), SCOPES);
        const park = value(r, 'park', 'energy_tce');
        const parts = ['e:1', 'e:2', 'e:3'].map((k) => value(r, k, 'energy_tce') ?? 0);
        if (park === null) expect(flows.some((f) => ENERGY.has(f.materialCode))).toBe(false);
        else expect(close(park, parts.reduce((s, v) => s + v, 0))).toBe(true);
      }),
    );
  });

  it('splitting a flow into two halves changes nothing', () => {
    fc.assert(
      fc.property(fc.array(arbFlow, { minLength: 1, maxLength: 25 }), fc.nat(), (rows, pick) => {
        const flows = toFlows(rows);
        if (!flows.length) return;
        const i = pick % flows.length;
        const f = flows[i]!;
        const halves = [...flows.slice(0, i), { ...f, quantity: f.quantity / 2 }, { ...f, id: 10_000, quantity: f.quantity / 2 }, ...flows.slice(i + 1)];
        const ra = computeKpis(inputWith(flows), SCOPES);
        const rb = computeKpis(inputWith(halves), SCOPES);
        for (const s of SCOPES) for (const key of KPI_KEYS) expect(close(value(ra, s.key, key), value(rb, s.key, key))).toBe(true);
      }),
    );
  });

  it('the utilization rate lies within 0..100 when no prior stock is used', () => {
    fc.assert(
      fc.property(fc.array(arbFlow, { maxLength: 30 }), (rows) => {
        // No waste from the storage yard, nor from any boundary a waste does not come from.
        const flows = toFlows(rows).filter((f) => !(WASTES.includes(f.materialCode) && BOUNDARY_IDS.includes(f.fromNodeId)));
        const r = computeKpis(inputWith(flows), SCOPES);
        for (const s of SCOPES) {
          for (const key of ['solid_waste_utilization_rate', 'hazardous_waste_utilization_rate'] as const) {
            const v = value(r, s.key, key);
            if (v !== null) expect(v >= -1e-9 && v <= 100 + 1e-9).toBe(true);
          }
        }
      }),
    );
  });

  it('contributions add up to the term’s figure in the inputs (no stock changes)', () => {
    fc.assert(
      fc.property(fc.array(arbFlow, { maxLength: 30 }), (rows) => {
        const flows = toFlows(rows);
        const input = inputWith(flows);
        const r = computeKpis(input, SCOPES);
        for (const s of SCOPES) {
          for (const key of KPI_KEYS) {
            const kpi = kpiOf(r.get(s.key)!, key);
            const items = kpiContributions(input, s, key);
            for (const term of KPI_TERMS[key]) {
              const sums = new Map<string, number>();
              for (const it of items) if (it.term === term || it.term.startsWith(`${term}.`)) sums.set(it.term, (sums.get(it.term) ?? 0) + it.amount);
              for (const [name, total] of sums) {
                const figure = kpi.inputs[name];
                if (typeof figure === 'number') expect(close(total, figure)).toBe(true);
              }
              const figure = kpi.inputs[term];
              if (typeof figure === 'number') expect(close(sums.get(term) ?? 0, figure)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
