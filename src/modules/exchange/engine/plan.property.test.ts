import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectiveOf, violation, type AllocationModel } from './allocation.ts';
import { generateCandidates } from './candidates.ts';
import { pairCheck } from './compatibility.ts';
import { greedyAllocation } from './greedy.ts';
import { MIP_ABS_GAP_CNY, MIP_REL_GAP, solveLp } from './highs.ts';
import { buildLp } from './lp.ts';
import { planExchange, solveAllocation } from './plan.ts';
import { randomInstance } from './random-instance.ts';

const TOL = 1e-6;
/** HiGHS proves a MILP optimal to within a fen (highs.ts); an LP exactly. */
// Two solves of one model each end within HiGHS's relative gap of the optimum, so they agree within it.
const slack = (x: number) => Math.max(MIP_REL_GAP * Math.max(1, Math.abs(x)), MIP_ABS_GAP_CNY);
const close = (a: number, b: number) => Math.abs(a - b) <= slack(Math.max(Math.abs(a), Math.abs(b)));

describe('planExchange on random instances', () => {
  it('keeps every bound, matches no excluded pair and beats greedy, at the whole MILP’s optimum', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }), async (seed, offers, demands) => {
        const instance = randomInstance(seed, { offers, demands, materials: 4, enterprises: 4, sites: 5 });
        const plan = await planExchange(instance);

        const supply = new Map(instance.offers.map((o) => [o.id, o.quantity]));
        const wanted = new Map(instance.demands.map((d) => [d.id, d.quantity]));
        const used = new Map<number, number>();
        const filled = new Map<number, number>();
        for (const c of plan.candidates) {
          expect(c.quantity === 0 || c.quantity >= c.minLot * (1 - TOL)).toBe(true);
          expect(c.quantity).toBeLessThanOrEqual(c.maxQuantity * (1 + TOL));
          expect(c.quantity).toBeGreaterThanOrEqual(0);
          if (c.unitNetBenefit <= 0) expect(c.quantity).toBe(0);
          used.set(c.offer, (used.get(c.offer) ?? 0) + c.quantity);
          filled.set(c.demand, (filled.get(c.demand) ?? 0) + c.quantity * c.explanation.ratio);
        }
        for (const [id, q] of used) expect(q).toBeLessThanOrEqual(supply.get(id)! * (1 + TOL) + TOL);
        for (const [id, q] of filled) expect(q).toBeLessThanOrEqual(wanted.get(id)! * (1 + TOL) + TOL);
        for (const limit of plan.limits) {
          const t = limit.candidates.reduce((s, k) => s + plan.candidates[k].quantity * (instance.materials[instance.offers.find((o) => o.id === plan.candidates[k].offer)!.materialCode].unit === 't' ? 1 : 0), 0);
          expect(t).toBeLessThanOrEqual(limit.quantity * (1 + TOL) + TOL);
        }

        const excluded = new Set(plan.excluded.map((x) => `${x.offer}>${x.demand}`));
        const offersById = new Map(instance.offers.map((o) => [o.id, o]));
        const demandsById = new Map(instance.demands.map((d) => [d.id, d]));
        for (const c of plan.candidates) {
          expect(excluded.has(`${c.offer}>${c.demand}`)).toBe(false);
          expect(pairCheck(offersById.get(c.offer)!, demandsById.get(c.demand)!, instance).ok).toBe(true);
        }

        const sum = plan.candidates.reduce((s, c) => s + c.unitNetBenefit * c.quantity, 0);
        expect(close(plan.objective, sum)).toBe(true);
        expect(plan.objective).toBeGreaterThanOrEqual(plan.greedyObjective - TOL * Math.max(1, Math.abs(plan.objective)));

        // Components and lazy lots give the optimum of the whole model with every lot's binary.
        const whole = buildLp(generateCandidates(instance).model);
        const reference = whole.columns.length === 0 ? 0 : (await solveLp(whole.text)).objective;
        expect(close(plan.objective, reference)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

/** Tiny models: ≤ 3 offers × 3 demands, at most 5 paying pairs, integer data. */
const tinyModel = fc
  .record({
    supply: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 3 }),
    demand: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 3 }),
    licence: fc.integer({ min: 1, max: 60 }),
    pairs: fc.array(
      fc.record({ o: fc.nat(2), d: fc.nat(2), benefit: fc.integer({ min: -5, max: 20 }), max: fc.integer({ min: 1, max: 60 }), lot: fc.integer({ min: 0, max: 40 }), ratio: fc.constantFrom(0.5, 1, 2), licensed: fc.boolean() }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ supply, demand, licence, pairs }): AllocationModel => {
    const seen = new Set<string>();
    const vars = pairs
      .map((p) => ({ ...p, o: p.o % supply.length, d: p.d % demand.length }))
      .filter((p) => !seen.has(`${p.o}>${p.d}`) && seen.add(`${p.o}>${p.d}`))
      .map((p) => ({ offer: p.o, demand: p.d, benefit: p.benefit, max: p.max, minLot: p.lot > p.max ? 0 : p.lot, ratio: p.ratio, licence: p.licensed ? 0 : -1, tonnesPerUnit: 1 }));
    return { vars, supply, demand, licence: [licence] };
  });

/** Every quantity on a grid of each pair's range (0, its lot, and steps to its maximum): the best feasible point. */
function bruteForce(model: AllocationModel, steps = 12): number {
  const choices = model.vars.map((v) => {
    const from = v.minLot;
    const values = new Set([0]);
    for (let i = 0; i <= steps; i++) values.add(from + ((v.max - from) * i) / steps);
    return [...values];
  });
  const x = new Float64Array(model.vars.length);
  let best = 0;
  const walk = (k: number) => {
    if (k === choices.length) {
      if (violation(model, x) <= 1e-9) best = Math.max(best, objectiveOf(model, x));
      return;
    }
    for (const q of choices[k]) {
      x[k] = q;
      walk(k + 1);
    }
  };
  walk(0);
  return best;
}

describe('the allocation on tiny models', () => {
  it('is feasible, at least as good as greedy and as any point of a brute-force grid', async () => {
    await fc.assert(
      fc.asyncProperty(tinyModel, async (model) => {
        const allocation = await solveAllocation(model);
        const optimum = objectiveOf(model, allocation.quantities);
        expect(violation(model, allocation.quantities)).toBeLessThanOrEqual(1e-7);
        const greedy = greedyAllocation(model);
        expect(violation(model, greedy.quantities)).toBeLessThanOrEqual(1e-9);
        expect(optimum).toBeGreaterThanOrEqual(greedy.objective - slack(optimum));
        expect(bruteForce(model)).toBeLessThanOrEqual(optimum + slack(optimum));
      }),
      { numRuns: 80 },
    );
  });
});
