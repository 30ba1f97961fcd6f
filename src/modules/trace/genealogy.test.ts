import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { walk, type Link } from './genealogy.ts';

/** ethylene (100 t) + butene (5 t) -> PE lot A (60 t) + PE lot B (45 t); lot A -> off-spec (6 t) -> recycled (5.5 t). */
const links: Link[] = [
  { eventID: 'e1', type: 'TransformationEvent', enterpriseId: 4, eventTime: 1, inputs: [{ ref: 'eth', quantity: 100, uom: 'TNE' }, { ref: 'but', quantity: 5, uom: 'TNE' }], outputs: [{ ref: 'peA', quantity: 60, uom: 'TNE' }, { ref: 'peB', quantity: 45, uom: 'TNE' }] },
  { eventID: 'e2', type: 'TransformationEvent', enterpriseId: 8, eventTime: 2, inputs: [{ ref: 'peA', quantity: 6, uom: 'TNE' }], outputs: [{ ref: 'rec', quantity: 5.5, uom: 'TNE' }] },
];
/** A level-batched linksOf over a list of links. */
const over = (list: Link[]) => async (refs: string[], dir: 'backward' | 'forward') =>
  new Map(refs.map((ref) => [ref, list.filter((l) => (dir === 'backward' ? l.outputs : l.inputs).some((x) => x.ref === ref))]));
const linksOf = over(links);

describe('genealogy', () => {
  it('attributes input mass backward by homogeneous mixing', async () => {
    const t = await walk('peA', 'backward', 5, linksOf);
    const q = Object.fromEntries(t.nodes.map((n) => [n.ref, n.quantity]));
    expect(q.eth).toBeCloseTo((100 * 60) / 105, 10);
    expect(q.but).toBeCloseTo((5 * 60) / 105, 10);
    expect(t.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['but>peA', 'eth>peA']);
  });

  it('follows a lot forward into what it became, with the share that is its', async () => {
    const t = await walk('eth', 'forward', 5, linksOf, { quantity: 100, uom: 'TNE' });
    const q = Object.fromEntries(t.nodes.map((n) => [n.ref, n.quantity]));
    expect(q.peA).toBeCloseTo((60 * 100) / 105, 10);
    expect(q.rec).toBeDefined();
    expect(t.nodes.find((n) => n.ref === 'rec')!.enterpriseIds).toEqual([8]);
  });

  it('never attributes more than went in, whatever the quantities (a transformation conserves the share)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 5 }), fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 5 }), async (ins, outs) => {
          const l: Link = { eventID: 'x', type: 'TransformationEvent', enterpriseId: 1, eventTime: 0, inputs: ins.map((q, i) => ({ ref: `i${i}`, quantity: q, uom: 'KGM' })), outputs: outs.map((q, i) => ({ ref: `o${i}`, quantity: q, uom: 'KGM' })) };
          const t = await walk('i0', 'forward', 1, over([l]), { quantity: ins[0], uom: 'KGM' });
          const sum = t.nodes.filter((n) => n.ref !== 'i0').reduce((s, n) => s + (n.quantity ?? 0), 0);
          // All of i0's share of the outputs, and no more.
          expect(sum).toBeCloseTo((ins[0] / ins.reduce((a, b) => a + b, 0)) * outs.reduce((a, b) => a + b, 0), 6);
        }),
    );
  });

  it('stops at the depth asked for and survives cycles', async () => {
    const cyc: Link[] = [
      { eventID: 'a', type: 'TransformationEvent', enterpriseId: 1, eventTime: 0, inputs: [{ ref: 'x', quantity: 1, uom: null }], outputs: [{ ref: 'y', quantity: 1, uom: null }] },
      { eventID: 'b', type: 'TransformationEvent', enterpriseId: 1, eventTime: 0, inputs: [{ ref: 'y', quantity: 1, uom: null }], outputs: [{ ref: 'x', quantity: 1, uom: null }] },
    ];
    const t = await walk('x', 'forward', 50, over(cyc));
    expect(t.nodes.map((n) => n.ref).sort()).toEqual(['x', 'y']);
    const shallow = await walk('eth', 'forward', 1, linksOf);
    expect(shallow.nodes.map((n) => n.ref).sort()).toEqual(['eth', 'peA', 'peB']);
    expect(shallow.truncated).toBe(true);
  });

  it('is symmetric: what a lot went into traces back to it, and the other way round', async () => {
    // Random DAGs: lot i is made from lots of lower index.
    const dag = fc.array(fc.record({ out: fc.integer({ min: 1, max: 12 }), ins: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 15 });
    await fc.assert(
      fc.asyncProperty(dag, async (steps) => {
        const list: Link[] = steps
          .map((s, k) => ({ s, k }))
          .filter(({ s }) => s.ins.some((i) => i < s.out))
          .map(({ s, k }) => ({
            eventID: `t${k}`, type: 'TransformationEvent', enterpriseId: 1, eventTime: k,
            inputs: s.ins.filter((i) => i < s.out).map((i) => ({ ref: `L${i}`, quantity: 1, uom: 'KGM' })),
            outputs: [{ ref: `L${s.out}`, quantity: 1, uom: 'KGM' }],
          }));
        const lf = over(list);
        for (let a = 0; a <= 12; a++) {
          const fwd = await walk(`L${a}`, 'forward', 20, lf);
          for (const n of fwd.nodes) {
            const back = await walk(n.ref, 'backward', 20, lf);
            expect(back.nodes.map((x) => x.ref)).toContain(`L${a}`);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

// ----- Provenance: who held a lot, and which links are confirmed (docs/trace.md, "held") -----
import { holdersOf, type HoldCheck, type LotEvidence } from './genealogy.ts';

/** A small world of records: transformations (T) and shipments (S), each recorded by an enterprise, and mints. */
interface Rec {
  pk: number;
  recorder: number;
  kind: 'T' | 'S';
  inputs: string[];
  outputs: string[];
  /** S: the lots shipped; parties named as destination (receive) and as source. */
  lots: string[];
  dest: number[];
  source: number[];
}
interface World {
  events: Rec[];
  mints: { lot: string; enterpriseId: number; at: number }[];
  /** "owner>grantee": the owner shares all its events with the grantee. */
  shares: Set<string>;
}

const visibleTo = (w: World, viewer: number) => (e: Rec) => e.recorder === viewer || e.dest.includes(viewer) || e.source.includes(viewer) || w.shares.has(`${e.recorder}>${viewer}`);

/** What the service's store answers, over a world: links the viewer sees, holders from all records. */
function storeOf(w: World, viewer: number) {
  const seen = visibleTo(w, viewer);
  const linksOf = async (refs: string[], dir: 'backward' | 'forward') =>
    new Map(
      refs.map((ref) => [
        ref,
        w.events
          .filter((e) => e.kind === 'T' && seen(e) && (dir === 'backward' ? e.outputs : e.inputs).includes(ref))
          .map((e): Link => ({ eventID: `e${e.pk}`, type: 'TransformationEvent', enterpriseId: e.recorder, eventTime: e.pk, inputs: e.inputs.map((r) => ({ ref: r, quantity: 1, uom: 'KGM' })), outputs: e.outputs.map((r) => ({ ref: r, quantity: 1, uom: 'KGM' })) })),
      ]),
    );
  const evidence = (ref: string): LotEvidence => ({
    made: [
      ...w.events.filter((e) => e.kind === 'T' && e.outputs.includes(ref)).map((e) => ({ enterpriseId: e.recorder, at: e.pk })),
      ...w.mints.filter((m) => m.lot === ref).map((m) => ({ enterpriseId: m.enterpriseId, at: m.at })),
    ],
    used: [...new Set(w.events.filter((e) => e.kind === 'T' && e.inputs.includes(ref)).map((e) => e.recorder))],
    named: w.events.filter((e) => (e.kind === 'S' ? e.lots : [...e.inputs, ...e.outputs]).includes(ref)).map((e) => ({ recorder: e.recorder, parties: e.kind === 'S' ? e.dest : [] })),
  });
  const check = (unconfirmed = false): HoldCheck => ({ holdersOf: async (refs) => new Map(refs.map((r) => [r, holdersOf(evidence(r))])), unconfirmed });
  return { linksOf, evidence, check };
}

/** The confirmed trace of a lot for a viewer: node refs and edges (from>to@event), both directions. */
async function confirmedTrace(w: World, viewer: number, lot: string) {
  const s = storeOf(w, viewer);
  const parts = [await walk(lot, 'backward', 30, s.linksOf, undefined, undefined, s.check()), await walk(lot, 'forward', 30, s.linksOf, undefined, undefined, s.check())];
  return {
    nodes: [...new Set(parts.flatMap((p) => p.nodes.map((n) => n.ref)))].sort(),
    edges: [...new Set(parts.flatMap((p) => p.edges.map((e) => `${e.from}>${e.to}@${e.eventID}`)))].sort(),
  };
}

const LOTS = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'];
const MADE = LOTS.slice(0, 6); // every world makes these first (L6, L7 may be raw material nobody makes)
const lotsArb = (from: string[]) => fc.uniqueArray(fc.constantFrom(...from), { minLength: 1, maxLength: 3 });
const recArb = (recorders: fc.Arbitrary<number>, lots: string[], parties: fc.Arbitrary<number[]>) =>
  fc.oneof(
    fc.record({ recorder: recorders, kind: fc.constant('T' as const), inputs: lotsArb(lots), outputs: lotsArb(lots), lots: fc.constant([] as string[]), dest: parties, source: parties }),
    fc.record({ recorder: recorders, kind: fc.constant('S' as const), inputs: fc.constant([] as string[]), outputs: fc.constant([] as string[]), lots: lotsArb(lots), dest: parties, source: parties }),
  );
/** A world of enterprises 1–4: each of L0–L5 made first by one of them, then random records, mints and shares. */
const worldArb = fc
  .record({
    makers: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: MADE.length, maxLength: MADE.length }),
    recs: fc.array(recArb(fc.integer({ min: 1, max: 4 }), LOTS, fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 2 })), { maxLength: 14 }),
    mints: fc.array(fc.record({ lot: fc.constantFrom(...LOTS), enterpriseId: fc.integer({ min: 1, max: 4 }), at: fc.integer({ min: 0, max: 40 }) }), { maxLength: 3 }),
    shares: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).map(([a, b]) => `${a}>${b}`), { maxLength: 4 }),
  })
  .map(({ makers, recs, mints, shares }): World => {
    const origin = MADE.map((lot, i) => ({ recorder: makers[i], kind: 'T' as const, inputs: [] as string[], outputs: [lot], lots: [] as string[], dest: [] as number[], source: [] as number[] }));
    const events = [...origin, ...recs].map((r, k) => ({ ...r, pk: k + 1, outputs: r.outputs.filter((o) => !r.inputs.includes(o)) }));
    return { events, mints, shares: new Set(shares) };
  });
const Z = 9;
/** Records of a third party Z (shipments and transformations of lots others made, naming 1 and 2 as parties), after the world's. */
const thirdPartyArb = fc.array(recArb(fc.constant(Z), MADE, fc.uniqueArray(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 5 });
const addRecords = (w: World, recs: Omit<Rec, 'pk'>[]): World => ({
  ...w,
  events: [...w.events, ...recs.map((r, k) => ({ ...r, pk: w.events.length + 100 + k, outputs: r.outputs.filter((o) => !r.inputs.includes(o)) }))],
});

describe('provenance: who held a lot', () => {
  it('the first claim to make a lot makes its maker; a holder’s shipment hands it to the destination; a non-holder’s hands nothing', () => {
    const ev: LotEvidence = { made: [{ enterpriseId: 1, at: 5 }, { enterpriseId: 7, at: 9 }], used: [3], named: [{ recorder: 7, parties: [4] }, { recorder: 1, parties: [2] }, { recorder: 2, parties: [3] }] };
    expect([...holdersOf(ev)].sort()).toEqual([1, 2, 3]);
    // Nothing makes it (material from outside the records): whoever recorded using it held it, for its own intake.
    expect([...holdersOf({ made: [], used: [3, 5], named: [] })].sort()).toEqual([3, 5]);
    expect([...holdersOf({ made: [], used: [], named: [{ recorder: 8, parties: [1] }] })]).toEqual([]);
  });

  it('a forged consumption is not followed by default, and shown unconfirmed on request', async () => {
    // A (1) makes P; X (9) records that P went into F and names A: a claim about A's lot, never A's record.
    const w: World = { events: [{ pk: 1, recorder: 1, kind: 'T', inputs: [], outputs: ['P'], lots: [], dest: [], source: [] }, { pk: 2, recorder: 9, kind: 'T', inputs: ['P'], outputs: ['F'], lots: [], dest: [1], source: [] }], mints: [], shares: new Set() };
    const s = storeOf(w, 1);
    const strict = await walk('P', 'forward', 5, s.linksOf, undefined, undefined, s.check());
    expect(strict.nodes.map((n) => n.ref)).toEqual(['P']);
    const all = await walk('P', 'forward', 5, s.linksOf, undefined, undefined, s.check(true));
    expect(all.edges).toMatchObject([{ from: 'P', to: 'F', confirmed: false, notHeld: ['P'], recordedBy: { enterpriseId: 9 } }]);
    expect(all.nodes.find((n) => n.ref === 'F')).toMatchObject({ confirmed: false });
    expect(all.nodes.find((n) => n.ref === 'P')).toMatchObject({ confirmed: true });
    // Once A ships P to X (A’s own record), the link is confirmed.
    const shipped = { ...w, events: [...w.events, { pk: 3, recorder: 1, kind: 'S' as const, inputs: [], outputs: [], lots: ['P'], dest: [9], source: [1] }] };
    const s2 = storeOf(shipped, 1);
    expect((await walk('P', 'forward', 5, s2.linksOf, undefined, undefined, s2.check())).edges).toMatchObject([{ from: 'P', to: 'F', confirmed: true }]);
  });

  it('records added by a third party that never held any lot never change the confirmed trace of anyone’s view', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, thirdPartyArb, async (w, z) => {
        const after = addRecords(w, z);
        const s = storeOf(after, 1);
        // The premise: Z held no lot (it made none first, used none that nobody makes, received none from a holder).
        fc.pre(LOTS.every((l) => !holdersOf(s.evidence(l)).has(Z)));
        for (const viewer of [1, 2]) for (const lot of LOTS) expect(await confirmedTrace(after, viewer, lot)).toEqual(await confirmedTrace(w, viewer, lot));
      }),
      { numRuns: 150 },
    );
  });

  it('is symmetric for a viewer: if Y is in X’s confirmed forward trace, X is in Y’s confirmed backward trace', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, thirdPartyArb, fc.integer({ min: 1, max: 4 }), async (w0, z, viewer) => {
        const w = addRecords(w0, z);
        const s = storeOf(w, viewer);
        for (const x of LOTS) {
          const fwd = await walk(x, 'forward', 30, s.linksOf, undefined, undefined, s.check());
          for (const y of fwd.nodes) {
            const back = await walk(y.ref, 'backward', 30, s.linksOf, undefined, undefined, s.check());
            expect(back.nodes.map((n) => n.ref)).toContain(x);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
