import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { UNITS, convert, toTce, unitOf } from './units.ts';

describe('units of measure', () => {
  it('has unique codes', () => {
    expect(new Set(UNITS.map((u) => u.code)).size).toBe(UNITS.length);
  });

  it('converts within a dimension', () => {
    expect(convert(2.5, 't', 'kg')).toBe(2500);
    expect(convert(1, 'MWh', 'GJ')).toBeCloseTo(3.6, 12);
    expect(convert(0, '°C', 'K')).toBeCloseTo(273.15, 10);
    expect(convert(1.6, 'MPa', 'bar')).toBeCloseTo(16, 10);
  });

  it('converts energy to standard coal with the GB/T 2589 calorific value of 1 kgce', () => {
    expect(toTce(29307.6, 'MJ')).toBeCloseTo(1, 12);
    // GB/T 2589-2020 gives 0.1229 kgce/kWh (860 kcal / 7000 kcal); 3.6 MJ / 29.3076 MJ is 0.12284.
    expect(convert(1, 'kWh', 'kgce')).toBeCloseTo(0.1229, 3);
  });

  it('refuses to convert across dimensions and unknown units', () => {
    expect(() => convert(1, 't', 'm3')).toThrow(/cannot convert/);
    expect(() => convert(1, 'furlong', 'm')).toThrow(/unknown unit/);
  });

  it('round-trips every pair of units of one dimension', () => {
    const pairs = UNITS.flatMap((a) => UNITS.filter((b) => b.dimension === a.dimension).map((b) => [a.code, b.code] as const));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: -1e9, max: 1e9, noNaN: true }), ([a, b], v) => {
        const back = convert(convert(v, a, b), b, a);
        expect(back).toBeCloseTo(v, Math.abs(v) > 1e6 ? 0 : 6);
      }),
    );
    expect(unitOf('kg')?.dimension).toBe('mass');
  });
});
