/** Every module's policies: what `GET /api/v1/auth/me` reports as abilities (composed here, beside src/database.ts). */
import type { Policy } from './core/policy.ts';
import { ALARM_POLICIES } from './modules/alarms/policy.ts';
import { webhookPolicy } from './modules/alarms/webhooks/policy.ts';
import { auditPolicy } from './modules/audit/policy.ts';
import { AUTH_POLICIES } from './modules/auth/policy.ts';
import { IDENTITY_POLICIES } from './modules/identity/policy.ts';
import { INCIDENT_POLICIES } from './modules/incidents/policy.ts';
import { FLOW_POLICIES } from './modules/flows/policy.ts';
import { EXCHANGE_POLICIES } from './modules/exchange/policy.ts';
import { DEAL_POLICIES } from './modules/exchange/deals/policy.ts';
import { KPI_POLICIES } from './modules/kpi/policy.ts';
import { MANIFEST_POLICIES } from './modules/manifests/policy.ts';
import { KPI_REPORT_POLICIES } from './modules/kpi/report/report-policy.ts';
import { REGISTRY_POLICIES } from './modules/registry/policy.ts';
import { TRACE_POLICIES } from './modules/trace/policy.ts';

export const POLICIES: readonly Policy[] = [...REGISTRY_POLICIES, ...AUTH_POLICIES, auditPolicy, ...IDENTITY_POLICIES, ...TRACE_POLICIES, ...ALARM_POLICIES, webhookPolicy, ...INCIDENT_POLICIES, ...FLOW_POLICIES, ...KPI_POLICIES, ...KPI_REPORT_POLICIES, ...EXCHANGE_POLICIES, ...DEAL_POLICIES, ...MANIFEST_POLICIES];
