/**
 * The service's pure parts: stated figures summed over a period (never a partial sum), the park's
 * sum naming who is missing, a value judged against its target, and the settings' checks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKpiPeriod } from './kpi-period.ts';
import { DEFAULT_KPI_SETTINGS, type KpiTargetRecord } from './model.ts';
import { inputPeriodsOf, judge, parkFigures, settingsProblems, statedFigures, type StatedRow } from './service.ts';

const row = (period: string, va: number | null, t: number | null = null, product: string | null = null): StatedRow => ({ period, value_added_10k_cny: va, production_t: t, main_product: product });
const p = (text: string) => parseKpiPeriod(text)!;

describe('statedFigures', () => {
  it('takes a month’s row, and nothing for a month not stated', () => {
    expect(statedFigures([row('2026-03', 1000, 50, 'PVC_RESIN')], p('2026-03'))).toEqual({ valueAdded10kCny: 1000, productionT: 50, mainProduct: 'PVC_RESIN' });
    expect(statedFigures([row('2026-02', 1000)], p('2026-03'))).toEqual({ valueAdded10kCny: null, productionT: null, mainProduct: null });
  });

  it('sums a quarter’s months only when all three are stated', () => {
    expect(statedFigures([row('2026-01', 1), row('2026-02', 2), row('2026-03', 3)], p('2026-Q1')).valueAdded10kCny).toBe(6);
    expect(statedFigures([row('2026-01', 1), row('2026-03', 3)], p('2026-Q1')).valueAdded10kCny).toBeNull();
    expect(statedFigures([row('2026-01', 1), row('2026-02', null), row('2026-03', 3)], p('2026-Q1')).valueAdded10kCny).toBeNull();
  });

  it('prefers a year’s own row to its months, field by field', () => {
    const months = Array.from({ length: 12 }, (_, i) => row(`2026-${String(i + 1).padStart(2, '0')}`, 10, 1));
    expect(statedFigures([...months, row('2026', 100, null)], p('2026'))).toMatchObject({ valueAdded10kCny: 100, productionT: 12 });
    expect(statedFigures(months, p('2026'))).toMatchObject({ valueAdded10kCny: 120, productionT: 12 });
    expect(statedFigures([row('2026', 100)], p('2026')).valueAdded10kCny).toBe(100);
  });

  it('is the sum of the months when all are stated, and null when any is not (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }), { minLength: 12, maxLength: 12 }), (values) => {
        const rows = values.map((v, i) => row(`2026-${String(i + 1).padStart(2, '0')}`, v));
        const got = statedFigures(rows, p('2026')).valueAdded10kCny;
        if (values.some((v) => v === null)) expect(got).toBeNull();
        else expect(got).toBe(values.reduce<number>((s, v) => s + v!, 0));
      }),
    );
  });

  it('reads the months of a period and, for a year, the year', () => {
    expect(inputPeriodsOf(p('2026-Q2'))).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(inputPeriodsOf(p('2026'))).toHaveLength(13);
    expect(inputPeriodsOf(p('2026'))).toContain('2026');
  });
});

describe('parkFigures', () => {
  const fig = (va: number | null) => ({ valueAdded10kCny: va, productionT: 5, mainProduct: 'X' });

  it('sums value added over every enterprise, or names those that stated none', () => {
    expect(parkFigures([{ code: 'a', figures: fig(1) }, { code: 'b', figures: fig(2) }])).toEqual({ valueAdded10kCny: 3, productionT: null, mainProduct: null });
    expect(parkFigures([{ code: 'a', figures: fig(1) }, { code: 'b', figures: fig(null) }, { code: 'c', figures: fig(null) }])).toEqual({ valueAdded10kCny: null, productionT: null, mainProduct: null, missingFrom: ['b', 'c'] });
    expect(parkFigures([]).valueAdded10kCny).toBeNull();
  });
});

describe('judge', () => {
  const target = (over: Partial<KpiTargetRecord>, baseValue: number | null) => ({
    record: { id: 1, enterpriseId: 1, key: 'energy_tce' as const, kind: 'reduction' as const, value: null, percent: 10, baseYear: 2020, baseValue: null, targetYear: 2030, ...over },
    baseValue,
  });

  it('gives no_value without a value and no_target without a target', () => {
    expect(judge('energy_tce', null, 2025, target({}, 100))).toMatchObject({ status: 'no_value', target: 90 });
    expect(judge('energy_tce', 5, 2025, undefined)).toEqual({ target: null, trajectory: null, status: 'no_target' });
  });

  it('judges a reduction along its trajectory', () => {
    const t = target({}, 100);
    expect(judge('energy_tce', 95, 2025, t)).toEqual({ target: 90, trajectory: 95, status: 'on_track' });
    expect(judge('energy_tce', 96, 2025, t).status).toBe('off_track');
    expect(judge('energy_tce', 89, 2025, t).status).toBe('met');
  });

  it('cannot judge a reduction from an unknown base, and judges an absolute one against its bound alone', () => {
    expect(judge('energy_tce', 95, 2025, target({}, null))).toEqual({ target: null, trajectory: null, status: 'no_target' });
    const absolute = target({ kind: 'absolute', value: 80, percent: null }, null);
    expect(judge('energy_tce', 79, 2025, absolute)).toEqual({ target: 80, trajectory: null, status: 'met' });
    expect(judge('energy_tce', 81, 2025, absolute).status).toBe('off_track');
  });

  it('is monotonic in the value for a lower-is-better indicator (property)', () => {
    const rank = { met: 2, on_track: 1, off_track: 0 } as Record<string, number>;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), fc.integer({ min: 2020, max: 2035 }), (a, b, year) => {
        const t = target({}, 100);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[judge('energy_tce', lo, year, t).status]).toBeGreaterThanOrEqual(rank[judge('energy_tce', hi, year, t).status]);
      }),
    );
  });
});

describe('settingsProblems', () => {
  const catalogue = new Set(['RAW_COAL', 'FLY_ASH', 'INDUSTRIAL_WATER', 'DEMIN_WATER', 'TREATED_WATER', 'COOLING_WATER']);

  it('accepts the defaults and codes of the catalogue', () => {
    expect(settingsProblems(DEFAULT_KPI_SETTINGS, catalogue)).toEqual([]);
    expect(settingsProblems({ ...DEFAULT_KPI_SETTINGS, oxidationFactors: { RAW_COAL: 0.94 }, avoidedFactors: { FLY_ASH: 0.8 } }, catalogue)).toEqual([]);
  });

  it('names every unknown code by its path, and the equal value when that basis is chosen', () => {
    expect(settingsProblems({ ...DEFAULT_KPI_SETTINGS, circularity: { NOPE: {} }, waterReusedMaterials: ['TREATED_WATER', 'GONE'] }, catalogue)).toEqual([
      { path: '/body/circularity/NOPE', message: 'unknown material NOPE' },
      { path: '/body/waterReusedMaterials/1', message: 'unknown material GONE' },
    ]);
    expect(settingsProblems({ ...DEFAULT_KPI_SETTINGS, electricityBasis: 'equal_value' }, catalogue).map((e) => e.path)).toEqual(['/body/electricityEqualValueKgcePerKWh']);
  });
});
