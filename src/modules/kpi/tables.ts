/** The KPI module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts; migration 019). */
import type { Generated } from 'kysely';

/** The park's accounting settings: one row, `settings` the JSON of KpiSettings (model.ts). */
export interface KpiSettingsTable {
  id: Generated<number>;
  settings: string;
  updated_by: string;
  updated_at: number;
}

/** What an enterprise states for a period: value added (万元) and production. */
export interface KpiInputsTable {
  id: Generated<number>;
  enterprise_id: number;
  /** NULL: the enterprise as a whole; else one of its unit flow nodes. */
  node_id: number | null;
  /** 'YYYY-MM' or 'YYYY' */
  period: string;
  value_added_10k_cny: number | null;
  production_t: number | null;
  /** The catalogue code of the main product that production_t counts. */
  main_product: string | null;
  note: string | null;
  created_at: number;
  updated_at: number;
}

/** A target for one indicator: the park's (enterprise_id NULL) or an enterprise's. */
export interface KpiTargetsTable {
  id: Generated<number>;
  enterprise_id: number | null;
  /** KPI_KEYS (model.ts) */
  kpi_key: string;
  /** 'absolute' | 'reduction' */
  kind: string;
  value: number | null;
  percent: number | null;
  base_year: number;
  /** NULL: computed from the ledger's base year. */
  base_value: number | null;
  target_year: number;
  note: string | null;
  created_at: number;
  updated_at: number;
}

/** A report made on a schedule: the park's (enterprise_id NULL) or an enterprise's. */
export interface KpiReportSchedulesTable {
  id: Generated<number>;
  enterprise_id: number | null;
  /** KPI_SCOPES */
  scope: string;
  scope_code: string | null;
  /** 'month' | 'year' */
  grain: string;
  /** 'zh-CN' | 'en' */
  language: string;
  enabled: number;
  /** The last period a report was made for. */
  last_period: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A report as it was made: the PDF kept. */
export interface KpiReportsTable {
  id: Generated<number>;
  enterprise_id: number | null;
  scope: string;
  scope_code: string | null;
  period: string;
  language: string;
  schedule_id: number | null;
  pages: number;
  bytes: number;
  pdf: Buffer;
  created_by: string;
  created_at: number;
}

export interface KpiTables {
  kpi_settings: KpiSettingsTable;
  kpi_inputs: KpiInputsTable;
  kpi_targets: KpiTargetsTable;
  kpi_report_schedules: KpiReportSchedulesTable;
  kpi_reports: KpiReportsTable;
}
