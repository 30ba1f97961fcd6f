/**
 * A small hand-made park for the report's unit tests: two enterprises exchanging acid and steam
 * (a loop), a landfilled sludge and an incinerated hazardous residue, a KPI answer with values,
 * targets and a missing input, a reconciliation that flags a node and a flow. Test data only.
 */
import type { BalanceReport } from '../../flows/balance-report.ts';
import type { LedgerFlow, LedgerNode, LedgerPeriod } from '../../flows/model.ts';
import type { Sankey } from '../../flows/sankey.ts';
import { KPI_KEYS, type KpiItem } from '../model.ts';
import type { ReportMaterial, ReportSources } from './report-data.ts';
import type { ReportLanguage } from './report-labels.ts';

const node = (id: number, code: string, name: string, nameEn: string, kind: LedgerNode['kind'], enterpriseId: number | null, parentId: number | null, boundaryKind: LedgerNode['boundaryKind'] = null): LedgerNode => ({
  id, code, name, nameEn, kind, enterpriseId, parentId, boundaryKind, unitId: null,
});

export const FIXTURE_NODES: LedgerNode[] = [
  node(1, 'park', '示范园区', 'Demo park', 'park', null, null),
  node(2, 'landfill', '填埋场', 'Landfill', 'boundary', null, null, 'landfill'),
  node(3, 'supplier', '外部供应商', 'Suppliers', 'boundary', null, null, 'supplier'),
  node(4, 'chlor', '氯碱公司', 'Chlor-alkali Co.', 'enterprise', 1, 1),
  node(5, 'chlor-cell', '电解装置', 'Electrolysis unit', 'unit', 1, 4),
  node(6, 'pvc', 'PVC公司', 'PVC Co.', 'enterprise', 2, 1),
  node(7, 'pvc-vcm', '氯乙烯装置', 'VCM unit', 'unit', 2, 6),
  node(8, 'pvc-chp', '热电装置', 'CHP unit', 'unit', 2, 6),
  node(9, 'customer', '外部客户', 'Customers', 'boundary', null, null, 'customer'),
  node(10, 'incineration', '焚烧', 'Incineration', 'boundary', null, null, 'incineration'),
];

let nextFlow = 1;
const flow = (from: number, to: number, materialCode: string, quantity: number, period = '2026-03', unit = 't'): LedgerFlow => ({
  id: nextFlow++, enterpriseId: null, grain: 'month', period, fromNodeId: from, toNodeId: to, materialCode, quantity, unit, sd: quantity * 0.01, basis: 'measured', source: 'manual',
});

export const FIXTURE_FLOWS: LedgerFlow[] = [
  flow(3, 5, 'SALT', 12_500),
  flow(5, 7, 'HYDROCHLORIC_ACID', 4_000),
  flow(5, 2, 'BRINE_SLUDGE', 520),
  flow(7, 10, 'DISTILLATION_RESIDUE', 12.5),
  flow(8, 5, 'STEAM_LP', 3_000),
  flow(7, 8, 'OFF_GAS', 80),
  flow(7, 9, 'PVC', 6_400),
  flow(5, 9, 'CAUSTIC_SODA', 7_000),
];

const material = (code: string, name: string, nameEn: string, category: string, hazardous = false, swCode: string | null = null, hwCode: string | null = null): ReportMaterial => ({
  code, name, nameEn, category, hazardous, unit: 't', swCode, hwCode,
});

export const FIXTURE_MATERIALS = new Map<string, ReportMaterial>(
  [
    material('SALT', '原盐', 'Salt', 'raw_material'),
    material('HYDROCHLORIC_ACID', '盐酸', 'Hydrochloric acid', 'product', true),
    material('BRINE_SLUDGE', '盐泥', 'Brine sludge', 'waste', false, 'SW16'),
    material('DISTILLATION_RESIDUE', '精馏残渣', 'Distillation residue', 'waste', true, null, 'HW11/900-013-11'),
    material('STEAM_LP', '低压蒸汽', 'LP steam', 'energy_carrier'),
    material('OFF_GAS', '尾气', 'Off gas', 'waste'),
    material('PVC', '聚氯乙烯', 'PVC resin', 'product'),
    material('CAUSTIC_SODA', '烧碱', 'Caustic soda', 'product', true),
  ].map((m) => [m.code, m]),
);

export const FIXTURE_LEDGER: LedgerPeriod = { grain: 'month', period: '2026-03', nodes: FIXTURE_NODES, flows: FIXTURE_FLOWS, stocks: [] };

const sankeyNode = (n: LedgerNode) => ({ key: n.code, nodeId: n.id, code: n.code, name: n.name, nameEn: n.nameEn, kind: n.kind, boundaryKind: n.boundaryKind, enterpriseId: n.enterpriseId });
const byId = new Map(FIXTURE_NODES.map((n) => [n.id, n]));

/** The enterprise-level Sankey of the fixture: enterprises and boundary, the steam closing a loop. */
export const FIXTURE_SANKEY: Sankey = {
  unit: 't',
  nodes: [2, 3, 4, 6, 9, 10].map((id) => sankeyNode(byId.get(id)!)),
  links: [
    { source: 'supplier', target: 'chlor', value: 12_500, materialCode: 'SALT', reconciled: true },
    { source: 'chlor', target: 'pvc', value: 4_000, materialCode: 'HYDROCHLORIC_ACID', reconciled: true },
    { source: 'chlor', target: 'landfill', value: 520, materialCode: 'BRINE_SLUDGE', reconciled: true },
    { source: 'pvc', target: 'incineration', value: 12.5, materialCode: 'DISTILLATION_RESIDUE', reconciled: false },
    { source: 'pvc', target: 'chlor', value: 3_000, materialCode: 'STEAM_LP', reconciled: true },
    { source: 'pvc', target: 'customer', value: 6_400, materialCode: 'PVC', reconciled: true },
    { source: 'chlor', target: 'customer', value: 7_000, materialCode: 'CAUSTIC_SODA', reconciled: true },
  ],
};

export const FIXTURE_BALANCES: BalanceReport = {
  unit: 't',
  nodes: [
    { nodeId: 5, code: 'chlor-cell', name: '电解装置', nameEn: 'Electrolysis unit', kind: 'unit', enterpriseId: 1, inputs: 15_500, outputs: 11_520, stockChange: 0, imbalance: 3_980, imbalancePercent: 25.7, z: 4.2, exception: true },
    { nodeId: 7, code: 'pvc-vcm', name: '氯乙烯装置', nameEn: 'VCM unit', kind: 'unit', enterpriseId: 2, inputs: 4_000, outputs: 6_492.5, stockChange: 0, imbalance: -2_492.5, imbalancePercent: -62, z: 1.1, exception: false },
  ],
  flows: [
    { key: '5>7:HYDROCHLORIC_ACID', flowIds: [2], fromNodeId: 5, fromCode: 'chlor-cell', toNodeId: 7, toCode: 'pvc-vcm', materialCode: 'HYDROCHLORIC_ACID', measured: 4_000, sd: 40, basis: 'measured', reconciled: 3_860, reconciledSd: 20, adjustment: 140, adjustmentSigma: 3.5, z: 3.6, status: 'reconciled' },
  ],
  reconciliation: { ok: true, chiSquare: 31.4, dof: 3, pValue: 0.0000007, passed: false, problem: null },
  suspects: [
    { kind: 'node', key: 'chlor-cell', z: 4.2, critical: 2.8, meaning: 'unaccounted_loss', nodeCode: 'chlor-cell', flowKey: null, adjustment: null },
    { kind: 'flow', key: '5>7:HYDROCHLORIC_ACID', z: 3.6, critical: 2.8, meaning: 'meter_reads_high', nodeCode: null, flowKey: '5>7:HYDROCHLORIC_ACID', adjustment: 140 },
  ],
  openNodes: [],
};

const UNITS: Record<string, string> = { '%': '%', t: 't', tce: 'tce', m3: 'm3', tCO2: 'tCO2' };
const unitOf = (key: string) =>
  key.endsWith('_rate') || key.startsWith('cti_') ? '%' : key.endsWith('per_10k_cny') ? (key.startsWith('energy') ? 'tce/10k CNY' : key.startsWith('water') ? 'm3/10k CNY' : 'tCO2/10k CNY') : key === 'energy_tce' ? 'tce' : key === 'energy_tce_per_t_product' ? 'tce/t' : key === 'water_intake_m3' ? 'm3' : key.startsWith('co2') ? 'tCO2' : key === 'mci_products' ? '' : UNITS.t!;

/** Every KPI of a month: values with previous, last year and targets; the MCI missing its data. */
export function fixtureItems(): KpiItem[] {
  return KPI_KEYS.map((key, i): KpiItem => {
    const value = key === 'mci_products' ? null : 1234.5678 / (i + 1);
    const hasTarget = key === 'solid_waste_utilization_rate' || key === 'energy_intensity_tce_per_10k_cny';
    return {
      key,
      value,
      unit: unitOf(key),
      inputs: value === null ? {} : { numerator: value * 2, denominator: 2 },
      missing: value === null ? ['PVC.F_R', 'value_added_10k_cny'] : [],
      previous: value === null ? null : value * 1.05,
      previousPeriod: '2026-02',
      lastYear: i % 3 === 0 || value === null ? null : value * 0.9,
      lastYearPeriod: '2025-03',
      target: hasTarget ? 1000 : null,
      targetKind: hasTarget ? 'absolute' : null,
      targetYear: hasTarget ? 2030 : null,
      baseYear: hasTarget ? 2025 : null,
      baseValue: null,
      trajectory: null,
      status: value === null ? 'no_value' : hasTarget ? (key === 'solid_waste_utilization_rate' ? 'met' : 'off_track') : 'no_target',
    };
  });
}

export function fixtureSources(language: ReportLanguage, overrides: Partial<ReportSources> = {}): ReportSources {
  return {
    language,
    generatedAt: Date.UTC(2026, 3, 1, 0, 30),
    timeZone: 'Asia/Shanghai',
    park: { name: '示范循环经济产业园', nameEn: 'Demo Circular Park' },
    answer: { period: '2026-03', scope: 'park', code: null, name: '示范循环经济产业园', nameEn: 'Demo Circular Park', items: fixtureItems() },
    subject: { scope: 'park' },
    sankey: FIXTURE_SANKEY,
    balances: FIXTURE_BALANCES,
    ledger: FIXTURE_LEDGER,
    materials: FIXTURE_MATERIALS,
    enterprises: new Map([
      [1, { code: 'chlor', name: '氯碱公司', nameEn: 'Chlor-alkali Co.' }],
      [2, { code: 'pvc', name: 'PVC公司', nameEn: 'PVC Co.' }],
    ]),
    avoidedFactors: { HYDROCHLORIC_ACID: 0.25 },
    ...overrides,
  };
}
