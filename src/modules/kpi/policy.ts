/**
 * Who may write the KPI module's records. Reading KPIs is decided by scope (service.ts): every
 * user sees the KPIs of its own enterprise and its units, the park roles every scope. The park's
 * accounting settings (factors, the electricity basis) are the park administrator's alone, since
 * they change every enterprise's figures. What an enterprise states for a period (value added,
 * production) is entered by its administrators and operators, as its flows are; targets are set by
 * its administrators (and the park administrator: any enterprise's, and the park's own).
 */
import { definePolicy, PARK_ADMIN_ONLY, parkAdminOr } from '../../core/policy.ts';

const FIELD = parkAdminOr('enterprise_admin', 'enterprise_operator');
const ADMIN = parkAdminOr('enterprise_admin');

export const kpiSettingsPolicy = definePolicy('kpi_settings', 'KPI settings', { update: PARK_ADMIN_ONLY });
export const kpiInputPolicy = definePolicy('kpi_input', 'KPI inputs', { create: FIELD, update: FIELD, delete: FIELD });
export const kpiTargetPolicy = definePolicy('kpi_target', 'KPI targets', { create: ADMIN, update: ADMIN, delete: ADMIN });

export const KPI_POLICIES = [kpiSettingsPolicy, kpiInputPolicy, kpiTargetPolicy];
