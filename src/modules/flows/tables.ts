/** The flow ledger's tables, typed for Kysely (conventions in src/adapters/db/tables.ts; migration 018). */
import type { Generated } from 'kysely';

/** A node of the ledger: a process unit, an enterprise, the park or a boundary (supplier, air, landfill, …). */
export interface FlowNodesTable {
  id: Generated<number>;
  /** NULL: a park-level node (the park, boundary nodes), shared with every tenant. */
  enterprise_id: number | null;
  /** Unique in the park; what CSV rows and the API name a node by. */
  code: string;
  name: string;
  name_en: string | null;
  /** NODE_KINDS (model.ts) */
  kind: string;
  /** BOUNDARY_KINDS for kind 'boundary', else NULL */
  boundary_kind: string | null;
  /** The registry unit of a 'unit' node. */
  unit_id: number | null;
  /** Roll-up: unit → enterprise → park. */
  parent_id: number | null;
  created_at: number;
  updated_at: number;
}

/** A flow of one material or energy carrier from one node to another in one period. */
export interface FlowsTable {
  id: Generated<number>;
  /** Who recorded it; NULL: the park operator. */
  enterprise_id: number | null;
  /** PERIOD_GRAINS: 'day' | 'month' | 'year' */
  grain: string;
  /** '2026', '2026-03' or '2026-03-15' */
  period: string;
  /** The period's bounds in the park's time zone, epoch ms, end exclusive. */
  period_start: number;
  period_end: number;
  from_node_id: number;
  to_node_id: number;
  /** The enterprises of the two ends (NULL for park-level nodes), for "seen by both". */
  from_enterprise_id: number | null;
  to_enterprise_id: number | null;
  material_code: string;
  quantity: number;
  unit: string;
  /** Standard deviation in `unit`; NULL: the basis's default (model.ts). */
  sd: number | null;
  /** FLOW_BASES: measured | calculated | estimated | exact */
  basis: string;
  /** FLOW_SOURCES: manual | csv | telemetry | epcis */
  source: string;
  /** Unique per source: a re-run replaces the row of its key. NULL for manual entries. */
  source_key: string | null;
  import_id: number | null;
  note: string | null;
  entered_by: string;
  created_at: number;
  updated_at: number;
}

/** A node's stock of one material at the start and end of a period (tanks, yards, warehouses). */
export interface FlowStocksTable {
  id: Generated<number>;
  enterprise_id: number | null;
  node_id: number;
  material_code: string;
  grain: string;
  period: string;
  opening: number;
  closing: number;
  unit: string;
  /** Standard deviation of the stock change (closing − opening); NULL: the basis's default. */
  sd: number | null;
  basis: string;
  source: string;
  entered_by: string;
  created_at: number;
  updated_at: number;
}

/** A flow-meter tag whose total over a period is a flow of the ledger. */
export interface FlowMeterLinksTable {
  id: Generated<number>;
  enterprise_id: number;
  tag_id: number;
  from_node_id: number;
  to_node_id: number;
  material_code: string;
  /** 'integral' (a rate tag, integrated over time) | 'counter' (a totaliser's difference) */
  method: string;
  /** The unit of the total. */
  unit: string;
  accuracy_percent: number;
  created_at: number;
  updated_at: number;
}

/** A CSV import of flows: its progress and every rejected row with the reason. */
export interface FlowImportsTable {
  id: Generated<number>;
  enterprise_id: number | null;
  filename: string;
  /** 'running' | 'done' | 'failed' */
  state: string;
  total_rows: number;
  accepted: number;
  rejected: number;
  /** JSON: [{row, reason}] */
  errors: string;
  created_by: string;
  created_at: number;
  finished_at: number | null;
}

export interface FlowTables {
  flow_nodes: FlowNodesTable;
  flows: FlowsTable;
  flow_stocks: FlowStocksTable;
  flow_meter_links: FlowMeterLinksTable;
  flow_imports: FlowImportsTable;
}
