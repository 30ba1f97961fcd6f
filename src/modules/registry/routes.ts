/** HTTP routes of the registry: the park, its summary, units of measure, and the collections. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerCollectionRoutes } from '../../core/crud/routes.ts';
import { validation } from '../../core/errors.ts';
import { requireAuth } from '../../core/http.ts';
import { UNITS } from '../../core/units.ts';
import { AllowlistBodySchema, AllowlistSchema, DirectorySchema, ParkPatchSchema, ParkSchema, SummarySchema, UnitsOfMeasureSchema } from './schemas.ts';
import type { RegistryService } from './service.ts';

export function registerRegistryRoutes(fastify: FastifyInstance, registry: RegistryService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const problem = { $ref: 'problem#' };
  for (const service of registry.collections) registerCollectionRoutes(fastify, service);

  app.get('/api/v1/park/directory', {
    schema: {
      tags: ['park'],
      summary: "The park's directory: every enterprise's code, names and GLN (for naming counterparties)",
      response: { 200: DirectorySchema, 401: problem },
    },
    handler: async (req) => {
      requireAuth(req);
      return { items: await registry.directory() };
    },
  });

  app.get('/api/v1/park', {
    schema: { tags: ['park'], summary: 'The park', response: { 200: ParkSchema, 401: problem, 404: problem } },
    handler: async (req) => {
      requireAuth(req);
      return registry.getPark();
    },
  });

  app.patch('/api/v1/park', {
    schema: {
      tags: ['park'],
      summary: 'Change the park (park administrators)',
      body: ParkPatchSchema,
      response: { 200: ParkSchema, 400: problem, 401: problem, 403: problem },
    },
    handler: async (req) => {
      const body = req.body;
      if (body.timezone !== undefined && !isTimeZone(body.timezone)) {
        throw validation(`${body.timezone} is not an IANA time zone`, [{ path: '/body/timezone', message: 'is not an IANA time zone' }]);
      }
      return registry.savePark(requireAuth(req), body);
    },
  });

  // Where webhooks may go although the outbound guard (src/core/outbound.ts) would refuse them.
  app.get('/api/v1/park/outbound-allowlist', {
    schema: { tags: ['park'], summary: 'Internal webhook destinations the park allows (park roles)', response: { 200: AllowlistSchema, 401: problem, 403: problem } },
    handler: async (req) => registry.outboundAllowlist(requireAuth(req)),
  });
  app.put('/api/v1/park/outbound-allowlist', {
    schema: {
      tags: ['park'],
      summary: 'Replace the internal webhook destinations the park allows (park administrators)',
      body: AllowlistBodySchema,
      response: { 200: AllowlistSchema, 400: problem, 401: problem, 403: problem },
    },
    handler: async (req) => registry.setOutboundAllowlist(requireAuth(req), req.body.entries),
  });

  app.get('/api/v1/park/summary', {
    schema: { tags: ['park'], summary: 'Counts of what the caller may see', response: { 200: SummarySchema, 401: problem } },
    handler: async (req) => registry.summary(requireAuth(req)),
  });

  app.get('/api/v1/units-of-measure', {
    schema: { tags: ['park'], summary: 'Units of measure and their conversion factors', security: [], response: { 200: UnitsOfMeasureSchema } },
    handler: async () => [...UNITS],
  });
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
