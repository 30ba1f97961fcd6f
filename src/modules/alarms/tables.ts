/** The alarms module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts; migration 015). */
import type { ColumnType, Generated } from 'kysely';
import type { BooleanColumn } from '../../adapters/db/tables.ts';

export interface AlarmRulesTable {
  id: Generated<number>;
  enterprise_id: number;
  name: string | null;
  kind: string;
  /** 'user', or 'tag_limits' (threshold values NULL here: read from the tag when resolved). */
  origin: string;
  /** Written by a park role (the park sees its alarms whatever the enterprise shares). */
  by_park: ColumnType<boolean | number, number | undefined, number>;
  enabled: BooleanColumn;
  severity: string;
  category: string;
  tag_id: number | null;
  device_id: number | null;
  unit_id: number | null;
  device_kind: string | null;
  tag_key: string | null;
  overrides_rule_id: number | null;
  high_high: number | null;
  high: number | null;
  low: number | null;
  low_low: number | null;
  deadband: number | null;
  on_delay_s: number | null;
  off_delay_s: number | null;
  window_s: number | null;
  max_rise: number | null;
  max_fall: number | null;
  silence_s: number | null;
  aggregate: string | null;
  min_completeness: number | null;
  expected_interval_s: number | null;
  chart: string | null;
  subgroup_size: number | null;
  baseline_from: number | null;
  baseline_to: number | null;
  /** JSON array of run rule numbers. */
  run_rules: string | null;
  horizon_s: number | null;
  step_s: number | null;
  fit_window_s: number | null;
  confidence: number | null;
  description: string | null;
  created_at: number;
  updated_at: number;
}

export interface AlarmsTable {
  id: Generated<number>;
  enterprise_id: number;
  source: string;
  source_key: string;
  rule_id: number | null;
  tag_id: number | null;
  device_id: number | null;
  unit_id: number | null;
  category: string;
  severity: string;
  /** The lifecycle's state (normal, unack, acked, rtn_unack, shelved, suppressed). */
  state: string;
  active: BooleanColumn;
  level: string | null;
  value: number | null;
  message: string;
  /** JSON of the ConditionDetail of the latest activation. */
  detail: string | null;
  raised_at: number | null;
  cleared_at: number | null;
  acked_at: number | null;
  acked_by: string | null;
  shelved_until: number | null;
  /** JSON of the lifecycle's Alarm: the source of truth the columns project. */
  lifecycle: string;
  version: number;
  updated_at: number;
}

export interface AlarmTransitionsTable {
  id: Generated<number>;
  alarm_id: number;
  enterprise_id: number;
  at: number;
  by: string;
  by_name: string | null;
  event: string;
  why: string;
  from_state: string;
  to_state: string;
  note: string | null;
  active: BooleanColumn;
  level: string | null;
  severity: string | null;
  value: number | null;
}

export interface AlarmTables {
  alarm_rules: AlarmRulesTable;
  alarms: AlarmsTable;
  alarm_transitions: AlarmTransitionsTable;
}
