/**
 * HTTP routes of identifiers: minting and values under /api/v1/identifiers, Handle REST
 * resolution under /api/handles, GS1 Digital Link paths (/01/{gtin}/10/{lot}, /01/{gtin}/21/{serial})
 * with /.well-known/gs1resolver, and QR labels.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { idParamsSchema } from '../../core/crud/schemas.ts';
import { Problem } from '../../core/errors.ts';
import { requireAuth } from '../../core/http.ts';
import {
  HandleParamsSchema, HandleQuerySchema, HandleResponseSchema, IdentifierPageSchema, IdentifierSchema, LinkTypeQuerySchema, ListQuerySchema,
  LotLinkParamsSchema, MintBodySchema, ResolverDescriptionSchema, SerialLinkParamsSchema, SetValuesBodySchema,
} from './schemas.ts';
import type { IdentityService } from './service.ts';

const problem = { $ref: 'problem#' };

export function registerIdentityRoutes(fastify: FastifyInstance, identity: IdentityService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['identifiers'];

  app.post('/api/v1/identifiers', {
    schema: {
      tags,
      summary: 'Mint an identifier (suffix generated as {enterprise}.{KIND}.{yyyymmdd}.{nnnn} unless given)',
      body: MintBodySchema,
      response: { 201: IdentifierSchema, 400: problem, 401: problem, 403: problem, 409: problem },
    },
    handler: async (req, reply) => {
      const created = await identity.mint(requireAuth(req), req.body);
      return reply.code(201).header('location', `/api/v1/identifiers/${created.id}`).send(created);
    },
  });

  app.get('/api/v1/identifiers', {
    schema: { tags, summary: 'Identifiers the caller may see', querystring: ListQuerySchema, response: { 200: IdentifierPageSchema, 400: problem, 401: problem } },
    handler: async (req) => identity.list(requireAuth(req), req.query),
  });

  app.get('/api/v1/identifiers/:id', {
    schema: { tags, summary: 'An identifier with all its values', params: idParamsSchema, response: { 200: IdentifierSchema, 401: problem, 404: problem } },
    handler: async (req) => identity.get(requireAuth(req), req.params.id),
  });

  app.patch('/api/v1/identifiers/:id', {
    schema: {
      tags,
      summary: 'Add or replace values (index 100 and above)',
      params: idParamsSchema,
      body: SetValuesBodySchema,
      response: { 200: IdentifierSchema, 400: problem, 401: problem, 403: problem, 404: problem },
    },
    handler: async (req) => identity.setValues(requireAuth(req), req.params.id, req.body.values),
  });

  for (const format of ['svg', 'png'] as const) {
    app.get(`/api/v1/identifiers/:id/label.${format}`, {
      schema: { tags, summary: `A QR label (${format.toUpperCase()}) carrying the resolvable URL`, params: idParamsSchema },
      handler: async (req, reply) => {
        const { body } = await identity.label(requireAuth(req), req.params.id, format);
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
      params: HandleParamsSchema,
      querystring: HandleQuerySchema,
      response: { 200: HandleResponseSchema, 401: HandleResponseSchema, 404: HandleResponseSchema, 502: HandleResponseSchema },
    },
    handler: async (req, reply) => {
      const { prefix, '*': suffix } = req.params;
      const r = await identity.resolve(req.auth, prefix, decodeURIComponent(suffix), req.query);
      return reply.code(r.status).send(r.body);
    },
  });

  // The URL value of every identifier: people land on its console page, programs on its record.
  app.get('/id/:prefix/*', { schema: { tags, summary: "An identifier's page (browsers) or its Handle record (JSON clients)", security: [], params: HandleParamsSchema } }, async (req, reply) => {
    const { prefix, '*': suffix } = req.params;
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
    const defaultLink = { href: `${identity.baseUrl}/id/${handle}`, title: 'Symbiont item page', type: 'text/html' };
    const targets = new Map([
      ['https://gs1.org/voc/defaultLink', [defaultLink]],
      ['https://gs1.org/voc/traceability', [{ href: `${identity.baseUrl}/api/v1/trace/${handle}?direction=both`, title: 'Genealogy', type: 'application/json' }]],
      ['https://gs1.org/voc/masterData', [{ href: `${identity.baseUrl}/api/handles/${handle}`, title: 'Identifier record (Handle)', type: 'application/json' }]],
    ]);
    const links = { anchor: `${identity.baseUrl}/01/${gtin}/${ai}/${encodeURIComponent(value)}`, ...Object.fromEntries(targets) };
    if (linkType === 'all' || linkType === 'linkset') return reply.type('application/linkset+json').send({ linkset: [links] });
    if (linkType) {
      const key = linkType.startsWith('http') ? linkType : `https://gs1.org/voc/${linkType.replace(/^gs1:/, '')}`;
      const target = targets.get(key);
      if (!target) throw new Problem('not-found', `No link of type ${linkType}`);
      return reply.redirect(target[0].href, 307);
    }
    if (accept?.includes('application/json') || accept?.includes('application/linkset+json')) return reply.type('application/linkset+json').send({ linkset: [links] });
    return reply.redirect(defaultLink.href, 307);
  };
  const dl = { tags, summary: 'GS1 Digital Link resolution (?linkType=all for the linkset)', security: [], querystring: LinkTypeQuerySchema };
  app.get('/01/:gtin/10/:lot', { schema: { ...dl, params: LotLinkParamsSchema } }, async (req, reply) => {
    return digitalLink(reply, req.params.gtin, '10', req.params.lot, req.query.linkType, req.headers.accept);
  });
  app.get('/01/:gtin/21/:serial', { schema: { ...dl, params: SerialLinkParamsSchema } }, async (req, reply) => {
    return digitalLink(reply, req.params.gtin, '21', req.params.serial, req.query.linkType, req.headers.accept);
  });
  app.get('/.well-known/gs1resolver', { schema: { tags, summary: 'GS1 resolver description', security: [], response: { 200: ResolverDescriptionSchema } } }, async () => ({
    name: 'Symbiont',
    resolverRoot: identity.baseUrl,
    supportedPrimaryKeys: ['01'],
    supportedLinkType: ['gs1:defaultLink', 'gs1:traceability', 'gs1:masterData'],
    linkTypeDefaultCanBeLinkset: true,
    supportedContextValuesEnumerated: [],
  }));
}
