import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkLimits, checkMaterialCodes } from './model.ts';

describe('tag limits', () => {
  it('accepts any ordered subset of limits', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (values, keep) => {
        const [ll, l, h, hh] = [...values].sort((a, b) => a - b);
        const tag: Record<string, unknown> = {};
        (['lowLowLimit', 'lowLimit', 'highLimit', 'highHighLimit'] as const).forEach((k, i) => {
          if (keep[i]) tag[k] = [ll, l, h, hh][i];
        });
        expect(checkLimits(tag)).toEqual([]);
      }),
    );
  });

  it('names the first limit out of order', () => {
    expect(checkLimits({ lowLimit: 5, highLimit: 3 })).toEqual([{ path: '/body/highLimit', message: 'must not be below lowLimit (5)' }]);
    expect(checkLimits({ lowLowLimit: 1, lowLimit: null, highLimit: 0.5 })[0].path).toBe('/body/highLimit');
  });
});

describe('material codes', () => {
  it('accepts real codes', () => {
    expect(checkMaterialCodes({ hwCode: 'HW06/900-402-06', hazardous: true, ewcCode: '07 05 04*', hsCode: '3901.10', swCode: 'SW10' })).toEqual([]);
  });
  it('rejects malformed codes and a non-hazardous hazardous waste', () => {
    const errors = checkMaterialCodes({ hwCode: 'HW06/900-402-08', hazardous: false, ewcCode: '070504', hsCode: '39', swCode: 'S10' });
    expect(errors.map((e) => e.path).sort()).toEqual(['/body/ewcCode', '/body/hazardous', '/body/hsCode', '/body/hwCode', '/body/swCode']);
  });
});
