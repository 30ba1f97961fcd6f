import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ManifestLine } from './model.ts';
import { hwCodesOf, totalsOf } from './store.ts';
import { partiesOf, rolesOf } from './visibility.ts';

const line = fc.record({
  quantity: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
  unit: fc.constantFrom('t' as const, 'kg' as const),
  weighed: fc.option(fc.record({ received: fc.double({ min: 0, max: 1e6, noNaN: true }), rejectedShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { nil: null }),
  hwCode: fc.constantFrom('HW08/900-249-08', 'HW06/900-402-06', 'HW34/251-014-34'),
});

const linesOf = (xs: fc.Arbitrary<{ quantity: number; unit: 't' | 'kg'; weighed: { received: number; rejectedShare: number } | null; hwCode: string }[]>) =>
  xs.map((ls) =>
    ls.map(
      (l, i): ManifestLine => ({
        line: i + 1, materialId: 1, hwCode: l.hwCode, form: 'liquid', packaging: 'drum', containers: 1, quantity: l.quantity, unit: l.unit, hazards: [], batches: [],
        received: l.weighed?.received ?? null, receivedContainers: null, rejected: l.weighed ? l.weighed.received * l.weighed.rejectedShare : null, method: null, processed: null,
      }),
    ),
  );

describe('the totals a manifest row keeps', () => {
  it('declares the lines’ sum in t, and accepts no more than was weighed', () => {
    fc.assert(
      fc.property(linesOf(fc.array(line, { minLength: 1, maxLength: 20 })), (lines) => {
        const t = totalsOf(lines);
        const declared = lines.reduce((s, l) => s + (l.unit === 'kg' ? l.quantity / 1000 : l.quantity), 0);
        expect(t.declaredT).toBeCloseTo(declared, 4);
        if (lines.some((l) => l.received === null)) {
          expect(t.receivedT).toBeNull();
          expect(t.acceptedT).toBeNull();
        } else {
          expect(t.acceptedT!).toBeGreaterThanOrEqual(0);
          expect(t.acceptedT!).toBeLessThanOrEqual(t.receivedT! + 1e-6);
        }
      }),
    );
  });

  it('names each code once, counting the lines that carry it', () => {
    fc.assert(
      fc.property(linesOf(fc.array(line, { minLength: 1, maxLength: 20 })), (lines) => {
        const codes = hwCodesOf(lines);
        expect(codes.map((c) => c.split(' × ')[0])).toEqual([...new Set(lines.map((l) => l.hwCode))]);
        const total = codes.reduce((s, c) => s + Number(c.split(' × ')[1] ?? 1), 0);
        expect(total).toBe(lines.length);
      }),
    );
  });
});

describe('who is party to a manifest', () => {
  it('lists generator, each leg’s transporter and receiver, and gives each enterprise exactly the sides it plays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 4 }), fc.integer({ min: 1, max: 6 }), (g, r, ts, reader) => {
        const parties = partiesOf({ generatorId: g, receiverId: r, transporterIds: ts });
        expect(parties).toHaveLength(ts.length + 2);
        expect(new Set(parties.map((p) => `${p.party}:${p.leg}`)).size).toBe(parties.length);
        const roles = rolesOf(parties, reader);
        expect(roles.includes('generator')).toBe(reader === g);
        expect(roles.includes('receiver')).toBe(reader === r);
        expect(roles.includes('transporter')).toBe(ts.includes(reader));
        expect(rolesOf(parties, null)).toEqual([]);
      }),
    );
  });
});
