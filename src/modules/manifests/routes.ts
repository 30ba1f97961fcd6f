/** The manifest routes: thin, typed request in, one service call, typed response out. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireAuth } from '../../core/http.ts';
import {
  CreateManifestSchema, ManifestActionBodySchema, ManifestDetailSchema, ManifestListQuerySchema, ManifestPageSchema, ManifestParamsSchema, ManifestSettingsOutSchema, ManifestSettingsSchema,
  OverviewQuerySchema, OverviewSchema, PatchManifestSchema, PdfQuerySchema, VocabularySchema,
} from './schemas.ts';
import type { ManifestService } from './service.ts';

const problem = { $ref: 'problem#' };
const tags = ['manifests'];
const readErrors = { 400: problem, 401: problem, 403: problem, 404: problem };
const writeErrors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export function registerManifestRoutes(fastify: FastifyInstance, manifests: ManifestService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/manifests', {
    schema: {
      tags,
      summary: "Hazardous-waste manifests the caller's enterprise is a party to (every one for park roles and regulators), newest change first, each with its state",
      querystring: ManifestListQuerySchema,
      response: { 200: ManifestPageSchema, 400: problem, 401: problem, 403: problem },
    },
    handler: async (req) => manifests.list(requireAuth(req), req.query),
  });

  app.post('/api/v1/manifests', {
    schema: {
      tags,
      summary: "Draft a manifest as its generator (the caller's enterprise): its number is assigned now; batches without an identifier get one minted",
      body: CreateManifestSchema,
      response: { 201: ManifestDetailSchema, ...writeErrors },
    },
    handler: async (req, reply) => {
      const created = await manifests.create(requireAuth(req), req.body);
      return reply.code(201).header('location', `/api/v1/manifests/${created.id}`).send(created);
    },
  });

  app.get('/api/v1/manifests/overview', {
    schema: {
      tags,
      summary: "The park's watch over hazardous-waste movements: manifests by state, t per month, open discrepancies, overdue and open manifests, receiver licence capacity left (an enterprise: its own)",
      querystring: OverviewQuerySchema,
      response: { 200: OverviewSchema, 400: problem, 401: problem, 403: problem },
    },
    handler: async (req) => manifests.overview(requireAuth(req), req.query),
  });

  app.get('/api/v1/manifests/vocabulary', {
    schema: { tags, summary: 'Utilization and disposal method codes, and the hazard characteristics each waste code of the catalogue defaults to', response: { 200: VocabularySchema, 401: problem } },
    handler: async (req) => {
      requireAuth(req);
      return manifests.vocabulary();
    },
  });

  app.get('/api/v1/manifests/:id', {
    schema: {
      tags,
      summary: 'A manifest with its lines, legs, signatures (their chain verified), whose turn it is, what the caller may do, the licence problems of the next step, its revisions and links',
      params: ManifestParamsSchema,
      response: { 200: ManifestDetailSchema, ...readErrors },
    },
    handler: async (req) => manifests.get(requireAuth(req), req.params.id),
  });

  app.patch('/api/v1/manifests/:id', {
    schema: {
      tags,
      summary: 'Edit a draft (its generator), answering the version the caller saw; lines and legs given replace the lists',
      params: ManifestParamsSchema,
      body: PatchManifestSchema,
      response: { 200: ManifestDetailSchema, ...writeErrors },
    },
    handler: async (req) => manifests.patch(requireAuth(req), req.params.id, req.body),
  });

  app.post('/api/v1/manifests/:id/actions', {
    schema: {
      tags,
      summary:
        'Sign the next step as the party whose turn it is (sign, hand_over, take_over, accept, partially_reject, reject, process, resolve_discrepancy, close, cancel, correct), answering the version the caller saw; the signer is the caller',
      params: ManifestParamsSchema,
      body: ManifestActionBodySchema,
      response: { 200: ManifestDetailSchema, ...writeErrors },
    },
    handler: async (req) => manifests.act(requireAuth(req), req.params.id, req.body),
  });

  app.get('/api/v1/manifests/:id/pdf', {
    schema: {
      tags,
      summary: 'The printable manifest (PDF, zh-CN or English) with the QR code of its identifier',
      params: ManifestParamsSchema,
      querystring: PdfQuerySchema,
      response: readErrors,
    },
    handler: async (req, reply) => {
      const { number, pdf } = await manifests.pdf(requireAuth(req), req.params.id, req.query.lang ?? 'zh-CN');
      const fileName = `manifest-${number.replace(/[^0-9A-Za-z._-]/g, '_')}.pdf`;
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  });

  app.get('/api/v1/manifest-settings', {
    schema: { tags, summary: "The park's manifest settings: number format, discrepancy tolerances, overdue allowances", response: { 200: ManifestSettingsOutSchema, 401: problem, 403: problem } },
    handler: async (req) => manifests.getSettings(requireAuth(req)),
  });

  app.put('/api/v1/manifest-settings', {
    schema: { tags, summary: "Replace the park's manifest settings (park administrators)", body: ManifestSettingsSchema, response: { 200: ManifestSettingsOutSchema, 400: problem, 401: problem, 403: problem } },
    handler: async (req) => manifests.putSettings(requireAuth(req), req.body),
  });
}
