/** The view a flow page shows, read from and written to its address; the newest period by default. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useFlowPeriods, type BalanceLevel, type FlowView } from '../../api/flows';
import { paramsOfView, viewFromParams } from './view';

export function useFlowView(defaultLevel: BalanceLevel) {
  const periods = useFlowPeriods();
  const [params, setParams] = useSearchParams();
  const latest = periods.data?.[0]?.period;
  const view = useMemo(() => viewFromParams(params, latest, defaultLevel), [params, latest, defaultLevel]);
  const setView = useCallback(
    (next: FlowView) => {
      setParams((old) => {
        const out = new URLSearchParams(paramsOfView(next));
        // Parameters of the page itself (a highlighted node) stay unless the view's enterprise changed.
        for (const [k, v] of old) if (!out.has(k) && !['element', 'material', 'enterpriseId'].includes(k)) out.set(k, v);
        return out;
      }, { replace: true });
    },
    [setParams],
  );
  return { view, setView, periods };
}
