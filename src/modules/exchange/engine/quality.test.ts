import { describe, expect, it } from 'vitest';
import { qualityFailures } from './quality.ts';

describe('qualityFailures', () => {
  it('passes an offer whose ranges lie inside the accepted ones', () => {
    expect(qualityFailures({ P2O5: { min: 0.2, max: 0.8 }, moisture: { max: 10 } }, { P2O5: { max: 1 }, moisture: { max: 15 } })).toEqual([]);
    expect(qualityFailures({}, {})).toEqual([]);
    // Bounds are inclusive.
    expect(qualityFailures({ pressure: { min: 0.6 } }, { pressure: { min: 0.6 } })).toEqual([]);
  });

  it('names a range outside with both ranges', () => {
    const [r] = qualityFailures({ P2O5: { max: 1.2 } }, { P2O5: { max: 1 } });
    expect(r.code).toBe('quality_out_of_range');
    expect(r.params).toEqual({ property: 'P2O5', accepted: '≤ 1', offered: '≤ 1.2' });
    expect(r.message).toContain('P2O5');
  });

  it('calls a bound the offer does not state unknown, and reports every property', () => {
    const reasons = qualityFailures({ P2O5: { min: 0.1 }, F: { max: 0.9 } }, { P2O5: { max: 1 }, F: { max: 0.5 }, moisture: { max: 15 } });
    expect(reasons.map((r) => [r.code, r.params?.property])).toEqual([
      ['quality_unknown', 'P2O5'],
      ['quality_out_of_range', 'F'],
      ['quality_unknown', 'moisture'],
    ]);
  });
});
