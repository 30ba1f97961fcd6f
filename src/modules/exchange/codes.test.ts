import { describe, expect, it } from 'vitest';
import { acceptedNames, licenceCovers, wasteClass } from './codes.ts';

describe('waste codes', () => {
  it('name a material by its code, its waste codes and their classes', () => {
    expect(acceptedNames({ code: 'SPENT_SOLVENT', hwCode: 'HW06/900-402-06', swCode: null })).toEqual(['SPENT_SOLVENT', 'HW06/900-402-06', 'HW06']);
    expect(acceptedNames({ code: 'FLY_ASH', hwCode: null, swCode: 'SW02' })).toEqual(['FLY_ASH', 'SW02']);
    expect(wasteClass('HW08/900-249-08')).toBe('HW08');
  });

  it('are covered by a licence naming the full code or its class, in any case', () => {
    expect(licenceCovers(['HW08'], 'HW08/900-249-08')).toBe(true);
    expect(licenceCovers(['hw08/900-249-08'], 'HW08/900-249-08')).toBe(true);
    expect(licenceCovers(['HW08/900-210-08'], 'HW08/900-249-08')).toBe(false);
    expect(licenceCovers(['HW49', 'HW06'], 'HW08/900-249-08')).toBe(false);
  });
});
