import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KPI_KEYS } from '../../api/kpiShapes';
import { changeOf, groupItems, readMissing, translatableName } from './kpiView';

describe('KPI view', () => {
  it('groups every indicator, in the API order within a group', () => {
    const groups = groupItems([...KPI_KEYS].reverse().map((key) => ({ key })));
    expect(groups.map((g) => g.group)).toEqual(['waste', 'energyWater', 'carbon', 'circularity']);
    expect(groups.flatMap((g) => g.items.map((i) => i.key))).toEqual([...KPI_KEYS]);
    expect(groupItems([{ key: 'new_kpi' }, { key: 'energy_tce' }]).map((g) => g.group)).toEqual(['energyWater', 'other']);
  });

  it('judges a change by the indicator’s direction', () => {
    expect(changeOf('energy_intensity_tce_per_10k_cny', 0.9, 1)).toMatchObject({ trend: 'better' });
    expect(changeOf('energy_intensity_tce_per_10k_cny', 1.1, 1)?.trend).toBe('worse');
    expect(changeOf('solid_waste_utilization_rate', 80, 75)?.trend).toBe('better');
    expect(changeOf('solid_waste_identity_residual_t', 5, 2)?.trend).toBe('neutral');
    expect(changeOf('energy_tce', 3, 3)?.trend).toBe('same');
    expect(changeOf('energy_tce', 3, null)).toBeNull();
    expect(changeOf('energy_tce', 3, 0)).toEqual({ diff: 3, percent: null, trend: 'worse' });
    expect(changeOf('co2_scope1_t', 50, 200)?.percent).toBe(-75);
  });

  it('a change and its reverse are opposite trends for a directed indicator', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KPI_KEYS), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (key, a, b) => {
        const there = changeOf(key, a, b)!.trend;
        const back = changeOf(key, b, a)!.trend;
        if (there === 'better') expect(back).toBe('worse');
        if (there === 'worse') expect(back).toBe('better');
        if (there === 'same' || there === 'neutral') expect(back).toBe(there);
      }),
    );
  });

  it('reads a missing input’s name', () => {
    expect(readMissing('value_added_10k_cny > 0')).toEqual({ name: 'value_added_10k_cny', of: null, positive: true, raw: 'value_added_10k_cny > 0' });
    expect(readMissing('PVC_RESIN.F_R')).toMatchObject({ name: 'F_R', of: 'PVC_RESIN', positive: false });
    expect(readMissing('outflow[12].actualRecovery (above 1)')).toMatchObject({ name: 'actualRecovery', of: 'outflow[12]' });
    expect(translatableName('value_added_10k_cny')).toBe(true);
    expect(translatableName('a.b')).toBe(false);
  });
});
