/**
 * `/api/v1/alarm-webhooks`: the collection (list, get, create answering the secret once, update,
 * delete), a webhook's deliveries and dead letters, retry of a dead one, a new secret, a test ping.
 * Thin: typed request in, one service call, typed response out.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DbHandle } from '../../../adapters/db/index.ts';
import type { Bus } from '../../../adapters/bus/port.ts';
import type { AuditStore } from '../../../core/audit/store.ts';
import { createSchema, idParamsSchema, itemSchema, listQuerySchema, listResponseSchema, updateSchema } from '../../../core/crud/schemas.ts';
import type { CreateOf, ListQueryOf, PatchOf } from '../../../core/crud/spec.ts';
import { requireAuth } from '../../../core/http.ts';
import { AlarmWebhookDispatcher, type DispatcherDeps } from './dispatcher.ts';
import { alarmWebhookSpec } from './resources.ts';
import { createdSchema, deliveriesQuerySchema, deliveryPageSchema, deliverySchema, secretSchema } from './schemas.ts';
import { AlarmWebhookService } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Alarm webhooks: the service, and through it the dispatcher startPlatform starts and stops. */
    alarmWebhooks: AlarmWebhookService;
  }
}

type Spec = typeof alarmWebhookSpec;

/**
 * Builds the webhooks' service and dispatcher, serves their routes and hangs the service on the
 * app as `app.alarmWebhooks` (startPlatform starts `app.alarmWebhooks.dispatcher`).
 */
export function registerAlarmWebhooks(app: FastifyInstance, deps: { handle: DbHandle; audit: AuditStore; bus: Bus }, more: Omit<DispatcherDeps, 'bus'>): AlarmWebhookService {
  const service = new AlarmWebhookService(deps.handle, deps.audit, new AlarmWebhookDispatcher(deps.handle, { bus: deps.bus, ...more }));
  app.decorate('alarmWebhooks', service);
  registerAlarmWebhookRoutes(app, service);
  return service;
}

export function registerAlarmWebhookRoutes(fastify: FastifyInstance, service: AlarmWebhookService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const spec = alarmWebhookSpec;
  const base = `/api/v1/${spec.collection}`;
  const tags = [spec.collection];
  const item = itemSchema(spec);
  const problem = { $ref: 'problem#' };
  const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
  const hooks = service.webhooks;

  app.get(base, {
    schema: { tags, summary: 'List alarm webhooks', querystring: listQuerySchema(spec), response: { 200: listResponseSchema(spec), 400: problem, 401: problem } },
    handler: async (req) => hooks.list(requireAuth(req), req.query as ListQueryOf<Spec>),
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: 'Get an alarm webhook', params: idParamsSchema, response: { 200: item, ...errors } },
    handler: async (req) => hooks.get(requireAuth(req), req.params.id),
  });

  app.post(base, {
    schema: { tags, summary: 'Create an alarm webhook; the answer carries its signing secret, shown only this once', body: createSchema(spec), response: { 201: createdSchema, ...errors } },
    handler: async (req, reply) => {
      const created = await service.create(requireAuth(req), req.body as CreateOf<Spec>);
      return reply.code(201).header('location', `${base}/${created.id}`).send(created);
    },
  });

  app.patch(`${base}/:id`, {
    schema: { tags, summary: 'Update an alarm webhook', params: idParamsSchema, body: updateSchema(spec), response: { 200: item, ...errors } },
    handler: async (req) => hooks.update(requireAuth(req), req.params.id, req.body as PatchOf<Spec>),
  });

  app.delete(`${base}/:id`, {
    schema: { tags, summary: 'Delete an alarm webhook and its deliveries', params: idParamsSchema, response: { 204: { type: 'null' }, ...errors } },
    handler: async (req, reply) => {
      await hooks.remove(requireAuth(req), req.params.id);
      return (reply as FastifyReply).code(204).send();
    },
  });

  app.post(`${base}/:id/rotate-secret`, {
    schema: { tags, summary: 'Replace the signing secret; the answer carries the new one, shown only this once', params: idParamsSchema, response: { 200: secretSchema, ...errors } },
    handler: async (req) => service.rotateSecret(requireAuth(req), req.params.id),
  });

  app.post(`${base}/:id/test`, {
    schema: { tags, summary: 'Send a signed ping now; answers the delivery it made', params: idParamsSchema, response: { 200: deliverySchema, ...errors } },
    handler: async (req) => service.test(requireAuth(req), req.params.id),
  });

  app.get(`${base}/:id/deliveries`, {
    schema: { tags, summary: "A webhook's deliveries, newest first (status=dead: its dead letters)", params: idParamsSchema, querystring: deliveriesQuerySchema, response: { 200: deliveryPageSchema, ...errors } },
    handler: async (req) => service.deliveries(requireAuth(req), req.params.id, req.query),
  });

  app.post(`${base}/deliveries/:id/retry`, {
    schema: { tags, summary: 'Re-queue a dead-lettered delivery', params: idParamsSchema, response: { 200: deliverySchema, ...errors } },
    handler: async (req) => service.retry(requireAuth(req), req.params.id),
  });
}
