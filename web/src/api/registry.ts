/**
 * The registry's reads and writes beyond the generic collections: the park's record, and the edits
 * made on an enterprise's or a device's own page. Collection pages (ResourcePage) write through
 * useCreate/useUpdate/useDelete of hooks.ts by collection name; each hook knows what it makes stale.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { invalidateAfterWrite, useUpdate } from './hooks';
import type { Device, Enterprise, Park } from './types';

/** The park's record: one query, shared by the session (its name, time zone) and the park page. */
export const parkQuery = { queryKey: ['park'], queryFn: () => api.get<Park>('/park'), staleTime: 60_000 } as const;

export function usePark() {
  return useQuery(parkQuery);
}

export function useUpdatePark() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<Park>('/park', body),
    onSuccess: (saved) => {
      qc.setQueryData(parkQuery.queryKey, saved);
      invalidateAfterWrite(qc, 'park-directory');
    },
  });
}

/** An enterprise's own page edits it; its lists go through ResourcePage. */
export const useUpdateEnterprise = () => useUpdate<Enterprise, Record<string, unknown>>('enterprises');
/** A device's own page edits it. */
export const useUpdateDevice = () => useUpdate<Device, Record<string, unknown>>('devices');
