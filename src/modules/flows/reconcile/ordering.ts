/**
 * A fill-reducing ordering for the sparse Cholesky factorization: minimum degree on the explicit
 * elimination graph. Eliminating a vertex joins its neighbours into a clique (the fill the factor
 * will hold); always eliminating a vertex of least current degree keeps those cliques small. A
 * flow network's balance matrix is the graph of its nodes joined by measured flows: nearly planar
 * and of small degree, where this plain form (no quotient graph, no supervariables, as AMD adds)
 * is fast enough and its fill close to AMD's. Ties go to the lower index, so the order is
 * deterministic. Pure.
 */
import { ReconcileTooComplexError } from './errors.ts';
import { MinHeap } from './heap.ts';

/**
 * The elimination order of a symmetric pattern: `order[k]` is the vertex eliminated k-th.
 * `neighbours[i]` lists the off-diagonal nonzeros of row i (symmetric; duplicates allowed).
 * The work counted is Σ (clique size)², about the factorization's and the selected inverse's own
 * cost; past `maxWork` it throws ReconcileTooComplexError, before the factorization starts.
 */
export function minimumDegreeOrder(neighbours: ReadonlyArray<ArrayLike<number>>, maxWork = Infinity): Int32Array {
  const n = neighbours.length;
  const graph: Set<number>[] = neighbours.map((list, i) => {
    const s = new Set<number>();
    for (let k = 0; k < list.length; k++) if (list[k] !== i) s.add(list[k]);
    return s;
  });
  const heap = new MinHeap();
  for (let i = 0; i < n; i++) heap.push(graph[i].size, i);
  const eliminated = new Uint8Array(n);
  const order = new Int32Array(n);
  let k = 0;
  let work = 0;
  while (k < n) {
    const [degree, v] = heap.pop()!;
    // The heap keeps outdated entries (a degree changed after it was pushed): skip them.
    if (eliminated[v] || degree !== graph[v].size) continue;
    eliminated[v] = 1;
    order[k++] = v;
    const clique = [...graph[v]];
    work += clique.length * clique.length;
    if (work > maxWork) throw new ReconcileTooComplexError(work, maxWork);
    for (const u of clique) graph[u].delete(v);
    for (let a = 0; a < clique.length; a++) {
      const gu = graph[clique[a]];
      for (let b = 0; b < clique.length; b++) if (a !== b) gu.add(clique[b]);
    }
    for (const u of clique) heap.push(graph[u].size, u);
    graph[v].clear();
  }
  return order;
}
