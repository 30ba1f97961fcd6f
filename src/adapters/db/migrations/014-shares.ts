import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * Sharing becomes one core table for every kind of data (src/core/sharing): `shares` is
 * `trace_shares` with a `kind`, and trace's rules move into it as kind `trace.events`, keeping
 * their ids (audit records and links name them). An owner has one rule per grantee and kind; where
 * `trace_shares` held several for the same grantee, the widest is kept (`all` covers `shipments`),
 * then the earliest.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await tableWithId(db, dialect, 'shares')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    // NULL: shared with the park (operator and regulators).
    .addColumn('grantee_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // One rule per owner, grantee and kind. NULLs are distinct in a unique index on both dialects, so
  // the park's rules have their own; the grantee's index leads with the grantee, as the filter asks
  // "does this owner share this kind with me".
  await db.schema.createIndex('shares_grantee_uq').on('shares').columns(['grantee_id', 'enterprise_id', 'kind']).unique().where(sql.ref('grantee_id'), 'is not', null).execute();
  await db.schema.createIndex('shares_park_uq').on('shares').columns(['enterprise_id', 'kind']).unique().where(sql.ref('grantee_id'), 'is', null).execute();
  await db.schema.createIndex('shares_owner_idx').on('shares').columns(['enterprise_id', 'kind']).execute();

  // A rule is kept unless another for the same owner and grantee comes first by (width, id).
  const width = (r: string) => sql.raw(`CASE ${r}.scope WHEN 'all' THEN 0 ELSE 1 END`);
  await sql`INSERT INTO shares (id, enterprise_id, grantee_id, kind, scope, created_at, updated_at)
            SELECT t.id, t.enterprise_id, t.grantee_id, 'trace.events', t.scope, t.created_at, t.updated_at
            FROM trace_shares t
            WHERE NOT EXISTS (
              SELECT 1 FROM trace_shares o
              WHERE o.enterprise_id = t.enterprise_id
                AND (o.grantee_id = t.grantee_id OR (o.grantee_id IS NULL AND t.grantee_id IS NULL))
                AND (${width('o')} < ${width('t')} OR (${width('o')} = ${width('t')} AND o.id < t.id)))`.execute(db);
  if (dialect === 'postgres') {
    // Ids were given explicitly: the identity continues after the highest.
    await sql`SELECT setval(pg_get_serial_sequence('shares', 'id'), COALESCE((SELECT MAX(id) FROM shares), 0) + 1, false)`.execute(db);
  }
  await db.schema.dropTable('trace_shares').execute();
}
