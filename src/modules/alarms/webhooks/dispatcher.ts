/**
 * Delivery of alarm webhooks.
 *
 * - The processor of `alarms.alarm.changed` (durable `alarms-webhooks`, subscribed on every node
 *   that started the dispatcher) matches the transition to webhooks (matching.ts) and inserts one
 *   delivery per webhook. (webhook, transition) is unique, so an event the bus delivers again
 *   enqueues nothing twice.
 * - The job `alarms:webhook-delivery` (one node at a time, src/core/worker.ts) sends due
 *   deliveries: at most one call in flight per webhook and `concurrency` in all, each bounded by
 *   `timeoutMs`, redirects never followed and answers read and discarded (postWebhook), so an
 *   endpoint that hangs, fails or floods holds one slot, never the others' deliveries.
 * - A call first claims its row (a conditional UPDATE moving `next_attempt_at` past the call's
 *   timeout), and writes its outcome only while that claim stands, so two senders (a test ping and
 *   the job, or two nodes across a lease take-over) never both record one attempt.
 * - 2xx is success; anything else is retried after `backoff(attempts)` (backoff.ts) and
 *   dead-lettered after `maxAttempts`. A dead delivery waits for someone to retry it.
 *
 * What an alarm says is read when sending (AlarmSource, the alarms service's by-id read), so a
 * retried delivery carries the alarm as it is then and the transition as it was.
 */
import type { Selectable } from 'kysely';
import type { DbHandle } from '../../../adapters/db/index.ts';
import { tablesOf, type DbOf } from '../../../adapters/db/index.ts';
import type { Bus, BusSubscription } from '../../../adapters/bus/port.ts';
import { postWebhook, type OutboundPolicy } from '../../../core/outbound.ts';
import { unscoped } from '../../../core/tenancy.ts';
import type { Job, Worker, WorkerLog } from '../../../core/worker.ts';
import { outboundPolicy, type OutboundOptions } from '../../registry/service.ts';
import { pause } from '../../../core/pause.ts';
import { exhausted, MAX_ATTEMPTS, nextAttempt } from './backoff.ts';
import { wants, type AlarmChanged } from './matching.ts';
import { signatureHeader } from './signing.ts';
import type { AlarmWebhookTables, AlarmWebhookDeliveriesTable } from './tables.ts';

export const WEBHOOK_JOB = 'alarms:webhook-delivery';
/** The durable consumer of alarm transitions (renaming it starts a new consumer: docs/architecture.md). */
export const WEBHOOK_DURABLE = 'alarms-webhooks';

export interface DispatchOptions {
  /** How often due deliveries are looked for (new ones also wake the job at once). */
  pollMs: number;
  /** A call that has not answered by then failed. */
  timeoutMs: number;
  /** Calls in flight at once (at most one per webhook). */
  concurrency: number;
  maxAttempts: number;
  /** The wait (ms) after `attempt` failed attempts (backoff.ts; tests inject a short one). */
  backoff: (attempt: number) => number;
  /** The clock: signatures, due times and the record of attempts (tests may inject one). */
  now: () => number;
  jobLeaseMs: number;
  jobHeartbeatMs: number;
  /** Delivered deliveries are deleted this long after delivery (dead ones stay until retried or their webhook goes). */
  keepDeliveredMs: number;
}

export const DEFAULT_DISPATCH: DispatchOptions = {
  pollMs: 1000,
  timeoutMs: 10_000,
  concurrency: 8,
  maxAttempts: MAX_ATTEMPTS,
  backoff: (attempt) => nextAttempt(attempt, Math.random()),
  now: () => Date.now(),
  jobLeaseMs: 30_000,
  jobHeartbeatMs: 10_000,
  keepDeliveredMs: 30 * 86_400_000,
};

export const PURGE_JOB = 'alarms:webhook-purge';

/** How long past its timeout a claim holds: the outcome's write after the call comes within it. */
const CLAIM_MARGIN_MS = 5_000;
const MAX_ERROR = 1000;

/** The alarm as a webhook receives it. */
export interface AlarmView {
  id: number;
  enterpriseId: number;
  state: string;
  severity: string;
  category: string;
  level: string | null;
  message: string | null;
  value: number | null;
  tagId: number | null;
  ruleId: number | null;
  raisedAt: number | null;
  clearedAt: number | null;
  [more: string]: unknown;
}

/** The transition as a webhook receives it. */
export interface TransitionView {
  id: number;
  at: number | null;
  by: string | null;
  why: string;
  from: string | null;
  to: string | null;
  note: string | null;
}

/** An alarm and one of its transitions, read for a delivery; null when the alarm is gone. */
/** Reads an alarm and one of its transitions as the webhook's owner (`webhookOwnerId`, null: the park) may see them. */
export type AlarmSource = (alarmId: number, transitionId: number, webhookOwnerId: number | null) => Promise<{ alarm: { id: number; enterpriseId: number; [more: string]: unknown }; transition: Partial<TransitionView> | null } | null>;

/** Whether the park may see an alarm (the alarms module's visibility: AlarmService.parkSees). */
export type ParkVisibility = (event: AlarmChanged) => boolean | Promise<boolean>;


export interface DispatcherDeps {
  bus: Bus;
  outbound?: OutboundOptions;
  alarms: AlarmSource;
  parkSees: ParkVisibility;
}

type DeliveryRow = Selectable<AlarmWebhookDeliveriesTable>;

export class AlarmWebhookDispatcher {
  readonly options: DispatchOptions;
  private readonly db: DbOf<AlarmWebhookTables>;
  private job: Job | null = null;
  private purgeJob: Job | null = null;
  private processor: BusSubscription | null = null;
  private log: WorkerLog | undefined;
  private nudge: (() => void) | null = null;
  private woken = false;
  private readonly alarms: AlarmSource;
  private readonly parkSees: ParkVisibility;

  constructor(
    private readonly handle: DbHandle,
    private readonly deps: DispatcherDeps,
    options: Partial<DispatchOptions> = {},
  ) {
    this.options = { ...DEFAULT_DISPATCH, ...options };
    // The dispatcher works for the platform: it matches every enterprise's alarms to webhooks and
    // sends every owner's deliveries; each delivery is bound to its webhook's owner when enqueued.
    this.db = unscoped(tablesOf<AlarmWebhookTables>(handle.db), 'webhook delivery serves every owner, each delivery bound to its webhook when enqueued');
    this.alarms = deps.alarms;
    this.parkSees = deps.parkSees;
  }

  /** Subscribes the processor and registers the delivery job with `worker`. Idempotent. */
  start(worker: Worker, log?: WorkerLog): void {
    if (this.job) return;
    this.log = log;
    this.processor = this.deps.bus.subscribe('alarms.alarm.changed', { durable: WEBHOOK_DURABLE }, async (event) => {
      await this.enqueue(event.data);
    });
    const o = this.options;
    const retryMs = Math.min(o.pollMs, o.jobHeartbeatMs);
    this.job = worker.runExclusive(WEBHOOK_JOB, { leaseMs: o.jobLeaseMs, heartbeatMs: o.jobHeartbeatMs, retryMs }, (signal) => this.run(signal));
    this.purgeJob = worker.every(PURGE_JOB, 3_600_000, async () => {
      const n = await this.purge();
      if (n) this.log?.info({ deleted: n }, 'alarm webhooks: deleted old delivered deliveries');
    });
  }

  /** Deletes delivered deliveries older than `keepDeliveredMs`; returns how many. */
  async purge(): Promise<number> {
    const r = await this.db
      .deleteFrom('alarm_webhook_deliveries')
      .where('status', '=', 'delivered')
      .where('delivered_at', '<', this.options.now() - this.options.keepDeliveredMs)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Stops the processor and the job; calls in flight finish (bounded by the timeout). Idempotent. */
  async stop(): Promise<void> {
    const [job, purgeJob, processor] = [this.job, this.purgeJob, this.processor];
    this.job = null;
    this.purgeJob = null;
    this.processor = null;
    await processor?.close();
    await job?.stop();
    await purgeJob?.stop();
  }

  /** Looks for due deliveries now, when this node holds the job (otherwise the holder's poll finds them). */
  wake(): void {
    this.woken = true;
    this.nudge?.();
  }

  /** The guard's policy now: the park's allow-list as stored (a change applies at the next call). */
  async policy(): Promise<OutboundPolicy> {
    return outboundPolicy(this.handle.db, this.deps.outbound);
  }

  /** The processor: one delivery per webhook that wants the transition; none twice. Returns how many were new. */
  async enqueue(event: AlarmChanged): Promise<number> {
    const hooks = await this.db
      .selectFrom('alarm_webhooks')
      .select(['id', 'enterprise_id', 'enabled', 'min_severity', 'categories', 'transitions'])
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('enterprise_id', '=', event.enterpriseId), eb('enterprise_id', 'is', null)]))
      .execute();
    if (hooks.length === 0) return 0;
    const parkSees = hooks.some((h) => h.enterprise_id === null) ? await this.parkSees(event) : false;
    const chosen = hooks.filter((h) =>
      wants(
        { enterpriseId: h.enterprise_id, enabled: true, minSeverity: h.min_severity as never, categories: JSON.parse(h.categories) as string[], transitions: JSON.parse(h.transitions) as string[] },
        event,
        parkSees,
      ),
    );
    if (chosen.length === 0) return 0;
    const now = this.options.now();
    const r = await this.db
      .insertInto('alarm_webhook_deliveries')
      .values(
        chosen.map((h) => ({
          webhook_id: h.id,
          enterprise_id: h.enterprise_id,
          alarm_enterprise_id: event.enterpriseId,
          alarm_id: event.alarmId,
          transition_id: event.transitionId,
          event: `alarm.${event.why}`,
          payload: JSON.stringify(event),
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['webhook_id', 'transition_id']).doNothing())
      .executeTakeFirst();
    const added = Number(r.numInsertedOrUpdatedRows ?? 0n);
    if (added > 0) this.wake();
    return added;
  }

  /** A signed ping to one webhook, recorded as a delivery and sent now (retried like any other if it fails). */
  async ping(webhookId: number, owner: number | null): Promise<number> {
    const now = this.options.now();
    const claim = now + this.options.timeoutMs + CLAIM_MARGIN_MS;
    const row = await this.db
      .insertInto('alarm_webhook_deliveries')
      .values({ webhook_id: webhookId, enterprise_id: owner, alarm_enterprise_id: null, alarm_id: null, transition_id: null, event: 'ping', payload: '{}', status: 'pending', attempts: 0, next_attempt_at: claim, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.send(Number(row.id), claim);
    return Number(row.id);
  }

  /** The job, while this node holds its lease: start due calls, wait; on the signal let the calls finish. */
  private async run(signal: AbortSignal): Promise<void> {
    // Calls in flight by webhook: one each, so a webhook that hangs holds one slot.
    const running = new Map<number, Promise<void>>();
    try {
      while (!signal.aborted) {
        this.woken = false;
        try {
          await this.scan(running, signal);
        } catch (err) {
          this.log?.error({ err }, 'alarm webhooks: looking for due deliveries failed');
        }
        if (this.woken || signal.aborted) continue;
        const wait = pause(this.options.pollMs, signal);
        this.nudge = wait.wake;
        await wait.done;
      }
    } finally {
      this.nudge = null;
      await Promise.allSettled([...running.values()]);
    }
  }

  private async scan(running: Map<number, Promise<void>>, signal: AbortSignal): Promise<void> {
    const free = this.options.concurrency - running.size;
    if (free <= 0) return;
    const busy = [...running.keys()];
    let q = this.db
      .selectFrom('alarm_webhook_deliveries as d')
      .innerJoin('alarm_webhooks as w', 'w.id', 'd.webhook_id')
      .select(['d.id', 'd.webhook_id'])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', this.options.now())
      .where('w.enabled', '=', 1);
    if (busy.length) q = q.where('d.webhook_id', 'not in', busy);
    const due = await q.orderBy('d.next_attempt_at').orderBy('d.id').limit(free * 4).execute();
    for (const { id, webhook_id } of due) {
      if (signal.aborted || running.size >= this.options.concurrency) break;
      if (running.has(webhook_id)) continue;
      const call = this.attempt(Number(id))
        .catch((err) => this.log?.error({ err, delivery: id }, 'alarm webhooks: a delivery failed on our side'))
        .finally(() => {
          running.delete(webhook_id);
          // Its slot is free, and the webhook's next delivery may be due already.
          this.wake();
        });
      running.set(webhook_id, call);
    }
  }

  /** Claims a due delivery and sends it; nothing when another sender claimed it first. */
  async attempt(id: number): Promise<void> {
    const now = this.options.now();
    const claim = now + this.options.timeoutMs + CLAIM_MARGIN_MS;
    const r = await this.db
      .updateTable('alarm_webhook_deliveries')
      .set({ next_attempt_at: claim, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) return;
    await this.send(id, claim);
  }

  /** One call of a claimed delivery, and its outcome written under the claim. */
  private async send(id: number, claim: number): Promise<void> {
    const row = await this.db
      .selectFrom('alarm_webhook_deliveries as d')
      .innerJoin('alarm_webhooks as w', 'w.id', 'd.webhook_id')
      .selectAll('d')
      .select(['w.url', 'w.secret', 'w.enterprise_id as webhook_enterprise_id'])
      .where('d.id', '=', id)
      .executeTakeFirst();
    if (!row) return; // the webhook was deleted, and its deliveries with it
    const sentAt = this.options.now();
    let body: string;
    try {
      const built = await this.body(row, sentAt);
      if ('refuse' in built) return await this.outcome(row, claim, sentAt, { ok: false, error: built.refuse }, true);
      body = built.body;
    } catch (err) {
      return this.outcome(row, claim, sentAt, { ok: false, error: `the delivery could not be prepared: ${(err as Error).message}` });
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Symbiont-Webhooks/1',
      'x-symbiont-event': row.event,
      'x-symbiont-delivery': String(row.id),
      'x-symbiont-timestamp': String(Math.floor(sentAt / 1000)),
      'x-symbiont-signature': signatureHeader(row.secret, body, sentAt),
    };
    const res = await postWebhook(row.url, { method: 'POST', headers, body, timeoutMs: this.options.timeoutMs, ...(await this.policy()) });
    await this.outcome(row, claim, sentAt, res.ok ? { ok: true, status: res.status } : { ok: false, status: res.status, error: res.error });
  }

  /**
   * The body of a delivery: the alarm as it is now and the transition. The enterprise it names is
   * checked against the one the delivery was enqueued for, so a wrong read can never reach another
   * tenant's webhook (`refuse`: dead-lettered at once).
   */
  private async body(row: DeliveryRow & { webhook_enterprise_id: number | null }, sentAt: number): Promise<{ body: string } | { refuse: string }> {
    if (row.event === 'ping') {
      return { body: JSON.stringify({ id: row.id, event: 'ping', webhook: { id: row.webhook_id }, sentAt }) };
    }
    const e = JSON.parse(row.payload) as AlarmChanged;
    if (row.webhook_enterprise_id !== null && row.webhook_enterprise_id !== row.alarm_enterprise_id) {
      return { refuse: 'refused: the alarm belongs to another enterprise than the webhook' };
    }
    const snap = row.alarm_id !== null && row.transition_id !== null ? await this.alarms(row.alarm_id, row.transition_id, row.webhook_enterprise_id) : null;
    if (snap && snap.alarm.enterpriseId !== row.alarm_enterprise_id) {
      return { refuse: 'refused: the alarm read belongs to another enterprise than the event named' };
    }
    const alarm: AlarmView = {
      state: e.state,
      severity: e.severity,
      category: e.category,
      level: null,
      message: null,
      value: null,
      tagId: null,
      ruleId: null,
      raisedAt: null,
      clearedAt: null,
      ...(snap?.alarm ?? {}),
      id: e.alarmId,
      enterpriseId: e.enterpriseId,
    };
    const transition: TransitionView = { at: null, by: null, from: null, to: null, note: null, ...(snap?.transition ?? {}), id: e.transitionId, why: e.why };
    return { body: JSON.stringify({ id: row.id, event: row.event, alarm, transition, sentAt }) };
  }

  /** Records an attempt under the claim: delivered, due again after the backoff, or dead. */
  private async outcome(row: DeliveryRow, claim: number, at: number, res: { ok: true; status: number } | { ok: false; status?: number; error: string }, dead = false): Promise<void> {
    const attempts = row.attempts + 1;
    const now = this.options.now();
    const set = res.ok
      ? { status: 'delivered' as const, attempts, last_attempt_at: at, last_status: res.status, last_error: null, delivered_at: now, updated_at: now }
      : dead || exhausted(attempts, this.options.maxAttempts)
        ? { status: 'dead' as const, attempts, last_attempt_at: at, last_status: res.status ?? null, last_error: res.error.slice(0, MAX_ERROR), updated_at: now }
        : { attempts, last_attempt_at: at, last_status: res.status ?? null, last_error: res.error.slice(0, MAX_ERROR), next_attempt_at: now + Math.max(0, this.options.backoff(attempts)), updated_at: now };
    const r = await this.db
      .updateTable('alarm_webhook_deliveries')
      .set(set)
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', claim)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) this.log?.warn({ delivery: row.id }, 'alarm webhooks: the outcome of a call came after its claim lapsed; another attempt was recorded instead');
    if (!res.ok) this.log?.warn({ delivery: row.id, webhook: row.webhook_id, attempts, error: res.error }, 'alarm webhooks: delivery failed');
  }
}
