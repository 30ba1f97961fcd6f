/**
 * The console reads the abilities the API reports exactly as the backend applies its rules: for
 * any rule, caller and record, `can` answers what `allows` (src/core/policy.ts) decides, and over
 * the modules' real policies what each policy's `can` decides.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abilitiesOf, abilityOf, allows, type Rule } from '../../../src/core/policy.ts';
import { ENTERPRISE_ROLES, ROLES, type AuthContext, type Role } from '../../../src/core/roles.ts';
import { POLICIES } from '../../../src/policies.ts';
import { abilityIn, allowedBy, canWith, type Subject } from './permissions';


const enterpriseId = fc.integer({ min: 1, max: 4 });
/** A caller: park roles belong to no enterprise, enterprise roles to one. */
const caller: fc.Arbitrary<AuthContext> = fc.tuple(fc.constantFrom(...ROLES), enterpriseId).map(([role, e]) => ({
  userId: 1,
  username: 'u',
  role,
  enterpriseId: (ENTERPRISE_ROLES as readonly Role[]).includes(role) ? e : null,
  via: 'session',
}));
/** The owner of a record: an enterprise, the park (null), or no record at all (undefined). */
const owner = fc.oneof(enterpriseId, fc.constant(null), fc.constant(undefined));
const rule: fc.Arbitrary<Rule> = fc.record({
  any: fc.subarray([...ROLES]),
  own: fc.subarray([...ENTERPRISE_ROLES]),
});

describe('permissions', () => {
  it('allow what the backend allows, for any rule, caller and record', () => {
    fc.assert(
      fc.property(rule, caller, owner, (r, ctx, o) => {
        expect(allowedBy(abilityOf(r, ctx), ctx.enterpriseId, o)).toBe(allows(r, ctx, o));
      }),
    );
  });

  it("answer every module policy's own decision from the abilities /auth/me reports", () => {
    const actions = POLICIES.flatMap((p) => Object.keys(p.rules).map((action) => ({ policy: p, action })));
    fc.assert(
      fc.property(caller, owner, fc.constantFrom(...actions), (ctx, o, { policy, action }) => {
        const can = canWith(abilitiesOf(POLICIES, ctx), ctx.enterpriseId);
        const subject = policy.subject as Subject;
        // An enterprise is its own owner: its id is the owner; other records name theirs.
        const row = o === undefined ? undefined : subject === 'enterprise' ? (o === null ? {} : { id: o }) : { enterpriseId: o };
        expect(can(action as never, subject, row)).toBe(policy.can(ctx, action, o));
      }),
    );
  });

  it('refuse an action the API did not report', () => {
    fc.assert(
      fc.property(caller, owner, (ctx, o) => {
        const can = canWith({}, ctx.enterpriseId);
        expect(can('update', 'device', o === undefined ? undefined : { enterpriseId: o })).toBe(false);
        expect(abilityIn({ 'device.update': 'any' }, 'device', 'delete')).toBe('none');
      }),
    );
  });
});
