import { describe, expect, it } from 'vitest';
import { impactOption, monthsBetween } from './impactOption';

describe('the impact chart', () => {
  it('has every month of the range, across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('shows months without deliveries as zero', () => {
    const o = impactOption([{ month: '2026-01', divertedT: 120, avoidedTCo2: 30 }], { from: '2025-12', to: '2026-01' }, { diverted: 'd', avoided: 'a' });
    expect(o.series[0].data).toEqual([0, 120]);
    expect(o.series[1].data).toEqual([0, 30]);
  });
});
