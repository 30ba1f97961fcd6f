/** HTTP routes of a collection, with request and response schemas that also make the OpenAPI doc. */
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../http.ts';
import { createSchema, idParamsSchema, itemSchema, listQuerySchema, listResponseSchema, updateSchema } from './schemas.ts';
import type { ResourceService } from './service.ts';
import type { ListQuery } from './store.ts';

export function registerCollectionRoutes(app: FastifyInstance, service: ResourceService): void {
  const { spec } = service;
  const base = `/api/v1/${spec.collection}`;
  const tags = [spec.collection];
  const item = itemSchema(spec);
  const problem = { $ref: 'problem#' };
  const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

  app.get(base, {
    schema: { tags, summary: `List ${spec.label.toLowerCase()}s`, querystring: listQuerySchema(spec), response: { 200: listResponseSchema(spec), 400: problem, 401: problem } },
    handler: async (req) => service.list(requireAuth(req), req.query as ListQuery),
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: `Get a ${spec.label.toLowerCase()}`, params: idParamsSchema, response: { 200: item, ...errors } },
    handler: async (req) => service.get(requireAuth(req), (req.params as { id: number }).id),
  });

  app.post(base, {
    schema: { tags, summary: `Create a ${spec.label.toLowerCase()}`, body: createSchema(spec), response: { 201: item, ...errors } },
    handler: async (req, reply) => {
      const created = await service.create(requireAuth(req), req.body as Record<string, unknown>);
      return reply.code(201).header('location', `${base}/${created.id}`).send(created);
    },
  });

  app.patch(`${base}/:id`, {
    schema: { tags, summary: `Update a ${spec.label.toLowerCase()}`, params: idParamsSchema, body: updateSchema(spec), response: { 200: item, ...errors } },
    handler: async (req) => service.update(requireAuth(req), (req.params as { id: number }).id, req.body as Record<string, unknown>),
  });

  app.delete(`${base}/:id`, {
    schema: { tags, summary: `Delete a ${spec.label.toLowerCase()}`, params: idParamsSchema, response: { 204: { type: 'null' }, ...errors } },
    handler: async (req, reply) => {
      await service.remove(requireAuth(req), (req.params as { id: number }).id);
      return reply.code(204).send();
    },
  });
}
