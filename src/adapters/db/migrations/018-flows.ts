import type { Db, Dialect } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * The flow ledger (issue 11): nodes (process units, enterprises, the park and the boundary), flows
 * per period, stocks per node and material, tag-to-flow links for telemetry totals, and CSV import
 * jobs. Materials gain their element composition (mass fractions) for element balances.
 *
 * A flow's `enterprise_id` is the enterprise that recorded it (NULL: the park operator's own);
 * `from_enterprise_id` and `to_enterprise_id` are the enterprises of its two ends, copied from the
 * nodes so that "a flow between two enterprises is seen by both" needs no join. `source` and
 * `source_key` make every source re-runnable: a re-run replaces the rows of its key, never adds.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('materials').addColumn('composition', 'text').execute();

  await tableWithId(db, dialect, 'flow_nodes')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('boundary_kind', 'text')
    // No foreign key: a unit may leave the registry while its node stays, named by past flows.
    .addColumn('unit_id', 'integer')
    .addColumn('parent_id', 'integer', (c) => c.references('flow_nodes.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('flow_nodes_enterprise_idx').on('flow_nodes').columns(['enterprise_id']).execute();

  await tableWithId(db, dialect, 'flows', 'bigint')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'bigint', (c) => c.notNull())
    .addColumn('period_end', 'bigint', (c) => c.notNull())
    .addColumn('from_node_id', 'integer', (c) => c.notNull().references('flow_nodes.id'))
    .addColumn('to_node_id', 'integer', (c) => c.notNull().references('flow_nodes.id'))
    .addColumn('from_enterprise_id', 'integer')
    .addColumn('to_enterprise_id', 'integer')
    .addColumn('material_code', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    // NULL with basis exact means 0; NULL otherwise: the basis's default relative uncertainty (model.ts).
    .addColumn('sd', 'double precision')
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text')
    .addColumn('import_id', 'integer')
    .addColumn('note', 'text')
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('flows_source_key_idx').on('flows').columns(['source', 'source_key']).unique().execute();
  await db.schema.createIndex('flows_period_idx').on('flows').columns(['grain', 'period', 'enterprise_id']).execute();
  await db.schema.createIndex('flows_from_ent_idx').on('flows').columns(['from_enterprise_id', 'period']).execute();
  await db.schema.createIndex('flows_to_ent_idx').on('flows').columns(['to_enterprise_id', 'period']).execute();

  await tableWithId(db, dialect, 'flow_stocks')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('node_id', 'integer', (c) => c.notNull().references('flow_nodes.id'))
    .addColumn('material_code', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('opening', 'double precision', (c) => c.notNull())
    .addColumn('closing', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('sd', 'double precision')
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('flow_stocks_key_idx').on('flow_stocks').columns(['node_id', 'material_code', 'grain', 'period']).unique().execute();

  await tableWithId(db, dialect, 'flow_meter_links')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addColumn('from_node_id', 'integer', (c) => c.notNull().references('flow_nodes.id'))
    .addColumn('to_node_id', 'integer', (c) => c.notNull().references('flow_nodes.id'))
    .addColumn('material_code', 'text', (c) => c.notNull())
    // 'integral' of a rate tag over the period, or 'counter' difference of a totaliser.
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    // The meter's accuracy as a relative standard deviation in percent of the total.
    .addColumn('accuracy_percent', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('flow_meter_links_tag_idx').on('flow_meter_links').columns(['tag_id']).unique().execute();

  await tableWithId(db, dialect, 'flow_imports')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    // JSON array of {row, reason}: every rejected row with its reason.
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
}
