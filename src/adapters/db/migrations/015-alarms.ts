import type { Db, Dialect } from '../index.ts';
import { sql } from '../index.ts';
import { tableWithId } from './columns.ts';

/**
 * Alarms (issue 10): rules, one alarm row per condition, and the journal of every transition;
 * devices gain a service state (maintenance and out of service suppress their alarms).
 * Enumerations (rule kinds, severities, categories, states) are checked by the module, not here:
 * a migration must give the same schema whatever the module's vocabulary grows into.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const num = 'double precision';
  await db.schema.alterTable('devices').addColumn('service_state', 'text', (c) => c.notNull().defaultTo('in_service')).execute();

  await tableWithId(db, dialect, 'alarm_rules')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'user', or 'tag_limits': the rule a tag's own LL/L/H/HH limits make, whose limits are read from the tag.
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    // Written by a park role: the park's own watch on the tag, whose alarms the park sees whatever
    // the enterprise shares (src/modules/alarms/visibility.ts).
    .addColumn('by_park', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // The subject: exactly one of tag, device, unit (+ tag key) or device kind (+ tag key). A rule
    // goes with its subject: the registry removes tags and devices without knowing of alarms.
    .addColumn('tag_id', 'integer', (c) => c.references('tags.id').onDelete('cascade'))
    .addColumn('device_id', 'integer', (c) => c.references('devices.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id').onDelete('cascade'))
    .addColumn('device_kind', 'text')
    .addColumn('tag_key', 'text')
    // An inherited rule deleted leaves its overrides as rules of their own.
    .addColumn('overrides_rule_id', 'integer', (c) => c.references('alarm_rules.id').onDelete('set null'))
    .addColumn('high_high', num)
    .addColumn('high', num)
    .addColumn('low', num)
    .addColumn('low_low', num)
    .addColumn('deadband', num)
    .addColumn('on_delay_s', 'integer')
    .addColumn('off_delay_s', 'integer')
    .addColumn('window_s', 'integer')
    .addColumn('max_rise', num)
    .addColumn('max_fall', num)
    .addColumn('silence_s', 'integer')
    .addColumn('aggregate', 'text')
    .addColumn('min_completeness', num)
    .addColumn('expected_interval_s', num)
    .addColumn('chart', 'text')
    .addColumn('subgroup_size', 'integer')
    .addColumn('baseline_from', 'bigint')
    .addColumn('baseline_to', 'bigint')
    // JSON array of the run rules judged (1..8).
    .addColumn('run_rules', 'text')
    .addColumn('horizon_s', 'integer')
    .addColumn('step_s', 'integer')
    .addColumn('fit_window_s', 'integer')
    .addColumn('confidence', num)
    .addColumn('description', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alarm_rules_enterprise_idx').on('alarm_rules').column('enterprise_id').execute();
  await db.schema.createIndex('alarm_rules_tag_idx').on('alarm_rules').column('tag_id').execute();
  // A tag has one rule made of its own limits: the start-up sync inserts it once.
  await db.schema.createIndex('alarm_rules_tag_limits_uq').on('alarm_rules').column('tag_id').unique().where(sql.ref('origin'), '=', 'tag_limits').execute();

  await tableWithId(db, dialect, 'alarms')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    // 'rule', or the module that raises alarms of its own (e.g. 'ledger').
    .addColumn('source', 'text', (c) => c.notNull())
    // One alarm per condition: `rule:<ruleId>:tag:<tagId>`, `rule:<ruleId>:device:<deviceId>`, or the module's own key.
    .addColumn('source_key', 'text', (c) => c.notNull().unique())
    // No foreign keys to rules and tags: an alarm's history outlives the rule or tag it came from.
    .addColumn('rule_id', 'integer')
    .addColumn('tag_id', 'integer')
    .addColumn('device_id', 'integer')
    .addColumn('unit_id', 'integer')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('value', num)
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('raised_at', 'bigint')
    .addColumn('cleared_at', 'bigint')
    .addColumn('acked_at', 'bigint')
    .addColumn('acked_by', 'text')
    .addColumn('shelved_until', 'bigint')
    // JSON of the lifecycle's Alarm: the source of truth the columns above project.
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alarms_enterprise_state_idx').on('alarms').columns(['enterprise_id', 'state']).execute();
  await db.schema.createIndex('alarms_state_raised_idx').on('alarms').columns(['state', 'raised_at']).execute();
  await db.schema.createIndex('alarms_tag_idx').on('alarms').column('tag_id').execute();
  await db.schema.createIndex('alarms_device_idx').on('alarms').column('device_id').execute();
  await db.schema.createIndex('alarms_rule_idx').on('alarms').column('rule_id').execute();
  // The shelf-expiry job's look-up.
  await sql`CREATE INDEX alarms_shelved_until_idx ON alarms (shelved_until) WHERE shelved_until IS NOT NULL`.execute(db);

  await tableWithId(db, dialect, 'alarm_transitions', 'bigint')
    .addColumn('alarm_id', 'integer', (c) => c.notNull().references('alarms.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    // A user's id, or 'system'; by_name: who that was when it happened (names change, the journal does not).
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('severity', 'text')
    .addColumn('value', num)
    .execute();
  await db.schema.createIndex('alarm_transitions_alarm_idx').on('alarm_transitions').columns(['alarm_id', 'id']).execute();
}
