/**
 * The exchange's routes: its four collections (generic), the market, the park's settings, plans,
 * and drafts from the ledger. Deals have their own (deals/routes.ts). Thin: typed request in, one
 * service call, typed response out; errors are Problems.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerCollectionRoutes } from '../../core/crud/routes.ts';
import { requireAuth } from '../../core/http.ts';
import { DraftsSchema, ExchangeSettingsSchema, MarketPageSchema, MarketQuerySchema, PlanAnswerSchema, PlanOverridesSchema } from './schemas.ts';
import type { ExchangeService } from './service.ts';

const problem = { $ref: 'problem#' };
const tags = ['exchange'];

export function registerExchangeRoutes(fastify: FastifyInstance, exchange: ExchangeService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  registerCollectionRoutes(fastify, exchange.listings);
  registerCollectionRoutes(fastify, exchange.licences);
  registerCollectionRoutes(fastify, exchange.substitutions);
  registerCollectionRoutes(fastify, exchange.distances);

  app.get('/api/v1/exchange/market', {
    schema: {
      tags,
      summary: 'Published offers and demands the caller may see (its own, the park’s audience, partners naming it; park roles all), anonymous ones of others without enterprise and site',
      querystring: MarketQuerySchema,
      response: { 200: MarketPageSchema, 400: problem, 401: problem },
    },
    handler: async (req) => exchange.market(requireAuth(req), req.query),
  });

  app.get('/api/v1/exchange/settings', {
    schema: { tags, summary: 'The park’s exchange settings: carbon price, road factor, transport, disposal and virgin-material costs and CO2', response: { 200: ExchangeSettingsSchema, 401: problem } },
    handler: async (req) => exchange.settings(requireAuth(req)),
  });
  app.put('/api/v1/exchange/settings', {
    schema: { tags, summary: 'Replace the park’s exchange settings (park administrator)', body: ExchangeSettingsSchema, response: { 200: ExchangeSettingsSchema, 400: problem, 401: problem, 403: problem } },
    handler: async (req) => exchange.putSettings(requireAuth(req), req.body),
  });

  app.post('/api/v1/exchange/plans', {
    schema: {
      tags,
      summary: 'The optimal allocation of offers to demands over what the caller sees (HiGHS), with optional what-if changes; writes nothing',
      body: PlanOverridesSchema,
      response: { 200: PlanAnswerSchema, 400: problem, 401: problem, 403: problem },
    },
    // No body at all plans the park as it stands (the contract), as an empty object does.
    preValidation: async (req) => {
      if (req.body === undefined || req.body === null) req.body = {};
    },
    handler: async (req) => exchange.plan(requireAuth(req), req.body ?? {}),
  });

  app.get('/api/v1/exchange/drafts', {
    schema: { tags, summary: 'Offers the caller’s enterprise could make: its wastes and by-products sent to landfill, incineration or storage over the last twelve months', response: { 200: DraftsSchema, 400: problem, 401: problem } },
    handler: async (req) => exchange.drafts(requireAuth(req)),
  });
}
