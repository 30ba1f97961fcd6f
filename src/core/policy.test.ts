import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problem } from './errors.ts';
import { abilitiesOf, abilityOf, allows, definePolicy, parkAdminOr } from './policy.ts';
import { ROLES, isParkRole, type AuthContext, type Role } from './roles.ts';

const ctx = (role: Role, enterpriseId: number | null = isParkRole(role) ? null : 7): AuthContext => ({ userId: 1, username: 'u', role, enterpriseId, via: 'session' });
const devices = definePolicy('device', 'devices', { create: parkAdminOr('enterprise_admin', 'enterprise_operator'), delete: { any: ['park_admin'] } });

describe('policy', () => {
  it('lets the park administrator act on any record and an enterprise role on its own only', () => {
    expect(devices.can(ctx('park_admin'), 'create', 3)).toBe(true);
    expect(devices.can(ctx('park_admin'), 'create', null)).toBe(true);
    expect(devices.can(ctx('enterprise_operator'), 'create', 7)).toBe(true);
    expect(devices.can(ctx('enterprise_operator'), 'create', 8)).toBe(false);
    expect(devices.can(ctx('enterprise_operator'), 'create', null)).toBe(false);
    expect(devices.can(ctx('enterprise_viewer'), 'create', 7)).toBe(false);
    expect(devices.can(ctx('park_viewer'), 'create')).toBe(false);
    expect(devices.can(ctx('enterprise_admin'), 'delete', 7)).toBe(false);
  });

  it('names the rule that refused', () => {
    expect(() => devices.assert(ctx('enterprise_admin'), 'create', 8)).toThrow(/own enterprise only/);
    expect(() => devices.assert(ctx('enterprise_viewer'), 'create', 7)).toThrow(/enterprise_viewer may not create devices/);
    try {
      devices.assert(ctx('park_viewer'), 'delete');
    } catch (e) {
      expect(e).toBeInstanceOf(Problem);
      expect((e as Problem).status).toBe(403);
    }
  });

  it('reports abilities as <subject>.<action>', () => {
    expect(abilitiesOf([devices], ctx('enterprise_operator'))).toEqual({ 'device.create': 'own', 'device.delete': 'none' });
    expect(abilitiesOf([devices], ctx('park_admin'))).toEqual({ 'device.create': 'any', 'device.delete': 'any' });
    // An enterprise role without an enterprise (a broken account) may do nothing of its own.
    expect(abilitiesOf([devices], ctx('enterprise_admin', null))).toEqual({ 'device.create': 'none', 'device.delete': 'none' });
  });

  it('agrees with the ability it reports, for every role, rule and owner', () => {
    const role = fc.constantFrom(...ROLES);
    const rule = fc.record({ any: fc.subarray([...ROLES]), own: fc.subarray([...ROLES]) });
    fc.assert(
      fc.property(role, fc.option(fc.integer({ min: 1, max: 4 })), rule, fc.option(fc.integer({ min: 1, max: 4 })), (r, ent, rl, owner) => {
        const c = ctx(r, isParkRole(r) ? null : ent);
        const ability = abilityOf(rl, c);
        // The console decides with the ability alone what the API decides with the rule.
        const consoleSays = ability === 'any' || (ability === 'own' && owner !== null && owner === c.enterpriseId);
        expect(allows(rl, c, owner)).toBe(consoleSays);
        expect(allows(rl, c)).toBe(ability !== 'none');
      }),
    );
  });
});
