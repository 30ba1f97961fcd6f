import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCHANGE_SETTINGS } from '../../../../src/modules/exchange/settings.ts';
import { fromFormValues, toFormValues } from './settingsForm';

describe('the exchange settings form', () => {
  it('goes to rows and back unchanged', () => {
    expect(fromFormValues(toFormValues(DEFAULT_EXCHANGE_SETTINGS))).toEqual(DEFAULT_EXCHANGE_SETTINGS);
  });

  it('drops a virgin row without a material', () => {
    const v = toFormValues(DEFAULT_EXCHANGE_SETTINGS);
    const out = fromFormValues({ ...v, virgin: [...v.virgin, { cnyPerUnit: 5 }, { material: 'NEW_MAT', cnyPerUnit: 3 }] });
    expect(out.virgin.NEW_MAT).toEqual({ cnyPerUnit: 3, kgCo2PerUnit: 0 });
    expect(Object.keys(out.virgin)).toHaveLength(Object.keys(DEFAULT_EXCHANGE_SETTINGS.virgin).length + 1);
  });
});
