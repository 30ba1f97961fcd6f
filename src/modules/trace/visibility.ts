/**
 * Which EPCIS events a caller may see, in one place (as `scoped` is for tenant rows). An enterprise
 * sees the events it captured and those that name it as a party (epcis_event_parties), and the
 * events other enterprises share with it; the park operator and regulators see what enterprises
 * share with the park. A share rule covers all of the owner's events or only its shipments.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { ENTERPRISE_FIELD, type ResourceSpec } from '../../core/crud/spec.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { sharePolicy } from './policy.ts';

export const SHARE_SCOPES = ['all', 'shipments'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Eb = ExpressionBuilder<any, any>;

/** The kind of filter `visibleEvents` applies for a caller (part of a compiled query's shape). */
export function visibilityKind(ctx: AuthContext): 'park' | 'enterprise' | 'none' {
  return isParkRole(ctx.role) ? 'park' : ctx.enterpriseId === null ? 'none' : 'enterprise';
}

/**
 * Restricts a query over `epcis_events` (under the name `table`) to the events `ctx` may see.
 * `enterprise` stands for the caller's enterprise id where a compiled query puts a slot instead.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function visibleEvents<Q extends SelectQueryBuilder<any, any, any>>(query: Q, ctx: AuthContext, table = 'epcis_events', enterprise?: unknown): Q {
  const sharedWith = (eb: Eb, grantee: unknown) =>
    eb.exists(
      eb
        .selectFrom('trace_shares as s')
        .select(sql.lit(1).as('one'))
        .whereRef('s.enterprise_id', '=', `${table}.enterprise_id`)
        .where('s.grantee_id', grantee === null ? 'is' : '=', grantee)
        .where((e) => e.or([e('s.scope', '=', 'all'), e(`${table}.shipment`, '=', 1)])),
    );
  if (isParkRole(ctx.role)) return query.where((eb: Eb) => sharedWith(eb, null)) as Q;
  // An enterprise role without an enterprise is a broken account: it sees nothing.
  if (ctx.enterpriseId === null) return query.where(sql.lit(false)) as Q;
  const me = enterprise ?? ctx.enterpriseId;
  return query.where((eb: Eb) =>
    eb.or([
      eb(`${table}.enterprise_id`, '=', me),
      eb.exists(eb.selectFrom('epcis_event_parties as p').select(sql.lit(1).as('one')).where('p.enterprise_id', '=', me).whereRef('p.event_pk', '=', `${table}.id`)),
      sharedWith(eb, me),
    ]),
  ) as Q;
}

/** Share rules are an enterprise's own records: it decides who sees its events beyond their parties. */
export const traceShareSpec: ResourceSpec = {
  name: 'trace_share',
  label: 'Trace share',
  table: 'trace_shares',
  collection: 'trace-shares',
  ownership: { kind: 'direct' },
  fields: {
    enterpriseId: ENTERPRISE_FIELD,
    granteeId: { column: 'grantee_id', type: 'integer', nullable: true, immutable: true, description: 'the enterprise shared with; null: the park (operator and regulators)' },
    scope: { column: 'scope', type: 'string', enum: SHARE_SCOPES, required: true, description: 'all: every event; shipments: only events that hand material between parties' },
  },
  references: [{ field: 'granteeId', table: 'enterprises', label: 'Enterprise', anyTenant: true }],
  policy: sharePolicy,
  search: [],
  filters: ['enterpriseId', 'granteeId', 'scope'],
  validate: (r) => (r.granteeId !== null && r.granteeId === r.enterpriseId ? [{ path: '/body/granteeId', message: 'an enterprise always sees its own events' }] : []),
};
