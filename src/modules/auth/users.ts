/** Users as a resource: the generic service plus password handling and the role rules. */
import type { DbHandle } from '../../adapters/db/index.ts';
import { defineResource, ENTERPRISE_FIELD, type CreateOf, type ItemOf, type PatchOf } from '../../core/crud/spec.ts';
import { ResourceService } from '../../core/crud/service.ts';
import type { FieldError } from '../../core/errors.ts';
import { isParkRole, ROLES, type AuthContext, type Role } from '../../core/roles.ts';
import { userPolicy } from './policy.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { hashPassword } from './secrets.ts';

export { LOCALES } from '../../core/locales.ts';
import { LOCALES } from '../../core/locales.ts';
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,63}$';

export const userSpec = defineResource({
  name: 'user',
  label: 'User',
  table: 'users',
  collection: 'users',
  ownership: { kind: 'direct', nullable: true },
  fields: {
    enterpriseId: { ...ENTERPRISE_FIELD, nullable: true },
    username: { column: 'username', type: 'string', required: true, pattern: USERNAME_PATTERN, immutable: true },
    displayName: { column: 'display_name', type: 'string', required: true, minLength: 1, maxLength: 200 },
    role: { column: 'role', type: 'string', enum: ROLES, required: true },
    locale: { column: 'locale', type: 'string', enum: LOCALES, default: 'zh-CN' },
    disabled: { column: 'disabled', type: 'boolean', default: false },
    lastLoginAt: { column: 'last_login_at', type: 'integer', nullable: true, derived: true },
  },
  policy: userPolicy,
  search: ['username', 'display_name'],
  filters: ['enterpriseId', 'role', 'disabled'],
  validate: (u): FieldError[] => {
    const role = u.role as Role;
    if (isParkRole(role) && u.enterpriseId !== null) return [{ path: '/body/role', message: 'a park role belongs to no enterprise' }];
    if (!isParkRole(role) && u.enterpriseId === null) return [{ path: '/body/enterpriseId', message: 'an enterprise role needs an enterprise' }];
    return [];
  },
});

export type UserItem = ItemOf<typeof userSpec>;
/** A new user: the user's fields and the password, which is hashed and never returned. */
export type UserCreate = CreateOf<typeof userSpec> & { password: string };
/** A change of a user: fields, a new password, or both. */
export type UserPatch = PatchOf<typeof userSpec> & { password?: string };

export class UserService extends ResourceService<typeof userSpec> {
  constructor(
    handle: DbHandle,
    audit: AuditStore,
    private readonly onCredentialsChanged: (userId: number) => Promise<void>,
  ) {
    super(handle, userSpec, audit);
  }

  async createWithPassword(ctx: AuthContext, input: UserCreate): Promise<UserItem> {
    const { password, ...rest } = input;
    return this.create(ctx, rest, { password_hash: await hashPassword(password) });
  }

  async updateWithPassword(ctx: AuthContext, id: number, input: UserPatch): Promise<UserItem> {
    const { password, ...rest } = input;
    const extra = password === undefined ? {} : { password_hash: await hashPassword(password) };
    if (Object.keys(rest).length === 0 && password === undefined) return this.get(ctx, id);
    const after = await this.update(ctx, id, rest, extra);
    // A reset password or a disabled account ends the user's sessions and keys at once.
    if (password !== undefined || after.disabled) await this.onCredentialsChanged(id);
    return after;
  }

  /** How many users the caller may see (through the tenant filter, as the list counts them). */
  async count(ctx: AuthContext): Promise<number> {
    return (await this.list(ctx, { limit: 1, offset: 0 })).total;
  }
}
