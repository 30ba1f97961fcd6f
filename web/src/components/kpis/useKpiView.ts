/**
 * What the KPI dashboard shows, kept in the address (`/kpis?scope=enterprise&code=CHLOR&period=2026-03&key=energy_tce`)
 * so that a view can be linked and reloaded: the scope, the period, and the indicator opened. Until
 * the address names a period the latest month of the ledger is shown; an enterprise user starts at
 * their own enterprise (the park's scope is not theirs).
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useFlowPeriods } from '../../api/flows';
import { useAll } from '../../api/hooks';
import type { KpiScopeRef } from '../../api/kpis';
import { KPI_SCOPES, type KpiScope } from '../../api/kpiShapes';
import type { Enterprise } from '../../api/types';
import { useUser } from '../../auth/session';

export interface KpiView {
  scope: KpiScopeRef;
  period: string | undefined;
  /** The indicator whose drawer is open. */
  open: string | undefined;
}

export function useKpiView() {
  const [params, setParams] = useSearchParams();
  const user = useUser();
  const periods = useFlowPeriods();
  const enterprises = useAll<Enterprise>('enterprises');
  const own = user.enterpriseId !== null ? enterprises.byId.get(user.enterpriseId) : undefined;

  const months = useMemo(() => (periods.data ?? []).filter((p) => p.grain === 'month').map((p) => p.period), [periods.data]);
  const latest = months.length ? [...months].sort().at(-1) : undefined;

  const asked = params.get('scope') as KpiScope | null;
  const scope: KpiScopeRef = useMemo(() => {
    if (asked && KPI_SCOPES.includes(asked) && !(asked === 'park' && user.enterpriseId !== null)) return { scope: asked, code: params.get('code') ?? undefined };
    return user.enterpriseId === null ? { scope: 'park' } : { scope: 'enterprise', code: own?.code };
  }, [asked, params, user.enterpriseId, own?.code]);

  const view: KpiView = { scope, period: params.get('period') ?? latest, open: params.get('key') ?? undefined };
  const setView = useCallback(
    (next: Partial<KpiView>) => {
      setParams(
        (p) => {
          const q = new URLSearchParams(p);
          const put = (k: string, v: string | undefined) => (v ? q.set(k, v) : q.delete(k));
          if (next.scope) {
            put('scope', next.scope.scope);
            put('code', next.scope.scope === 'park' ? undefined : next.scope.code);
          }
          if ('period' in next) put('period', next.period);
          if ('open' in next) put('key', next.open);
          return q;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { view, setView, months, periods };
}
