import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';

/**
 * EPCIS events get their place in commit order, `commit_seq`, so that captures no longer commit one
 * at a time under one lock. An event is inserted with NULL and numbered once its capture has
 * committed (src/modules/trace/commit-order.ts); a subscription's cursor (`cursor_id`) counts in
 * commit_seq, so it never passes an event whose capture was still open when it moved.
 *
 * Until now captures held one lock, so event ids grew in commit order: existing events take their
 * id as commit_seq (id order, gaps and all), and every subscription cursor — an event id, or the
 * highest id when the subscription was made — is then already the matching commit_seq. It stays
 * as it is: no subscription re-delivers or skips an event.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('epcis_events').addColumn('commit_seq', dialect === 'sqlite' ? 'integer' : 'bigint').execute();
  await sql`UPDATE epcis_events SET commit_seq = id`.execute(db);
  // Unique: the sequencer numbers each event once; delivery pages by it.
  await db.schema.createIndex('epcis_events_commit_seq_uq').on('epcis_events').column('commit_seq').unique().execute();
  // The sequencer's work list: only the events not yet numbered (a handful), not the whole table.
  await db.schema.createIndex('epcis_events_unsequenced_idx').on('epcis_events').column('id').where(sql.ref('commit_seq'), 'is', null).execute();
}
