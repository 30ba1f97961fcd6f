/**
 * What manifests ask of the other modules, through their services (the composition root, src/app.ts,
 * hands them over): the registry (enterprises' names and GLNs, the park's time zone, materials),
 * identity (identifiers of waste batches), trace (capturing a step's EPCIS events), the flow ledger
 * (the delivered and processed quantities), alarms (discrepancies and overdue manifests) and the
 * exchange's deals (the delivery a manifest carries).
 */
import type { AlarmService } from '../alarms/service.ts';
import type { DealService } from '../exchange/deals/service.ts';
import type { FlowLedgerService } from '../flows/ledger-service.ts';
import type { IdentityService } from '../identity/service.ts';
import type { RegistryService } from '../registry/service.ts';
import type { TraceService } from '../trace/service.ts';
import type { AuthContext } from '../../core/roles.ts';

export interface ManifestNeighbours {
  registry: Pick<RegistryService, 'directoryOf' | 'getPark'> & { materials: Pick<RegistryService['materials'], 'get'> };
  identity: Pick<IdentityService, 'mint'>;
  trace: Pick<TraceService, 'startCapture' | 'job'>;
  ledger: Pick<FlowLedgerService, 'writeFlows' | 'listNodes' | 'listFlows' | 'syncNodes'>;
  alarms: Pick<AlarmService, 'raise' | 'clear'>;
  /** The deals port back (null: the exchange is not wired, as in a store-level test). */
  deals: Pick<DealService, 'deliveredByManifest'> | null;
}

/**
 * The platform acting for an enterprise, as an operator of it: the step's links are that
 * enterprise's records (its EPCIS event, its ledger flow), written after its user signed.
 */
export const enterpriseSystemContext = (enterpriseId: number, what = 'manifests'): AuthContext => ({
  userId: null,
  username: `system:${what}`,
  role: 'enterprise_operator',
  enterpriseId,
  via: 'system',
});

/** A park reader for the platform's own reads (materials of any enterprise). */
export const PARK_READER: AuthContext = { userId: null, username: 'system:manifests', role: 'park_viewer', enterpriseId: null, via: 'system' };
