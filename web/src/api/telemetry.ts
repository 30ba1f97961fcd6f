/**
 * Telemetry hooks: device status (polled), latest values, error log, series, the live stream of a
 * tag (Server-Sent Events), relative times, and the park's wall clock for charts.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from './client';
import { invalidateAfterWrite } from './hooks';
import type { DeviceCredentials, DeviceError, DeviceStatus, LatestReading, Series, Tag } from './types';
import { useSession } from '../auth/session';

/** How often status, latest values and the error log are asked again. */
export const POLL_MS = 10_000;

/** The status of every device the caller may see, by device id; asked every 10 s. */
export function useDeviceStatuses(enabled = true) {
  const q = useQuery({
    queryKey: ['device-status', 'all'],
    queryFn: ({ signal }) => api.get<{ items: DeviceStatus[] }>('/device-status', undefined, signal),
    refetchInterval: POLL_MS,
    enabled,
  });
  const byId = useMemo(() => new Map((q.data?.items ?? []).map((s) => [s.deviceId, s])), [q.data]);
  return { byId, error: q.error, isLoading: q.isLoading };
}

export function useDeviceStatus(id: number | undefined) {
  return useQuery({
    queryKey: ['device-status', id],
    queryFn: ({ signal }) => api.get<DeviceStatus>(`/devices/${id}/status`, undefined, signal),
    refetchInterval: POLL_MS,
    enabled: id !== undefined && Number.isFinite(id),
  });
}

export function useDeviceLatest(id: number | undefined) {
  return useQuery({
    queryKey: ['device-latest', id],
    queryFn: ({ signal }) => api.get<{ items: LatestReading[] }>(`/devices/${id}/latest`, undefined, signal),
    refetchInterval: POLL_MS,
    enabled: id !== undefined && Number.isFinite(id),
  });
}

/** The node's health: the MQTT port its broker listens on (null when it runs none). */
export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: ({ signal }) => api.get<{ mqttPort: number | null }>('/health', undefined, signal), staleTime: 60_000 });
}

/** Issues a new secret for a device (the old one stops working); the answer holds it, shown once. */
export function useIssueDeviceCredentials(deviceId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<DeviceCredentials>(`/devices/${deviceId}/credentials`),
    onSuccess: () => invalidateAfterWrite(qc, 'device-status'),
  });
}

export function useDeviceErrors(id: number | undefined, limit = 100) {
  return useQuery({
    queryKey: ['device-errors', id, limit],
    queryFn: ({ signal }) => api.get<{ items: DeviceError[] }>(`/devices/${id}/errors`, { limit }, signal),
    refetchInterval: POLL_MS,
    enabled: id !== undefined && Number.isFinite(id),
  });
}

export interface SeriesWindow {
  from: number;
  to: number;
  step: number;
}

/** A step (whole seconds, at least one) that gives about `buckets` buckets over [from, to). */
export function stepFor(from: number, to: number, buckets = 1000): number {
  return Math.max(1000, Math.ceil((to - from) / buckets / 1000) * 1000);
}

export function useSeries(tagId: number | undefined, w: SeriesWindow | null) {
  return useQuery({
    queryKey: ['tag-series', tagId, w?.from, w?.to, w?.step],
    queryFn: ({ signal }) => api.get<Series>(`/tags/${tagId}/series`, { from: w!.from, to: w!.to, step: w!.step }, signal),
    enabled: tagId !== undefined && Number.isFinite(tagId) && w !== null,
    placeholderData: (prev) => prev,
    staleTime: 30_000,
  });
}

/** The address of a series as a CSV file (the session cookie authorizes the download). */
export const seriesCsvUrl = (tagId: number, w: SeriesWindow) => withQuery(`/api/v1/tags/${tagId}/series`, { from: w.from, to: w.to, step: w.step, format: 'csv' });

export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * Readings of a tag as they are committed, from `/tags/{id}/live`. `onReading` is called for each
 * (the latest callback is used); the browser reconnects by itself after a break.
 */
export function useLiveReadings(tagId: number | undefined, onReading: (r: { ts: number; value: number }) => void) {
  const [state, setState] = useState<LiveState>('connecting');
  const [received, setReceived] = useState(0);
  const callback = useRef(onReading);
  callback.current = onReading;
  useEffect(() => {
    if (tagId === undefined || !Number.isFinite(tagId) || typeof EventSource === 'undefined') return;
    setState('connecting');
    const source = new EventSource(`/api/v1/tags/${tagId}/live`, { withCredentials: true });
    source.onopen = () => setState('open');
    // CLOSED: refused (not found, logged out); else the browser is trying again.
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    source.onmessage = (e: MessageEvent<string>) => {
      try {
        const r = JSON.parse(e.data) as { ts: number; value: number };
        if (typeof r.ts === 'number' && typeof r.value === 'number') {
          callback.current(r);
          setReceived((n) => n + 1);
        }
      } catch {
        /* not a reading */
      }
    };
    return () => source.close();
  }, [tagId]);
  return { state, received };
}

/** The current time, renewed every `everyMs` (relative times, moving chart windows). */
export function useNow(everyMs = POLL_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "3 minutes ago" in the console's language. */
export function useRelativeTime() {
  const { i18n } = useTranslation();
  const rtf = useMemo(() => new Intl.RelativeTimeFormat(i18n.language === 'en' ? 'en' : 'zh-CN', { numeric: 'auto' }), [i18n.language]);
  return useCallback(
    (ms: number, now = Date.now()) => {
      const s = Math.round((ms - now) / 1000);
      const a = Math.abs(s);
      if (a < 60) return rtf.format(s, 'second');
      if (a < 3600) return rtf.format(Math.round(s / 60), 'minute');
      if (a < 86_400) return rtf.format(Math.round(s / 3600), 'hour');
      return rtf.format(Math.round(s / 86_400), 'day');
    },
    [rtf],
  );
}

/**
 * The park's wall clock for charts. ECharts knows only the browser's zone and UTC, so charts are
 * drawn in UTC (`useUTC: true`) over times shifted by the park's offset: the axis then shows, and
 * places its ticks at, the park's hours and midnights whatever the browser's zone.
 */
export function useParkClock() {
  const { park } = useSession();
  const timeZone = park?.timezone || 'Asia/Shanghai';
  return useMemo(() => {
    let parts: Intl.DateTimeFormat | null;
    try {
      parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    } catch {
      parts = null;
    }
    const cache = new Map<number, number>();
    /** The park's offset from UTC at `ts`, in ms (constant over a quarter of an hour). */
    const offset = (ts: number): number => {
      if (!parts) return 0;
      const key = Math.floor(ts / 900_000);
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const at = key * 900_000;
      const p = Object.fromEntries(parts.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
      const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
      const off = wall - at;
      if (cache.size > 10_000) cache.clear();
      cache.set(key, off);
      return off;
    };
    return {
      timeZone,
      toWall: (ts: number) => ts + offset(ts),
      fromWall: (w: number) => w - offset(w - offset(w)),
    };
  }, [timeZone]);
}

export type LimitState = 'highHigh' | 'high' | 'within' | 'low' | 'lowLow' | 'none';

/** Where a value stands against a tag's alarm limits. */
export function limitState(tag: Pick<Tag, 'lowLowLimit' | 'lowLimit' | 'highLimit' | 'highHighLimit'>, value: number): LimitState {
  const { lowLowLimit: ll, lowLimit: l, highLimit: h, highHighLimit: hh } = tag;
  if (ll === null && l === null && h === null && hh === null) return 'none';
  if (hh !== null && value > hh) return 'highHigh';
  if (ll !== null && value < ll) return 'lowLow';
  if (h !== null && value > h) return 'high';
  if (l !== null && value < l) return 'low';
  return 'within';
}

export const LIMIT_COLORS: Record<LimitState, string> = {
  highHigh: 'red', high: 'orange', within: 'green', low: 'orange', lowLow: 'red', none: 'default',
};

/** Formats a reading: up to 4 significant decimals, no trailing zeros, grouped thousands. */
export function useFormatValue() {
  const { i18n } = useTranslation();
  const fmt = useMemo(() => new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 4 }), [i18n.language]);
  return useCallback((v: number | null | undefined) => (v === null || v === undefined ? '' : fmt.format(v)), [fmt]);
}
