import { sql } from 'kysely';
import type { Db, Dialect } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * Hazardous-waste transfer manifests (issue 14; 危险废物转移联单, docs/manifests.md).
 *
 * - `manifests`: one row per revision of a manifest. `number` is the park's number (one per
 *   manifest, kept by its corrections); a correction after closing is a new row with the same number
 *   and `revision` + 1, so the closed revision stays as it was. `enterprise_id` is the generator (the
 *   shipper of record: for a return or onward manifest, the receiver that rejected the waste);
 *   `manifest_parties` lists every party, and reads filter on it. Lines, legs and the receiver's
 *   figures are JSON (the ledger's and the exchange's convention); `version` counts actions, and
 *   every action names the version it answers.
 * - `manifest_parties`: generator, each leg's transporter and the receiver (tenant-owned rows, so an
 *   enterprise's manifests are one indexed lookup).
 * - `manifest_signatures`: append-only (triggers refuse UPDATE and DELETE), each chained to the one
 *   before by its hash.
 * - `manifest_links`: what a manifest's steps wrote elsewhere (EPCIS event IDs, ledger flow ids, alarm
 *   keys), kept apart from the manifest so a link written after closing does not change the closed row.
 * - `manifest_settings`: the park's one JSON record (number format, tolerances, allowances).
 * - `manifest_sequences`: the next serial per year for the number format's `{seq}`.
 * - `exchange_deliveries.manifest_id`: the manifest a delivery of a hazardous deal travels with.
 *
 * A closed revision cannot change: a trigger refuses an UPDATE of a row whose state is `closed` and a
 * DELETE of any manifest, on both dialects, so not even a bug in the service can rewrite one.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await tableWithId(db, dialect, 'manifests')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('receiver_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('manifests.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('identifier', 'text')
    .addColumn('site_id', 'integer', (c) => c.references('sites.id'))
    .addColumn('receiver_site_id', 'integer', (c) => c.references('sites.id'))
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('route', 'text')
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('legs', 'text', (c) => c.notNull())
    .addColumn('declared_t', 'double precision', (c) => c.notNull())
    .addColumn('received_t', 'double precision')
    .addColumn('accepted_t', 'double precision')
    .addColumn('handoffs_done', 'integer', (c) => c.notNull())
    .addColumn('handoff_half', 'text')
    .addColumn('rejection', 'text')
    .addColumn('discrepancy', 'text')
    .addColumn('discrepancy_state', 'text')
    .addColumn('deal_id', 'integer')
    .addColumn('delivery_id', 'integer')
    .addColumn('correction', 'text')
    .addColumn('note', 'text')
    .addColumn('signed_at', 'bigint')
    .addColumn('picked_up_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .addColumn('received_at', 'bigint')
    .addColumn('processed_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('cancelled_at', 'bigint')
    .addColumn('overdue_since', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('manifests_number_revision_uq').on('manifests').columns(['number', 'revision']).unique().execute();
  await db.schema.createIndex('manifests_enterprise_state_idx').on('manifests').columns(['enterprise_id', 'state']).execute();
  await db.schema.createIndex('manifests_state_idx').on('manifests').columns(['state', 'updated_at']).execute();
  await db.schema.createIndex('manifests_parent_idx').on('manifests').column('parent_id').execute();

  await db.schema
    .createTable('manifest_parties')
    .addColumn('manifest_id', 'integer', (c) => c.notNull().references('manifests.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('leg', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('manifest_parties_pk', ['manifest_id', 'party', 'leg'])
    .execute();
  await db.schema.createIndex('manifest_parties_enterprise_idx').on('manifest_parties').columns(['enterprise_id', 'manifest_id']).execute();

  await tableWithId(db, dialect, 'manifest_signatures')
    .addColumn('manifest_id', 'integer', (c) => c.notNull().references('manifests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('leg', 'integer')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('seen', 'text')
    .addColumn('detail', 'text')
    .addColumn('note', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('manifest_signatures_seq_uq').on('manifest_signatures').columns(['manifest_id', 'seq']).unique().execute();

  await db.schema
    .createTable('manifest_links')
    .addColumn('manifest_id', 'integer', (c) => c.notNull().references('manifests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('manifest_links_pk', ['manifest_id', 'kind', 'ref'])
    .execute();

  await tableWithId(db, dialect, 'manifest_settings')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('manifest_sequences')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('next', 'integer', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('exchange_deliveries').addColumn('manifest_id', 'integer').execute();

  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER manifest_signatures_no_update BEFORE UPDATE ON manifest_signatures BEGIN SELECT RAISE(ABORT, 'manifest signatures are append-only'); END`.execute(db);
    await sql`CREATE TRIGGER manifest_signatures_no_delete BEFORE DELETE ON manifest_signatures BEGIN SELECT RAISE(ABORT, 'manifest signatures are append-only'); END`.execute(db);
    await sql`CREATE TRIGGER manifests_closed_no_update BEFORE UPDATE ON manifests WHEN OLD.state = 'closed' BEGIN SELECT RAISE(ABORT, 'a closed manifest cannot change: correct it with a new revision'); END`.execute(db);
    await sql`CREATE TRIGGER manifests_no_delete BEFORE DELETE ON manifests BEGIN SELECT RAISE(ABORT, 'manifests are never deleted: cancel a draft instead'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION manifest_signatures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'manifest signatures are append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER manifest_signatures_no_change BEFORE UPDATE OR DELETE ON manifest_signatures FOR EACH ROW EXECUTE FUNCTION manifest_signatures_append_only()`.execute(db);
    await sql`CREATE FUNCTION manifests_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'manifests are never deleted: cancel a draft instead'; END IF;
      IF OLD.state = 'closed' THEN RAISE EXCEPTION 'a closed manifest cannot change: correct it with a new revision'; END IF;
      RETURN NEW; END $$`.execute(db);
    await sql`CREATE TRIGGER manifests_guard BEFORE UPDATE OR DELETE ON manifests FOR EACH ROW EXECUTE FUNCTION manifests_guard()`.execute(db);
  }
}
