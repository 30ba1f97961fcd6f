import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acyclicLinks, isReturnKey, originalKey, returnKey } from './sankey-acyclic.ts';

const keys = ['a', 'b', 'c', 'd', 'e'];
const arbLinks = fc.array(
  fc.record({ source: fc.constantFrom(...keys), target: fc.constantFrom(...keys), value: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
  { maxLength: 30 },
);

function hasCycle(links: readonly { source: string; target: string }[]): boolean {
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

describe('acyclic Sankey links', () => {
  it('draw no loop, keep every link, its source and value, and move a target only to its return node', () => {
    fc.assert(
      fc.property(arbLinks, (links) => {
        const { links: out, returns } = acyclicLinks(links);
        expect(hasCycle(out)).toBe(false);
        expect(out).toHaveLength(links.length);
        out.forEach((l, i) => {
          expect(l.source).toBe(links[i].source);
          expect(l.value).toBe(links[i].value);
          expect(originalKey(l.target)).toBe(links[i].target);
        });
        expect(new Set(returns)).toEqual(new Set(out.filter((l) => isReturnKey(l.target)).map((l) => l.target)));
      }),
    );
  });

  it('leaves an acyclic graph as it is', () => {
    const links = [{ source: 'a', target: 'b', value: 1 }, { source: 'b', target: 'c', value: 2 }, { source: 'a', target: 'c', value: 3 }];
    expect(acyclicLinks(links)).toEqual({ links, returns: [] });
  });

  it('breaks a loop at its lighter link', () => {
    const { links } = acyclicLinks([{ source: 'a', target: 'b', value: 10 }, { source: 'b', target: 'a', value: 1 }]);
    expect(links).toEqual([{ source: 'a', target: 'b', value: 10 }, { source: 'b', target: returnKey('a'), value: 1 }]);
  });
});
