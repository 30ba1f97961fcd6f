/** The auth module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts). */
import type { Generated } from 'kysely';
import type { BooleanColumn } from '../../adapters/db/tables.ts';
import type { Role } from '../../core/roles.ts';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** argon2id (secrets.ts); never returned. */
  password_hash: string;
  role: Role;
  /** NULL for a park role. */
  enterprise_id: number | null;
  locale: string;
  disabled: BooleanColumn;
  last_login_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A log-in: the SHA-256 of its token, never the token. */
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 of the key, never the key. */
  key_hash: string;
  /** The first characters of the key, to recognise it. */
  prefix: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
}

export interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
}
