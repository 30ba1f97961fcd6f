import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';

/**
 * The audit log as one chain per tenant (issue 9): a record belongs to its enterprise's chain or to
 * the park's, links to the previous record of that chain and holds its position in it; appends
 * lock only their chain (src/core/audit/store.ts), and `seq` stays the global key, on PostgreSQL
 * from a sequence instead of the old single head.
 *
 * The records written before this migration stay as they are, as the closed legacy chain (-1,
 * LEGACY_CHAIN in src/core/audit/model.ts, frozen here): their positions are their seqs (the old
 * writer numbered them 1, 2, … without gaps) and their hashes are kept. Rechaining them would mean
 * recomputing every hash from what the rows say now, which would certify any forgery made before
 * the migration and invalidate hashes already reported or kept outside.
 */
const LEGACY_CHAIN = -1;

export async function up(db: Db, dialect: Dialect): Promise<void> {
  // A NOT NULL column added to existing rows needs a default on SQLite; it files them in the legacy chain.
  await db.schema.alterTable('audit_log').addColumn('chain', 'integer', (c) => c.notNull().defaultTo(LEGACY_CHAIN)).execute();
  await db.schema.alterTable('audit_log').addColumn('chain_pos', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update audit_log set chain_pos = seq`.execute(db);
  // The append's look-up of its chain's head and verify's walk; unique, so no position is taken twice.
  await db.schema.createIndex('audit_chain_pos').on('audit_log').columns(['chain', 'chain_pos']).unique().execute();
  if (dialect === 'postgres') {
    // The writer always names both columns; without defaults a write that forgot one fails instead of
    // landing in the legacy chain. (SQLite cannot drop a column default without rebuilding the table.)
    await sql`alter table audit_log alter column chain drop default, alter column chain_pos drop default`.execute(db);
    await sql`create sequence audit_log_seq as bigint owned by audit_log.seq`.execute(db);
    await sql`select setval('audit_log_seq', coalesce(max(seq), 0) + 1, false) from audit_log`.execute(db);
  }
}
