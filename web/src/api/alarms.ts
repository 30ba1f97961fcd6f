/**
 * Alarms: the list and one alarm with its journal, the counts, bulk actions, the live stream that
 * keeps every cached list and the menu's badge current, rules and their back-test preview, and the
 * overlay a tag's chart draws (limits, control limits, forecast band, episodes).
 *
 * The shapes follow docs/api.md ("Alarms"); the vocabulary (kinds, severities, categories, run
 * rules) is the backend's own pure module, so the two cannot drift apart.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type Query } from './client';
import { invalidateAfterWrite } from './hooks';
import type { BodyOf, GetAnswer, Page, PostAnswer } from './types';
import type { LiveState } from './telemetry';
export { RULE_KINDS, SEVERITIES, ALARM_CATEGORIES, type RuleKind, type Severity, type AlarmCategory } from '../../../src/modules/alarms/rule-model.ts';
export { ALL_RULES, type RuleNumber } from '../../../src/modules/alarms/spc.ts';

/** ISA-18.2 states as the API names them. */
export const ALARM_STATES = ['active_unacknowledged', 'active_acknowledged', 'cleared_unacknowledged', 'shelved', 'suppressed', 'normal'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];
/** The list's state filter: the states themselves grouped as an operator asks for them. */
export const STATE_FILTERS = ['active', 'unacknowledged', 'shelved', 'suppressed', 'normal', 'all'] as const;
// The API also takes each exact state; the console offers the groups an operator asks for.
export type StateFilter = (typeof STATE_FILTERS)[number];

/** Why a condition is active (limit, change, window, run rule, forecast, last reading). */
export type AlarmDetail = NonNullable<Alarm['detail']>;

/** An alarm as the list and the live stream give it. */
export type Alarm = GetAnswer<'/api/v1/alarms/{id}'>;

export type AlarmJournalEntry = GetAnswer<'/api/v1/alarms/{id}/history'>['items'][number];
/** Counts of the alarms the caller sees, by state and by severity. */
export type AlarmSummary = GetAnswer<'/api/v1/alarms/summary'>;

export type AlarmAction = 'acknowledge' | 'shelve' | 'unshelve' | 'comment';
export interface AlarmActionBody {
  ids: number[];
  action: AlarmAction;
  comment?: string;
  reason?: string;
  durationMinutes?: number;
}
export interface AlarmActionResult {
  id: number;
  ok: boolean;
  state?: AlarmState;
  /** The lifecycle's reason code when it refused (not_active, hidden, …). */
  reason?: string;
  problem?: { title?: string; detail?: string; type?: string };
}

export type Aggregate = 'mean' | 'sum';
export type SpcChartKind = 'imr' | 'xbar_r';

/** A rule as the API gives it; `origin`: one the user wrote, or one a tag's own limits (LL/L/H/HH) make (edited on the tag). */
export type AlarmRule = GetAnswer<'/api/v1/alarm-rules/{id}'>;
/** What a create takes (durations in seconds, times in epoch ms). */
export type NewAlarmRule = BodyOf<'/api/v1/alarm-rules', 'post'>;

export type Episode = PreviewResult['result']['episodes'][number];

export type ForecastScore = NonNullable<PreviewResult['result']['forecast']>;

export type PreviewResult = PostAnswer<'/api/v1/alarm-rules/preview', 200>;

export type TagLimits = AlarmOverlay['limits'];

export type AlarmOverlay = GetAnswer<'/api/v1/tags/{id}/alarm-overlay'>;

// ---- Reads ----

export function useAlarms(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['alarms', 'list', query],
    queryFn: ({ signal }) => api.get<Page<Alarm>>('/alarms', query, signal),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useAlarm(id: number | undefined) {
  return useQuery({
    queryKey: ['alarms', 'item', id],
    queryFn: ({ signal }) => api.get<Alarm>(`/alarms/${id}`, undefined, signal),
    enabled: id !== undefined && Number.isFinite(id),
  });
}

export function useAlarmHistory(id: number | undefined) {
  return useQuery({
    queryKey: ['alarms', 'history', id],
    queryFn: ({ signal }) => api.get<Page<AlarmJournalEntry>>(`/alarms/${id}/history`, { limit: 1000 }, signal),
    enabled: id !== undefined && Number.isFinite(id),
  });
}

export function useAlarmSummary(enabled = true) {
  return useQuery({
    queryKey: ['alarms', 'summary'],
    queryFn: ({ signal }) => api.get<AlarmSummary>('/alarms/summary', undefined, signal),
    enabled,
  });
}

/** How many alarms wait for acknowledgement (active or cleared): the menu's badge. */
export function useUnacknowledgedCount(enabled = true) {
  return useAlarmSummary(enabled).data?.unacknowledged ?? 0;
}

export function useAlarmOverlay(tagId: number | undefined, from: number, to: number) {
  return useQuery({
    queryKey: ['alarm-overlay', tagId, from, to],
    queryFn: ({ signal }) => api.get<AlarmOverlay>(`/tags/${tagId}/alarm-overlay`, { from, to }, signal),
    enabled: tagId !== undefined && Number.isFinite(tagId),
    placeholderData: (prev) => prev,
    staleTime: 30_000,
  });
}

// ---- Writes ----

export function useAlarmActions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AlarmActionBody) => api.post<{ results: AlarmActionResult[] }>('/alarms/actions', body),
    onSuccess: () => invalidateAfterWrite(qc, 'alarms', 'alarm-overlay'),
  });
}

/** The back-test of an unsaved rule over the last `days` days of its tag (or of `tagId`, for a rule not on one tag). */
export function usePreviewRule() {
  return useMutation({
    mutationFn: (body: { rule: NewAlarmRule; days: number; tagId?: number }) => api.post<PreviewResult>('/alarm-rules/preview', body),
  });
}

// ---- The live stream ----

export type AlarmListener = (alarm: Alarm, raised: boolean) => void;
const listeners = new Set<AlarmListener>();

/** Called with each changed alarm of the stream; `raised`: it has just become active and unacknowledged. */
export function useAlarmListener(fn: AlarmListener) {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const l: AlarmListener = (a, raised) => ref.current(a, raised);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
}

/** The same alarm as any list or page the console holds shows it, if one does. */
function cachedAlarm(qc: QueryClient, id: number): Alarm | undefined {
  const item = qc.getQueryData<Alarm>(['alarms', 'item', id]);
  if (item) return item;
  for (const [, page] of qc.getQueriesData<Page<Alarm>>({ queryKey: ['alarms', 'list'] })) {
    const hit = page?.items?.find((a) => a.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Whether an update of the stream is a raising the operator should be told of: it is now active
 * and unacknowledged, and either the console knew it otherwise (cleared, acknowledged, raised at
 * another time) or, unknown, it was raised after the stream opened (not an old one commented on).
 */
export function isRaising(alarm: Alarm, before: Pick<Alarm, 'state' | 'raisedAt'> | undefined, openedAt: number): boolean {
  if (alarm.state !== 'active_unacknowledged') return false;
  if (before) return before.state !== 'active_unacknowledged' || before.raisedAt !== alarm.raisedAt;
  return alarm.raisedAt !== null && alarm.raisedAt >= openedAt;
}

/** How long the stream waits to ask the lists again after a burst of changes. */
const REFRESH_MS = 400;
/** How long a stream may be refused before it tries again (the browser gives up on a refusal). */
const RETRY_MS = 5_000;

/**
 * Subscribes to `/alarms/stream` once for the whole console (mounted by the layout): each changed
 * alarm replaces its copy in every cached list and page at once, and the lists and counts are then
 * asked again (a new alarm, or one that left a filter, changes which rows a page holds). The
 * browser reconnects after a break; a refused stream is tried again after a while.
 */
export function useAlarmStream(enabled = true): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let refresh: number | null = null;
    let retry: number | null = null;
    let stopped = false;
    let openedAt = Date.now();

    const scheduleRefresh = () => {
      if (refresh !== null) return;
      refresh = window.setTimeout(() => {
        refresh = null;
        void qc.invalidateQueries({ queryKey: ['alarms'] });
        void qc.invalidateQueries({ queryKey: ['alarm-overlay'] });
      }, REFRESH_MS);
    };

    const onAlarm = (alarm: Alarm) => {
      const before = cachedAlarm(qc, alarm.id);
      // An update older than what is shown (events overtaking a list's answer) changes nothing.
      if (before && before.version > alarm.version) return;
      const raised = isRaising(alarm, before, openedAt);
      qc.setQueriesData<Page<Alarm>>({ queryKey: ['alarms', 'list'] }, (page) =>
        page?.items?.some((a) => a.id === alarm.id) ? { ...page, items: page.items.map((a) => (a.id === alarm.id ? alarm : a)) } : page,
      );
      if (qc.getQueryData(['alarms', 'item', alarm.id])) qc.setQueryData(['alarms', 'item', alarm.id], alarm);
      for (const l of listeners) l(alarm, raised);
      scheduleRefresh();
    };

    const connect = () => {
      setState('connecting');
      openedAt = Date.now();
      const s = new EventSource('/api/v1/alarms/stream', { withCredentials: true });
      source = s;
      s.onopen = () => {
        setState('open');
        // What changed while the stream was down is only in the lists: ask them again.
        scheduleRefresh();
      };
      s.onerror = () => {
        if (s.readyState !== EventSource.CLOSED) {
          setState('reconnecting');
          return;
        }
        setState('reconnecting');
        s.close();
        if (!stopped) retry = window.setTimeout(connect, RETRY_MS);
      };
      // The server names its events `alarm` (onmessage hears only unnamed ones).
      s.addEventListener('alarm', (e: MessageEvent<string>) => {
        let a: Alarm;
        try {
          a = JSON.parse(e.data) as Alarm;
        } catch {
          return;
        }
        if (a && typeof a.id === 'number' && typeof a.state === 'string') onAlarm(a);
      });
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
      if (refresh !== null) window.clearTimeout(refresh);
      if (retry !== null) window.clearTimeout(retry);
      setState('closed');
    };
  }, [qc, enabled]);
}

// The stream's state, shared: the layout holds the one stream, the alarm list shows its state.
let streamState: LiveState = 'closed';
const stateSubscribers = new Set<() => void>();
function setState(s: LiveState) {
  if (s === streamState) return;
  streamState = s;
  for (const fn of stateSubscribers) fn();
}

export function useAlarmStreamState(): LiveState {
  return useSyncExternalStore(
    (fn) => {
      stateSubscribers.add(fn);
      return () => {
        stateSubscribers.delete(fn);
      };
    },
    () => streamState,
    () => streamState,
  );
}

/**
 * Whether the caller may take an action on alarms or rules (`alarm.acknowledge`,
 * `alarm_rule.create` …). Until the API names the action among the abilities, the action is shown
 * and the API decides (its refusal is reported per alarm).
 */
export function mayDo(abilities: Record<string, string> | undefined, key: string): boolean {
  const a = abilities?.[key];
  return a === undefined || a === 'any' || a === 'own';
}
