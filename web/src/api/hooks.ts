/**
 * Data hooks over TanStack Query: lists, single items, look-up tables for selects and names, and
 * the writes of a collection, each knowing which cached answers it makes stale.
 */
import { useCallback, useMemo } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Query } from './client';
import type { Item, Page, UnitOfMeasure } from './types';
import { useSession } from '../auth/session';

export function useList<T extends Item>(collection: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: [collection, 'list', query],
    queryFn: ({ signal }) => api.get<Page<T>>(`/${collection}`, query, signal),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useItem<T extends Item>(collection: string, id: number | undefined) {
  return useQuery({
    queryKey: [collection, 'item', id],
    queryFn: ({ signal }) => api.get<T>(`/${collection}/${id}`, undefined, signal),
    enabled: id !== undefined && Number.isFinite(id),
  });
}

/** Every row of a collection the caller may see (up to 1000), for selects and names. */
export function useAll<T extends Item>(collection: string, filters: Query = {}, enabled = true) {
  const q = useQuery({
    queryKey: [collection, 'all', filters],
    queryFn: ({ signal }) => api.get<Page<T>>(`/${collection}`, { ...filters, limit: 1000 }, signal),
    enabled,
    staleTime: 30_000,
  });
  const byId = useMemo(() => new Map((q.data?.items ?? []).map((r) => [r.id, r])), [q.data]);
  return { items: q.data?.items ?? [], byId, isLoading: q.isLoading, error: q.error };
}

export function useUnitsOfMeasure() {
  return useQuery({
    queryKey: ['units-of-measure'],
    queryFn: () => api.get<UnitOfMeasure[]>('/units-of-measure'),
    staleTime: Infinity,
  });
}

/**
 * What else a write to a collection makes stale, beyond its own lists and items: names shown in
 * the park's directory, the devices' status list, the latest values by tag.
 */
const ALSO_STALE: Record<string, readonly string[]> = {
  enterprises: ['park-directory'],
  devices: ['device-status'],
  tags: ['device-latest'],
};

/** Forgets what a write to these query roots (collections or others) made stale: them, the park's counts and the audit log. */
export function invalidateAfterWrite(qc: QueryClient, ...roots: string[]) {
  for (const root of roots) {
    for (const key of [root, ...(ALSO_STALE[root] ?? [])]) void qc.invalidateQueries({ queryKey: [key] });
  }
  void qc.invalidateQueries({ queryKey: ['summary'] });
  void qc.invalidateQueries({ queryKey: ['audit'] });
}

type Body = Record<string, unknown>;

/** `POST /{collection}`: a new record. */
export function useCreate<T extends Item, B = Body>(collection: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<T>(`/${collection}`, body),
    onSuccess: () => invalidateAfterWrite(qc, collection),
  });
}

/** `PATCH /{collection}/{id}`: the changed fields of a record. */
export function useUpdate<T extends Item, B = Body>(collection: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: B }) => api.patch<T>(`/${collection}/${id}`, body),
    onSuccess: (saved) => {
      // The record's own page shows the answer at once; lists ask again.
      if (saved) qc.setQueryData([collection, 'item', saved.id], saved);
      invalidateAfterWrite(qc, collection);
    },
  });
}

/** `DELETE /{collection}/{id}`. */
export function useDelete(collection: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.del(`/${collection}/${id}`),
    onSuccess: (_none, id) => {
      qc.removeQueries({ queryKey: [collection, 'item', id] });
      invalidateAfterWrite(qc, collection);
    },
  });
}

/** A row's name in the current language: the English name in English where there is one. */
export function useNameOf() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return useCallback(
    (row: { name?: string | null; nameEn?: string | null } | undefined | null): string => {
      if (!row) return '';
      return (en && row.nameEn ? row.nameEn : row.name) ?? '';
    },
    [en],
  );
}

/** Formats epoch milliseconds in the park's time zone and the console's language. */
export function useFormatTime() {
  const { park } = useSession();
  const { i18n } = useTranslation();
  const timeZone = park?.timezone || 'Asia/Shanghai';
  const fmt = useMemo(() => {
    try {
      return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      return new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });
    }
  }, [timeZone, i18n.language]);
  return useCallback((ms: number | null | undefined) => (ms === null || ms === undefined ? '' : fmt.format(new Date(ms))), [fmt]);
}
