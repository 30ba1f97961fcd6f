/** Alarm rules as a generic resource (`/api/v1/alarm-rules`): the fields, their columns and checks. */
import Type from 'typebox';
import { defineResource, ENTERPRISE_FIELD, type FieldSpec } from '../../core/crud/spec.ts';
import { DEVICE_KINDS, TAG_KEY_PATTERN } from '../registry/model.ts';
import { alarmRulePolicy } from './policy.ts';
import { ALARM_CATEGORIES, RULE_KINDS, RULE_ORIGINS, ruleErrors, SEVERITIES, type RuleRecord } from './rules.ts';

const num = (column: string, description: string, extra: { minimum?: number; maximum?: number } = {}) =>
  ({ column, type: 'number', nullable: true, description, ...extra }) as const satisfies FieldSpec;
const seconds = (column: string, description: string, minimum: number, maximum: number) =>
  ({ column, type: 'integer', nullable: true, minimum, maximum, description: `${description} (seconds)` }) as const satisfies FieldSpec;
const DAY_S = 86_400;
/** Epoch ms up to the year 2255: bounded so the store is never handed 1e20. */
const EPOCH_MS_MAX = 9_000_000_000_000;

export const alarmRuleSpec = defineResource({
  name: 'alarm_rule',
  label: 'Alarm rule',
  table: 'alarm_rules',
  collection: 'alarm-rules',
  ownership: { kind: 'direct' },
  fields: {
    enterpriseId: ENTERPRISE_FIELD,
    name: { column: 'name', type: 'string', nullable: true, maxLength: 200 },
    kind: { column: 'kind', type: 'string', enum: RULE_KINDS, required: true, immutable: true },
    byPark: { column: 'by_park', type: 'boolean', derived: true, default: false, description: 'written by a park role: the park sees its alarms whatever the enterprise shares' },
    origin: { column: 'origin', type: 'string', enum: RULE_ORIGINS, derived: true, default: 'user', description: "user: written through the API; tag_limits: the tag's own LL/L/H/HH limits (kept by the platform)" },
    enabled: { column: 'enabled', type: 'boolean', default: true },
    severity: { column: 'severity', type: 'string', enum: SEVERITIES, default: 'medium' },
    category: { column: 'category', type: 'string', enum: ALARM_CATEGORIES, description: "default: from the tag's kind (emission, quality, else process)" },
    tagId: { column: 'tag_id', type: 'integer', nullable: true, immutable: true, description: 'the one tag judged' },
    deviceId: { column: 'device_id', type: 'integer', nullable: true, immutable: true, description: "a device's tag of tagKey, or without tagKey (no_data only) the whole device" },
    unitId: { column: 'unit_id', type: 'integer', nullable: true, immutable: true, description: 'every tag of tagKey on the devices of the unit' },
    deviceKind: { column: 'device_kind', type: 'string', enum: DEVICE_KINDS, nullable: true, immutable: true, description: "every tag of tagKey on the enterprise's devices of this kind (overridable per device or tag)" },
    tagKey: { column: 'tag_key', type: 'string', nullable: true, immutable: true, pattern: TAG_KEY_PATTERN },
    overridesRuleId: { column: 'overrides_rule_id', type: 'integer', nullable: true, immutable: true, description: 'the device kind or unit rule this tag or device rule replaces for its subject (disabled: removes it there)' },
    highHigh: num('high_high', 'threshold HH'),
    high: num('high', 'threshold H; window: the permitted mean or quota; forecast: the limit (default: the tag’s H)'),
    low: num('low', 'threshold L; window: the lower bound; forecast: the limit (default: the tag’s L)'),
    lowLow: num('low_low', 'threshold LL'),
    deadband: num('deadband', 'threshold: how far back inside a limit the value must come to clear', { minimum: 0 }),
    onDelaySeconds: seconds('on_delay_s', 'threshold: how long beyond a limit before the alarm is raised', 0, DAY_S),
    offDelaySeconds: seconds('off_delay_s', 'threshold: how long back inside before it clears', 0, DAY_S),
    windowSeconds: seconds('window_s', 'rate: the window of the change; window: the averaging or totalling period', 1, 31 * DAY_S),
    maxRise: num('max_rise', 'rate: the largest rise allowed within the window', { minimum: 0 }),
    maxFall: num('max_fall', 'rate: the largest fall allowed within the window', { minimum: 0 }),
    silenceSeconds: seconds('silence_s', 'no_data: raised after this long without a reading', 1, 31 * DAY_S),
    aggregate: { column: 'aggregate', type: 'string', enum: ['mean', 'sum'], nullable: true },
    minCompleteness: num('min_completeness', 'window: the share of expected readings a window needs to count', { minimum: 0, maximum: 1 }),
    expectedIntervalSeconds: num('expected_interval_s', 'window: the reporting interval of the device (seconds)', { minimum: 0.001, maximum: DAY_S }),
    chart: { column: 'chart', type: 'string', enum: ['imr', 'xbar_r'], nullable: true },
    subgroupSize: { column: 'subgroup_size', type: 'integer', nullable: true, minimum: 1, maximum: 25 },
    baselineFrom: { column: 'baseline_from', type: 'integer', nullable: true, minimum: 0, maximum: EPOCH_MS_MAX, description: 'spc: the baseline period’s start (epoch ms, inclusive)' },
    baselineTo: { column: 'baseline_to', type: 'integer', nullable: true, minimum: 0, maximum: EPOCH_MS_MAX, description: 'spc: its end (epoch ms, exclusive)' },
    runRules: {
      column: 'run_rules',
      type: 'json',
      nullable: true,
      schema: Type.Array(Type.Integer({ minimum: 1, maximum: 8 }), { minItems: 1, maxItems: 8, uniqueItems: true, description: 'spc: the Western Electric / Nelson rules judged' }),
    },
    horizonSeconds: seconds('horizon_s', 'forecast: warn of a crossing within this horizon', 60, 7 * DAY_S),
    stepSeconds: seconds('step_s', 'forecast: the time step readings are resampled to', 1, DAY_S),
    fitWindowSeconds: seconds('fit_window_s', 'forecast: how much recent history the trend is fitted on', 60, 31 * DAY_S),
    confidence: num('confidence', 'forecast: the probability of crossing above which it warns', { minimum: 0.5, maximum: 0.999 }),
    description: { column: 'description', type: 'string', nullable: true, maxLength: 2000 },
  },
  policy: alarmRulePolicy,
  references: [
    { field: 'tagId', table: 'tags', label: 'Tag' },
    { field: 'deviceId', table: 'devices', label: 'Device' },
    { field: 'unitId', table: 'units', label: 'Unit' },
    { field: 'overridesRuleId', table: 'alarm_rules', label: 'Alarm rule' },
  ],
  search: ['name', 'tag_key', 'description'],
  filters: ['enterpriseId', 'kind', 'origin', 'enabled', 'severity', 'category', 'tagId', 'deviceId', 'unitId', 'deviceKind'],
  validate: (r) => ruleErrors(r as unknown as RuleRecord),
});
