/**
 * The KPI routes: settings, the indicators of a scope and period, their trend and drill-down,
 * what enterprises state per period (a collection with a CSV import) and targets (a generic
 * collection). Thin: typed request in, one service call, typed response out; errors are Problems.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { registerCollectionRoutes } from '../../core/crud/routes.ts';
import { createSchema, idParamsSchema, itemSchema, listQuerySchema, listResponseSchema, updateSchema } from '../../core/crud/schemas.ts';
import type { ListQueryOf } from '../../core/crud/spec.ts';
import { requireAuth } from '../../core/http.ts';
import { INPUT_CSV_COLUMNS } from './inputs-csv.ts';
import { kpiInputSpec } from './resources.ts';
import {
  InputImportSchema, KpiAnswerSchema, KpiFlowsQuerySchema, KpiFlowsSchema, KpiQuerySchema, KpiSettingsResponseSchema, KpiSettingsSchema, KpiTrendQuerySchema, KpiTrendSchema,
} from './schemas.ts';
import type { CreateKpiInput, KpiService } from './service.ts';

const problem = { $ref: 'problem#' };
const tags = ['kpis'];
const readErrors = { 400: problem, 401: problem, 403: problem, 404: problem };
const writeErrors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
/** A CSV of stated figures: years of every unit of every enterprise fit well under this. */
const IMPORT_BODY_LIMIT = 4 * 1_048_576;

export function registerKpiRoutes(fastify: FastifyInstance, kpis: KpiService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/kpi-settings', {
    schema: { tags, summary: 'The park’s accounting settings (electricity basis, emission factor set, grid and heat factors, circularity data)', response: { 200: KpiSettingsResponseSchema, 401: problem } },
    handler: async (req) => kpis.settings(requireAuth(req)),
  });
  app.put('/api/v1/kpi-settings', {
    schema: { tags, summary: 'Replace the park’s accounting settings (park administrator; material codes must be in the catalogue)', body: KpiSettingsSchema, response: { 200: KpiSettingsResponseSchema, 400: problem, 401: problem, 403: problem } },
    handler: async (req) => kpis.putSettings(requireAuth(req), req.body),
  });

  app.get('/api/v1/kpis', {
    schema: {
      tags,
      summary: 'The indicators of a scope and period, each with its inputs, the previous period, the same period last year and its target; an indicator whose inputs are missing names them',
      querystring: KpiQuerySchema,
      response: { 200: KpiAnswerSchema, ...readErrors },
    },
    handler: async (req) => kpis.kpis(requireAuth(req), req.query),
  });
  app.get('/api/v1/kpis/trend', {
    schema: { tags, summary: 'Each indicator over a run of months, quarters or years (at most 120), with the target’s trajectory', querystring: KpiTrendQuerySchema, response: { 200: KpiTrendSchema, ...readErrors } },
    handler: async (req) => kpis.trend(requireAuth(req), req.query),
  });
  app.get('/api/v1/kpis/flows', {
    schema: { tags, summary: 'The flows behind one indicator: which term of its formula each counts in, and how much', querystring: KpiFlowsQuerySchema, response: { 200: KpiFlowsSchema, ...readErrors } },
    handler: async (req) => kpis.contributions(requireAuth(req), req.query),
  });

  // Inputs: the generic collection's routes, except that a create may name its unit by node code.
  const input = itemSchema(kpiInputSpec);
  const base = '/api/v1/kpi-inputs';
  const create = createSchema(kpiInputSpec);
  const createInput = Type.Unsafe<CreateKpiInput>({ ...create, properties: { ...create.properties, nodeCode: { type: ['string', 'null'], minLength: 1, maxLength: 100, description: 'the unit’s flow-node code, instead of nodeId' } } });
  const inputTags = [kpiInputSpec.collection];
  app.get(base, {
    schema: { tags: inputTags, summary: 'List KPI inputs (value added and production per enterprise or unit and period)', querystring: listQuerySchema(kpiInputSpec), response: { 200: listResponseSchema(kpiInputSpec), 400: problem, 401: problem } },
    handler: async (req) => kpis.listInputs(requireAuth(req), req.query as ListQueryOf<typeof kpiInputSpec>),
  });
  app.get(`${base}/:id`, {
    schema: { tags: inputTags, summary: 'Get a KPI input', params: idParamsSchema, response: { 200: input, ...writeErrors } },
    handler: async (req) => kpis.inputs.get(requireAuth(req), req.params.id),
  });
  app.post(base, {
    schema: { tags: inputTags, summary: 'State value added and production for a period (the enterprise as a whole, or one of its units by nodeId or nodeCode)', body: createInput, response: { 201: input, ...writeErrors } },
    handler: async (req, reply) => {
      const created = await kpis.createInput(requireAuth(req), req.body);
      return reply.code(201).header('location', `${base}/${created.id}`).send(created);
    },
  });
  app.patch(`${base}/:id`, {
    schema: { tags: inputTags, summary: 'Change a KPI input’s figures', params: idParamsSchema, body: updateSchema(kpiInputSpec), response: { 200: input, ...writeErrors } },
    handler: async (req) => kpis.updateInput(requireAuth(req), req.params.id, req.body),
  });
  app.delete(`${base}/:id`, {
    schema: { tags: inputTags, summary: 'Delete a KPI input', params: idParamsSchema, response: { 204: { type: 'null' }, ...writeErrors } },
    handler: async (req, reply) => {
      await kpis.inputs.remove(requireAuth(req), req.params.id);
      return (reply as FastifyReply).code(204).send();
    },
  });
  // The CSV arrives as text, with its own body limit.
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.post(`${base}/import`, {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: inputTags,
        summary: `Import KPI inputs from CSV (${INPUT_CSV_COLUMNS.join(',')}): upserted by enterprise, unit and period; a file with any bad row imports nothing (422, every bad row and why)`,
        response: { 200: InputImportSchema, 400: problem, 401: problem, 403: problem, 413: problem, 415: problem, 422: problem },
      },
      handler: async (req) => kpis.importInputs(requireAuth(req), typeof req.body === 'string' ? req.body : ''),
    });
  });

  registerCollectionRoutes(fastify, kpis.targets);
}
