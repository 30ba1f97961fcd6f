/** HTTP routes of the audit log. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireAuth } from '../../core/http.ts';
import { describeChain, type AuditRecord } from '../../core/audit/model.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { auditPolicy } from './policy.ts';
import { AuditListQuerySchema, AuditPageSchema, AuditVerificationSchema, type AuditRecordItem, type AuditVerification } from './schemas.ts';

/** A stored record as the API shows it: the snapshots parsed, the chain bookkeeping left out. */
function itemOf({ prevHash: _p, chain: _c, chainPos: _n, before, after, ...r }: AuditRecord): AuditRecordItem {
  return { ...r, before: before ? JSON.parse(before) : null, after: after ? JSON.parse(after) : null };
}

export function registerAuditRoutes(fastify: FastifyInstance, audit: AuditStore): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const problem = { $ref: 'problem#' };

  app.get('/api/v1/audit', {
    schema: {
      tags: ['audit'],
      summary: 'The audit log the caller may see (park roles: all; enterprise administrators: their enterprise)',
      querystring: AuditListQuerySchema,
      response: { 200: AuditPageSchema, 400: problem, 401: problem, 403: problem },
    },
    handler: async (req) => {
      const ctx = requireAuth(req);
      auditPolicy.assert(ctx, 'read');
      const page = await audit.list(ctx, req.query);
      return { items: page.items.map(itemOf), total: page.total, limit: req.query.limit, offset: req.query.offset };
    },
  });

  app.get('/api/v1/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: "Verify the hash chains of the whole audit log, each enterprise's and the park's (park administrators)",
      response: { 200: AuditVerificationSchema, 401: problem, 403: problem },
    },
    handler: async (req): Promise<AuditVerification> => {
      const ctx = requireAuth(req);
      auditPolicy.assert(ctx, 'verify');
      const r = await audit.verify();
      return {
        ok: r.firstBroken === null,
        checked: r.checked,
        firstBroken: r.firstBroken,
        chains: r.chains.map(({ chain, checked, firstBroken }) => {
          const { kind, enterpriseId } = describeChain(chain);
          return { chain: kind, enterpriseId, checked, firstBroken };
        }),
      };
    },
  });
}
