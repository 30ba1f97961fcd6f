import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * Who may see an EPCIS event: its capturing enterprise, the enterprises it names as owning or
 * possessing party (shipments), and whoever the owner shares with (another enterprise or the park).
 * Enterprises get a GLN so parties named in events resolve to tenants. Capture jobs keep their
 * document until done, so a job interrupted by a crash is run again on start.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
  await db.schema.alterTable('enterprises').addColumn('gln', 'text').execute();
  await db.schema.createIndex('enterprises_gln_uq').on('enterprises').column('gln').unique().execute();

  // 1: the event hands material over between parties (source/destination, shipping, receiving).
  await db.schema.alterTable('epcis_events').addColumn('shipment', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('epcis_event_parties')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('event_pk', bigint, (c) => c.notNull().references('epcis_events.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('epcis_event_parties_pk', ['enterprise_id', 'event_pk'])
    .execute();
  await db.schema.createIndex('epcis_event_parties_event_idx').on('epcis_event_parties').column('event_pk').execute();
  await sql`INSERT INTO epcis_event_parties (enterprise_id, event_pk) SELECT enterprise_id, id FROM epcis_events`.execute(db);

  await tableWithId(db, dialect, 'trace_shares')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    // NULL: shared with the park (operator and regulators).
    .addColumn('grantee_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trace_shares_grantee_idx').on('trace_shares').columns(['grantee_id', 'enterprise_id']).execute();
  await db.schema.createIndex('trace_shares_owner_idx').on('trace_shares').columns(['enterprise_id']).execute();
  // Before sharing rules the park saw every event: enterprises that have events keep sharing them.
  const now = Date.now();
  await sql`INSERT INTO trace_shares (enterprise_id, grantee_id, scope, created_at, updated_at)
            SELECT DISTINCT enterprise_id, CAST(NULL AS integer), 'all', ${sql.lit(now)}, ${sql.lit(now)} FROM epcis_events`.execute(db);

  await db.schema.alterTable('epcis_capture_jobs').addColumn('body', dialect === 'sqlite' ? 'blob' : 'bytea').execute();
  await db.schema.alterTable('epcis_capture_jobs').addColumn('content_type', 'text').execute();
  await db.schema.alterTable('epcis_capture_jobs').addColumn('auth', 'text').execute();
  await db.schema.alterTable('epcis_capture_jobs').addColumn('node_id', 'text').execute();
}
