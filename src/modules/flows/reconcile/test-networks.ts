/**
 * Random connected flow networks for the property tests, built from fast-check's values: a
 * spanning tree of the nodes and the boundary, extra flows between any two ends, values that
 * balance exactly ("truth"), and a mix of measured, unmeasured and exact flows that keeps every
 * unmeasured flow determinable (unmeasured flows never close a cycle through nodes and boundary).
 */
import fc from 'fast-check';
import type { NetworkInput } from './types.ts';

export interface RandomNetwork {
  input: NetworkInput;
  truth: number[];
}

type Flow = { id: string; from: string | null; to: string | null; value: number | null; sd: number };

export const networkArbitrary = (opts: { maxNodes?: number; unmeasured?: boolean; exact?: boolean; noise?: boolean } = {}) => {
  const choices: ('m' | 'u' | 'e')[] = ['m', 'm', 'm', ...(opts.unmeasured === false ? [] : ['u' as const]), ...(opts.exact === false ? [] : ['e' as const])];
  return fc
    .record({
      nodes: fc.integer({ min: 1, max: opts.maxNodes ?? 8 }),
      parents: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      treeForward: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
      extra: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 1, max: 100, noNaN: true })), { minLength: 1, maxLength: 14 }),
      kinds: fc.array(fc.constantFrom(...choices), { minLength: 24, maxLength: 24 }),
      relSd: fc.array(fc.double({ min: 0.01, max: 0.1, noNaN: true }), { minLength: 24, maxLength: 24 }),
      noise: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 24, maxLength: 24 }),
    })
    .map((g): RandomNetwork => buildNetwork(g, opts.noise !== false));
};

function buildNetwork(
  g: { nodes: number; parents: number[]; treeForward: boolean[]; extra: [number, number, number][]; kinds: readonly ('m' | 'u' | 'e')[]; relSd: number[]; noise: number[] },
  noisy: boolean,
): RandomNetwork {
  const n = g.nodes;
  const B = n; // the boundary, as a vertex of the augmented graph
  const name = (v: number) => (v === B ? null : `N${v}`);
  const ends: [number, number][] = [];
  const treeParent: number[] = [];
  // Tree: node 0 hangs from the boundary, node i from a node before it.
  for (let i = 0; i < n; i++) {
    const parent = i === 0 ? B : g.parents[i - 1] % i;
    treeParent.push(parent);
    ends.push(g.treeForward[i] ? [parent, i] : [i, parent]);
  }
  const values: number[] = new Array(n).fill(0);
  ends.push([n - 1, B]);
  values.push(0);
  for (const [a, b, v] of g.extra) {
    const from = a % (n + 1);
    let to = b % (n + 1);
    if (from === to) to = (to + 1) % (n + 1);
    ends.push([from, to]);
    values.push(v);
  }
  values[n] = 10 + (g.extra[0]?.[2] ?? 1);
  // Balance: tree flows from the leaves up (a child's index is larger than its parent's).
  const imbalance = new Array(n + 1).fill(0);
  for (let f = n; f < ends.length; f++) {
    imbalance[ends[f][0]] -= values[f];
    imbalance[ends[f][1]] += values[f];
  }
  for (let c = n - 1; c >= 0; c--) {
    const [from, to] = ends[c];
    const v = to === c ? -imbalance[c] : imbalance[c];
    values[c] = v;
    imbalance[from] -= v;
    imbalance[to] += v;
  }
  // Kinds: an unmeasured flow that would close a cycle of unmeasured flows is measured instead.
  const root = Array.from({ length: n + 1 }, (_, i) => i);
  const find = (x: number): number => (root[x] === x ? x : (root[x] = find(root[x])));
  const flows: Flow[] = ends.map(([from, to], f) => {
    let kind = g.kinds[f % g.kinds.length];
    if (kind === 'u') {
      const [ra, rb] = [find(from), find(to)];
      if (ra === rb) kind = 'm';
      else root[ra] = rb;
    }
    const truth = values[f];
    const sd = g.relSd[f % g.relSd.length] * (Math.abs(truth) + 1);
    const measured = noisy ? truth + g.noise[f % g.noise.length] * sd : truth;
    return {
      id: `f${f}`,
      from: name(from),
      to: name(to),
      value: kind === 'u' ? null : kind === 'e' ? truth : measured,
      sd: kind === 'e' ? 0 : kind === 'u' ? 0 : sd,
    };
  });
  return { input: { nodes: Array.from({ length: n }, (_, i) => ({ id: `N${i}` })), flows }, truth: values };
}
