/**
 * The facade the routes use: the webhooks collection (the generic resource, plus the outbound
 * guard on the URL and the server's secret), their deliveries and dead letters, a new secret and
 * a test ping. Every write is audited in its transaction.
 */
import type { Selectable } from 'kysely';
import type { DbHandle } from '../../../adapters/db/index.ts';
import { tablesOf } from '../../../adapters/db/index.ts';
import type { AuditStore } from '../../../core/audit/store.ts';
import { ResourceService } from '../../../core/crud/service.ts';
import type { CreateOf, Page, PatchOf } from '../../../core/crud/spec.ts';
import type { Row } from '../../../core/crud/store.ts';
import { conflict, notFound, validation } from '../../../core/errors.ts';
import { checkDestination, OutboundRefused } from '../../../core/outbound.ts';
import type { AuthContext } from '../../../core/roles.ts';
import { moduleDb, tenantDb, type ModuleDb } from '../../../core/tenancy.ts';
import type { AlarmWebhookDispatcher } from './dispatcher.ts';
import { webhookPolicy } from './policy.ts';
import { alarmWebhookSpec, type AlarmWebhook } from './resources.ts';
import type { DeliveriesQuery, Delivery } from './schemas.ts';
import { newSecret } from './signing.ts';
import type { AlarmWebhookDeliveriesTable, AlarmWebhookTables } from './tables.ts';

type Spec = typeof alarmWebhookSpec;

/** The generic resource, with every URL put to the outbound guard before it is stored. */
class WebhookResource extends ResourceService<Spec> {
  constructor(
    handle: DbHandle,
    audit: AuditStore,
    private readonly dispatcher: AlarmWebhookDispatcher,
  ) {
    super(handle, alarmWebhookSpec, audit);
  }

  /** A URL the guard refuses now is a 400 naming /body/url (the guard runs again at every call). */
  async checkUrl(url: string): Promise<void> {
    try {
      await checkDestination(url, await this.dispatcher.policy());
    } catch (err) {
      if (!(err instanceof OutboundRefused)) throw err;
      throw validation(`url ${err.message}`, [{ path: '/body/url', message: err.message }]);
    }
  }

  override async create(ctx: AuthContext, input: CreateOf<Spec>, extraRow: Row = {}): Promise<AlarmWebhook> {
    // Refuse a caller who may not create any before resolving a name on their behalf.
    if (!webhookPolicy.can(ctx, 'create')) webhookPolicy.assert(ctx, 'create');
    await this.checkUrl(input.url);
    return super.create(ctx, input, extraRow);
  }

  override async update(ctx: AuthContext, id: number, patch: PatchOf<Spec>, extraRow: Row = {}): Promise<AlarmWebhook> {
    const current = await this.get(ctx, id);
    webhookPolicy.assert(ctx, 'update', current.enterpriseId);
    if (patch.url !== undefined) await this.checkUrl(patch.url);
    return super.update(ctx, id, patch, extraRow);
  }
}

const toDelivery = (r: Selectable<AlarmWebhookDeliveriesTable>): Delivery => ({
  id: Number(r.id),
  webhookId: r.webhook_id,
  event: r.event,
  alarmId: r.alarm_id === null ? null : Number(r.alarm_id),
  transitionId: r.transition_id === null ? null : Number(r.transition_id),
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? Number(r.next_attempt_at) : null,
  lastAttemptAt: r.last_attempt_at === null ? null : Number(r.last_attempt_at),
  lastStatus: r.last_status,
  lastError: r.last_error,
  deliveredAt: r.delivered_at === null ? null : Number(r.delivered_at),
  createdAt: Number(r.created_at),
});

export class AlarmWebhookService {
  readonly webhooks: WebhookResource;
  private readonly db: ModuleDb<AlarmWebhookTables>;

  constructor(
    handle: DbHandle,
    private readonly audit: AuditStore,
    readonly dispatcher: AlarmWebhookDispatcher,
  ) {
    this.webhooks = new WebhookResource(handle, audit, dispatcher);
    this.db = moduleDb(tablesOf<AlarmWebhookTables>(handle.db));
  }

  /** Creates a webhook with a secret of the server's making, returned this once. */
  async create(ctx: AuthContext, input: CreateOf<Spec>): Promise<AlarmWebhook & { secret: string }> {
    const secret = newSecret();
    const item = await this.webhooks.create(ctx, input, { secret });
    return { ...item, secret };
  }

  /** A new secret; the old one stops signing at once (a receiver may accept both for a while: docs). */
  async rotateSecret(ctx: AuthContext, id: number): Promise<{ id: number; secret: string }> {
    const hook = await this.webhooks.get(ctx, id);
    webhookPolicy.assert(ctx, 'rotate', hook.enterpriseId);
    const secret = newSecret();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('alarm_webhooks').set({ secret, updated_at: Date.now() }).where('id', '=', id).execute();
      // The secret itself is never in the audit log.
      await this.audit.append(trx, ctx, { action: 'rotate_secret', entity: alarmWebhookSpec.name, entityId: id, enterpriseId: hook.enterpriseId });
    });
    return { id, secret };
  }

  /** A webhook's deliveries, newest first, optionally of one status (`dead`: its dead letters). */
  async deliveries(ctx: AuthContext, webhookId: number, query: DeliveriesQuery): Promise<Page<Delivery>> {
    await this.webhooks.get(ctx, webhookId);
    const base = () => {
      let q = tenantDb(this.db, ctx).selectFrom('alarm_webhook_deliveries').where('webhook_id', '=', webhookId);
      if (query.status) q = q.where('status', '=', query.status);
      return q;
    };
    const [rows, count] = await Promise.all([
      base().selectAll().orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute(),
      base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toDelivery), total: Number(count.n), limit: query.limit, offset: query.offset };
  }

  private async delivery(ctx: AuthContext, id: number): Promise<Selectable<AlarmWebhookDeliveriesTable>> {
    const row = await tenantDb(this.db, ctx).selectFrom('alarm_webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Alarm webhook delivery ${id}`);
    return row;
  }

  /** Re-queues a dead-lettered delivery: due now, with its attempts counted afresh. */
  async retry(ctx: AuthContext, id: number): Promise<Delivery> {
    const current = await this.delivery(ctx, id);
    webhookPolicy.assert(ctx, 'retry', current.enterprise_id);
    if (current.status !== 'dead') throw conflict(`Alarm webhook delivery ${id} is ${current.status}; only a dead one is retried`);
    const now = Date.now();
    const row = await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('alarm_webhook_deliveries')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'dead')
        .returningAll()
        .executeTakeFirst();
      if (!r) throw conflict(`Alarm webhook delivery ${id} is no longer dead`);
      await this.audit.append(trx, ctx, { action: 'retry', entity: 'alarm_webhook_delivery', entityId: id, enterpriseId: current.enterprise_id, before: { status: 'dead', attempts: current.attempts, lastError: current.last_error }, after: { status: 'pending' } });
      return r;
    });
    this.dispatcher.wake();
    return toDelivery(row);
  }

  /** Sends a signed ping now and answers the delivery it made (delivered, or pending with its error). */
  async test(ctx: AuthContext, id: number): Promise<Delivery> {
    const hook = await this.webhooks.get(ctx, id);
    webhookPolicy.assert(ctx, 'test', hook.enterpriseId);
    const deliveryId = await this.dispatcher.ping(id, hook.enterpriseId);
    return toDelivery(await this.delivery(ctx, deliveryId));
  }
}
