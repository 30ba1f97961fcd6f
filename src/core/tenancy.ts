/**
 * The tenant filter, in one place. Every read of a tenant-owned table goes through `scoped`, so a
 * query cannot forget it: park roles see every enterprise's rows, an enterprise role sees its own
 * (and, where a table has park-wide rows with no enterprise, those too). Data that owners share
 * with others is read through `visibleTo` (sharing/filter.ts) instead. `tenantDb` is the handle
 * that makes a forgotten filter a type error rather than a test failure, and `moduleDb` the view a
 * service holds, whose reads offer no tenant-owned table without it.
 */
import type { Kysely, QueryExecutorProvider, SelectQueryBuilder, Transaction, TransactionBuilder } from 'kysely';
import { isParkRole, type AuthContext } from './roles.ts';
import { visibleTo, type VisibleToOptions } from './sharing/filter.ts';

export interface ScopeOptions {
  /** The column holding the owning enterprise. */
  column?: string;
  /** Rows with a NULL owner are park-wide and visible to every tenant (e.g. the shipped catalogue). */
  sharedWhenNull?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function scoped<Q extends SelectQueryBuilder<any, any, any>>(query: Q, ctx: AuthContext, opts: ScopeOptions = {}): Q {
  if (isParkRole(ctx.role)) return query;
  const column = opts.column ?? 'enterprise_id';
  if (ctx.enterpriseId === null) {
    // An enterprise role without an enterprise is a broken account: it sees nothing.
    return query.where(column, '=', -1) as Q;
  }
  if (opts.sharedWhenNull) {
    return query.where((eb) => eb.or([eb(column, '=', ctx.enterpriseId), eb(column, 'is', null)])) as Q;
  }
  return query.where(column, '=', ctx.enterpriseId) as Q;
}

/** Whether the caller may see a row owned by `enterpriseId` (null: park-wide). */
export function canSee(ctx: AuthContext, enterpriseId: number | null, sharedWhenNull = false): boolean {
  if (isParkRole(ctx.role)) return true;
  if (enterpriseId === null) return sharedWhenNull;
  return ctx.enterpriseId !== null && ctx.enterpriseId === enterpriseId;
}

/**
 * The tables a tenant owns: those whose rows carry `enterprise_id` (the rule of docs/architecture.md,
 * "Tenancy") and `enterprises` itself, each row its own tenant. Over an untyped database every
 * table counts as tenant-owned, so the handle filters every read.
 */
export type TenantTable<DB> = { [T in keyof DB & string]: T extends 'enterprises' ? T : 'enterprise_id' extends keyof DB[T] ? T : never }[keyof DB & string];
/** The tables no tenant owns (shared reference data, link tables keyed by a tenant-owned row). */
export type UnownedTable<DB> = Exclude<keyof DB & string, TenantTable<DB>>;

/**
 * A service's way to read: a tenant-owned table comes out already filtered for the caller, and the
 * handle has no way to reach one without the filter, so a query that forgets it does not compile.
 * System code that must see every tenant (migrations, workers, the composition root) holds the
 * database itself and says why (`unscoped`).
 */
export interface TenantDb<DB> {
  readonly ctx: AuthContext;
  /** `table` through `scoped()`: the caller's rows (every row for park roles). */
  selectFrom<T extends TenantTable<DB>>(table: T, opts?: ScopeOptions): SelectQueryBuilder<DB, T, object>;
  /** `table` through `visibleTo()`: the caller's rows and those their owners share with it. */
  selectVisible<T extends TenantTable<DB>, S extends string>(table: T, share: VisibleToOptions<S>): SelectQueryBuilder<DB, T, object>;
  /** A table no tenant owns, as it is. */
  selectFromUnowned<T extends UnownedTable<DB>>(table: T): SelectQueryBuilder<DB, T, object>;
}

export function tenantDb<DB>(db: Transaction<DB>, ctx: AuthContext): TenantDb<DB>;
export function tenantDb<DB>(db: Kysely<DB>, ctx: AuthContext): TenantDb<DB>;
export function tenantDb<DB>(db: ModuleDb<DB>, ctx: AuthContext): TenantDb<DB>;
export function tenantDb<DB>(db: Kysely<DB> | ModuleDb<DB>, ctx: AuthContext): TenantDb<DB> {
  // The handle's types are the guarantee; inside, the table is a name like any other.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const raw = wholeOf(db) as unknown as Kysely<any>;
  type Out<T extends keyof DB> = SelectQueryBuilder<DB, T, object>;
  return {
    ctx,
    selectFrom: <T extends TenantTable<DB>>(table: T, opts?: ScopeOptions) => scoped(raw.selectFrom(table), ctx, opts) as unknown as Out<T>,
    selectVisible: <T extends TenantTable<DB>, S extends string>(table: T, share: VisibleToOptions<S>) => visibleTo(raw.selectFrom(table), ctx, share) as unknown as Out<T>,
    selectFromUnowned: <T extends UnownedTable<DB>>(table: T) => raw.selectFrom(table) as unknown as Out<T>,
  };
}

/**
 * The database with no tenant filter, for code that acts for the platform rather than a caller
 * (migrations, workers, start-up). `reason` says at the call site why every tenant's rows may be
 * read; it is required so that the exception is written down where it is made.
 */
export function unscoped<DB>(db: Transaction<DB>, reason: string): Transaction<DB>;
export function unscoped<DB>(db: Kysely<DB>, reason: string): Kysely<DB>;
export function unscoped<DB>(db: ModuleDb<DB>, reason: string): Kysely<DB>;
export function unscoped<DB>(db: Kysely<DB> | ModuleDb<DB>, reason: string): Kysely<DB> {
  if (!reason.trim()) throw new Error('unscoped database access needs a reason');
  return wholeOf(db);
}

/** A database type without its tenant-owned tables: what a module may read with no filter. */
export type WithoutTenantTables<DB> = Omit<DB, TenantTable<DB>>;

const whole = Symbol('the database behind a ModuleDb');

/**
 * A module's database as its services hold it (`moduleDb(tablesOf<TheModuleTables>(db))`). Its
 * `selectFrom` offers only the tables no tenant owns, joins included; a tenant-owned table is read
 * through `tenantDb(db, ctx)` (the caller's rows) or `unscoped(db, reason)` (every tenant's, for
 * work done for the platform), so a read that forgets the filter does not compile. Writes are as
 * on the database, and a transaction sees every table: its reads are the write's own (is the name
 * taken, what did the row hold before), made after the write's policy check.
 */
export interface ModuleDb<DB> extends QueryExecutorProvider {
  readonly selectFrom: Kysely<WithoutTenantTables<DB>>['selectFrom'];
  readonly insertInto: Kysely<DB>['insertInto'];
  readonly updateTable: Kysely<DB>['updateTable'];
  readonly deleteFrom: Kysely<DB>['deleteFrom'];
  transaction(): TransactionBuilder<DB>;
  /** Only `tenantDb` and `unscoped` reach it (the symbol is not exported). */
  readonly [whole]: Kysely<DB>;
}

// One view per database: a service's getter asks for it on every query.
const views = new WeakMap<object, object>();

export function moduleDb<DB>(db: Kysely<DB>): ModuleDb<DB> {
  const known = views.get(db);
  if (known) return known as ModuleDb<DB>;
  const reads = db as unknown as Kysely<WithoutTenantTables<DB>>;
  const view: ModuleDb<DB> = {
    selectFrom: reads.selectFrom.bind(reads),
    insertInto: db.insertInto.bind(db),
    updateTable: db.updateTable.bind(db),
    deleteFrom: db.deleteFrom.bind(db),
    transaction: () => db.transaction(),
    // Raw SQL runs on it as on the database: a raw statement is outside what the types can check.
    getExecutor: () => db.getExecutor(),
    [whole]: db,
  };
  views.set(db, view);
  return view;
}

function wholeOf<DB>(db: Kysely<DB> | ModuleDb<DB>): Kysely<DB> {
  return whole in db ? db[whole] : db;
}
