import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { denseReconcile } from './dense.ts';
import { ReconcileInputError, reconcile, reconcileNetwork } from './index.ts';
import { networkProblem } from './network.ts';
import { networkArbitrary } from './test-networks.ts';
import type { NetworkInput, Reconciled, ReconcileResult } from './types.ts';

const ok = (r: ReconcileResult): Reconciled => {
  if (!r.ok) throw new Error(`not reconciled: ${r.reason} ${r.detail}`);
  return r;
};

/** The largest relative imbalance of any node at the reconciled values. */
function worstImbalance(input: NetworkInput, r: Reconciled): number {
  const value = new Map(r.variables.map((v) => [v.id, v.value]));
  // Rounding of the given values (~1e-16 of the largest) reaches every balance through elimination.
  const floor = 1e-13 * Math.max(...input.flows.map((f) => Math.abs(f.value ?? 0) + f.sd));
  let worst = 0;
  for (const node of input.nodes) {
    let sum = 0;
    let scale = 0;
    for (const f of input.flows) {
      const x = value.get(f.id)!;
      // A flow's size is its value and its uncertainty: 0 ± σ closes to σ's precision.
      const size = Math.abs(x) + (f.value === null ? 0 : f.sd);
      if (f.to === node.id) sum += x;
      if (f.from === node.id) sum -= x;
      if (f.to === node.id || f.from === node.id) scale += size;
    }
    worst = Math.max(worst, Math.max(0, Math.abs(sum) - floor) / (scale || 1));
  }
  return worst;
}

/** a ≈ b: relatively, plus an absolute floor for values that should be 0 and come out as rounding. */
const close = (a: number, b: number, rel: number, floor: number) => Math.abs(a - b) <= rel * (Math.abs(a) + Math.abs(b)) + floor;
/** Floors: values to 1e-12 of the network's largest flow; sds to 1e-5 of its largest sd (an sd is the
 * root of a difference of variances: where the balances explain nearly all of a variance, what is left
 * is √(rounding), ~1e-6 of the sd, in one solve and 0 in another); χ² and z to 1e-9. */
const floors = (input: NetworkInput) => {
  const size = Math.max(...input.flows.map((f) => Math.abs(f.value ?? 0) + f.sd));
  const sd = Math.max(...input.flows.map((f) => f.sd));
  return { value: 1e-12 * size, sd: 1e-5 * sd, chi: 1e-9 };
};

describe('reconcileNetwork: hand-checked', () => {
  it('a splitter A → B, C: the textbook numbers', () => {
    // Feed 100 ± 1 into A, products 60 ± 1 and 45 ± 1: r = −5, M = 3, λ = −5/3; each flow moves
    // by 5/3, var(adjustment) = 1/3, sd = √(2/3), z = (5/3)/√(1/3) = 2.887, χ² = 25/3 on 1 dof.
    const r = ok(
      reconcileNetwork({
        nodes: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
        flows: [
          { id: 'feed', from: null, to: 'A', value: 100, sd: 1 },
          { id: 'toB', from: 'A', to: 'B', value: 60, sd: 1 },
          { id: 'toC', from: 'A', to: 'C', value: 45, sd: 1 },
          { id: 'outB', from: 'B', to: null, value: null, sd: 0 },
          { id: 'outC', from: 'C', to: null, value: null, sd: 0 },
        ],
      }),
    );
    const by = Object.fromEntries(r.variables.map((v) => [v.id, v]));
    expect(by.feed.value).toBeCloseTo(100 + 5 / 3, 12);
    expect(by.toB.value).toBeCloseTo(60 - 5 / 3, 12);
    expect(by.toC.value).toBeCloseTo(45 - 5 / 3, 12);
    expect(by.feed.adjustment).toBeCloseTo(-5 / 3, 12);
    for (const id of ['feed', 'toB', 'toC']) {
      expect(by[id].sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
      expect(by[id].z).toBeCloseTo(5 / 3 / Math.sqrt(1 / 3), 12);
      expect(by[id].status).toBe('reconciled');
    }
    // The products leave as measured: computed with the reconciled products' uncertainty.
    expect(by.outB).toMatchObject({ status: 'computed', value: expect.closeTo(60 - 5 / 3, 10), sd: expect.closeTo(Math.sqrt(2 / 3), 10) });
    expect(r.chiSquare).toBeCloseTo(25 / 3, 12);
    expect(r.dof).toBe(1);
    expect(r.pValue).toBeCloseTo(0.0038924171227784545, 10);
    expect(r.constraints).toEqual([
      { id: 'A', residual: -5, z: expect.closeTo(5 / Math.sqrt(3), 12) },
      { id: 'B', residual: null, z: null },
      { id: 'C', residual: null, z: null },
    ]);
  });

  it('names two unmeasured flows in parallel as undeterminable, and only them', () => {
    const r = reconcileNetwork({
      nodes: [{ id: 'A' }, { id: 'B' }],
      flows: [
        { id: 'in', from: null, to: 'A', value: 10, sd: 0.5 },
        { id: 'p1', from: 'A', to: 'B', value: null, sd: 0 },
        { id: 'p2', from: 'A', to: 'B', value: null, sd: 0 },
        { id: 'out', from: 'B', to: null, value: 9, sd: 0.5 },
      ],
    });
    expect(r).toMatchObject({ ok: false, reason: 'undeterminable', variables: ['p1', 'p2'], constraints: [] });
  });

  it('names every flow a cycle of unmeasured flows leaves open, but not the ones it determines', () => {
    // u1 and u2 form a cycle through A and B; u3 (from B to the boundary) is still determined.
    const r = reconcileNetwork({
      nodes: [{ id: 'A' }, { id: 'B' }],
      flows: [
        { id: 'in', from: null, to: 'A', value: 10, sd: 0.5 },
        { id: 'u1', from: 'A', to: 'B', value: null, sd: 0 },
        { id: 'u2', from: 'B', to: 'A', value: null, sd: 0 },
        { id: 'u3', from: 'B', to: null, value: null, sd: 0 },
      ],
    });
    expect(r).toMatchObject({ ok: false, reason: 'undeterminable', variables: ['u1', 'u2'] });
  });

  it('names two exact flows in series that disagree as a contradiction', () => {
    const r = reconcileNetwork({
      nodes: [{ id: 'A' }, { id: 'B' }],
      flows: [
        { id: 'e1', from: null, to: 'A', value: 10, sd: 0 },
        { id: 'e2', from: 'A', to: 'B', value: 12, sd: 0 },
        { id: 'm', from: 'B', to: null, value: 12, sd: 1 },
      ],
    });
    expect(r).toMatchObject({ ok: false, reason: 'contradiction', constraints: ['A'], variables: ['e1', 'e2'] });
  });

  it('names the balances an unmeasured flow joins when exact flows around it disagree', () => {
    const r = reconcileNetwork({
      nodes: [{ id: 'A' }, { id: 'B' }],
      flows: [
        { id: 'e1', from: null, to: 'A', value: 10, sd: 0 },
        { id: 'u', from: 'A', to: 'B', value: null, sd: 0 },
        { id: 'e2', from: 'B', to: null, value: 12, sd: 0 },
      ],
    });
    expect(r).toMatchObject({ ok: false, reason: 'contradiction', constraints: ['A', 'B'], variables: ['e1', 'e2'] });
  });

  it('drops a dependent balance (a closed loop) and counts the rank as the degrees of freedom', () => {
    // A ⇄ B with no boundary: the two balances are the same balance.
    const r = ok(
      reconcileNetwork({
        nodes: [{ id: 'A' }, { id: 'B' }],
        flows: [
          { id: 'ab', from: 'A', to: 'B', value: 10, sd: 1 },
          { id: 'ba', from: 'B', to: 'A', value: 12, sd: 1 },
        ],
      }),
    );
    expect(r.dof).toBe(1);
    expect(r.variables.map((v) => v.value)).toEqual([expect.closeTo(11, 12), expect.closeTo(11, 12)]);
    expect(r.chiSquare).toBeCloseTo(2, 12);
  });

  it('keeps a measured flow no balance checks as it is (nonredundant)', () => {
    const r = ok(
      reconcileNetwork({
        nodes: [{ id: 'A' }],
        flows: [
          { id: 'in', from: null, to: 'A', value: 10, sd: 1 },
          { id: 'out', from: 'A', to: null, value: null, sd: 0 },
        ],
      }),
    );
    expect(r.variables[0]).toEqual({ id: 'in', value: 10, sd: 1, status: 'nonredundant', adjustment: 0, z: null });
    expect(r.variables[1]).toMatchObject({ status: 'computed', value: 10, sd: 1 });
    expect(r.dof).toBe(0);
    expect(r.pValue).toBe(1);
  });

  it('rejects bad input naming the offending id', () => {
    const base = { nodes: [{ id: 'A' }], flows: [{ id: 'f', from: null, to: 'A', value: 1, sd: 1 }] };
    const cases: [NetworkInput, string][] = [
      [{ ...base, nodes: [{ id: 'A' }, { id: 'A' }] }, 'A'],
      [{ ...base, flows: [...base.flows, { id: 'f', from: 'A', to: null, value: 1, sd: 1 }] }, 'f'],
      [{ ...base, flows: [{ id: 'g', from: 'X', to: 'A', value: 1, sd: 1 }] }, 'g'],
      [{ ...base, flows: [{ id: 'h', from: null, to: null, value: 1, sd: 1 }] }, 'h'],
      [{ ...base, flows: [{ id: 'i', from: null, to: 'A', value: Number.NaN, sd: 1 }] }, 'i'],
      [{ ...base, flows: [{ id: 'j', from: null, to: 'A', value: 1, sd: -1 }] }, 'j'],
      [{ ...base, flows: [{ id: 'k', from: null, to: 'A', value: 1, sd: Infinity }] }, 'k'],
    ];
    for (const [input, id] of cases) {
      expect(() => reconcileNetwork(input)).toThrow(ReconcileInputError);
      try {
        reconcileNetwork(input);
      } catch (e) {
        expect((e as ReconcileInputError).id).toBe(id);
        expect((e as Error).message).toContain(id);
      }
    }
  });

  it('reconciles general linear constraints with coefficients and constants', () => {
    // x + 2y = 10 (± measured), x = 2.1 ± 0.1, y = 4.1 ± 0.1: r = 0.3, M = 0.01 + 0.04 = 0.05.
    const r = ok(
      reconcile({
        variables: [
          { id: 'x', value: 2.1, sd: 0.1 },
          { id: 'y', value: 4.1, sd: 0.1 },
        ],
        constraints: [{ id: 'c', terms: [[0, 1], [1, 2]], constant: 10 }],
      }),
    );
    expect(r.variables[0].value).toBeCloseTo(2.1 - (0.01 * 0.3) / 0.05, 12);
    expect(r.variables[1].value).toBeCloseTo(4.1 - (0.02 * 0.3) / 0.05, 12);
    expect(r.chiSquare).toBeCloseTo(0.09 / 0.05, 12);
  });
});

describe('reconcileNetwork: properties on random networks', () => {
  it('closes every balance, never moves exact flows and keeps nonredundant ones', () => {
    fc.assert(
      fc.property(networkArbitrary(), ({ input }) => {
        const r = ok(reconcileNetwork(input));
        expect(worstImbalance(input, r)).toBeLessThan(1e-9);
        r.variables.forEach((v, i) => {
          const flow = input.flows[i];
          if (v.status === 'exact') expect(v.value).toBe(flow.value);
          if (v.status === 'nonredundant') expect([v.value, v.sd]).toEqual([flow.value, flow.sd]);
          if (flow.value === null) expect(v.status).toBe('computed');
          expect(v.sd).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves data that already balances unchanged', () => {
    fc.assert(
      fc.property(networkArbitrary({ noise: false }), ({ input, truth }) => {
        const r = ok(reconcileNetwork(input));
        const fl = floors(input);
        r.variables.forEach((v, i) => expect(close(v.value, truth[i], 1e-9, fl.value)).toBe(true));
        expect(r.chiSquare).toBeLessThan(1e-12);
        expect(r.suspects).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('scales with the data: values and sds by k, χ² and z unchanged', () => {
    fc.assert(
      fc.property(networkArbitrary(), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), ({ input }, k) => {
        const a = ok(reconcileNetwork(input));
        const b = ok(reconcileNetwork({ ...input, flows: input.flows.map((f) => ({ ...f, value: f.value === null ? null : f.value * k, sd: f.sd * k })) }));
        const fl = floors(input);
        a.variables.forEach((v, i) => {
          expect(close(b.variables[i].value, v.value * k, 1e-8, fl.value * k)).toBe(true);
          expect(close(b.variables[i].sd, v.sd * k, 1e-6, fl.sd * k)).toBe(true);
          if (v.z !== null) expect(close(b.variables[i].z!, v.z, 1e-6, fl.chi)).toBe(true);
        });
        expect(close(b.chiSquare, a.chiSquare, 1e-6, fl.chi)).toBe(true);
        expect(b.dof).toBe(a.dof);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of flows and nodes', () => {
    fc.assert(
      fc.property(networkArbitrary(), fc.integer(), ({ input }, seed) => {
        const shuffle = <T>(xs: readonly T[]) => {
          let s = seed >>> 0 || 1;
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const a = ok(reconcileNetwork(input));
        const b = ok(reconcileNetwork({ nodes: shuffle(input.nodes), flows: shuffle(input.flows) }));
        const byId = new Map(b.variables.map((v) => [v.id, v]));
        const fl = floors(input);
        a.variables.forEach((v) => {
          const w = byId.get(v.id)!;
          expect(close(w.value, v.value, 1e-8, fl.value)).toBe(true);
          expect(close(w.sd, v.sd, 1e-6, fl.sd)).toBe(true);
          expect(w.status).toBe(v.status);
        });
        expect(close(b.chiSquare, a.chiSquare, 1e-6, fl.chi)).toBe(true);
        expect(b.dof).toBe(a.dof);
      }),
      { numRuns: 200 },
    );
  });

  it('names a planted gross error (20σ on a redundant measured flow) among the suspects', () => {
    fc.assert(
      fc.property(networkArbitrary({ noise: false }), fc.nat(), fc.boolean(), ({ input }, pick, up) => {
        const clean = ok(reconcileNetwork(input));
        // Redundant enough to be testable: the adjustment's variance at least a quarter of the
        // measurement's (sd² − reconciled sd²), so 20σ shows as z ≥ 10.
        const testable = clean.variables.flatMap((v, i) => {
          const sd = input.flows[i].sd;
          return v.status === 'reconciled' && sd * sd - v.sd * v.sd >= 0.25 * sd * sd ? [i] : [];
        });
        fc.pre(testable.length > 0);
        const i = testable[pick % testable.length];
        const flows = input.flows.map((f, j) => (j === i ? { ...f, value: f.value! + (up ? 20 : -20) * f.sd } : f));
        const r = ok(reconcileNetwork({ ...input, flows }));
        expect(r.suspects.map((s) => s.id)).toContain(input.flows[i].id);
        expect(r.suspects.find((s) => s.id === input.flows[i].id)!.z).toBeGreaterThanOrEqual(10 - 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it('equals the dense textbook solve: values, sds, χ² and degrees of freedom', () => {
    fc.assert(
      fc.property(networkArbitrary(), ({ input }) => {
        const problem = networkProblem(input);
        const sparse = ok(reconcile(problem));
        const dense = denseReconcile(problem);
        const fl = floors(input);
        sparse.variables.forEach((v, i) => {
          expect(close(v.value, dense.values[i], 1e-8, fl.value)).toBe(true);
          expect(close(v.sd, dense.sds[i], 1e-6, fl.sd)).toBe(true);
        });
        expect(close(sparse.chiSquare, dense.chiSquare, 1e-6, fl.chi)).toBe(true);
        expect(sparse.dof).toBe(dense.dof);
      }),
      { numRuns: 300 },
    );
  });
});
