/**
 * Work that can take seconds, run on a worker thread so that it never stalls every other request
 * of the node: one worker per kind of work, started on first use, taking its callers' messages in
 * turn. The worker keeps the process alive only while a call waits for it (an idle one must not
 * hold a finished CLI command open). A worker that dies fails what it held; the next call starts a
 * new one.
 *
 * The worker (plain JavaScript, since a worker does not inherit the parent's TypeScript loader)
 * answers each `{ id, ...message }` with `{ id, result }` or `{ id, error: { kind, message, … } }`,
 * and posts `{ ready: true }` once it has loaded.
 */
import { Worker } from 'node:worker_threads';

/** What a worker says went wrong; `toError` turns it back into the error the work would have thrown. */
export interface WorkerError {
  kind: string;
  message: string;
  [detail: string]: unknown;
}

export function offThread<Message extends object, Result>(workerUrl: URL, what: string, toError: (e: WorkerError) => Error = (e) => new Error(e.message)): (message: Message) => Promise<Result> {
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let seq = 0;
  let waiting = 0;
  const pending = new Map<number, { resolve(r: Result): void; reject(e: Error): void }>();

  const start = (): Promise<void> => {
    const w = new Worker(workerUrl);
    worker = w;
    ready = new Promise<void>((resolve, reject) => {
      w.once('error', reject);
      w.on('message', (msg: { id: number; result?: Result; error?: WorkerError } | { ready: true }) => {
        if ('ready' in msg) return resolve();
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        if (msg.error) p.reject(toError(msg.error));
        else if (msg.result !== undefined) p.resolve(msg.result);
        else p.reject(new Error(`the ${what} worker answered nothing`));
      });
    });
    w.on('exit', () => {
      for (const p of pending.values()) p.reject(new Error(`the ${what} worker stopped`));
      pending.clear();
      if (worker === w) worker = ready = null;
    });
    // After the listeners: adding a 'message' listener refs the worker again.
    if (waiting === 0) w.unref();
    return ready;
  };

  return async (message) => {
    waiting++;
    try {
      if (!worker) void start();
      worker!.ref();
      await ready;
      const id = ++seq;
      return await new Promise<Result>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, ...message });
      });
    } finally {
      if (--waiting === 0) worker?.unref();
    }
  };
}
