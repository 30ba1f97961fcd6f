/**
 * Input the reconciliation cannot take (a duplicate id, an unknown node, a non-finite value, a
 * negative standard deviation): the message names the offending id. The HTTP layer answers it
 * with 400 problem+json. Pure.
 */
export class ReconcileInputError extends Error {
  /** The id of the offending variable, flow, node or constraint. */
  readonly id: string;

  constructor(id: string, message: string) {
    super(message);
    this.name = 'ReconcileInputError';
    this.id = id;
  }
}

/**
 * A problem whose factorization would cost more than the caller allowed (`ReconcileOptions.maxWork`):
 * a densely connected network (a random graph, not a plant's) fills the factor almost completely.
 * The stateless endpoint answers it with 422 rather than spend minutes on one request.
 */
export class ReconcileTooComplexError extends Error {
  constructor(readonly work: number, readonly maxWork: number) {
    super(`the network is too densely connected to reconcile here: its factorization would take more than ${maxWork.toExponential(1)} operations`);
    this.name = 'ReconcileTooComplexError';
  }
}
