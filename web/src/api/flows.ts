/**
 * The flow ledger (issue 11): periods, nodes, flows and their writes, CSV imports and the re-runs
 * of the telemetry and EPCIS sources, balances with their reconciliation, the Sankey, and the
 * stateless reconciliation the what-if drawer calls. The shapes are in ./flowShapes (pure).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, postCsv, type Query } from './client';
import { invalidateAfterWrite } from './hooks';
import type { Page } from './types';
import type { EpcisRun, Balances, Flow, FlowImport, FlowNode, FlowPeriod, FlowStock, FlowView, NetworkInput, NewFlow, NewFlowStock, ReconcileAnswer, Sankey, TelemetryRun } from './flowShapes';
export * from './flowShapes';

const viewQuery = (v: FlowView): Query => ({
  period: v.period,
  level: v.level,
  layer: v.layer,
  element: v.layer === 'element' ? v.element : undefined,
  material: v.layer === 'mass' ? v.material : undefined,
  enterpriseId: v.enterpriseId,
});

// ---- Reads ----

/** The periods that hold flows, newest first. */
export function useFlowPeriods() {
  return useQuery({
    queryKey: ['flows', 'periods'],
    queryFn: async ({ signal }) => {
      const answer = await api.get<{ items: FlowPeriod[] }>('/flows/periods', undefined, signal);
      return [...answer.items].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
    },
    staleTime: 30_000,
  });
}

export function useFlowNodes() {
  return useQuery({
    queryKey: ['flow-nodes', 'all'],
    // Every node the caller may see, unpaged (the park's nodes number in the hundreds).
    queryFn: ({ signal }) => api.get<{ items: FlowNode[] }>('/flow-nodes', undefined, signal),
    staleTime: 60_000,
  });
}

export function useFlows(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['flows', 'list', query],
    queryFn: ({ signal }) => api.get<Page<Flow>>('/flows', query, signal),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useBalances(view: FlowView | undefined) {
  return useQuery({
    queryKey: ['flows', 'balances', view],
    queryFn: ({ signal }) => api.get<Balances>('/flows/balances', viewQuery(view!), signal),
    enabled: !!view?.period,
    placeholderData: (prev) => prev,
  });
}

export function useSankey(view: FlowView | undefined) {
  return useQuery({
    queryKey: ['flows', 'sankey', view],
    queryFn: ({ signal }) => api.get<Sankey>('/flows/sankey', viewQuery(view!), signal),
    enabled: !!view?.period,
    placeholderData: (prev) => prev,
  });
}

/** The stocks recorded for a period and the periods within it. */
export function useFlowStocks(period: string | undefined) {
  return useQuery({
    queryKey: ['flows', 'stocks', period],
    queryFn: ({ signal }) => api.get<{ items: FlowStock[] }>('/flow-stocks', { period }, signal),
    enabled: !!period,
    placeholderData: (prev) => prev,
  });
}

/** One CSV import, asked again every second while it runs. */
export function useFlowImport(id: number | null) {
  return useQuery({
    queryKey: ['flows', 'import', id],
    queryFn: ({ signal }) => api.get<FlowImport>(`/flows/imports/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 1_000 : false),
  });
}

// ---- Writes ----

export function useFlowWrite() {
  const qc = useQueryClient();
  const done = () => invalidateAfterWrite(qc, 'flows');
  return {
    create: useMutation({ mutationFn: (body: NewFlow) => api.post<Flow>('/flows', body), onSuccess: done }),
    update: useMutation({ mutationFn: ({ id, body }: { id: number; body: Partial<NewFlow> }) => api.patch<Flow>(`/flows/${id}`, body), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: number) => api.del(`/flows/${id}`), onSuccess: done }),
  };
}

/** Sends a CSV file as it is; the answer is the import, running or done. */
export const uploadFlowsCsv = (file: File): Promise<FlowImport> => postCsv<FlowImport>(`/api/v1/flows/imports?filename=${encodeURIComponent(file.name)}`, file);

export function useUploadFlowsCsv() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: uploadFlowsCsv,
    onSuccess: (imp) => {
      qc.setQueryData(['flows', 'import', imp.id], imp);
      invalidateAfterWrite(qc, 'flows');
    },
  });
}

/** Records a node's stock of a material for a period (replaces what was recorded for it). */
export function usePutFlowStock() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewFlowStock) => api.put<FlowStock>('/flow-stocks', body),
    // Stocks enter the balances, and their query keys are under 'flows'.
    onSuccess: () => invalidateAfterWrite(qc, 'flows'),
  });
}

export function useDeleteFlowStock() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.del(`/flow-stocks/${id}`),
    onSuccess: () => invalidateAfterWrite(qc, 'flows'),
  });
}

export function useRunTelemetrySource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api.post<TelemetryRun>('/flows/sources/telemetry', { period }),
    onSuccess: () => invalidateAfterWrite(qc, 'flows'),
  });
}

export function useRunEpcisSource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api.post<EpcisRun>('/flows/sources/epcis', { period }),
    onSuccess: () => invalidateAfterWrite(qc, 'flows'),
  });
}

/** The stateless reconciliation (stores nothing): the what-if's re-run. */
export function useReconcile() {
  return useMutation({ mutationFn: (input: NetworkInput) => api.post<ReconcileAnswer>('/flows/reconcile', input) });
}
