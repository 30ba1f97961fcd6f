/**
 * Reconciliation with bilinear balances: element balances with uncertain compositions, where an
 * element flow is a mass flow times a mass fraction (Σ ±m_i·c_i = 0) and both factors may be
 * measured, unmeasured or exact. Solved by successive linearisation, as STAN (TU Wien) does for its
 * substance layer: linearise every balance around the current estimate, solve the linear
 * reconciliation (linear.ts) with the ORIGINAL measurements as the targets, and repeat from its
 * answer until nothing moves. Each step is the Gauss–Newton step of the constrained weighted least
 * squares, so the fixed point is its solution. The chi-square, degrees of freedom, tests, suspects
 * and propagated standard deviations are those of the last linearisation (first order). Pure.
 *
 * The input: variables as in types.ts; constraints Σ terms = constant, each term
 * `[a, b, coef]` meaning coef·x_a·x_b, or coef·x_a when b is null. A constraint of linear terms
 * only is an ordinary linear balance, so a problem without products gives exactly `reconcile`'s
 * answer (its linearisation is itself).
 *
 * The start: measured and exact variables at their values; unmeasured ones at the value given in
 * `start`, else from a linear pre-solve where a product of two of them needs it (`startingPoint`),
 * else 0. The iteration stops when no factor of a product moves by more than the tolerance
 * relative to its size (the linearisation depends on nothing else), or reports non-convergence.
 */
import { ReconcileInputError } from './errors.ts';
import { reconcile } from './linear.ts';
import { kindOf, validateProblem, type Kind } from './problem.ts';
import type { Constraint, LinearProblem, NotReconciled, Reconciled, ReconcileOptions, Variable } from './types.ts';

/** coef·x_a·x_b, or coef·x_a when b is null. */
export type BilinearTerm = readonly [a: number, b: number | null, coef: number];

/** Σ terms = constant (0 when left out). */
export interface BilinearConstraint {
  id: string;
  terms: readonly BilinearTerm[];
  constant?: number;
}

export interface NonlinearProblem {
  variables: readonly Variable[];
  constraints: readonly BilinearConstraint[];
  /** Starting values of unmeasured variables, by variable index (others are ignored). */
  start?: ReadonlyMap<number, number>;
}

export interface NonlinearOptions extends ReconcileOptions {
  /** Stop once no variable moves by more than this, relative to its size (default 1e-10). */
  tolerance?: number;
  /** Give up after this many linearisations (default 50). */
  maxIterations?: number;
}

/** The iteration did not settle: the variables still moving and the balances not closed at its last estimate. */
export interface NotConverged {
  ok: false;
  reason: 'not-converged';
  variables: string[];
  constraints: string[];
  detail: string;
}

/** ReconcileResult's answers, plus non-convergence, each with the number of linear solves made. */
export type NonlinearResult = (Reconciled | NotReconciled | NotConverged) & { iterations: number };

export const NONLINEAR_TOLERANCE = 1e-10;
export const NONLINEAR_MAX_ITERATIONS = 50;
/**
 * A variable's size for the convergence test is at least this fraction of the problem's largest
 * quantity: a value that should be 0 comes out as rounding of the quantities it is computed from
 * (~1e-16 of them), which must not read as "still moving".
 */
const SIZE_FLOOR = 1e-6;

export function reconcileNonlinear(problem: NonlinearProblem, options: NonlinearOptions = {}): NonlinearResult {
  validateNonlinear(problem);
  const tolerance = options.tolerance ?? NONLINEAR_TOLERANCE;
  const maxIterations = options.maxIterations ?? NONLINEAR_MAX_ITERATIONS;
  const kinds = problem.variables.map(kindOf);
  const floor = SIZE_FLOOR * problemScale(problem);

  const started = startingPoint(problem, kinds, options);
  const inProducts = productVariables(problem);
  let x = started.x;
  let iterations = started.iterations;
  let moving: number[] = [];
  while (iterations < maxIterations) {
    const result = reconcile(linearised(problem, x), options);
    iterations++;
    if (!result.ok) {
      // A later step fails at the point the iteration reached, not at the measurements: say so (a
      // balance that drives a factor to 0 makes the balances holding it degenerate there).
      const where = iterations > started.iterations + 1 ? ` (at step ${iterations} of the successive linearisation)` : '';
      return { ...result, detail: result.detail + where, iterations };
    }
    const next = result.variables.map((v) => v.value);
    moving = stillMoving(inProducts, x, next, result, problem.variables, tolerance, floor);
    x = next;
    if (!moving.length) return { ...result, iterations };
  }
  const open = openConstraints(problem, x);
  const ids = moving.map((i) => problem.variables[i]!.id);
  return {
    ok: false,
    reason: 'not-converged',
    variables: ids,
    constraints: open,
    detail: `the successive linearisation did not settle in ${maxIterations} steps: ${ids.length} quantities still moving (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`,
    iterations,
  };
}

/** The constraint with every product linearised around x: coef·(b̄·x_a + ā·x_b) = constant + coef·ā·b̄. */
export function linearised(problem: NonlinearProblem, x: readonly number[]): LinearProblem {
  const constraints = problem.constraints.map((c): Constraint => {
    const terms: [number, number][] = [];
    let constant = c.constant ?? 0;
    for (const [a, b, coef] of c.terms) {
      if (b === null) {
        terms.push([a, coef]);
        continue;
      }
      terms.push([a, coef * x[b]!], [b, coef * x[a]!]);
      constant += coef * x[a]! * x[b]!;
    }
    return { id: c.id, terms, constant };
  });
  return { variables: problem.variables, constraints };
}

/**
 * Measured and exact variables at their values, unmeasured ones at their start. The others come
 * from a linear pre-solve in rounds: each round takes the balances whose every product has a known
 * factor (linear in the unknowns then), solves them and makes the unmeasured quantities they
 * determine known, so that a mass flow computed from the mass balances lets the next round compute
 * a concentration from the element balances. It stops when a round learns nothing or cannot be
 * solved; what is still unknown starts at 0 (the iteration then reports it if it stays undetermined).
 */
function startingPoint(problem: NonlinearProblem, kinds: Kind[], options: NonlinearOptions): { x: number[]; iterations: number } {
  const x = problem.variables.map((v, i) => (kinds[i] === 'unmeasured' ? (problem.start?.get(i) ?? 0) : v.value!));
  const known = kinds.map((k, i) => k !== 'unmeasured' || problem.start?.has(i) === true);
  // At 0, an unknown factor of a product with a known one linearises exactly (the known factor is
  // its coefficient); only a product of two unknowns vanishes there and needs the pre-solve.
  const needed = problem.constraints.some((c) => c.terms.some(([a, b]) => b !== null && !known[a] && !known[b]));
  let iterations = 0;
  while (needed) {
    const rows = problem.constraints.filter((c) => c.terms.every(([a, b]) => b === null || known[a] || known[b]));
    const inRows = new Set<number>();
    for (const c of rows) for (const [a, b] of c.terms) for (const v of [a, b]) if (v !== null && !known[v]) inRows.add(v);
    if (!inRows.size) return { x, iterations };
    // Unknowns outside these balances take no part: held at 0 as exact, they cannot be undetermined here.
    const variables = problem.variables.map((v, i): Variable => (known[i] || inRows.has(i) ? v : { id: v.id, value: 0, sd: 0 }));
    const result = reconcile(linearised({ variables, constraints: rows }, x), options);
    iterations++;
    if (!result.ok) return { x, iterations };
    for (const v of inRows) {
      x[v] = result.variables[v]!.value;
      known[v] = true;
    }
  }
  return { x, iterations };
}

/**
 * The variables that are factors of a product: the linearisation depends on them alone, so once
 * they stop moving the next linear problem is the last one again and every variable has settled.
 * (A problem without products is therefore solved in one step, and is exactly `reconcile`'s.)
 */
function productVariables(problem: NonlinearProblem): number[] {
  const out = new Set<number>();
  for (const c of problem.constraints)
    for (const [a, b] of c.terms)
      if (b !== null) {
        out.add(a);
        out.add(b);
      }
  return [...out].sort((p, q) => p - q);
}

/** Factors whose value moved by more than the tolerance, relative to its size, uncertainty and the floor. */
function stillMoving(factors: readonly number[], before: readonly number[], after: readonly number[], result: Reconciled, variables: readonly Variable[], tolerance: number, floor: number): number[] {
  const out: number[] = [];
  for (const i of factors) {
    const size = Math.max(Math.abs(after[i]!), Math.abs(before[i]!), result.variables[i]!.sd, variables[i]!.value === null ? 0 : variables[i]!.sd, floor);
    if (Math.abs(after[i]! - before[i]!) > tolerance * size) out.push(i);
  }
  return out;
}

/** The constraints that do not close at x, relative to the size of their terms. */
function openConstraints(problem: NonlinearProblem, x: readonly number[]): string[] {
  const out: string[] = [];
  for (const c of problem.constraints) {
    const { sum, scale } = evaluate(c, x);
    if (Math.abs(sum) > 1e-9 * scale) out.push(c.id);
  }
  return out;
}

/** Σ terms − constant at x, and the size of the parts. */
export function evaluate(c: BilinearConstraint, x: readonly number[]): { sum: number; scale: number } {
  let sum = -(c.constant ?? 0);
  let scale = Math.abs(c.constant ?? 0);
  for (const [a, b, coef] of c.terms) {
    const t = coef * x[a]! * (b === null ? 1 : x[b]!);
    sum += t;
    scale += Math.abs(t);
  }
  return { sum, scale };
}

function problemScale(problem: NonlinearProblem): number {
  let scale = 0;
  for (const v of problem.variables) if (v.value !== null) scale = Math.max(scale, Math.abs(v.value) + v.sd);
  for (const c of problem.constraints) scale = Math.max(scale, Math.abs(c.constant ?? 0));
  for (const s of problem.start?.values() ?? []) scale = Math.max(scale, Math.abs(s));
  return scale;
}

/** The linear checks (ids, values, sds, constants) and those of the products and starts. */
function validateNonlinear(problem: NonlinearProblem): void {
  const n = problem.variables.length;
  const asLinear: LinearProblem = {
    variables: problem.variables,
    constraints: problem.constraints.map((c) => ({ id: c.id, terms: c.terms.map(([a, , coef]) => [a, coef] as const), ...(c.constant !== undefined ? { constant: c.constant } : {}) })),
  };
  validateProblem(asLinear);
  for (const c of problem.constraints)
    for (const [, b] of c.terms)
      if (b !== null && !(Number.isInteger(b) && b >= 0 && b < n)) throw new ReconcileInputError(c.id, `constraint ${c.id}: no variable ${b}`);
  for (const [i, value] of problem.start ?? []) {
    if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new ReconcileInputError(String(i), `start: no variable ${i}`);
    if (!Number.isFinite(value)) throw new ReconcileInputError(problem.variables[i]!.id, `start of ${problem.variables[i]!.id} must be finite`);
  }
}
