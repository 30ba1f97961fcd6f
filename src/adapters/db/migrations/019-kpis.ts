import { sql } from 'kysely';
import type { Db, Dialect } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * Green KPIs (issue 12): the park's accounting settings (one JSON record), what enterprises state
 * per period (value added, production), targets per indicator, report schedules and the reports
 * they produced (the PDF kept, so last month's report reads as it was sent).
 *
 * `kpi_inputs.node_id` NULL is the enterprise as a whole; a unit's inputs name its flow node.
 * `kpi_targets.enterprise_id` NULL is the park's own target. Partial unique indexes keep one row
 * per (enterprise, node, period) and per (enterprise, key) whether or not the nullable column is set.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await tableWithId(db, dialect, 'kpi_settings')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await tableWithId(db, dialect, 'kpi_inputs')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('node_id', 'integer', (c) => c.references('flow_nodes.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value_added_10k_cny', 'double precision')
    .addColumn('production_t', 'double precision')
    .addColumn('main_product', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kpi_inputs_enterprise_period_uq').on('kpi_inputs').columns(['enterprise_id', 'period']).unique().where(sql<boolean>`node_id is null`).execute();
  await db.schema.createIndex('kpi_inputs_node_period_uq').on('kpi_inputs').columns(['enterprise_id', 'node_id', 'period']).unique().where(sql<boolean>`node_id is not null`).execute();

  await tableWithId(db, dialect, 'kpi_targets')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('kpi_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('percent', 'double precision')
    .addColumn('base_year', 'integer', (c) => c.notNull())
    .addColumn('base_value', 'double precision')
    .addColumn('target_year', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kpi_targets_park_uq').on('kpi_targets').columns(['kpi_key']).unique().where(sql<boolean>`enterprise_id is null`).execute();
  await db.schema.createIndex('kpi_targets_enterprise_uq').on('kpi_targets').columns(['enterprise_id', 'kpi_key']).unique().where(sql<boolean>`enterprise_id is not null`).execute();

  await tableWithId(db, dialect, 'kpi_report_schedules')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_code', 'text')
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('last_period', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await tableWithId(db, dialect, 'kpi_reports')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_code', 'text')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('schedule_id', 'integer')
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('pdf', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kpi_reports_enterprise_idx').on('kpi_reports').columns(['enterprise_id', 'created_at']).execute();
}
