import type { Db, Dialect } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * Alarm webhooks per enterprise (NULL enterprise: the park's own) and their deliveries: one row per
 * webhook and alarm transition, unique, so a redelivered `alarms.alarm.changed` event enqueues
 * nothing twice. A delivery carries the webhook's owner in `enterprise_id` (the tenant filter reads
 * it like any other row) and the alarm's enterprise in `alarm_enterprise_id`.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await tableWithId(db, dialect, 'alarm_webhooks')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    // Kept as given: the HMAC needs the secret itself at every call (shown to the owner once).
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('min_severity', 'text', (c) => c.notNull().defaultTo('low'))
    // JSON arrays: the categories (empty: every category) and the transitions delivered.
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('transitions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alarm_webhooks_enterprise_idx').on('alarm_webhooks').column('enterprise_id').execute();

  await tableWithId(db, dialect, 'alarm_webhook_deliveries', 'bigint')
    .addColumn('webhook_id', 'integer', (c) => c.notNull().references('alarm_webhooks.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('alarm_enterprise_id', 'integer')
    .addColumn('alarm_id', 'bigint')
    // NULL for a test ping (NULLs are distinct in the unique index on both dialects).
    .addColumn('transition_id', 'bigint')
    .addColumn('event', 'text', (c) => c.notNull())
    // The event's own payload, for what the alarm row cannot tell (or when it is gone).
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alarm_webhook_deliveries_uq').on('alarm_webhook_deliveries').columns(['webhook_id', 'transition_id']).unique().execute();
  await db.schema.createIndex('alarm_webhook_deliveries_due_idx').on('alarm_webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('alarm_webhook_deliveries_list_idx').on('alarm_webhook_deliveries').columns(['webhook_id', 'status', 'id']).execute();
}
