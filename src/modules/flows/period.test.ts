import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOf, parsePeriod, periodContains, periodsWithin } from './period.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('parsePeriod', () => {
  it('reads a year, a month and a day as local midnights in the park time zone', () => {
    expect(parsePeriod('2026')).toEqual({ grain: 'year', period: '2026', start: Date.UTC(2025, 11, 31, 16), end: Date.UTC(2026, 11, 31, 16) });
    expect(parsePeriod('2026-03')).toEqual({ grain: 'month', period: '2026-03', start: Date.UTC(2026, 1, 28, 16), end: Date.UTC(2026, 2, 31, 16) });
    expect(parsePeriod('2026-12-31')).toEqual({ grain: 'day', period: '2026-12-31', start: Date.UTC(2026, 11, 30, 16), end: Date.UTC(2026, 11, 31, 16) });
  });

  it('follows daylight saving time where the zone has it', () => {
    // Berlin's clocks go forward on 29 March 2026: that day has 23 hours.
    const day = parsePeriod('2026-03-29', 'Europe/Berlin')!;
    expect(day.start).toBe(Date.UTC(2026, 2, 28, 23));
    expect(day.end - day.start).toBe(23 * HOUR);
  });

  it.each(['', '26', '2026-3', '2026-13', '2026-00', '2026-02-29', '2024-02-30', '2026-03-15T00', ' 2026', '0999', '2026-04-31'])(
    'refuses %j',
    (text) => expect(parsePeriod(text)).toBeNull(),
  );

  it('accepts 29 February in a leap year', () => expect(parsePeriod('2024-02-29')?.grain).toBe('day'));

  it('tiles: the days of a month, and the months of a year, cover it without gap or overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'), (year, month, zone) => {
        const monthText = `${year}-${String(month).padStart(2, '0')}`;
        const whole = parsePeriod(monthText, zone)!;
        const days = periodsWithin(monthText).map((d) => parsePeriod(d, zone)!);
        expect(days[0]!.start).toBe(whole.start);
        expect(days.at(-1)!.end).toBe(whole.end);
        for (let i = 1; i < days.length; i++) expect(days[i]!.start).toBe(days[i - 1]!.end);
        for (const d of days) expect(Math.abs(d.end - d.start - DAY)).toBeLessThanOrEqual(HOUR);
        const months = periodsWithin(String(year)).map((m) => parsePeriod(m, zone)!);
        expect(months[0]!.start).toBe(parsePeriod(String(year), zone)!.start);
        expect(months.at(-1)!.end).toBe(parsePeriod(String(year), zone)!.end);
      }),
    );
  });
});

describe('periodContains', () => {
  it('nests day in month in year, each in itself, and nothing across', () => {
    expect(periodContains('2026', '2026-03-15')).toBe(true);
    expect(periodContains('2026-03', '2026-03-15')).toBe(true);
    expect(periodContains('2026-03', '2026-03')).toBe(true);
    expect(periodContains('2026-03', '2026')).toBe(false);
    expect(periodContains('2026-03', '2026-04-01')).toBe(false);
    expect(periodContains('2026', '2027-01')).toBe(false);
    expect(periodContains('2026-1', '2026-1x')).toBe(false);
  });

  it('agrees with the spans', () => {
    const periods = fc.oneof(
      fc.integer({ min: 2024, max: 2026 }).map(String),
      fc.tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(periods, periods, (outer, inner) => {
        const a = parsePeriod(outer)!;
        const b = parsePeriod(inner)!;
        expect(periodContains(outer, inner)).toBe(a.start <= b.start && b.end <= a.end);
      }),
    );
  });
});

describe('periodsWithin and monthOf', () => {
  it('lists the months of a year and the days of a month', () => {
    expect(periodsWithin('2026')).toHaveLength(12);
    expect(periodsWithin('2024-02')).toHaveLength(29);
    expect(periodsWithin('2026-02').at(-1)).toBe('2026-02-28');
    expect(periodsWithin('2026-02-01')).toEqual([]);
    expect(periodsWithin('nope')).toEqual([]);
  });

  it('names the month of a day or a month, and none of a year', () => {
    expect(monthOf('2026-03-15')).toBe('2026-03');
    expect(monthOf('2026-03')).toBe('2026-03');
    expect(monthOf('2026')).toBeNull();
  });
});
