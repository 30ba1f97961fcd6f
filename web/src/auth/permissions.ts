/**
 * What the caller may do, as the API says (`GET /api/v1/auth/me` → `abilities`, from the modules'
 * policies), so that the console hides what would be refused without keeping its own copy of the
 * rules. The backend enforces them regardless.
 */
import type { paths } from '../api/schema';

/** The answer of `GET /api/v1/auth/me`: the user, what they may do, the roles they may give. */
export type Me = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];
export type Abilities = Me['abilities'];
/** `any`: records of any enterprise; `own`: records of the caller's enterprise; `none`. */
export type Ability = 'any' | 'own' | 'none';

/** Every subject the console asks about, with its actions (the `<subject>.<action>` keys of `abilities`). */
export interface Actions {
  park: 'update' | 'readAllowlist' | 'recordCompanyPrefixes';
  enterprise: 'create' | 'update' | 'delete';
  site: 'create' | 'update' | 'delete';
  unit: 'create' | 'update' | 'delete';
  material: 'create' | 'update' | 'delete';
  device: 'create' | 'update' | 'delete';
  tag: 'create' | 'update' | 'delete';
  user: 'create' | 'update' | 'delete';
  trace_share: 'create' | 'update' | 'delete';
  identifier: 'create' | 'update';
  epcis_event: 'capture';
  epcis_query: 'create' | 'update' | 'delete';
  audit: 'read' | 'verify';
  alarm_rule: 'create' | 'update' | 'delete';
  alarm: 'acknowledge' | 'shelve' | 'unshelve' | 'comment';
  alarm_share: 'create' | 'update' | 'delete';
  alarm_webhook: 'create' | 'update' | 'delete' | 'rotate' | 'retry' | 'test';
  incident: 'raise' | 'update' | 'transition' | 'post';
  flow: 'create' | 'update' | 'delete';
  flow_node: 'create' | 'update' | 'delete';
  flow_share: 'create' | 'update' | 'delete';
  kpi_settings: 'update';
  kpi_input: 'create' | 'update' | 'delete';
  kpi_target: 'create' | 'update' | 'delete';
  kpi_report: 'create' | 'delete';
  kpi_report_schedule: 'create' | 'update' | 'delete';
  exchange_listing: 'create' | 'update' | 'delete';
  waste_licence: 'create' | 'update' | 'delete';
  exchange_substitution: 'create' | 'update' | 'delete';
  exchange_distance: 'create' | 'update' | 'delete';
  exchange_settings: 'update';
  exchange_deal: 'propose' | 'act' | 'record';
  manifest: 'create' | 'sign';
  manifest_settings: 'update';
}
export type Subject = keyof Actions;
/** Subjects kept as generic collections (create, update, delete): what ResourcePage shows. */
export type Resource = 'enterprise' | 'site' | 'unit' | 'material' | 'device' | 'tag' | 'user' | 'trace_share' | 'alarm_rule' | 'alarm_share' | 'alarm_webhook' | 'flow' | 'flow_node' | 'flow_share' | 'kpi_input' | 'kpi_target' | 'kpi_report_schedule' | 'exchange_listing' | 'waste_licence' | 'exchange_substitution' | 'exchange_distance';

/** A record as far as ownership goes: an enterprise is its own owner; others name theirs. */
export interface Owned {
  id?: number;
  enterpriseId?: number | null;
}

/** The owning enterprise of a row (null: a park-wide record); undefined without a row. */
export function ownerOf(subject: Subject, row: Owned | undefined): number | null | undefined {
  if (!row) return undefined;
  return subject === 'enterprise' ? (row.id ?? null) : (row.enterpriseId ?? null);
}

/** The ability the API reported for an action; an action it did not name is not allowed. */
export function abilityIn(abilities: Abilities | undefined, subject: Subject, action: string): Ability {
  const a = abilities?.[`${subject}.${action}`];
  return a === 'any' || a === 'own' ? a : 'none';
}

/**
 * Whether an ability allows acting on a record owned by `owner` — the console's reading of the
 * backend's `allows` (src/core/policy.ts): with no record, whether the caller may act on some.
 */
export function allowedBy(ability: Ability, userEnterpriseId: number | null, owner: number | null | undefined): boolean {
  if (ability === 'any') return true;
  if (ability === 'none') return false;
  return owner === undefined || (owner !== null && owner === userEnterpriseId);
}

/** The question pages ask: may the caller do `action` to `subject` (to this row, if given)? */
export type Can = <S extends Subject>(action: Actions[S], subject: S, row?: Owned) => boolean;

export function canWith(abilities: Abilities | undefined, userEnterpriseId: number | null): Can {
  return (action, subject, row) => allowedBy(abilityIn(abilities, subject, action), userEnterpriseId, ownerOf(subject, row));
}
