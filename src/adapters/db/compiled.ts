/**
 * Queries built once and run many times. Building and compiling a Kysely query costs tens of
 * microseconds, as much as running an indexed lookup; a hot path that runs the same query shape
 * thousands of times a second (a genealogy walk asks one query per level) builds it once per shape
 * with marker values, and afterwards only swaps the markers for the values of the call.
 */
import { CompiledQuery, type Compilable } from 'kysely';
import type Database from 'better-sqlite3';
import { sqliteOf, type Db } from './index.ts';

const MARK = '\u0000slot:';

/** A marker for parameter `name` (index `i` for list elements) while a query is built. */
export type Slot = (name: string, i?: number) => string;

interface Shape {
  sql: string;
  /** For each parameter: a literal value, or the slot it takes its value from. */
  params: ({ value: unknown } | { name: string; i: number })[];
  /** SQLite: the shape prepared on the connection itself (see run). */
  stmt?: Database.Statement;
}

export class CompiledQueries {
  private readonly shapes = new Map<string, Shape>();
  private readonly sqlite: Database.Database | undefined;

  constructor(private readonly db: Db) {
    this.sqlite = sqliteOf(db);
  }

  /**
   * Runs the query of shape `key`; `build` is called the first time only, with `slot` markers
   * where values go. `values[name]` is a value, or an array for list slots `slot(name, i)`.
   */
  async run<R>(key: string, build: (slot: Slot) => Compilable<R>, values: Record<string, unknown>): Promise<R[]> {
    let shape = this.shapes.get(key);
    if (!shape) {
      const compiled = build((name, i = -1) => `${MARK}${name}:${i}`).compile();
      shape = {
        sql: compiled.sql,
        params: compiled.parameters.map((p) => {
          if (typeof p !== 'string' || !p.startsWith(MARK)) return { value: p };
          const [name, i] = p.slice(MARK.length).split(':');
          return { name, i: Number(i) };
        }),
      };
      this.shapes.set(key, shape);
    }
    const params = shape.params.map((p) => {
      if ('value' in p) return p.value;
      const v = values[p.name];
      return p.i < 0 ? v : (v as unknown[])[p.i];
    });
    // On SQLite a read goes straight to the connection while no transaction is open on it (better-
    // sqlite3 runs it to completion, so none can begin meanwhile; an open one's writes must not be
    // seen before it commits): Kysely's connection hand-over and row copy cost as much as the read.
    if (this.sqlite && !this.sqlite.inTransaction) {
      shape.stmt ??= this.sqlite.prepare(shape.sql);
      if (shape.stmt.reader) return shape.stmt.all(...params) as R[];
    }
    const result = await this.db.executeQuery<R>(CompiledQuery.raw(shape.sql, params) as CompiledQuery<R>);
    return result.rows;
  }
}

/** The size bucket for an IN list of n values (powers of two), so few shapes exist. */
export function bucket(n: number): number {
  let b = 1;
  while (b < n) b *= 2;
  return b;
}

/** `values` padded to `size` by repeating its last element (IN lists do not mind repeats). */
export function padded<T>(values: T[], size: number): T[] {
  const out = values.slice();
  while (out.length < size) out.push(values[values.length - 1]);
  return out;
}
