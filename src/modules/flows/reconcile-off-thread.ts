/**
 * The stateless reconciliation (POST /flows/reconcile) off the request thread (src/core/off-thread.ts).
 * A network is bounded (5,000 nodes, 20,000 flows, and a factorization budget), but even a bounded
 * one can take seconds, and those seconds must not stall every other request of the node.
 */
import { offThread } from '../../core/off-thread.ts';
import { ReconcileInputError, ReconcileTooComplexError, type NetworkInput, type ReconcileOptions, type ReconcileResult } from './reconcile/index.ts';

const reconcileInWorker = offThread<{ input: NetworkInput; options: ReconcileOptions }, ReconcileResult>(new URL('./reconcile-worker.mjs', import.meta.url), 'reconciliation', (e) =>
  e.kind === 'input'
    ? new ReconcileInputError(String(e.id ?? ''), e.message)
    : e.kind === 'too-complex'
      ? Object.assign(new ReconcileTooComplexError(Number.NaN, Number.NaN), { message: e.message })
      : new Error(e.message),
);

/** `reconcileNetwork(input, options)` in the worker thread; the same answer, or the same errors. */
export function reconcileNetworkOffThread(input: NetworkInput, options: ReconcileOptions): Promise<ReconcileResult> {
  return reconcileInWorker({ input, options });
}
