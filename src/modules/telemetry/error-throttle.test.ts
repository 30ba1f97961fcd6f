import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorThrottle } from './error-throttle.ts';

describe('ErrorThrottle', () => {
  it('writes up to the limit per window, then counts, and the next written entry carries the count', () => {
    const t = new ErrorThrottle(2, 1000);
    expect(t.admit('d1|mqtt|bad', 0)).toEqual({ write: true, suppressed: 0 });
    expect(t.admit('d1|mqtt|bad', 10)).toEqual({ write: true, suppressed: 0 });
    expect(t.admit('d1|mqtt|bad', 20).write).toBe(false);
    expect(t.admit('d1|mqtt|bad', 30).write).toBe(false);
    // Another key is not held back by the first.
    expect(t.admit('d2|mqtt|bad', 30)).toEqual({ write: true, suppressed: 0 });
    expect(t.admit('d1|mqtt|bad', 1000)).toEqual({ write: true, suppressed: 2 });
  });

  it('never loses count: written entries plus the suppressed counts they carry plus the pending count equal all entries (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 500 })), { maxLength: 300 }), (calls) => {
        const t = new ErrorThrottle(3, 100);
        let now = 0;
        const seen = new Map<string, number>();
        const accounted = new Map<string, number>();
        const pending = new Map<string, number>();
        for (const [key, dt] of calls) {
          now += dt;
          seen.set(key, (seen.get(key) ?? 0) + 1);
          const a = t.admit(key, now);
          if (a.write) {
            accounted.set(key, (accounted.get(key) ?? 0) + 1 + a.suppressed);
            pending.set(key, 0);
          } else pending.set(key, a.suppressed);
        }
        for (const [key, n] of seen) expect((accounted.get(key) ?? 0) + (pending.get(key) ?? 0)).toBe(n);
      }),
    );
  });

  it('stays bounded under a flood of distinct keys', () => {
    const t = new ErrorThrottle(1, 60_000, 100);
    for (let i = 0; i < 10_000; i++) t.admit(`k${i}`, i);
    expect((t as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});
