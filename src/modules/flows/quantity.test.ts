import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerMaterial } from './model.ts';
import { materialUnitFactor, sdToMaterialUnit, toMaterialUnit } from './quantity.ts';

const material = (over: Partial<LedgerMaterial>): LedgerMaterial => ({
  code: 'M',
  name: 'M',
  nameEn: null,
  category: 'chemical',
  hazardous: false,
  unit: 't',
  densityKgM3: null,
  lhvMJPerUnit: null,
  lhvMJPerKg: null,
  composition: null,
  ...over,
});

const valueOf = (r: { value: number } | { error: string }): number => {
  if ('error' in r) throw new Error(r.error);
  return r.value;
};

const acid = material({ code: 'HCL', unit: 't', densityKgM3: 1180 });
const water = material({ code: 'WATER', unit: 'm3', densityKgM3: 1000 });
const gas = material({ code: 'NG', unit: 'Nm3', lhvMJPerUnit: 35.9 });
const coal = material({ code: 'COAL', unit: 't', lhvMJPerKg: 20.9 });
const power = material({ code: 'POWER', unit: 'kWh' });

describe('toMaterialUnit', () => {
  it('converts within a kind with the units table', () => {
    expect(valueOf(toMaterialUnit(2500, 'kg', acid))).toBeCloseTo(2.5, 12);
    expect(valueOf(toMaterialUnit(1.2, 'MWh', power))).toBeCloseTo(1200, 9);
    expect(valueOf(toMaterialUnit(1, 'tce', power))).toBeCloseTo(29307.6 / 3.6, 6);
    expect(valueOf(toMaterialUnit(500, 'L', water))).toBeCloseTo(0.5, 12);
  });

  it('bridges volume and mass through the density, both ways', () => {
    expect(valueOf(toMaterialUnit(10, 'm3', acid))).toBeCloseTo(11.8, 9);
    expect(valueOf(toMaterialUnit(3, 't', water))).toBeCloseTo(3, 9);
    expect(valueOf(toMaterialUnit(1180, 'L', acid))).toBeCloseTo(1.3924, 9);
  });

  it('bridges energy through the heating value', () => {
    expect(valueOf(toMaterialUnit(35.9, 'GJ', gas))).toBeCloseTo(1000, 9);
    expect(valueOf(toMaterialUnit(20.9, 'GJ', coal))).toBeCloseTo(1, 9);
  });

  it('keeps Nm3 apart from m3, even for a gas with a density', () => {
    const r = toMaterialUnit(5, 'm3', gas);
    expect(r).toEqual({ error: expect.stringContaining('m3') });
    expect('error' in r && r.error).toContain('Nm3');
    const hydrogen = material({ code: 'H2', unit: 'Nm3', densityKgM3: 0.0899 });
    expect(toMaterialUnit(1, 'm3', hydrogen)).toEqual({ error: expect.stringContaining('not a normal volume') });
  });

  it('weighs a gas in Nm3 through its density at 0 °C and 101.325 kPa', () => {
    const hydrogen = material({ code: 'H2', unit: 'Nm3', densityKgM3: 0.0899 });
    expect(valueOf(toMaterialUnit(0.0899, 't', hydrogen))).toBeCloseTo(1000, 9);
    const perNm3 = materialUnitFactor('Nm3', hydrogen, 't');
    expect('factor' in perNm3 && perNm3.factor).toBeCloseTo(0.0899e-3, 15);
    // Coal is not a gas: its bulk density says nothing of an Nm3.
    const coal = material({ code: 'COAL', unit: 't', densityKgM3: 850 });
    expect(toMaterialUnit(1, 'Nm3', coal)).toEqual({ error: expect.stringContaining('Nm3') });
  });

  it('names both units when a conversion is impossible', () => {
    const r = toMaterialUnit(1, 'm3', coal);
    expect('error' in r && r.error).toMatch(/m3.*t.*COAL.*density/);
    expect(toMaterialUnit(1, 'kg', power)).toEqual({ error: expect.stringMatching(/kg to kWh for POWER/) });
    expect(toMaterialUnit(1, 'furlong', acid)).toEqual({ error: expect.stringContaining('unknown unit furlong') });
    expect(toMaterialUnit(1, '°C', acid)).toEqual({ error: expect.stringContaining('unknown unit °C') });
  });

  it('leaves a quantity in the material unit as it is', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (q) => valueOf(toMaterialUnit(q, 't', acid)) === q));
  });

  const units = ['kg', 't', 'g', 'm3', 'L', 'Nm3', 'MJ', 'GJ', 'kWh', 'MWh', 'kgce', 'tce'];
  const materials = fc.record({
    unit: fc.constantFrom('t', 'kg', 'm3', 'Nm3', 'GJ', 'kWh'),
    densityKgM3: fc.option(fc.double({ min: 0.5, max: 20000, noNaN: true })),
    lhvMJPerUnit: fc.option(fc.double({ min: 0.01, max: 1e5, noNaN: true })),
    lhvMJPerKg: fc.option(fc.double({ min: 0.1, max: 150, noNaN: true })),
  });

  it('is linear, and the standard deviation converts with the same factor', () => {
    fc.assert(
      fc.property(materials, fc.constantFrom(...units), fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), (m, unit, a, b) => {
        const mat = material(m);
        const f = materialUnitFactor(unit, mat);
        if ('error' in f) return;
        expect(f.factor).toBeGreaterThan(0);
        const whole = valueOf(toMaterialUnit(a + b, unit, mat));
        const parts = valueOf(toMaterialUnit(a, unit, mat)) + valueOf(toMaterialUnit(b, unit, mat));
        // Relative: the factors span many orders of magnitude, and so do the rounding errors.
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-12 * Math.abs(whole) + 1e-300);
        expect(valueOf(sdToMaterialUnit(a, unit, mat))).toBe(valueOf(toMaterialUnit(a, unit, mat)));
      }),
    );
  });

  it('converts there and back to the same quantity', () => {
    fc.assert(
      fc.property(materials, fc.constantFrom(...units), fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (m, unit, q) => {
        // Per-kg heating value and density only: the way back then uses the same figures as the way there.
        const there = material({ ...m, lhvMJPerUnit: null });
        const f = materialUnitFactor(unit, there);
        if ('error' in f) return;
        // Back from the material's unit to `unit`: the inverse factor.
        const back = materialUnitFactor(there.unit, there, unit);
        if ('error' in back) throw new Error(back.error);
        expect(Math.abs(q * f.factor * back.factor - q)).toBeLessThanOrEqual(1e-9 * q);
      }),
    );
  });
});
