import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PropertyRanges } from '../../../../src/modules/exchange/model.ts';
import { invertedRows, QUALITY_PROPERTY_KEYS, rangesOf, rangeText, rowsOf } from './propertyRanges';

const bound = fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { nil: undefined });
const ranges = fc.dictionary(fc.constantFrom(...QUALITY_PROPERTY_KEYS), fc.record({ min: bound, max: bound }, { requiredKeys: [] }))
  .map((d) => Object.fromEntries(Object.entries(d).map(([k, r]) => [k, Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))]).filter(([, r]) => Object.keys(r as object).length > 0)) as PropertyRanges);

describe('quality ranges in the form', () => {
  it('go to rows and back unchanged', () => {
    fc.assert(
      fc.property(ranges, (r) => {
        expect(rangesOf(rowsOf(r))).toEqual(r);
      }),
    );
  });

  it('drop rows without a property or any bound, and keep an open bound open', () => {
    expect(rangesOf([{ property: 'P2O5', max: 1 }, { property: 'F' }, { min: 3 }, { property: 'moisture', min: null, max: 15 }])).toEqual({ P2O5: { max: 1 }, moisture: { max: 15 } });
  });

  it('mark a row whose min is above its max', () => {
    expect(invertedRows([{ property: 'F', min: 1, max: 0.5 }, { property: 'P2O5', min: 0, max: 1 }])).toEqual([0]);
  });

  it('write a range with its unit', () => {
    const fmt = (n: number) => String(n);
    expect(rangeText('pressure', { min: 0.6, max: 1.2 }, fmt)).toBe('0.6–1.2 MPa');
    expect(rangeText('P2O5', { max: 1 }, fmt)).toBe('≤ 1 %');
    expect(rangeText('temperature', { min: 150 }, fmt)).toBe('≥ 150°C');
  });
});
