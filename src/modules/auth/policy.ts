/**
 * Who may manage users. The park administrator manages every account; an enterprise administrator
 * those of its enterprise (a park role belongs to no enterprise, so it cannot give one). Any user
 * edits their own name, language, password and API keys (the service checks it is their own).
 */
import { definePolicy, parkAdminOr } from '../../core/policy.ts';
import { ENTERPRISE_ROLES, ROLES, type AuthContext, type Role } from '../../core/roles.ts';

export const userPolicy = definePolicy('user', 'users', {
  create: parkAdminOr('enterprise_admin'),
  update: parkAdminOr('enterprise_admin'),
  // Accounts are disabled, not deleted: their names stay in the audit log.
  delete: { any: ['park_admin'] },
});

/** The roles a caller may give to others. */
export function grantableRoles(ctx: AuthContext): Role[] {
  if (ctx.role === 'park_admin') return [...ROLES];
  if (ctx.role === 'enterprise_admin') return [...ENTERPRISE_ROLES];
  return [];
}

export const AUTH_POLICIES = [userPolicy];
