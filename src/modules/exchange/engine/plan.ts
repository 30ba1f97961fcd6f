/**
 * The engine's entry: an instance in, the optimal plan out (docs/exchange.md). Pure but for the
 * HiGHS call; the service builds the instance from the store and applies the what-if overrides here.
 */
import type { PlanAnswer, PlanInstance, PlanOverrides } from '../model.ts';
import { objectiveOf, violation, type AllocationModel } from './allocation.ts';
import { generateCandidates } from './candidates.ts';
import { components } from './components.ts';
import { greedyAllocation } from './greedy.ts';
import { MIP_REL_GAP, solveLp } from './highs.ts';
import { buildLp } from './lp.ts';

/** HiGHS's primal values carry noise of the order of its tolerances; below this, relative to a bound, it is noise. */
const NOISE = 1e-9;

/**
 * Snaps solver noise onto the bounds it belongs to, so that a quantity is exactly 0, exactly the
 * minimum lot or exactly the maximum when HiGHS meant it to be.
 */
export function cleanQuantity(q: number, minLot: number, max: number): number {
  const tol = NOISE * Math.max(1, max);
  if (!(q > tol)) return 0;
  if (q >= max - tol) return max;
  if (minLot > 0 && Math.abs(q - minLot) <= tol) return minLot;
  return q;
}

export interface Allocation {
  quantities: Float64Array;
  status: string;
  /** HiGHS's time over every solve. */
  ms: number;
  /** Columns and binaries of the models whose optima make the plan, summed over components. */
  variables: number;
  integers: number;
  /** Components that needed HiGHS, and the most solves one of them took (1: no lot binds; 2). */
  solved: number;
  rounds: number;
  /** The last model of each component solved: together, the model of the plan. */
  models: string[];
}

/**
 * The optimal allocation of a model (HiGHS), quantities cleaned of solver noise, one connected
 * component at a time (components.ts).
 *
 * Minimum lots cost binaries, so they are added where they bind: a component is first solved with
 * none (every lot relaxed to 0 ≤ x ≤ max); where the optimum moves a pair less than its lot, that
 * pair and the other lots of its offer and demand get their binaries, and the component is solved
 * again. Every model is a relaxation of the full MILP, so the first optimum that breaks no lot is
 * the full model's optimum. (Broken lots alone took twenty rounds on a park-sized component, the
 * lots shifting from one round to the next; every lot at once made MILPs HiGHS could not prove
 * optimal within its time limit.)
 */
export async function solveAllocation(model: AllocationModel): Promise<Allocation> {
  const quantities = new Float64Array(model.vars.length);
  const out: Allocation = { quantities, status: 'Optimal', ms: 0, variables: 0, integers: 0, solved: 0, rounds: 0, models: [] };
  for (const group of components(model)) {
    if (group.length === 1) {
      // Alone in its component, a pair takes all its rows let it (candidates.ts already bounds
      // max by them; a model built otherwise may not).
      const k = group[0];
      const v = model.vars[k];
      let q = Math.min(v.max, model.supply[v.offer], model.demand[v.demand] / v.ratio);
      if (v.licence >= 0 && v.tonnesPerUnit > 0) q = Math.min(q, model.licence[v.licence] / v.tonnesPerUnit);
      quantities[k] = q >= v.minLot && q > 0 ? q : 0;
      continue;
    }
    // The lots of each offer and demand of the component: a broken lot's neighbours.
    const lotsByOffer = new Map<number, number[]>();
    const lotsByDemand = new Map<number, number[]>();
    for (const k of group) {
      const v = model.vars[k];
      if (v.minLot <= 0) continue;
      lotsByOffer.set(v.offer, [...(lotsByOffer.get(v.offer) ?? []), k]);
      lotsByDemand.set(v.demand, [...(lotsByDemand.get(v.demand) ?? []), k]);
    }
    const lots = new Set<number>();
    for (let rounds = 1; ; rounds++) {
      const lp = buildLp(model, lots, group);
      const solution = await solveLp(lp.text);
      out.ms += solution.ms;
      if (solution.status !== 'Optimal') out.status = solution.status;
      let broken = 0;
      for (const k of lp.columns) {
        const v = model.vars[k];
        const q = cleanQuantity(solution.values.get(`x${k}`) ?? 0, v.minLot, v.max);
        quantities[k] = q;
        if (q > 0 && q < v.minLot && !lots.has(k)) {
          broken++;
          // A broken lot's quantity goes to its neighbours on the same offer or demand, whose
          // lots would break next: give them their binaries at once.
          for (const n of lotsByOffer.get(v.offer) ?? []) lots.add(n);
          for (const n of lotsByDemand.get(v.demand) ?? []) lots.add(n);
        }
      }
      if (broken > 0) continue;
      out.solved++;
      out.rounds = Math.max(out.rounds, rounds);
      out.variables += lp.columns.length + lp.integers;
      out.integers += lp.integers;
      out.models.push(lp.text);
      break;
    }
  }
  return out;
}

export async function planExchange(instance: PlanInstance): Promise<PlanAnswer> {
  return (await planWithModels(instance)).answer;
}

/** The plan and the LP texts whose optima it is (one per component HiGHS solved): for the benchmark. */
export async function planWithModels(instance: PlanInstance): Promise<{ answer: PlanAnswer; models: string[] }> {
  const set = generateCandidates(instance);
  const allocation = await solveAllocation(set.model);
  const greedy = greedyAllocation(set.model);
  // Within its gap (or cut short by its time limit) HiGHS could in principle end below the greedy
  // matching; the plan is then greedy's, so it is never worse than what a planner does by hand.
  const greedyKept = greedy.objective > objectiveOf(set.model, allocation.quantities) || violation(set.model, allocation.quantities) > 1e-7;
  const quantities = greedyKept ? greedy.quantities : allocation.quantities;
  const status = greedyKept ? `${allocation.status}; greedy allocation kept (better)` : allocation.status;

  const offered = new Float64Array(instance.offers.length);
  const filled = new Float64Array(instance.demands.length);
  let movedT = 0;
  let savesCny = 0;
  let savesTCo2 = 0;
  set.candidates.forEach((c, k) => {
    const q = quantities[k];
    c.quantity = q;
    c.explanation.savesCny = c.explanation.netCnyPerUnit * q;
    c.explanation.savesTCo2 = (c.explanation.netKgCo2PerUnit * q) / 1000;
    if (q === 0) return;
    const v = set.model.vars[k];
    offered[v.offer] += q;
    filled[v.demand] += q * v.ratio;
    movedT += q * (set.tonnesPerUnit[k] ?? 0);
    savesCny += c.explanation.savesCny;
    savesTCo2 += c.explanation.savesTCo2;
  });

  const answer: PlanAnswer = {
    // The value of the solution HiGHS returned, recomputed from the cleaned quantities so that
    // anyone can check it as Σ unitNetBenefit × quantity.
    objective: objectiveOf(set.model, quantities),
    offers: instance.offers.map((o, i) => ({ id: o.id, quantity: o.quantity, allocated: offered[i] })),
    demands: instance.demands.map((d, i) => ({ id: d.id, quantity: d.quantity, allocated: filled[i] })),
    candidates: set.candidates,
    limits: set.limits,
    excluded: set.excluded,
    greedyObjective: greedy.objective,
    totals: { movedT, savesCny, savesTCo2 },
    period: instance.period,
    carbonPriceCnyPerT: instance.settings.carbonPriceCnyPerT,
    solver: { name: 'HiGHS', status, relativeGap: MIP_REL_GAP, ms: allocation.ms, variables: allocation.variables, integers: allocation.integers },
  };
  return { answer, models: allocation.models };
}

/**
 * The instance a what-if describes (pure: the instance given is not changed). Taking a plant out
 * drops its listings and its licences; a price, quantity or fee changes only what it names.
 */
export function applyOverrides(instance: PlanInstance, o: PlanOverrides): PlanInstance {
  const out = { excluded: new Set(o.excludeEnterprises ?? []) };
  const prices = new Map((o.prices ?? []).map((p) => [p.listing, p.priceCnyPerUnit]));
  const quantities = new Map((o.quantities ?? []).map((q) => [q.listing, q.quantity]));
  const listing = (l: PlanInstance['offers'][number]) => ({
    ...l,
    priceCnyPerUnit: prices.has(l.id) ? prices.get(l.id)! : l.priceCnyPerUnit,
    quantity: quantities.has(l.id) ? quantities.get(l.id)! : l.quantity,
  });
  const settings = structuredClone(instance.settings);
  if (o.carbonPriceCnyPerT !== undefined) settings.carbonPriceCnyPerT = o.carbonPriceCnyPerT;
  for (const [route, fee] of Object.entries(o.disposalFees ?? {})) {
    if (fee !== undefined && route in settings.disposal) settings.disposal[route as keyof typeof settings.disposal].cnyPerUnit = fee;
  }
  return {
    ...instance,
    offers: instance.offers.filter((l) => !out.excluded.has(l.enterpriseId)).map(listing),
    demands: instance.demands.filter((l) => !out.excluded.has(l.enterpriseId)).map(listing),
    licences: instance.licences.filter((l) => !out.excluded.has(l.enterpriseId)),
    settings,
  };
}
