import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ManifestLeg, ManifestLine } from './model.ts';
import { canonicalJson, contentDigest, firstBrokenSignature, GENESIS_HASH, signatureHash, verifyChain, type ChainedSignature, type SignatureFields } from './signatures.ts';

const lines: ManifestLine[] = [
  {
    line: 1, materialId: 7, hwCode: 'HW06/900-402-06', form: 'liquid', packaging: 'drum', containers: 4, quantity: 10, unit: 't', hazards: ['T', 'I'],
    batches: ['https://id.example/lot/1'], received: null, receivedContainers: null, rejected: null, method: null, processed: null,
  },
];
const legs: ManifestLeg[] = [{ leg: 1, transporterId: 3, vehicle: '苏A12345', driver: '王师傅', driverPhone: null }];

function fields(seq: number, over: Partial<SignatureFields> = {}): SignatureFields {
  return {
    manifestId: 11, number: 'SIP-2026-000001', revision: 0, seq, version: seq, action: seq === 1 ? 'sign' : 'hand_over', party: 'generator', leg: null,
    enterpriseId: 1, userId: 5, username: 'chen', role: 'enterprise_operator', via: 'session', at: 1_780_000_000_000 + seq * 60_000,
    location: { place: 'Gate 2', lat: 31.3, lng: 120.7 }, seen: [{ line: 1, quantity: 10, containers: 4 }], detail: seq === 1 ? null : { halfOf: 0 }, note: null,
    content: contentDigest({ lines, legs, receiverId: 2 }), ...over,
  };
}

function chain(n: number): ChainedSignature[] {
  const out: ChainedSignature[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const f = fields(seq);
    const hash = signatureHash(prev, f);
    out.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: null }], c: 'é' } })).toBe('{"a":{"c":"é","d":[3,{"x":null,"z":1}]},"b":1}');
    expect(canonicalJson([undefined, -0, 1.5e-7])).toBe('[null,0,1.5e-7]');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson({ a: 1n })).toThrow();
  });

  it('does not depend on the order keys were built in (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
        expect(JSON.parse(canonicalJson(o))).toEqual(JSON.parse(JSON.stringify(o)));
      }),
    );
  });
});

describe('the signature chain', () => {
  it('verifies an untouched chain, the empty one included, and chains the first to 64 zeros', () => {
    expect(verifyChain([])).toBe(true);
    const c = chain(4);
    expect(c[0].prevHash).toBe('0'.repeat(64));
    expect(c[1].prevHash).toBe(c[0].hash);
    expect(c[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(c)).toBe(true);
    // Rows read back with their keys in another order and extra columns still verify.
    expect(verifyChain(c.map((s) => ({ id: 99, ...Object.fromEntries(Object.entries(s).reverse()) }) as unknown as ChainedSignature))).toBe(true);
  });

  it('binds the content: another line, leg or receiver gives another digest', () => {
    const base = contentDigest({ lines, legs, receiverId: 2 });
    expect(contentDigest({ lines: [{ ...lines[0], quantity: 10.5 }], legs, receiverId: 2 })).not.toBe(base);
    expect(contentDigest({ lines, legs: [{ ...legs[0], vehicle: '苏A54321' }], receiverId: 2 })).not.toBe(base);
    expect(contentDigest({ lines, legs, receiverId: 3 })).not.toBe(base);
    expect(contentDigest({ lines: [Object.fromEntries(Object.entries(lines[0]).reverse()) as unknown as ManifestLine], legs, receiverId: 2 })).toBe(base);
  });

  const tamperings: [string, (s: ChainedSignature) => ChainedSignature][] = [
    ['manifestId', (s) => ({ ...s, manifestId: 12 })],
    ['number', (s) => ({ ...s, number: 'SIP-2026-000002' })],
    ['revision', (s) => ({ ...s, revision: 1 })],
    ['version', (s) => ({ ...s, version: s.version + 1 })],
    ['action', (s) => ({ ...s, action: 'take_over' })],
    ['party', (s) => ({ ...s, party: 'receiver' })],
    ['leg', (s) => ({ ...s, leg: 1 })],
    ['enterpriseId', (s) => ({ ...s, enterpriseId: 2 })],
    ['userId', (s) => ({ ...s, userId: null })],
    ['username', (s) => ({ ...s, username: 'li' })],
    ['role', (s) => ({ ...s, role: 'enterprise_admin' })],
    ['via', (s) => ({ ...s, via: 'api_key' })],
    ['at', (s) => ({ ...s, at: s.at + 1 })],
    ['location', (s) => ({ ...s, location: { ...s.location, lat: 31.4 } })],
    ['seen', (s) => ({ ...s, seen: [{ line: 1, quantity: 9.9, containers: 4 }] })],
    ['detail', (s) => ({ ...s, detail: { halfOf: 1 } })],
    ['note', (s) => ({ ...s, note: 'added later' })],
    ['content', (s) => ({ ...s, content: '0'.repeat(64) })],
    ['prevHash', (s) => ({ ...s, prevHash: 'f'.repeat(64) })],
    ['hash', (s) => ({ ...s, hash: 'f'.repeat(64) })],
  ];

  it.each(tamperings)('breaks at the signature whose %s was changed', (_field, tamper) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1))), ([n, at]) => {
        const c = chain(n);
        c[at] = tamper(c[at]);
        expect(verifyChain(c)).toBe(false);
        expect(firstBrokenSignature(c)).toBe(at);
      }),
      { numRuns: 30 },
    );
  });

  it('breaks when signatures are reordered, dropped or replayed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 2))), ([n, i]) => {
        const c = chain(n);
        const swapped = [...c];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
        expect(verifyChain(swapped)).toBe(false);
        expect(verifyChain(c.filter((_, k) => k !== i))).toBe(false);
        expect(verifyChain([...c, c[c.length - 1]])).toBe(false);
        // Renumbering a dropped chain's seqs does not mend it: the hashes cover seq and link to the dropped row.
        expect(verifyChain(c.filter((_, k) => k !== i).map((s, k) => ({ ...s, seq: k + 1 })))).toBe(false);
      }),
    );
  });
});
