/**
 * ECharts draws a Sankey only of an acyclic graph, and a circular park is full of loops (a
 * by-product sent back upstream, steam and condensate). The links are kept in order of weight
 * while they close no loop; a link that would close one is drawn into a copy of its target (the
 * "return" node), so every tonne still shows and the heavy paths stay continuous. Pure: no I/O.
 */

export interface Link {
  source: string;
  target: string;
  value: number;
}

/** The key of the copy of `key` that receives the links closing a loop. */
const RETURN_SUFFIX = '::return';
export const returnKey = (key: string) => `${key}${RETURN_SUFFIX}`;
export const isReturnKey = (key: string) => key.endsWith(RETURN_SUFFIX);
export const originalKey = (key: string) => (isReturnKey(key) ? key.slice(0, -RETURN_SUFFIX.length) : key);

/**
 * The links with loop-closing ones redirected to return nodes, in the input's order, and the keys
 * of the return nodes used. Links of a node to itself are redirected likewise.
 */
export function acyclicLinks<L extends Link>(links: readonly L[]): { links: L[]; returns: string[] } {
  const out = new Array<L>(links.length);
  const next = new Map<string, Set<string>>();
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>([from]);
    const stack = [from];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === to) return true;
      for (const m of next.get(n) ?? []) {
        if (!seen.has(m)) {
          seen.add(m);
          stack.push(m);
        }
      }
    }
    return false;
  };
  const returns = new Set<string>();
  const order = links.map((_, i) => i).sort((a, b) => links[b].value - links[a].value || a - b);
  for (const i of order) {
    const l = links[i];
    if (reaches(l.target, l.source)) {
      const target = returnKey(l.target);
      returns.add(target);
      out[i] = { ...l, target };
      continue;
    }
    let set = next.get(l.source);
    if (!set) next.set(l.source, (set = new Set()));
    set.add(l.target);
    out[i] = l;
  }
  return { links: out, returns: [...returns] };
}
