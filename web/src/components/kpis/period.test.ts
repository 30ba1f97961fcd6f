import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { monthsOf, parsePeriod, periodChoices, periodOfMonth, shiftPeriod, trendRange } from './period';

const month = fc.record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);
const quarter = fc.record({ y: fc.integer({ min: 1990, max: 2100 }), q: fc.integer({ min: 1, max: 4 }) }).map(({ y, q }) => `${y}-Q${q}`);
const year = fc.integer({ min: 1990, max: 2100 }).map(String);
const period = fc.oneof(month, quarter, year);

describe('KPI periods', () => {
  it('reads the three kinds and refuses others', () => {
    expect(parsePeriod('2026-03')).toEqual({ kind: 'month', year: 2026, index: 3 });
    expect(parsePeriod('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, index: 4 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, index: 1 });
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-3', '']) expect(parsePeriod(bad)).toBeNull();
  });

  it('steps across year ends', () => {
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2026', -1)).toBe('2025');
    expect(shiftPeriod('2025-12', 1)).toBe('2026-01');
    expect(shiftPeriod('2026-03', -12)).toBe('2025-03');
  });

  it('a step there and back is no step, and keeps the kind', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: -200, max: 200 }), (p, n) => {
        const moved = shiftPeriod(p, n);
        expect(parsePeriod(moved)?.kind).toBe(parsePeriod(p)?.kind);
        expect(shiftPeriod(moved, -n)).toBe(p);
      }),
    );
  });

  it('trends over 12 months, 8 quarters or 5 years ending at the period', () => {
    expect(trendRange('2026-03')).toEqual({ from: '2025-04', to: '2026-03' });
    expect(trendRange('2026-Q2')).toEqual({ from: '2024-Q3', to: '2026-Q2' });
    expect(trendRange('2026')).toEqual({ from: '2022', to: '2026' });
  });

  it('offers each period holding some month once, newest first', () => {
    const months = ['2025-11', '2025-12', '2026-01', '2026-02'];
    expect(periodChoices(months, 'month')).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(periodChoices(months, 'quarter')).toEqual(['2026-Q1', '2025-Q4']);
    expect(periodChoices(months, 'year')).toEqual(['2026', '2025']);
    expect(periodChoices(['2026', '2026-03-15'], 'month')).toEqual([]);
  });

  it('a month lies in the quarter and year it is given, and they hold it', () => {
    fc.assert(
      fc.property(month, (m) => {
        expect(monthsOf(periodOfMonth(m, 'quarter'))).toContain(m);
        expect(monthsOf(periodOfMonth(m, 'year'))).toContain(m);
        expect(monthsOf(m)).toEqual([m]);
      }),
    );
  });
});
