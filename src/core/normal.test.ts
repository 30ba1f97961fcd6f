import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal.ts';

describe('normal helpers', () => {
  it('match known values and invert each other', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 6);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 7);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 6);
    expect(Number.isNaN(normalQuantile(1.5))).toBe(true);
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 5);
      }),
    );
  });
});

describe('normalQuantile (AS 241)', () => {
  it('matches known quantiles to ~1e-15', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1e-20)).toBeCloseTo(-9.26234008979841, 6);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it('is odd around ½ and increasing', () => {
    fc.assert(
      // p ≥ 1e-4: below that, 1 − p itself has lost the digits the comparison needs.
      fc.property(fc.double({ min: 1e-4, max: 0.5, noNaN: true }), fc.double({ min: 1e-9, max: 0.4, noNaN: true }), (p, dp) => {
        expect(normalQuantile(p) + normalQuantile(1 - p)).toBeCloseTo(0, 9);
        expect(normalQuantile(Math.min(0.999, p + dp))).toBeGreaterThan(normalQuantile(p));
      }),
    );
  });
});
