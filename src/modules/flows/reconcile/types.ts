/**
 * The reconciliation's vocabulary (issue 11): data reconciliation as STAN (TU Wien) does it.
 * Uncertain quantities are adjusted by weighted least squares so that every linear balance closes;
 * exact quantities never move; unmeasured quantities are computed where the balances determine
 * them; uncertainties are propagated; the global chi-square test and per-quantity measurement tests
 * name the likely gross errors. Pure: no I/O, no clock.
 */

/** One quantity of the problem. */
export interface Variable {
  id: string;
  /** The measured (or estimated) value; null: unmeasured, to be computed from the balances. */
  value: number | null;
  /** Standard deviation of `value` (same unit); 0: exact, never adjusted. Ignored when value is null. */
  sd: number;
}

/** A linear balance Σ coef·variable = constant (constant 0 when left out). */
export interface Constraint {
  id: string;
  terms: ReadonlyArray<readonly [variable: number, coef: number]>;
  constant?: number;
}

export interface LinearProblem {
  variables: readonly Variable[];
  constraints: readonly Constraint[];
}

export interface ReconcileOptions {
  /** Significance of the global and measurement tests (default 0.05). */
  alpha?: number;
  /**
   * The most factorization work to spend (Σ squared clique sizes of the ordering, about the
   * operations of the factorization); past it `ReconcileTooComplexError` is thrown. Unbounded by default.
   */
  maxWork?: number;
}

/** How a variable came out. */
export type VariableStatus =
  /** measured, in at least one balance that others close: adjusted */
  | 'reconciled'
  /** measured but in no closing balance: kept as measured (cannot be checked) */
  | 'nonredundant'
  /** unmeasured, computed from the balances */
  | 'computed'
  /** sd 0: fixed */
  | 'exact';

export interface VariableResult {
  id: string;
  value: number;
  /** Propagated standard deviation (0 for exact and for computed-from-exact-only). */
  sd: number;
  status: VariableStatus;
  /** measured − reconciled (0 unless reconciled) */
  adjustment: number;
  /** The measurement test: |adjustment| / sd(adjustment); null where it has no meaning (not reconciled, or the adjustment's sd is 0). */
  z: number | null;
}

export interface ConstraintResult {
  id: string;
  /** Σ coef·measured − constant before reconciliation (unmeasured terms eliminated: null where the balance holds an unmeasured quantity). */
  residual: number | null;
  /** The nodal (constraint) test: |residual| / sd(residual); null where residual is null or its sd is 0. */
  z: number | null;
}

export interface Suspect {
  kind: 'variable' | 'constraint';
  id: string;
  z: number;
  /** The critical value z was judged against (two-sided, α corrected for the number of tests). */
  critical: number;
}

export interface Reconciled {
  ok: true;
  variables: VariableResult[];
  constraints: ConstraintResult[];
  /** Σ (adjustment / sd)² over reconciled variables. */
  chiSquare: number;
  /** Degrees of freedom: the number of independent balances left once unmeasured quantities are eliminated. */
  dof: number;
  /** P(χ²(dof) ≥ chiSquare); 1 when dof is 0. */
  pValue: number;
  /** Variables and constraints whose test exceeds its critical value, largest z first. */
  suspects: Suspect[];
}

export interface NotReconciled {
  ok: false;
  reason: 'undeterminable' | 'contradiction';
  /** undeterminable: the unmeasured variables the balances do not determine; contradiction: the exact variables of balances that cannot close. */
  variables: string[];
  /** contradiction: the constraints that cannot close. */
  constraints: string[];
  detail: string;
}

export type ReconcileResult = Reconciled | NotReconciled;

/** The flow-network form of `POST /api/v1/flows/reconcile`: one balance per node; `null` ends are the system boundary. */
export interface NetworkInput {
  nodes: ReadonlyArray<{ id: string }>;
  flows: ReadonlyArray<{ id: string; from: string | null; to: string | null; value: number | null; sd: number }>;
}
