/**
 * Who may keep KPI reports and set their schedules. Anyone signed in may download a report of
 * what they may see (GET /kpis/report). Keeping one (POST /kpi-reports) is for the tenant's
 * administrators and operators, as entering its figures is; deleting one, and setting up the
 * schedules that make them, for its administrators (the park administrator: the park's, and any
 * enterprise's schedules).
 */
import { definePolicy, parkAdminOr } from '../../../core/policy.ts';

const FIELD = parkAdminOr('enterprise_admin', 'enterprise_operator');
const ADMIN = parkAdminOr('enterprise_admin');

export const kpiReportPolicy = definePolicy('kpi_report', 'KPI reports', { create: FIELD, delete: ADMIN });
export const kpiReportSchedulePolicy = definePolicy('kpi_report_schedule', 'KPI report schedules', { create: ADMIN, update: ADMIN, delete: ADMIN });

export const KPI_REPORT_POLICIES = [kpiReportPolicy, kpiReportSchedulePolicy];
