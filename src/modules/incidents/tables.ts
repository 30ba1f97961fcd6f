/** The incidents module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts; migration 017). */
import type { Generated } from 'kysely';

/** A park incident. The park's record: no `enterprise_id`; visibility comes from `incident_enterprises`. */
export interface IncidentsTable {
  id: Generated<number>;
  kind: string;
  /** 1..4: emergency response level I (特别重大) … IV (一般). */
  severity: number;
  title: string;
  description: string;
  state: string;
  lat: number | null;
  lng: number | null;
  /** The checklist template it was raised with (templates.ts). */
  template: string;
  opened_at: number;
  opened_by: string;
  contained_at: number | null;
  closed_at: number | null;
  updated_at: number;
  /** JSON of the edited report; NULL while only the generated draft exists. */
  report: string | null;
  report_frozen_at: number | null;
  report_frozen_by: string | null;
  version: number;
}

/** The enterprises an incident affects: they see it (tenant-owned, so the tenant filter applies). */
export interface IncidentEnterprisesTable {
  incident_id: number;
  enterprise_id: number;
}

export interface IncidentUnitsTable {
  incident_id: number;
  unit_id: number;
  enterprise_id: number;
  /** The unit's code and names when it was named (the incident's record, read by every affected enterprise). */
  code: string;
  name: string;
  name_en: string | null;
}

/** An alarm an incident was raised from or linked to; `snapshot` is JSON of what it said then. */
export interface IncidentAlarmsTable {
  incident_id: number;
  alarm_id: number;
  /** The alarm's enterprise: an affected enterprise sees the links of its own alarms only. */
  enterprise_id: number;
  snapshot: string;
  linked_at: number;
  linked_by: string;
}

/** The append-only timeline (the store refuses UPDATE and DELETE). */
export interface IncidentTimelineTable {
  id: Generated<number>;
  incident_id: number;
  at: number;
  actor_id: number | null;
  actor_name: string;
  actor_enterprise_id: number | null;
  kind: string;
  text: string;
  /** The earlier entry this one corrects. */
  corrects: number | null;
  /** JSON of the entry's facts (a state change's from/to, a checklist item's id and status). */
  data: string | null;
}

export interface IncidentChecklistTable {
  id: Generated<number>;
  incident_id: number;
  position: number;
  template_key: string | null;
  text: string;
  text_en: string | null;
  required: number;
  status: string;
  note: string | null;
  status_by: string | null;
  status_at: number | null;
  added_by: string;
  added_at: number;
}

export interface IncidentTables {
  incidents: IncidentsTable;
  incident_enterprises: IncidentEnterprisesTable;
  incident_units: IncidentUnitsTable;
  incident_alarms: IncidentAlarmsTable;
  incident_timeline: IncidentTimelineTable;
  incident_checklist: IncidentChecklistTable;
}
