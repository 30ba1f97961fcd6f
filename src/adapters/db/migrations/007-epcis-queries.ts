import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * EPCIS 2.0 named queries and their webhook subscriptions. A query belongs to an enterprise (NULL:
 * the park's own); its name is unique per owner. A subscription keeps its delivery state in the
 * row — the cursor (the last delivered event's internal id), the next scheduled run, the backoff
 * after failures — so delivery survives a restart, and a lease (node, until) so that on one
 * PostgreSQL only one node delivers a subscription at a time.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
  await tableWithId(db, dialect, 'epcis_queries')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // One namespace per owner, the park's (NULL) included: NULLs are distinct in a plain unique index.
  await sql`CREATE UNIQUE INDEX epcis_queries_owner_name_uq ON epcis_queries ((coalesce(enterprise_id, 0)), name)`.execute(db);

  await tableWithId(db, dialect, 'epcis_subscriptions')
    .addColumn('subscription_id', 'text', (c) => c.notNull().unique())
    .addColumn('query_id', 'integer', (c) => c.notNull().references('epcis_queries.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('dest', 'text', (c) => c.notNull())
    .addColumn('signature_token', 'text')
    .addColumn('report_if_empty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stream', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON of the schedule object as sent; NULL for a stream subscription.
    .addColumn('schedule', 'text')
    .addColumn('initial_record_time', 'bigint')
    // The creator's AuthContext (JSON): the subscription sees what its creator sees.
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Delivery state.
    .addColumn('cursor_id', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('next_run_at', 'bigint')
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('last_success_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'bigint')
    .addColumn('delivered', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .execute();
  await db.schema.createIndex('epcis_subscriptions_query_idx').on('epcis_subscriptions').column('query_id').execute();
  await db.schema.createIndex('epcis_subscriptions_due_idx').on('epcis_subscriptions').column('due_at').execute();
}
