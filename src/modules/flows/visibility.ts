/**
 * Which flows and stocks a caller may see, in one place (as `scoped` is for tenant rows). An
 * enterprise sees the flows it recorded, every flow with an end at one of its nodes (a flow between
 * two enterprises is seen by both: `from_enterprise_id`, `to_enterprise_id`), and the flows other
 * enterprises share with it; the park operator and regulators see the flows the park recorded
 * (enterprise_id NULL) and what enterprises share with the park. A share rule (kind `flows.flows`)
 * covers all of the owner's flows or only its exchanges (flows whose two ends are different
 * enterprises). Being an end of a flow is the ledger's own reason to see it and is never shared
 * onwards: a rule shares what its owner recorded (the provenance rule, docs/architecture.md).
 */
import type { SelectQueryBuilder } from 'kysely';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { visibleTo, type AnyEb, type VisibleToOptions } from '../../core/sharing/filter.ts';
import { defineShareKind } from '../../core/sharing/kinds.ts';
import { shareRulesSpec } from '../../core/sharing/rules.ts';
import { flowSharePolicy } from './policy.ts';

export const FLOW_SHARES = defineShareKind('flows.flows', {
  label: 'flows',
  scopes: ['all', 'exchanges'],
  description: 'all: every flow and stock the enterprise recorded; exchanges: only flows between two different enterprises',
});
type FlowShareScope = (typeof FLOW_SHARES.scopes)[number];

/** Flows whose two ends are different enterprises (a park-level end is not an enterprise). */
const isExchange = (table: string) => (eb: AnyEb) =>
  eb.and([eb(`${table}.from_enterprise_id`, 'is not', null), eb(`${table}.to_enterprise_id`, 'is not', null), eb(`${table}.from_enterprise_id`, '!=', eb.ref(`${table}.to_enterprise_id`))]);

/** Restricts a query over `flows` (under the name `table`) to the flows `ctx` may see. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function visibleFlows<Q extends SelectQueryBuilder<any, any, any>>(query: Q, ctx: AuthContext, table = 'flows'): Q {
  const share = (t: string): VisibleToOptions<FlowShareScope> => ({ kind: FLOW_SHARES, ownerColumn: `${t}.enterprise_id`, scopeMatches: { exchanges: isExchange(t) } });
  if (isParkRole(ctx.role)) return query.where((eb: AnyEb) => parkSees(eb, ctx, table, 'flows', share)) as Q;
  return visibleTo(query, ctx, {
    ...share(table),
    alsoVisible: (eb: AnyEb, me: unknown) => eb.or([eb(`${table}.from_enterprise_id`, '=', me), eb(`${table}.to_enterprise_id`, '=', me)]),
  });
}

/**
 * Restricts a query over `flow_stocks` (as `table`) to the stocks `ctx` may see: the recorder's,
 * those at the caller's nodes, the park's own for park roles, and those shared under the `all`
 * scope (a stock is no exchange, so `exchanges` does not cover it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function visibleStocks<Q extends SelectQueryBuilder<any, any, any>>(query: Q, ctx: AuthContext, table = 'flow_stocks'): Q {
  const share = (t: string): VisibleToOptions<FlowShareScope> => ({ kind: FLOW_SHARES, ownerColumn: `${t}.enterprise_id`, scopeMatches: { exchanges: (eb: AnyEb) => eb.lit(false) } });
  if (isParkRole(ctx.role)) return query.where((eb: AnyEb) => parkSees(eb, ctx, table, 'flow_stocks', share)) as Q;
  return visibleTo(query, ctx, {
    ...share(table),
    alsoVisible: (eb: AnyEb, me: unknown) => eb.exists(eb.selectFrom('flow_nodes as stock_node').select('stock_node.id').whereRef('stock_node.id', '=', `${table}.node_id`).where('stock_node.enterprise_id', '=', me)),
  });
}

/**
 * What a park role sees of a ledger table: the park's own rows (no recorder) and what is shared
 * with the park. The share condition is the core filter's, applied to the same row (correlated by
 * id), so the rule stays written once and costs one primary-key probe per row.
 */
function parkSees(eb: AnyEb, ctx: AuthContext, table: string, base: 'flows' | 'flow_stocks', share: (t: string) => VisibleToOptions<FlowShareScope>) {
  const same = visibleTo(eb.selectFrom(`${base} as shared_row`).select('shared_row.id').whereRef('shared_row.id', '=', `${table}.id`), ctx, share('shared_row'));
  return eb.or([eb(`${table}.enterprise_id`, 'is', null), eb.exists(same)]);
}

/** Share rules are an enterprise's own records: it decides who sees its flows beyond their ends. */
export const flowShareSpec = shareRulesSpec(FLOW_SHARES, { name: 'flow_share', label: 'Flow share', collection: 'flow-shares', policy: flowSharePolicy });
