/** HTTP routes of authentication, the caller's own account, API keys and users. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { idParamsSchema, listQuerySchema, listResponseSchema } from '../../core/crud/schemas.ts';
import { nameProblem } from '../../core/crud/text.ts';
import { validation } from '../../core/errors.ts';
import { requireAuth } from '../../core/http.ts';
import { abilitiesOf, type Policy } from '../../core/policy.ts';
import { grantableRoles } from './policy.ts';
import {
  ApiKeyBodySchema, ApiKeyListSchema, CreatedApiKeySchema, LoginBodySchema, LoginResponseSchema, MePatchBodySchema, MeSchema, MeUserSchema,
  PasswordBodySchema, UserCreateBodySchema, UserPatchBodySchema, UserSchema,
} from './schemas.ts';
import type { AuthService } from './service.ts';
import { userSpec } from './users.ts';

export const SESSION_COOKIE = 'symbiont_session';

/** Reads the bearer secret from the Authorization header, else from the session cookie. */
export function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h) {
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    return m ? m[1] : undefined;
  }
  return req.cookies?.[SESSION_COOKIE];
}

/** A name given outside the generic resources (display name, API key name): trimmed, held to the same rule (core/crud/text.ts). */
function cleanName(value: string, path: string): string {
  const trimmed = value.trim();
  const problem = nameProblem(trimmed);
  if (problem) throw validation(`${path.replace('/body/', '')} ${problem}`, [{ path, message: problem }]);
  return trimmed;
}

/**
 * `secureCookies`: the session cookie is marked Secure, so a browser sends it over HTTPS only. Set
 * when browsers reach the node over HTTPS (native TLS or a TLS-terminating proxy); over plain HTTP a
 * Secure cookie would never come back and log-in would not stick.
 */
export function registerAuthRoutes(fastify: FastifyInstance, auth: AuthService, opts: { secureCookies: boolean; sessionTtlMs: number; policies: readonly Policy[] }): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const problem = { $ref: 'problem#' };
  const user = UserSchema;
  const tags = ['auth'];

  app.addHook('onRequest', async (req) => {
    req.auth = null;
    const secret = bearerOf(req);
    if (secret) req.auth = await auth.authenticate(secret);
  });

  app.post('/api/v1/auth/login', {
    config: { rateLimit: { hook: 'preHandler', max: 10, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => `${req.ip}|${(req.body as { username?: string })?.username ?? ''}` } },
    schema: {
      tags,
      summary: 'Log in with a username and password',
      security: [],
      body: LoginBodySchema,
      response: {
        200: LoginResponseSchema,
        400: problem,
        401: problem,
        429: problem,
      },
    },
    handler: async (req, reply) => {
      const { username, password } = req.body;
      const result = await auth.login(username.trim().toLowerCase(), password, { ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies,
        maxAge: Math.floor(opts.sessionTtlMs / 1000),
      });
      return result;
    },
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags, summary: 'End the current session', response: { 204: { type: 'null' } } },
    handler: async (req, reply) => {
      const secret = bearerOf(req);
      if (secret) await auth.logout(secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/', secure: opts.secureCookies });
      return (reply as FastifyReply).code(204).send();
    },
  });

  app.get('/api/v1/auth/me', {
    schema: {
      tags,
      summary: 'The current user, and what they may do',
      description:
        '`abilities` maps `<subject>.<action>` (e.g. `device.create`) to `any` (records of any enterprise), `own` (records of the ' +
        "caller's enterprise) or `none`, from the modules' policies; `grantableRoles` are the roles the caller may give to users. " +
        'The console shows what these allow; the API enforces the same rules.',
      response: { 200: MeSchema, 401: problem },
    },
    handler: async (req) => {
      const ctx = requireAuth(req);
      return { user: await auth.me(ctx), abilities: abilitiesOf(opts.policies, ctx), grantableRoles: grantableRoles(ctx) };
    },
  });

  app.patch('/api/v1/auth/me', {
    schema: {
      tags,
      summary: "Change the current user's display name or language",
      body: MePatchBodySchema,
      response: { 200: MeUserSchema, 400: problem, 401: problem },
    },
    handler: async (req) => {
      const ctx = requireAuth(req);
      const { displayName, locale } = req.body;
      const patch = { ...(displayName === undefined ? {} : { displayName: cleanName(displayName, '/body/displayName') }), ...(locale === undefined ? {} : { locale }) };
      return { user: await auth.updateMe(ctx, patch) };
    },
  });

  app.post('/api/v1/auth/password', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Change the current password',
      body: PasswordBodySchema,
      response: { 204: { type: 'null' }, 400: problem, 401: problem },
    },
    handler: async (req, reply) => {
      const { currentPassword, newPassword } = req.body;
      await auth.changePassword(requireAuth(req), currentPassword, newPassword);
      return (reply as FastifyReply).code(204).send();
    },
  });

  app.get('/api/v1/api-keys', {
    schema: { tags: ['api-keys'], summary: "The caller's API keys", response: { 200: ApiKeyListSchema, 401: problem } },
    handler: async (req) => ({ items: await auth.listApiKeys(requireAuth(req)) }),
  });
  app.post('/api/v1/api-keys', {
    schema: {
      tags: ['api-keys'],
      summary: 'Create an API key (the key is returned once)',
      body: ApiKeyBodySchema,
      response: { 201: CreatedApiKeySchema, 400: problem, 401: problem, 403: problem, 409: problem },
    },
    handler: async (req, reply) => {
      const { name, expiresInDays } = req.body;
      const ctx = requireAuth(req);
      return reply.code(201).send(await auth.createApiKey(ctx, cleanName(name, '/body/name'), expiresInDays));
    },
  });
  app.delete('/api/v1/api-keys/:id', {
    schema: { tags: ['api-keys'], summary: 'Revoke an API key', params: idParamsSchema, response: { 204: { type: 'null' }, 401: problem, 404: problem } },
    handler: async (req, reply) => {
      await auth.revokeApiKey(requireAuth(req), req.params.id);
      return (reply as FastifyReply).code(204).send();
    },
  });

  // Users: the generic collection reads; writes carry a password, which is hashed and never returned.
  const users = auth.users;
  const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
  app.get('/api/v1/users', {
    schema: { tags: ['users'], summary: 'List users', querystring: listQuerySchema(userSpec), response: { 200: listResponseSchema(userSpec), 400: problem, 401: problem } },
    handler: async (req) => users.list(requireAuth(req), req.query),
  });
  app.get('/api/v1/users/:id', {
    schema: { tags: ['users'], summary: 'Get a user', params: idParamsSchema, response: { 200: user, ...errors } },
    handler: async (req) => users.get(requireAuth(req), req.params.id),
  });
  app.post('/api/v1/users', {
    schema: {
      tags: ['users'],
      summary: 'Create a user',
      body: UserCreateBodySchema,
      response: { 201: user, ...errors },
    },
    handler: async (req, reply) => {
      const created = await users.createWithPassword(requireAuth(req), req.body);
      return reply.code(201).header('location', `/api/v1/users/${created.id}`).send(created);
    },
  });
  app.patch('/api/v1/users/:id', {
    schema: {
      tags: ['users'],
      summary: 'Update, disable or reset the password of a user',
      params: idParamsSchema,
      body: UserPatchBodySchema,
      response: { 200: user, ...errors },
    },
    handler: async (req) => users.updateWithPassword(requireAuth(req), req.params.id, req.body),
  });
}
