/**
 * Authentication: log-in and sessions, API keys, and resolving a bearer secret to the caller.
 * Secrets are stored only as SHA-256; a short in-process cache keeps the lookup off the hot path.
 */
import type { Selectable } from 'kysely';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { isTrue } from '../../adapters/db/tables.ts';
import { conflict, forbidden, notFound, unauthorized, validation } from '../../core/errors.ts';
import type { AuthContext, Role } from '../../core/roles.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { moduleDb, unscoped } from '../../core/tenancy.ts';
import { API_KEY_PREFIX, dummyHash, generatePassword, hashPassword, newSecret, SESSION_PREFIX, sha256, verifyPassword } from './secrets.ts';
import type { ApiKeyItem, MePatch } from './schemas.ts';
import type { ApiKeysTable, AuthTables } from './tables.ts';
import { UserService, type UserItem } from './users.ts';

export type { ApiKeyItem } from './schemas.ts';

interface Cached {
  ctx: AuthContext;
  until: number;
}

/** How long a resolved secret is trusted without asking the database again. */
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

export class AuthService {
  readonly users: UserService;
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly sessionTtlMs: number,
  ) {
    this.users = new UserService(handle, audit, (id) => this.endSessions(id));
  }

  /**
   * The module's own tables (users, sessions, API keys). `users` is a tenant's: authentication reads
   * it before there is a caller, so its reads here are `unscoped` with the reason; listing users is
   * the generic store's (users.ts).
   */
  private get db() {
    return moduleDb(tablesOf<AuthTables>(this.handle.db));
  }

  async login(username: string, password: string, meta: { ip?: string; userAgent?: string } = {}): Promise<{ token: string; expiresAt: number; user: UserItem }> {
    const row = await unscoped(this.db, 'log-in: the account is found before there is a caller').selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const ok = await verifyPassword(row ? row.password_hash : await dummyHash(), password);
    if (!row || !ok) throw unauthorized('Wrong username or password');
    const user = this.users.store.toItem(row);
    if (user.disabled) throw unauthorized('This account is disabled');
    const token = newSecret(SESSION_PREFIX);
    const now = Date.now();
    const expiresAt = now + this.sessionTtlMs;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sessions')
        .values({ token_hash: sha256(token), user_id: user.id, created_at: now, expires_at: expiresAt, ip: meta.ip ?? null, user_agent: meta.userAgent?.slice(0, 300) ?? null })
        .execute();
      await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
      await this.audit.append(trx, contextOf(user, 'session'), { action: 'login', entity: 'session', entityId: user.id, enterpriseId: user.enterpriseId, after: { ip: meta.ip ?? null } });
      // Expired sessions are swept at log-in; there is no other writer of this table.
      await trx.deleteFrom('sessions').where('expires_at', '<', now).execute();
    });
    return { token, expiresAt, user: { ...user, lastLoginAt: now } };
  }

  async logout(token: string): Promise<void> {
    const hash = sha256(token);
    this.cache.delete(hash);
    await this.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
  }

  async endSessions(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    for (const [k, v] of this.cache) if (v.ctx.userId === userId) this.cache.delete(k);
  }

  /** The caller behind a bearer secret, or null when it is unknown, expired or disabled. */
  async authenticate(secret: string): Promise<AuthContext | null> {
    const hash = sha256(secret);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.until > now) return hit.ctx;
    let ctx: AuthContext | null = null;
    let until = now + CACHE_MS;
    const db = unscoped(this.db, 'authentication: a secret names its user before there is a caller');
    if (secret.startsWith(SESSION_PREFIX)) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['users.id', 'users.username', 'users.role', 'users.enterprise_id', 'users.disabled', 'sessions.expires_at'])
        .where('sessions.token_hash', '=', hash)
        .executeTakeFirst();
      if (row && row.expires_at > now && !isTrue(row.disabled)) {
        ctx = rowContext(row, 'session');
        until = Math.min(until, row.expires_at);
      }
    } else if (secret.startsWith(API_KEY_PREFIX)) {
      const row = await db
        .selectFrom('api_keys')
        .innerJoin('users', 'users.id', 'api_keys.user_id')
        .select(['api_keys.id as key_id', 'api_keys.expires_at', 'api_keys.last_used_at', 'users.id', 'users.username', 'users.role', 'users.enterprise_id', 'users.disabled'])
        .where('api_keys.key_hash', '=', hash)
        .executeTakeFirst();
      if (row && (row.expires_at === null || row.expires_at > now) && !isTrue(row.disabled)) {
        ctx = rowContext(row, 'api_key');
        if (row.expires_at !== null) until = Math.min(until, row.expires_at);
        // Recorded at most once a minute: a key used for every request must not write every time.
        if (row.last_used_at === null || now - row.last_used_at > 60_000) {
          await this.db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.key_id).execute();
        }
      }
    }
    if (ctx) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(hash, { ctx, until });
    }
    return ctx;
  }

  async me(ctx: AuthContext): Promise<UserItem> {
    if (ctx.userId === null) throw notFound('User');
    return this.users.get(ctx, ctx.userId);
  }

  /** A user edits their own display name and language (any role may, viewers included). */
  async updateMe(ctx: AuthContext, patch: MePatch): Promise<UserItem> {
    const me = await this.me(ctx);
    await this.db.transaction().execute(async (trx) => {
      // Kysely leaves out the fields that are undefined: only what the patch names changes.
      await trx.updateTable('users').set({ display_name: patch.displayName, locale: patch.locale, updated_at: Date.now() }).where('id', '=', me.id).execute();
      await this.audit.append(trx, ctx, { action: 'update', entity: 'user', entityId: me.id, enterpriseId: me.enterpriseId, before: pick(me, patch), after: patch });
    });
    return this.me(ctx);
  }

  async changePassword(ctx: AuthContext, currentPassword: string, newPassword: string): Promise<void> {
    if (ctx.userId === null) throw forbidden('Only a user has a password');
    const row = await unscoped(this.db, "a password check reads the caller's own hash, whatever its enterprise")
      .selectFrom('users').select(['password_hash', 'enterprise_id']).where('id', '=', ctx.userId).executeTakeFirstOrThrow();
    if (!(await verifyPassword(row.password_hash, currentPassword))) {
      throw validation('The current password is wrong', [{ path: '/body/currentPassword', message: 'is wrong' }]);
    }
    if (currentPassword === newPassword) {
      throw validation('The new password is the current one', [{ path: '/body/newPassword', message: 'must differ from the current password' }]);
    }
    const hash = await hashPassword(newPassword);
    const userId = ctx.userId;
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, updated_at: Date.now() }).where('id', '=', userId).execute();
      await this.audit.append(trx, ctx, { action: 'password_change', entity: 'user', entityId: userId, enterpriseId: row.enterprise_id });
    });
  }

  async listApiKeys(ctx: AuthContext): Promise<ApiKeyItem[]> {
    if (ctx.userId === null) return [];
    const rows = await this.db.selectFrom('api_keys').selectAll().where('user_id', '=', ctx.userId).orderBy('id').execute();
    return rows.map(apiKeyItem);
  }

  async createApiKey(ctx: AuthContext, name: string, expiresInDays?: number): Promise<ApiKeyItem & { key: string }> {
    if (ctx.userId === null) throw forbidden('Only a user may hold API keys');
    if (ctx.via === 'api_key') throw forbidden('An API key may not create API keys; log in to create one');
    const userId = ctx.userId;
    const key = newSecret(API_KEY_PREFIX);
    const now = Date.now();
    const row = await this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('api_keys').select('id').where('user_id', '=', userId).where('name', '=', name).executeTakeFirst();
      if (existing) throw conflict(`You already have an API key named "${name}"`);
      const inserted = await trx
        .insertInto('api_keys')
        .values({
          user_id: userId,
          name,
          key_hash: sha256(key),
          prefix: key.slice(0, 10),
          created_at: now,
          expires_at: expiresInDays ? now + expiresInDays * 86_400_000 : null,
          last_used_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.append(trx, ctx, { action: 'create', entity: 'api_key', entityId: inserted.id, enterpriseId: ctx.enterpriseId, after: apiKeyItem(inserted) });
      return inserted;
    });
    return { ...apiKeyItem(row), key };
  }

  async revokeApiKey(ctx: AuthContext, id: number): Promise<void> {
    const userId = ctx.userId;
    if (userId === null) throw notFound(`API key ${id}`);
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('api_keys').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      if (!row) throw notFound(`API key ${id}`);
      await trx.deleteFrom('api_keys').where('id', '=', id).execute();
      await this.audit.append(trx, ctx, { action: 'delete', entity: 'api_key', entityId: id, enterpriseId: ctx.enterpriseId, before: apiKeyItem(row) });
      this.cache.delete(row.key_hash);
    });
  }

  /** Creates the park administrator on first start; returns the generated password, if any. */
  async ensureAdmin(ctx: AuthContext, password?: string): Promise<{ created: boolean; password?: string }> {
    const existing = await unscoped(this.db, 'start-up: is there a park administrator yet').selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
    if (existing) return { created: false };
    const pw = password ?? generatePassword();
    await this.users.createWithPassword(ctx, { username: 'admin', displayName: '园区管理员', role: 'park_admin', enterpriseId: null, locale: 'zh-CN', password: pw });
    return { created: true, password: password ? undefined : pw };
  }
}

function rowContext(row: { id: number; username: string; role: Role; enterprise_id: number | null }, via: AuthContext['via']): AuthContext {
  return { userId: row.id, username: row.username, role: row.role, enterpriseId: row.enterprise_id, via };
}

export function contextOf(user: UserItem, via: AuthContext['via']): AuthContext {
  return { userId: user.id, username: user.username, role: user.role, enterpriseId: user.enterpriseId, via };
}

function apiKeyItem(r: Selectable<ApiKeysTable>): ApiKeyItem {
  return { id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at };
}

/** The user's current values of the fields a patch names (for the audit record's `before`). */
function pick(user: UserItem, patch: MePatch): MePatch {
  return {
    ...(patch.displayName === undefined ? {} : { displayName: user.displayName }),
    ...(patch.locale === undefined ? {} : { locale: user.locale }),
  };
}
