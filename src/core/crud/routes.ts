/**
 * HTTP routes of a collection, with request and response schemas that also make the OpenAPI doc.
 * The schemas are TypeBox's, so through the type provider the handlers see the request typed from
 * the spec (query, params, body) and must return what the response schema says.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireAuth } from '../http.ts';
import { createSchema, idParamsSchema, itemSchema, listQuerySchema, listResponseSchema, updateSchema } from './schemas.ts';
import type { ResourceService } from './service.ts';
import type { CreateOf, ListQueryOf, PatchOf, ResourceSpec } from './spec.ts';

export function registerCollectionRoutes<S extends ResourceSpec>(fastify: FastifyInstance, service: ResourceService<S>): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { spec } = service;
  const base = `/api/v1/${spec.collection}`;
  const tags = [spec.collection];
  const item = itemSchema(spec);
  const problem = { $ref: 'problem#' };
  const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

  app.get(base, {
    schema: { tags, summary: `List ${spec.label.toLowerCase()}s`, querystring: listQuerySchema(spec), response: { 200: listResponseSchema(spec), 400: problem, 401: problem } },
    handler: async (req) => service.list(requireAuth(req), req.query as ListQueryOf<S>),
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: `Get a ${spec.label.toLowerCase()}`, params: idParamsSchema, response: { 200: item, ...errors } },
    handler: async (req) => service.get(requireAuth(req), req.params.id),
  });

  app.post(base, {
    schema: { tags, summary: `Create a ${spec.label.toLowerCase()}`, body: createSchema(spec), response: { 201: item, ...errors } },
    handler: async (req, reply) => {
      const created = await service.create(requireAuth(req), req.body as CreateOf<S>);
      return reply.code(201).header('location', `${base}/${created.id}`).send(created);
    },
  });

  app.patch(`${base}/:id`, {
    schema: { tags, summary: `Update a ${spec.label.toLowerCase()}`, params: idParamsSchema, body: updateSchema(spec), response: { 200: item, ...errors } },
    handler: async (req) => service.update(requireAuth(req), req.params.id, req.body as PatchOf<S>),
  });

  app.delete(`${base}/:id`, {
    schema: { tags, summary: `Delete a ${spec.label.toLowerCase()}`, params: idParamsSchema, response: { 204: { type: 'null' }, ...errors } },
    handler: async (req, reply) => {
      await service.remove(requireAuth(req), req.params.id);
      return (reply as FastifyReply).code(204).send();
    },
  });
}
