import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_SCHEDULE_MS, baseDelay, exhausted, JITTER, MAX_ATTEMPTS, nextAttempt } from './backoff.ts';

describe('alarm webhook backoff', () => {
  it('follows the schedule, then repeats its last step', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(baseDelay)).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, 21_600_000, 21_600_000]);
  });

  it('has a non-decreasing base and a wait bounded by base × (1 ± jitter)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (a, b, rnd) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(baseDelay(lo)).toBeLessThanOrEqual(baseDelay(hi));
        const wait = nextAttempt(a, rnd);
        expect(wait).toBeGreaterThanOrEqual(Math.floor(baseDelay(a) * (1 - JITTER)));
        expect(wait).toBeLessThanOrEqual(Math.ceil(baseDelay(a) * (1 + JITTER)));
        expect(wait).toBeLessThanOrEqual(Math.ceil(Math.max(...BACKOFF_SCHEDULE_MS) * (1 + JITTER)));
      }),
    );
  });

  it('keeps a bad random number inside the bounds', () => {
    for (const rnd of [Number.NaN, -1, 2, Number.POSITIVE_INFINITY]) {
      const w = nextAttempt(3, rnd);
      expect(w).toBeGreaterThanOrEqual(600_000 * (1 - JITTER));
      expect(w).toBeLessThanOrEqual(600_000 * (1 + JITTER));
    }
  });

  it('spreads retries: the jitter uses its whole range', () => {
    expect(nextAttempt(1, 0)).toBe(24_000);
    expect(nextAttempt(1, 0.999999)).toBe(36_000);
  });

  it('dead-letters after the eighth failed attempt', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(exhausted(7)).toBe(false);
    expect(exhausted(8)).toBe(true);
  });
});
