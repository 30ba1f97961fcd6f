/**
 * Which alarms a caller may see, in one place. An enterprise sees its own alarms and those other
 * enterprises share with it (kind `alarms.alarms`). The park (its operator and regulators) sees an
 * enterprise's emission, safety and compliance alarms by default (PARK_DEFAULT_CATEGORIES), without a
 * rule — environmental monitoring, emergency response and the oversight of hazardous-waste manifests
 * need them whether or not anyone remembered to share — and the alarms of the
 * rules a park role wrote (the park's own watch on a tag whose readings it reads anyway); the
 * enterprise's rule for the park changes the default: `none` withdraws even those, `all` widens to every alarm,
 * `emission_safety` (named before compliance joined the default) says the default out loud. A partner sees only what a rule grants it.
 *
 * The core's `visibleTo` gives the park only what a rule grants, so the park's branch is written
 * here; the enterprise branch is `visibleTo` itself.
 */
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { AuthContext } from '../../core/roles.ts';
import { sharingFilterKind, visibleTo, type AnyEb } from '../../core/sharing/filter.ts';
import { defineShareKind } from '../../core/sharing/kinds.ts';
import { shareRulesSpec } from '../../core/sharing/rules.ts';
import { alarmSharePolicy } from './policy.ts';
import { PARK_DEFAULT_CATEGORIES } from './rule-model.ts';

export const ALARM_SHARES = defineShareKind('alarms.alarms', {
  label: 'alarms',
  scopes: ['all', 'emission_safety', 'none'],
  description: 'all: every alarm; emission_safety: the park default categories only, emission, safety and compliance (what the park sees without a rule); none: nothing (for the park: withdraws its default)',
});

/**
 * Restricts a query over `alarms` (under the name `table`) to the alarms `ctx` may see.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function visibleAlarms<Q extends SelectQueryBuilder<any, any, any>>(query: Q, ctx: AuthContext, table = 'alarms'): Q {
  const owner = `${table}.enterprise_id`;
  const defaultCategories = (eb: AnyEb) => eb(`${table}.category`, 'in', [...PARK_DEFAULT_CATEGORIES]);
  const scopeMatches = { emission_safety: defaultCategories, none: () => sql<SqlBool>`1 = 0` };
  if (sharingFilterKind(ctx) !== 'park') return visibleTo(query, ctx, { kind: ALARM_SHARES, ownerColumn: owner, scopeMatches });
  return query.where((eb: AnyEb) => {
    const parkRule = (e: AnyEb) => e.selectFrom('shares as s').select(sql.lit(1).as('one')).where('s.kind', '=', ALARM_SHARES.name).where('s.grantee_id', 'is', null).whereRef('s.enterprise_id', '=', owner);
    const covered: Expression<SqlBool> = eb.exists(
      parkRule(eb).where((e: AnyEb) => e.or([e('s.scope', '=', 'all'), e.and([e('s.scope', '=', 'emission_safety'), defaultCategories(e)])])),
    );
    // The park's own rules (written by a park role) are its watch on the tag: their alarms are the
    // park's to see, as the readings they judge already are.
    const parksOwn = eb.exists(
      eb.selectFrom('alarm_rules as r').select(sql.lit(1).as('one')).whereRef('r.id', '=', `${table}.rule_id`).where('r.by_park', '=', sql.lit(true)),
    );
    return eb.or([covered, parksOwn, eb.and([defaultCategories(eb), eb.not(eb.exists(parkRule(eb)))])]);
  }) as Q;
}

/** Share rules are an enterprise's own records: its administrators decide who sees its alarms. */
export const alarmShareSpec = shareRulesSpec(ALARM_SHARES, { name: 'alarm_share', label: 'Alarm share', collection: 'alarm-shares', policy: alarmSharePolicy });
