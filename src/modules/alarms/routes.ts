/** The alarms' HTTP routes: rules and share rules (generic collections), alarms, their history, summary and bulk actions. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerCollectionRoutes } from '../../core/crud/routes.ts';
import { requireAuth } from '../../core/http.ts';
import {
  actionsBodySchema, actionsResponseSchema, alarmIdParamsSchema, alarmItemSchema, alarmListQuerySchema, alarmPageSchema,
  historyPageSchema, historyQuerySchema, summarySchema,
} from './schemas.ts';
import type { AlarmService } from './service.ts';

export function registerAlarmRoutes(fastify: FastifyInstance, alarms: AlarmService): void {
  registerCollectionRoutes(fastify, alarms.rules);
  registerCollectionRoutes(fastify, alarms.shares);
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['alarms'];
  const problem = { $ref: 'problem#' };

  app.get('/api/v1/alarms', {
    schema: { tags, summary: 'List the alarms the caller sees, newest activation first', querystring: alarmListQuerySchema, response: { 200: alarmPageSchema, 400: problem, 401: problem } },
    handler: async (req) => alarms.list(requireAuth(req), req.query),
  });

  app.get('/api/v1/alarms/summary', {
    schema: { tags, summary: 'Counts of the alarms the caller sees, by state and severity', response: { 200: summarySchema, 401: problem } },
    handler: async (req) => alarms.summary(requireAuth(req)),
  });

  app.post('/api/v1/alarms/actions', {
    schema: {
      tags,
      summary: 'Acknowledge, shelve, unshelve or comment on alarms in bulk',
      description: 'Each alarm is answered on its own: refused ones carry the lifecycle’s reason and a problem. Shelving needs a reason and an expiry (until, or durationMinutes) at most 7 days ahead.',
      body: actionsBodySchema,
      response: { 200: actionsResponseSchema, 400: problem, 401: problem },
    },
    handler: async (req) => alarms.act(requireAuth(req), req.body),
  });

  app.get('/api/v1/alarms/:id', {
    schema: { tags, summary: 'Get an alarm', params: alarmIdParamsSchema, response: { 200: alarmItemSchema, 400: problem, 401: problem, 404: problem } },
    handler: async (req) => alarms.get(requireAuth(req), req.params.id),
  });

  app.get('/api/v1/alarms/:id/history', {
    schema: { tags, summary: 'The journal of an alarm, newest first', params: alarmIdParamsSchema, querystring: historyQuerySchema, response: { 200: historyPageSchema, 400: problem, 401: problem, 404: problem } },
    handler: async (req) => alarms.history(requireAuth(req), req.params.id, req.query),
  });
}
