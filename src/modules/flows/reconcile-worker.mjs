// The stateless reconciliation's worker thread (reconcile-off-thread.ts): a caller's network is
// reconciled here so that a large one never holds the thread that serves every other request.
// Plain JavaScript because a worker does not inherit the parent's TypeScript loader: it registers
// tsx itself, then loads the TypeScript module.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { reconcileNetwork, ReconcileInputError, ReconcileTooComplexError } = await import('./reconcile/index.ts');

parentPort.on('message', ({ id, input, options }) => {
  try {
    parentPort.postMessage({ id, result: reconcileNetwork(input, options) });
  } catch (err) {
    const kind = err instanceof ReconcileInputError ? 'input' : err instanceof ReconcileTooComplexError ? 'too-complex' : 'internal';
    parentPort.postMessage({ id, error: { kind, message: err instanceof Error ? err.message : String(err), id: err?.id } });
  }
});
parentPort.postMessage({ ready: true });
