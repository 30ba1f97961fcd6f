/** The EPCIS 2.0 REST binding's named queries and webhook subscriptions (/queries). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { requireAuth } from '../../core/http.ts';
import { sendEventPage } from './routes.ts';
import {
  CreateQueryBodySchema, NamedQuerySchema, QueryEventsPageSchema, QueryParamsSchema, SubscriptionBodySchema, SubscriptionParamsSchema, SubscriptionSchema,
} from './queries-schemas.ts';
import type { SubscriptionService } from './subscriptions.ts';

const problem = { $ref: 'problem#' };
const tags = ['epcis'];

export function registerQueryRoutes(fastify: FastifyInstance, subs: SubscriptionService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // The GS1-EPCIS-Version headers of /queries are set with those of /epcis (routes.ts).

  app.get('/queries', {
    schema: { tags, summary: "The named queries of the caller's enterprise (the park's own for park roles)", response: { 200: Type.Array(NamedQuerySchema), 401: problem } },
    handler: async (req) => subs.listQueries(requireAuth(req)),
  });

  app.post('/queries', {
    schema: {
      tags,
      summary: 'Create a named query; its results are at /queries/{name}/events',
      body: CreateQueryBodySchema,
      response: { 201: NamedQuerySchema, 400: problem, 401: problem, 403: problem, 409: problem },
    },
    handler: async (req, reply) => {
      const created = await subs.createQuery(requireAuth(req), req.body);
      return reply.code(201).header('location', `/queries/${encodeURIComponent(created.name)}`).send(created);
    },
  });

  app.get('/queries/:queryName', {
    schema: { tags, summary: 'A named query: its name and definition', params: QueryParamsSchema, response: { 200: NamedQuerySchema, 400: problem, 401: problem, 404: problem } },
    handler: async (req) => subs.getQuery(requireAuth(req), req.params.queryName),
  });

  app.delete('/queries/:queryName', {
    schema: { tags, summary: 'Delete a named query and unsubscribe all its subscriptions', params: QueryParamsSchema, response: { 204: Type.Null(), 400: problem, 401: problem, 403: problem, 404: problem } },
    handler: async (req, reply) => {
      await subs.deleteQuery(requireAuth(req), req.params.queryName);
      return reply.code(204).send(null);
    },
  });

  app.get('/queries/:queryName/events', {
    schema: {
      tags,
      summary: "Run a named query with the caller's visibility; an EPCISQueryDocument, paged like /epcis/events",
      params: QueryParamsSchema,
      querystring: QueryEventsPageSchema,
      response: { 400: problem, 401: problem, 404: problem },
    },
    handler: async (req, reply) => {
      const { queryName } = req.params;
      return sendEventPage(req, reply, queryName, await subs.runQuery(requireAuth(req), queryName, req.query));
    },
  });

  app.post('/queries/:queryName/subscriptions', {
    schema: {
      tags,
      summary: 'Subscribe a webhook to a named query: stream: true (events as they are captured) or a schedule',
      params: QueryParamsSchema,
      body: SubscriptionBodySchema,
      response: { 201: SubscriptionSchema, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
    },
    handler: async (req, reply) => {
      const { queryName } = req.params;
      const created = await subs.subscribe(requireAuth(req), queryName, req.body);
      return reply.code(201).header('location', `/queries/${encodeURIComponent(queryName)}/subscriptions/${created.subscriptionID}`).send(created);
    },
  });

  app.get('/queries/:queryName/subscriptions', {
    schema: { tags, summary: 'The subscriptions to a named query, with their delivery state', params: QueryParamsSchema, response: { 200: Type.Array(SubscriptionSchema), 400: problem, 401: problem, 404: problem } },
    handler: async (req) => subs.listSubscriptions(requireAuth(req), req.params.queryName),
  });

  app.get('/queries/:queryName/subscriptions/:subscriptionID', {
    schema: { tags, summary: 'One subscription: its definition and delivery state (last attempt, last error, failures, next run)', params: SubscriptionParamsSchema, response: { 200: SubscriptionSchema, 400: problem, 401: problem, 404: problem } },
    handler: async (req) => subs.getSubscription(requireAuth(req), req.params.queryName, req.params.subscriptionID),
  });

  app.delete('/queries/:queryName/subscriptions/:subscriptionID', {
    schema: { tags, summary: 'Unsubscribe', params: SubscriptionParamsSchema, response: { 204: Type.Null(), 400: problem, 401: problem, 403: problem, 404: problem } },
    handler: async (req, reply) => {
      await subs.unsubscribe(requireAuth(req), req.params.queryName, req.params.subscriptionID);
      return reply.code(204).send(null);
    },
  });
}
