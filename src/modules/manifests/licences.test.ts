import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityLeft, licenceProblems, type LicenceCheckInput, type LicenceFacts } from './licences.ts';

const GEN = 1;
const REC = 2;
const T1 = 3;
const T2 = 4;

let nextId = 1;
function licence(over: Partial<LicenceFacts> = {}): LicenceFacts {
  const id = nextId++;
  return {
    id, enterpriseId: REC, number: `L-${id}`, kind: 'receiver', codes: ['HW06'], annualCapacityT: 1000,
    validFrom: '2026-01-01', validTo: '2026-12-31', siteId: null, vehicle: null, ...over,
  };
}
const haul = (over: Partial<LicenceFacts> = {}) => licence({ enterpriseId: T1, kind: 'transporter', annualCapacityT: null, vehicle: '苏A·12345', codes: ['HW06', 'HW34'], ...over });

function input(over: Partial<LicenceCheckInput> = {}): LicenceCheckInput {
  return {
    kind: 'original', receiverId: REC, receiverSiteId: null,
    legs: [{ leg: 1, transporterId: T1, vehicle: '苏A 12345' }],
    lines: [{ line: 1, hwCode: 'HW06/900-402-06' }],
    declaredT: 20, on: '2026-06-01', licences: [licence(), haul()], use: [], ...over,
  };
}
const codes = (i: LicenceCheckInput, scope: Parameters<typeof licenceProblems>[1] = { all: true }) => licenceProblems(i, scope).map((p) => [p.party, p.code]);

describe('licence checks', () => {
  it('passes a receiver and a transporter with valid, covering licences (plates match whatever their spacing)', () => {
    expect(licenceProblems(input(), { all: true })).toEqual([]);
  });

  it('refuses an unlicensed receiver and an unlicensed transporter, with the reason', () => {
    const p = licenceProblems(input({ licences: [] }), { all: true });
    expect(p.map((x) => [x.party, x.code, x.enterpriseId, x.leg])).toEqual([['receiver', 'no_licence', REC, null], ['transporter', 'no_licence', T1, 1]]);
    expect(p[0].reason).toContain('holds no');
    // A licence of the other kind does not count.
    expect(codes(input({ licences: [licence({ enterpriseId: T1 }), haul({ enterpriseId: REC })] }))).toEqual([['receiver', 'no_licence'], ['transporter', 'no_licence']]);
  });

  it('refuses an expired or not yet valid licence', () => {
    expect(codes(input({ licences: [licence({ validTo: '2026-05-31' }), haul()] }))).toEqual([['receiver', 'expired']]);
    expect(codes(input({ licences: [licence(), haul({ validFrom: '2026-06-02' })] }))).toEqual([['transporter', 'not_yet_valid']]);
    // Both ends of the validity are inclusive.
    expect(codes(input({ licences: [licence({ validTo: '2026-06-01' }), haul({ validFrom: '2026-06-01' })] }))).toEqual([]);
    expect(licenceProblems(input({ licences: [licence({ validTo: '2026-05-31', number: 'JS-0042' }), haul()] }), { all: true })[0]).toMatchObject({
      licenceNumber: 'JS-0042',
      reason: expect.stringContaining('expired on 2026-05-31'),
    });
  });

  it('refuses a code outside the licence, line by line', () => {
    const i = input({ lines: [{ line: 1, hwCode: 'HW06/900-402-06' }, { line: 2, hwCode: 'HW34/900-349-34' }, { line: 3, hwCode: 'HW08/900-249-08' }] });
    const p = licenceProblems(i, { receiver: true });
    expect(p.map((x) => [x.code, x.line])).toEqual([['code_not_covered', 2], ['code_not_covered', 3]]);
    expect(p[0].reason).toContain('HW34/900-349-34');
    // A full code covers only itself.
    expect(codes(input({ licences: [licence({ codes: ['HW06/900-401-06'] }), haul()] }))).toEqual([['receiver', 'code_not_covered']]);
    expect(codes(input({ licences: [licence({ codes: ['hw06/900-402-06 '] }), haul()] }))).toEqual([]);
  });

  it('refuses a quantity over the capacity left, and says how much is left', () => {
    const l = licence({ annualCapacityT: 100 });
    const p = licenceProblems(input({ licences: [l, haul()], use: [{ licenceId: l.id, acceptedT: 70, inFlightT: 15 }] }), { all: true });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: 'over_capacity', party: 'receiver', licenceNumber: l.number });
    expect(p[0].reason).toContain('15 t of its 100 t');
    expect(p[0].reason).toContain('declares 20 t');
    expect(licenceProblems(input({ declaredT: 15, licences: [l, haul()], use: [{ licenceId: l.id, acceptedT: 70, inFlightT: 15 }] }), { all: true })).toEqual([]);
    // No stated capacity: no limit.
    expect(codes(input({ declaredT: 1e6, licences: [licence({ annualCapacityT: null }), haul()] }))).toEqual([]);
  });

  it("refuses the wrong vehicle and another facility's licence", () => {
    expect(codes(input({ licences: [licence(), haul({ vehicle: '苏A·99999' })] }))).toEqual([['transporter', 'vehicle_not_covered']]);
    expect(codes(input({ licences: [licence(), haul({ vehicle: null })] }))).toEqual([]);
    expect(codes(input({ receiverSiteId: 5, licences: [licence({ siteId: 6 }), haul()] }))).toEqual([['receiver', 'site_not_covered']]);
    expect(codes(input({ receiverSiteId: 5, licences: [licence({ siteId: 5 }), haul()] }))).toEqual([]);
    expect(codes(input({ receiverSiteId: null, licences: [licence({ siteId: 6 }), haul()] }))).toEqual([]);
  });

  it('reports, of several licences, the problem of the one nearest to passing; any valid one passes', () => {
    const old = licence({ validTo: '2025-12-31' });
    const other = licence({ codes: ['HW34'] });
    expect(codes(input({ licences: [other, old, haul()] }))).toEqual([['receiver', 'expired']]);
    expect(codes(input({ licences: [other, old, licence(), haul()] }))).toEqual([]);
    const small = licence({ annualCapacityT: 5 });
    const bigger = licence({ annualCapacityT: 10 });
    const p = licenceProblems(input({ licences: [small, bigger, old, haul()] }), { all: true });
    expect(p).toMatchObject([{ code: 'over_capacity', licenceNumber: bigger.number }]);
  });

  it('checks only the scope asked for, and no receiver on a return', () => {
    const i = input({ legs: [{ leg: 1, transporterId: T1, vehicle: '苏A12345' }, { leg: 2, transporterId: T2, vehicle: 'X' }], licences: [haul()] });
    expect(codes(i, { leg: 1 })).toEqual([]);
    expect(licenceProblems(i, { leg: 2 }).map((p) => [p.code, p.leg])).toEqual([['no_licence', 2]]);
    expect(codes(i, { receiver: true })).toEqual([['receiver', 'no_licence']]);
    expect(codes({ ...i, kind: 'return', receiverId: GEN })).toEqual([['transporter', 'no_licence']]);
    expect(codes({ ...i, kind: 'return', receiverId: GEN }, { receiver: true })).toEqual([]);
  });

  it('reports a licence-wide problem once, not once per line', () => {
    const i = input({ lines: [{ line: 1, hwCode: 'HW06/900-402-06' }, { line: 2, hwCode: 'HW06/900-401-06' }], licences: [licence({ validTo: '2026-01-31' }), haul()] });
    expect(codes(i)).toEqual([['receiver', 'expired']]);
  });

  it('computes the capacity left', () => {
    expect(capacityLeft({ annualCapacityT: 100 }, { licenceId: 1, acceptedT: 30, inFlightT: 20 })).toBe(50);
    expect(capacityLeft({ annualCapacityT: 100 }, undefined)).toBe(100);
    expect(capacityLeft({ annualCapacityT: null }, { licenceId: 1, acceptedT: 30, inFlightT: 20 })).toBeNull();
  });
});

describe('licence checks: properties', () => {
  const licenceArb = fc.record({
    enterpriseId: fc.constantFrom(REC, T1, T2),
    kind: fc.constantFrom<'receiver' | 'transporter'>('receiver', 'transporter'),
    // Biased toward licences that hold, so that problem-free cases are common enough to test.
    codes: fc.oneof(fc.constant<string[]>(['HW06', 'HW34', 'HW08']), fc.subarray(['HW06', 'HW34', 'HW06/900-402-06', 'HW08/900-249-08', 'HW49'])),
    annualCapacityT: fc.option(fc.integer({ min: 0, max: 400 })),
    validFrom: fc.constantFrom('2025-01-01', '2026-01-01', '2026-01-01', '2026-07-01'),
    validTo: fc.constantFrom('2025-12-31', '2026-06-30', '2026-12-31', '2026-12-31'),
    siteId: fc.option(fc.constantFrom(5, 6)),
    vehicle: fc.option(fc.constantFrom('苏A·12345', '苏B 00001')),
    accepted: fc.integer({ min: 0, max: 150 }),
  });
  const caseArb = fc.record({
    licences: fc.array(licenceArb, { minLength: 3, maxLength: 10 }),
    extra: licenceArb,
    lines: fc.subarray(['HW06/900-402-06', 'HW34/900-349-34', 'HW08/900-249-08'], { minLength: 1 }),
    declaredT: fc.integer({ min: 1, max: 120 }),
    receiverSiteId: fc.option(fc.constantFrom(5, 6)),
    twoLegs: fc.boolean(),
  });
  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
  const build = (c: Case, withExtra: boolean) => {
    const all = withExtra ? [...c.licences, c.extra] : c.licences;
    const licences = all.map((l, i) => ({ ...l, id: i + 1, number: `L-${i + 1}` }));
    return input({
      licences,
      use: all.map((l, i) => ({ licenceId: i + 1, acceptedT: l.accepted, inFlightT: 0 })),
      lines: c.lines.map((hwCode, i) => ({ line: i + 1, hwCode })),
      declaredT: c.declaredT,
      receiverSiteId: c.receiverSiteId,
      legs: c.twoLegs ? [{ leg: 1, transporterId: T1, vehicle: '苏A12345' }, { leg: 2, transporterId: T2, vehicle: '苏B00001' }] : [{ leg: 1, transporterId: T1, vehicle: '苏A12345' }],
    });
  };

  it('stays problem-free when a licence is added', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        fc.pre(licenceProblems(build(c, false), { all: true }).length === 0);
        expect(licenceProblems(build(c, true), { all: true })).toEqual([]);
      }),
      { numRuns: 300, maxSkipsPerRun: 1000 },
    );
  });

  it('is never problem-free when every licence of the receiver has less capacity left than declared', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const i = build(c, true);
        const own = i.licences.filter((l) => l.kind === 'receiver' && l.enterpriseId === REC);
        const short = own.every((l) => {
          const left = capacityLeft(l, i.use.find((u) => u.licenceId === l.id));
          return left !== null && left < i.declaredT;
        });
        fc.pre(short);
        expect(licenceProblems(i, { all: true }).some((p) => p.party === 'receiver')).toBe(true);
      }),
      { numRuns: 300, maxSkipsPerRun: 1000 },
    );
  });
});
