import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cockpitMonth, monthIn, previousMonth } from './period';

const SHANGHAI = 'Asia/Shanghai';

describe('the cockpit month', () => {
  it('is the month before today in the park time zone', () => {
    // 2026-12-01 01:00 in Shanghai is still November in UTC.
    const now = new Date('2026-11-30T17:00:00Z');
    expect(monthIn(now, SHANGHAI)).toBe('2026-12');
    expect(monthIn(now, 'UTC')).toBe('2026-11');
    expect(cockpitMonth(['2026-10', '2026-11'], now, SHANGHAI)).toEqual({ month: '2026-11', lastComplete: true, hasFlows: true });
    expect(cockpitMonth(['2026-10', '2026-11'], now, 'UTC')).toEqual({ month: '2026-10', lastComplete: true, hasFlows: true });
  });

  it('falls back to the newest complete month of a ledger that is behind, never the current month', () => {
    const now = new Date('2026-12-07T10:00:00+08:00');
    expect(cockpitMonth(['2026-08', '2026-12', '2026-07', '2026', '2026-09-01'], now, SHANGHAI)).toEqual({ month: '2026-08', lastComplete: false, hasFlows: true });
  });

  it('names the last complete month of an empty ledger, saying it has no flows', () => {
    expect(cockpitMonth([], new Date('2027-01-15T00:00:00+08:00'), SHANGHAI)).toEqual({ month: '2026-12', lastComplete: true, hasFlows: false });
  });

  it('previousMonth steps back one month across years', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const text = `${year}-${String(month).padStart(2, '0')}`;
        const prev = previousMonth(text);
        expect(prev < text).toBe(true);
        const [y, m] = prev.split('-').map(Number);
        expect(y * 12 + m + 1).toBe(year * 12 + month);
      }),
    );
  });

  it('always answers a month before the current one, and a ledger month when there is one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }))), fc.date({ min: new Date('2021-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }), (ms, now) => {
        const months = ms.map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
        const answer = cockpitMonth(months, now, SHANGHAI);
        expect(answer.month < monthIn(now, SHANGHAI)).toBe(true);
        if (answer.hasFlows) expect(months).toContain(answer.month);
        else expect(months.filter((m) => m < monthIn(now, SHANGHAI))).toEqual([]);
      }),
    );
  });
});
