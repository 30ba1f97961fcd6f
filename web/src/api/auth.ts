/**
 * Accounts: the caller's own (name and language, password, API keys) and other users' (changes,
 * disabling, password resets), each write knowing what it makes stale.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { invalidateAfterWrite, useUpdate } from './hooks';
import type { ApiKey, User } from './types';
import { useSession } from '../auth/session';

/** Another user's account: role, name, `disabled`, a new password. */
export const useUpdateUser = () => useUpdate<User, Record<string, unknown>>('users');

/** The caller's own name and language; the session shows the saved user at once. */
export function useUpdateMe() {
  const qc = useQueryClient();
  const { setUser } = useSession();
  return useMutation({
    mutationFn: (body: { displayName?: string; locale?: string }) => api.patch<{ user: User }>('/auth/me', body),
    onSuccess: (r) => {
      setUser(r.user);
      invalidateAfterWrite(qc, 'users');
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/auth/password', body),
    onSuccess: () => invalidateAfterWrite(qc),
  });
}

const API_KEYS = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: API_KEYS, queryFn: ({ signal }) => api.get<{ items: ApiKey[] }>('/api-keys', undefined, signal) });
}

/** A new key: the answer holds its secret, shown once. */
export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) => api.post<ApiKey>('/api-keys', body),
    onSuccess: () => invalidateAfterWrite(qc, API_KEYS[0]),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.del(`/api-keys/${id}`),
    onSuccess: () => invalidateAfterWrite(qc, API_KEYS[0]),
  });
}
