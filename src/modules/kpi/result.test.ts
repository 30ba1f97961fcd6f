import { describe, expect, it } from 'vitest';
import { kpi, missingOf } from './result.ts';

describe('a KPI result', () => {
  it('is a value with its unit and inputs when nothing is missing', () => {
    expect(kpi('%', { utilized: 8, generated: 10 }, [], () => 80)).toEqual({ ok: true, value: 80, unit: '%', inputs: { utilized: 8, generated: 10 } });
  });

  it('names what is missing rather than computing a zero', () => {
    let computed = false;
    const r = kpi('tce', { electricityKWh: 5 }, ['valueAdded10kCny'], () => ((computed = true), 0));
    expect(r).toEqual({ ok: false, unit: 'tce', missing: ['valueAdded10kCny'], inputs: { electricityKWh: 5 } });
    expect(computed).toBe(false);
  });

  it('counts null, undefined and non-finite numbers as missing, zero as present', () => {
    const values = { a: 0, b: null, c: undefined, d: Number.NaN, e: Infinity, f: 'x' };
    expect(missingOf(values, ['a', 'b', 'c', 'd', 'e', 'f'])).toEqual(['b', 'c', 'd', 'e']);
  });
});
