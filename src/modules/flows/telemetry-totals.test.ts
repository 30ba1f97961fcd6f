import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterIncreaseAfterFall, MIN_GAP_MS, meterTotal, meterTotalUncertainty, meterUnitProblem, type Reading } from './telemetry-totals.ts';

const H = 3_600_000;
const day = { from: 0, to: 24 * H };
const every = (stepMs: number, value: (ts: number) => number, from = 0, to = 24 * H): Reading[] => {
  const out: Reading[] = [];
  for (let ts = from; ts < to; ts += stepMs) out.push({ ts, value: value(ts) });
  return out;
};
const covered = (r: { coveredMs: number; gaps: { from: number; to: number }[] }) => r.coveredMs + r.gaps.reduce((s, g) => s + (g.to - g.from), 0);

describe('meterTotal, integral', () => {
  it('integrates a constant rate exactly, converting the unit', () => {
    expect(meterTotal('integral', every(60_000, () => 2), day, 't/h', 't').total).toBeCloseTo(48, 9);
    expect(meterTotal('integral', every(60_000, () => 2), day, 't/h', 'kg').total).toBeCloseTo(48_000, 6);
    expect(meterTotal('integral', every(60_000, () => 1), day, 'MW', 'MWh').total).toBeCloseTo(24, 9);
    expect(meterTotal('integral', every(60_000, () => 24), day, 't/d', 't').total).toBeCloseTo(24, 9);
  });

  it('reports a gap and totals only the covered time', () => {
    const readings = [...every(60_000, () => 1, 0, 10 * H), ...every(60_000, () => 1, 12 * H)];
    const r = meterTotal('integral', readings, day, 'm3/h', 'm3');
    expect(r.gaps).toEqual([{ from: 10 * H - 60_000, to: 12 * H, reason: 'no readings' }]);
    expect(r.total).toBeCloseTo(22 - 1 / 60, 9);
    const u = meterTotalUncertainty(r, 1)!;
    expect(u.basis).toBe('estimated');
    expect(u.sd).toBeGreaterThan(r.total * 0.08);
    expect(meterTotalUncertainty(meterTotal('integral', every(60_000, () => 1), day, 'm3/h', 'm3'), 1)).toEqual({ basis: 'measured', sd: expect.closeTo(0.24, 9) });
  });

  it('with no readings reports the whole period and states no total', () => {
    const r = meterTotal('integral', [], day, 't/h', 't');
    expect(r.gaps).toEqual([{ from: 0, to: 24 * H, reason: 'no readings in the period' }]);
    expect(meterTotalUncertainty(r, 1)).toBeNull();
  });

  it('accounts for every millisecond of the period, covered or in a gap; scales with the readings; never negative', () => {
    const readings = fc
      .uniqueArray(fc.integer({ min: 0, max: 24 * H - 1 }), { minLength: 1, maxLength: 60 })
      .chain((ts) => fc.tuple(fc.constant(ts.sort((a, b) => a - b)), fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: ts.length, maxLength: ts.length })));
    fc.assert(
      fc.property(readings, fc.double({ min: 0.1, max: 100, noNaN: true }), ([ts, values], k) => {
        const points = ts.map((t, i) => ({ ts: t, value: values[i] }));
        const r = meterTotal('integral', points, day, 't/h', 't');
        expect(covered(r)).toBe(24 * H);
        expect(r.total).toBeGreaterThanOrEqual(0);
        for (const g of r.gaps) expect(g.to - g.from).toBeGreaterThan(MIN_GAP_MS - 1);
        const scaled = meterTotal('integral', points.map((p) => ({ ts: p.ts, value: p.value * k })), day, 't/h', 't');
        expect(scaled.total).toBeCloseTo(r.total * k, 6);
      }),
    );
  });
});

describe('meterTotal, counter', () => {
  it('sums increases and carries a reset or a rollover', () => {
    const steady = every(60_000, (ts) => 1000 + ts / 60_000);
    expect(meterTotal('counter', steady, day, 'm3', 'm3').total).toBeCloseTo(1440, 6);
    expect(counterIncreaseAfterFall(999_950, 30)).toBe(80);
    expect(counterIncreaseAfterFall(5_000, 12)).toBe(12);
  });

  it('gives the same total whether the register was reset part-way or not', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 4, maxLength: 100 }), fc.nat(), fc.double({ min: 0, max: 400, noNaN: true }), (increments, at, start) => {
        const step = (24 * H) / increments.length;
        let value = start;
        const plain = increments.map((inc, i) => ({ ts: Math.round(i * step), value: (value += inc) }));
        // Not at the first or last interval: an edge carries its neighbouring interval's rate.
        const cut = 2 + (at % (plain.length - 3));
        // After a reset the register counts from zero: the same increments, from 0.
        const offset = plain[cut - 1].value;
        const reset = plain.map((p, i) => (i < cut ? p : { ts: p.ts, value: p.value - offset }));
        // A reset is only recognisable as one when the value falls (a zero increment there is no
        // fall), and only reads as one when the value before it is not in the top tenth of its power
        // of ten, where a fall is a rollover (90 → 0 may be a two-digit register wrapping at 100).
        fc.pre(reset[cut].value < plain[cut - 1].value && counterIncreaseAfterFall(plain[cut - 1].value, reset[cut].value) === reset[cut].value);
        const a = meterTotal('counter', plain, day, 't', 't');
        const b = meterTotal('counter', reset, day, 't', 't');
        expect(b.total).toBeCloseTo(a.total, 6);
        expect(covered(b)).toBe(24 * H);
      }),
    );
  });

  it('a fall across a gap leaves the gap uncovered', () => {
    const readings = [...every(60_000, (ts) => 100 + ts / 60_000, 0, 10 * H), ...every(60_000, (ts) => (ts - 12 * H) / 60_000, 12 * H)];
    const r = meterTotal('counter', readings, day, 't', 't');
    expect(r.gaps).toHaveLength(1);
    expect(r.gaps[0].reason).toMatch(/fell/);
    expect(r.coveredMs).toBe(22 * H - 60_000);
  });
});

describe('meterUnitProblem', () => {
  it('says when a tag cannot total in the unit', () => {
    expect(meterUnitProblem('integral', 't/h', 't')).toBeNull();
    expect(meterUnitProblem('integral', 'Nm3/h', 'Nm3')).toBeNull();
    expect(meterUnitProblem('integral', 'kW', 'GJ')).toBeNull();
    expect(meterUnitProblem('integral', 't', 't')).toMatch(/not a rate/);
    expect(meterUnitProblem('integral', 't/h', 'm3')).toMatch(/dimension/);
    expect(meterUnitProblem('counter', 'kWh', 'GJ')).toBeNull();
    expect(meterUnitProblem('counter', 't', 'm3')).toMatch(/cannot total/);
  });
});
