/**
 * Which EPCIS events a caller may see, in one place (as `scoped` is for tenant rows). An enterprise
 * sees the events it captured and those that name it as a party (epcis_event_parties), and the
 * events other enterprises share with it; the park operator and regulators see what enterprises
 * share with the park. A share rule (the core's, kind `trace.events`) covers all of the owner's
 * events or only its shipments. Sharing is the core's filter (core/sharing/filter.ts); what is
 * trace's own is the parties: an event is visible to the enterprises it names, and that is never
 * shared onwards (a party's rules share what the party recorded, not what others say of it).
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { AuthContext } from '../../core/roles.ts';
import { sharingFilterKind, visibleTo, type AnyEb } from '../../core/sharing/filter.ts';
import { defineShareKind } from '../../core/sharing/kinds.ts';
import { shareRulesSpec } from '../../core/sharing/rules.ts';
import { sharePolicy } from './policy.ts';

export const TRACE_EVENTS = defineShareKind('trace.events', {
  label: 'events',
  scopes: ['all', 'shipments'],
  description: 'all: every event; shipments: only events that hand material between parties',
});
export const SHARE_SCOPES = TRACE_EVENTS.scopes;

/** The kind of filter `visibleEvents` applies for a caller (part of a compiled query's shape). */
export function visibilityKind(ctx: AuthContext): 'park' | 'enterprise' | 'none' {
  return sharingFilterKind(ctx);
}

/**
 * Restricts a query over `epcis_events` (under the name `table`) to the events `ctx` may see.
 * `enterprise` stands for the caller's enterprise id where a compiled query puts a slot instead.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function visibleEvents<Q extends SelectQueryBuilder<any, any, any>>(query: Q, ctx: AuthContext, table = 'epcis_events', enterprise?: unknown): Q {
  return visibleTo(query, ctx, {
    kind: TRACE_EVENTS,
    // The capturing enterprise: the event's recorder (migration 008), so a rule shares what its owner recorded.
    ownerColumn: `${table}.enterprise_id`,
    scopeMatches: { shipments: (eb: AnyEb) => eb(`${table}.shipment`, '=', 1) },
    alsoVisible: (eb: AnyEb, me: unknown) =>
      eb.exists(eb.selectFrom('epcis_event_parties as p').select(sql.lit(1).as('one')).where('p.enterprise_id', '=', me).whereRef('p.event_pk', '=', `${table}.id`)),
    enterprise,
  });
}

/** Share rules are an enterprise's own records: it decides who sees its events beyond their parties. */
export const traceShareSpec = shareRulesSpec(TRACE_EVENTS, { name: 'trace_share', label: 'Trace share', collection: 'trace-shares', policy: sharePolicy });
