/**
 * EPCIS 2.0 named queries and webhook subscriptions (the REST binding's /queries resources).
 *
 * A named query is a stored SimpleEventQuery in its owner's namespace (an enterprise, or the park
 * for park roles). A subscription delivers the query's results to a webhook as EPCISQueryDocuments,
 * either as events arrive (`stream`) or at the times of a cron-like `schedule`, and runs with the
 * visibility of the user who made it.
 *
 * Delivery is at least once and durable: each subscription row holds a cursor (the internal id of
 * the last event delivered) that moves only after the webhook answered 2xx, the next scheduled run,
 * and the failure count that sets the backoff. A node takes a subscription with a conditional
 * UPDATE of its lease (owner, until) and writes its progress only while it still holds it, so
 * several nodes on one PostgreSQL deliver each subscription from one node at a time; a node that
 * dies leaves a lease that expires.
 *
 * The lease stays in the subscription's row rather than in job_leases (src/core/worker.ts): the row
 * is its own fence — each progress write is one UPDATE conditional on `lease_owner`, with no
 * transaction around a separate check — the due scan filters on it without a join, and deleting a
 * subscription deletes its lease. When it may be taken is the shared rule (`leaseFree`, the SQL form
 * of `mayTake` in src/core/lease.ts). The owner id doubles as the fencing token: it is unique to a
 * node's start, and a node runs a subscription at most once at a time, so a write under a lease
 * another node has taken since never matches.
 */
import { createHmac, randomUUID } from 'node:crypto';
import os from 'node:os';
import type { SelectQueryBuilder } from 'kysely';
import { isUniqueViolation, sql, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import { leaseFree } from '../../adapters/db/leases.ts';
import { conflict, notFound, validation, type FieldError } from '../../core/errors.ts';
import { checkDestination, OutboundRefused, postWebhook, type Resolver } from '../../core/outbound.ts';
import type { AuthContext } from '../../core/roles.ts';
import { scoped } from '../../core/tenancy.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { readOutboundAllowlist } from '../registry/service.ts';
import { nextRun, parseSchedule, ScheduleSyntaxError, SCHEDULE_FIELDS, type ScheduleSpec } from './schedule.ts';
import { queryDocument, QUERY_LIST_PARAMS, type EventQuery, type TraceService } from './service.ts';
import { queryPolicy } from './policy.ts';

export { QUERY_LIST_PARAMS };

export const QUERY_TIME_PARAMS = ['GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'LT_recordTime'] as const;
/** Query names go into URLs: unreserved characters only. */
export const QUERY_NAME_PATTERN = '^[A-Za-z0-9._~-]{1,100}$';
export const MAX_QUERIES_PER_OWNER = 200;
export const MAX_SUBSCRIPTIONS_PER_OWNER = 100;


export type StoredQuery = Pick<EventQuery, (typeof QUERY_TIME_PARAMS)[number] | (typeof QUERY_LIST_PARAMS)[number]>;

export interface NamedQuery {
  name: string;
  query: StoredQuery;
  createdAt: string;
  createdBy: string;
}

export interface SubscriptionRequest {
  dest: string;
  signatureToken?: string;
  reportIfEmpty?: boolean;
  stream?: boolean;
  schedule?: Record<string, string | number>;
  initialRecordTime?: string;
}

export interface Subscription {
  subscriptionID: string;
  queryName: string;
  dest: string;
  createdAt: string;
  createdBy: string;
  stream?: true;
  schedule?: ScheduleSpec;
  reportIfEmpty: boolean;
  initialRecordTime?: string;
  /** Whether deliveries carry a GS1-Signature (the token itself is never shown). */
  signed: boolean;
  /** Delivery state. */
  nextRunAt: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Failed attempts since the last success (sets the backoff). */
  failures: number;
  /** Events delivered so far. */
  delivered: number;
}

export interface DeliveryOptions {
  /** How often due subscriptions are looked for (captures on this node also wake the worker at once). */
  pollMs: number;
  /** Events per webhook call (halved while the webhook answers 413). */
  batchSize: number;
  /** Webhook calls per subscription and run, before other subscriptions get their turn. */
  maxBatchesPerRun: number;
  timeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  leaseMs: number;
  /** Subscriptions delivered at once by this node. */
  concurrency: number;
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
};

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The GS1-Signature of a webhook body: base64 HMAC-SHA256 of the exact body bytes, keyed by the signatureToken (UTF-8). */
export function signBody(token: string, body: string | Buffer): string {
  return createHmac('sha256', token).update(body).digest('base64');
}

/** Where webhooks may go: the park's allow-list (read at every check) and name resolution (tests inject one). */
export interface OutboundOptions {
  allowlist?: () => Promise<readonly string[]>;
  resolve?: Resolver;
}

const LEASE_COLUMNS = { owner: 'lease_owner', until: 'lease_until' };

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)).toISOString());

export class SubscriptionService {
  readonly options: DeliveryOptions;
  private nodeId = `${os.hostname()}/${randomUUID().slice(0, 8)}`;
  private log: Logger | undefined;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => void) | null = null;
  private stopping = false;
  private ticking: Promise<void> | null = null;
  private again = false;
  private readonly active = new Map<number, Promise<void>>();

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly trace: TraceService,
    options: Partial<DeliveryOptions> = {},
    private readonly outbound: OutboundOptions = {},
  ) {
    this.options = { ...DEFAULT_DELIVERY, ...options };
  }

  /** The outbound guard's policy now: the park's allow-list as stored, the resolver. */
  private async outboundPolicy() {
    return { allowlist: await (this.outbound.allowlist ?? (() => readOutboundAllowlist(this.db)))(), resolve: this.outbound.resolve };
  }

  private get db() {
    return this.handle.db;
  }

  private assertWriter(ctx: AuthContext): void {
    queryPolicy.assert(ctx, 'create');
  }

  /** The caller's namespace: its enterprise's rows, the park's own (NULL) for park roles — always through the tenant filter. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private own<Q extends SelectQueryBuilder<any, any, any>>(q: Q, ctx: AuthContext, column = 'enterprise_id'): Q {
    const s = scoped(q, ctx, { column });
    return (ctx.enterpriseId === null ? s.where(column, 'is', null) : s.where(column, '=', ctx.enterpriseId)) as Q;
  }

  // ---- named queries ------------------------------------------------------------------------

  async listQueries(ctx: AuthContext): Promise<NamedQuery[]> {
    const rows = await this.own(this.db.selectFrom('epcis_queries'), ctx).selectAll().orderBy('name').limit(MAX_QUERIES_PER_OWNER).execute();
    return rows.map(queryView);
  }

  async getQuery(ctx: AuthContext, name: string): Promise<NamedQuery> {
    return queryView(await this.queryRow(ctx, name));
  }

  private async queryRow(ctx: AuthContext, name: string): Promise<Record<string, unknown>> {
    const row = await this.own(this.db.selectFrom('epcis_queries'), ctx).selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) throw notFound(`Query ${name}`);
    return row;
  }

  async createQuery(ctx: AuthContext, input: { name: string; query: Record<string, unknown> }): Promise<NamedQuery> {
    this.assertWriter(ctx);
    const errors = checkQueryDefinition(input);
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    const query = normaliseQuery(input.query);
    const owner = ctx.enterpriseId;
    try {
      return await this.db.transaction().execute(async (trx) => {
        const existing = await this.own(trx.selectFrom('epcis_queries'), ctx).select('id').where('name', '=', input.name).executeTakeFirst();
        if (existing) throw conflict(`A query named ${input.name} exists; delete it first or choose another name`);
        const count = await this.own(trx.selectFrom('epcis_queries'), ctx).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
        if (Number(count.n) >= MAX_QUERIES_PER_OWNER) throw conflict(`At most ${MAX_QUERIES_PER_OWNER} named queries per enterprise`);
        const now = Date.now();
        await trx.insertInto('epcis_queries').values({ enterprise_id: owner, name: input.name, query: JSON.stringify(query), created_by: ctx.username, created_at: now }).execute();
        await this.audit.append(trx, ctx, { action: 'create', entity: 'epcis_queries', entityId: input.name, enterpriseId: owner, after: { name: input.name, query } });
        return { name: input.name, query, createdAt: new Date(now).toISOString(), createdBy: ctx.username };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`A query named ${input.name} exists; delete it first or choose another name`);
      throw err;
    }
  }

  /** Deletes a named query and every subscription to it. */
  async deleteQuery(ctx: AuthContext, name: string): Promise<void> {
    this.assertWriter(ctx);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.own(trx.selectFrom('epcis_queries'), ctx).selectAll().where('name', '=', name).executeTakeFirst();
      if (!row) throw notFound(`Query ${name}`);
      const subs = await trx.selectFrom('epcis_subscriptions').select('subscription_id').where('query_id', '=', row.id).execute();
      await trx.deleteFrom('epcis_subscriptions').where('query_id', '=', row.id).execute();
      await trx.deleteFrom('epcis_queries').where('id', '=', row.id).execute();
      await this.audit.append(trx, ctx, {
        action: 'delete', entity: 'epcis_queries', entityId: name, enterpriseId: (row.enterprise_id as number | null) ?? null,
        before: { name, query: JSON.parse(String(row.query)), subscriptions: subs.map((s) => String(s.subscription_id)) },
      });
    });
  }

  /** Runs a named query with the caller's visibility (pages as for /epcis/events). */
  async runQuery(ctx: AuthContext, name: string, page: { perPage?: number; nextPageToken?: string }) {
    const row = await this.queryRow(ctx, name);
    return this.trace.query(ctx, { ...(JSON.parse(String(row.query)) as EventQuery), ...page });
  }

  // ---- subscriptions ------------------------------------------------------------------------

  async subscribe(ctx: AuthContext, queryName: string, req: SubscriptionRequest): Promise<Subscription> {
    this.assertWriter(ctx);
    const query = await this.queryRow(ctx, queryName);
    const errors: FieldError[] = [];
    let dest: URL | null = null;
    try {
      dest = new URL(req.dest);
    } catch {
      errors.push({ path: '/body/dest', message: 'must be an absolute http or https URL' });
    }
    if (dest && dest.protocol !== 'http:' && dest.protocol !== 'https:') errors.push({ path: '/body/dest', message: `must be an http or https URL, not ${dest.protocol}` });
    if (dest && (dest.username || dest.password)) errors.push({ path: '/body/dest', message: 'must not carry credentials (they would be shown to every reader); use signatureToken' });
    const stream = req.stream === true;
    if (stream && req.schedule) errors.push({ path: '/body/schedule', message: 'a subscription has either stream: true or a schedule, not both' });
    if (!stream && !req.schedule) errors.push({ path: '/body/stream', message: 'set stream to true or give a schedule' });
    if (stream && req.reportIfEmpty) errors.push({ path: '/body/reportIfEmpty', message: 'applies to a scheduled subscription only' });
    let schedule: ScheduleSpec | null = null;
    if (req.schedule) {
      schedule = Object.fromEntries(Object.entries(req.schedule).map(([k, v]) => [k, String(v)]));
      try {
        const parsed = parseSchedule(schedule);
        if (nextRun(parsed, Date.now()) === null) errors.push({ path: '/body/schedule', message: 'never matches a date (e.g. 30 February)' });
      } catch (err) {
        if (!(err instanceof ScheduleSyntaxError)) throw err;
        for (const e of err.errors) errors.push({ path: `/body/schedule/${e.field}`, message: e.message });
      }
    }
    let initial: number | null = null;
    if (req.initialRecordTime !== undefined) {
      initial = Date.parse(req.initialRecordTime);
      if (Number.isNaN(initial)) errors.push({ path: '/body/initialRecordTime', message: 'must be an RFC 3339 date-time' });
    }
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    // The outbound guard, now (the name resolved) and again at every delivery (the address connected to).
    try {
      await checkDestination(dest!, await this.outboundPolicy());
    } catch (err) {
      if (!(err instanceof OutboundRefused)) throw err;
      throw validation(`/body/dest ${err.message}`, [{ path: '/body/dest', message: err.message }]);
    }

    const owner = ctx.enterpriseId;
    const id = randomUUID();
    const now = Date.now();
    const row = await this.db.transaction().execute(async (trx) => {
      const count = await this.own(trx.selectFrom('epcis_subscriptions'), ctx).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      if (Number(count.n) >= MAX_SUBSCRIPTIONS_PER_OWNER) throw conflict(`At most ${MAX_SUBSCRIPTIONS_PER_OWNER} subscriptions per enterprise`);
      // Without initialRecordTime a subscription starts with the events stored after it was made.
      const high = initial === null ? await highWater(trx) : 0;
      const values = {
        subscription_id: id,
        query_id: query.id,
        enterprise_id: owner,
        dest: dest!.toString(),
        signature_token: req.signatureToken ?? null,
        report_if_empty: req.reportIfEmpty ? 1 : 0,
        stream: stream ? 1 : 0,
        schedule: schedule ? JSON.stringify(schedule) : null,
        initial_record_time: initial,
        auth: JSON.stringify({ userId: ctx.userId, username: ctx.username, role: ctx.role, enterpriseId: ctx.enterpriseId, via: ctx.via }),
        created_at: now,
        cursor_id: high,
        next_run_at: schedule ? nextRun(parseSchedule(schedule), now) : null,
        due_at: now,
        failures: 0,
        delivered: 0,
      };
      await trx.insertInto('epcis_subscriptions').values(values).execute();
      await this.audit.append(trx, ctx, {
        action: 'create', entity: 'epcis_subscriptions', entityId: id, enterpriseId: owner,
        after: { subscriptionID: id, queryName, dest: values.dest, stream, schedule, reportIfEmpty: !!req.reportIfEmpty, initialRecordTime: req.initialRecordTime ?? null, signed: !!req.signatureToken },
      });
      return { ...values, query_name: queryName };
    });
    this.wake();
    return subscriptionView(row);
  }

  async listSubscriptions(ctx: AuthContext, queryName: string): Promise<Subscription[]> {
    const query = await this.queryRow(ctx, queryName);
    const rows = await scoped(this.db.selectFrom('epcis_subscriptions'), ctx).selectAll().where('query_id', '=', query.id).orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => subscriptionView({ ...r, query_name: queryName }));
  }

  async getSubscription(ctx: AuthContext, queryName: string, subscriptionID: string): Promise<Subscription> {
    const query = await this.queryRow(ctx, queryName);
    const row = await scoped(this.db.selectFrom('epcis_subscriptions'), ctx).selectAll().where('query_id', '=', query.id).where('subscription_id', '=', subscriptionID).executeTakeFirst();
    if (!row) throw notFound(`Subscription ${subscriptionID}`);
    return subscriptionView({ ...row, query_name: queryName });
  }

  async unsubscribe(ctx: AuthContext, queryName: string, subscriptionID: string): Promise<void> {
    this.assertWriter(ctx);
    const query = await this.queryRow(ctx, queryName);
    await this.db.transaction().execute(async (trx) => {
      const row = await scoped(trx.selectFrom('epcis_subscriptions'), ctx).select(['id', 'dest', 'enterprise_id']).where('query_id', '=', query.id).where('subscription_id', '=', subscriptionID).executeTakeFirst();
      if (!row) throw notFound(`Subscription ${subscriptionID}`);
      await trx.deleteFrom('epcis_subscriptions').where('id', '=', row.id).execute();
      await this.audit.append(trx, ctx, { action: 'delete', entity: 'epcis_subscriptions', entityId: subscriptionID, enterpriseId: (row.enterprise_id as number | null) ?? null, before: { subscriptionID, queryName, dest: row.dest } });
    });
  }

  // ---- delivery -----------------------------------------------------------------------------

  /** Starts delivering: polls every `pollMs` and wakes on every capture, on any node (through the bus). */
  start(opts: { nodeId?: string; log?: Logger } = {}): void {
    if (this.timer) return;
    this.nodeId = `${opts.nodeId ?? os.hostname()}/${randomUUID().slice(0, 8)}`;
    this.log = opts.log;
    this.stopping = false;
    // A processor of captures (on any node, at least once): a capture wakes delivery at once; the poll covers the rest.
    this.unlisten = this.trace.events.bus.subscribe('trace.epcis.captured', { durable: 'trace-subscription-delivery' }, () => this.wake()).unsubscribe;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Stops delivering; a webhook call in flight is let finish (bounded by the timeout). Idempotent. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unlisten?.();
    this.unlisten = null;
    await this.ticking;
    await Promise.allSettled([...this.active.values()]);
  }

  /** Looks for due subscriptions now (coalesced with a look already running). */
  wake(): void {
    if (!this.timer || this.stopping) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = (async () => {
      do {
        this.again = false;
        try {
          await this.tick();
        } catch (err) {
          this.log?.error({ err }, 'subscriptions: looking for due deliveries failed');
        }
      } while (this.again && !this.stopping);
    })().finally(() => {
      this.ticking = null;
    });
  }

  private async tick(): Promise<void> {
    const free = this.options.concurrency - this.active.size;
    if (free <= 0) return;
    const now = Date.now();
    const high = await highWater(this.db);
    const due = await this.db
      .selectFrom('epcis_subscriptions')
      .select('id')
      .where('due_at', '<=', now)
      // A stream is due when events were stored past its cursor; a schedule when its time came.
      .where((eb) => eb.or([eb.and([eb('stream', '=', 1), eb('cursor_id', '<', high)]), eb('next_run_at', '<=', now)]))
      .where((eb) => leaseFree(eb, LEASE_COLUMNS, now))
      .orderBy('due_at')
      .limit(free + this.active.size)
      .execute();
    for (const { id } of due) {
      const key = Number(id);
      if (this.active.has(key) || this.active.size >= this.options.concurrency || this.stopping) continue;
      const run = this.runOne(key)
        .catch((err) => this.log?.error({ err, subscription: key }, 'subscriptions: delivery run failed'))
        .finally(() => {
          this.active.delete(key);
          this.wake();
        });
      this.active.set(key, run);
    }
  }

  /** Takes the lease of one subscription, delivers what is due, gives the lease back. */
  private async runOne(id: number): Promise<void> {
    const now = Date.now();
    const claimed = await this.db
      .updateTable('epcis_subscriptions')
      .set({ lease_owner: this.nodeId, lease_until: now + this.options.leaseMs })
      .where('id', '=', id)
      .where((eb) => leaseFree(eb, LEASE_COLUMNS, now))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return;
    try {
      await this.deliver(id);
    } catch (err) {
      // Not the webhook's fault (the store, a stored query that no longer runs): back off all the same,
      // so a broken subscription is not retried in a loop.
      this.log?.error({ err, subscription: id }, 'subscriptions: delivery run failed');
      const row = await this.db.selectFrom('epcis_subscriptions').select('failures').where('id', '=', id).executeTakeFirst();
      if (row) await this.recordFailure(id, Number(row.failures), `delivery failed on our side: ${(err as Error).message}`);
    } finally {
      await this.db.updateTable('epcis_subscriptions').set({ lease_owner: null, lease_until: null }).where('id', '=', id).where('lease_owner', '=', this.nodeId).execute();
    }
  }

  /** Writes delivery state while this node still holds the lease; false when it lost it (or the subscription is gone). */
  private async save(id: number, set: Record<string, unknown>): Promise<boolean> {
    const r = await this.db
      .updateTable('epcis_subscriptions')
      .set({ ...set, lease_until: Date.now() + this.options.leaseMs })
      .where('id', '=', id)
      .where('lease_owner', '=', this.nodeId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private async deliver(id: number): Promise<void> {
    const row = await this.db
      .selectFrom('epcis_subscriptions as s')
      .innerJoin('epcis_queries as q', 'q.id', 's.query_id')
      .selectAll('s')
      .select(['q.name as query_name', 'q.query as query'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row) return;
    const now = Date.now();
    const scheduled = Number(row.stream) !== 1;
    // Another node may have run it between our look and our lease.
    if (Number(row.due_at) > now || (scheduled && (row.next_run_at === null || Number(row.next_run_at) > now))) return;
    let failures = Number(row.failures);
    const fail = async (error: string) => {
      this.log?.warn({ subscription: row.subscription_id, dest: row.dest, failures: failures + 1 }, `subscriptions: delivery failed: ${error}`);
      await this.recordFailure(id, failures, error);
    };

    const ctx = JSON.parse(String(row.auth)) as AuthContext;
    const creator = await this.creatorProblem(ctx);
    if (creator) return fail(creator);

    const q: EventQuery = { ...(JSON.parse(String(row.query)) as EventQuery) };
    if (row.initial_record_time !== null) {
      const initial = Number(row.initial_record_time);
      const own = q.GE_recordTime ? Date.parse(q.GE_recordTime) : Number.NEGATIVE_INFINITY;
      if (!(own >= initial)) q.GE_recordTime = new Date(initial).toISOString();
    }
    let cursor = Number(row.cursor_id);
    // Read before querying: every event up to `high` is visible to the queries below.
    const high = await highWater(this.db);
    let batch = this.options.batchSize;
    let sent = 0;
    let calls = 0;
    let exhausted = false;
    while (calls < this.options.maxBatchesPerRun && !this.stopping) {
      const r = await this.trace.query(ctx, { ...q, perPage: batch }, { afterId: cursor });
      if (r.events.length === 0 && !(scheduled && Number(row.report_if_empty) === 1 && sent === 0 && calls === 0)) {
        exhausted = true;
        break;
      }
      calls++;
      const t = Date.now();
      const res = await this.post(String(row.dest), row.signature_token === null ? null : String(row.signature_token), String(row.query_name), String(row.subscription_id), r.events);
      if (!res.ok) {
        // 413: the webhook asks for smaller batches (EPCIS 2.0 callback responses).
        if (res.status === 413 && batch > 1 && r.events.length > 1) {
          batch = Math.max(1, Math.floor(r.events.length / 2));
          continue;
        }
        return fail(res.error);
      }
      failures = 0;
      if (r.lastId !== null) cursor = r.lastId;
      sent += r.events.length;
      const kept = await this.save(id, { cursor_id: cursor, failures: 0, last_attempt_at: t, last_success_at: Date.now(), delivered: sql`delivered + ${r.events.length}` });
      if (!kept) return;
      if (r.events.length < batch) {
        exhausted = true;
        break;
      }
    }
    if (!exhausted) return; // more to send: due again at once, after others had their turn
    const set: Record<string, unknown> = { cursor_id: Math.max(cursor, high), due_at: Date.now() };
    if (scheduled) {
      const next = nextRun(parseSchedule(JSON.parse(String(row.schedule)) as ScheduleSpec), Date.now());
      set.next_run_at = next;
    }
    await this.save(id, set);
  }

  /** Counts a failed attempt and sets the next one after an exponential backoff. */
  private async recordFailure(id: number, failuresBefore: number, error: string): Promise<void> {
    const failures = failuresBefore + 1;
    const delay = Math.min(this.options.backoffBaseMs * 2 ** Math.min(failures - 1, 30), this.options.backoffMaxMs);
    const t = Date.now();
    await this.save(id, { failures, last_attempt_at: t, last_error: error.slice(0, 1000), last_error_at: t, due_at: t + delay });
  }

  /** Why a subscription may no longer run with its creator's visibility, or null. */
  private async creatorProblem(ctx: AuthContext): Promise<string | null> {
    if (ctx.userId === null) return null;
    const user = await this.db.selectFrom('users').select(['disabled', 'enterprise_id']).where('id', '=', ctx.userId).executeTakeFirst();
    if (!user) return `the subscription's creator ${ctx.username} no longer exists`;
    if (user.disabled === true || user.disabled === 1) return `the subscription's creator ${ctx.username} is disabled`;
    if ((user.enterprise_id === null ? null : Number(user.enterprise_id)) !== ctx.enterpriseId) return `the subscription's creator ${ctx.username} has moved to another enterprise`;
    return null;
  }

  /** One webhook call: an EPCISQueryDocument, signed when the subscription has a token. */
  private async post(dest: string, token: string | null, queryName: string, subscriptionID: string, events: Record<string, unknown>[]): Promise<{ ok: true } | { ok: false; status?: number; error: string }> {
    const body = JSON.stringify(queryDocument(queryName, events, subscriptionID));
    const headers: Record<string, string> = { 'content-type': 'application/ld+json', 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0' };
    if (token !== null) headers['GS1-Signature'] = signBody(token, body);
    // Through the outbound guard: the destination's resolved addresses are checked at connect (a
    // subscription made before a destination was refused, or one whose name now resolves inside,
    // fails with the reason recorded in its status). Redirects are not followed: the signed
    // document goes to the registered destination only.
    const res = await postWebhook(dest, { method: 'POST', headers, body, timeoutMs: this.options.timeoutMs, ...(await this.outboundPolicy()) });
    return res.ok ? { ok: true } : { ok: false, status: res.status, error: res.error };
  }
}

/** The internal id of the last stored event (0 when none). */
async function highWater(db: Tx): Promise<number> {
  const r = await db.selectFrom('epcis_events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 0 : Number(r.m);
}

/** Field errors of a named-query definition (the HTTP schema checks the same; this guards other callers). */
export function checkQueryDefinition(input: { name?: unknown; query?: unknown }): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof input.name !== 'string' || !new RegExp(QUERY_NAME_PATTERN).test(input.name)) errors.push({ path: '/body/name', message: 'must be 1–100 letters, digits or . _ ~ -' });
  if (!input.query || typeof input.query !== 'object' || Array.isArray(input.query)) {
    errors.push({ path: '/body/query', message: 'must be an object of SimpleEventQuery parameters' });
    return errors;
  }
  for (const [k, v] of Object.entries(input.query)) {
    const path = `/body/query/${k}`;
    if ((QUERY_TIME_PARAMS as readonly string[]).includes(k)) {
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) errors.push({ path, message: 'must be an RFC 3339 date-time' });
    } else if ((QUERY_LIST_PARAMS as readonly string[]).includes(k)) {
      if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || x === '')) errors.push({ path, message: 'must be a non-empty list of strings' });
    } else errors.push({ path, message: 'is not a known field' });
  }
  return errors;
}

function normaliseQuery(q: Record<string, unknown>): StoredQuery {
  const out: Record<string, unknown> = {};
  for (const k of [...QUERY_TIME_PARAMS, ...QUERY_LIST_PARAMS]) if (q[k] !== undefined) out[k] = q[k];
  return out as StoredQuery;
}

function queryView(r: Record<string, unknown>): NamedQuery {
  return { name: String(r.name), query: JSON.parse(String(r.query)), createdAt: iso(r.created_at)!, createdBy: String(r.created_by) };
}

function subscriptionView(r: Record<string, unknown>): Subscription {
  const failures = Number(r.failures ?? 0);
  const schedule = r.schedule ? (JSON.parse(String(r.schedule)) as ScheduleSpec) : undefined;
  const out: Subscription = {
    subscriptionID: String(r.subscription_id),
    queryName: String(r.query_name),
    dest: String(r.dest),
    createdAt: iso(r.created_at)!,
    createdBy: String((JSON.parse(String(r.auth)) as AuthContext).username),
    reportIfEmpty: Number(r.report_if_empty) === 1,
    signed: r.signature_token !== null && r.signature_token !== undefined,
    nextRunAt: iso(r.next_run_at),
    nextAttemptAt: failures > 0 ? iso(r.due_at) : null,
    lastAttemptAt: iso(r.last_attempt_at),
    lastSuccessAt: iso(r.last_success_at),
    lastError: (r.last_error as string | null) ?? null,
    lastErrorAt: iso(r.last_error_at),
    failures,
    delivered: Number(r.delivered ?? 0),
  };
  if (Number(r.stream) === 1) out.stream = true;
  if (schedule) out.schedule = Object.fromEntries(SCHEDULE_FIELDS.filter((f) => schedule[f] !== undefined).map((f) => [f, schedule[f]])) as ScheduleSpec;
  if (r.initial_record_time !== null && r.initial_record_time !== undefined) out.initialRecordTime = iso(r.initial_record_time)!;
  return out;
}
