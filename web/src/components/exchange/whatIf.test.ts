import { describe, expect, it } from 'vitest';
import { isEmptyOverrides, objectiveChange, overridesOf } from './whatIf';

describe('the what-if panel', () => {
  it('sends nothing when nothing changed', () => {
    expect(isEmptyOverrides(overridesOf({ carbonPriceCnyPerT: 80, excludeEnterprises: [], changes: [] }, 80))).toBe(true);
  });

  it('sends the carbon price, the plants taken out and each listing change, the last row of a listing winning', () => {
    expect(
      overridesOf({ carbonPriceCnyPerT: 200, excludeEnterprises: [3, 3, 5], changes: [{ listing: 7, quantity: 10 }, { listing: 7, quantity: 12, price: -30 }, { quantity: 4 }, { listing: 9, price: null }] }, 80),
    ).toEqual({ carbonPriceCnyPerT: 200, excludeEnterprises: [3, 5], quantities: [{ listing: 7, quantity: 12 }], prices: [{ listing: 7, priceCnyPerUnit: -30 }] });
  });

  it('gives the change in the objective, in CNY and percent', () => {
    expect(objectiveChange(1000, 1250)).toEqual({ delta: 250, percent: 25 });
    expect(objectiveChange(0, 10)).toEqual({ delta: 10, percent: null });
  });
});
