/**
 * The tenant filter, in one place. Every read of a tenant-owned table goes through `scoped`, so a
 * query cannot forget it: park roles see every enterprise's rows, an enterprise role sees its own
 * (and, where a table has park-wide rows with no enterprise, those too).
 */
import type { SelectQueryBuilder } from 'kysely';
import { isParkRole, type AuthContext } from './roles.ts';

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
