/**
 * The allocation falls apart into independent problems: two candidates interact only through an
 * offer, a demand or a licence they share. Solving each connected component on its own gives the
 * same optimum as the whole (the objective and every constraint split along the components), and
 * many small models solve far faster than one large one; a component of one candidate needs no
 * solver at all.
 */
import { isActive, type AllocationModel } from './allocation.ts';

/** The active candidates' indexes, grouped by connected component (each group ascending). */
export function components(model: AllocationModel): number[][] {
  const S = model.supply.length;
  const D = model.demand.length;
  const parent = new Int32Array(S + D + model.licence.length).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  };
  model.vars.forEach((v) => {
    if (!isActive(v)) return;
    union(v.offer, S + v.demand);
    if (v.licence >= 0) union(v.offer, S + D + v.licence);
  });
  const groups = new Map<number, number[]>();
  model.vars.forEach((v, k) => {
    if (!isActive(v)) return;
    const root = find(v.offer);
    const group = groups.get(root);
    if (group) group.push(k);
    else groups.set(root, [k]);
  });
  return [...groups.values()];
}
