/** The flow sources' routes: CSV imports, flow-meter links, telemetry and EPCIS runs. Thin: one service call each. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import { requireAuth } from '../../core/http.ts';
import { flowSources, type FlowSourceDeps } from './sources.ts';
import {
  EpcisRunSchema, ImportParamsSchema, ImportQuerySchema, ImportSchema, MeterLinkCreateSchema, MeterLinkListSchema, MeterLinkParamsSchema, MeterLinkPatchSchema,
  MeterLinkSchema, SourceRunSchema, TelemetryRunSchema,
} from './sources-schemas.ts';

const problem = { $ref: 'problem#' };
const tags = ['flows'];
const writeErrors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
/** A CSV of flows: a million rows fit well under this. */
export const IMPORT_BODY_LIMIT = 64 * 1_048_576;

export function registerFlowSourceRoutes(fastify: FastifyInstance, deps: FlowSourceDeps): void {
  const sources = flowSources(deps, (m) => fastify.log.error(m));
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  // The CSV arrives as text (its own body limit); the importer parses it as a stream of chunks.
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.post('/api/v1/flows/imports', {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import flows from CSV (period,from,to,material,quantity,unit,sd,basis): 202 with the job; a file with any rejected row imports nothing',
        querystring: ImportQuerySchema,
        response: { 202: ImportSchema, 400: problem, 401: problem, 403: problem, 413: problem, 415: problem },
      },
      handler: async (req, reply) => {
        const ctx = requireAuth(req);
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const { job } = await sources.imports.start(ctx, req.query.filename ?? 'upload.csv', Readable.from([body]));
        return reply.code(202).header('location', `/api/v1/flows/imports/${job.id}`).send(job);
      },
    });
  });

  app.get('/api/v1/flows/imports/:id', {
    schema: { tags, summary: "A CSV import: its progress while 'running', then 'done' or 'failed' with every rejected row", params: ImportParamsSchema, response: { 200: ImportSchema, 400: problem, 401: problem, 404: problem } },
    handler: async (req) => sources.imports.get(requireAuth(req), req.params.id),
  });

  app.get('/api/v1/flow-meter-links', {
    schema: { tags, summary: 'Flow-meter links: tags whose totals are flows (your enterprise’s; every one for the park)', response: { 200: MeterLinkListSchema, 401: problem } },
    handler: async (req) => ({ items: await sources.links.list(requireAuth(req)) }),
  });
  app.get('/api/v1/flow-meter-links/:id', {
    schema: { tags, summary: 'A flow-meter link', params: MeterLinkParamsSchema, response: { 200: MeterLinkSchema, 400: problem, 401: problem, 404: problem } },
    handler: async (req) => sources.links.get(requireAuth(req), req.params.id),
  });
  app.post('/api/v1/flow-meter-links', {
    schema: { tags, summary: 'Link a tag to a flow (a tag of another enterprise is an unknown tag)', body: MeterLinkCreateSchema, response: { 201: MeterLinkSchema, ...writeErrors } },
    handler: async (req, reply) => {
      const link = await sources.links.create(requireAuth(req), req.body);
      return reply.code(201).header('location', `/api/v1/flow-meter-links/${link.id}`).send(link);
    },
  });
  app.patch('/api/v1/flow-meter-links/:id', {
    schema: { tags, summary: 'Change a flow-meter link', params: MeterLinkParamsSchema, body: MeterLinkPatchSchema, response: { 200: MeterLinkSchema, ...writeErrors } },
    handler: async (req) => sources.links.update(requireAuth(req), req.params.id, req.body),
  });
  app.delete('/api/v1/flow-meter-links/:id', {
    schema: { tags, summary: 'Remove a flow-meter link (its flows stay until the next telemetry run of their period)', params: MeterLinkParamsSchema, response: { 204: { type: 'null' }, ...writeErrors } },
    handler: async (req, reply) => {
      await sources.links.delete(requireAuth(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/v1/flows/sources/telemetry', {
    schema: { tags, summary: 'Write the totals of your flow-meter links over a period; gaps are reported, not filled', body: SourceRunSchema, response: { 200: TelemetryRunSchema, 400: problem, 401: problem, 403: problem } },
    handler: async (req) => sources.telemetry.run(requireAuth(req), req.body.period),
  });
  app.post('/api/v1/flows/sources/epcis', {
    schema: { tags, summary: 'Write the flows of the EPCIS shipments and transformations of a period you may see', body: SourceRunSchema, response: { 200: EpcisRunSchema, 400: problem, 401: problem, 403: problem } },
    handler: async (req) => sources.epcis.run(requireAuth(req), req.body.period),
  });
}
