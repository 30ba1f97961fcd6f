import type { Db, Dialect } from '../index.ts';

/**
 * A new table with a generated integer primary key `id`: SQLite's INTEGER PRIMARY KEY
 * AUTOINCREMENT (the rowid) or PostgreSQL's identity column (bigint where a table may grow past
 * two billion rows).
 */
export function tableWithId(db: Db, dialect: Dialect, name: string, pgType: 'integer' | 'bigint' = 'integer') {
  const t = db.schema.createTable(name);
  return dialect === 'sqlite'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : t.addColumn('id', pgType, (c) => c.primaryKey().generatedByDefaultAsIdentity());
}
