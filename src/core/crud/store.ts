/**
 * Generic persistence of a resource's table, with the tenant filter applied on every read. The list
 * query is the registry's hot path: its SQL is built once per shape (which filters, search, sort,
 * the caller's scope) and rows are mapped to items by a function generated once per spec. On SQLite
 * the page is read as arrays, not objects: better-sqlite3 spends most of a 50-row read naming each
 * value of each row.
 */
import { CompiledQuery, sql, type Compilable } from 'kysely';
import type Database from 'better-sqlite3';
import type { Db, Dialect, Tx } from '../../adapters/db/index.ts';
import type { Slot } from '../../adapters/db/compiled.ts';
import type { AuthContext } from '../roles.ts';
import { tenantDb } from '../tenancy.ts';
import type { AnyItem, ItemOf, ListQuery, ListQueryOf, Page, ResourceSpec } from './spec.ts';

export type { ListQuery, Page } from './spec.ts';
export type Row = Record<string, unknown>;
/** An item of a resource whose fields are not known here; `ItemOf<typeof spec>` when they are. */
export type Item = AnyItem;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * The row → item mapping of a spec as one generated function: the same work as a loop over the
 * fields, without the loop, the lookups or the hidden-field check per row and field, and every item
 * of a spec gets one object shape. Names and columns are embedded as JSON string literals.
 */
function compileToItem<S extends ResourceSpec, R = Row>(spec: S, at: (column: string) => string = (c) => `[${JSON.stringify(c)}]`): (row: R) => ItemOf<S> {
  const lit = JSON.stringify;
  const parts = [`id: Number(r${at('id')})`];
  for (const [name, f] of Object.entries(spec.fields)) {
    if (spec.hidden?.includes(name)) continue;
    const v = `r${at(f.column)}`;
    let expr: string;
    if (f.type === 'boolean') expr = `(${v} === null || ${v} === undefined ? null : ${v} === true || ${v} === 1 || ${v} === '1')`;
    else if (f.type === 'json') expr = `(${v} === null || ${v} === undefined ? null : typeof ${v} === 'string' ? JSON.parse(${v}) : ${v})`;
    else if (f.type === 'integer' || f.type === 'number') expr = `(${v} === null || ${v} === undefined ? null : Number(${v}))`;
    else expr = `(${v} === undefined ? null : ${v})`;
    parts.push(`${lit(name)}: ${expr}`);
  }
  parts.push(`createdAt: Number(r${at('created_at')})`, `updatedAt: Number(r${at('updated_at')})`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('r', `return { ${parts.join(', ')} };`) as (row: R) => ItemOf<S>;
}

const MARK = '\u0000slot:';

/** A query shape built once (as in adapters/db/compiled.ts): its SQL and where each parameter comes from. */
interface Shape {
  sql: string;
  params: ({ value: unknown } | { slot: string })[];
  /** SQLite: the statement reading rows as arrays, and the mapper by column position. */
  stmt?: Database.Statement;
  toItem?: (row: unknown[]) => unknown;
}

export class ResourceStore<S extends ResourceSpec = ResourceSpec> {
  readonly spec: S;
  private readonly columnOf: Map<string, string>;
  private readonly shapes = new Map<string, Shape>();
  /** A stored row as clients see it (hidden fields left out, booleans and JSON decoded). */
  readonly toItem: (row: Row) => ItemOf<S>;

  /** `sqlite`: the store's SQLite connection (the one Kysely uses), for reading pages as arrays. */
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    spec: S,
    private readonly sqlite?: Database.Database,
  ) {
    this.spec = spec;
    this.columnOf = new Map(Object.entries(spec.fields).map(([k, f]) => [k, f.column]));
    this.columnOf.set('id', 'id').set('createdAt', 'created_at').set('updatedAt', 'updated_at');
    this.toItem = compileToItem(spec);
  }

  private shape(key: string, build: (slot: Slot) => Compilable<unknown>): Shape {
    let shape = this.shapes.get(key);
    if (!shape) {
      const compiled = build((name) => MARK + name).compile();
      shape = {
        sql: compiled.sql,
        params: compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? { slot: p.slice(MARK.length) } : { value: p })),
      };
      this.shapes.set(key, shape);
    }
    return shape;
  }

  private static paramsOf(shape: Shape, values: Record<string, unknown>): unknown[] {
    return shape.params.map((p) => ('slot' in p ? values[p.slot] : p.value));
  }

  /** The items of a page query. */
  private async readItems(shape: Shape, values: Record<string, unknown>): Promise<ItemOf<S>[]> {
    const params = ResourceStore.paramsOf(shape, values);
    // Straight from the connection only while no transaction is open on it (better-sqlite3 runs
    // synchronously, so none can begin meanwhile): a transaction's writes are not seen before it
    // commits. Otherwise through Kysely, which waits for the connection.
    if (this.sqlite && !this.sqlite.inTransaction) {
      if (!shape.stmt) {
        const stmt = this.sqlite.prepare(shape.sql).raw(true);
        const index = new Map(stmt.columns().map((c, i) => [c.name, i]));
        shape.toItem = compileToItem<S, unknown[]>(this.spec, (column) => `[${index.get(column) ?? -1}]`);
        shape.stmt = stmt;
      }
      const rows = shape.stmt.all(...params) as unknown[][];
      const items = new Array<ItemOf<S>>(rows.length);
      for (let i = 0; i < rows.length; i++) items[i] = shape.toItem!(rows[i]) as ItemOf<S>;
      return items;
    }
    const { rows } = await this.db.executeQuery<Row>(CompiledQuery.raw(shape.sql, params) as CompiledQuery<Row>);
    const items = new Array<ItemOf<S>>(rows.length);
    for (let i = 0; i < rows.length; i++) items[i] = this.toItem(rows[i]);
    return items;
  }

  private async count(shape: Shape, values: Record<string, unknown>): Promise<number> {
    const params = ResourceStore.paramsOf(shape, values);
    if (this.sqlite && !this.sqlite.inTransaction) {
      shape.stmt ??= this.sqlite.prepare(shape.sql).pluck(true);
      return Number(shape.stmt.get(...params));
    }
    const { rows } = await this.db.executeQuery<{ n: unknown }>(CompiledQuery.raw(shape.sql, params) as CompiledQuery<{ n: unknown }>);
    return Number(rows[0].n);
  }

  /** The owning enterprise of a stored row (for `self` ownership, the row's own id). */
  ownerOf(row: Row): number | null {
    if (this.spec.ownership.kind === 'self') return Number(row.id);
    return row.enterprise_id === null || row.enterprise_id === undefined ? null : Number(row.enterprise_id);
  }

  /**
   * The caller's scope of a query being built once for many calls: `scoped()` (the one tenant filter)
   * is given the caller with a slot for its enterprise, so the shape holds for every caller of the
   * same role whose enterprise is set, or unset (the shape key says which).
   */
  private scopeShape(slot: Slot, ctx: AuthContext) {
    const enterpriseId = ctx.enterpriseId === null ? null : (slot('tenant') as unknown as number);
    return this.visibleRows(this.db, { ...ctx, enterpriseId });
  }

  /** The spec's table as `ctx` may read it: through the tenant filter, restricted to the spec's fixed columns. */
  private visibleRows(db: Tx, ctx: AuthContext) {
    let q = tenantDb(db, ctx).selectFrom(this.spec.table, { column: this.spec.ownership.kind === 'self' ? 'id' : 'enterprise_id', sharedWhenNull: this.spec.sharedWhenNull });
    for (const [column, value] of Object.entries(this.spec.fixed ?? {})) q = q.where(column, '=', value);
    return q;
  }

  /** Maps item fields to columns; booleans become 0/1 and JSON becomes text, valid in both dialects. */
  toRow(values: Record<string, unknown>): Row {
    const row: Row = {};
    for (const [name, v] of Object.entries(values)) {
      const f = this.spec.fields[name];
      if (!f) continue;
      if (v === undefined) continue;
      if (v === null) row[f.column] = null;
      else if (f.type === 'boolean') row[f.column] = v ? 1 : 0;
      else if (f.type === 'json') row[f.column] = JSON.stringify(v);
      else row[f.column] = v;
    }
    return row;
  }

  async list(ctx: AuthContext, query: ListQuery | ListQueryOf<S>): Promise<Page<ItemOf<S>>> {
    const q = query as ListQuery;
    const values: Record<string, unknown> = { tenant: ctx.enterpriseId, limit: q.limit, offset: q.offset };
    // The shape: who asks (role, with or without an enterprise), which filters, search, sort, order.
    let key = `${ctx.role}:${ctx.enterpriseId === null ? 'none' : 'tenant'}`;
    const filters: string[] = [];
    for (const name of this.spec.filters) {
      let v = q[name];
      if (v === undefined) {
        const alias = this.aliasOf(name);
        if (alias !== undefined) v = q[alias];
      }
      if (v === undefined) continue;
      filters.push(name);
      values[`f.${name}`] = this.spec.fields[name].type === 'boolean' ? (v ? 1 : 0) : v;
    }
    key += `|${filters.join(',')}`;
    if (q.q) {
      values.pattern = `%${escapeLike(q.q)}%`;
      key += '|q';
    }
    const sortColumn = this.columnOf.get(q.sort ?? 'id') ?? 'id';
    const order = q.order === 'desc' ? 'desc' : 'asc';
    const build = (slot: Slot) => {
      let base = this.scopeShape(slot, ctx);
      for (const name of filters) base = base.where(this.spec.fields[name].column, '=', slot(`f.${name}`));
      if (q.q) {
        const op = this.dialect === 'postgres' ? sql`ilike` : sql`like`;
        const pattern = slot('pattern');
        base = base.where((eb) => eb.or(this.spec.search.map((c) => sql<boolean>`${sql.ref(c)} ${op} ${pattern} escape '\\'`)));
      }
      return base;
    };
    const page = this.shape(`${key}|${sortColumn}|${order}`, (slot) =>
      build(slot).selectAll().orderBy(sortColumn, order).orderBy('id', order).limit(slot('limit') as unknown as number).offset(slot('offset') as unknown as number),
    );
    const items = await this.readItems(page, values);
    // A short page tells its total without counting: nothing lies beyond it.
    const total =
      items.length < q.limit && (items.length > 0 || q.offset === 0)
        ? q.offset + items.length
        : await this.count(this.shape(`${key}|count`, (slot) => build(slot).select((eb) => eb.fn.countAll().as('n'))), values);
    return { items, total, limit: q.limit, offset: q.offset };
  }

  private aliasOf(name: string): string | undefined {
    for (const [alias, target] of Object.entries(this.spec.filterAliases ?? {})) if (target === name) return alias;
    return undefined;
  }

  /** A row the caller may see, or undefined (whether it exists elsewhere is not disclosed). */
  async findVisible(trx: Tx, ctx: AuthContext, id: number): Promise<Row | undefined> {
    return this.visibleRows(trx, ctx).selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(trx: Tx, row: Row): Promise<Row> {
    return trx.insertInto(this.spec.table).values({ ...row, ...this.spec.fixed }).returningAll().executeTakeFirstOrThrow();
  }

  async update(trx: Tx, id: number, row: Row): Promise<Row> {
    return trx.updateTable(this.spec.table).set(row).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  async delete(trx: Tx, id: number): Promise<void> {
    await trx.deleteFrom(this.spec.table).where('id', '=', id).execute();
  }
}
