import { describe, expect, it } from 'vitest';
import type { AllocationModel } from './allocation.ts';
import { greedyAllocation } from './greedy.ts';
import { solveLp } from './highs.ts';
import { buildLp } from './lp.ts';

const v = (offer: number, demand: number, benefit: number, max: number, extra: Partial<AllocationModel['vars'][number]> = {}) => ({ offer, demand, benefit, max, minLot: 0, licence: -1, ratio: 1, tonnesPerUnit: 1, ...extra });

describe('buildLp', () => {
  it('writes only paying columns, only rows that can bind, and binaries only for lots', () => {
    const model: AllocationModel = {
      vars: [v(0, 0, 10, 60), v(0, 1, 8, 60, { minLot: 30 }), v(1, 1, -1, 50), v(1, 0, 5, 40, { ratio: 2, licence: 0, tonnesPerUnit: 0.5 })],
      supply: [60, 50],
      demand: [100, 60],
      licence: [10],
    };
    const lp = buildLp(model);
    expect(lp.columns).toEqual([0, 1, 3]);
    expect(lp.integers).toBe(1);
    expect(lp.text).toContain(' s0: 1 x0 + 1 x1 <= 60');
    // Demand 0 can take 60 + 2 × 40 = 140 > 100: a row; demand 1 only 60 ≤ 60: none.
    expect(lp.text).toContain(' d0: 1 x0 + 2 x3 <= 100');
    expect(lp.text).not.toContain(' d1:');
    expect(lp.text).toContain(' l0: 0.5 x3 <= 10');
    expect(lp.text).toContain(' m1: x1 - 30 y1 >= 0');
    expect(lp.text).toContain('Binaries\n y1');
    expect(lp.text).not.toContain('x2');
    expect(buildLp(model, new Set()).integers).toBe(0);
  });

  it('solves to the optimum where greedy falls short', async () => {
    // Greedy gives offer 0 to the best pair (demand 0) and leaves offer 1 with nowhere to go.
    const model: AllocationModel = { vars: [v(0, 0, 10, 100), v(0, 1, 9, 100), v(1, 0, 8, 100)], supply: [100, 100], demand: [100, 100], licence: [] };
    const solution = await solveLp(buildLp(model).text);
    expect(solution.objective).toBeCloseTo(9 * 100 + 8 * 100);
    expect(greedyAllocation(model).objective).toBe(1000);
  });

  it('respects a minimum lot as an either-or', async () => {
    // 25 left for the lot pair after the better one: less than its lot of 30, so it moves nothing.
    const model: AllocationModel = { vars: [v(0, 0, 10, 75), v(0, 1, 9, 100, { minLot: 30 })], supply: [100], demand: [75, 100], licence: [] };
    const solution = await solveLp(buildLp(model).text);
    // Either 75 + 0 (750) or 70 + 30 (700 + 270 = 970): the lot is worth taking.
    expect(solution.objective).toBeCloseTo(970);
    expect(solution.values.get('x1')).toBeCloseTo(30);
    expect(greedyAllocation(model).objective).toBe(750);
  });
});
