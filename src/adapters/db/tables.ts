/**
 * The adapter's own tables (the outbox, job leases), typed for Kysely. Every module declares its
 * tables the same way in its `tables.ts`; `src/database.ts` merges them into the one `Database`.
 * Conventions: `Generated<number>` for ids the database assigns; epoch milliseconds and counts are
 * `number` (pg's BIGINT parser returns numbers, see index.ts); booleans are stored as 0/1 integers
 * on both dialects; JSON is stored as text and parsed by the module.
 */
import type { ColumnType, Generated } from 'kysely';

/**
 * A boolean column: written as 0/1 (valid in both dialects), read back as 0/1 from SQLite and as
 * true/false from PostgreSQL's boolean columns; `isTrue` reads either.
 */
export type BooleanColumn = ColumnType<boolean | number, number, number>;
export const isTrue = (v: boolean | number | null | undefined): boolean => v === true || v === 1;

export interface OutboxTable {
  id: Generated<number>;
  subject: string;
  /** JSON of the payload; src/core/events.ts types it by subject. */
  payload: string;
  created_at: number;
  published_at: number | null;
}

export interface JobLeasesTable {
  job_key: string;
  owner: string | null;
  until: number;
  heartbeat: number;
  token: number;
}

export interface AdapterTables {
  outbox: OutboxTable;
  job_leases: JobLeasesTable;
}
