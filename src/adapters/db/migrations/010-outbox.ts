import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * The transactional outbox (issue 9): a domain event is a row written in the transaction of the
 * change it reports, so it exists exactly when the change does; the dispatcher
 * (src/adapters/db/outbox.ts) publishes unpublished rows to the bus in id order, sets
 * `published_at`, and deletes published rows after a while.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await tableWithId(db, dialect, 'outbox', 'bigint')
    .addColumn('subject', 'text', (c) => c.notNull())
    // JSON of the payload (src/core/events.ts types it by subject).
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .execute();
  // The dispatcher's look-up: only unpublished rows, in id order (both dialects have partial indexes).
  await sql`CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL`.execute(db);
  await db.schema.createIndex('outbox_published_at').on('outbox').column('published_at').execute();
}
