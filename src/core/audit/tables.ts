/** The audit log's table, typed for Kysely (see src/adapters/db/tables.ts for the conventions). */
export interface AuditLogTable {
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
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
