/**
 * The core's sharing table, typed for Kysely (conventions in src/adapters/db/tables.ts). One table
 * for every kind of shared data: a module adds a kind (kinds.ts), not a table.
 */
import type { Generated } from 'kysely';

export interface SharesTable {
  id: Generated<number>;
  /** The owner: the enterprise whose records are shared (and who keeps the rule). */
  enterprise_id: number;
  /** The enterprise shared with; NULL: the park (operator and regulators). */
  grantee_id: number | null;
  /** The kind of data, e.g. `trace.events` (a ShareKind's name). */
  kind: string;
  /** One of the kind's declared scopes. */
  scope: string;
  created_at: number;
  updated_at: number;
}

export interface SharingTables {
  shares: SharesTable;
}
