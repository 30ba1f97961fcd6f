/**
 * Worker threads that prepare captures (capture-prepare.ts), so that parsing, validating and
 * hashing one capture overlaps with writing another: on two cores the database thread then only
 * writes. With no workers (size 0) preparation runs on the calling thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkCapture, prepareCapture, type CaptureInput, type PreparedCapture } from './capture-prepare.ts';
import type { EpcisValidationError } from './epcis/validate.ts';

interface Pending {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolve: (r: any) => void;
  reject: (e: Error) => void;
}

/** The pools with workers that are open: the request-time check (checkCaptureOffThread) uses one of them. */
const openPools = new Set<CapturePool>();

/**
 * The request-time check of a capture document (capture-prepare.ts `checkCapture`: well-formedness and top-level
 * shape), run in a capture worker when a pool is open so that parsing a large document does not hold the
 * request thread; on the calling thread otherwise.
 */
export function checkCaptureOffThread(input: Pick<CaptureInput, 'body' | 'contentType'>): Promise<EpcisValidationError[]> {
  for (const pool of openPools) return pool.check(input);
  return Promise.resolve(checkCapture(input));
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  pending: Map<number, Pending>;
}

export class CapturePool {
  private readonly slots: (Slot | null)[];
  private next = 0;
  private seq = 0;
  private closed = false;

  /** `size` workers (default: one per core beyond the first, at least one). */
  constructor(readonly size = Math.max(1, os.availableParallelism() - 1)) {
    this.slots = Array.from({ length: size }, () => null);
    if (size > 0) openPools.add(this);
  }

  async prepare(input: CaptureInput): Promise<PreparedCapture> {
    if (this.size === 0 || this.closed) return prepareCapture(input);
    return this.run<PreparedCapture>('prepare', input);
  }

  /** `checkCapture` in a worker. */
  async check(input: Pick<CaptureInput, 'body' | 'contentType'>): Promise<EpcisValidationError[]> {
    if (this.size === 0 || this.closed) return checkCapture(input);
    return this.run<EpcisValidationError[]>('check', input);
  }

  private async run<T>(op: 'prepare' | 'check', input: unknown): Promise<T> {
    const i = this.next++ % this.size;
    const slot = (this.slots[i] ??= this.spawn(i));
    await slot.ready;
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, op, input });
    });
  }

  private spawn(i: number): Slot {
    const worker = new Worker(new URL('./capture-worker.mjs', import.meta.url));
    // A worker must not keep the process alive on its own.
    worker.unref();
    const pending = new Map<number, Pending>();
    let ready!: () => void;
    let failed!: (e: Error) => void;
    const slot: Slot = { worker, pending, ready: new Promise<void>((res, rej) => ((ready = res), (failed = rej))) };
    worker.on('message', (msg: { ready?: true; id?: number; result?: unknown }) => {
      if (msg.ready) return ready();
      const p = pending.get(msg.id!);
      pending.delete(msg.id!);
      p?.resolve(msg.result!);
    });
    const die = (err: Error) => {
      failed(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      // The next capture starts a new worker.
      if (this.slots[i] === slot) this.slots[i] = null;
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`the capture worker stopped (exit code ${code})`)));
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    openPools.delete(this);
    await Promise.all(this.slots.flatMap((s) => (s ? [s.worker.terminate()] : [])));
  }
}
