import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalQuantile } from '../../../core/normal.ts';
import { chiSquarePValue, gammaQ, sidakCritical } from './stats.ts';

describe('gammaQ and the χ² upper tail', () => {
  it('matches known values on both sides of a + 1 (series and continued fraction)', () => {
    // Q(1, x) = e^-x exactly.
    for (const x of [0.01, 0.5, 1.9, 2.1, 10, 50]) expect(gammaQ(1, x)).toBeCloseTo(Math.exp(-x), 12);
    // χ² critical values at 5 % (tables): 1 and 10 degrees of freedom.
    expect(chiSquarePValue(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquarePValue(18.307038053275146, 10)).toBeCloseTo(0.05, 10);
    // χ²(2) tail is e^{-x/2}; χ²(100) at its 1 % point.
    expect(chiSquarePValue(7, 2)).toBeCloseTo(Math.exp(-3.5), 12);
    expect(chiSquarePValue(135.8067, 100)).toBeCloseTo(0.01, 5);
  });

  it('is 1 with no degrees of freedom and at 0, and decreasing in χ²', () => {
    expect(chiSquarePValue(12, 0)).toBe(1);
    expect(gammaQ(3, 0)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0.001, max: 50, noNaN: true }), (dof, x, dx) => {
        const p = chiSquarePValue(x, dof);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(chiSquarePValue(x + dx, dof)).toBeLessThanOrEqual(p + 1e-12);
      }),
    );
  });
});

describe('sidakCritical', () => {
  it('gives the Šidák critical value: 1.96 for one test, larger for more', () => {
    expect(sidakCritical(0.05, 1)).toBeCloseTo(1.959963984540054, 12);
    // α' = 1 − 0.95^(1/10) = 0.0051162…; z = Φ⁻¹(1 − α'/2).
    expect(sidakCritical(0.05, 10)).toBeCloseTo(-normalQuantile((1 - Math.pow(0.95, 0.1)) / 2), 12);
    expect(sidakCritical(0.05, 10_000)).toBeGreaterThan(sidakCritical(0.05, 100));
  });
});
