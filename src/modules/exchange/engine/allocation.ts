/**
 * The allocation problem stripped to numbers: what the MILP (lp.ts), the greedy baseline
 * (greedy.ts) and the tests share. Index k is the candidate's index in the plan.
 */
export interface AllocationVar {
  /** Objective coefficient: CNY per unit of the offered material. */
  benefit: number;
  max: number;
  /** 0: any quantity; else the variable is 0 or at least this. */
  minLot: number;
  /** Row indexes into supply, demand, licence (-1: no licence row). */
  offer: number;
  demand: number;
  licence: number;
  /** Demand units per unit (the demand row's coefficient). */
  ratio: number;
  /** t per unit (the licence row's coefficient). */
  tonnesPerUnit: number;
}

export interface AllocationModel {
  vars: AllocationVar[];
  /** Right-hand sides: offers' supply, demands' quantity, licences' t left. */
  supply: number[];
  demand: number[];
  licence: number[];
}

/** Whether a variable can ever pay: only these get a column. */
export const isActive = (v: AllocationVar): boolean => v.benefit > 0 && v.max > 0 && v.minLot <= v.max;

export function objectiveOf(model: AllocationModel, x: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < model.vars.length; k++) sum += model.vars[k].benefit * x[k];
  return sum;
}

/** The largest violation of any constraint of x, relative to its bound (0: feasible). */
export function violation(model: AllocationModel, x: ArrayLike<number>): number {
  const supply = new Float64Array(model.supply.length);
  const demand = new Float64Array(model.demand.length);
  const licence = new Float64Array(model.licence.length);
  let worst = 0;
  const rel = (used: number, cap: number) => (used - cap) / Math.max(1, Math.abs(cap));
  model.vars.forEach((v, k) => {
    const q = x[k];
    if (q === 0) return;
    worst = Math.max(worst, -q / Math.max(1, v.max), rel(q, v.max));
    if (v.minLot > 0) worst = Math.max(worst, (v.minLot - q) / Math.max(1, v.minLot));
    supply[v.offer] += q;
    demand[v.demand] += q * v.ratio;
    if (v.licence >= 0) licence[v.licence] += q * v.tonnesPerUnit;
  });
  supply.forEach((u, i) => (worst = Math.max(worst, rel(u, model.supply[i]))));
  demand.forEach((u, i) => (worst = Math.max(worst, rel(u, model.demand[i]))));
  licence.forEach((u, i) => (worst = Math.max(worst, rel(u, model.licence[i]))));
  return worst;
}
