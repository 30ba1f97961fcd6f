import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidUscc, usccCheckChar } from './uscc.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('USCC check character', () => {
  it('accepts a published code', () => {
    // Tencent Technology (Shenzhen) Co., Ltd., printed on its business licence.
    expect(isValidUscc('9144030071526726XG')).toBe(true);
  });

  it('accepts the computed check character and rejects every other one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }), (chars) => {
        const body = chars.join('');
        const check = usccCheckChar(body)!;
        expect(isValidUscc(body + check)).toBe(true);
        for (const other of ALPHABET) if (other !== check) expect(isValidUscc(body + other)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects wrong lengths and characters outside the alphabet', () => {
    expect(isValidUscc('91440300')).toBe(false);
    expect(isValidUscc('9144030071526726IO')).toBe(false);
  });
});
