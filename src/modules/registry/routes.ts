/** HTTP routes of the registry: the park, its summary, units of measure, and the collections. */
import type { FastifyInstance } from 'fastify';
import { registerCollectionRoutes } from '../../core/crud/routes.ts';
import { validation } from '../../core/errors.ts';
import { requireAuth } from '../../core/http.ts';
import { UNITS } from '../../core/units.ts';
import type { Park, RegistryService } from './service.ts';

const nullableString = (maxLength: number) => ({ type: ['string', 'null'], maxLength });
const parkFields = {
  code: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
  name: { type: 'string', minLength: 1, maxLength: 200 },
  nameEn: nullableString(200),
  timezone: { type: 'string', minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai' },
  address: nullableString(500),
  lat: { type: ['number', 'null'], minimum: -90, maximum: 90 },
  lng: { type: ['number', 'null'], minimum: -180, maximum: 180 },
  identifierPrefix: { type: ['string', 'null'], pattern: '^[0-9]+(\\.[0-9A-Za-z]+)*$', description: 'Handle-style identifier prefix, e.g. 88.118.2' },
};
const parkSchema = {
  type: 'object',
  properties: { ...parkFields, updatedAt: { type: 'integer' } },
  required: [...Object.keys(parkFields), 'updatedAt'],
};

export function registerRegistryRoutes(app: FastifyInstance, registry: RegistryService): void {
  const problem = { $ref: 'problem#' };
  for (const service of registry.collections) registerCollectionRoutes(app, service);

  app.get('/api/v1/park/directory', {
    schema: {
      tags: ['park'],
      summary: "The park's directory: every enterprise's code, names and GLN (for naming counterparties)",
      response: {
        200: {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' }, nameEn: { type: ['string', 'null'] }, gln: { type: ['string', 'null'] } } },
            },
          },
        },
        401: problem,
      },
    },
    handler: async (req) => {
      requireAuth(req);
      return { items: await registry.directory() };
    },
  });

  app.get('/api/v1/park', {
    schema: { tags: ['park'], summary: 'The park', response: { 200: parkSchema, 401: problem, 404: problem } },
    handler: async (req) => {
      requireAuth(req);
      return registry.getPark();
    },
  });

  app.patch('/api/v1/park', {
    schema: {
      tags: ['park'],
      summary: 'Change the park (park administrators)',
      body: { type: 'object', properties: parkFields, minProperties: 1, additionalProperties: false },
      response: { 200: parkSchema, 400: problem, 401: problem, 403: problem },
    },
    handler: async (req) => {
      const body = req.body as Partial<Park>;
      if (body.timezone !== undefined && !isTimeZone(body.timezone)) {
        throw validation(`${body.timezone} is not an IANA time zone`, [{ path: '/body/timezone', message: 'is not an IANA time zone' }]);
      }
      return registry.savePark(requireAuth(req), body);
    },
  });

  // Where webhooks may go although the outbound guard (src/core/outbound.ts) would refuse them.
  const allowlist = {
    type: 'object',
    properties: {
      entries: {
        type: 'array',
        maxItems: 200,
        items: { type: 'string', minLength: 1, maxLength: 300 },
        description: 'hosts (hooks.internal), host:port (127.0.0.1:8080, [::1]:8080), addresses, or CIDR ranges (10.20.0.0/16)',
      },
    },
    required: ['entries'],
  };
  app.get('/api/v1/park/outbound-allowlist', {
    schema: { tags: ['park'], summary: 'Internal webhook destinations the park allows (park roles)', response: { 200: allowlist, 401: problem, 403: problem } },
    handler: async (req) => registry.outboundAllowlist(requireAuth(req)),
  });
  app.put('/api/v1/park/outbound-allowlist', {
    schema: {
      tags: ['park'],
      summary: 'Replace the internal webhook destinations the park allows (park administrators)',
      body: { ...allowlist, additionalProperties: false },
      response: { 200: allowlist, 400: problem, 401: problem, 403: problem },
    },
    handler: async (req) => registry.setOutboundAllowlist(requireAuth(req), (req.body as { entries: string[] }).entries),
  });

  app.get('/api/v1/park/summary', {
    schema: {
      tags: ['park'],
      summary: 'Counts of what the caller may see',
      response: {
        200: {
          type: 'object',
          properties: {
            counts: {
              type: 'object',
              properties: Object.fromEntries(['enterprises', 'sites', 'units', 'devices', 'tags', 'materials', 'users'].map((k) => [k, { type: 'integer' }])),
            },
            enterprisesByIndustry: { type: 'array', items: { type: 'object', properties: { industry: { type: 'string' }, count: { type: 'integer' } } } },
            devicesByEnterprise: {
              type: 'array',
              items: {
                type: 'object',
                properties: { enterpriseId: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' }, nameEn: { type: ['string', 'null'] }, count: { type: 'integer' } },
              },
            },
          },
        },
        401: problem,
      },
    },
    handler: async (req) => registry.summary(requireAuth(req)),
  });

  app.get('/api/v1/units-of-measure', {
    schema: {
      tags: ['park'],
      summary: 'Units of measure and their conversion factors',
      security: [],
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object',
            properties: { code: { type: 'string' }, dimension: { type: 'string' }, name: { type: 'string' }, nameEn: { type: 'string' }, factor: { type: 'number' }, offset: { type: 'number' } },
          },
        },
      },
    },
    handler: async () => UNITS,
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
