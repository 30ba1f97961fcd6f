/** The deal routes: thin, typed request in, one service call, typed response out. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireAuth } from '../../../core/http.ts';
import {
  DealActionSchema, DealDetailSchema, DealListQuerySchema, DealPageSchema, DealParamsSchema, DeliveryManifestSchema, DeliveryParamsSchema, ImpactQuerySchema, ImpactSchema, ProposeDealSchema, RecordDeliverySchema,
} from './schemas.ts';
import type { DealService } from './service.ts';

const problem = { $ref: 'problem#' };
const tags = ['exchange'];
const writeErrors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export function registerDealRoutes(fastify: FastifyInstance, deals: DealService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/exchange/deals', {
    schema: {
      tags,
      summary: "Deals the caller's enterprise is a party to (every deal for park roles); role narrows to those it supplies or receives; latest change first",
      querystring: DealListQuerySchema,
      response: { 200: DealPageSchema, 400: problem, 401: problem, 403: problem },
    },
    handler: async (req) => deals.list(requireAuth(req), req.query),
  });

  app.post('/api/v1/exchange/deals', {
    schema: {
      tags,
      summary: 'Propose a deal on one of your listings and a published listing of another enterprise (compatible materials); the other party answers',
      body: ProposeDealSchema,
      response: { 201: DealDetailSchema, ...writeErrors },
    },
    handler: async (req, reply) => {
      const created = await deals.propose(requireAuth(req), req.body);
      return reply.code(201).header('location', `/api/v1/exchange/deals/${created.id}`).send(created);
    },
  });

  app.get('/api/v1/exchange/deals/:id', {
    schema: {
      tags,
      summary: 'A deal with its history and deliveries (the two parties and park roles)',
      params: DealParamsSchema,
      response: { 200: DealDetailSchema, 400: problem, 401: problem, 403: problem, 404: problem },
    },
    handler: async (req) => deals.get(requireAuth(req), req.params.id),
  });

  app.post('/api/v1/exchange/deals/:id/actions', {
    schema: {
      tags,
      summary: 'Counter, accept, decline (the party whose turn it is), withdraw (the proposer) or terminate (either party of an accepted deal), answering the version the caller saw',
      params: DealParamsSchema,
      body: DealActionSchema,
      response: { 200: DealDetailSchema, ...writeErrors },
    },
    handler: async (req) => deals.act(requireAuth(req), req.params.id, req.body),
  });

  app.post('/api/v1/exchange/deals/:id/deliveries/:deliveryId/record', {
    schema: {
      tags,
      summary: 'The supplier records a delivery: a flow in the ledger and a shipping event with the lot in traceability; the last one completes the deal',
      params: DeliveryParamsSchema,
      body: RecordDeliverySchema,
      response: { 200: DealDetailSchema, ...writeErrors },
    },
    handler: async (req) => deals.recordDelivery(requireAuth(req), req.params.id, req.params.deliveryId, req.body),
  });

  app.post('/api/v1/exchange/deals/:id/deliveries/:deliveryId/manifest', {
    schema: {
      tags,
      summary: "The supplier opens the hazardous-waste manifest (a draft) of a scheduled delivery of a hazardous material; the receiver's acceptance of the manifest records the delivery",
      params: DeliveryParamsSchema,
      response: { 201: DeliveryManifestSchema, ...writeErrors },
    },
    handler: async (req, reply) => {
      const opened = await deals.openManifest(requireAuth(req), req.params.id, req.params.deliveryId);
      return reply.code(201).header('location', `/api/v1/manifests/${opened.manifestId}`).send(opened);
    },
  });

  app.get('/api/v1/exchange/impact', {
    schema: {
      tags,
      summary: 'Diverted t, avoided t CO2 and CNY saved per month from recorded deliveries: the park for park roles, its own deals for an enterprise',
      querystring: ImpactQuerySchema,
      response: { 200: ImpactSchema, 400: problem, 401: problem, 403: problem },
    },
    handler: async (req) => deals.impact(requireAuth(req), req.query),
  });
}
