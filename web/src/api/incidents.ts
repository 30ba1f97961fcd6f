/**
 * Park incidents: the board, one incident with its timeline, checklist, linked alarms and report,
 * and every write (each answers the whole incident, which replaces the cached one).
 *
 * The shapes are the backend's own schema types and its vocabulary the pure model (kinds, states,
 * levels, the transitions), so that the console and the API cannot drift apart.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, request, type Query } from './client';
import { invalidateAfterWrite } from './hooks';
import type { Page } from './types';
import type {
  ChecklistAdd, ChecklistItem, ChecklistPatch, CreateIncident, Incident, IncidentReport, IncidentSummary, LinkedAlarm, PatchIncident, TimelineEntry, TimelinePost, Transition,
} from '../../../src/modules/incidents/schemas.ts';
export {
  CHECKLIST_STATUSES, INCIDENT_KINDS, INCIDENT_STATES, REPORT_FIELDS, SEVERITY_LEVELS, SEVERITY_NAMES, missingReportParts,
  type ChecklistStatus, type IncidentKind, type IncidentState, type Report, type SeverityLevel,
} from '../../../src/modules/incidents/model.ts';
export type { ChecklistItem, CreateIncident, Incident, IncidentReport, IncidentSummary, LinkedAlarm, TimelineEntry };

export interface Template {
  kind: Incident['kind'];
  name: string;
  nameEn: string;
  items: { key: string; text: string; textEn: string; required: boolean }[];
}

const ROOT = 'incidents';
export type ReportLang = 'zh-CN' | 'en';
export const reportLangOf = (language: string): ReportLang => (language === 'en' ? 'en' : 'zh-CN');

export function useIncidents(query: Query) {
  return useQuery({
    queryKey: [ROOT, 'list', query],
    queryFn: ({ signal }) => api.get<Page<IncidentSummary>>('/incidents', query, signal),
    // The board is a shared picture of what is going on: asked again every half minute.
    refetchInterval: 30_000,
  });
}

export function useIncident(id: number | undefined, lang: ReportLang) {
  return useQuery({
    queryKey: [ROOT, 'item', id, lang],
    queryFn: ({ signal }) => api.get<Incident>(`/incidents/${id}`, { lang }, signal),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
    refetchInterval: 15_000,
  });
}

export function useIncidentTemplates() {
  return useQuery({ queryKey: [ROOT, 'templates'], queryFn: ({ signal }) => api.get<Template[]>('/incident-templates', undefined, signal), staleTime: Infinity });
}

/** The report as printable Markdown (what the print view shows and saves). */
export function useReportMarkdown(id: number, lang: ReportLang, enabled: boolean) {
  return useQuery({
    queryKey: [ROOT, 'markdown', id, lang],
    enabled,
    queryFn: async ({ signal }) => {
      // The session cookie carries the session; a refusal is asked again as JSON for its problem details.
      const res = await fetch(`/api/v1/incidents/${id}/report?format=markdown&lang=${lang}`, { credentials: 'same-origin', signal });
      if (!res.ok) await request(`/incidents/${id}/report`, { query: { lang }, signal });
      return res.text();
    },
  });
}

/** Saves the printable report (Markdown) under the API's file name. */
export const downloadReport = (id: number, lang: ReportLang) => download(`/incidents/${id}/report`, { format: 'markdown', lang }, `incident-${id}.md`);

type Write =
  | { op: 'raise'; body: CreateIncident }
  | { op: 'patch'; id: number; body: PatchIncident }
  | { op: 'post'; id: number; body: TimelinePost }
  | { op: 'link'; id: number; alarmIds: number[] }
  | { op: 'item'; id: number; itemId: number; body: ChecklistPatch }
  | { op: 'add-item'; id: number; body: ChecklistAdd }
  | { op: 'transition'; id: number; body: Transition };

function send(w: Write, lang: ReportLang): Promise<Incident> {
  const q = `?lang=${lang}`;
  switch (w.op) {
    case 'raise': return api.post<Incident>(`/incidents${q}`, w.body);
    case 'patch': return api.patch<Incident>(`/incidents/${w.id}${q}`, w.body);
    case 'post': return api.post<Incident>(`/incidents/${w.id}/timeline${q}`, w.body);
    case 'link': return api.post<Incident>(`/incidents/${w.id}/alarms${q}`, { alarmIds: w.alarmIds });
    case 'item': return api.patch<Incident>(`/incidents/${w.id}/checklist/${w.itemId}${q}`, w.body);
    case 'add-item': return api.post<Incident>(`/incidents/${w.id}/checklist${q}`, w.body);
    case 'transition': return api.post<Incident>(`/incidents/${w.id}/transition${q}`, w.body);
  }
}

/** Every incident write: the answer replaces the cached incident; the board and the report ask again. */
export function useIncidentWrite(lang: ReportLang) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: Write) => send(w, lang),
    onSuccess: (saved) => {
      qc.setQueryData([ROOT, 'item', saved.id, lang], saved);
      void qc.invalidateQueries({ queryKey: [ROOT, 'list'] });
      void qc.invalidateQueries({ queryKey: [ROOT, 'markdown', saved.id] });
      invalidateAfterWrite(qc);
    },
  });
}
