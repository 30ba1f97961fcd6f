/** The EPCIS 2.0 REST binding's named queries and webhook subscriptions (/queries). */
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../../core/http.ts';
import { sendEventPage } from './routes.ts';
import { QUERY_LIST_PARAMS, QUERY_NAME_PATTERN, QUERY_TIME_PARAMS, type SubscriptionRequest, type SubscriptionService } from './subscriptions.ts';
import { SCHEDULE_FIELDS } from './schedule.ts';

const problem = { $ref: 'problem#' };
const tags = ['epcis'];

const queryDefinition = {
  type: 'object',
  description: 'SimpleEventQuery parameters, as for GET /epcis/events (lists as JSON arrays)',
  properties: {
    ...Object.fromEntries(QUERY_TIME_PARAMS.map((p) => [p, { type: 'string', format: 'date-time' }])),
    ...Object.fromEntries(QUERY_LIST_PARAMS.map((p) => [p, { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 500 } }])),
  },
  additionalProperties: false,
};
const namedQuery = {
  type: 'object',
  properties: { name: { type: 'string' }, query: { type: 'object', additionalProperties: true }, createdAt: { type: 'string' }, createdBy: { type: 'string' } },
};
const scheduleSchema = {
  type: 'object',
  description: 'Cron-like, UTC; each field a comma-separated list of N, N-M or [N-M], *, X/step. Omitted fields match any value.',
  properties: Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, { type: ['string', 'integer'], maxLength: 200 }])),
  additionalProperties: false,
};
const subscription = {
  type: 'object',
  properties: {
    subscriptionID: { type: 'string' }, queryName: { type: 'string' }, dest: { type: 'string' }, createdAt: { type: 'string' }, createdBy: { type: 'string' },
    stream: { type: 'boolean' }, schedule: { type: 'object', additionalProperties: { type: 'string' } }, reportIfEmpty: { type: 'boolean' },
    initialRecordTime: { type: 'string' }, signed: { type: 'boolean' },
    nextRunAt: { type: ['string', 'null'] }, nextAttemptAt: { type: ['string', 'null'] }, lastAttemptAt: { type: ['string', 'null'] }, lastSuccessAt: { type: ['string', 'null'] },
    lastError: { type: ['string', 'null'] }, lastErrorAt: { type: ['string', 'null'] }, failures: { type: 'integer' }, delivered: { type: 'integer' },
  },
};
const nameParam = { queryName: { type: 'string', pattern: QUERY_NAME_PATTERN } };

export function registerQueryRoutes(app: FastifyInstance, subs: SubscriptionService): void {
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/queries')) reply.header('GS1-EPCIS-Version', '2.0.0').header('GS1-CBV-Version', '2.0.0');
  });

  app.get('/queries', {
    schema: { tags, summary: "The named queries of the caller's enterprise (the park's own for park roles)", response: { 200: { type: 'array', items: namedQuery }, 401: problem } },
    handler: async (req) => subs.listQueries(requireAuth(req)),
  });

  app.post('/queries', {
    schema: {
      tags,
      summary: 'Create a named query; its results are at /queries/{name}/events',
      body: { type: 'object', required: ['name', 'query'], properties: { name: { type: 'string', pattern: QUERY_NAME_PATTERN }, query: queryDefinition }, additionalProperties: false },
      response: { 201: namedQuery, 400: problem, 401: problem, 403: problem, 409: problem },
    },
    handler: async (req, reply) => {
      const body = req.body as { name: string; query: Record<string, unknown> };
      const created = await subs.createQuery(requireAuth(req), body);
      return reply.code(201).header('location', `/queries/${encodeURIComponent(created.name)}`).send(created);
    },
  });

  app.get('/queries/:queryName', {
    schema: { tags, summary: 'A named query: its name and definition', params: { type: 'object', properties: nameParam }, response: { 200: namedQuery, 400: problem, 401: problem, 404: problem } },
    handler: async (req) => subs.getQuery(requireAuth(req), (req.params as { queryName: string }).queryName),
  });

  app.delete('/queries/:queryName', {
    schema: { tags, summary: 'Delete a named query and unsubscribe all its subscriptions', params: { type: 'object', properties: nameParam }, response: { 204: { type: 'null' }, 400: problem, 401: problem, 403: problem, 404: problem } },
    handler: async (req, reply) => {
      await subs.deleteQuery(requireAuth(req), (req.params as { queryName: string }).queryName);
      return reply.code(204).send();
    },
  });

  app.get('/queries/:queryName/events', {
    schema: {
      tags,
      summary: "Run a named query with the caller's visibility; an EPCISQueryDocument, paged like /epcis/events",
      params: { type: 'object', properties: nameParam },
      querystring: { type: 'object', properties: { perPage: { type: 'integer', minimum: 1, maximum: 1000 }, nextPageToken: { type: 'string', maxLength: 200 } }, additionalProperties: false },
      response: { 400: problem, 401: problem, 404: problem },
    },
    handler: async (req, reply) => {
      const { queryName } = req.params as { queryName: string };
      const page = req.query as { perPage?: number; nextPageToken?: string };
      return sendEventPage(req, reply, queryName, await subs.runQuery(requireAuth(req), queryName, page));
    },
  });

  app.post('/queries/:queryName/subscriptions', {
    schema: {
      tags,
      summary: 'Subscribe a webhook to a named query: stream: true (events as they are captured) or a schedule',
      params: { type: 'object', properties: nameParam },
      body: {
        type: 'object',
        required: ['dest'],
        properties: {
          dest: { type: 'string', minLength: 1, maxLength: 2000, description: 'http or https URL the EPCISQueryDocuments are POSTed to' },
          signatureToken: { type: 'string', minLength: 1, maxLength: 1000, description: 'deliveries carry GS1-Signature: base64 HMAC-SHA256 of the body keyed by this token' },
          reportIfEmpty: { type: 'boolean', default: false },
          stream: { type: 'boolean' },
          schedule: scheduleSchema,
          initialRecordTime: { type: 'string', format: 'date-time' },
        },
        additionalProperties: false,
      },
      response: { 201: subscription, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
    },
    handler: async (req, reply) => {
      const { queryName } = req.params as { queryName: string };
      const created = await subs.subscribe(requireAuth(req), queryName, req.body as SubscriptionRequest);
      return reply.code(201).header('location', `/queries/${encodeURIComponent(queryName)}/subscriptions/${created.subscriptionID}`).send(created);
    },
  });

  app.get('/queries/:queryName/subscriptions', {
    schema: { tags, summary: 'The subscriptions to a named query, with their delivery state', params: { type: 'object', properties: nameParam }, response: { 200: { type: 'array', items: subscription }, 400: problem, 401: problem, 404: problem } },
    handler: async (req) => subs.listSubscriptions(requireAuth(req), (req.params as { queryName: string }).queryName),
  });

  const subParams = { type: 'object', properties: { ...nameParam, subscriptionID: { type: 'string', maxLength: 64 } } };
  app.get('/queries/:queryName/subscriptions/:subscriptionID', {
    schema: { tags, summary: 'One subscription: its definition and delivery state (last attempt, last error, failures, next run)', params: subParams, response: { 200: subscription, 400: problem, 401: problem, 404: problem } },
    handler: async (req) => {
      const { queryName, subscriptionID } = req.params as { queryName: string; subscriptionID: string };
      return subs.getSubscription(requireAuth(req), queryName, subscriptionID);
    },
  });

  app.delete('/queries/:queryName/subscriptions/:subscriptionID', {
    schema: { tags, summary: 'Unsubscribe', params: subParams, response: { 204: { type: 'null' }, 400: problem, 401: problem, 403: problem, 404: problem } },
    handler: async (req, reply) => {
      const { queryName, subscriptionID } = req.params as { queryName: string; subscriptionID: string };
      await subs.unsubscribe(requireAuth(req), queryName, subscriptionID);
      return reply.code(204).send();
    },
  });
}
