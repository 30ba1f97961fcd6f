/** The EPCIS 2.0 REST binding (capture, capture jobs, events, event by ID), JSON-LD and XML; genealogy and recall. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AuthContext } from '../../core/roles.ts';
import { recallCsv, recallReport } from './recall.ts';
import { registerCollectionRoutes } from '../../core/crud/routes.ts';
import { requireAuth } from '../../core/http.ts';
import { Problem, validation } from '../../core/errors.ts';
import { checkCaptureOffThread } from './capture-pool.ts';
import type { IdentityService } from '../identity/service.ts';
import { queryDocument, QUERY_LIST_PARAMS, type EventQuery, type TraceService } from './service.ts';
import {
  CaptureAcceptedSchema, CaptureBodyDoc, CaptureHeadersSchema, CaptureJobParamsSchema, CaptureJobSchema, CaptureQuerySchema, EPCIS_SHARED_SCHEMAS, EventAnswerSchema,
  EventParamsSchema, EventQueryDocumentSchema, EventsQuerySchema, HandleParamsSchema, jsonLd, problem, RECALL_DEFAULTS, RecallByIdQuerySchema, RecallQuerySchema,
  RecallResponse, TRACE_DEFAULTS, TraceByIdQuerySchema, TraceQuerySchema, TraceSchema,
} from './schemas.ts';

/** The media types of a capture document (EPCIS 2.0 REST binding: JSON-LD, JSON, XML). */
const CAPTURE_MEDIA_TYPES = ['application/ld+json', 'application/json', 'application/xml', 'text/xml'];

/**
 * The serializer of routes that answer EPCIS documents. Events are open content (user extensions,
 * JSON-LD keys) served as they were captured: a schema-driven serializer would drop what the
 * schema does not name and check each event against the oneOf of event types on the way out. The
 * response schemas describe these answers in the OpenAPI document; JSON.stringify writes them.
 */
const asCaptured = () => (data: unknown) => JSON.stringify(data);

/** The EPCISQueryDocument of a page of query results, with the next page in the Link header. */
export function eventPageDocument(req: FastifyRequest, reply: FastifyReply, queryName: string, page: { events: Record<string, unknown>[]; nextPageToken: string | null }) {
  if (page.nextPageToken) {
    const next = new URL(req.url, 'http://x');
    next.searchParams.set('nextPageToken', page.nextPageToken);
    reply.header('link', `<${next.pathname}${next.search}>; rel="next"`);
  }
  reply.type('application/ld+json');
  return queryDocument(queryName, page.events);
}

/** A page of query results as an EPCISQueryDocument, with the next page in the Link header. */
export function sendEventPage(req: FastifyRequest, reply: FastifyReply, queryName: string, page: { events: Record<string, unknown>[]; nextPageToken: string | null }) {
  return reply.send(eventPageDocument(req, reply, queryName, page));
}

/** SimpleEventQuery list values may also come comma-separated in one parameter. */
function splitLists(query: EventQuery): EventQuery {
  const q = { ...query };
  for (const p of QUERY_LIST_PARAMS) {
    const values = q[p];
    if (values) q[p] = values.flatMap((v) => v.split(',')).filter(Boolean);
  }
  return q;
}

export function registerTraceRoutes(fastify: FastifyInstance, trace: TraceService): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  for (const schema of EPCIS_SHARED_SCHEMAS) app.addSchema(schema);
  const tags = ['epcis'];
  // Every answer of the EPCIS interface (/epcis, /queries), errors included, names the versions it
  // speaks. Set when the request arrives, in one callback hook: an async onSend hook per prefix cost
  // every request of the platform two promises.
  app.addHook('onRequest', (req, reply, done) => {
    if (req.url.startsWith('/epcis') || req.url.startsWith('/queries')) reply.header('GS1-EPCIS-Version', '2.0.0').header('GS1-CBV-Version', '2.0.0');
    done();
  });

  // Capture documents reach the job as text: a capture worker parses them (JSON-LD or XML) off the
  // request thread, and the job keeps the text as sent.
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.removeContentTypeParser(['application/json']);
    scope.addContentTypeParser(['application/json', 'application/ld+json', 'application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: 20 * 1_048_576 }, (_req, body, done) => done(null, body));
    scope.post('/epcis/capture', {
      bodyLimit: 20 * 1_048_576,
      // The body is described for the OpenAPI document only: a capture worker parses and checks it
      // (below, and in the job), so Fastify does not validate it a second time.
      config: { swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, body: CaptureBodyDoc }, url }) },
      schema: {
        tags,
        summary: 'Capture an EPCIS document (JSON-LD or XML); answers 202 with the capture job in Location',
        querystring: CaptureQuerySchema,
        headers: CaptureHeadersSchema,
        response: { 202: CaptureAcceptedSchema, 400: problem, 401: problem, 403: problem, 413: problem, 415: problem },
      },
      handler: async (req, reply) => {
        const ctx = requireAuth(req);
        const behaviour = req.headers['gs1-capture-error-behaviour'] ?? 'rollback';
        // Refused on the request, before a job exists: a media type that is not JSON(-LD)/XML (415), and a document
        // that is empty, not well formed, nested too deep or not shaped like capture input (400). The check runs in
        // a capture worker; validating the events stays with the job (docs/epcis.md, "Capture: what is refused when").
        const contentType = String(req.headers['content-type'] ?? '');
        const media = contentType.split(';')[0].trim().toLowerCase();
        if (!CAPTURE_MEDIA_TYPES.includes(media)) {
          throw new Problem('unsupported-media-type', `A capture document is ${CAPTURE_MEDIA_TYPES.join(', ')}; not ${media || 'a body without a content type'}`);
        }
        const refused = await checkCaptureOffThread({ body: req.body, contentType: media });
        if (refused.length) {
          throw validation(
            `The capture document is refused: ${refused[0].message}`,
            refused.slice(0, 20).map((e) => ({ path: `/body${e.eventIndex === null ? '' : `/${e.eventIndex}`}${e.path}`, message: e.message })),
          );
        }
        const { id } = await trace.startCapture(ctx, req.body, contentType, behaviour, req.query.enterpriseId);
        return reply.code(202).header('location', `/epcis/capture/${id}`).send({ captureID: id });
      },
    });
  });

  app.get('/epcis/capture/:captureID', {
    schema: {
      tags,
      summary: 'A capture job: running, success, how many events were captured, the errors',
      params: CaptureJobParamsSchema,
      response: { 200: CaptureJobSchema, 401: problem, 404: problem },
    },
    handler: async (req) => trace.job(requireAuth(req), req.params.captureID),
  });

  app.get('/epcis/events', {
    serializerCompiler: asCaptured,
    schema: {
      tags,
      summary: 'Query events (SimpleEventQuery parameters; list values comma-separated or repeated)',
      querystring: EventsQuerySchema,
      response: {
        200: jsonLd(EventQueryDocumentSchema, 'An EPCISQueryDocument with a page of events; the next page is in the Link header (rel="next")'),
        400: problem,
        401: problem,
      },
    },
    handler: async (req, reply) => {
      const page = await trace.query(requireAuth(req), splitLists(req.query));
      return reply.send(eventPageDocument(req, reply, 'SimpleEventQuery', page));
    },
  });

  app.get('/epcis/events/*', {
    serializerCompiler: asCaptured,
    schema: {
      tags,
      summary: 'One event by its eventID (URL-encoded)',
      params: EventParamsSchema,
      response: { 200: jsonLd(EventAnswerSchema, 'The event, with who recorded it (symbiont:recordedBy)'), 400: problem, 401: problem, 404: problem },
    },
    handler: async (req, reply) => {
      const id = decodeURIComponent(req.params['*']);
      if (!id) throw validation('an eventID is required', [{ path: '/path/eventID', message: 'is required' }]);
      return reply.type('application/ld+json').send(await trace.event(requireAuth(req), id));
    },
  });
}

export function registerGenealogyRoutes(fastify: FastifyInstance, trace: TraceService, identity: IdentityService): void {
  registerCollectionRoutes(fastify, trace.shares);
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Links whose recorder never held a lot are followed only on request (docs/trace.md, "held").
  const wantsUnconfirmed = (q: { unconfirmed?: boolean; include?: 'unconfirmed' }) => q.unconfirmed === true || q.include === 'unconfirmed';

  /** The identifier a handle names, as the URI its events use (its canonical Digital Link where it has a GTIN). */
  const rootOf = async (ctx: AuthContext, params: { prefix: string; '*': string }) => {
    const item = await identity.byHandle(ctx, params.prefix, decodeURIComponent(params['*']));
    return { handle: item.handle, root: item.gtin ? `https://id.gs1.org/01/${item.gtin}${item.serial ? `/21/${item.serial}` : item.lot ? `/10/${item.lot}` : ''}` : item.url };
  };
  const genealogy = async (ctx: AuthContext, root: string, q: { direction?: 'backward' | 'forward' | 'both'; depth?: number; unconfirmed?: boolean; include?: 'unconfirmed' }) => {
    const { direction = TRACE_DEFAULTS.direction, depth = TRACE_DEFAULTS.depth } = q;
    const t = await trace.trace(ctx, [root], direction, depth, { unconfirmed: wantsUnconfirmed(q) });
    return { direction, depth, ...t, handles: Object.fromEntries(await identity.handlesOf(t.nodes.map((n) => n.ref))) };
  };
  const recall = async (ctx: AuthContext, root: string, q: { depth?: number; format?: 'json' | 'csv'; unconfirmed?: boolean; include?: 'unconfirmed' }, reply: FastifyReply) => {
    const { depth = RECALL_DEFAULTS.depth, format = RECALL_DEFAULTS.format } = q;
    const unconfirmed = wantsUnconfirmed(q);
    const t = await trace.trace(ctx, [root], 'forward', depth, { unconfirmed });
    const report = { ...recallReport(t, t.enterprises, await identity.handlesOf(t.nodes.map((n) => n.ref)), depth, Date.now()), unconfirmed };
    if (format === 'csv') {
      const name = (report.rootHandle ?? 'lot').replace(/[^A-Za-z0-9.-]+/g, '_');
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="recall-${name}.csv"`).send(recallCsv(report));
    }
    return report;
  };

  app.get('/api/v1/trace', {
    schema: {
      tags: ['trace'],
      summary: 'The genealogy of any identifier (EPC URI, EPC class or GS1 Digital Link URI), minted here or not',
      querystring: TraceByIdQuerySchema,
      response: { 200: TraceSchema, 400: problem, 401: problem },
    },
    handler: async (req) => genealogy(requireAuth(req), req.query.id, req.query),
  });

  app.get('/api/v1/trace/:prefix/*', {
    schema: {
      tags: ['trace'],
      summary: "An identifier's genealogy: nodes (identifiers with attributed quantities and the enterprises that handled them) and edges (events)",
      params: HandleParamsSchema,
      querystring: TraceQuerySchema,
      response: { 200: TraceSchema, 400: problem, 401: problem, 404: problem },
    },
    handler: async (req) => {
      const ctx = requireAuth(req);
      const { handle, root } = await rootOf(ctx, req.params);
      return { handle, ...(await genealogy(ctx, root, req.query)) };
    },
  });

  app.get('/api/v1/recall', {
    schema: {
      tags: ['trace'],
      summary: 'Recall impact of any identifier: every downstream lot, its attributed quantity and holders (JSON or CSV)',
      querystring: RecallByIdQuerySchema,
      response: { 200: RecallResponse, 400: problem, 401: problem },
    },
    handler: async (req, reply) => recall(requireAuth(req), req.query.id, req.query, reply),
  });

  app.get('/api/v1/recall/:prefix/*', {
    schema: {
      tags: ['trace'],
      summary: 'Recall impact of an identifier minted here (JSON or CSV)',
      params: HandleParamsSchema,
      querystring: RecallQuerySchema,
      response: { 200: RecallResponse, 400: problem, 401: problem, 404: problem },
    },
    handler: async (req, reply) => {
      const ctx = requireAuth(req);
      const { root } = await rootOf(ctx, req.params);
      return recall(ctx, root, req.query, reply);
    },
  });
}
