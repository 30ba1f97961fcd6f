import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSecret, parseSignatureHeader, signatureHeader, verifySignature } from './signing.ts';

const NOW = Date.UTC(2026, 11, 7, 8, 0, 0);

describe('alarm webhook signatures', () => {
  it('is the hex HMAC-SHA256 of "<t>.<body>" with t in unix seconds', () => {
    const h = signatureHeader('whsec_test', '{"a":1}', NOW + 999);
    const t = Math.floor(NOW / 1000);
    expect(h).toBe(`t=${t},v1=${createHmac('sha256', 'whsec_test').update(`${t}.{"a":1}`).digest('hex')}`);
  });

  it('verifies what it signed, within the tolerance, and nothing altered', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.integer({ min: -299, max: 299 }), fc.string({ minLength: 1 }), (body, secret, other, skewS, extra) => {
        const header = signatureHeader(secret, body, NOW);
        expect(verifySignature(header, body, secret, NOW + skewS * 1000)).toBe(true);
        expect(verifySignature(header, body + extra, secret, NOW)).toBe(false);
        if (other !== secret) expect(verifySignature(header, body, other, NOW)).toBe(false);
        // A replay: the same call presented well after the tolerance.
        expect(verifySignature(header, body, secret, NOW + 301_000)).toBe(false);
        // The timestamp is signed: moving it to now breaks the signature.
        const moved = header.replace(/^t=\d+/, `t=${Math.floor(NOW / 1000) + 1000}`);
        expect(verifySignature(moved, body, secret, NOW + 1_000_000)).toBe(false);
      }),
    );
  });

  it('accepts any one matching v1 (two during a rotation) and refuses malformed headers', () => {
    const body = '{"id":1}';
    const good = signatureHeader('new', body, NOW);
    const [, v1] = good.split(',v1=');
    const t = Math.floor(NOW / 1000);
    expect(verifySignature(`t=${t},v1=${'0'.repeat(64)},v1=${v1}`, body, 'new', NOW)).toBe(true);
    for (const bad of ['', 'v1=abc', `t=${t}`, `t=x,v1=${v1}`, `t=${t},v1=${v1.slice(1)}`, `t=${t},v0=${v1}`]) {
      expect(parseSignatureHeader(bad) === null || !verifySignature(bad, body, 'new', NOW), bad).toBe(true);
    }
  });

  it('generates distinct, prefixed secrets of 256 bits', () => {
    const a = newSecret();
    const b = newSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
});
