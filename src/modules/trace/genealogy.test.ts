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
