/**
 * What the trace module asks of other modules, through their services rather than their tables:
 * the registry's enterprises (the parties a captured event names by GLN; the names of recorders
 * and holders in answers) and the identity module's mints (a claim to have made a lot).
 */
import type { IdentityService } from '../identity/service.ts';
import type { RegistryService } from '../registry/service.ts';

export interface TraceNeighbours {
  registry: Pick<RegistryService, 'directoryOf'>;
  identity: Pick<IdentityService, 'mintedFor'>;
}

export interface EnterpriseRef {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
}

/** Names of enterprises in id order (a counterparty's name is not private). */
export async function enterpriseRefs(registry: TraceNeighbours['registry'], ids: readonly number[]): Promise<EnterpriseRef[]> {
  if (!ids.length) return [];
  return (await registry.directoryOf({ ids })).map(({ id, code, name, nameEn }) => ({ id, code, name, nameEn }));
}
