import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cleanSeries, type Point } from './series.ts';

describe('cleanSeries', () => {
  it('sorts, drops non-finite readings and keeps the last value of a repeated timestamp', () => {
    const input: Point[] = [
      { ts: 30, value: 3 },
      { ts: 10, value: 1 },
      { ts: 20, value: Number.NaN },
      { ts: 20, value: 2 },
      { ts: 10, value: 1.5 }, // later write for ts 10 wins
      { ts: 40, value: Number.POSITIVE_INFINITY },
      { ts: 50, value: Number.NEGATIVE_INFINITY },
      { ts: Number.NaN, value: 9 },
      { ts: Number.POSITIVE_INFINITY, value: 9 },
    ];
    const copy = structuredClone(input);
    expect(cleanSeries(input)).toEqual([
      { ts: 10, value: 1.5 },
      { ts: 20, value: 2 },
      { ts: 30, value: 3 },
    ]);
    expect(input).toEqual(copy); // not modified
  });

  it('a non-finite later value does not erase an earlier finite one', () => {
    expect(cleanSeries([{ ts: 1, value: 5 }, { ts: 1, value: Number.NaN }])).toEqual([{ ts: 1, value: 5 }]);
  });

  it('handles empty input and a single point; -0 and 0 are one timestamp', () => {
    expect(cleanSeries([])).toEqual([]);
    expect(cleanSeries([{ ts: 0, value: 0 }])).toEqual([{ ts: 0, value: 0 }]);
    const out = cleanSeries([{ ts: -0, value: 1 }, { ts: 0, value: 2 }]);
    expect(out).toHaveLength(1);
    expect(Object.is(out[0].ts, 0)).toBe(true);
    expect(out[0].value).toBe(2);
  });

  const anyValue = fc.oneof(
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  );
  const points = fc.array(fc.record({ ts: fc.integer({ min: -50, max: 50 }), value: anyValue }), { maxLength: 60 });

  it('property: output is strictly increasing in ts, finite, and each ts carries its last finite value', () => {
    fc.assert(
      fc.property(points, (input) => {
        const out = cleanSeries(input);
        for (let i = 1; i < out.length; i++) expect(out[i].ts).toBeGreaterThan(out[i - 1].ts);
        for (const p of out) expect(Number.isFinite(p.value)).toBe(true);
        const expected = new Map<number, number>();
        for (const p of input) if (Number.isFinite(p.value)) expected.set(p.ts, p.value);
        expect(out.map((p) => [p.ts, p.value])).toEqual([...expected.entries()].sort((a, b) => a[0] - b[0]));
      }),
    );
  });

  it('property: idempotent', () => {
    fc.assert(
      fc.property(points, (input) => {
        const once = cleanSeries(input);
        expect(cleanSeries(once)).toEqual(once);
      }),
    );
  });
});
