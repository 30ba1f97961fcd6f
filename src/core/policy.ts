/**
 * Who may do what to which record, declared once per module (`<module>/policy.ts`) on this small
 * core, and used by routes, services and — through the abilities the API reports — the console.
 *
 * A rule is data, not code: the roles that may act on any enterprise's records (`any`) and the
 * enterprise roles that may act on their own enterprise's records (`own`). Being data, a rule can be
 * sent to the console as it is (`abilities`), so the console asks the API what the caller may do
 * instead of keeping its own copy of the table. Whether a record can be seen at all is the tenant
 * filter's and the sharing filter's business (tenancy.ts, sharing/); a policy decides what a caller
 * who sees it may do with it.
 */
import { forbidden } from './errors.ts';
import type { AuthContext, Role } from './roles.ts';

export interface Rule {
  /** Roles that may act on a record of any enterprise (and on park-wide records). */
  readonly any?: readonly Role[];
  /** Roles that may act on the records of their own enterprise. */
  readonly own?: readonly Role[];
}

/** What a caller may do with one action: to any record, to its own enterprise's, or not at all. */
export type Ability = 'any' | 'own' | 'none';

export function abilityOf(rule: Rule, ctx: AuthContext): Ability {
  if (rule.any?.includes(ctx.role)) return 'any';
  if (ctx.enterpriseId !== null && rule.own?.includes(ctx.role)) return 'own';
  return 'none';
}

/**
 * Whether `ctx` may act on a record owned by `owner` (null: a park-wide record), or — with `owner`
 * undefined — whether it may act on some record at all (e.g. to show a "create" button).
 */
export function allows(rule: Rule, ctx: AuthContext, owner?: number | null): boolean {
  const ability = abilityOf(rule, ctx);
  if (ability === 'any') return true;
  if (ability === 'none') return false;
  return owner === undefined || (owner !== null && owner === ctx.enterpriseId);
}

export interface Policy<A extends string = string> {
  /** The kind of record, e.g. `device`: abilities are reported as `<subject>.<action>`. */
  readonly subject: string;
  /** A label for messages, e.g. `devices`. */
  readonly label: string;
  readonly rules: Readonly<Record<A, Rule>>;
  can(ctx: AuthContext, action: A, owner?: number | null): boolean;
  /** Throws 403 with a message saying which rule refused. */
  assert(ctx: AuthContext, action: A, owner?: number | null): void;
  abilities(ctx: AuthContext): Record<string, Ability>;
}

export function definePolicy<const A extends string>(subject: string, label: string, rules: Record<A, Rule>): Policy<A> {
  return {
    subject,
    label,
    rules,
    can: (ctx, action, owner) => allows(rules[action], ctx, owner),
    assert(ctx, action, owner) {
      const rule = rules[action];
      if (allows(rule, ctx, owner)) return;
      if (abilityOf(rule, ctx) === 'own') throw forbidden(`You may ${action} ${label} of your own enterprise only`);
      throw forbidden(`The role ${ctx.role} may not ${action} ${label}`);
    },
    abilities(ctx) {
      const out: Record<string, Ability> = {};
      for (const action of Object.keys(rules) as A[]) out[`${subject}.${action}`] = abilityOf(rules[action], ctx);
      return out;
    },
  };
}

/** The abilities of a caller under several policies, as the API reports them (`GET /api/v1/auth/me`). */
export function abilitiesOf(policies: readonly Policy[], ctx: AuthContext): Record<string, Ability> {
  return Object.assign({}, ...policies.map((p) => p.abilities(ctx))) as Record<string, Ability>;
}

/** The rules most records follow: the park administrator acts on any; the given enterprise roles on their own. */
export const parkAdminOr = (...own: Role[]): Rule => ({ any: ['park_admin'], own });
/** Only the park administrator. */
export const PARK_ADMIN_ONLY: Rule = { any: ['park_admin'] };
/** Everyone who sees the record (the tenant and sharing filters decide who that is). */
export const EVERYONE: Rule = { any: ['park_admin', 'park_viewer'], own: ['enterprise_admin', 'enterprise_operator', 'enterprise_viewer'] };
