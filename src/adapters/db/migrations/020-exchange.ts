import type { Db, Dialect } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * The industrial symbiosis exchange (issue 13): offers and demands (one table, `side`), the
 * licences that let a receiver take a hazardous waste (also what manifests will check), the park's
 * substitutions (which material may stand in for which, under which property ranges), its distance
 * table, its exchange settings (one JSON record), deals between two enterprises with their history,
 * and the deliveries an accepted deal schedules.
 *
 * JSON columns are text on both dialects (the ledger's and KPIs' convention). A deal has two parties:
 * `enterprise_id` is the supplier (the owner of the offer), `receiver_id` the other; its reads filter
 * on both (deals.ts), never on `enterprise_id` alone.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  await tableWithId(db, dialect, 'exchange_listings')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('material_id', 'integer', (c) => c.notNull().references('materials.id'))
    .addColumn('accepts', 'text')
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('recurrence', 'text', (c) => c.notNull())
    .addColumn('available_from', 'text')
    .addColumn('available_to', 'text')
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
    .addColumn('properties', 'text')
    .addColumn('price_cny_per_unit', 'double precision')
    .addColumn('current_route', 'text')
    .addColumn('min_lot', 'double precision')
    .addColumn('handling', 'text')
    .addColumn('analyses', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('partner_ids', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('source_flow_id', 'bigint')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_listings_side_state_idx').on('exchange_listings').columns(['side', 'state', 'material_id']).execute();
  await db.schema.createIndex('exchange_listings_enterprise_idx').on('exchange_listings').columns(['enterprise_id', 'side']).execute();

  await tableWithId(db, dialect, 'waste_licences')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('codes', 'text', (c) => c.notNull())
    .addColumn('annual_capacity_t', 'double precision')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('site_id', 'integer', (c) => c.references('sites.id'))
    .addColumn('vehicle', 'text')
    .addColumn('issuer', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('waste_licences_number_uq').on('waste_licences').columns(['enterprise_id', 'number']).unique().execute();

  await tableWithId(db, dialect, 'exchange_substitutions')
    .addColumn('offered_material_id', 'integer', (c) => c.notNull().references('materials.id'))
    .addColumn('replaces_material_id', 'integer', (c) => c.notNull().references('materials.id'))
    .addColumn('ratio', 'double precision', (c) => c.notNull())
    .addColumn('conditions', 'text')
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_substitutions_uq').on('exchange_substitutions').columns(['offered_material_id', 'replaces_material_id']).unique().execute();

  await tableWithId(db, dialect, 'exchange_distances')
    .addColumn('from_site_id', 'integer', (c) => c.notNull().references('sites.id'))
    .addColumn('to_site_id', 'integer', (c) => c.notNull().references('sites.id'))
    .addColumn('km', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_distances_uq').on('exchange_distances').columns(['from_site_id', 'to_site_id']).unique().execute();

  await tableWithId(db, dialect, 'exchange_settings')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await tableWithId(db, dialect, 'exchange_deals')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('receiver_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('exchange_listings.id'))
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('exchange_listings.id'))
    .addColumn('material_id', 'integer', (c) => c.notNull().references('materials.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('turn_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('plan_explanation', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_deals_supplier_idx').on('exchange_deals').columns(['enterprise_id', 'state']).execute();
  await db.schema.createIndex('exchange_deals_receiver_idx').on('exchange_deals').columns(['receiver_id', 'state']).execute();

  await tableWithId(db, dialect, 'exchange_deal_events')
    .addColumn('deal_id', 'integer', (c) => c.notNull().references('exchange_deals.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_enterprise_id', 'integer')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('terms', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_deal_events_deal_idx').on('exchange_deal_events').columns(['deal_id', 'version']).unique().execute();

  await tableWithId(db, dialect, 'exchange_deliveries')
    .addColumn('deal_id', 'integer', (c) => c.notNull().references('exchange_deals.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('receiver_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('planned_quantity', 'double precision', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addColumn('quantity', 'double precision')
    .addColumn('lot', 'text')
    .addColumn('flow_id', 'bigint')
    .addColumn('epcis_event_id', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_deliveries_deal_due_uq').on('exchange_deliveries').columns(['deal_id', 'due']).unique().execute();
}
