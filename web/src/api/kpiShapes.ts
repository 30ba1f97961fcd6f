/**
 * The shapes of the KPI API (issue 12, docs/kpis.md) and its vocabulary, with no I/O so that the
 * console's pure modules (and their tests) can use them without the data hooks. The vocabulary is
 * the backend's own (src/modules/kpi/model.ts); the answers are the OpenAPI document's (schema.d.ts,
 * npm run gen:api-types).
 */
export { HEADLINE_KPIS, KPI_KEYS, KPI_SCOPES, type KpiKey, type KpiScope, type KpiSettings, type MaterialCircularity } from '../../../src/modules/kpi/model.ts';
export { KPI_DIRECTION, type Direction } from '../../../src/modules/kpi/targets.ts';
import type { paths } from './schema';
import type { GetAnswer, PostAnswer } from './types';
import type { RejectedRow } from '../../../src/modules/flows/model.ts';

/** `GET /kpis?period&scope&code`: the indicators of a scope and period. */
export type KpiAnswer = GetAnswer<'/api/v1/kpis'>;
/** One indicator: value, unit, inputs, missing; previous, last year, target, trajectory, status. */
export type KpiItem = KpiAnswer['items'][number];
export type KpiStatus = KpiItem['status'];
export const KPI_STATUSES = ['met', 'on_track', 'off_track', 'no_target', 'no_value'] as const satisfies readonly KpiStatus[];

/** `GET /kpis/trend?scope&code&from&to`: one value per period and indicator. */
export type KpiTrend = GetAnswer<'/api/v1/kpis/trend'>;

/** `GET /kpis/flows`: each flow's part in an indicator (the term it counts in), and the flow. */
export type KpiContributions = GetAnswer<'/api/v1/kpis/flows'>;
export type KpiContributionRow = KpiContributions['items'][number];

/** `GET /kpi-settings`: the settings and who saved them (null: the defaults). */
export type KpiSettingsAnswer = GetAnswer<'/api/v1/kpi-settings'>;

/** `/kpi-inputs`: what an enterprise (or one of its units) states for a period. */
export type KpiInputRecord = GetAnswer<'/api/v1/kpi-inputs/{id}'>;
/** `POST /kpi-inputs/import`: rows written (all or nothing). */
export type KpiInputImport = PostAnswer<'/api/v1/kpi-inputs/import', 200>;

/** `/kpi-targets`: a target for one indicator, the park's (enterpriseId null) or an enterprise's. */
export type KpiTargetRecord = GetAnswer<'/api/v1/kpi-targets/{id}'>;
export const TARGET_KINDS = ['absolute', 'reduction'] as const satisfies readonly KpiTargetRecord['kind'][];

/** `/kpi-reports`: a report as it was made (the PDF kept). */
export type KpiReportRecord = GetAnswer<'/api/v1/kpi-reports'>['items'][number];
export type NewKpiReport = paths['/api/v1/kpi-reports']['post']['requestBody']['content']['application/json'];

/** `/kpi-report-schedules`: a report made each month or year. */
export type KpiReportSchedule = GetAnswer<'/api/v1/kpi-report-schedules/{id}'>;
export const REPORT_GRAINS = ['month', 'year'] as const satisfies readonly KpiReportSchedule['grain'][];
export const REPORT_FORMATS = ['pdf', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The period grains the dashboard offers. */
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * The rows of a refusal, as the problem lists them: `rejected: [{row, reason}]`, or field errors
 * whose path is the row's index among the data rows (`/rows/0` is row 1, the first after the header).
 */
export function rejectedRowsOf(body: Record<string, unknown> | null): RejectedRow[] {
  if (Array.isArray(body?.rejected)) return (body.rejected as RejectedRow[]).filter((r) => typeof r?.row === 'number');
  if (!Array.isArray(body?.errors)) return [];
  return (body.errors as { path?: string; message?: string }[]).flatMap((e) => {
    const m = /^\/rows\/(\d+)/.exec(e.path ?? '');
    return m ? [{ row: Number(m[1]) + 1, reason: e.message ?? '' }] : [];
  });
}
