/** Generic persistence of a resource's table, with the tenant filter applied on every read. */
import { sql } from 'kysely';
import type { Db, Dialect, Tx } from '../../adapters/db/index.ts';
import type { AuthContext } from '../roles.ts';
import { scoped } from '../tenancy.ts';
import type { ResourceSpec } from './spec.ts';

export type Row = Record<string, unknown>;
export type Item = Record<string, unknown> & { id: number };

export interface ListQuery {
  limit: number;
  offset: number;
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  [filter: string]: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export class ResourceStore {
  readonly spec: ResourceSpec;
  private readonly columnOf: Map<string, string>;

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    spec: ResourceSpec,
  ) {
    this.spec = spec;
    this.columnOf = new Map(Object.entries(spec.fields).map(([k, f]) => [k, f.column]));
    this.columnOf.set('id', 'id').set('createdAt', 'created_at').set('updatedAt', 'updated_at');
  }

  /** The owning enterprise of a stored row (for `self` ownership, the row's own id). */
  ownerOf(row: Row): number | null {
    if (this.spec.ownership.kind === 'self') return Number(row.id);
    return row.enterprise_id === null || row.enterprise_id === undefined ? null : Number(row.enterprise_id);
  }

  private scope(ctx: AuthContext) {
    const q = this.db.selectFrom(this.spec.table);
    return scoped(q, ctx, { column: this.spec.ownership.kind === 'self' ? 'id' : 'enterprise_id', sharedWhenNull: this.spec.sharedWhenNull });
  }

  toItem(row: Row): Item {
    const item: Item = { id: Number(row.id) };
    for (const [name, f] of Object.entries(this.spec.fields)) {
      if (this.spec.hidden?.includes(name)) continue;
      const v = row[f.column];
      if (v === null || v === undefined) item[name] = null;
      else if (f.type === 'boolean') item[name] = v === true || v === 1 || v === '1';
      else if (f.type === 'json') item[name] = typeof v === 'string' ? JSON.parse(v) : v;
      else if (f.type === 'integer' || f.type === 'number') item[name] = Number(v);
      else item[name] = v;
    }
    item.createdAt = Number(row.created_at);
    item.updatedAt = Number(row.updated_at);
    return item;
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

  async list(ctx: AuthContext, q: ListQuery): Promise<Page<Item>> {
    let base = this.scope(ctx);
    for (const [alias, name] of Object.entries(this.spec.filterAliases ?? {})) {
      if (q[alias] !== undefined && q[name] === undefined) q = { ...q, [name]: q[alias] };
    }
    for (const name of this.spec.filters) {
      const v = q[name];
      if (v === undefined) continue;
      const f = this.spec.fields[name];
      base = base.where(f.column, '=', f.type === 'boolean' ? (v ? 1 : 0) : v);
    }
    if (q.q) {
      const pattern = `%${escapeLike(q.q)}%`;
      const op = this.dialect === 'postgres' ? sql`ilike` : sql`like`;
      base = base.where((eb) => eb.or(this.spec.search.map((c) => sql<boolean>`${sql.ref(c)} ${op} ${pattern} escape '\\'`)));
    }
    const sortColumn = this.columnOf.get(q.sort ?? 'id') ?? 'id';
    const order = q.order === 'desc' ? 'desc' : 'asc';
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy(sortColumn, order).orderBy('id', order).limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => this.toItem(r)), total: Number(count.n), limit: q.limit, offset: q.offset };
  }

  /** A row the caller may see, or undefined (whether it exists elsewhere is not disclosed). */
  async findVisible(trx: Tx, ctx: AuthContext, id: number): Promise<Row | undefined> {
    const q = scoped(trx.selectFrom(this.spec.table), ctx, {
      column: this.spec.ownership.kind === 'self' ? 'id' : 'enterprise_id',
      sharedWhenNull: this.spec.sharedWhenNull,
    });
    return q.selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(trx: Tx, row: Row): Promise<Row> {
    return trx.insertInto(this.spec.table).values(row).returningAll().executeTakeFirstOrThrow();
  }

  async update(trx: Tx, id: number, row: Row): Promise<Row> {
    return trx.updateTable(this.spec.table).set(row).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  async delete(trx: Tx, id: number): Promise<void> {
    await trx.deleteFrom(this.spec.table).where('id', '=', id).execute();
  }
}
