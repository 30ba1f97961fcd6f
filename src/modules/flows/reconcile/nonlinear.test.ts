import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReconcileInputError, reconcile, reconcileNonlinear, type BilinearConstraint, type NonlinearProblem, type NonlinearResult } from './index.ts';
import { evaluate } from './nonlinear.ts';
import { networkProblem } from './network.ts';
import { networkArbitrary } from './test-networks.ts';
import type { Reconciled, Variable } from './types.ts';

const ok = (r: NonlinearResult): Reconciled & { iterations: number } => {
  if (!r.ok) throw new Error(`not reconciled: ${r.reason} ${r.detail}`);
  return r;
};

/**
 * A process of mixers and splitters with one substance: every stream has a mass m and a
 * concentration c (two variables), every node a mass balance Σ ±m = 0 and a substance balance
 * Σ ±m·c = 0. Truth: sources of random mass and concentration; a mixer's outlet carries the
 * mass-weighted concentration, a splitter's outlets the inlet's. Measurements: masses and
 * concentrations measured (1–3 %) or exact; noise optional.
 */
interface Process {
  problem: NonlinearProblem;
  truth: number[];
  /** Variable indices of the streams' masses and concentrations. */
  streams: { m: number; c: number }[];
}

const processArbitrary = (opts: { noise: boolean }) =>
  fc
    .record({
      sources: fc.array(fc.record({ m: fc.double({ min: 10, max: 1000, noNaN: true }), c: fc.double({ min: 0.01, max: 0.9, noNaN: true }) }), { minLength: 2, maxLength: 4 }),
      steps: fc.array(fc.record({ mix: fc.boolean(), pick: fc.nat(), other: fc.nat(), share: fc.double({ min: 0.1, max: 0.9, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
      exact: fc.array(fc.constantFrom(false, false, false, true), { minLength: 40, maxLength: 40 }),
      relSd: fc.array(fc.double({ min: 0.01, max: 0.03, noNaN: true }), { minLength: 40, maxLength: 40 }),
      noise: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 40, maxLength: 40 }),
    })
    .map((g): Process => {
      const truth: number[] = [];
      const streams: { m: number; c: number }[] = [];
      const open: number[] = [];
      const ends: { from: number | null; to: number | null }[] = [];
      const stream = (m: number, c: number, from: number | null) => {
        streams.push({ m: truth.push(m) - 1, c: truth.push(c) - 1 });
        ends.push({ from, to: null });
        open.push(streams.length - 1);
      };
      for (const s of g.sources) stream(s.m, s.c, null);
      let nodes = 0;
      for (const step of g.steps) {
        const node = nodes++;
        const take = () => {
          const s = open.splice(step.pick % open.length, 1)[0]!;
          ends[s]!.to = node;
          return s;
        };
        if (step.mix && open.length >= 2) {
          const a = take();
          const b = open.splice(step.other % open.length, 1)[0]!;
          ends[b]!.to = node;
          const [ma, ca, mb, cb] = [truth[streams[a]!.m]!, truth[streams[a]!.c]!, truth[streams[b]!.m]!, truth[streams[b]!.c]!];
          stream(ma + mb, (ma * ca + mb * cb) / (ma + mb), node);
        } else {
          const a = take();
          const [m, c] = [truth[streams[a]!.m]!, truth[streams[a]!.c]!];
          stream(m * step.share, c, node);
          stream(m * (1 - step.share), c, node);
        }
      }
      const variables = truth.map((t, i): Variable => {
        const kind = i % 2 === 0 ? 'm' : 'c';
        if (g.exact[i % 40]) return { id: `${kind}${i >> 1}`, value: t, sd: 0 };
        const sd = g.relSd[i % 40]! * t;
        return { id: `${kind}${i >> 1}`, value: t + (opts.noise ? g.noise[i % 40]! * sd : 0), sd };
      });
      const constraints: BilinearConstraint[] = [];
      for (let node = 0; node < nodes; node++) {
        const mass: BilinearConstraint['terms'][number][] = [];
        const substance: BilinearConstraint['terms'][number][] = [];
        streams.forEach((s, k) => {
          const sign = ends[k]!.to === node ? 1 : ends[k]!.from === node ? -1 : 0;
          if (!sign) return;
          mass.push([s.m, null, sign]);
          substance.push([s.m, s.c, sign]);
        });
        constraints.push({ id: `mass${node}`, terms: mass }, { id: `substance${node}`, terms: substance });
      }
      return { problem: { variables, constraints }, truth, streams };
    });

/** The largest relative misclosure of any constraint at the answer. */
function worstMisclosure(problem: NonlinearProblem, r: Reconciled): number {
  const x = r.variables.map((v) => v.value);
  let worst = 0;
  for (const c of problem.constraints) {
    const { sum, scale } = evaluate(c, x);
    worst = Math.max(worst, Math.abs(sum) / (scale || 1));
  }
  return worst;
}

describe('reconcileNonlinear: hand-checked mixer', () => {
  // Two streams mixed: 1 + 2 → 3. Mass balance m1 + m2 − m3 = 0, substance balance m1c1 + m2c2 − m3c3 = 0.
  const mixer = (v: [number | null, number][]): NonlinearProblem => ({
    variables: ['m1', 'c1', 'm2', 'c2', 'm3', 'c3'].map((id, i) => ({ id, value: v[i]![0], sd: v[i]![1] })),
    constraints: [
      { id: 'mass', terms: [[0, null, 1], [2, null, 1], [4, null, -1]] },
      { id: 'substance', terms: [[0, 1, 1], [2, 3, 1], [4, 5, -1]] },
    ],
  });

  it('exact masses: the concentrations move as the textbook single-balance projection says', () => {
    // a = (100, 50, −150), r = 10 + 20 − 31.5 = −1.5, M = Σ a²s² = 0.25 + 0.25 + 0.5625 = 1.0625, λ = r/M.
    const r = ok(reconcileNonlinear(mixer([[100, 0], [0.1, 0.005], [50, 0], [0.4, 0.01], [150, 0], [0.21, 0.005]])));
    const lambda = -1.5 / 1.0625;
    const by = Object.fromEntries(r.variables.map((v) => [v.id, v]));
    expect(by.c1!.value).toBeCloseTo(0.1 - 0.005 ** 2 * 100 * lambda, 14);
    expect(by.c2!.value).toBeCloseTo(0.4 - 0.01 ** 2 * 50 * lambda, 14);
    expect(by.c3!.value).toBeCloseTo(0.21 + 0.005 ** 2 * 150 * lambda, 14);
    expect(by.m1).toMatchObject({ value: 100, sd: 0, status: 'exact' });
    expect(r.chiSquare).toBeCloseTo(2.25 / 1.0625, 12);
    expect(r.dof).toBe(1);
  });

  it('exact concentrations: the masses lie on the line m = t·(2, 1, 3), t by weighted least squares', () => {
    // 0.1·m1 + 0.4·m2 = 0.2·(m1 + m2) ⇒ m1 = 2·m2. t = Σ(vᵢm̃ᵢ/sᵢ²)/Σ(vᵢ²/sᵢ²) = (50 + 50 + 52)/3.
    const r = ok(reconcileNonlinear(mixer([[100, 2], [0.1, 0], [50, 1], [0.4, 0], [156, 3], [0.2, 0]])));
    const t = 152 / 3;
    const by = Object.fromEntries(r.variables.map((v) => [v.id, v]));
    expect(by.m1!.value).toBeCloseTo(2 * t, 10);
    expect(by.m2!.value).toBeCloseTo(t, 10);
    expect(by.m3!.value).toBeCloseTo(3 * t, 10);
    expect(r.chiSquare).toBeCloseTo((100 - 2 * t) ** 2 / 4 + (50 - t) ** 2 + (156 - 3 * t) ** 2 / 9, 9);
    expect(r.dof).toBe(2);
  });

  it('everything measured: the answer closes both balances and is a stationary point of the weighted least squares', () => {
    const measured: [number, number][] = [[100, 2], [0.1, 0.004], [50, 1], [0.4, 0.01], [156, 3], [0.2, 0.004]];
    const r = ok(reconcileNonlinear(mixer(measured)));
    const [m1, c1, m2, c2, m3, c3] = r.variables.map((v) => v.value) as [number, number, number, number, number, number];
    expect(Math.abs(m1 + m2 - m3)).toBeLessThan(1e-10 * m3);
    expect(Math.abs(m1 * c1 + m2 * c2 - m3 * c3)).toBeLessThan(1e-10 * m3 * c3);
    // Lagrange: (x̃ − x̂)/s² = λ_mass·∂g_mass/∂x + λ_sub·∂g_sub/∂x at x̂. λ from m1 and c1, then checked on the others.
    const w = measured.map(([v, s], i) => (v - r.variables[i]!.value) / (s * s));
    const lSub = w[1]! / m1;
    const lMass = w[0]! - lSub * c1;
    const gradient = [lMass + lSub * c1, lSub * m1, lMass + lSub * c2, lSub * m2, -lMass - lSub * c3, -lSub * m3];
    gradient.forEach((g, i) => expect(w[i]).toBeCloseTo(g, 6));
    expect(r.chiSquare).toBeCloseTo(measured.reduce((s, [v, sd], i) => s + ((v - r.variables[i]!.value) / sd) ** 2, 0), 6);
    expect(r.dof).toBe(2);
    expect(r.iterations).toBeGreaterThan(1);
  });

  it('computes an unmeasured concentration from the balances (pre-solve through the mass balance)', () => {
    // m3 and c3 both unmeasured: m3 from the mass balance, then c3 from the substance balance.
    const r = ok(reconcileNonlinear(mixer([[100, 2], [0.1, 0.004], [50, 1], [0.4, 0.01], [null, 0], [null, 0]])));
    const by = Object.fromEntries(r.variables.map((v) => [v.id, v]));
    expect(by.m3).toMatchObject({ value: expect.closeTo(150, 12), status: 'computed' });
    expect(by.c3).toMatchObject({ value: expect.closeTo(0.2, 12), status: 'computed' });
    // First order: c3 = (m1c1 + m2c2)/(m1 + m2); ∂/∂m1 = (c1 − c3)/m3, ∂/∂c1 = m1/m3, …
    const sd = Math.hypot(((0.1 - 0.2) / 150) * 2, (100 / 150) * 0.004, ((0.4 - 0.2) / 150) * 1, (50 / 150) * 0.01);
    expect(by.c3!.sd).toBeCloseTo(sd, 12);
    expect(r.dof).toBe(0);
  });

  it('names what the balances cannot determine, and rejects bad input naming it', () => {
    const r = reconcileNonlinear(mixer([[100, 2], [0.1, 0.004], [null, 0], [null, 0], [156, 3], [0.2, 0.004]]));
    expect(r).toMatchObject({ ok: true });
    const both = reconcileNonlinear(mixer([[100, 2], [null, 0], [50, 1], [null, 0], [156, 3], [0.2, 0.004]]));
    expect(both).toMatchObject({ ok: false, reason: 'undeterminable' });
    expect(() => reconcileNonlinear({ ...mixer([[1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]]), constraints: [{ id: 'bad', terms: [[0, 9, 1]] }] })).toThrow(ReconcileInputError);
    expect(() => reconcileNonlinear({ ...mixer([[1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]]), start: new Map([[0, Number.NaN]]) })).toThrow(/start/);
  });

  it('reports non-convergence as a result, not a throw', () => {
    const r = reconcileNonlinear(mixer([[100, 2], [0.1, 0.004], [50, 1], [0.4, 0.01], [156, 3], [0.2, 0.004]]), { maxIterations: 1 });
    expect(r).toMatchObject({ ok: false, reason: 'not-converged', iterations: 1 });
    if (r.ok || r.reason !== 'not-converged') return;
    expect(r.variables.length).toBeGreaterThan(0);
    expect(r.constraints).toContain('substance');
  });
});

describe('reconcileNonlinear: properties', () => {
  it('a problem of linear terms only gives exactly reconcile’s answer, in one step', () => {
    fc.assert(
      fc.property(networkArbitrary(), ({ input }) => {
        const linear = networkProblem(input);
        const asBilinear: NonlinearProblem = { variables: linear.variables, constraints: linear.constraints.map((c) => ({ id: c.id, terms: c.terms.map(([v, coef]) => [v, null, coef] as const) })) };
        const { iterations, ...answer } = reconcileNonlinear(asBilinear);
        expect(answer).toEqual(reconcile(linear));
        expect(iterations).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it('closes every mass and substance balance at the answer; exact quantities never move', () => {
    fc.assert(
      fc.property(processArbitrary({ noise: true }), ({ problem }) => {
        const r = ok(reconcileNonlinear(problem));
        expect(worstMisclosure(problem, r)).toBeLessThan(1e-9);
        r.variables.forEach((v, i) => {
          if (problem.variables[i]!.sd === 0) expect(v).toMatchObject({ value: problem.variables[i]!.value, sd: 0, status: 'exact', adjustment: 0 });
        });
        expect(r.chiSquare).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves data that already balances unchanged', () => {
    fc.assert(
      fc.property(processArbitrary({ noise: false }), ({ problem, truth }) => {
        const r = ok(reconcileNonlinear(problem));
        r.variables.forEach((v, i) => expect(Math.abs(v.value - truth[i]!)).toBeLessThanOrEqual(1e-9 * Math.abs(truth[i]!)));
        expect(r.chiSquare).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('names a planted gross error (20σ) in a concentration or a mass flow among the suspects', () => {
    fc.assert(
      fc.property(processArbitrary({ noise: false }), fc.nat(), fc.boolean(), ({ problem }, pick, up) => {
        const clean = ok(reconcileNonlinear(problem));
        // Redundant enough to be tested: the adjustment's variance at least a quarter of the measurement's.
        const testable = clean.variables.flatMap((v, i) => {
          const sd = problem.variables[i]!.sd;
          return v.status === 'reconciled' && sd * sd - v.sd * v.sd >= 0.25 * sd * sd ? [i] : [];
        });
        fc.pre(testable.length > 0);
        const i = testable[pick % testable.length]!;
        const variables = problem.variables.map((v, j) => (j === i ? { ...v, value: v.value! + (up ? 20 : -20) * v.sd } : v));
        const r = ok(reconcileNonlinear({ ...problem, variables }));
        expect(r.suspects.map((s) => s.id)).toContain(problem.variables[i]!.id);
      }),
      { numRuns: 200 },
    );
  });
});
