/** The identity module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts). */
import type { Generated } from 'kysely';
import type { BooleanColumn } from '../../adapters/db/tables.ts';
import type { IdentifierKind } from './model.ts';

export interface IdentifiersTable {
  id: Generated<number>;
  enterprise_id: number;
  prefix: string;
  suffix: string;
  kind: IdentifierKind;
  gtin: string | null;
  lot: string | null;
  serial: string | null;
  material_id: number | null;
  /** The canonical GS1 key it holds (unique); NULL without a GTIN or when another holds it (migration 009). */
  gs1_key: string | null;
  created_at: number;
  updated_at: number;
}

/** Typed values of an identifier, in the Handle sense: one per index. */
export interface IdentifierValuesTable {
  identifier_id: number;
  idx: number;
  type: string;
  data: string;
  ttl: number;
  ts: number;
  public_read: BooleanColumn;
}

export interface IdentityTables {
  identifiers: IdentifiersTable;
  identifier_values: IdentifierValuesTable;
}
