import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { avoidedEmissions, carbonIntensityPer10kCny, scope1Combustion, scope1Process, scope2, type FuelLine } from './carbon.ts';

// Hand-computed examples: no published worked example of either method was found in the search
// corpora, so every step is written out. Factors: IPCC 2006 Vol. 2 Table 1.4 (natural gas
// 56 100 kg CO2/TJ), GB/T 2589 NCV of natural gas (35 544 kJ/m3, as the catalogue); for the Chinese
// guideline, raw coal NCV 20.908 GJ/t, 26.37 tC/TJ, oxidation 94 % (the guideline's appendix
// default table as commonly reproduced; check against the text before relying on it).

describe('scope 1 combustion', () => {
  it('IPCC 2006 Tier 1: 1 000 000 m3 natural gas', () => {
    // heat = 1 000 000 m3 × 0.035544 GJ/m3 = 35 544 GJ
    // CO2  = 35 544 GJ × 0.0561 t/GJ = 1 994.0184 t (the catalogue's 1.994 kg/m3 × 10^6 / 1000)
    const r = scope1Combustion([{ material: 'NATURAL_GAS', quantity: 1_000_000, unit: 'm3', ncvGJPerUnit: 0.035544, efTCO2PerGJ: 0.0561 }], 'ipcc2006');
    expect(r.ok && r.value).toBeCloseTo(1994.0184, 6);
    expect(r.inputs).toMatchObject({ factorSet: 'ipcc2006', 'fuel.0.NATURAL_GAS.heatGJ': 35_544 });
  });

  it('Chinese chemical guideline 2013: 10 000 t raw coal', () => {
    // AD = 10 000 t × 20.908 GJ/t = 209 080 GJ
    // EF = 0.02637 tC/GJ × 0.94 × 44/12 = 0.0908886 tCO2/GJ
    // E  = 209 080 × 0.0908886 = 19 002.988 t
    const r = scope1Combustion(
      [{ material: 'RAW_COAL', quantity: 10_000, unit: 't', ncvGJPerUnit: 20.908, carbonContentTCPerGJ: 0.02637, oxidationFraction: 0.94 }],
      'cn_chem_2013',
    );
    expect(r.ok && r.value).toBeCloseTo(19_002.988488, 5);
    expect(r.ok && r.inputs['fuel.0.RAW_COAL.efTCO2PerGJ']).toBeCloseTo(0.0908886, 9);
  });

  it('names what the chosen factor set lacks', () => {
    const line: FuelLine = { material: 'DIESEL', quantity: 10, unit: 't', ncvGJPerUnit: 42.652, efTCO2PerGJ: 0.0741 };
    expect(scope1Combustion([line], 'ipcc2006').ok).toBe(true);
    const r = scope1Combustion([line], 'cn_chem_2013');
    expect(!r.ok && r.missing).toEqual(['fuel.0.DIESEL.carbonContentTCPerGJ', 'fuel.0.DIESEL.oxidationFraction']);
  });
});

describe('scope 1 process, scope 2, intensity, avoided', () => {
  it('limestone 1 000 t at 95 % CaCO3: 1 000 × 0.43971 × 0.95 = 417.7245 t', () => {
    const r = scope1Process([{ material: 'LIMESTONE', quantity: 1000, unit: 't', factorTCO2PerUnit: 0.43971, purityFraction: 0.95 }]);
    expect(r.ok && r.value).toBeCloseTo(417.7245, 9);
    const pure = scope1Process([{ material: 'LIMESTONE', quantity: 1000, unit: 't', factorTCO2PerUnit: 0.43971 }]);
    expect(pure.inputs['process.0.LIMESTONE.purityFraction']).toBe(1);
  });

  it('scope 2: 20 000 MWh × 0.5366 + 10 000 GJ × 0.11 = 10 732 + 1 100 = 11 832 t', () => {
    const r = scope2({ purchasedElectricityMWh: 20_000, gridFactorTCO2PerMWh: 0.5366, purchasedHeatGJ: 10_000, heatFactorTCO2PerGJ: 0.11 });
    expect(r.ok && r.value).toBeCloseTo(11_832, 9);
    expect(r.inputs).toMatchObject({ exportedElectricityMWh: 0, exportedHeatGJ: 0, netExporter: false });
    // net purchase: (20 000 − 1 000) × 0.5366 = 10 195.4; + 1 100 = 11 295.4
    const net = scope2({ purchasedElectricityMWh: 20_000, exportedElectricityMWh: 1000, gridFactorTCO2PerMWh: 0.5366, purchasedHeatGJ: 10_000, heatFactorTCO2PerGJ: 0.11 });
    expect(net.ok && net.value).toBeCloseTo(11_295.4, 9);
    expect(!scope2({ purchasedElectricityMWh: 1 }).ok).toBe(true);
  });

  it('intensity: (1 994.0184 + 11 832) / 50 000 万元 = 0.276520368 tCO2/万元', () => {
    const r = carbonIntensityPer10kCny(1994.0184 + 11_832, 50_000);
    expect(r.ok && r.value).toBeCloseTo(0.276520368, 12);
    expect(carbonIntensityPer10kCny(1, undefined)).toMatchObject({ ok: false, missing: ['valueAdded10kCny'] });
  });

  it('avoided emissions are their own figure: 500 t slag × 0.4 = 200 t', () => {
    const r = avoidedEmissions([{ label: 'carbide slag for limestone', quantity: 500, unit: 't', avoidedTCO2PerUnit: 0.4 }]);
    expect(r).toMatchObject({ ok: true, value: 200, unit: 'tCO2' });
  });
});

describe('carbon properties', () => {
  it('combustion is additive over fuel lines and never negative', () => {
    const fuel = fc.record({
      material: fc.constantFrom('RAW_COAL', 'NATURAL_GAS', 'DIESEL'),
      quantity: fc.double({ min: 0, max: 1e6, noNaN: true }),
      unit: fc.constant('t'),
      ncvGJPerUnit: fc.double({ min: 0, max: 60, noNaN: true }),
      efTCO2PerGJ: fc.double({ min: 0, max: 0.12, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(fuel, { maxLength: 5 }), fc.array(fuel, { maxLength: 5 }), (a, b) => {
        const ra = scope1Combustion(a, 'ipcc2006');
        const rb = scope1Combustion(b, 'ipcc2006');
        const rab = scope1Combustion([...a, ...b], 'ipcc2006');
        if (!ra.ok || !rb.ok || !rab.ok) return false;
        return rab.value >= 0 && Math.abs(rab.value - ra.value - rb.value) <= 1e-9 * Math.max(1, rab.value);
      }),
    );
  });
});
