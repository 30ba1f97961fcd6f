/**
 * Reading a linear problem: validation (every failure names its id) and the classification of
 * each variable as measured, unmeasured or exact. Pure.
 */
import { ReconcileInputError } from './errors.ts';
import type { LinearProblem } from './types.ts';

export type Kind = 'measured' | 'unmeasured' | 'exact';

export function kindOf(v: { value: number | null; sd: number }): Kind {
  if (v.value === null) return 'unmeasured';
  return v.sd === 0 ? 'exact' : 'measured';
}

export function validateProblem(problem: LinearProblem): void {
  const seen = new Set<string>();
  for (const v of problem.variables) {
    if (typeof v.id !== 'string') throw new ReconcileInputError(String(v.id), `variable id ${JSON.stringify(v.id)} is not a string`);
    if (seen.has(v.id)) throw new ReconcileInputError(v.id, `variable ${v.id} appears twice`);
    seen.add(v.id);
    if (v.value !== null && !Number.isFinite(v.value)) throw new ReconcileInputError(v.id, `variable ${v.id}: value must be a finite number or null`);
    if (v.value !== null && !(Number.isFinite(v.sd) && v.sd >= 0)) throw new ReconcileInputError(v.id, `variable ${v.id}: sd must be a finite number ≥ 0`);
  }
  const constraintIds = new Set<string>();
  const n = problem.variables.length;
  for (const c of problem.constraints) {
    if (constraintIds.has(c.id)) throw new ReconcileInputError(c.id, `constraint ${c.id} appears twice`);
    constraintIds.add(c.id);
    if (c.constant !== undefined && !Number.isFinite(c.constant)) throw new ReconcileInputError(c.id, `constraint ${c.id}: constant must be finite`);
    for (const [variable, coef] of c.terms) {
      if (!Number.isInteger(variable) || variable < 0 || variable >= n) throw new ReconcileInputError(c.id, `constraint ${c.id}: no variable ${variable}`);
      if (!Number.isFinite(coef)) throw new ReconcileInputError(c.id, `constraint ${c.id}: coefficient of ${problem.variables[variable].id} must be finite`);
    }
  }
}
