/**
 * The flow sources, built from the services they go through: CSV imports, flow-meter links, the
 * telemetry and EPCIS runs. The composition root hands over its services; the CLI builds the same.
 */
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { unscoped } from '../../core/tenancy.ts';
import type { IdentityService } from '../identity/service.ts';
import type { RegistryService } from '../registry/service.ts';
import type { TelemetryService } from '../telemetry/service.ts';
import type { TraceService } from '../trace/service.ts';
import { EpcisFlowSource } from './epcis-source.ts';
import { FlowImportService } from './import-service.ts';
import { MeterLinkService } from './meter-links.ts';
import type { FlowLedgerPort } from './sources-ports.ts';
import type { FlowTables } from './tables.ts';
import { TelemetryFlowSource } from './telemetry-source.ts';

export interface FlowSourceDeps {
  handle: DbHandle;
  audit: AuditStore;
  flows: FlowLedgerPort;
  registry: RegistryService;
  telemetry: TelemetryService;
  trace: TraceService;
  identity: IdentityService;
}

export interface FlowSources {
  imports: FlowImportService;
  links: MeterLinkService;
  telemetry: TelemetryFlowSource;
  epcis: EpcisFlowSource;
}

export function flowSources(deps: FlowSourceDeps, log?: (message: string) => void): FlowSources {
  const links = new MeterLinkService(deps.handle, deps.audit, deps.registry.tags, deps.flows);
  return {
    imports: new FlowImportService(deps.handle, deps.flows, log),
    links,
    telemetry: new TelemetryFlowSource({ ledger: deps.flows, links, tags: deps.registry.tags, names: deps.registry, telemetry: deps.telemetry }),
    epcis: new EpcisFlowSource({
      ledger: deps.flows,
      trace: deps.trace,
      registry: deps.registry,
      identity: deps.identity,
      unitNodeCode: (enterpriseId, unitCode) => unitNodeCode(deps.handle, enterpriseId, unitCode),
    }),
  };
}

/** The node of an enterprise's unit: coded by the unit's code, or `<enterprise>.<unit>` where that code is taken. */
async function unitNodeCode(handle: DbHandle, enterpriseId: number, unitCode: string): Promise<string | null> {
  const nodes = await unscoped(tablesOf<FlowTables>(handle.db), "the recording enterprise's own unit nodes, for an event it recorded")
    .selectFrom('flow_nodes')
    .select('code')
    .where('enterprise_id', '=', enterpriseId)
    .where('kind', '=', 'unit')
    .execute();
  return nodes.find((n) => n.code === unitCode)?.code ?? nodes.find((n) => n.code.endsWith(`.${unitCode}`))?.code ?? null;
}
