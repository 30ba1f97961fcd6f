/**
 * The ledger's routes: nodes, flows, stocks, periods and share rules. Thin: typed request in, one
 * service call, typed response out; errors are Problems. (Reconciliation, balances, the Sankey and
 * the sources have routes of their own.)
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { registerCollectionRoutes } from '../../core/crud/routes.ts';
import { createSchema, idParamsSchema, itemSchema, updateSchema } from '../../core/crud/schemas.ts';
import { requireAuth } from '../../core/http.ts';
import { NODE_KINDS } from './model.ts';
import type { FlowLedgerService } from './ledger-service.ts';
import { flowNodeSpec } from './resources.ts';
import { CreateFlowSchema, FlowListQuerySchema, FlowPageSchema, FlowParamsSchema, FlowSchema, PatchFlowSchema, PeriodListSchema, PutStockSchema, StockListSchema, StockQuerySchema, StockSchema } from './schemas.ts';

const problem = { $ref: 'problem#' };
const tags = ['flows'];
const readErrors = { 400: problem, 401: problem, 404: problem };
const writeErrors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export function registerFlowLedgerRoutes(fastify: FastifyInstance, flows: FlowLedgerService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const node = itemSchema(flowNodeSpec);

  // Nodes: the directory is the ledger's own (enterprise nodes are everyone's), writes are the generic resource's.
  app.get('/api/v1/flow-nodes', {
    schema: {
      tags,
      summary: 'Ledger nodes: park-level and enterprise nodes to everyone, unit nodes to their enterprise and the park',
      querystring: Type.Object({ kind: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...NODE_KINDS] })), enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(node) }), 400: problem, 401: problem },
    },
    handler: async (req) => flows.listNodes(requireAuth(req), req.query),
  });
  app.get('/api/v1/flow-nodes/:id', {
    schema: { tags, summary: 'A ledger node', params: idParamsSchema, response: { 200: node, ...readErrors } },
    handler: async (req) => flows.getNode(requireAuth(req), req.params.id),
  });
  app.post('/api/v1/flow-nodes', {
    schema: { tags, summary: 'Add a unit or boundary node the registry does not give (park administrators: park-level; enterprise administrators: their own)', body: createSchema(flowNodeSpec), response: { 201: node, ...writeErrors } },
    handler: async (req, reply) => {
      const created = await flows.createNode(requireAuth(req), req.body);
      return reply.code(201).header('location', `/api/v1/flow-nodes/${created.id}`).send(created);
    },
  });
  app.patch('/api/v1/flow-nodes/:id', {
    schema: { tags, summary: 'Change a node people added (synced nodes follow the registry: 409)', params: idParamsSchema, body: updateSchema(flowNodeSpec), response: { 200: node, ...writeErrors } },
    handler: async (req) => flows.updateNode(requireAuth(req), req.params.id, req.body),
  });
  app.delete('/api/v1/flow-nodes/:id', {
    schema: { tags, summary: 'Delete a node people added that no flow names', params: idParamsSchema, response: { 204: { type: 'null' }, ...writeErrors } },
    handler: async (req, reply) => {
      await flows.removeNode(requireAuth(req), req.params.id);
      return (reply as FastifyReply).code(204).send();
    },
  });

  app.get('/api/v1/flows', {
    schema: { tags, summary: 'Flows the caller may see: its own, those with an end at its nodes, those shared with it', querystring: FlowListQuerySchema, response: { 200: FlowPageSchema, 400: problem, 401: problem } },
    handler: async (req) => flows.listFlows(requireAuth(req), req.query),
  });
  app.get('/api/v1/flows/periods', {
    schema: { tags, summary: 'The periods that have flows the caller may see, with their counts', response: { 200: PeriodListSchema, 401: problem } },
    handler: async (req) => ({ items: await flows.periods(requireAuth(req)) }),
  });
  app.post('/api/v1/flows', {
    schema: { tags, summary: 'Record a flow by hand (nodes and material by code)', body: CreateFlowSchema, response: { 201: FlowSchema, ...writeErrors } },
    handler: async (req, reply) => {
      const created = await flows.createFlow(requireAuth(req), req.body);
      return reply.code(201).header('location', `/api/v1/flows/${created.id}`).send(created);
    },
  });
  app.get('/api/v1/flows/:id', {
    schema: { tags, summary: 'A flow', params: FlowParamsSchema, response: { 200: FlowSchema, ...readErrors } },
    handler: async (req) => flows.getFlow(requireAuth(req), req.params.id),
  });
  app.patch('/api/v1/flows/:id', {
    schema: { tags, summary: 'Change a flow entered by hand (rows of other sources: 409, their re-run replaces them)', params: FlowParamsSchema, body: PatchFlowSchema, response: { 200: FlowSchema, ...writeErrors } },
    handler: async (req) => flows.patchFlow(requireAuth(req), req.params.id, req.body),
  });
  app.delete('/api/v1/flows/:id', {
    schema: { tags, summary: 'Delete a flow entered by hand', params: FlowParamsSchema, response: { 204: { type: 'null' }, ...writeErrors } },
    handler: async (req, reply) => {
      await flows.deleteFlow(requireAuth(req), req.params.id);
      return (reply as FastifyReply).code(204).send();
    },
  });

  app.get('/api/v1/flow-stocks', {
    schema: { tags, summary: 'Stocks of a period (and the periods within it) the caller may see', querystring: StockQuerySchema, response: { 200: StockListSchema, 400: problem, 401: problem } },
    handler: async (req) => flows.listStocks(requireAuth(req), req.query.period),
  });
  app.put('/api/v1/flow-stocks', {
    schema: { tags, summary: "Record a node's opening and closing stock of a material for a period (replaces what was recorded)", body: PutStockSchema, response: { 200: StockSchema, ...writeErrors } },
    handler: async (req) => flows.putStock(requireAuth(req), req.body),
  });

  app.delete('/api/v1/flow-stocks/:id', {
    schema: { tags, summary: 'Delete a recorded stock', params: FlowParamsSchema, response: { 204: { type: 'null' }, ...writeErrors } },
    handler: async (req, reply) => {
      await flows.deleteStock(requireAuth(req), req.params.id);
      return (reply as FastifyReply).code(204).send();
    },
  });

  registerCollectionRoutes(fastify, flows.shares);
}
