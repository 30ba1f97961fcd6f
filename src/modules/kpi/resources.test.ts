/** What a target's fields must say together, and which indicators take targets. */
import { describe, expect, it } from 'vitest';
import { KPI_KEYS } from './model.ts';
import { TARGET_KEYS, targetProblems } from './resources.ts';
import { KPI_DIRECTION } from './targets.ts';

const paths = (r: Record<string, unknown>) => targetProblems(r).map((e) => e.path);

describe('targetProblems', () => {
  it('accepts an absolute bound and a reduction between 0 and 100 percent', () => {
    expect(paths({ kind: 'absolute', value: 73, percent: null, baseYear: 2020, targetYear: 2025 })).toEqual([]);
    expect(paths({ kind: 'reduction', value: null, percent: 13.5, baseYear: 2020, targetYear: 2025 })).toEqual([]);
  });

  it('names the field that is missing, misplaced or out of range', () => {
    expect(paths({ kind: 'absolute', value: null, percent: 10, baseYear: 2020, targetYear: 2025 })).toEqual(['/body/value', '/body/percent']);
    expect(paths({ kind: 'reduction', value: 5, percent: null, baseYear: 2020, targetYear: 2025 })).toEqual(['/body/percent', '/body/value']);
    for (const percent of [0, 100, -5]) expect(paths({ kind: 'reduction', value: null, percent, baseYear: 2020, targetYear: 2025 })).toEqual(['/body/percent']);
    expect(paths({ kind: 'absolute', value: 1, percent: null, baseYear: 2025, targetYear: 2025 })).toEqual(['/body/targetYear']);
  });
});

describe('TARGET_KEYS', () => {
  it('are the indicators with a direction, in the API’s order', () => {
    expect(TARGET_KEYS).toEqual(KPI_KEYS.filter((k) => KPI_DIRECTION[k] !== undefined));
    expect(TARGET_KEYS).toContain('energy_intensity_tce_per_10k_cny');
  });
});
