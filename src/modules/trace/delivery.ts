/**
 * Delivery of EPCIS subscriptions: which subscriptions are due, one delivery run under its row's
 * lease, and the cursor and failure bookkeeping.
 *
 * Delivery is at least once and durable: each subscription row holds a cursor (the internal id of
 * the last event delivered) that moves only after the webhook answered 2xx, the next scheduled run,
 * and the failure count that sets the backoff.
 *
 * It runs as one core worker job (`trace:subscription-delivery`, src/core/worker.ts), so in the
 * server shape one node at a time looks for due subscriptions and runs them: the job's loop scans,
 * then waits for the poll interval, or for a wake-up — a capture on any node (the
 * `trace.epcis.captured` processor, subscribed while this node holds the job) or a new subscription
 * on this one. Each run also takes its subscription's row lease (delivery-lease.ts) and writes its
 * progress only under it, so a node that lost the job while a webhook call was in flight cannot
 * overwrite the work of the node that took over.
 */
import type { DbHandle } from '../../adapters/db/index.ts';
import { tablesOf, type DbOf } from '../../adapters/db/index.ts';
import { unscoped } from '../../core/tenancy.ts';
import { Problem } from '../../core/errors.ts';
import { systemContext, type AuthContext } from '../../core/roles.ts';
import type { Job, Lease, Worker, WorkerLog } from '../../core/worker.ts';
import { pause } from '../../core/pause.ts';
import { sql } from '../../adapters/db/index.ts';
import { LEASE_COLUMNS, RowLease, type DeliveryState } from './delivery-lease.ts';
import { leaseFree } from '../../adapters/db/leases.ts';
import { backoffMs, parseStoredContext, parseStoredSchedule } from './subscription-model.ts';
import { parseStoredQuery } from './named-queries.ts';
import { nextRun, parseSchedule } from './schedule.ts';
import type { EventQuery, TraceService } from './service.ts';
import type { SubscriptionTables } from './tables.ts';
import type { WebhookClient } from './webhook.ts';

export const DELIVERY_JOB = 'trace:subscription-delivery';
/** The durable consumer of captures that wakes delivery (renaming it starts a new consumer: docs/architecture.md). */
export const DELIVERY_DURABLE = 'trace-subscription-delivery';

export interface DeliveryOptions {
  /** How often due subscriptions are looked for (captures and new subscriptions also wake the job at once). */
  pollMs: number;
  /** Events per webhook call (halved while the webhook answers 413). */
  batchSize: number;
  /** Webhook calls per subscription and run, before other subscriptions get their turn. */
  maxBatchesPerRun: number;
  timeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long a subscription's row lease holds without a progress write. */
  leaseMs: number;
  /** Subscriptions delivered at once. */
  concurrency: number;
  /** The delivery job's lease in job_leases: how long it holds, how often it is renewed. */
  jobLeaseMs: number;
  jobHeartbeatMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  pollMs: 1000,
  batchSize: 500,
  maxBatchesPerRun: 20,
  timeoutMs: 10_000,
  backoffBaseMs: 1000,
  backoffMaxMs: 600_000,
  leaseMs: 60_000,
  concurrency: 4,
  jobLeaseMs: 30_000,
  jobHeartbeatMs: 10_000,
};

/** Whether the creator of a subscription may still act as it did (the auth module answers; null: no such user). */
export type UserStanding = (userId: number) => Promise<{ disabled: boolean; enterpriseId: number | null } | null>;

/** A user directory of the auth module (its UserService): read as the platform, so a moved user is still found. */
export interface UserDirectory {
  get(ctx: AuthContext, id: number): Promise<{ id: number; disabled?: unknown; enterpriseId?: unknown }>;
}

/** UserStanding answered by the auth module's service, not by reading its table. */
export function standingFrom(users: UserDirectory): UserStanding {
  return async (userId) => {
    try {
      const user = await users.get(systemContext('subscription-delivery'), userId);
      return { disabled: user.disabled === true, enterpriseId: typeof user.enterpriseId === 'number' ? user.enterpriseId : null };
    } catch (err) {
      if (err instanceof Problem && err.kind === 'not-found') return null;
      throw err;
    }
  };
}

export class SubscriptionDelivery {
  readonly options: DeliveryOptions;
  private readonly db: DbOf<SubscriptionTables>;
  private job: Job | null = null;
  private log: WorkerLog | undefined;
  /** Set while this node holds the job: cuts the current wait short. */
  private nudge: (() => void) | null = null;
  private woken = false;

  constructor(
    private readonly handle: DbHandle,
    private readonly trace: TraceService,
    private readonly webhook: WebhookClient,
    private readonly users: UserStanding,
    options: Partial<DeliveryOptions> = {},
  ) {
    this.options = { ...DEFAULT_DELIVERY, ...options };
    // The delivery job works for the platform: it finds every owner's due subscriptions, and each
    // delivery then queries events with its creator's visibility (`ctx` below), not this handle's.
    this.db = unscoped(tablesOf<SubscriptionTables>(handle.db), "the delivery worker serves every owner's subscriptions");
  }

  /** Registers the delivery job with `worker`: it runs while the worker runs and this node holds its lease. Idempotent. */
  start(worker: Worker, log?: WorkerLog): void {
    if (this.job) return;
    this.log = log;
    const o = this.options;
    // A node that does not hold the job asks again within a poll (bounded, so a long poll does not delay a take-over).
    const retryMs = Math.min(o.pollMs, o.jobHeartbeatMs);
    this.job = worker.runExclusive(DELIVERY_JOB, { leaseMs: o.jobLeaseMs, heartbeatMs: o.jobHeartbeatMs, retryMs }, (signal, lease) => this.run(signal, lease));
  }

  /** Stops the job on this node; webhook calls in flight are let finish (bounded by the timeout). Idempotent. */
  async stop(): Promise<void> {
    const job = this.job;
    this.job = null;
    await job?.stop();
  }

  /** Whether this node holds the delivery job now. */
  get active(): boolean {
    return this.nudge !== null;
  }

  /** Looks for due subscriptions now, when this node holds the job (otherwise the holder's poll finds them). */
  wake(): void {
    this.woken = true;
    this.nudge?.();
  }

  /** The job, while this node holds its lease: scan, start due runs, wait; on the signal let the runs finish. */
  private async run(signal: AbortSignal, lease: Lease): Promise<void> {
    const rows = new RowLease(this.handle.db, `${lease.owner}#${lease.token}`, () => this.options.leaseMs);
    const running = new Map<number, Promise<void>>();
    const processor = this.trace.events.bus.subscribe('trace.epcis.captured', { durable: DELIVERY_DURABLE }, () => this.wake());
    try {
      while (!signal.aborted) {
        this.woken = false;
        try {
          await this.scan(rows, running, signal);
        } catch (err) {
          this.log?.error({ err }, 'subscriptions: looking for due deliveries failed');
        }
        if (this.woken || signal.aborted) continue;
        const wait = pause(this.options.pollMs, signal);
        this.nudge = wait.wake;
        await wait.done;
      }
    } finally {
      this.nudge = null;
      await processor.close();
      await Promise.allSettled([...running.values()]);
    }
  }

  /** Starts a run for each due subscription, up to the concurrency. */
  private async scan(rows: RowLease, running: Map<number, Promise<void>>, signal: AbortSignal): Promise<void> {
    const free = this.options.concurrency - running.size;
    if (free <= 0) return;
    const now = Date.now();
    const high = await this.trace.highWater();
    const due = await this.db
      .selectFrom('epcis_subscriptions')
      .select('id')
      .where('due_at', '<=', now)
      // A stream is due when events were stored past its cursor; a schedule when its time came.
      .where((eb) => eb.or([eb.and([eb('stream', '=', 1), eb('cursor_id', '<', high)]), eb('next_run_at', '<=', now)]))
      .where((eb) => leaseFree(eb, LEASE_COLUMNS, now))
      .orderBy('due_at')
      .limit(free + running.size)
      .execute();
    for (const { id } of due) {
      if (running.has(id) || running.size >= this.options.concurrency || signal.aborted) continue;
      const run = this.runOne(rows, id, signal)
        .catch((err) => this.log?.error({ err, subscription: id }, 'subscriptions: delivery run failed'))
        .finally(() => {
          running.delete(id);
          // Its slot is free, and a subscription with more to send is due again at once.
          this.wake();
        });
      running.set(id, run);
    }
  }

  /** Takes the row lease of one subscription, delivers what is due, gives the lease back. */
  private async runOne(rows: RowLease, id: number, signal: AbortSignal): Promise<void> {
    if (!(await rows.take(id))) return;
    try {
      await this.deliver(rows, id, signal);
    } catch (err) {
      // Not the webhook's fault (the store, a stored query that no longer runs): back off all the same,
      // so a broken subscription is not retried in a loop.
      this.log?.error({ err, subscription: id }, 'subscriptions: delivery run failed');
      const row = await this.db.selectFrom('epcis_subscriptions').select('failures').where('id', '=', id).executeTakeFirst();
      if (row) await this.recordFailure(rows, id, row.failures, `delivery failed on our side: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await rows.release(id);
    }
  }

  private async deliver(rows: RowLease, id: number, signal: AbortSignal): Promise<void> {
    const row = await this.db
      .selectFrom('epcis_subscriptions as s')
      .innerJoin('epcis_queries as q', 'q.id', 's.query_id')
      .selectAll('s')
      .select(['q.name as query_name', 'q.query as query'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row) return;
    const now = Date.now();
    const scheduled = row.stream !== 1;
    // Another node may have run it between our look and our lease.
    if (row.due_at > now || (scheduled && (row.next_run_at === null || row.next_run_at > now))) return;
    let failures = row.failures;
    const fail = async (error: string) => {
      this.log?.warn({ subscription: row.subscription_id, dest: row.dest, failures: failures + 1 }, `subscriptions: delivery failed: ${error}`);
      await this.recordFailure(rows, id, failures, error);
    };

    const ctx = parseStoredContext(row.auth);
    const creator = await this.creatorProblem(ctx);
    if (creator) return fail(creator);

    const q: EventQuery = parseStoredQuery(row.query);
    if (row.initial_record_time !== null) {
      const own = q.GE_recordTime ? Date.parse(q.GE_recordTime) : Number.NEGATIVE_INFINITY;
      if (!(own >= row.initial_record_time)) q.GE_recordTime = new Date(row.initial_record_time).toISOString();
    }
    let cursor = row.cursor_id;
    // Read before querying: every event up to `high` is visible to the queries below.
    const high = await this.trace.highWater();
    let batch = this.options.batchSize;
    let sent = 0;
    let calls = 0;
    let exhausted = false;
    while (calls < this.options.maxBatchesPerRun && !signal.aborted) {
      const r = await this.trace.query(ctx, { ...q, perPage: batch }, { afterSeq: cursor });
      if (r.events.length === 0 && !(scheduled && row.report_if_empty === 1 && sent === 0 && calls === 0)) {
        exhausted = true;
        break;
      }
      calls++;
      const t = Date.now();
      const res = await this.webhook.post({ dest: row.dest, token: row.signature_token, queryName: row.query_name, subscriptionID: row.subscription_id, events: r.events }, this.options.timeoutMs);
      if (!res.ok) {
        // 413: the webhook asks for smaller batches (EPCIS 2.0 callback responses).
        if (res.status === 413 && batch > 1 && r.events.length > 1) {
          batch = Math.max(1, Math.floor(r.events.length / 2));
          continue;
        }
        return fail(res.error);
      }
      failures = 0;
      if (r.lastSeq !== null) cursor = r.lastSeq;
      sent += r.events.length;
      const kept = await rows.write(id, { cursor_id: cursor, failures: 0, last_attempt_at: t, last_success_at: Date.now(), delivered: sql<number>`delivered + ${r.events.length}` });
      if (!kept) return;
      if (r.events.length < batch) {
        exhausted = true;
        break;
      }
    }
    if (!exhausted) return; // more to send: due again at once, after others had their turn
    const set: DeliveryState = { cursor_id: Math.max(cursor, high), due_at: Date.now() };
    if (scheduled && row.schedule !== null) set.next_run_at = nextRun(parseSchedule(parseStoredSchedule(row.schedule)), Date.now());
    await rows.write(id, set);
  }

  /** Counts a failed attempt and sets the next one after an exponential backoff. */
  private async recordFailure(rows: RowLease, id: number, failuresBefore: number, error: string): Promise<void> {
    const failures = failuresBefore + 1;
    const t = Date.now();
    await rows.write(id, { failures, last_attempt_at: t, last_error: error.slice(0, 1000), last_error_at: t, due_at: t + backoffMs(failures, this.options.backoffBaseMs, this.options.backoffMaxMs) });
  }

  /** Why a subscription may no longer run with its creator's visibility, or null. */
  private async creatorProblem(ctx: AuthContext): Promise<string | null> {
    if (ctx.userId === null) return null;
    const user = await this.users(ctx.userId);
    if (!user) return `the subscription's creator ${ctx.username} no longer exists`;
    if (user.disabled) return `the subscription's creator ${ctx.username} is disabled`;
    if (user.enterpriseId !== ctx.enterpriseId) return `the subscription's creator ${ctx.username} has moved to another enterprise`;
    return null;
  }
}
