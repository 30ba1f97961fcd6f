import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walk, type Link } from './genealogy.ts';
import { recallCsv, recallReport } from './recall.ts';

const E = [
  { id: 1, code: 'polyolefin', name: '聚烯烃', nameEn: 'Polyolefins' },
  { id: 2, code: 'recycler', name: '再生', nameEn: 'Recycler' },
];
const links: Link[] = [
  { eventID: 'a', type: 'TransformationEvent', enterpriseId: 1, eventTime: 1, inputs: [{ ref: 'eth', quantity: 40, uom: 'TNE' }], outputs: [{ ref: 'pe', quantity: 36, uom: 'TNE' }, { ref: 'ofs', quantity: 4, uom: 'TNE' }] },
  { eventID: 'b', type: 'TransformationEvent', enterpriseId: 2, eventTime: 2, inputs: [{ ref: 'ofs', quantity: 4, uom: 'TNE' }, { ref: 'wp', quantity: 4, uom: 'TNE' }], outputs: [{ ref: 'rpe', quantity: 7, uom: 'TNE' }] },
];
const over = (list: Link[]) => async (refs: string[]) => new Map(refs.map((r) => [r, list.filter((l) => l.inputs.some((x) => x.ref === r))]));

describe('recall report', () => {
  it('lists every downstream lot with its share of the recalled lot and its holders', async () => {
    const t = await walk('eth', 'forward', 10, over(links));
    const r = recallReport(t, E, new Map([['rpe', '88.118.2/rpe-1']]), 10, Date.UTC(2026, 10, 30));
    expect(r.lots.map((l) => [l.ref, l.quantity, l.endpoint])).toEqual([['ofs', 4, false], ['pe', 36, true], ['rpe', 3.5, true]]);
    expect(r.lots.find((l) => l.ref === 'rpe')!.handle).toBe('88.118.2/rpe-1');
    expect(r.holders.find((h) => h.code === 'recycler')).toMatchObject({ lots: 2, endpoints: 1, quantities: { TNE: 3.5 } });
    const csv = recallCsv(r);
    expect(csv.startsWith('\ufefflot,handle,depth')).toBe(true);
    expect(csv).toContain('rpe,88.118.2/rpe-1,2,3.5,TNE,true,false,recycler,再生');
    // At the depth asked for, a lot is not followed: not known to be an endpoint.
    const short = recallReport(await walk('eth', 'forward', 1, over(links)), E, new Map(), 1, 0);
    expect(short.lots.find((l) => l.ref === 'ofs')).toMatchObject({ endpoint: false, cutOff: true });
  });

  it('never attributes more to the endpoints than the recalled lot put in (mass is conserved or lost, never made)', async () => {
    // A chain of transformations with random yields (outputs no more than inputs).
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ yieldPct: fc.integer({ min: 1, max: 100 }), extra: fc.integer({ min: 0, max: 50 }) }), { minLength: 1, maxLength: 8 }), async (steps) => {
        const list: Link[] = steps.map((s, i) => {
          const mass = 100;
          return {
            eventID: `s${i}`, type: 'TransformationEvent', enterpriseId: 1, eventTime: i,
            inputs: [{ ref: `L${i}`, quantity: mass, uom: 'KGM' }, ...(s.extra ? [{ ref: `X${i}`, quantity: s.extra, uom: 'KGM' }] : [])],
            outputs: [{ ref: `L${i + 1}`, quantity: ((mass + s.extra) * s.yieldPct) / 100, uom: 'KGM' }],
          };
        });
        const t = await walk('L0', 'forward', 20, over(list));
        const r = recallReport(t, E, new Map(), 20, 0);
        const atEnd = r.lots.filter((l) => l.endpoint).reduce((s, l) => s + (l.quantity ?? 0), 0);
        expect(atEnd).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  it('defuses spreadsheet formulas in CSV cells', () => {
    const r = recallReport({ root: 'x', nodes: [{ ref: 'x', quantity: null, uom: null, depth: 0, enterpriseIds: [], confirmed: true }, { ref: '=cmd()', quantity: 1, uom: 'KGM', depth: 1, enterpriseIds: [], confirmed: true }], edges: [], truncated: false }, [], new Map(), 1, 0);
    expect(recallCsv(r)).toContain("'=cmd()");
  });
});
