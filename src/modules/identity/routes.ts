/**
 * HTTP routes of identifiers: minting and values under /api/v1/identifiers, Handle REST
 * resolution under /api/handles, GS1 Digital Link paths (/01/{gtin}/10/{lot}, /01/{gtin}/21/{serial})
 * with /.well-known/gs1resolver, and QR labels.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { idParamsSchema, MAX_ID, pageParams } from '../../core/crud/schemas.ts';
import { Problem } from '../../core/errors.ts';
import { requireAuth } from '../../core/http.ts';
import { IDENTIFIER_KINDS } from './model.ts';
import type { IdentityService } from './service.ts';

const problem = { $ref: 'problem#' };
const valueInput = {
  type: 'object',
  properties: {
    index: { type: 'integer', minimum: 1, maximum: 65535 },
    type: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.\\-]+$' },
    value: { type: 'string', maxLength: 4000 },
    ttl: { type: 'integer', minimum: 0, maximum: 31_536_000 },
    publicRead: { type: 'boolean' },
  },
  required: ['type', 'value'],
  additionalProperties: false,
};
const storedValue = { type: 'object', properties: { index: { type: 'integer' }, type: { type: 'string' }, value: { type: 'string' }, ttl: { type: 'integer' }, ts: { type: 'integer' }, publicRead: { type: 'boolean' } } };
const item = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, handle: { type: 'string' }, prefix: { type: 'string' }, suffix: { type: 'string' }, kind: { type: 'string' },
    enterpriseId: { type: 'integer' }, gtin: { type: ['string', 'null'] }, lot: { type: ['string', 'null'] }, serial: { type: ['string', 'null'] },
    materialId: { type: ['integer', 'null'] }, url: { type: 'string' }, digitalLink: { type: ['string', 'null'] },
    gs1Key: { type: ['string', 'null'], description: 'the canonical GS1 key this identifier holds; null when another identifier holds it' },
    values: { type: 'array', items: storedValue }, createdAt: { type: 'integer' }, updatedAt: { type: 'integer' },
  },
};
const handleResponse = {
  type: 'object',
  properties: {
    responseCode: { type: 'integer' },
    handle: { type: 'string' },
    message: { type: 'string' },
    values: {
      type: 'array',
      items: {
        type: 'object',
        properties: { index: { type: 'integer' }, type: { type: 'string' }, data: { type: 'object', properties: { format: { type: 'string' }, value: { type: 'string' } } }, ttl: { type: 'integer' }, timestamp: { type: 'string' } },
      },
    },
  },
};

export function registerIdentityRoutes(app: FastifyInstance, identity: IdentityService): void {
  const tags = ['identifiers'];

  app.post('/api/v1/identifiers', {
    schema: {
      tags,
      summary: 'Mint an identifier (suffix generated as {enterprise}.{KIND}.{yyyymmdd}.{nnnn} unless given)',
      body: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: [...IDENTIFIER_KINDS] },
          enterpriseId: { type: 'integer' },
          suffix: { type: 'string', maxLength: 200 },
          gtin: { type: 'string', maxLength: 14 },
          lot: { type: 'string', maxLength: 20 },
          serial: { type: 'string', maxLength: 20 },
          materialId: { type: 'integer' },
          values: { type: 'array', items: valueInput, maxItems: 100 },
        },
        required: ['kind'],
        additionalProperties: false,
      },
      response: { 201: item, 400: problem, 401: problem, 403: problem, 409: problem },
    },
    handler: async (req, reply) => {
      const created = await identity.mint(requireAuth(req), req.body as Parameters<IdentityService['mint']>[1]);
      return reply.code(201).header('location', `/api/v1/identifiers/${created.id}`).send(created);
    },
  });

  app.get('/api/v1/identifiers', {
    schema: {
      tags,
      summary: 'Identifiers the caller may see',
      querystring: {
        type: 'object',
        properties: {
          ...pageParams(),
          kind: { type: 'string', enum: [...IDENTIFIER_KINDS] },
          enterpriseId: { type: 'integer', minimum: 1, maximum: MAX_ID },
          q: { type: 'string', maxLength: 200 },
        },
        additionalProperties: false,
      },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } }, 400: problem, 401: problem },
    },
    handler: async (req) => identity.list(requireAuth(req), req.query as Parameters<IdentityService['list']>[1]),
  });

  app.get('/api/v1/identifiers/:id', {
    schema: { tags, summary: 'An identifier with all its values', params: idParamsSchema, response: { 200: item, 401: problem, 404: problem } },
    handler: async (req) => identity.get(requireAuth(req), (req.params as { id: number }).id),
  });

  app.patch('/api/v1/identifiers/:id', {
    schema: {
      tags,
      summary: 'Add or replace values (index 100 and above)',
      params: idParamsSchema,
      body: { type: 'object', properties: { values: { type: 'array', items: valueInput, minItems: 1, maxItems: 100 } }, required: ['values'], additionalProperties: false },
      response: { 200: item, 400: problem, 401: problem, 403: problem, 404: problem },
    },
    handler: async (req) => identity.setValues(requireAuth(req), (req.params as { id: number }).id, (req.body as { values: Parameters<IdentityService['setValues']>[2] }).values),
  });

  for (const format of ['svg', 'png'] as const) {
    app.get(`/api/v1/identifiers/:id/label.${format}`, {
      schema: { tags, summary: `A QR label (${format.toUpperCase()}) carrying the resolvable URL`, params: idParamsSchema },
      handler: async (req, reply) => {
        const { body } = await identity.label(requireAuth(req), (req.params as { id: number }).id, format);
        return reply.type(format === 'svg' ? 'image/svg+xml' : 'image/png').header('cache-control', 'private, max-age=300').send(body);
      },
    });
  }

  // Handle REST resolution: public values to anyone, restricted ones to those who may see them.
  app.get('/api/handles/:prefix/*', {
    schema: {
      tags,
      summary: 'Resolve prefix/suffix (Handle REST JSON)',
      security: [],
      params: { type: 'object', properties: { prefix: { type: 'string' }, '*': { type: 'string' } } },
      querystring: { type: 'object', properties: { type: { type: 'array', items: { type: 'string' } }, index: { type: 'array', items: { type: 'integer' } } } },
      response: { 200: handleResponse, 401: handleResponse, 404: handleResponse, 502: handleResponse },
    },
    handler: async (req, reply) => {
      const { prefix, '*': suffix } = req.params as { prefix: string; '*': string };
      const q = req.query as { type?: string[]; index?: number[] };
      const r = await identity.resolve(req.auth, prefix, decodeURIComponent(suffix), q);
      return reply.code(r.status as 200).send(r.body);
    },
  });

  // The URL value of every identifier: people land on its console page, programs on its record.
  app.get('/id/:prefix/*', { schema: { tags, summary: "An identifier's page (browsers) or its Handle record (JSON clients)", security: [] } }, async (req, reply) => {
    const { prefix, '*': suffix } = req.params as { prefix: string; '*': string };
    const decoded = decodeURIComponent(suffix);
    if (req.headers.accept?.includes('application/json')) return reply.redirect(`/api/handles/${prefix}/${suffix}`, 303);
    const id = await identity.idOf(prefix, decoded);
    if (id === undefined) {
      throw new Problem('not-found', `No identifier ${prefix}/${decoded} on this node`);
    }
    return reply.redirect(`/identifiers/${id}`, 303);
  });

  const digitalLink = async (reply: FastifyReply, gtin: string, ai: '10' | '21', value: string, linkType: string | undefined, accept: string | undefined) => {
    const found = await identity.byDigitalLink(gtin, ai, value);
    if (!found) {
      throw new Problem('not-found', `No item with GTIN ${gtin} and ${ai === '10' ? 'lot' : 'serial'} ${value}`);
    }
    const handle = `${found.prefix}/${found.suffix}`;
    const links = {
      anchor: `${identity.baseUrl}/01/${gtin}/${ai}/${encodeURIComponent(value)}`,
      'https://gs1.org/voc/defaultLink': [{ href: `${identity.baseUrl}/id/${handle}`, title: 'Symbiont item page', type: 'text/html' }],
      'https://gs1.org/voc/traceability': [{ href: `${identity.baseUrl}/api/v1/trace/${handle}?direction=both`, title: 'Genealogy', type: 'application/json' }],
      'https://gs1.org/voc/masterData': [{ href: `${identity.baseUrl}/api/handles/${handle}`, title: 'Identifier record (Handle)', type: 'application/json' }],
    };
    if (linkType === 'all' || linkType === 'linkset') return reply.type('application/linkset+json').send({ linkset: [links] });
    if (linkType) {
      const key = linkType.startsWith('http') ? linkType : `https://gs1.org/voc/${linkType.replace(/^gs1:/, '')}`;
      const target = (links as Record<string, unknown>)[key] as { href: string }[] | undefined;
      if (!target) throw new Problem('not-found', `No link of type ${linkType}`);
      return reply.redirect(target[0].href, 307);
    }
    if (accept?.includes('application/json') || accept?.includes('application/linkset+json')) return reply.type('application/linkset+json').send({ linkset: [links] });
    return reply.redirect(links['https://gs1.org/voc/defaultLink'][0].href, 307);
  };
  const dlSchema = {
    schema: {
      tags,
      summary: 'GS1 Digital Link resolution (?linkType=all for the linkset)',
      security: [],
      querystring: { type: 'object', properties: { linkType: { type: 'string', maxLength: 200 } } },
    },
  };
  app.get('/01/:gtin/10/:lot', dlSchema, async (req, reply) => {
    const p = req.params as { gtin: string; lot: string };
    return digitalLink(reply, p.gtin, '10', p.lot, (req.query as { linkType?: string }).linkType, req.headers.accept);
  });
  app.get('/01/:gtin/21/:serial', dlSchema, async (req, reply) => {
    const p = req.params as { gtin: string; serial: string };
    return digitalLink(reply, p.gtin, '21', p.serial, (req.query as { linkType?: string }).linkType, req.headers.accept);
  });
  app.get('/.well-known/gs1resolver', { schema: { tags, summary: 'GS1 resolver description', security: [] } }, async () => ({
    name: 'Symbiont',
    resolverRoot: identity.baseUrl,
    supportedPrimaryKeys: ['01'],
    supportedLinkType: ['gs1:defaultLink', 'gs1:traceability', 'gs1:masterData'],
    linkTypeDefaultCanBeLinkset: true,
    supportedContextValuesEnumerated: [],
  }));
}
