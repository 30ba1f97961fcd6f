/**
 * Report schedules: a tenant asks for its monthly or annual report to be made by itself. The job
 * (`kpi:reports`, hourly, on one node: src/core/worker.ts) makes, for each enabled schedule, the
 * report of the last complete period in the park's time zone unless it was made already
 * (`last_period`), and keeps it with the schedule's id. The period is claimed and the report stored
 * in one transaction, so however often the job runs and on however many nodes, a period gets one
 * report per schedule.
 */
import type { DbHandle, Tx } from '../../../adapters/db/index.ts';
import { tablesOf } from '../../../adapters/db/index.ts';
import type { AuditStore } from '../../../core/audit/store.ts';
import { ResourceService } from '../../../core/crud/service.ts';
import { defineResource, type CreateOf, type ItemOf, type PatchOf } from '../../../core/crud/spec.ts';
import { validation, type FieldError } from '../../../core/errors.ts';
import { systemContext, type AuthContext } from '../../../core/roles.ts';
import { unscoped } from '../../../core/tenancy.ts';
import { utcOffsetMs } from '../../../core/time-zone.ts';
import type { Row } from '../../../core/crud/store.ts';
import { KPI_SCOPES, type KpiScope } from '../model.ts';
import type { KpiTables } from '../tables.ts';
import { REPORT_LANGUAGES, type ReportLanguage } from './report-labels.ts';
import { renderReportPdf } from './renderers.ts';
import { kpiReportSchedulePolicy } from './report-policy.ts';
import type { KpiReportService } from './report-service.ts';

export const REPORT_GRAINS = ['month', 'year'] as const;
export type ReportGrain = (typeof REPORT_GRAINS)[number];

export const kpiReportScheduleSpec = defineResource({
  name: 'kpi_report_schedule',
  label: 'KPI report schedule',
  table: 'kpi_report_schedules',
  collection: 'kpi-report-schedules',
  ownership: { kind: 'direct', nullable: true },
  fields: {
    enterpriseId: { column: 'enterprise_id', type: 'integer', nullable: true, immutable: true, description: "null: the park's own schedule; an enterprise's otherwise (default: the caller's)" },
    scope: { column: 'scope', type: 'string', enum: KPI_SCOPES, required: true, description: "park (the park's schedules only), enterprise or unit" },
    code: { column: 'scope_code', type: 'string', nullable: true, minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: "the enterprise's code or the unit's flow-node code; null for the park" },
    grain: { column: 'grain', type: 'string', enum: REPORT_GRAINS, required: true, description: 'month: each month’s report once the month is over; year: each year’s' },
    language: { column: 'language', type: 'string', enum: REPORT_LANGUAGES, default: 'zh-CN' },
    enabled: { column: 'enabled', type: 'boolean', default: true },
    lastPeriod: { column: 'last_period', type: 'string', nullable: true, derived: true, description: 'the last period a report was made for' },
    createdBy: { column: 'created_by', type: 'string', derived: true },
  },
  policy: kpiReportSchedulePolicy,
  search: ['scope_code'],
  filters: ['enterpriseId', 'scope', 'grain', 'enabled'],
  validate: (r) => {
    const errors: FieldError[] = [];
    if (r.scope === 'park' && r.code !== null) errors.push({ path: '/body/code', message: 'the park has no code: leave it null' });
    if (r.scope !== 'park' && r.code === null) errors.push({ path: '/body/code', message: `is required for scope ${String(r.scope)}` });
    if (r.scope === 'park' && r.enterpriseId !== null) errors.push({ path: '/body/scope', message: "the park's report is the park's: an enterprise schedules its own (scope enterprise or unit)" });
    return errors;
  },
});

export type KpiReportSchedule = ItemOf<typeof kpiReportScheduleSpec>;

/**
 * The schedules as a collection; who set one up is recorded with it. An enterprise's schedule of
 * scope enterprise names itself (checked before the write: the registry is read outside its
 * transaction); its units are checked when the report is made.
 */
export class KpiReportScheduleService extends ResourceService<typeof kpiReportScheduleSpec> {
  constructor(
    handle: DbHandle,
    audit: AuditStore,
    private readonly enterpriseCode: (id: number) => Promise<string | undefined>,
  ) {
    super(handle, kpiReportScheduleSpec, audit);
  }

  private async checkOwnCode(r: { scope: string; code: string | null | undefined; enterpriseId: number | null | undefined }): Promise<void> {
    if (r.scope !== 'enterprise' || r.enterpriseId === null || r.enterpriseId === undefined || !r.code) return;
    if ((await this.enterpriseCode(r.enterpriseId)) !== r.code) throw validation('an enterprise schedules its own report', [{ path: '/body/code', message: "must be the owning enterprise's code" }]);
  }

  override async create(ctx: AuthContext, input: CreateOf<typeof kpiReportScheduleSpec>, extraRow: Row = {}): Promise<KpiReportSchedule> {
    await this.checkOwnCode({ scope: input.scope, code: input.code, enterpriseId: input.enterpriseId === undefined ? ctx.enterpriseId : input.enterpriseId });
    return super.create(ctx, input, { created_by: ctx.username, ...extraRow });
  }

  override async update(ctx: AuthContext, id: number, patch: PatchOf<typeof kpiReportScheduleSpec>, extraRow: Row = {}): Promise<KpiReportSchedule> {
    if (patch.scope !== undefined || patch.code !== undefined) {
      const current = await this.get(ctx, id);
      await this.checkOwnCode({ scope: patch.scope ?? current.scope, code: patch.code === undefined ? current.code : patch.code, enterpriseId: current.enterpriseId });
    }
    return super.update(ctx, id, patch, extraRow);
  }
}

/**
 * The last complete period of a grain at `now` in `timeZone`: at 2026-04-01 00:30 Asia/Shanghai
 * (2026-03-31 16:30 UTC) the last complete month is 2026-03 and the last complete year 2025.
 */
export function lastCompletePeriod(grain: ReportGrain, now: number, timeZone: string): string {
  const local = new Date(now + utcOffsetMs(timeZone, now));
  const year = local.getUTCFullYear();
  if (grain === 'year') return String(year - 1);
  const month = local.getUTCMonth(); // 0-based: the previous month's 1-based number
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}

/** Whose eyes a schedule's report is made with: the park's, or (read-only) its enterprise's. */
export const scheduleContext = (s: { id: number; enterpriseId: number | null }): AuthContext =>
  s.enterpriseId === null ? systemContext(`kpi-report-schedule:${s.id}`) : { userId: null, username: `kpi-report-schedule:${s.id}`, role: 'enterprise_viewer', enterpriseId: s.enterpriseId, via: 'system' };

export interface ScheduleRunResult {
  made: { scheduleId: number; period: string; reportId: number }[];
  failed: { scheduleId: number; period: string; error: string }[];
}

/**
 * One run of the job: every enabled schedule whose last complete period has no report yet gets
 * one. A schedule whose report cannot be made (its unit is gone, its enterprise's code changed) is
 * reported in `failed` and tried again at the next run.
 */
export async function runKpiReportSchedules(deps: { handle: DbHandle; reports: KpiReportService; timeZone: () => Promise<string> }, now: number = Date.now()): Promise<ScheduleRunResult> {
  const db = unscoped(tablesOf<KpiTables>(deps.handle.db), 'the schedule job makes every tenant’s scheduled reports');
  const timeZone = await deps.timeZone();
  const schedules = await db.selectFrom('kpi_report_schedules').selectAll().where('enabled', '=', 1).orderBy('id').execute();
  const out: ScheduleRunResult = { made: [], failed: [] };
  for (const s of schedules) {
    const period = lastCompletePeriod(s.grain as ReportGrain, now, timeZone);
    if (s.last_period === period) continue;
    const ctx = scheduleContext({ id: s.id, enterpriseId: s.enterprise_id });
    const req = { period, scope: s.scope as KpiScope, code: s.scope_code, language: s.language as ReportLanguage };
    try {
      const made = await renderReportPdf(await deps.reports.content(ctx, req, now));
      const stored = await deps.handle.db.transaction().execute(async (trx: Tx) => {
        // The claim: only the run that moves last_period to this period keeps a report.
        const claimed = await tablesOf<KpiTables>(trx)
          .updateTable('kpi_report_schedules')
          .set({ last_period: period, updated_at: now })
          .where('id', '=', s.id)
          .where((eb) => eb.or([eb('last_period', 'is', null), eb('last_period', '!=', period)]))
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return null;
        return deps.reports.insert(trx, ctx, req, made, s.id, `${s.created_by} (schedule ${s.id})`);
      });
      if (stored) out.made.push({ scheduleId: s.id, period, reportId: stored.id });
    } catch (err) {
      out.failed.push({ scheduleId: s.id, period, error: (err as Error).message });
    }
  }
  return out;
}
