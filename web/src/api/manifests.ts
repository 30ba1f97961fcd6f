/**
 * Hazardous-waste transfer manifests (issue 14): lists, one manifest, its signatures (actions), the
 * park's overview, the vocabulary and the park's settings, each write forgetting what it made stale
 * (a signature changes the manifest, its list, the overview, and through its links the flows and alarms).
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './client';
import { invalidateAfterWrite } from './hooks';
import type { Page } from './types';
import {
  MANIFEST_STATES, type ManifestActionBody, type ManifestDetail, type ManifestOverview, type ManifestSettingsIn, type ManifestSettingsOut, type ManifestState, type ManifestSummary,
  type ManifestVocabulary, type NewManifest, type PatchManifest,
} from './manifestShapes';
export * from './manifestShapes';

const ROOT = 'manifests';

export function useManifests(query: Query) {
  return useQuery({
    queryKey: [ROOT, 'list', query],
    queryFn: ({ signal }) => api.get<Page<ManifestSummary>>('/manifests', query, signal),
    placeholderData: (prev) => prev,
  });
}

/** How many manifests are in each state under the same filters (one `limit=1` count per state). */
export function useManifestCounts(query: Query): Partial<Record<ManifestState, number>> {
  const answers = useQueries({
    queries: MANIFEST_STATES.map((state) => ({
      queryKey: [ROOT, 'count', state, query],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Page<ManifestSummary>>('/manifests', { ...query, state, limit: 1 }, signal),
      staleTime: 10_000,
    })),
  });
  const out: Partial<Record<ManifestState, number>> = {};
  MANIFEST_STATES.forEach((s, i) => {
    const total = answers[i]?.data?.total;
    if (total !== undefined) out[s] = total;
  });
  return out;
}

export function useManifest(id: number | undefined) {
  return useQuery({
    queryKey: [ROOT, 'item', id],
    queryFn: ({ signal }) => api.get<ManifestDetail>(`/manifests/${id}`, undefined, signal),
    enabled: id !== undefined && Number.isFinite(id),
  });
}

export function useCreateManifest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewManifest) => api.post<ManifestDetail>('/manifests', body),
    onSuccess: () => invalidateAfterWrite(qc, ROOT, 'manifest-overview'),
  });
}

/** A draft's changes (its generator's), answering the version shown. */
export function usePatchManifest(id: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchManifest) => api.patch<ManifestDetail>(`/manifests/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData([ROOT, 'item', saved.id], saved);
      invalidateAfterWrite(qc, ROOT, 'manifest-overview');
    },
  });
}

/**
 * One signature. The answer is the manifest as it now stands; a refusal (409: someone signed first,
 * not the caller's turn, a licence problem) makes the shown manifest stale too, so both ask again.
 */
export function useManifestAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ManifestActionBody) => api.post<ManifestDetail>(`/manifests/${id}/actions`, body),
    onSuccess: (saved) => {
      qc.setQueryData([ROOT, 'item', id], saved);
      invalidateAfterWrite(qc, ROOT, 'manifest-overview', 'alarms', 'flows', 'exchange-deals');
    },
    onError: () => invalidateAfterWrite(qc, ROOT),
  });
}

export function useManifestOverview(year: number) {
  return useQuery({
    queryKey: ['manifest-overview', year],
    queryFn: ({ signal }) => api.get<ManifestOverview>('/manifests/overview', { year }, signal),
  });
}

export function useManifestVocabulary() {
  return useQuery({
    queryKey: ['manifest-vocabulary'],
    queryFn: ({ signal }) => api.get<ManifestVocabulary>('/manifests/vocabulary', undefined, signal),
    staleTime: Infinity,
  });
}

export function useManifestSettings() {
  return useQuery({ queryKey: ['manifest-settings'], queryFn: ({ signal }) => api.get<ManifestSettingsOut>('/manifest-settings', undefined, signal) });
}

export function usePutManifestSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ManifestSettingsIn) => api.put<ManifestSettingsOut>('/manifest-settings', body),
    onSuccess: (saved) => {
      qc.setQueryData(['manifest-settings'], saved);
      invalidateAfterWrite(qc, 'manifest-settings', ROOT, 'manifest-overview');
    },
  });
}

/** The printable manifest in a language: opened in a new tab (the session cookie authorizes it). */
export const manifestPdfUrl = (id: number, lang: 'zh-CN' | 'en') => `/api/v1/manifests/${id}/pdf?lang=${lang}`;
