import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';
// Frozen: a migration must not change when module code does (frozen/digital-link.ts).
import { toCanonicalDigitalLink } from './frozen/digital-link.ts';
import { tableWithId } from './columns.ts';

/** SQLite stores a table with a composite primary key best as WITHOUT ROWID (one B-tree, not two). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withoutRowid = <T extends { modifyEnd(s: any): T }>(t: T, dialect: Dialect): T => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);

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

  // Enterprises an event names as a party, other than its owner (epcis_events.enterprise_id).
  await withoutRowid(
    db.schema
      .createTable('epcis_event_parties')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('event_pk', bigint, (c) => c.notNull().references('epcis_events.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('epcis_event_parties_pk', ['enterprise_id', 'event_pk']),
    dialect,
  ).execute();
  await db.schema.createIndex('epcis_event_parties_event_idx').on('epcis_event_parties').column('event_pk').execute();

  // Capture speed: an event's identifiers clustered by event (no separate rowid table and index),
  // and the transformation index only over events that have a transformation ID.
  await withoutRowid(
    db.schema
      .createTable('epcis_event_refs_v2')
      .addColumn('event_pk', bigint, (c) => c.notNull().references('epcis_events.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('quantity', 'double precision')
      .addColumn('uom', 'text')
      .addPrimaryKeyConstraint('epcis_event_refs_v2_pk', ['event_pk', 'role', 'ref']),
    dialect,
  ).execute();
  await sql`INSERT INTO epcis_event_refs_v2 (event_pk, role, ref, quantity, uom)
            SELECT event_pk, role, ref, SUM(quantity), MIN(uom) FROM epcis_event_refs GROUP BY event_pk, role, ref`.execute(db);
  // Identifiers were indexed as written and in canonical form; now in canonical form only.
  const refs = await sql<{ ref: string }>`SELECT DISTINCT ref FROM epcis_event_refs_v2`.execute(db);
  for (const { ref } of refs.rows) {
    const canonical = toCanonicalDigitalLink(ref);
    if (canonical && canonical !== ref) await sql`DELETE FROM epcis_event_refs_v2 WHERE ref = ${ref}`.execute(db);
  }
  await db.schema.dropTable('epcis_event_refs').execute();
  await db.schema.alterTable('epcis_event_refs_v2').renameTo('epcis_event_refs').execute();
  await db.schema.createIndex('epcis_event_refs_ref_role_idx').on('epcis_event_refs').columns(['ref', 'role']).execute();
  // Most events carry no eventID of their own (it is then their hash ID, already indexed): index only the others.
  await db.schema.dropIndex('epcis_events_event_id_idx').execute();
  await db.schema.createIndex('epcis_events_event_id_idx').on('epcis_events').column('event_id').where(sql<boolean>`event_id <> hash_id`).execute();
  await db.schema.dropIndex('epcis_events_transformation_idx').execute();
  await db.schema.createIndex('epcis_events_transformation_idx').on('epcis_events').column('transformation_id').where(sql.ref('transformation_id'), 'is not', null).execute();

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

  // The document apart from the indexed columns: a genealogy walk reads event rows by the thousand
  // and never their documents, so the rows stay small (many to a page) and the documents elsewhere.
  await db.schema
    .createTable('epcis_event_docs')
    .addColumn('event_pk', bigint, (c) => c.primaryKey().references('epcis_events.id').onDelete('cascade'))
    .addColumn('doc', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO epcis_event_docs (event_pk, doc) SELECT id, doc FROM epcis_events`.execute(db);
  await db.schema.alterTable('epcis_events').dropColumn('doc').execute();

  await db.schema.alterTable('epcis_capture_jobs').addColumn('body', dialect === 'sqlite' ? 'blob' : 'bytea').execute();
  await db.schema.alterTable('epcis_capture_jobs').addColumn('content_type', 'text').execute();
  await db.schema.alterTable('epcis_capture_jobs').addColumn('auth', 'text').execute();
  await db.schema.alterTable('epcis_capture_jobs').addColumn('node_id', 'text').execute();
}
