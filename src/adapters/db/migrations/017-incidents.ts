import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * Park incidents (应急处置, issue 10): the incident, the enterprises and units it names, the alarms
 * it was raised from, its append-only timeline and its checklist. An incident is the park's record,
 * not an enterprise's, so `incidents` has no `enterprise_id`; who sees it is decided by
 * `incident_enterprises` (the affected enterprises), which is tenant-owned.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await tableWithId(db, dialect, 'incidents')
    .addColumn('kind', 'text', (c) => c.notNull())
    // China's emergency response levels: 1 = I 特别重大 … 4 = IV 一般.
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('contained_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // The closing report: JSON of {summary, cause, actions, followUps} once someone edits the draft.
    .addColumn('report', 'text')
    .addColumn('report_frozen_at', 'bigint')
    .addColumn('report_frozen_by', 'text')
    // Bumped by every write: the board's cache key and a guard against lost updates.
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_state_idx').on('incidents').columns(['state', 'opened_at']).execute();

  await db.schema
    .createTable('incident_enterprises')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addPrimaryKeyConstraint('incident_enterprises_pk', ['incident_id', 'enterprise_id'])
    .execute();
  // "Which incidents name my enterprise": the filter of every enterprise read.
  await db.schema.createIndex('incident_enterprises_ent_idx').on('incident_enterprises').columns(['enterprise_id', 'incident_id']).execute();

  await db.schema
    .createTable('incident_units')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    // The unit as named when the incident named it: every affected enterprise reads the incident,
    // not the other enterprises' registries.
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addPrimaryKeyConstraint('incident_units_pk', ['incident_id', 'unit_id'])
    .execute();

  // The alarms table belongs to the alarms module: no foreign key, the link keeps what the alarm
  // said when it was linked (an incident's record must not change when the alarm clears).
  await db.schema
    .createTable('incident_alarms')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('alarm_id', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'bigint', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_alarms_pk', ['incident_id', 'alarm_id'])
    .execute();
  await db.schema.createIndex('incident_alarms_alarm_idx').on('incident_alarms').columns(['alarm_id']).execute();

  await tableWithId(db, dialect, 'incident_timeline', 'bigint')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    // NULL: the park.
    .addColumn('actor_enterprise_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('corrects', 'bigint')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('incident_timeline_incident_idx').on('incident_timeline').columns(['incident_id', 'id']).execute();
  // Append-only in the store itself, not only in the service: a correction is a new entry.
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER incident_timeline_no_update BEFORE UPDATE ON incident_timeline BEGIN SELECT RAISE(ABORT, 'incident timeline entries are append-only'); END`.execute(db);
    await sql`CREATE TRIGGER incident_timeline_no_delete BEFORE DELETE ON incident_timeline BEGIN SELECT RAISE(ABORT, 'incident timeline entries are append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION incident_timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'incident timeline entries are append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER incident_timeline_no_change BEFORE UPDATE OR DELETE ON incident_timeline FOR EACH ROW EXECUTE FUNCTION incident_timeline_append_only()`.execute(db);
  }

  await tableWithId(db, dialect, 'incident_checklist')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // The template item it came from (NULL for an item added during the incident).
    .addColumn('template_key', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text')
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status_by', 'text')
    .addColumn('status_at', 'bigint')
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_checklist_incident_idx').on('incident_checklist').columns(['incident_id', 'position']).execute();
}
