/**
 * Whose cockpit this is: the park's for a park user; an enterprise user's own enterprise (its KPI
 * scope code, its id for the flow and device filters, its name for the title).
 */
import type { Enterprise } from '../../api/types';
import { useItem } from '../../api/hooks';
import { useSession } from '../../auth/session';

export type CockpitScope =
  | { kind: 'park'; ready: true }
  | { kind: 'enterprise'; ready: boolean; enterpriseId: number; code: string | undefined; enterprise: Enterprise | undefined };

export function useCockpitScope(): CockpitScope {
  const { user } = useSession();
  const enterpriseId = user?.enterpriseId ?? undefined;
  const enterprise = useItem<Enterprise>('enterprises', enterpriseId ?? undefined);
  if (enterpriseId === undefined || enterpriseId === null) return { kind: 'park', ready: true };
  const code = enterprise.data ? String(enterprise.data.code) : undefined;
  return { kind: 'enterprise', ready: code !== undefined, enterpriseId, code, enterprise: enterprise.data };
}

/** The KPI API's scope of a cockpit. */
export const kpiScopeOf = (s: CockpitScope) => (s.kind === 'park' ? { scope: 'park' as const } : { scope: 'enterprise' as const, code: s.code });
