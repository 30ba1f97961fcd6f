/** The audit log: a page of its records, and the check of its hash chain. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type Query } from './client';
import type { AuditRecord, AuditVerify } from './types';

export function useAuditLog(query: Query) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api.get<{ items: AuditRecord[]; total: number }>('/audit', query, signal),
    placeholderData: (prev) => prev,
  });
}

/** Walks the whole chain on the server: asked for by a button, so a mutation rather than a query kept in the cache. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerify>('/audit/verify') });
}
