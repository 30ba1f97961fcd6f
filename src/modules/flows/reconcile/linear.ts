/**
 * Linear data reconciliation (the method of STAN, TU Wien, and of Crowe's projection, written
 * sparse): exact variables become constants; unmeasured ones are eliminated (eliminate.ts); the
 * measured ones are adjusted by weighted least squares, x̂ = x̃ − Q·Aᵀ·λ with M·λ = A·x̃ − c and
 * M = A·Q·Aᵀ, factored by a sparse LDLᵀ (cholesky.ts); unmeasured ones are computed by back
 * substitution; uncertainties come from the selected inverse of M (its entries on the factor's
 * pattern, which holds every pair of rows sharing a variable) and, for computed variables, from one
 * sparse solve each. No dense matrix anywhere. Pure.
 */
import { factorLdl, inverseQuadraticForm, selectedInverse, solveLdl, sparseWork, type LdlFactor } from './cholesky.ts';
import { eliminateUnmeasured, pivotExpressions, type Elimination, type ReducedRow } from './eliminate.ts';
import { columnsOf, normalMatrix, type Columns } from './normal-matrix.ts';
import { kindOf, validateProblem, type Kind } from './problem.ts';
import { chiSquarePValue } from './stats.ts';
import { suspectsOf } from './suspects.ts';
import type { ConstraintResult, LinearProblem, NotReconciled, ReconcileOptions, ReconcileResult, VariableResult } from './types.ts';

/** A pivot below this fraction of its row's diagonal marks a row dependent on the others. */
export const DEPENDENT_ROW = 1e-11;
/** How closely every balance must close at the answer, relative to the size of its terms and their uncertainties. */
export const CLOSURE = 1e-9;
/** The absolute part of the closure test, relative to the problem's largest quantity. */
const ROUNDING_FLOOR = 1e-13;
/** An adjustment variance below this fraction of the measurement's variance reads as 0 (no test). */
const NO_REDUNDANCY = 1e-12;

export function reconcile(problem: LinearProblem, options: ReconcileOptions = {}): ReconcileResult {
  validateProblem(problem);
  const alpha = options.alpha ?? 0.05;
  const { variables, constraints } = problem;
  const kinds: Kind[] = variables.map(kindOf);
  const variance = (v: number) => variables[v].sd * variables[v].sd;

  // 1. Exact variables to the right-hand side.
  const rows: ReducedRow[] = constraints.map((c, j) => {
    const terms = new Map<number, number>();
    let constant = c.constant ?? 0;
    for (const [v, coef] of c.terms) {
      if (kinds[v] === 'exact') constant -= coef * variables[v].value!;
      else terms.set(v, (terms.get(v) ?? 0) + coef);
    }
    for (const [v, coef] of terms) if (coef === 0) terms.delete(v);
    return { terms, constant, origins: [j], touched: false };
  });
  const originals = [...rows];

  // 2. Unmeasured variables out.
  const unmeasured = kinds.flatMap((k, v) => (k === 'unmeasured' ? [v] : []));
  const elimination = eliminateUnmeasured(rows, unmeasured, (v) => kinds[v] === 'unmeasured');
  const expressions = pivotExpressions(elimination.pivots);
  const undeterminable = undeterminableOf(elimination, expressions);
  if (undeterminable.length) {
    const ids = undeterminable.map((v) => variables[v].id);
    return {
      ok: false,
      reason: 'undeterminable',
      variables: ids,
      constraints: [],
      detail: `the balances do not determine ${ids.length === 1 ? 'the unmeasured quantity' : `${ids.length} unmeasured quantities`}: ${ids.join(', ')}`,
    };
  }

  // 3–4. Weighted least squares on the balances of measured quantities.
  const measuredRows = elimination.rows.filter((r) => r.terms.size > 0);
  const columns = columnsOf(measuredRows);
  const { matrix, position, diagonal } = normalMatrix(measuredRows.length, columns, variance, options.maxWork);
  const factor = factorLdl(matrix, DEPENDENT_ROW);
  const residual = measuredRows.map((row) => {
    let s = -row.constant;
    for (const [v, a] of row.terms) s += a * variables[v].value!;
    return s;
  });
  const lambdaPermuted = new Float64Array(measuredRows.length);
  residual.forEach((r, i) => (lambdaPermuted[position[i]] = r));
  solveLdl(factor, lambdaPermuted);
  const lambda = residual.map((_, i) => lambdaPermuted[position[i]]);
  const chiSquare = residual.reduce((s, r, i) => s + r * lambda[i], 0);

  const x = variables.map((v) => v.value ?? 0);
  const adjustment = new Float64Array(variables.length);
  for (const [v, rowList] of columns.rows) {
    const coefs = columns.coefs.get(v)!;
    let s = 0;
    for (let i = 0; i < rowList.length; i++) s += coefs[i] * lambda[rowList[i]];
    adjustment[v] = variance(v) * s;
    x[v] -= adjustment[v];
  }
  for (let k = elimination.pivots.length - 1; k >= 0; k--) {
    const { variable, row } = elimination.pivots[k];
    let s = row.constant;
    for (const [u, a] of row.terms) if (u !== variable) s -= a * x[u];
    x[variable] = s / row.terms.get(variable)!;
  }

  const contradiction = contradictionOf(problem, kinds, x, elimination, measuredRows, factor, position);
  if (contradiction) return contradiction;

  // 5. Uncertainties.
  const adjustmentVariance = adjustmentVariances(factor, position, columns, variance);
  const work = sparseWork(measuredRows.length);
  const variableResults: VariableResult[] = variables.map((v, i): VariableResult => {
    if (kinds[i] === 'exact') return { id: v.id, value: v.value!, sd: 0, status: 'exact', adjustment: 0, z: null };
    if (kinds[i] === 'unmeasured') {
      const sd = Math.sqrt(computedVariance(expressions.get(i)!, columns, variance, factor, position, work));
      return { id: v.id, value: x[i], sd, status: 'computed', adjustment: 0, z: null };
    }
    if (!columns.rows.has(i)) return { id: v.id, value: v.value!, sd: v.sd, status: 'nonredundant', adjustment: 0, z: null };
    const q = variance(i);
    const va = adjustmentVariance.get(i)!;
    const z = va > NO_REDUNDANCY * q ? Math.abs(adjustment[i]) / Math.sqrt(va) : null;
    return { id: v.id, value: x[i], sd: Math.sqrt(residualVariance(q, va)), status: 'reconciled', adjustment: adjustment[i], z };
  });

  // 6. Tests: a balance that never held an unmeasured quantity is tested as it was written.
  const testOf = new Map<ReducedRow, ConstraintResult>();
  measuredRows.forEach((row, i) => {
    if (row.touched) return;
    testOf.set(row, { id: '', residual: residual[i], z: diagonal[i] > 0 ? Math.abs(residual[i]) / Math.sqrt(diagonal[i]) : null });
  });
  const constraintResults: ConstraintResult[] = constraints.map((c, j) => {
    const row = originals[j];
    if (row.touched) return { id: c.id, residual: null, z: null };
    const tested = testOf.get(row);
    return tested ? { ...tested, id: c.id } : { id: c.id, residual: -row.constant, z: null };
  });
  const suspects = suspectsOf(alpha, [
    ...variableResults.map((r) => ({ kind: 'variable' as const, id: r.id, z: r.z })),
    ...constraintResults.map((r) => ({ kind: 'constraint' as const, id: r.id, z: r.z })),
  ]);
  return { ok: true, variables: variableResults, constraints: constraintResults, chiSquare, dof: factor.rank, pValue: chiSquarePValue(chiSquare, factor.rank), suspects };
}

/** Free variables, and pivoted ones whose exact expression still holds a free one. */
function undeterminableOf(elimination: Elimination, expressions: Map<number, Map<number, number>>): number[] {
  const free = new Set(elimination.free);
  const out = [...free];
  for (const [v, expr] of expressions) for (const u of expr.keys()) if (free.has(u)) {
    out.push(v);
    break;
  }
  return out.sort((a, b) => a - b);
}

/**
 * Every original balance must close at the answer. One that cannot is a contradiction: exact
 * quantities that disagree (a balance of constants only), or a balance dependent on others whose
 * constants say otherwise. The balances named are the failing ones and every balance combined into
 * a failing balance of constants or a dropped dependent balance (together they are the conflict).
 */
function contradictionOf(problem: LinearProblem, kinds: Kind[], x: number[], elimination: Elimination, measuredRows: ReducedRow[], factor: LdlFactor, position: Int32Array): NotReconciled | null {
  // Values given in floating point carry rounding of ~1e-16 of themselves, and elimination carries
  // it from one balance to the next: a balance of tiny flows can only close to that of the problem.
  let problemScale = 0;
  for (const v of problem.variables) if (v.value !== null) problemScale = Math.max(problemScale, Math.abs(v.value) + v.sd);
  for (const c of problem.constraints) problemScale = Math.max(problemScale, Math.abs(c.constant ?? 0));
  const floor = ROUNDING_FLOOR * problemScale;
  const failing = new Set<number>();
  problem.constraints.forEach((c, j) => {
    let sum = -(c.constant ?? 0);
    let scale = Math.abs(c.constant ?? 0);
    for (const [v, coef] of c.terms) {
      sum += coef * x[v];
      // The uncertainty counts as size too: a balance of flows measured as 0 ± σ closes to σ's precision.
      scale += Math.abs(coef) * (Math.abs(x[v]) + (problem.variables[v].value === null ? 0 : problem.variables[v].sd));
    }
    if (Math.abs(sum) > CLOSURE * scale + floor) failing.add(j);
  });
  if (!failing.size) return null;
  const conflicting = new Set(failing);
  const droppedRows = new Set(measuredRows.filter((_, i) => factor.dropped[position[i]]));
  for (const row of elimination.rows) {
    if (row.terms.size > 0 && !droppedRows.has(row)) continue;
    if (row.origins.some((j) => failing.has(j))) for (const j of row.origins) conflicting.add(j);
  }
  const indices = [...conflicting].sort((a, b) => a - b);
  const exact = new Set<number>();
  for (const j of indices) for (const [v] of problem.constraints[j].terms) if (kinds[v] === 'exact') exact.add(v);
  const ids = indices.map((j) => problem.constraints[j].id);
  return {
    ok: false,
    reason: 'contradiction',
    variables: [...exact].sort((a, b) => a - b).map((v) => problem.variables[v].id),
    constraints: ids,
    detail: `the balances ${ids.join(', ')} cannot all close: the exact quantities in them contradict each other`,
  };
}

/** var(adjustment_v) = q_v² · a_vᵀ M⁻¹ a_v, from the selected inverse. */
function adjustmentVariances(factor: LdlFactor, position: Int32Array, columns: Columns, variance: (v: number) => number): Map<number, number> {
  const z = selectedInverse(factor);
  const out = new Map<number, number>();
  for (const [v, rows] of columns.rows) {
    const coefs = columns.coefs.get(v)!;
    let s = 0;
    for (let i = 0; i < rows.length; i++) for (let j = 0; j < rows.length; j++) s += coefs[i] * coefs[j] * z.at(position[rows[i]], position[rows[j]]);
    const q = variance(v);
    out.set(v, q * q * s);
  }
  return out;
}

/** A computed y = gᵀx + const: var = gᵀQg − wᵀM⁻¹w with w = A·Q·g. */
function computedVariance(g: Map<number, number>, columns: Columns, variance: (v: number) => number, factor: LdlFactor, position: Int32Array, work: ReturnType<typeof sparseWork>): number {
  let gqg = 0;
  const w = new Map<number, number>();
  for (const [u, coef] of g) {
    const q = variance(u);
    gqg += q * coef * coef;
    const rows = columns.rows.get(u);
    if (!rows) continue;
    const coefs = columns.coefs.get(u)!;
    for (let i = 0; i < rows.length; i++) {
      const p = position[rows[i]];
      w.set(p, (w.get(p) ?? 0) + coefs[i] * q * coef);
    }
  }
  const explained = w.size ? inverseQuadraticForm(factor, [...w.keys()], [...w.values()], work) : 0;
  return residualVariance(gqg, explained);
}

/**
 * prior − explained, where the balances may explain all of it (a flow fixed by exact ones): the
 * difference is then rounding, which a square root would blow up to ~1e-8 of the sd, so it reads 0.
 */
function residualVariance(prior: number, explained: number): number {
  const left = prior - explained;
  return left > NO_REDUNDANCY * prior ? left : 0;
}
