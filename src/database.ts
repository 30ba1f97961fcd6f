/**
 * The one `Database` type: every module's tables (its `tables.ts`) and the core's, merged. Tools,
 * tests and the composition root use it; a module's own code uses its slice
 * (`tablesOf<TheModuleTables & …>(db)`, src/adapters/db/index.ts), so that reading another
 * module's table is a type error and goes through that module's service instead.
 */
import type { AdapterTables } from './adapters/db/tables.ts';
import type { AuditTables } from './core/audit/tables.ts';
import type { SharingTables } from './core/sharing/tables.ts';
import type { AlarmTables } from './modules/alarms/tables.ts';
import type { AlarmWebhookTables } from './modules/alarms/webhooks/tables.ts';
import type { IncidentTables } from './modules/incidents/tables.ts';
import type { FlowTables } from './modules/flows/tables.ts';
import type { KpiTables } from './modules/kpi/tables.ts';
import type { ExchangeTables } from './modules/exchange/tables.ts';
import type { ManifestTables } from './modules/manifests/tables.ts';
import type { AuthTables } from './modules/auth/tables.ts';
import type { IdentityTables } from './modules/identity/tables.ts';
import type { RegistryTables } from './modules/registry/tables.ts';
import type { TelemetryTables } from './modules/telemetry/tables.ts';
import type { TraceTables } from './modules/trace/tables.ts';

export interface Database extends AdapterTables, AuditTables, SharingTables, RegistryTables, AuthTables, IdentityTables, TelemetryTables, TraceTables, AlarmTables, AlarmWebhookTables, IncidentTables, FlowTables, KpiTables, ExchangeTables, ManifestTables {}
