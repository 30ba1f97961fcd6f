import type { Db, Dialect } from '../index.ts';
import { tableWithId } from './columns.ts';

/** EPCIS 2.0 events, the identifiers they touch (by role), and capture jobs. */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await tableWithId(db, dialect, 'epcis_events', 'bigint')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    // Not unique: GS1's own examples reuse eventIDs for different events; identity is the hash.
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('hash_id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('event_time', 'bigint', (c) => c.notNull())
    .addColumn('record_time', 'bigint', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('biz_step', 'text')
    .addColumn('disposition', 'text')
    .addColumn('read_point', 'text')
    .addColumn('biz_location', 'text')
    .addColumn('transformation_id', 'text')
    .addColumn('doc', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('epcis_events_event_id_idx').on('epcis_events').column('event_id').execute();
  await db.schema.createIndex('epcis_events_time_idx').on('epcis_events').columns(['event_time', 'id']).execute();
  await db.schema.createIndex('epcis_events_enterprise_idx').on('epcis_events').columns(['enterprise_id', 'event_time']).execute();
  await db.schema.createIndex('epcis_events_transformation_idx').on('epcis_events').column('transformation_id').execute();

  await db.schema
    .createTable('epcis_event_refs')
    .addColumn('event_pk', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.notNull().references('epcis_events.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision')
    .addColumn('uom', 'text')
    .execute();
  await db.schema.createIndex('epcis_event_refs_ref_idx').on('epcis_event_refs').columns(['ref', 'role']).execute();
  await db.schema.createIndex('epcis_event_refs_event_idx').on('epcis_event_refs').column('event_pk').execute();

  await db.schema
    .createTable('epcis_capture_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('behaviour', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addColumn('captured', 'integer', (c) => c.notNull())
    .addColumn('duplicates', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text')
    .execute();
}
