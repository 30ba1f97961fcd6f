/**
 * The baseline a planner would do by hand: the best pair per unit first, as much as still fits,
 * skipping a pair whose minimum lot no longer fits. What the MILP gains over it is what
 * optimizing is worth.
 */
import { isActive, type AllocationModel } from './allocation.ts';

export function greedyAllocation(model: AllocationModel): { quantities: Float64Array; objective: number } {
  const supply = Float64Array.from(model.supply);
  const demand = Float64Array.from(model.demand);
  const licence = Float64Array.from(model.licence);
  const quantities = new Float64Array(model.vars.length);
  const order = model.vars.map((_, k) => k).filter((k) => isActive(model.vars[k]));
  order.sort((a, b) => model.vars[b].benefit - model.vars[a].benefit || a - b);
  let objective = 0;
  for (const k of order) {
    const v = model.vars[k];
    let q = Math.min(v.max, supply[v.offer], demand[v.demand] / v.ratio);
    if (v.licence >= 0 && v.tonnesPerUnit > 0) q = Math.min(q, licence[v.licence] / v.tonnesPerUnit);
    if (!(q > 0) || q < v.minLot) continue;
    quantities[k] = q;
    supply[v.offer] -= q;
    demand[v.demand] -= q * v.ratio;
    if (v.licence >= 0) licence[v.licence] -= q * v.tonnesPerUnit;
    objective += v.benefit * q;
  }
  return { quantities, objective };
}
