import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { comprehensiveUtilizationRate, identityResidual, identityResidualPercent, safeDisposalRate } from './solid-waste.ts';

describe('solid waste: published example (环境保护部《2012年环境统计年报》§4.2, national industrial hazardous waste)', () => {
  // Published (万t): generated 3465.2, utilized 2004.6, disposed 698.2, stored 846.9, dumped 16.1 t;
  // 处置利用率 76.1 %. The report does not print the prior-stock figures; the identity gives their sum:
  //   prior = utilized + disposed + stored + dumped − generated
  //         = 2004.6 + 698.2 + 846.9 + 0.00161 − 3465.2 = 84.50161 万t.
  // Only the sum enters the safe-disposal rate, so it is all put under priorStockUtilized here.
  const y2012 = {
    generated: 3465.2,
    utilized: 2004.6,
    disposed: 698.2,
    stored: 846.9,
    dumped: 0.00161,
    priorStockUtilized: 84.50161,
    priorStockDisposed: 0,
  };

  it('reproduces the published 76.1 %', () => {
    // (2004.6 + 698.2) / (3465.2 + 84.50161 + 0) = 2702.8 / 3549.70161 = 0.761415… → 76.1 %
    const r = safeDisposalRate(y2012);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBeCloseTo(76.1415, 3);
      expect(Math.round(r.value * 10) / 10).toBe(76.1);
      expect(r.unit).toBe('%');
      expect(r.inputs).toMatchObject({ utilized: 2004.6, disposed: 698.2, generated: 3465.2 });
    }
  });

  it('the identity closes with that prior stock', () => {
    const r = identityResidual(y2012);
    expect(r.ok && Math.abs(r.value)).toBeLessThan(1e-9);
  });
});

describe('solid waste: hand-computed example (no published one with prior stock split)', () => {
  // generated 1000 t; utilized 820 t of which 50 t from prior years' stock; stored 100 t;
  // disposed 120 t of which 0 from stock; dumped 0 t.
  const w = { generated: 1000, utilized: 820, priorStockUtilized: 50, stored: 100, disposed: 120, priorStockDisposed: 0, dumped: 0 };

  it('utilization rate = 820 / (1000 + 50) = 78.0952 %', () => {
    const r = comprehensiveUtilizationRate(w);
    expect(r.ok && r.value).toBeCloseTo(78.0952381, 6);
  });

  it('identity residual = 1000 − [(820 − 50) + 100 + (120 − 0) + 0] = 1000 − 990 = 10 t = 1 %', () => {
    const t = identityResidual(w);
    expect(t.ok && t.value).toBeCloseTo(10, 9);
    const p = identityResidualPercent(w);
    expect(p.ok && p.value).toBeCloseTo(1, 9);
    expect(p.ok && p.inputs.residualT).toBeCloseTo(10, 9);
  });

  it('safe-disposal rate = (820 + 120) / (1000 + 50 + 0) = 89.5238 %', () => {
    const r = safeDisposalRate(w);
    expect(r.ok && r.value).toBeCloseTo(89.5238095, 6);
  });
});

describe('solid waste: missing inputs', () => {
  it('names what is missing, never returns 0', () => {
    const r = comprehensiveUtilizationRate({ generated: 100, utilized: 40 });
    expect(r).toEqual({ ok: false, unit: '%', missing: ['priorStockUtilized'], inputs: { generated: 100, utilized: 40 } });
    const s = identityResidual({ generated: 100 });
    expect(!s.ok && s.missing).toEqual(['utilized', 'priorStockUtilized', 'stored', 'disposed', 'priorStockDisposed', 'dumped']);
  });

  it('a zero denominator is reported, not rated', () => {
    const r = comprehensiveUtilizationRate({ generated: 0, utilized: 0, priorStockUtilized: 0 });
    expect(!r.ok && r.missing).toEqual(['generated + priorStockUtilized > 0']);
  });
});

describe('solid waste: properties', () => {
  const tonnes = fc.double({ min: 0, max: 1e7, noNaN: true });
  // Build a period whose identity holds: generated is the sum of this period's own fates.
  const closedPeriod = fc
    .record({ utilizedOwn: tonnes, stored: tonnes, disposedOwn: tonnes, dumped: tonnes, priorStockUtilized: tonnes, priorStockDisposed: tonnes })
    .filter((p) => p.utilizedOwn + p.stored + p.disposedOwn + p.dumped + p.priorStockUtilized > 0)
    .map((p) => ({
      generated: p.utilizedOwn + p.stored + p.disposedOwn + p.dumped,
      utilized: p.utilizedOwn + p.priorStockUtilized,
      priorStockUtilized: p.priorStockUtilized,
      disposed: p.disposedOwn + p.priorStockDisposed,
      priorStockDisposed: p.priorStockDisposed,
      stored: p.stored,
      dumped: p.dumped,
    }));

  it('rates lie in [0, 100] when the identity holds', () => {
    fc.assert(
      fc.property(closedPeriod, (w) => {
        const u = comprehensiveUtilizationRate(w);
        const s = safeDisposalRate(w);
        const eps = 1e-9;
        return u.ok && u.value >= 0 && u.value <= 100 + eps && s.ok && s.value >= 0 && s.value <= 100 + eps;
      }),
    );
  });

  it('the residual is ~0 when the identity holds', () => {
    fc.assert(
      fc.property(closedPeriod, (w) => {
        const r = identityResidual(w);
        return r.ok && Math.abs(r.value) <= 1e-9 * Math.max(1, w.generated + w.utilized + w.disposed);
      }),
    );
  });
});
