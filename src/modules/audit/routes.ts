/** HTTP routes of the audit log. */
import type { FastifyInstance } from 'fastify';
import { MAX_ID, pageParams } from '../../core/crud/schemas.ts';
import { requireAuth } from '../../core/http.ts';
import { auditPolicy } from './policy.ts';
import type { AuditStore } from '../../core/audit/store.ts';

export function registerAuditRoutes(app: FastifyInstance, audit: AuditStore): void {
  const problem = { $ref: 'problem#' };
  const record = {
    type: 'object',
    properties: {
      seq: { type: 'integer' },
      ts: { type: 'integer' },
      actorId: { type: ['integer', 'null'] },
      actorName: { type: 'string' },
      enterpriseId: { type: ['integer', 'null'] },
      action: { type: 'string' },
      entity: { type: 'string' },
      entityId: { type: ['string', 'null'] },
      before: {},
      after: {},
      hash: { type: 'string' },
    },
  };

  app.get('/api/v1/audit', {
    schema: {
      tags: ['audit'],
      summary: 'The audit log the caller may see (park roles: all; enterprise administrators: their enterprise)',
      querystring: {
        type: 'object',
        properties: {
          entity: { type: 'string', maxLength: 50 },
          entityId: { type: 'string', maxLength: 50 },
          enterpriseId: { type: 'integer', minimum: 1, maximum: MAX_ID },
          ...pageParams(),
        },
        additionalProperties: false,
      },
      response: {
        200: { type: 'object', properties: { items: { type: 'array', items: record }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } },
        400: problem,
        401: problem,
        403: problem,
      },
    },
    handler: async (req) => {
      const ctx = requireAuth(req);
      auditPolicy.assert(ctx, 'read');
      const q = req.query as { entity?: string; entityId?: string; enterpriseId?: number; limit: number; offset: number };
      const page = await audit.list(ctx, q);
      return {
        items: page.items.map(({ prevHash: _p, before, after, ...r }) => ({ ...r, before: before ? JSON.parse(before) : null, after: after ? JSON.parse(after) : null })),
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      };
    },
  });

  app.get('/api/v1/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: 'Verify the hash chain of the whole audit log (park administrators)',
      response: {
        200: {
          type: 'object',
          properties: {
            ok: { type: 'boolean' },
            checked: { type: 'integer' },
            firstBroken: { anyOf: [{ type: 'null' }, { type: 'object', properties: { seq: { type: 'integer' }, reason: { type: 'string' } } }] },
          },
        },
        401: problem,
        403: problem,
      },
    },
    handler: async (req) => {
      const ctx = requireAuth(req);
      auditPolicy.assert(ctx, 'verify');
      const r = await audit.verify();
      return { ok: r.firstBroken === null, checked: r.checked, firstBroken: r.firstBroken };
    },
  });
}
