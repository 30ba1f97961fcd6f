/** Data hooks over TanStack Query: lists, single items, look-up tables for selects and names. */
import { useCallback, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
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

/** Forgets cached data of collections after a write. */
export function useInvalidate() {
  const qc = useQueryClient();
  return useCallback(
    (...collections: string[]) => {
      for (const c of collections) void qc.invalidateQueries({ queryKey: [c] });
      void qc.invalidateQueries({ queryKey: ['summary'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
    [qc],
  );
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
