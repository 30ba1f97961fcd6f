/** The roles of the platform and what a request knows about who sent it. */
export const ROLES = [
  'park_admin',
  'park_viewer',
  'enterprise_admin',
  'enterprise_operator',
  'enterprise_viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PARK_ROLES: readonly Role[] = ['park_admin', 'park_viewer'];
export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_admin', 'enterprise_operator', 'enterprise_viewer'];

export const isParkRole = (role: Role) => role === 'park_admin' || role === 'park_viewer';

/**
 * Who is acting. Every service call takes one; the store derives the tenant filter from it.
 * `enterpriseId` is set exactly when the role is an enterprise role.
 */
export interface AuthContext {
  userId: number | null;
  username: string;
  role: Role;
  enterpriseId: number | null;
  via: 'session' | 'api_key' | 'system';
}

/** The context of the platform itself (start-up, CLI, demo loader): a park administrator. */
export const systemContext = (username = 'system'): AuthContext => ({
  userId: null,
  username,
  role: 'park_admin',
  enterpriseId: null,
  via: 'system',
});
