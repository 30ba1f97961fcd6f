import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { materialCircularity, portfolioCircularity, type MciMaterial, type MciProduct } from './mci.ts';

// No numerical worked example of the Foundation's methodology could be found in the reference
// corpus available to this session, so the examples below are computed by hand from the
// methodology's equations, every step written out (exact fractions in the comments).

const material = (over: Partial<MciMaterial> = {}): MciMaterial => ({
  name: 'm', mass: 1, recycledFeedstock: 0, reusedFeedstock: 0, collectedForRecycling: 0, collectedForReuse: 0, ...over,
});
const product = (materials: MciMaterial[], x = { L: 1, L_av: 1, U: 1, U_av: 1 }): MciProduct => ({
  materials, lifetime: x.L, averageLifetime: x.L_av, functionalUnits: x.U, averageFunctionalUnits: x.U_av,
});
const value = (p: MciProduct) => {
  const r = materialCircularity(p);
  if (!r.ok) throw new Error(`missing ${r.missing.join(', ')}`);
  return r.value;
};

describe('Material Circularity Indicator: worked examples (hand-computed)', () => {
  it('a single-material product with recycled and reused input, recycling and reuse at end of use, longer life', () => {
    // M = 1000 kg; F_R = 0.4, F_U = 0.1, E_F = 0.8; C_R = 0.5, C_U = 0.2, E_C = 0.9; L = 15 a, L_av = 10 a, U = U_av.
    // V   = 1000 (1 − 0.4 − 0.1)            = 500
    // W0  = 1000 (1 − 0.5 − 0.2)            = 300
    // W_C = 1000 (1 − 0.9) · 0.5            = 50
    // W_F = 1000 (1 − 0.8) · 0.4 / 0.8      = 100
    // W   = 300 + (100 + 50) / 2            = 375
    // LFI = (500 + 375) / (2000 + (100 − 50)/2) = 875 / 2025 = 35/81 ≈ 0.432099
    // X   = (15/10) · 1 = 1.5;  F(X) = 0.9 / 1.5 = 0.6
    // MCI = 1 − 35/81 · 0.6 = 1 − 7/27 = 20/27 ≈ 0.740741
    const r = materialCircularity(product(
      [{ name: 'pvc', mass: 1000, recycledFeedstock: 0.4, reusedFeedstock: 0.1, feedstockRecyclingEfficiency: 0.8, collectedForRecycling: 0.5, collectedForReuse: 0.2, endOfUseRecyclingEfficiency: 0.9 }],
      { L: 15, L_av: 10, U: 1, U_av: 1 },
    ));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBeCloseTo(20 / 27, 12);
    expect(r.unit).toBe('dimensionless (0..1)');
    expect(r.inputs).toMatchObject({ 'pvc.M': 1000, 'pvc.F_R': 0.4, 'pvc.E_F': 0.8, M: 1000, L: 15, L_av: 10 });
    expect(r.inputs.V).toBeCloseTo(500, 9);
    expect(r.inputs.W0).toBeCloseTo(300, 9);
    expect(r.inputs.W_C).toBeCloseTo(50, 9);
    expect(r.inputs.W_F).toBeCloseTo(100, 9);
    expect(r.inputs.W).toBeCloseTo(375, 9);
    expect(r.inputs.LFI).toBeCloseTo(35 / 81, 12);
    expect(r.inputs.X).toBeCloseTo(1.5, 12);
    expect(r.inputs['F(X)']).toBeCloseTo(0.6, 12);
  });

  it('a multi-material product sums the flows of its materials before the LFI (mass-weighted)', () => {
    // Steel 8 kg: F_R = 0.5, E_F = 0.9, C_R = 0.9, E_C = 0.95.  Plastic 2 kg: all virgin, all landfilled.  X = 1.
    // Steel:   V = 8·0.5 = 4;  W0 = 8·(1 − 0.9) = 0.8;  W_C = 8·0.05·0.9 = 0.36;  W_F = 8·0.1·0.5/0.9 = 4/9
    // Plastic: V = 2;          W0 = 2;                  W_C = 0;                  W_F = 0
    // Sums: M = 10, V = 6, W0 = 2.8, W_C = 0.36 = 9/25, W_F = 4/9
    // W   = 2.8 + (4/9 + 9/25)/2 = 2.8 + 181/450 = 1441/450
    // LFI = (6 + 1441/450) / (20 + (4/9 − 9/25)/2) = (4141/450) / (9019/450) = 4141/9019 ≈ 0.459142
    // MCI = 1 − 0.9 · 4141/9019 = 52921/90190 ≈ 0.586772
    const r = materialCircularity(product([
      { name: 'steel', mass: 8, recycledFeedstock: 0.5, reusedFeedstock: 0, feedstockRecyclingEfficiency: 0.9, collectedForRecycling: 0.9, collectedForReuse: 0, endOfUseRecyclingEfficiency: 0.95 },
      { name: 'plastic', mass: 2, recycledFeedstock: 0, reusedFeedstock: 0, collectedForRecycling: 0, collectedForReuse: 0 },
    ]));
    expect(r.ok && r.value).toBeCloseTo(52921 / 90190, 12);
    expect(r.inputs.LFI).toBeCloseTo(4141 / 9019, 12);
    expect(r.inputs.W).toBeCloseTo(1441 / 450, 12);
  });

  it('the 2019 biological terms: sustained-production feedstock and composting count as restorative', () => {
    // M = 1; F_S = 0.6 (rest virgin); C_C = 0.5 (rest landfilled); X = 1.
    // V = 0.4; W0 = 0.5; W_C = W_F = 0; LFI = 0.9 / 2 = 0.45; MCI = 1 − 0.9 · 0.45 = 0.595
    expect(value(product([material({ sustainedBiologicalFeedstock: 0.6, collectedForComposting: 0.5 })]))).toBeCloseTo(0.595, 12);
  });

  it('a portfolio is the weighted mean of its products’ MCIs (methodology Part 3)', () => {
    // A: fully linear, X = 1 → 0.1;  B: fully circular → 1.  Weights 3 t and 1 t: (3·0.1 + 1·1)/4 = 0.325
    const linear = product([material()]);
    const circular = product([material({ recycledFeedstock: 1, feedstockRecyclingEfficiency: 1, collectedForRecycling: 1, endOfUseRecyclingEfficiency: 1 })]);
    const r = portfolioCircularity([{ id: 'A', product: linear, weight: 3 }, { id: 'B', product: circular, weight: 1 }]);
    expect(r.ok && r.value).toBeCloseTo(0.325, 12);
    expect(r.inputs).toMatchObject({ weightBasis: 'mass', 'A.MCI': expect.closeTo(0.1, 12), 'B.MCI': 1, totalWeight: 4 });
  });
});

describe('Material Circularity Indicator: the methodology’s reference points', () => {
  it('a fully linear product with X = 1 scores 0.1', () => {
    expect(value(product([material({ mass: 42 })]))).toBeCloseTo(0.1, 12);
  });

  it('full recycled input, full recycling at efficiency 1 and X = 1 scores 1', () => {
    expect(value(product([material({ recycledFeedstock: 1, feedstockRecyclingEfficiency: 1, collectedForRecycling: 1, endOfUseRecyclingEfficiency: 1 })]))).toBe(1);
  });

  it('a product used far less than average is floored at 0', () => {
    expect(value(product([material()], { L: 1, L_av: 10, U: 1, U_av: 1 }))).toBe(0);
  });
});

describe('Material Circularity Indicator: missing and invalid inputs are named, never zeroed', () => {
  it('names each missing term by material and symbol', () => {
    const r = materialCircularity({ ...product([material({ name: 'steel', recycledFeedstock: null, collectedForRecycling: 0.5 })]), averageLifetime: null });
    expect(r).toMatchObject({ ok: false, missing: ['steel.F_R', 'steel.E_C', 'L_av'] });
  });

  it('asks for an efficiency only where its flow exists', () => {
    expect(materialCircularity(product([material()])).ok).toBe(true);
    expect(materialCircularity(product([material({ recycledFeedstock: 0.2 })]))).toMatchObject({ ok: false, missing: ['m.E_F'] });
  });

  it('rejects fractions out of range, shares over 1, a zero efficiency, an empty product', () => {
    expect(materialCircularity(product([material({ recycledFeedstock: 0.7, reusedFeedstock: 0.5, feedstockRecyclingEfficiency: 0 })]))).toMatchObject({
      ok: false, missing: ['m.F_R+F_U+F_S (must be ≤ 1)', 'm.E_F (must be within (0, 1])'],
    });
    expect(materialCircularity(product([material({ collectedForReuse: 1.2 })]))).toMatchObject({ ok: false, missing: ['m.C_U (must be within 0..1)', 'm.C_R+C_U+C_C+C_E (must be ≤ 1)'] });
    expect(materialCircularity(product([]))).toMatchObject({ ok: false, missing: ['materials'] });
  });

  it('a portfolio names the product a missing term belongs to', () => {
    const r = portfolioCircularity([{ id: 'A', product: product([material({ mass: null })]), weight: null }]);
    expect(r).toMatchObject({ ok: false, missing: ['A.m.M', 'A.weight'] });
  });
});

describe('Material Circularity Indicator: properties', () => {
  const frac = fc.double({ min: 0, max: 1, noNaN: true });
  const eff = fc.double({ min: 0.01, max: 1, noNaN: true });
  const ratio = fc.double({ min: 0.05, max: 20, noNaN: true });
  // A valid material: feedstock and end-of-use shares split so that each set sums to at most 1.
  const anyMaterial = fc.record({ mass: fc.double({ min: 0.001, max: 1e6, noNaN: true }), a: frac, b: frac, c: frac, d: frac, ef: eff, ec: eff })
    .map(({ mass, a, b, c, d, ef, ec }): MciMaterial => material({
      mass, recycledFeedstock: a, reusedFeedstock: (1 - a) * b, feedstockRecyclingEfficiency: ef,
      collectedForRecycling: c, collectedForReuse: (1 - c) * d, endOfUseRecyclingEfficiency: ec,
    }));

  it('MCI lies in [0, 1], and LFI in [0, 1]', () => {
    fc.assert(fc.property(fc.array(anyMaterial, { minLength: 1, maxLength: 5 }), ratio, ratio, (ms, l, u) => {
      const r = materialCircularity(product(ms.map((m, i) => ({ ...m, name: `m${i}` })), { L: l, L_av: 1, U: u, U_av: 1 }));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.value).toBeLessThanOrEqual(1);
      expect(r.inputs.LFI as number).toBeGreaterThanOrEqual(-1e-12);
      expect(r.inputs.LFI as number).toBeLessThanOrEqual(1 + 1e-12);
    }));
  });

  it('grows (never falls) with utility', () => {
    fc.assert(fc.property(anyMaterial, ratio, ratio, (m, x1, x2) => {
      const [lo, hi] = x1 <= x2 ? [x1, x2] : [x2, x1];
      expect(value(product([m], { L: hi, L_av: 1, U: 1, U_av: 1 }))).toBeGreaterThanOrEqual(value(product([m], { L: lo, L_av: 1, U: 1, U_av: 1 })) - 1e-12);
    }));
  });

  it('grows (never falls) with recycled input, when the feedstock recycling is at least 1/3 efficient', () => {
    // d LFI / d F_R has the sign of −D + (k/2)(D − N), k = (1 − E_F)/E_F, N and D the LFI's numerator and
    // denominator (D ≥ N): never positive while k ≤ 2, i.e. E_F ≥ 1/3. See mci.ts and the next test.
    fc.assert(fc.property(anyMaterial, frac, frac, fc.double({ min: 1 / 3, max: 1, noNaN: true }), ratio, (m, r1, r2, ef, x) => {
      const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
      const at = (fr: number) => value(product([{ ...m, recycledFeedstock: fr, reusedFeedstock: 0, feedstockRecyclingEfficiency: ef }], { L: x, L_av: 1, U: 1, U_av: 1 }));
      expect(at(hi)).toBeGreaterThanOrEqual(at(lo) - 1e-12);
    }));
  });

  it('more recycled input can lower the MCI when the feedstock recycling is very inefficient', () => {
    // M = 1, all collected for recycling at E_C = 1 (W0 = W_C = 0), X = 1, E_F = 0.01: W_F = 99 F_R.
    // F_R = 0.4: V = 0.6, W_F = 39.6, W = 19.8, LFI = (0.6 + 19.8) / (2 + 19.8) = 20.4 / 21.8 → MCI = 1 − 0.9 · 20.4/21.8 ≈ 0.1578
    // F_R = 0.6: V = 0.4, W_F = 59.4, W = 29.7, LFI = (0.4 + 29.7) / (2 + 29.7) = 30.1 / 31.7 → MCI = 1 − 0.9 · 30.1/31.7 ≈ 0.1454
    const at = (fr: number) => value(product([material({ recycledFeedstock: fr, feedstockRecyclingEfficiency: 0.01, collectedForRecycling: 1, endOfUseRecyclingEfficiency: 1 })]));
    expect(at(0.4)).toBeCloseTo(1 - (0.9 * 20.4) / 21.8, 12);
    expect(at(0.6)).toBeCloseTo(1 - (0.9 * 30.1) / 31.7, 12);
    expect(at(0.6)).toBeLessThan(at(0.4));
  });

  it('a product and the same product split into two identical materials score the same', () => {
    fc.assert(fc.property(anyMaterial, (m) => {
      const whole = value(product([m]));
      const halves = value(product([{ ...m, name: 'a', mass: m.mass! / 2 }, { ...m, name: 'b', mass: m.mass! / 2 }]));
      expect(halves).toBeCloseTo(whole, 9);
    }));
  });
});
