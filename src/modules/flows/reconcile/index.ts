/** The reconciliation solver (issue 11): pure, no I/O. */
export type * from './types.ts';
export { ReconcileInputError, ReconcileTooComplexError } from './errors.ts';
export { reconcile } from './linear.ts';
export { reconcileNetwork, networkProblem } from './network.ts';
export { chiSquarePValue, gammaQ, sidakCritical } from './stats.ts';
export { reconcileNonlinear, type BilinearConstraint, type BilinearTerm, type NonlinearOptions, type NonlinearProblem, type NonlinearResult, type NotConverged } from './nonlinear.ts';
