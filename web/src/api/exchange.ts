/**
 * The industrial symbiosis exchange (issue 13): the market, my listings, drafts from the ledger, the
 * park's plan and its what-if, deals with their deliveries, the impact, and the settings. The
 * vocabulary is the backend's own (src/modules/exchange/model.ts); the four generic collections
 * (exchange-listings, waste-licences, exchange-substitutions, exchange-distances) go through ./hooks.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './client';
import { invalidateAfterWrite } from './hooks';
import type { Page } from './types';
import type { ExchangeSettings, PlanAnswer, PlanOverrides } from '../../../src/modules/exchange/model.ts';
import type { Deal, DealDetail, DealTerms, Delivery, Impact, ListingDraft, MarketListing, NewDeal, PartyAction } from './exchangeShapes';
export * from './exchangeShapes';

export function useMarket(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['exchange-market', query],
    queryFn: ({ signal }) => api.get<Page<MarketListing>>('/exchange/market', query, signal),
    placeholderData: (prev) => prev,
    enabled,
  });
}

/** Every published listing the caller sees, by id: what names the plan's offers and demands. */
export function useMarketById() {
  const q = useQuery({
    queryKey: ['exchange-market', 'all'],
    queryFn: ({ signal }) => api.get<Page<MarketListing>>('/exchange/market', { limit: 1000 }, signal),
    staleTime: 30_000,
  });
  const items = q.data?.items;
  return { byId: new Map((items ?? []).map((l) => [l.id, l])), items: items ?? [], isLoading: q.isLoading };
}

export function useDrafts(enabled: boolean) {
  return useQuery({
    queryKey: ['exchange-drafts'],
    queryFn: async ({ signal }) => (await api.get<{ items: ListingDraft[]; from: string; to: string }>('/exchange/drafts', undefined, signal)).items,
    enabled,
  });
}

export function useExchangeSettings() {
  return useQuery({ queryKey: ['exchange-settings'], queryFn: ({ signal }) => api.get<ExchangeSettings>('/exchange/settings', undefined, signal) });
}

export function usePutExchangeSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExchangeSettings) => api.put<ExchangeSettings>('/exchange/settings', body),
    onSuccess: () => invalidateAfterWrite(qc, 'exchange-settings', 'exchange-plan'),
  });
}

/** The park's plan as it stands (no overrides): the what-if's "before". */
export function usePlan() {
  return useQuery({
    queryKey: ['exchange-plan', 'base'],
    queryFn: () => api.post<PlanAnswer>('/exchange/plans', {}),
    staleTime: 30_000,
  });
}

/** A plan with what-if changes: solved on demand, never cached as the park's. */
export function useWhatIf() {
  return useMutation({ mutationFn: (overrides: PlanOverrides) => api.post<PlanAnswer>('/exchange/plans', overrides) });
}

export function useDeals(query: Query) {
  return useQuery({
    queryKey: ['exchange-deals', 'list', query],
    queryFn: ({ signal }) => api.get<Page<Deal>>('/exchange/deals', query, signal),
    placeholderData: (prev) => prev,
  });
}

export function useDeal(id: number | undefined) {
  return useQuery({
    queryKey: ['exchange-deals', 'item', id],
    queryFn: ({ signal }) => api.get<DealDetail>(`/exchange/deals/${id}`, undefined, signal),
    enabled: id !== undefined,
  });
}

export function useProposeDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDeal) => api.post<Deal>('/exchange/deals', body),
    onSuccess: () => invalidateAfterWrite(qc, 'exchange-deals'),
  });
}

export function useDealAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: PartyAction; version: number; terms?: DealTerms; note?: string }) => api.post<Deal>(`/exchange/deals/${id}/actions`, body),
    onSuccess: () => invalidateAfterWrite(qc, 'exchange-deals', 'exchange-impact'),
  });
}

export function useRecordDelivery(dealId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ deliveryId, ...body }: { deliveryId: number; quantity: number; lot?: string }) => api.post<Delivery>(`/exchange/deals/${dealId}/deliveries/${deliveryId}/record`, body),
    onSuccess: () => invalidateAfterWrite(qc, 'exchange-deals', 'exchange-impact', 'flows'),
  });
}

export function useImpact(range: { from: string; to: string }) {
  return useQuery({
    queryKey: ['exchange-impact', range],
    queryFn: ({ signal }) => api.get<Impact>('/exchange/impact', range, signal),
  });
}
