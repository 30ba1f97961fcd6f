import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FloodDetector, floodSourceKey } from './flood.ts';

const W = 600_000;

describe('flood detection per unit', () => {
  it('raises on the 11th alarm within ten minutes and not on the 10th', () => {
    const f = new FloodDetector({ windowMs: W, maxRaised: 10 });
    for (let i = 0; i < 10; i++) f.record(7, i * 1000);
    expect(f.judge(10_000)).toEqual([]);
    f.record(7, 10_500);
    expect(f.judge(11_000)).toEqual([{ unitId: 7, active: true, count: 11 }]);
    // Judged again with nothing new: no repeated change.
    expect(f.judge(12_000)).toEqual([]);
  });

  it('does not count raises spread wider than the window', () => {
    const f = new FloodDetector({ windowMs: W, maxRaised: 10 });
    for (let i = 0; i < 30; i++) f.record(1, i * 70_000); // one every 70 s: at most 9 in 10 min
    for (let t = 0; t <= 30 * 70_000; t += 10_000) expect(f.judge(t)).toEqual([]);
  });

  it('clears only once fewer than half remain in the window (hysteresis)', () => {
    const f = new FloodDetector({ windowMs: W, maxRaised: 10 });
    for (let i = 0; i < 12; i++) f.record(3, i * 10_000); // 0 .. 110 s
    expect(f.judge(110_000)[0]).toMatchObject({ active: true });
    // At 110 s + W − 1 the raise at 110 s, 100 s, … are still in: 12 - k fall out as time passes.
    expect(f.judge(W + 60_000)).toEqual([]); // raises at 70..110 s remain: 5, not below 5
    expect(f.judge(W + 70_000)).toEqual([{ unitId: 3, active: false, count: 4 }]);
    expect(f.isFlooding(3)).toBe(false);
  });

  it('keeps units apart', () => {
    const f = new FloodDetector({ windowMs: W, maxRaised: 2 });
    f.record(1, 1);
    f.record(2, 2);
    f.record(1, 3);
    f.record(2, 4);
    f.record(1, 5);
    expect(f.judge(10)).toEqual([{ unitId: 1, active: true, count: 3 }]);
    expect(f.isFlooding(2)).toBe(false);
  });

  it('names one alarm per unit', () => {
    expect(floodSourceKey(42)).toBe('flood:unit:42');
  });

  it('refuses nonsensical options', () => {
    expect(() => new FloodDetector({ windowMs: 0, maxRaised: 10 })).toThrow(RangeError);
    expect(() => new FloodDetector({ windowMs: W, maxRaised: 0.5 })).toThrow(RangeError);
  });

  const raises = fc.array(fc.record({ unit: fc.integer({ min: 1, max: 3 }), at: fc.integer({ min: 0, max: 3 * W }) }), { maxLength: 120 });
  const max = fc.integer({ min: 1, max: 12 });

  it('property: the same raises in any arrival order give the same floods', () => {
    fc.assert(
      fc.property(raises, max, fc.integer({ min: 0, max: 3 * W }), (rs, maxRaised, now) => {
        const a = new FloodDetector({ windowMs: W, maxRaised });
        const b = new FloodDetector({ windowMs: W, maxRaised });
        for (const r of rs) a.record(r.unit, r.at);
        for (const r of [...rs].reverse()) b.record(r.unit, r.at);
        expect(a.judge(now)).toEqual(b.judge(now));
      }),
    );
  });

  it('property: judged over time, the flood follows the hysteresis and changes alternate', () => {
    fc.assert(
      fc.property(raises, max, (rs, maxRaised) => {
        const f = new FloodDetector({ windowMs: W, maxRaised });
        // Replayed in time order, judged after every raise and at a few later times.
        const sorted = [...rs].sort((x, y) => x.at - y.at);
        const times = [...sorted.map((r) => r.at), 4 * W, 5 * W];
        const state = new Map<number, boolean>();
        let i = 0;
        for (const now of times) {
          for (; i < sorted.length && sorted[i].at <= now; i++) f.record(sorted[i].unit, sorted[i].at);
          const counts = new Map([1, 2, 3].map((u) => [u, f.countAt(u, now)]));
          for (const c of f.judge(now)) {
            // A change is always a real change (on after off, off after on).
            expect(state.get(c.unitId) ?? false).toBe(!c.active);
            state.set(c.unitId, c.active);
          }
          for (const [u, count] of counts) {
            const on = state.get(u) ?? false;
            if (count > maxRaised) expect(on).toBe(true);
            if (count < maxRaised / 2) expect(on).toBe(false);
            expect(f.isFlooding(u)).toBe(on);
          }
        }
        // Long after the last raise every flood has ended.
        expect([...state.values()].every((v) => !v)).toBe(true);
      }),
    );
  });
});
