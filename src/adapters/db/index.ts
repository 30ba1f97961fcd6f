/**
 * The database adapter: one Kysely instance over SQLite (embedded shape, WAL) or PostgreSQL
 * (server shape). Modules write portable Kysely; where the dialects differ, the branch stays here
 * or in a migration and is kept small.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';
// The tables are typed at the module boundary (TypeBox schemas); inside, Kysely is used untyped so
// that the generic tenant-scoped store can address any table by name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = Transaction<any> | Kysely<any>;

/**
 * A module's typed view of the database: the tables it owns (its `tables.ts`) and those of the core
 * it writes (audit, outbox). A query of another module's table does not compile: modules read each
 * other through services. The handle is the same connection; only the type differs.
 */
export type DbOf<T> = Kysely<T>;
export type TxOf<T> = Transaction<T> | Kysely<T>;
export function tablesOf<T>(db: Db | Tx): Kysely<T> {
  return db as Kysely<T>;
}

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** A printable location without credentials. */
  location: string;
  /** The raw SQLite connection, for the telemetry write path (see telemetry/sqlite-writer.ts). */
  sqlite?: Database.Database;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT and COUNT(*) as strings; every such value here (epoch ms, counts, ids)
// is far below 2^53, so numbers are the honest type.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openDb(url: string): DbHandle {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  return openPostgres(url);
}

function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable against process crashes (the WAL is written before COMMIT
  // returns); only an OS crash or power loss may lose the last transactions.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Indexes keyed by hashes and identifiers take inserts at random places: a page cache of 256 MiB
  // (default 2 MiB; pages are allocated as used) keeps their inner pages in memory as the tables grow
  // to millions of rows, and reads of the rest map the file instead of copying it page by page.
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  connections.set(db, sqlite);
  return { db, dialect: 'sqlite', location: file, sqlite, close: () => db.destroy() };
}

const connections = new WeakMap<Db, Database.Database>();

/**
 * The SQLite connection behind a Kysely instance of openDb, for hot reads that skip Kysely's
 * per-query work (src/adapters/db/compiled.ts). Undefined on PostgreSQL and for transactions.
 */
export function sqliteOf(db: Db | Tx): Database.Database | undefined {
  return connections.get(db as Db);
}

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small query, and
 * the platform runs the same few hundred query shapes over and over. Statements are cached by their
 * SQL text (bounded). Reusing one is safe: better-sqlite3 runs each to completion synchronously.
 */
function withStatementCache(sqlite: Database.Database, max = 500): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        let stmt = cache.get(source);
        if (!stmt) {
          stmt = prepare(source);
          if (cache.size >= max) cache.delete(cache.keys().next().value as string);
          cache.set(source, stmt);
        }
        return stmt;
      };
    },
  });
}

/** Like libpq, a URL without a user connects as the operating-system user. */
function withDefaultUser(url: string): string {
  const u = new URL(url);
  if (!u.username) u.username = process.env.PGUSER ?? os.userInfo().username;
  return u.toString();
}

function openPostgres(url: string): DbHandle {
  const pool = new pg.Pool({ connectionString: withDefaultUser(url), max: 10 });
  // A pool error on an idle client (server restart) must not crash the process; the next query
  // reconnects or fails with its own error.
  pool.on('error', () => {});
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return { db, dialect: 'postgres', location: `${u.host}${u.pathname}`, close: () => db.destroy() };
}

/** True when the error is a violated unique constraint, in either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True when the error is a violated foreign key, in either dialect. */
export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Creates a PostgreSQL database if it does not exist (used by tests and `symbiont migrate`). */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const u = new URL(withDefaultUser(url));
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name "${name}"`);
  const admin = new URL(u);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (r.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/** A list of strings stored as JSON text (or a json column): empty when absent or unreadable. */
export function stringListColumn(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  try {
    const list = typeof v === 'string' ? JSON.parse(v) : v;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export { sql };
