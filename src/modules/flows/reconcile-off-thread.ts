/**
 * The stateless reconciliation (POST /flows/reconcile) off the request thread: one worker thread,
 * started on first use, takes the callers' networks in turn. A network is bounded (5,000 nodes,
 * 20,000 flows, and a factorization budget), but even a bounded one can take seconds, and those
 * seconds must not stall every other request of the node. The worker is unref'd: it never keeps
 * the process alive.
 */
import { Worker } from 'node:worker_threads';
import { ReconcileInputError, ReconcileTooComplexError, type NetworkInput, type ReconcileOptions, type ReconcileResult } from './reconcile/index.ts';

interface Reply {
  id: number;
  result?: ReconcileResult;
  error?: { kind: 'input' | 'too-complex' | 'internal'; message: string; id?: string };
}

let worker: Worker | null = null;
let ready: Promise<void> | null = null;
let seq = 0;
const pending = new Map<number, { resolve(r: ReconcileResult): void; reject(e: Error): void }>();

function start(): Promise<void> {
  const w = new Worker(new URL('./reconcile-worker.mjs', import.meta.url));
  w.unref();
  worker = w;
  ready = new Promise<void>((resolve, reject) => {
    w.once('error', reject);
    w.on('message', (msg: Reply | { ready: true }) => {
      if ('ready' in msg) return resolve();
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.result) p.resolve(msg.result);
      else if (msg.error?.kind === 'input') p.reject(new ReconcileInputError(msg.error.id ?? '', msg.error.message));
      else if (msg.error?.kind === 'too-complex') p.reject(Object.assign(new ReconcileTooComplexError(Number.NaN, Number.NaN), { message: msg.error.message }));
      else p.reject(new Error(msg.error?.message ?? 'the reconciliation worker answered nothing'));
    });
  });
  // A worker that dies fails what it held; the next call starts a new one.
  w.on('exit', () => {
    for (const p of pending.values()) p.reject(new Error('the reconciliation worker stopped'));
    pending.clear();
    if (worker === w) worker = ready = null;
  });
  return ready;
}

/** `reconcileNetwork(input, options)` in the worker thread; the same answer, or the same errors. */
export async function reconcileNetworkOffThread(input: NetworkInput, options: ReconcileOptions): Promise<ReconcileResult> {
  if (!worker) void start();
  await ready;
  const id = ++seq;
  return new Promise<ReconcileResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ id, input, options });
  });
}
