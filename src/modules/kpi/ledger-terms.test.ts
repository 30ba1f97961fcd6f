import { describe, expect, it } from 'vitest';
import type { LedgerFlow, LedgerNode } from '../flows/model.ts';
import { loadCatalogue } from '../registry/catalogue/catalogue.ts';
import { counterpartIndex, materialRole, sum, tallyLedger } from './ledger-terms.ts';
import { DEFAULT_KPI_SETTINGS, type KpiMaterial } from './model.ts';
import { resolveScopes } from './scopes.ts';

const MATERIALS = new Map<string, KpiMaterial>(
  loadCatalogue().materials.map((m) => [
    m.code,
    {
      code: m.code, name: m.name, nameEn: m.nameEn, category: m.category, hazardous: m.hazardous, unit: m.unit, swCode: m.swCode ?? null, hwCode: m.hwCode ?? null,
      densityKgM3: m.densityKgM3 ?? null, lhvMJPerUnit: m.lhvMJPerUnit ?? null, lhvMJPerKg: m.lhvMJPerKg ?? null, kgcePerUnit: m.kgcePerUnit ?? null,
      emissionFactorKgCO2ePerUnit: m.emissionFactorKgCO2ePerUnit ?? null, carbonContentKgCPerKg: m.carbonContentKgCPerKg ?? null,
    },
  ]),
);
const role = (code: string) => materialRole(MATERIALS.get(code)!, DEFAULT_KPI_SETTINGS);

describe('materialRole on the shipped catalogue', () => {
  it('wastes: SW codes are general, hazardous or HW codes hazardous', () => {
    expect(role('PHOSPHOGYPSUM').waste).toBe('general');
    expect(role('FLY_ASH').waste).toBe('general');
    expect(role('SPENT_SOLVENT').waste).toBe('hazardous');
    expect(role('SULFUR_SLAG').waste).toBe('hazardous'); // flagged hazardous without an HW code
    expect(role('CEMENT').waste).toBeNull();
  });

  it('energy, fuels, heat and electricity', () => {
    expect(role('ELECTRICITY')).toMatchObject({ energy: true, electricity: true, fuel: false, mwh: 0.001 });
    expect(role('STEAM_LP')).toMatchObject({ energy: true, heat: true, fuel: false });
    expect(role('STEAM_LP').gj).toBeCloseTo(2.8594, 10);
    expect(role('NATURAL_GAS')).toMatchObject({ energy: true, fuel: true, fuelPhase: 'gas' });
    expect(role('RAW_COAL')).toMatchObject({ fuel: true, fuelPhase: 'solid', gj: 20.908 });
    expect(role('FUEL_GAS').fuelPhase).toBe('gas');
    expect(role('GASOLINE').fuelPhase).toBe('liquid');
    expect(role('HYDROGEN_BYPRODUCT')).toMatchObject({ energy: true, carrier: true, fuel: true, kgce: 0.3678 });
    // Feedstock with a standard-coal coefficient is energy taken in (原料用能, GB/T 2589), never a fuel burned, and stays a CTI material.
    expect(role('CRUDE_OIL')).toMatchObject({ energy: true, carrier: false, fuel: false, ctiMass: true, kgce: 1428.6 });
    expect(role('NAPHTHA')).toMatchObject({ energy: true, carrier: false, fuel: false, ctiMass: true });
    expect(role('NAPHTHA').kgce! / 1000).toBeCloseTo(44.5 / 29.3076, 3);
    // A heating value alone makes no energy of a material that is not a carrier.
    expect(role('SULFUR')).toMatchObject({ energy: false, kgce: null });
    expect(role('METHANOL')).toMatchObject({ energy: false, kgce: null });
    expect(role('CARBON_DIOXIDE')).toMatchObject({ co2: true, energy: false, fuel: false });
    // A carrier without a coefficient converts at its heating value (1 kgce = 29.3076 MJ).
    const gas = materialRole({ ...MATERIALS.get('FUEL_GAS')!, kgcePerUnit: null }, DEFAULT_KPI_SETTINGS);
    expect(gas).toMatchObject({ energy: true, carrier: true, fuel: true });
    expect(gas.kgce).toBeCloseTo((46.055 * 1000) / 29.3076, 9);
  });

  it('process sources, water and CTI materials', () => {
    expect(role('LIMESTONE')).toMatchObject({ process: true, energy: false, ctiMass: true, t: 1 });
    expect(role('ELECTRICITY').process).toBe(false);
    expect(role('INDUSTRIAL_WATER')).toMatchObject({ waterIntake: true, ctiMass: false, m3: 1 });
    expect(role('COOLING_WATER').waterReused).toBe(true);
    expect(role('AIR').ctiMass).toBe(false);
    expect(role('WASTEWATER').ctiMass).toBe(false);
    expect(role('API_PRODUCT')).toMatchObject({ ctiMass: true, t: 0.001 });
  });
});

describe('tallyLedger', () => {
  const node = (id: number, kind: LedgerNode['kind'], enterpriseId: number | null, parentId: number | null, boundaryKind: LedgerNode['boundaryKind'] = null): LedgerNode => ({
    id, enterpriseId, code: String(id), name: String(id), nameEn: null, kind, boundaryKind, unitId: kind === 'unit' ? id : null, parentId,
  });
  const nodes = [node(1, 'park', null, null), node(10, 'enterprise', 1, 1), node(11, 'unit', 1, 10), node(12, 'unit', 1, 10), node(20, 'enterprise', 2, 1), node(90, 'boundary', null, null, 'supplier')];
  const scopes = resolveScopes(nodes, new Map());
  const f = (id: number, from: number, to: number, quantity: number, unit = 't'): LedgerFlow => ({ id, enterpriseId: null, grain: 'month', period: '2026-01', fromNodeId: from, toNodeId: to, materialCode: 'FLY_ASH', quantity, unit, sd: 0, basis: 'measured', source: 'manual' });

  it('classes one flow for every scope of its ends in one pass, converting its unit', () => {
    const t = tallyLedger({ nodes, flows: [f(1, 11, 12, 5), f(2, 11, 20, 3000, 'kg'), f(3, 90, 12, 2)], stocks: [], materials: MATERIALS, settings: DEFAULT_KPI_SETTINGS }, scopes);
    const at = (key: string) => t.tallies[scopes.findIndex((s) => s.key === key)]!.get('FLY_ASH')!;
    expect(at('n:11')).toMatchObject({ internal: 0, exchangeOut: 3 });
    expect(at('n:11').outBy[counterpartIndex('node')]).toBe(8);
    expect(at('e:1')).toMatchObject({ internal: 5, exchangeOut: 3 });
    expect(at('e:1').outBy[counterpartIndex('node')]).toBe(3);
    expect(at('e:1').inBy[counterpartIndex('supplier')]).toBe(2);
    expect(at('park')).toMatchObject({ internal: 8, exchangeOut: 3 });
    expect(sum(at('park').outBy)).toBe(0);
    expect(at('e:2').inBy[counterpartIndex('node')]).toBe(3);
  });

  it('names a flow it cannot convert in every scope it touches', () => {
    const t = tallyLedger({ nodes, flows: [f(7, 11, 20, 1, 'kWh')], stocks: [], materials: MATERIALS, settings: DEFAULT_KPI_SETTINGS }, scopes);
    const bad = scopes.filter((_, i) => t.tallies[i]!.get('FLY_ASH')?.unconvertible.length).map((s) => s.key).sort();
    expect(bad).toEqual(['e:1', 'e:2', 'n:11', 'park']);
    expect(t.tallies[0]!.get('FLY_ASH')!.unconvertible[0]).toMatch(/^flow 7: /);
  });
});
