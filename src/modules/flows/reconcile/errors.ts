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
