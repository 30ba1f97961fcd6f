import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { gs1CheckDigit, localDay, normalizeGtin, parseHandle, suffixFor } from './model.ts';

describe('identifiers', () => {
  it('parses prefix/suffix handles, suffixes may contain slashes', () => {
    expect(parseHandle('88.118.2/pvc.LOT.20261123.0001')).toEqual({ prefix: '88.118.2', suffix: 'pvc.LOT.20261123.0001' });
    expect(parseHandle('88.118.2/a/b')).toEqual({ prefix: '88.118.2', suffix: 'a/b' });
    expect(parseHandle('no-slash')).toBeNull();
    expect(parseHandle('x.y/z')).toBeNull();
    expect(parseHandle('88.1/has space')).toBeNull();
  });

  it('makes readable suffixes in the park-local day', () => {
    expect(suffixFor('pvc', 'lot', '20261123', 7)).toBe('pvc.LOT.20261123.0007');
    // 2026-11-23 20:00 UTC is already the 24th in Shanghai.
    expect(localDay(Date.UTC(2026, 10, 23, 20), 'Asia/Shanghai')).toBe('20261124');
  });

  it('checks GTIN check digits and pads to 14 digits', () => {
    expect(normalizeGtin('09506000134352')).toBe('09506000134352');
    expect(normalizeGtin('9506000134352')).toBe('09506000134352');
    expect(normalizeGtin('09506000134353')).toBeNull();
    expect(normalizeGtin('12345')).toBeNull();
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13}$/), (body) => {
        const ok = body + gs1CheckDigit(body);
        expect(normalizeGtin(ok)).toBe(ok);
        const wrong = body + ((gs1CheckDigit(body) + 1) % 10);
        expect(normalizeGtin(wrong)).toBeNull();
      }),
    );
  });
});
