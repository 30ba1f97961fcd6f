/**
 * The sharing filter, beside `scoped()` (tenancy.ts): which rows of a kind of shared data a caller
 * may see. The owner sees its rows; an enterprise sees the rows of owners that share the kind with
 * it; park roles see what owners share with the park (and nothing else of that data: the design's
 * rule that the park sees what is shared with it).
 *
 * Provenance (issue 8): `ownerColumn` is the column naming the enterprise that RECORDED the row, and
 * the rule is matched on it alone, so what an owner shares is what it recorded. A record that names
 * another enterprise (a party, a counterparty) is never shared by that enterprise's rules: being
 * named by someone else's claim does not make a record yours to share. A module that lets named
 * parties see a record says so itself (`alsoVisible`), and that never extends to their grantees.
 */
import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { isParkRole, type AuthContext } from '../roles.ts';
import type { ShareKind } from './kinds.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEb = ExpressionBuilder<any, any>;

export interface VisibleToOptions<S extends string = string> {
  kind: ShareKind<string, S>;
  /** The (qualified) column holding the enterprise that recorded the row, e.g. `epcis_events.enterprise_id`. */
  ownerColumn: string;
  /**
   * Scopes that cover only some of an owner's rows, with the condition a row meets to be covered
   * (trace: `shipments` covers only shipment events). A scope not named here covers every row.
   */
  scopeMatches?: Partial<Record<S, (eb: AnyEb) => Expression<SqlBool>>>;
  /**
   * Rows an enterprise sees for a reason of the module's own (trace: the events naming it as a
   * party), given the caller's enterprise. Not applied for park roles, and never shared onwards.
   */
  alsoVisible?: (eb: AnyEb, enterprise: unknown) => Expression<SqlBool>;
  /** The caller's enterprise id, or a compiled query's slot standing for it (adapters/db/compiled.ts). */
  enterprise?: unknown;
}

/** The kind of filter `visibleTo` applies for a caller: the SQL differs only by this (a compiled query's shape key). */
export function sharingFilterKind(ctx: AuthContext): 'park' | 'enterprise' | 'none' {
  return isParkRole(ctx.role) ? 'park' : ctx.enterpriseId === null ? 'none' : 'enterprise';
}

/** A rule of `opts.kind` from the row's owner to `grantee` (null: the park) exists and covers the row. */
function sharedWith<S extends string>(eb: AnyEb, opts: VisibleToOptions<S>, grantee: unknown): Expression<SqlBool> {
  const narrowed = Object.entries(opts.scopeMatches ?? {}) as [S, (eb: AnyEb) => Expression<SqlBool>][];
  for (const [scope] of narrowed) if (!opts.kind.scopes.includes(scope)) throw new Error(`share kind ${opts.kind.name} has no scope "${scope}"`);
  const whole = opts.kind.scopes.filter((s) => !narrowed.some(([n]) => n === s));
  let rule = eb
    .selectFrom('shares as s')
    .select(sql.lit(1).as('one'))
    .where('s.kind', '=', opts.kind.name)
    .whereRef('s.enterprise_id', '=', opts.ownerColumn)
    .where('s.grantee_id', grantee === null ? 'is' : '=', grantee);
  if (narrowed.length) {
    // Scopes are listed, not negated: a stored scope the kind does not declare covers nothing.
    rule = rule.where((e) =>
      e.or([...(whole.length ? [e('s.scope', 'in', whole)] : []), ...narrowed.map(([scope, covers]) => e.and([e('s.scope', '=', scope), covers(e)]))]),
    );
  }
  return eb.exists(rule);
}

/**
 * Restricts `query` to the rows `ctx` may see of a kind of shared data (see the file's comment).
 * `ownerColumn` must be the recorder's column: the filter trusts it to say whose record a row is.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function visibleTo<Q extends SelectQueryBuilder<any, any, any>, S extends string>(query: Q, ctx: AuthContext, opts: VisibleToOptions<S>): Q {
  const kind = sharingFilterKind(ctx);
  if (kind === 'park') return query.where((eb: AnyEb) => sharedWith(eb, opts, null)) as Q;
  // An enterprise role without an enterprise is a broken account: it sees nothing.
  if (kind === 'none') return query.where(sql.lit(false)) as Q;
  const me = opts.enterprise ?? ctx.enterpriseId;
  return query.where((eb: AnyEb) =>
    eb.or([eb(opts.ownerColumn, '=', me), ...(opts.alsoVisible ? [opts.alsoVisible(eb, me)] : []), sharedWith(eb, opts, me)]),
  ) as Q;
}
