import { sql } from 'kysely';
import type { Db, Dialect } from '../index.ts';
import { tableWithId } from './columns.ts';

/** Time series (raw points and rollups), device credentials, status and error log. */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  // Raw points keyed by (tag, ts): a duplicate timestamp overwrites (last write wins). On SQLite
  // WITHOUT ROWID stores the rows in key order, which is also the order every query reads them in.
  const withoutRowid = dialect === 'sqlite' ? sql` without rowid` : sql``;
  await sql`create table points (
    tag_id integer not null,
    ts bigint not null,
    value double precision not null,
    primary key (tag_id, ts)
  )${withoutRowid}`.execute(db);
  // Rollups at 1 minute, 1 hour and 1 day (step_ms), kept up to date as points arrive.
  await sql`create table rollups (
    tag_id integer not null,
    step_ms integer not null,
    bucket bigint not null,
    count integer not null,
    sum double precision not null,
    min double precision not null,
    max double precision not null,
    first double precision not null,
    first_ts bigint not null,
    last double precision not null,
    last_ts bigint not null,
    primary key (tag_id, step_ms, bucket)
  )${withoutRowid}`.execute(db);

  await db.schema
    .createTable('device_credentials')
    .addColumn('device_id', 'integer', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('device_status')
    .addColumn('device_id', 'integer', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
    .addColumn('last_seen_at', 'bigint')
    .addColumn('online', 'boolean', (c) => c.notNull())
    .addColumn('via', 'text')
    .execute();

  await tableWithId(db, dialect, 'device_errors', 'bigint')
    .addColumn('device_id', 'integer', (c) => c.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('device_errors_device_idx').on('device_errors').columns(['device_id', 'ts']).execute();
}
