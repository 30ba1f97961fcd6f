/**
 * The green KPIs (issue 12): the indicators of a scope and period, their trends and the flows behind
 * them, the park's accounting settings, the stated inputs and targets (generic collections, through
 * ./hooks), the reports and their schedules, and the files the API makes (PDF, CSV, XLSX, olca-schema).
 * The shapes are in ./kpiShapes (pure).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, postCsv, withQuery, type Query } from './client';
import { invalidateAfterWrite } from './hooks';
import type { Page } from './types';
import type { RejectedRow } from './flowShapes';
import { rejectedRowsOf } from './kpiShapes';
import type { KpiAnswer, KpiContributions, KpiInputImport, KpiReportRecord, KpiScope, KpiSettings, KpiSettingsAnswer, KpiTrend, NewKpiReport } from './kpiShapes';
export * from './kpiShapes';

/** Which scope the dashboard shows: the park, or an enterprise or unit by its code. */
export interface KpiScopeRef {
  scope: KpiScope;
  code?: string;
}

const scopeQuery = (s: KpiScopeRef): Query => ({ scope: s.scope, code: s.scope === 'park' ? undefined : s.code });
const ready = (s: KpiScopeRef | undefined) => !!s && (s.scope === 'park' || !!s.code);

export function useKpis(scope: KpiScopeRef | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['kpis', 'values', scope, period],
    queryFn: ({ signal }) => api.get<KpiAnswer>('/kpis', { period, ...scopeQuery(scope!) }, signal),
    enabled: ready(scope) && !!period,
    placeholderData: (prev) => prev,
  });
}

export function useKpiTrend(scope: KpiScopeRef | undefined, range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ['kpis', 'trend', scope, range],
    queryFn: ({ signal }) => api.get<KpiTrend>('/kpis/trend', { ...scopeQuery(scope!), from: range!.from, to: range!.to }, signal),
    enabled: ready(scope) && !!range,
  });
}

export function useKpiContributions(scope: KpiScopeRef | undefined, period: string | undefined, key: string | undefined) {
  return useQuery({
    queryKey: ['kpis', 'flows', scope, period, key],
    queryFn: ({ signal }) => api.get<KpiContributions>('/kpis/flows', { period, key, ...scopeQuery(scope!) }, signal),
    enabled: ready(scope) && !!period && !!key,
  });
}

export function useKpiSettings() {
  return useQuery({ queryKey: ['kpi-settings'], queryFn: ({ signal }) => api.get<KpiSettingsAnswer>('/kpi-settings', undefined, signal) });
}

export function usePutKpiSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: KpiSettings) => api.put<KpiSettingsAnswer>('/kpi-settings', body),
    // Every value depends on the settings.
    onSuccess: (saved) => {
      qc.setQueryData(['kpi-settings'], saved);
      invalidateAfterWrite(qc, 'kpi-settings', 'kpis');
    },
  });
}

/** The stored reports, newest first. */
export function useKpiReports(query: Query) {
  return useQuery({
    queryKey: ['kpi-reports', 'list', query],
    queryFn: ({ signal }) => api.get<Page<KpiReportRecord>>('/kpi-reports', query, signal),
    placeholderData: (prev) => prev,
  });
}

export function useMakeKpiReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewKpiReport) => api.post<KpiReportRecord>('/kpi-reports', body),
    onSuccess: () => invalidateAfterWrite(qc, 'kpi-reports'),
  });
}

/** The report's URL (same origin: the session cookie goes with it), for a preview frame or a link. */
export function kpiReportUrl(scope: KpiScopeRef, period: string, lang: string, format: 'pdf' | 'csv' | 'xlsx'): string {
  return withQuery('/api/v1/kpis/report', { period, ...scopeQuery(scope), lang, format });
}

/** A refused inputs file: the API's problem, and every bad row with its reason. */
export class KpiImportRefused extends ApiError {
  readonly rows: RejectedRow[];
  constructor(status: number, body: Record<string, unknown> | null, fallback: string) {
    super(status, body as ConstructorParameters<typeof ApiError>[1], fallback);
    this.rows = rejectedRowsOf(body);
  }
}

/** Sends a CSV file of inputs as it is; all or nothing: a refusal throws KpiImportRefused. */
export const uploadKpiInputsCsv = (file: File): Promise<KpiInputImport> =>
  postCsv<KpiInputImport>('/api/v1/kpi-inputs/import', file, (status, body, fallback) => new KpiImportRefused(status, body as Record<string, unknown> | null, fallback));

export function useUploadKpiInputsCsv() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: uploadKpiInputsCsv, onSuccess: () => invalidateAfterWrite(qc, 'kpi-inputs', 'kpis') });
}


