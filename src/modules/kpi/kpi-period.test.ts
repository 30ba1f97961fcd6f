import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalYearOf, MAX_TREND_PERIODS, parseKpiPeriod, periodsBetween, previousPeriod, samePeriodLastYear } from './kpi-period.ts';

describe('parseKpiPeriod', () => {
  it('reads months, quarters and years with their months', () => {
    expect(parseKpiPeriod('2026-03')).toEqual({ kind: 'month', text: '2026-03', year: 2026, months: ['2026-03'] });
    expect(parseKpiPeriod('2026-Q2')).toEqual({ kind: 'quarter', text: '2026-Q2', year: 2026, months: ['2026-04', '2026-05', '2026-06'] });
    expect(parseKpiPeriod('2026')!.months).toHaveLength(12);
    expect(parseKpiPeriod('2026')!.months[11]).toBe('2026-12');
  });

  it('refuses what is not a period', () => {
    for (const bad of ['', '2026-13', '2026-00', '2026-Q0', '2026-Q5', '2026-q1', '26', '2026-3', '2026-03-01', '1899', '2201', ' 2026', '2026-Q1 ']) expect(parseKpiPeriod(bad)).toBeNull();
  });
});

describe('previous, last year, between', () => {
  it('steps across year boundaries', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-03')).toBe('2026-02');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriod('2026')).toBe('2025');
    expect(samePeriodLastYear('2026-01')).toBe('2025-01');
    expect(samePeriodLastYear('2026-Q4')).toBe('2025-Q4');
    expect(samePeriodLastYear('2026')).toBe('2025');
    expect(previousPeriod('1900')).toBeNull();
    expect(previousPeriod('nope')).toBeNull();
  });

  it('lists the periods between two of one kind', () => {
    expect(periodsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsBetween('2024', '2026')).toEqual(['2024', '2025', '2026']);
    expect(periodsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(periodsBetween('2026-03', '2026-02')).toBeNull();
    expect(periodsBetween('2026-03', '2026-Q2')).toBeNull();
    expect(periodsBetween('2016-01', '2025-12')).toHaveLength(MAX_TREND_PERIODS);
    expect(periodsBetween('2016-01', '2026-01')).toBeNull();
  });

  it('previous is the step before in periodsBetween, and last year is four quarters or twelve months back', () => {
    const month = fc.tuple(fc.integer({ min: 1901, max: 2199 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const quarter = fc.tuple(fc.integer({ min: 1901, max: 2199 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`);
    fc.assert(
      fc.property(fc.oneof(month, quarter), (p) => {
        const prev = previousPeriod(p)!;
        expect(periodsBetween(prev, p)).toEqual([prev, p]);
        const back = samePeriodLastYear(p)!;
        expect(periodsBetween(back, p)).toHaveLength(p.includes('Q') ? 5 : 13);
        expect(parseKpiPeriod(back)!.year).toBe(parseKpiPeriod(p)!.year - 1);
      }),
    );
  });

  it('places a period at its end as a decimal year', () => {
    expect(decimalYearOf(parseKpiPeriod('2026')!)).toBe(2026);
    expect(decimalYearOf(parseKpiPeriod('2026-06')!)).toBe(2026.5);
    expect(decimalYearOf(parseKpiPeriod('2026-Q1')!)).toBe(2026.25);
  });
});
