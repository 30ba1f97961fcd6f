/** The balance routes: thin, typed request in, one service call, typed response out. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireAuth } from '../../core/http.ts';
import { BalanceQuerySchema, BalancesSchema, NetworkBodySchema, NetworkResultSchema, ReconcileProblemSchema, SankeySchema } from './balance-schemas.ts';
import { FlowBalanceService, type LedgerReader } from './balance-service.ts';

const problem = { $ref: 'problem#' };
const tags = ['flows'];

/** `services.flows` is the ledger's store (FlowLedgerService); the balances only read it. */
/** Room for the largest network the endpoint takes, with long ids. */
const RECONCILE_BODY_LIMIT = 8 * 1_048_576;

export function registerFlowBalanceRoutes(fastify: FastifyInstance, services: { flows: LedgerReader }): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const balances = new FlowBalanceService(services.flows);

  app.post('/api/v1/flows/reconcile', {
    // The largest network the endpoint takes (5,000 nodes, 20,000 flows) is about 2 MB of JSON.
    bodyLimit: RECONCILE_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Reconcile a flow network (stateless, nothing stored): uncertain flows adjusted by weighted least squares so every node balances, unmeasured flows computed, uncertainties propagated, gross errors tested',
      body: NetworkBodySchema,
      // The 422 carries the flows and nodes concerned: a schema of its own, the shared one would drop them.
      response: { 200: NetworkResultSchema, 400: problem, 401: problem, 422: ReconcileProblemSchema },
    },
    handler: async (req) => {
      requireAuth(req);
      return balances.reconcileNetwork(req.body);
    },
  });

  app.get('/api/v1/flows/balances', {
    schema: {
      tags,
      summary: 'Balances of a period per node (inputs − outputs − stock change), measured and reconciled side by side, with the tests and the suspects',
      querystring: BalanceQuerySchema,
      response: { 200: BalancesSchema, 400: problem, 401: problem, 404: problem },
    },
    handler: async (req) => balances.balances(requireAuth(req), req.query),
  });

  app.get('/api/v1/flows/sankey', {
    schema: {
      tags,
      summary: 'The Sankey of a period: nodes and links (reconciled where the balances reconcile), park → enterprise → unit',
      querystring: BalanceQuerySchema,
      response: { 200: SankeySchema, 400: problem, 401: problem, 404: problem },
    },
    handler: async (req) => balances.sankey(requireAuth(req), req.query),
  });
}
