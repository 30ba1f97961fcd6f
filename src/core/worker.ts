/**
 * Background work with a lifecycle and an owner. In the server shape several nodes share one
 * PostgreSQL; a job that must run on one node only takes a lease on a key (src/core/lease.ts, kept
 * by a LeasePort such as src/adapters/db/leases.ts) and runs while it holds it:
 *
 * - `runExclusive(key, {leaseMs, heartbeatMs}, run)` — long-running owned work (an OPC UA
 *   connector). `run(signal, lease)` is called once this node holds the lease; heartbeats renew it;
 *   `signal` fires when the lease is lost (another node took it, or it could not be renewed before
 *   its deadline) or the job stops, and `run` should then finish. The lease is released when `run`
 *   ends, so another node takes over at once; a node that dies leaves a lease that expires.
 * - `every(key, intervalMs, fn)` — periodic work that runs once per period across all nodes
 *   (retention): the node that takes the period's lease runs it; the others wait for the period's end.
 *
 * Errors are logged, never thrown into the caller; every timer is unref'd and cleared on stop.
 * Fencing: `lease.token` grows with every take; `lease.confirm(trx)` checks, inside the transaction
 * that writes progress, that this node still holds the lease with its token.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Tx } from '../adapters/db/index.ts';
import { checkTiming, holderDeadline, mayRenew, nextHeartbeat, nextPeriodCheck, type LeaseRecord, type LeaseTiming } from './lease.ts';

/** Where leases are kept (src/adapters/db/leases.ts). */
export interface LeasePort {
  take(key: string, owner: string, now: number, leaseMs: number): Promise<LeaseRecord | null>;
  renew(key: string, owner: string, token: number, now: number, leaseMs: number): Promise<LeaseRecord | null>;
  release(key: string, owner: string, token: number): Promise<boolean>;
  confirm(trx: Tx, key: string, owner: string, token: number, now: number): Promise<boolean>;
  get(key: string): Promise<LeaseRecord | undefined>;
}

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A lease this node holds, as handed to a job. */
export interface Lease {
  readonly key: string;
  /** This node's id (the owner written in the store). */
  readonly owner: string;
  /** The fencing token of this tenure. */
  readonly token: number;
  /** Until when the lease holds as last taken or renewed (epoch ms). */
  readonly until: number;
  /** Fires when the lease is lost or the job stops. */
  readonly signal: AbortSignal;
  /** Asks the store whether this node still holds the lease with this token (false once the signal fired). */
  stillHeld(): Promise<boolean>;
  /**
   * The fencing check inside the transaction that writes the job's progress: true when the lease is
   * still this node's with this token; on PostgreSQL its row stays locked until the commit.
   */
  confirm(trx: Tx): Promise<boolean>;
}

export class LeaseLost extends Error {
  constructor(key: string, why: string) {
    super(`lease ${key} lost: ${why}`);
    this.name = 'LeaseLost';
  }
}

export interface ExclusiveOptions extends LeaseTiming {
  /** How often a node that does not hold the lease tries to take it (default heartbeatMs). */
  retryMs?: number;
  /** After `run` ended or failed, how long before this node tries to take the lease again (default retryMs). */
  restartMs?: number;
}

export interface JobStatus {
  key: string;
  kind: 'exclusive' | 'every';
  /** Whether this node holds the job's lease now (for `every`: while a run is under way). */
  holding: boolean;
  /** The fencing token of the current (or last) tenure on this node. */
  token: number | null;
  /** Times this node ran the job (took its lease). */
  runs: number;
  lastError: string | null;
}

export interface Job {
  readonly key: string;
  status(): JobStatus;
  /** Stops the job on this node (an exclusive job's lease is released). Idempotent. */
  stop(): Promise<void>;
}

type Run = (signal: AbortSignal, lease: Lease) => Promise<void>;

export class Worker {
  private id: string;
  private log: WorkerLog | undefined;
  private started = false;
  private readonly jobs = new Set<JobBase>();

  constructor(
    private readonly store: LeasePort,
    opts: { nodeId?: string; log?: WorkerLog } = {},
  ) {
    this.id = nodeIdOf(opts.nodeId);
    this.log = opts.log;
  }

  /** This process's owner id: the configured node id and a random suffix (two processes never share one). */
  get nodeId(): string {
    return this.id;
  }

  get running(): boolean {
    return this.started;
  }

  /** The jobs of this node and whether it holds their leases now. */
  status(): JobStatus[] {
    return [...this.jobs].map((j) => j.status());
  }

  /** Starts the jobs registered so far and every one registered later. Idempotent. */
  start(opts: { nodeId?: string; log?: WorkerLog } = {}): void {
    if (this.started) return;
    if (opts.nodeId !== undefined) this.id = nodeIdOf(opts.nodeId);
    if (opts.log) this.log = opts.log;
    this.started = true;
    for (const j of this.jobs) j.start();
  }

  /** Stops every job (exclusive leases released, so other nodes take over at once) and forgets them. */
  async stop(): Promise<void> {
    this.started = false;
    const jobs = [...this.jobs];
    this.jobs.clear();
    await Promise.allSettled(jobs.map((j) => j.stop()));
  }

  /** Long-running work on one node at a time: see the module comment. */
  runExclusive(key: string, opts: ExclusiveOptions, run: Run): Job {
    checkTiming(opts);
    return this.add(new ExclusiveJob(this, key, opts, run));
  }

  /** Periodic work that runs once per `intervalMs` across all nodes; `fn`'s signal fires at the period's end or on stop. */
  every(key: string, intervalMs: number, fn: Run): Job {
    if (!(Number.isFinite(intervalMs) && intervalMs > 0)) throw new RangeError(`intervalMs must be a positive number, not ${intervalMs}`);
    return this.add(new PeriodicJob(this, key, intervalMs, fn));
  }

  private add(job: JobBase): Job {
    this.jobs.add(job);
    job.onStop = () => this.jobs.delete(job);
    if (this.started) job.start();
    return job;
  }

  /** @internal */
  ctx() {
    return { store: this.store, owner: this.id, log: this.log };
  }
}

function nodeIdOf(base: string | undefined): string {
  return `${base ?? os.hostname()}/${randomUUID().slice(0, 8)}`;
}

abstract class JobBase implements Job {
  protected stopped = false;
  protected loop: Promise<void> | null = null;
  protected current: AbortController | null = null;
  protected token: number | null = null;
  protected runs = 0;
  protected lastError: string | null = null;
  private sleeping: { timer: NodeJS.Timeout; done: () => void } | null = null;
  onStop: (() => void) | null = null;

  constructor(
    protected readonly worker: Worker,
    readonly key: string,
    readonly kind: JobStatus['kind'],
  ) {}

  start(): void {
    if (this.loop || this.stopped) return;
    this.loop = this.main().catch((err) => this.logError(err, 'job loop failed'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.onStop?.();
    this.current?.abort(new Error('stopping'));
    this.wake();
    await this.loop;
  }

  status(): JobStatus {
    return { key: this.key, kind: this.kind, holding: this.current !== null && !this.current.signal.aborted, token: this.token, runs: this.runs, lastError: this.lastError };
  }

  protected abstract main(): Promise<void>;

  protected get c() {
    return this.worker.ctx();
  }

  protected logError(err: unknown, msg: string): void {
    this.lastError = err instanceof Error ? err.message : String(err);
    this.c.log?.error({ err, job: this.key }, `worker: ${this.key}: ${msg}`);
  }

  /** Waits `ms` (an unref'd timer) or until stop(). */
  protected sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeping = null;
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      timer.unref();
      this.sleeping = { timer, done };
    });
  }

  private wake(): void {
    this.sleeping?.done();
  }

  protected leaseFor(rec: LeaseRecord, controller: AbortController, untilNow: () => number): Lease {
    const { store, owner } = this.c;
    const key = this.key;
    const token = rec.token;
    return {
      key,
      owner,
      token,
      get until() {
        return untilNow();
      },
      signal: controller.signal,
      stillHeld: async () => !controller.signal.aborted && mayRenew(await store.get(key), owner, token, Date.now()),
      confirm: (trx) => store.confirm(trx, key, owner, token, Date.now()),
    };
  }
}

class ExclusiveJob extends JobBase {
  constructor(
    worker: Worker,
    key: string,
    private readonly opts: ExclusiveOptions,
    private readonly run: Run,
  ) {
    super(worker, key, 'exclusive');
  }

  protected async main(): Promise<void> {
    const retryMs = this.opts.retryMs ?? this.opts.heartbeatMs;
    while (!this.stopped) {
      const { store, owner } = this.c;
      let rec: LeaseRecord | null = null;
      try {
        rec = await store.take(this.key, owner, Date.now(), this.opts.leaseMs);
      } catch (err) {
        this.logError(err, 'taking the lease failed');
      }
      if (this.stopped) {
        if (rec) await store.release(this.key, owner, rec.token).catch(() => {});
        return;
      }
      if (!rec) {
        await this.sleep(retryMs);
        continue;
      }
      const lost = await this.hold(rec);
      if (!this.stopped) await this.sleep(lost ? retryMs : (this.opts.restartMs ?? retryMs));
    }
  }

  /** Runs the job while holding `rec`; true when the lease was lost (rather than the run ending). */
  private async hold(rec: LeaseRecord): Promise<boolean> {
    const { store, owner, log } = this.c;
    const controller = new AbortController();
    this.current = controller;
    this.token = rec.token;
    this.runs++;
    let until = rec.until;
    let beat: NodeJS.Timeout | undefined;
    let deadline: NodeJS.Timeout | undefined;
    const lose = (why: string) => {
      if (controller.signal.aborted) return;
      log?.warn({ job: this.key, token: rec.token }, `worker: ${this.key}: lease lost (${why})`);
      controller.abort(new LeaseLost(this.key, why));
    };
    // The holder's own deadline: without a renewal it stops before another node may take over.
    const armDeadline = () => {
      clearTimeout(deadline);
      deadline = setTimeout(() => lose('not renewed in time'), Math.max(0, holderDeadline(until, this.opts) - Date.now()));
      deadline.unref();
    };
    const schedule = (from: number) => {
      if (controller.signal.aborted) return;
      beat = setTimeout(() => void heartbeat(), Math.max(0, nextHeartbeat(from, until, this.opts) - Date.now()));
      beat.unref();
    };
    const heartbeat = async () => {
      if (controller.signal.aborted) return;
      const now = Date.now();
      try {
        const r = await store.renew(this.key, owner, rec.token, now, this.opts.leaseMs);
        if (controller.signal.aborted) return; // stopped meanwhile: no timer is armed again
        if (!r) return lose('taken by another node or expired');
        until = r.until;
        armDeadline();
      } catch (err) {
        log?.warn({ err, job: this.key }, `worker: ${this.key}: renewing the lease failed`);
      }
      schedule(now);
    };
    armDeadline();
    schedule(Date.now());
    const lease = this.leaseFor(rec, controller, () => until);
    let failed = false;
    try {
      await this.run(controller.signal, lease);
    } catch (err) {
      if (!controller.signal.aborted) {
        failed = true;
        this.logError(err, 'run failed');
      }
    } finally {
      clearTimeout(beat);
      clearTimeout(deadline);
    }
    const lost = controller.signal.reason instanceof LeaseLost;
    if (!controller.signal.aborted) controller.abort(new Error(failed ? 'run failed' : 'run ended'));
    this.current = null;
    // Given back at once (a lost lease is no longer ours: the conditional release leaves it alone).
    await store.release(this.key, owner, rec.token).catch((err) => log?.warn({ err, job: this.key }, `worker: ${this.key}: releasing the lease failed`));
    return lost;
  }
}

class PeriodicJob extends JobBase {
  constructor(
    worker: Worker,
    key: string,
    private readonly intervalMs: number,
    private readonly fn: Run,
  ) {
    super(worker, key, 'every');
  }

  protected async main(): Promise<void> {
    while (!this.stopped) {
      const { store, owner } = this.c;
      let next: number;
      try {
        const rec = await store.take(this.key, owner, Date.now(), this.intervalMs);
        if (rec && !this.stopped) {
          await this.runPeriod(rec);
          next = rec.until;
        } else {
          next = nextPeriodCheck(await store.get(this.key), Date.now());
        }
      } catch (err) {
        this.logError(err, 'checking the period failed');
        next = Date.now() + Math.min(this.intervalMs, 60_000);
      }
      // A little spread, so that nodes do not all ask at the same millisecond.
      await this.sleep(Math.max(next - Date.now(), 0) + Math.floor(Math.random() * Math.min(50, this.intervalMs / 20)) + 1);
    }
  }

  /** Runs one period; its signal fires at the period's end (another node may then start the next) or on stop. */
  private async runPeriod(rec: LeaseRecord): Promise<void> {
    const controller = new AbortController();
    this.current = controller;
    this.token = rec.token;
    this.runs++;
    const timing = { leaseMs: this.intervalMs, heartbeatMs: this.intervalMs };
    const end = setTimeout(() => controller.abort(new LeaseLost(this.key, 'the period ended')), Math.max(0, holderDeadline(rec.until, timing) - Date.now()));
    end.unref();
    try {
      await this.fn(controller.signal, this.leaseFor(rec, controller, () => rec.until));
    } catch (err) {
      this.logError(err, 'run failed');
    } finally {
      clearTimeout(end);
      if (!controller.signal.aborted) controller.abort(new Error('run ended'));
      this.current = null;
    }
  }
}

/** Resolves when `signal` fires (at once when it already has). */
export function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
