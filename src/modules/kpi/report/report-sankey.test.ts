import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleReport } from './report-data.ts';
import { fixtureSources } from './report-fixture.ts';
import { drawableLinks, fitLabel, sankeySvg, shortNames } from './report-sankey.ts';

/** Whether the links' graph has a cycle (depth-first, colouring). */
function hasCycle(links: { source: string; target: string }[]): boolean {
  const next = new Map<string, string[]>();
  for (const l of links) next.set(l.source, [...(next.get(l.source) ?? []), l.target]);
  const state = new Map<string, 1 | 2>();
  const visit = (n: string): boolean => {
    if (state.get(n) === 1) return true;
    if (state.get(n) === 2) return false;
    state.set(n, 1);
    for (const m of next.get(n) ?? []) if (visit(m)) return true;
    state.set(n, 2);
    return false;
  };
  return [...next.keys()].some(visit);
}

describe('the report Sankey', () => {
  it('property: the drawn links are acyclic and carry every positive amount of every source', () => {
    const link = fc.record({ source: fc.constantFrom('a', 'b', 'c', 'd', 'e'), target: fc.constantFrom('a', 'b', 'c', 'd', 'e'), value: fc.double({ min: -10, max: 100, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 40 }), (links) => {
        const { links: out } = drawableLinks(links);
        expect(hasCycle(out)).toBe(false);
        for (const s of ['a', 'b', 'c', 'd', 'e']) {
          const given = links.filter((l) => l.source === s && l.value > 0).reduce((t, l) => t + l.value, 0);
          const drawn = out.filter((l) => l.source === s).reduce((t, l) => t + l.value, 0);
          expect(drawn).toBeCloseTo(given, 6);
        }
      }),
    );
  });

  it('draws the loop into a return node and labels nodes in the report language', () => {
    const c = assembleReport(fixtureSources('zh-CN'));
    const svg = sankeySvg(c.sankey, { width: 800, height: 600, returnNode: c.labels.returnNode })!;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('氯碱公司');
    expect(svg).toContain('外部客户');
    // The steam back from PVC to chlor-alkali closes a loop: drawn into chlor-alkali's return copy.
    expect(svg).toContain('氯碱公司（回流）');
  });

  it('has nothing to draw without flows', () => {
    const c = assembleReport(fixtureSources('en', { sankey: null }));
    expect(sankeySvg(c.sankey, { width: 800, height: 600, returnNode: c.labels.returnNode })).toBeNull();
  });

  it('shortens the enterprises’ names: no legal form, no prefix they all share', () => {
    expect(shortNames(['滨海华盐氯碱化工有限公司', '滨海海川石油化工股份有限公司', '滨海园区热电有限公司'])).toEqual(['华盐氯碱化工', '海川石油化工', '园区热电']);
    expect(shortNames(['Binhai Hongda PVC Co., Ltd.', 'Binhai Park Thermal Power Co., Ltd.', 'Binhai Haichuan Petrochemical Co., Ltd.'])).toEqual(['Hongda PVC', 'Park Thermal Power', 'Haichuan Petrochemical']);
    // Fewer than three, or a prefix that is most of a name: kept.
    expect(shortNames(['滨海华盐有限公司', '滨海海川有限公司'])).toEqual(['滨海华盐', '滨海海川']);
    expect(shortNames(['Bin A', 'Bin B', 'Bin C'])).toEqual(['Bin A', 'Bin B', 'Bin C']);
  });

  it('cuts a long label with an ellipsis, counting a Chinese character twice', () => {
    expect(fitLabel('氯碱公司')).toBe('氯碱公司');
    expect(fitLabel('内蒙古自治区鄂尔多斯市滨海华胜氯碱化工有限公司')).toBe('内蒙古自治区鄂尔多斯…');
    expect(fitLabel('Binhai Huayan Chlor-Alkali Chemical Co., Ltd.')).toBe('Binhai Huayan Chlo…');
  });
});
