/** The audit log's table, typed for Kysely (see src/adapters/db/tables.ts for the conventions). */
export interface AuditLogTable {
  /** Assigned by the writer (it is hashed): PostgreSQL's sequence `audit_log_seq`, SQLite's max + 1. */
  seq: number;
  ts: number;
  actor_id: number | null;
  actor_name: string;
  enterprise_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON of the record before and after the change. */
  before: string | null;
  after: string | null;
  /** The record's chain (src/core/audit/model.ts: enterprise id, 0 the park's, -1 the legacy chain). */
  chain: number;
  /** Its position in the chain, from 1; unique with `chain`. */
  chain_pos: number;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
