/**
 * What the current role may write, mirroring the backend's rules (docs/api.md, "Who may do what")
 * so that the console hides what would be refused. The backend enforces them regardless.
 */
import { ENTERPRISE_ROLES, isParkRole, type Role, type User } from '../api/types';

export type Resource = 'enterprise' | 'site' | 'unit' | 'device' | 'tag' | 'material' | 'user' | 'trace_share';
type Action = 'create' | 'update' | 'delete';

const WRITERS: Record<Resource, Record<Action, readonly Role[]>> = {
  enterprise: { create: [], update: ['enterprise_admin'], delete: [] },
  site: { create: ['enterprise_admin'], update: ['enterprise_admin'], delete: ['enterprise_admin'] },
  unit: { create: ['enterprise_admin'], update: ['enterprise_admin'], delete: ['enterprise_admin'] },
  device: { create: ['enterprise_admin', 'enterprise_operator'], update: ['enterprise_admin', 'enterprise_operator'], delete: ['enterprise_admin', 'enterprise_operator'] },
  tag: { create: ['enterprise_admin', 'enterprise_operator'], update: ['enterprise_admin', 'enterprise_operator'], delete: ['enterprise_admin', 'enterprise_operator'] },
  material: { create: ['enterprise_admin'], update: ['enterprise_admin'], delete: ['enterprise_admin'] },
  user: { create: ['enterprise_admin'], update: ['enterprise_admin'], delete: [] },
  trace_share: { create: ['enterprise_admin'], update: ['enterprise_admin'], delete: ['enterprise_admin'] },
};

/** The owning enterprise of a row: an enterprise is its own; others name it. */
function ownerOf(resource: Resource, row: { id?: number; enterpriseId?: number | null } | undefined): number | null | undefined {
  if (!row) return undefined;
  return resource === 'enterprise' ? (row.id ?? null) : (row.enterpriseId ?? null);
}

export function can(user: User | null | undefined, action: Action, resource: Resource, row?: { id?: number; enterpriseId?: number | null }): boolean {
  if (!user) return false;
  if (user.role === 'park_admin') return true;
  if (user.role === 'park_viewer') return false;
  if (!WRITERS[resource][action].includes(user.role)) return false;
  const owner = ownerOf(resource, row);
  return owner === undefined || (owner !== null && owner === user.enterpriseId);
}

/** The roles a user may give to others. */
export function grantableRoles(user: User): Role[] {
  if (user.role === 'park_admin') return ['park_admin', 'park_viewer', ...ENTERPRISE_ROLES];
  if (user.role === 'enterprise_admin') return [...ENTERPRISE_ROLES];
  return [];
}

export const mayManageUsers = (user: User) => user.role === 'park_admin' || user.role === 'enterprise_admin';
export const mayReadAudit = (user: User) => isParkRole(user.role) || user.role === 'enterprise_admin';
export const isEnterpriseUser = (user: User) => !isParkRole(user.role);
