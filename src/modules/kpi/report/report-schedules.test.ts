import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastCompletePeriod } from './report-schedules.ts';

describe('the last complete period', () => {
  it('is the month or year before now in the park’s time zone', () => {
    // 2026-03-31 16:30 UTC is 2026-04-01 00:30 in Shanghai: March is over there, not yet in UTC.
    const at = Date.UTC(2026, 2, 31, 16, 30);
    expect(lastCompletePeriod('month', at, 'Asia/Shanghai')).toBe('2026-03');
    expect(lastCompletePeriod('month', at, 'UTC')).toBe('2026-02');
    expect(lastCompletePeriod('month', Date.UTC(2026, 0, 15), 'Asia/Shanghai')).toBe('2025-12');
    expect(lastCompletePeriod('year', Date.UTC(2025, 11, 31, 16, 5), 'Asia/Shanghai')).toBe('2025');
    expect(lastCompletePeriod('year', Date.UTC(2025, 11, 31, 15, 55), 'Asia/Shanghai')).toBe('2024');
  });

  it('property: the month is the one before the local month of now, and it moves only at local midnight of the 1st', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (now) => {
        const local = new Date(now + 8 * 3_600_000);
        const p = lastCompletePeriod('month', now, 'Asia/Shanghai');
        const [y, m] = p.split('-').map(Number) as [number, number];
        expect(y * 12 + (m - 1)).toBe(local.getUTCFullYear() * 12 + local.getUTCMonth() - 1);
        const hourLater = lastCompletePeriod('month', now + 3_600_000, 'Asia/Shanghai');
        if (hourLater !== p) expect(new Date(now + 3_600_000 + 8 * 3_600_000).getUTCDate()).toBe(1);
      }),
    );
  });
});
