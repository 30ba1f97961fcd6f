/**
 * The KPI module's plain collections as generic resources (src/core/crud): what an enterprise
 * states per period (value added, production; `kpi_inputs`) and the targets per indicator
 * (`kpi_targets`). Tenancy is the generic one: an enterprise writes its own rows; the park
 * administrator writes any, and the park's own targets (no enterprise), which every tenant may
 * read (the park's goals are no secret to its enterprises).
 */
import Type from 'typebox';
import { Nullable } from '../../core/crud/schemas.ts';
import { defineResource, ENTERPRISE_FIELD, type FieldSpec } from '../../core/crud/spec.ts';
import type { FieldError } from '../../core/errors.ts';
import { MATERIAL_CODE_PATTERN } from '../registry/model.ts';
import { KPI_KEYS, type KpiKey } from './model.ts';
import { kpiInputPolicy, kpiTargetPolicy } from './policy.ts';
import { KPI_DIRECTION } from './targets.ts';

/** A month 'YYYY-MM' or a year 'YYYY': what inputs are stated for (a quarter sums its months). */
export const INPUT_PERIOD_PATTERN = '^(19[0-9]{2}|2[01][0-9]{2}|2200)(-(0[1-9]|1[0-2]))?$';
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Indicators a target may be set on: those with a direction (better is lower or higher). */
export const TARGET_KEYS = KPI_KEYS.filter((k) => k in KPI_DIRECTION) as KpiKey[];
export const TARGET_KINDS = ['absolute', 'reduction'] as const;

const note = { column: 'note', type: 'string', nullable: true, maxLength: 2000 } as const satisfies FieldSpec;
const figure = (column: string, description: string) => ({ column, type: 'number', nullable: true, minimum: 0, description }) as const satisfies FieldSpec;
const year = (column: string, description: string) => ({ column, type: 'integer', required: true, minimum: MIN_YEAR, maximum: MAX_YEAR, description }) as const satisfies FieldSpec;

export const kpiInputSpec = defineResource({
  name: 'kpi_input',
  label: 'KPI input',
  table: 'kpi_inputs',
  collection: 'kpi-inputs',
  ownership: { kind: 'direct' },
  fields: {
    enterpriseId: ENTERPRISE_FIELD,
    nodeId: { column: 'node_id', type: 'integer', nullable: true, immutable: true, minimum: 1, description: 'null: the enterprise as a whole; else one of its unit flow nodes (or give nodeCode)' },
    period: { column: 'period', type: 'string', required: true, immutable: true, pattern: INPUT_PERIOD_PATTERN, description: "a month '2026-03' or a year '2026' (a year row wins over the sum of its months)" },
    valueAdded10kCny: figure('value_added_10k_cny', 'industrial value added, 10,000 CNY (万元, current prices)'),
    productionT: figure('production_t', 'production of the main product, t'),
    mainProduct: { column: 'main_product', type: 'string', nullable: true, maxLength: 64, pattern: MATERIAL_CODE_PATTERN, description: 'catalogue code of the product productionT counts' },
    note,
  },
  extraItemFields: { nodeCode: Nullable(Type.String({ description: 'the unit node’s code (null: the enterprise as a whole)' })) },
  policy: kpiInputPolicy,
  references: [{ field: 'nodeId', table: 'flow_nodes', label: 'Unit node' }],
  search: ['period', 'main_product', 'note'],
  filters: ['enterpriseId', 'nodeId', 'period'],
});

export const kpiTargetSpec = defineResource({
  name: 'kpi_target',
  label: 'KPI target',
  table: 'kpi_targets',
  collection: 'kpi-targets',
  ownership: { kind: 'direct', nullable: true },
  sharedWhenNull: true,
  fields: {
    enterpriseId: { ...ENTERPRISE_FIELD, nullable: true, description: "null: the park's own target" },
    key: { column: 'kpi_key', type: 'string', enum: TARGET_KEYS, required: true, immutable: true, description: 'the indicator' },
    kind: { column: 'kind', type: 'string', enum: TARGET_KINDS, required: true, description: 'absolute: a bound by the target year; reduction: percent down from the base year' },
    value: { column: 'value', type: 'number', nullable: true, description: 'absolute: the bound, in the indicator’s unit' },
    percent: { column: 'percent', type: 'number', nullable: true, minimum: 0, maximum: 100, description: 'reduction: percent cut from the base year’s value, 0 < percent < 100' },
    baseYear: year('base_year', 'the year the trajectory starts from'),
    baseValue: { column: 'base_value', type: 'number', nullable: true, description: 'the base year’s value; null: computed from the ledger' },
    targetYear: year('target_year', 'the year the target is due (after the base year)'),
    note,
  },
  policy: kpiTargetPolicy,
  search: ['kpi_key', 'note'],
  filters: ['enterpriseId', 'key', 'kind'],
  validate: (r) => targetProblems(r),
});

/** What a target's fields must say together (the schema checks each alone). */
export function targetProblems(r: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (r.kind === 'absolute') {
    if (typeof r.value !== 'number') errors.push({ path: '/body/value', message: 'is required for an absolute target' });
    if (r.percent !== null && r.percent !== undefined) errors.push({ path: '/body/percent', message: 'belongs to a reduction target; leave it null' });
  }
  if (r.kind === 'reduction') {
    if (typeof r.percent !== 'number' || !(r.percent > 0 && r.percent < 100)) errors.push({ path: '/body/percent', message: 'must be between 0 and 100 (exclusive) for a reduction target' });
    if (r.value !== null && r.value !== undefined) errors.push({ path: '/body/value', message: 'belongs to an absolute target; leave it null' });
  }
  if (typeof r.baseYear === 'number' && typeof r.targetYear === 'number' && r.targetYear <= r.baseYear) errors.push({ path: '/body/targetYear', message: 'must be after the base year' });
  return errors;
}
