/**
 * EPCIS 2.0 named queries and webhook subscriptions (the REST binding's /queries resources): their
 * creation, reading and deletion, with the tenant filter, the write policy and the audit log.
 *
 * A named query is a stored SimpleEventQuery in its owner's namespace (an enterprise, or the park
 * for park roles). A subscription delivers the query's results to a webhook as EPCISQueryDocuments,
 * either as events arrive (`stream`) or at the times of a cron-like `schedule`, and runs with the
 * visibility of the user who made it. What a query and a subscription are: named-queries.ts and
 * subscription-model.ts; delivering them: delivery.ts (a core worker job); the webhook client:
 * webhook.ts.
 */
import { randomUUID } from 'node:crypto';
import type { SelectQueryBuilder } from 'kysely';
import { isUniqueViolation, tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { conflict, notFound, validation, type FieldError } from '../../core/errors.ts';
import { OutboundRefused } from '../../core/outbound.ts';
import type { AuthContext } from '../../core/roles.ts';
import { moduleDb, tenantDb, type ModuleDb } from '../../core/tenancy.ts';
import type { Worker, WorkerLog } from '../../core/worker.ts';
import { SubscriptionDelivery, type DeliveryOptions, type UserStanding } from './delivery.ts';
import { checkQueryDefinition, MAX_QUERIES_PER_OWNER, MAX_SUBSCRIPTIONS_PER_OWNER, normaliseQuery, parseStoredQuery, type NamedQuery } from './named-queries.ts';
import { queryPolicy } from './policy.ts';
import type { TraceService } from './service.ts';
import { checkSubscriptionRequest, queryView, storedContext, subscriptionView, type Subscription, type SubscriptionRequest } from './subscription-model.ts';
import type { SubscriptionTables } from './tables.ts';
import { WebhookClient, type OutboundOptions } from './webhook.ts';

export { DEFAULT_DELIVERY, standingFrom, type DeliveryOptions, type UserStanding } from './delivery.ts';
export { checkQueryDefinition, MAX_QUERIES_PER_OWNER, MAX_SUBSCRIPTIONS_PER_OWNER, QUERY_LIST_PARAMS, QUERY_NAME_PATTERN, QUERY_TIME_PARAMS, type NamedQuery, type StoredQuery } from './named-queries.ts';
export type { Subscription, SubscriptionRequest } from './subscription-model.ts';
export { signBody, type OutboundOptions } from './webhook.ts';

const fieldErrors = (errors: FieldError[]) => validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);

export class SubscriptionService {
  /** The delivery job (delivery.ts): started with the node's worker by the composition root. */
  readonly delivery: SubscriptionDelivery;
  private readonly webhook: WebhookClient;
  /** Queries and subscriptions are their owner's: read through `tenantDb(this.db, ctx)` (`own`). */
  private readonly db: ModuleDb<SubscriptionTables>;

  constructor(
    handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly trace: TraceService,
    users: UserStanding,
    options: Partial<DeliveryOptions> = {},
    outbound: OutboundOptions = {},
  ) {
    this.db = moduleDb(tablesOf<SubscriptionTables>(handle.db));
    this.webhook = new WebhookClient(handle.db, outbound);
    this.delivery = new SubscriptionDelivery(handle, trace, this.webhook, users, options);
  }

  /** Delivery's options (tests shorten the poll and the backoff before a start). */
  get options(): DeliveryOptions {
    return this.delivery.options;
  }

  /** Delivers through `worker`: one node at a time holds the job (delivery.ts). */
  start(worker: Worker, log?: WorkerLog): void {
    this.delivery.start(worker, log);
  }

  async stop(): Promise<void> {
    await this.delivery.stop();
  }

  private assertWriter(ctx: AuthContext): void {
    queryPolicy.assert(ctx, 'create');
  }

  /**
   * The caller's namespace within what the tenant filter lets through (`q` comes from `tenantDb`):
   * its enterprise's rows, the park's own (NULL) for park roles.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private own<Q extends SelectQueryBuilder<SubscriptionTables, any, any>>(q: Q, ctx: AuthContext): Q {
    return (ctx.enterpriseId === null ? q.where('enterprise_id', 'is', null) : q.where('enterprise_id', '=', ctx.enterpriseId)) as Q;
  }

  // ---- named queries ------------------------------------------------------------------------

  async listQueries(ctx: AuthContext): Promise<NamedQuery[]> {
    const rows = await this.own(tenantDb(this.db, ctx).selectFrom('epcis_queries'), ctx).selectAll().orderBy('name').limit(MAX_QUERIES_PER_OWNER).execute();
    return rows.map(queryView);
  }

  async getQuery(ctx: AuthContext, name: string): Promise<NamedQuery> {
    return queryView(await this.queryRow(ctx, name));
  }

  private async queryRow(ctx: AuthContext, name: string) {
    const row = await this.own(tenantDb(this.db, ctx).selectFrom('epcis_queries'), ctx).selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) throw notFound(`Query ${name}`);
    return row;
  }

  async createQuery(ctx: AuthContext, input: { name: string; query: Readonly<Record<string, unknown>> }): Promise<NamedQuery> {
    this.assertWriter(ctx);
    const errors = checkQueryDefinition(input);
    if (errors.length) throw fieldErrors(errors);
    const query = normaliseQuery(input.query);
    const owner = ctx.enterpriseId;
    const taken = () => conflict(`A query named ${input.name} exists; delete it first or choose another name`);
    try {
      return await this.db.transaction().execute(async (trx) => {
        const existing = await this.own(tenantDb(trx, ctx).selectFrom('epcis_queries'), ctx).select('id').where('name', '=', input.name).executeTakeFirst();
        if (existing) throw taken();
        const count = await this.own(tenantDb(trx, ctx).selectFrom('epcis_queries'), ctx).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (count.n >= MAX_QUERIES_PER_OWNER) throw conflict(`At most ${MAX_QUERIES_PER_OWNER} named queries per enterprise`);
        const now = Date.now();
        await trx.insertInto('epcis_queries').values({ enterprise_id: owner, name: input.name, query: JSON.stringify(query), created_by: ctx.username, created_at: now }).execute();
        await this.audit.append(trx, ctx, { action: 'create', entity: 'epcis_queries', entityId: input.name, enterpriseId: owner, after: { name: input.name, query } });
        return { name: input.name, query, createdAt: new Date(now).toISOString(), createdBy: ctx.username };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw taken();
      throw err;
    }
  }

  /** Deletes a named query and every subscription to it. */
  async deleteQuery(ctx: AuthContext, name: string): Promise<void> {
    this.assertWriter(ctx);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.own(tenantDb(trx, ctx).selectFrom('epcis_queries'), ctx).selectAll().where('name', '=', name).executeTakeFirst();
      if (!row) throw notFound(`Query ${name}`);
      const subs = await trx.selectFrom('epcis_subscriptions').select('subscription_id').where('query_id', '=', row.id).execute();
      await trx.deleteFrom('epcis_subscriptions').where('query_id', '=', row.id).execute();
      await trx.deleteFrom('epcis_queries').where('id', '=', row.id).execute();
      await this.audit.append(trx, ctx, {
        action: 'delete', entity: 'epcis_queries', entityId: name, enterpriseId: row.enterprise_id,
        before: { name, query: parseStoredQuery(row.query), subscriptions: subs.map((s) => s.subscription_id) },
      });
    });
  }

  /** Runs a named query with the caller's visibility (pages as for /epcis/events). */
  async runQuery(ctx: AuthContext, name: string, page: { perPage?: number; nextPageToken?: string }) {
    const row = await this.queryRow(ctx, name);
    return this.trace.query(ctx, { ...parseStoredQuery(row.query), ...page });
  }

  // ---- subscriptions ------------------------------------------------------------------------

  async subscribe(ctx: AuthContext, queryName: string, req: SubscriptionRequest): Promise<Subscription> {
    this.assertWriter(ctx);
    const query = await this.queryRow(ctx, queryName);
    const now = Date.now();
    const checked = checkSubscriptionRequest(req, now);
    if ('errors' in checked) throw fieldErrors(checked.errors);
    const { plan } = checked;
    // The outbound guard, now (the name resolved) and again at every delivery (the address connected to).
    try {
      await this.webhook.check(plan.dest);
    } catch (err) {
      if (!(err instanceof OutboundRefused)) throw err;
      throw fieldErrors([{ path: '/body/dest', message: err.message }]);
    }

    const owner = ctx.enterpriseId;
    const id = randomUUID();
    const row = await this.db.transaction().execute(async (trx) => {
      const count = await this.own(tenantDb(trx, ctx).selectFrom('epcis_subscriptions'), ctx).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (count.n >= MAX_SUBSCRIPTIONS_PER_OWNER) throw conflict(`At most ${MAX_SUBSCRIPTIONS_PER_OWNER} subscriptions per enterprise`);
      // Without initialRecordTime a subscription starts with the events stored after it was made.
      const high = plan.initialRecordTime === null ? await this.trace.highWater(trx) : 0;
      const values = {
        subscription_id: id,
        query_id: query.id,
        enterprise_id: owner,
        dest: plan.dest.toString(),
        signature_token: req.signatureToken ?? null,
        report_if_empty: req.reportIfEmpty ? 1 : 0,
        stream: plan.stream ? 1 : 0,
        schedule: plan.schedule ? JSON.stringify(plan.schedule) : null,
        initial_record_time: plan.initialRecordTime,
        auth: storedContext(ctx),
        created_at: now,
        cursor_id: high,
        next_run_at: plan.nextRunAt,
        due_at: now,
        failures: 0,
        last_attempt_at: null,
        last_success_at: null,
        last_error: null,
        last_error_at: null,
        delivered: 0,
      };
      await trx.insertInto('epcis_subscriptions').values(values).execute();
      await this.audit.append(trx, ctx, {
        action: 'create', entity: 'epcis_subscriptions', entityId: id, enterpriseId: owner,
        after: { subscriptionID: id, queryName, dest: values.dest, stream: plan.stream, schedule: plan.schedule, reportIfEmpty: !!req.reportIfEmpty, initialRecordTime: req.initialRecordTime ?? null, signed: !!req.signatureToken },
      });
      return values;
    });
    this.delivery.wake();
    return subscriptionView(row, queryName);
  }

  async listSubscriptions(ctx: AuthContext, queryName: string): Promise<Subscription[]> {
    const query = await this.queryRow(ctx, queryName);
    const rows = await tenantDb(this.db, ctx).selectFrom('epcis_subscriptions').selectAll().where('query_id', '=', query.id).orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => subscriptionView(r, queryName));
  }

  async getSubscription(ctx: AuthContext, queryName: string, subscriptionID: string): Promise<Subscription> {
    const query = await this.queryRow(ctx, queryName);
    const row = await tenantDb(this.db, ctx).selectFrom('epcis_subscriptions').selectAll().where('query_id', '=', query.id).where('subscription_id', '=', subscriptionID).executeTakeFirst();
    if (!row) throw notFound(`Subscription ${subscriptionID}`);
    return subscriptionView(row, queryName);
  }

  async unsubscribe(ctx: AuthContext, queryName: string, subscriptionID: string): Promise<void> {
    this.assertWriter(ctx);
    const query = await this.queryRow(ctx, queryName);
    await this.db.transaction().execute(async (trx) => {
      const row = await tenantDb(trx, ctx).selectFrom('epcis_subscriptions').select(['id', 'dest', 'enterprise_id']).where('query_id', '=', query.id).where('subscription_id', '=', subscriptionID).executeTakeFirst();
      if (!row) throw notFound(`Subscription ${subscriptionID}`);
      await trx.deleteFrom('epcis_subscriptions').where('id', '=', row.id).execute();
      await this.audit.append(trx, ctx, { action: 'delete', entity: 'epcis_subscriptions', entityId: subscriptionID, enterpriseId: row.enterprise_id, before: { subscriptionID, queryName, dest: row.dest } });
    });
  }
}
