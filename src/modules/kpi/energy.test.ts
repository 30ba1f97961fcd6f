import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  comprehensiveEnergyTce,
  energyIntensityPer10kCny,
  energyPerTonneProduct,
  waterIntakePer10kCny,
  waterReuseRate,
  type EnergyLine,
} from './energy.ts';

// Hand-computed example (no published worked example of GB/T 2589 was found); coefficients are the
// catalogue's (GB/T 2589-2020 附录 A; STEAM_LP's from its heat content × 0.03412 kgce/MJ).
const consumed: EnergyLine[] = [
  { material: 'RAW_COAL', quantity: 10_000, unit: 't', kgcePerUnit: 714.3 },
  { material: 'NATURAL_GAS', quantity: 1_000_000, unit: 'm3', kgcePerUnit: 1.2143 },
  { material: 'ELECTRICITY', quantity: 20_000, unit: 'MWh' },
];
const exported: EnergyLine[] = [{ material: 'STEAM_LP', quantity: 5_000, unit: 't', kgcePerUnit: 97.56 }];

describe('comprehensive energy consumption (GB/T 2589-2020)', () => {
  it('at the equivalent value (当量值 0.1229 kgce/kWh)', () => {
    // coal 10 000 t × 714.3 = 7 143 000 kgce
    // gas 1 000 000 m3 × 1.2143 = 1 214 300 kgce
    // electricity 20 000 MWh = 20 000 000 kWh × 0.1229 = 2 458 000 kgce
    // consumed = 10 815 300 kgce; exported steam 5 000 t × 97.56 = 487 800 kgce
    // E = (10 815 300 − 487 800) / 1000 = 10 327.5 tce
    const r = comprehensiveEnergyTce({ consumed, exported, electricity: { basis: 'equivalent' } });
    expect(r.ok && r.value).toBeCloseTo(10_327.5, 6);
    expect(r.inputs).toMatchObject({
      electricityBasis: 'equivalent',
      electricityKgcePerKWh: 0.1229,
      consumedTce: 10_815.3,
      exportedTce: 487.8,
      netExporter: false,
      'consumed.0.RAW_COAL.quantity': 10_000,
      'exported.0.STEAM_LP.kgcePerUnit': 97.56,
    });
  });

  it('at the equal value (等价值, a park setting, here 0.300 kgce/kWh)', () => {
    // electricity 20 000 000 kWh × 0.300 = 6 000 000 kgce
    // E = (7 143 000 + 1 214 300 + 6 000 000 − 487 800) / 1000 = 13 869.5 tce
    const r = comprehensiveEnergyTce({ consumed, exported, electricity: { basis: 'equal_value', kgcePerKWh: 0.3 } });
    expect(r.ok && r.value).toBeCloseTo(13_869.5, 6);
    expect(r.inputs.electricityBasis).toBe('equal_value');
  });

  it('names the missing coefficients', () => {
    const r = comprehensiveEnergyTce({
      consumed: [{ material: 'FUEL_GAS', quantity: 5, unit: 't' }, ...consumed],
      electricity: { basis: 'equal_value' },
    });
    expect(!r.ok && r.missing).toEqual(['consumed.0.FUEL_GAS.kgcePerUnit', 'electricity.kgcePerKWh']);
  });

  it('a net exporter gets a negative figure, flagged', () => {
    const r = comprehensiveEnergyTce({
      consumed: [{ material: 'NATURAL_GAS', quantity: 100, unit: 'm3', kgcePerUnit: 1.2143 }],
      exported: [{ material: 'ELECTRICITY', quantity: 1000, unit: 'kWh' }],
      electricity: { basis: 'equivalent' },
    });
    // 121.43 kgce − 122.9 kgce = −1.47 kgce = −0.00147 tce
    expect(r.ok && r.value).toBeCloseTo(-0.00147, 9);
    expect(r.inputs.netExporter).toBe(true);
  });
});

describe('energy and water intensities (hand-computed)', () => {
  it('per 10 000 CNY of value added and per tonne of product', () => {
    // 10 327.5 tce / 50 000 (万元) = 0.20655 tce/万元; / 100 000 t = 0.103275 tce/t
    expect(energyIntensityPer10kCny(10_327.5, 50_000)).toMatchObject({ ok: true, value: 0.20655, unit: 'tce/10k CNY' });
    const p = energyPerTonneProduct(10_327.5, 100_000);
    expect(p.ok && p.value).toBeCloseTo(0.103275, 12);
  });

  it('water intake per 10 000 CNY and reuse rate', () => {
    // 2 000 000 m3 / 50 000 万元 = 40 m3/万元
    expect(waterIntakePer10kCny(2_000_000, 50_000)).toMatchObject({ ok: true, value: 40 });
    // reuse 18 000 000 / (18 000 000 + 2 000 000) = 90 %
    const r = waterReuseRate(18_000_000, 2_000_000);
    expect(r).toMatchObject({ ok: true, value: 90, unit: '%', inputs: { reusedM3: 18_000_000, intakeM3: 2_000_000, totalUseM3: 20_000_000 } });
  });

  it('missing value added or zero denominators are named', () => {
    expect(energyIntensityPer10kCny(100, null)).toEqual({ ok: false, unit: 'tce/10k CNY', missing: ['valueAdded10kCny'], inputs: { energyTce: 100 } });
    expect(!energyPerTonneProduct(100, 0).ok && (energyPerTonneProduct(100, 0) as { missing: string[] }).missing).toEqual(['productT > 0']);
    expect(waterReuseRate(undefined, 10)).toEqual({ ok: false, unit: '%', missing: ['reusedM3'], inputs: { intakeM3: 10 } });
  });
});

describe('energy properties', () => {
  const line = fc.record({
    material: fc.constantFrom('RAW_COAL', 'NATURAL_GAS', 'DIESEL', 'ELECTRICITY', 'STEAM_LP'),
    quantity: fc.double({ min: 0, max: 1e7, noNaN: true }),
    kgcePerUnit: fc.double({ min: 0, max: 2000, noNaN: true }),
  }).map((l): EnergyLine => (l.material === 'ELECTRICITY' ? { material: l.material, quantity: l.quantity, unit: 'kWh' } : { ...l, unit: 't' }));

  it('tce is additive over carriers', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.array(line, { maxLength: 6 }), (a, b) => {
        const basis = { basis: 'equivalent' } as const;
        const ea = comprehensiveEnergyTce({ consumed: a, electricity: basis });
        const eb = comprehensiveEnergyTce({ consumed: b, electricity: basis });
        const eab = comprehensiveEnergyTce({ consumed: [...a, ...b], electricity: basis });
        if (!ea.ok || !eb.ok || !eab.ok) return false;
        return Math.abs(eab.value - (ea.value + eb.value)) <= 1e-9 * Math.max(1, Math.abs(eab.value));
      }),
    );
  });

  it('exports never make consumption negative without saying so', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), fc.array(line, { maxLength: 5 }), (c, x) => {
        const r = comprehensiveEnergyTce({ consumed: c, exported: x, electricity: { basis: 'equivalent' } });
        return r.ok && (r.value < 0) === r.inputs.netExporter;
      }),
    );
  });
});
