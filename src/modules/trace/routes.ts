/** The EPCIS 2.0 REST binding (capture, capture jobs, events, event by ID), JSON-LD and XML. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../core/roles.ts';
import { recallCsv, recallReport } from './recall.ts';
import { registerCollectionRoutes } from '../../core/crud/routes.ts';
import { requireAuth } from '../../core/http.ts';
import { Problem, validation } from '../../core/errors.ts';
import { checkCaptureOffThread } from './capture-pool.ts';
import type { IdentityService } from '../identity/service.ts';
import { queryDocument, QUERY_LIST_PARAMS, type CaptureBehaviour, type EventQuery, type TraceService } from './service.ts';

const problem = { $ref: 'problem#' };
/** The media types of a capture document (EPCIS 2.0 REST binding: JSON-LD, JSON, XML). */
const CAPTURE_MEDIA_TYPES = ['application/ld+json', 'application/json', 'application/xml', 'text/xml'];
const LIST_PARAMS = QUERY_LIST_PARAMS;

/** A page of query results as an EPCISQueryDocument, with the next page in the Link header. */
export function sendEventPage(req: FastifyRequest, reply: FastifyReply, queryName: string, page: { events: Record<string, unknown>[]; nextPageToken: string | null }) {
  if (page.nextPageToken) {
    const next = new URL(req.url, 'http://x');
    next.searchParams.set('nextPageToken', page.nextPageToken);
    reply.header('link', `<${next.pathname}${next.search}>; rel="next"`);
  }
  return reply.type('application/ld+json').send(queryDocument(queryName, page.events));
}

export function registerTraceRoutes(app: FastifyInstance, trace: TraceService): void {
  const tags = ['epcis'];
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/epcis')) reply.header('GS1-EPCIS-Version', '2.0.0').header('GS1-CBV-Version', '2.0.0');
  });

  // Capture documents reach the job as text: a capture worker parses them (JSON-LD or XML) off the
  // request thread, and the job keeps the text as sent.
  void app.register(async (scope) => {
    scope.removeContentTypeParser(['application/json']);
    scope.addContentTypeParser(['application/json', 'application/ld+json', 'application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: 20 * 1_048_576 }, (_req, body, done) => done(null, body));
    scope.post('/epcis/capture', {
      bodyLimit: 20 * 1_048_576,
      schema: {
        tags,
        summary: 'Capture an EPCIS document (JSON-LD or XML); answers 202 with the capture job in Location',
        querystring: { type: 'object', properties: { enterpriseId: { type: 'integer' } }, additionalProperties: false },
        headers: { type: 'object', properties: { 'gs1-capture-error-behaviour': { type: 'string', enum: ['rollback', 'proceed'] } } },
        response: { 202: { type: 'object', properties: { captureID: { type: 'string' } } }, 400: problem, 401: problem, 403: problem, 413: problem, 415: problem },
      },
      handler: async (req, reply) => {
        const ctx = requireAuth(req);
        const behaviour = ((req.headers['gs1-capture-error-behaviour'] as string | undefined) ?? 'rollback') as CaptureBehaviour;
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
        const { id } = await trace.startCapture(ctx, req.body, contentType, behaviour, (req.query as { enterpriseId?: number }).enterpriseId);
        return reply.code(202).header('location', `/epcis/capture/${id}`).send({ captureID: id });
      },
    });
  });

  app.get('/epcis/capture/:captureID', {
    schema: {
      tags,
      summary: 'A capture job: running, success, how many events were captured, the errors',
      params: { type: 'object', properties: { captureID: { type: 'string', maxLength: 64 } } },
      response: {
        200: {
          type: 'object',
          properties: {
            captureID: { type: 'string' }, running: { type: 'boolean' }, success: { type: 'boolean' }, captureErrorBehaviour: { type: 'string' },
            createdAt: { type: 'string' }, finishedAt: { type: ['string', 'null'] }, captured: { type: 'integer' }, duplicates: { type: 'integer' },
            errors: { type: 'array', items: { type: 'object', properties: { eventIndex: { type: ['integer', 'null'] }, path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
        401: problem,
        404: problem,
      },
    },
    handler: async (req) => trace.job(requireAuth(req), (req.params as { captureID: string }).captureID),
  });

  app.get('/epcis/events', {
    schema: {
      tags,
      summary: 'Query events (SimpleEventQuery parameters; list values comma-separated or repeated)',
      querystring: {
        type: 'object',
        properties: {
          GE_eventTime: { type: 'string' }, LT_eventTime: { type: 'string' }, GE_recordTime: { type: 'string' }, LT_recordTime: { type: 'string' },
          perPage: { type: 'integer', minimum: 1, maximum: 1000 }, nextPageToken: { type: 'string', maxLength: 200 },
          ...Object.fromEntries(LIST_PARAMS.map((p) => [p, { type: 'array', items: { type: 'string', maxLength: 500 } }])),
        },
        additionalProperties: false,
      },
      response: { 400: problem, 401: problem },
    },
    handler: async (req, reply) => {
      const q = { ...(req.query as Record<string, unknown>) } as Record<string, unknown>;
      for (const p of LIST_PARAMS) if (Array.isArray(q[p])) q[p] = (q[p] as string[]).flatMap((v) => v.split(',')).filter(Boolean);
      return sendEventPage(req, reply, 'SimpleEventQuery', await trace.query(requireAuth(req), q as EventQuery));
    },
  });

  app.get('/epcis/events/*', {
    schema: { tags, summary: 'One event by its eventID (URL-encoded)', params: { type: 'object', properties: { '*': { type: 'string' } } }, response: { 401: problem, 404: problem } },
    handler: async (req, reply) => {
      const id = decodeURIComponent((req.params as { '*': string })['*']);
      if (!id) throw validation('an eventID is required', [{ path: '/path/eventID', message: 'is required' }]);
      return reply.type('application/ld+json').send(await trace.event(requireAuth(req), id));
    },
  });
}

export function registerGenealogyRoutes(app: FastifyInstance, trace: TraceService, identity: IdentityService): void {
  registerCollectionRoutes(app, trace.shares);
  // Links whose recorder never held a lot are followed only on request (docs/trace.md, "held").
  const unconfirmedQuery = {
    unconfirmed: { type: 'boolean', default: false, description: 'also follow links whose recorder never held the lot, marked confirmed: false with the reason' },
    include: { type: 'string', enum: ['unconfirmed'], description: 'include=unconfirmed: the same as unconfirmed=true' },
  };
  const traceQuery = {
    direction: { type: 'string', enum: ['backward', 'forward', 'both'], default: 'both' },
    depth: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
    ...unconfirmedQuery,
  };
  const recallQuery = { depth: { type: 'integer', minimum: 1, maximum: 50, default: 50 }, format: { type: 'string', enum: ['json', 'csv'], default: 'json' }, ...unconfirmedQuery };
  const wantsUnconfirmed = (q: unknown) => (q as { unconfirmed?: boolean }).unconfirmed === true || (q as { include?: string }).include === 'unconfirmed';
  const handleParams = { type: 'object', properties: { prefix: { type: 'string' }, '*': { type: 'string' } } };

  /** The identifier a handle names, as the URI its events use (its canonical Digital Link where it has a GTIN). */
  const rootOf = async (ctx: AuthContext, params: unknown) => {
    const { prefix, '*': suffix } = params as { prefix: string; '*': string };
    const item = await identity.byHandle(ctx, prefix, decodeURIComponent(suffix));
    return { handle: item.handle, root: item.gtin ? `https://id.gs1.org/01/${item.gtin}${item.serial ? `/21/${item.serial}` : item.lot ? `/10/${item.lot}` : ''}` : item.url };
  };
  const genealogy = async (ctx: AuthContext, root: string, direction: 'backward' | 'forward' | 'both', depth: number, unconfirmed: boolean) => {
    const t = await trace.trace(ctx, [root], direction, depth, { unconfirmed });
    return { direction, depth, ...t, handles: Object.fromEntries(await identity.handlesOf(t.nodes.map((n) => n.ref))) };
  };
  const recall = async (ctx: AuthContext, root: string, q: { depth: number; format: 'json' | 'csv' }, reply: FastifyReply) => {
    const unconfirmed = wantsUnconfirmed(q);
    const t = await trace.trace(ctx, [root], 'forward', q.depth, { unconfirmed });
    const report = { ...recallReport(t, t.enterprises, await identity.handlesOf(t.nodes.map((n) => n.ref)), q.depth, Date.now()), unconfirmed };
    if (q.format === 'csv') {
      const name = (report.rootHandle ?? 'lot').replace(/[^A-Za-z0-9.-]+/g, '_');
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="recall-${name}.csv"`).send(recallCsv(report));
    }
    return report;
  };

  app.get('/api/v1/trace', {
    schema: {
      tags: ['trace'],
      summary: 'The genealogy of any identifier (EPC URI, EPC class or GS1 Digital Link URI), minted here or not',
      querystring: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 500 }, ...traceQuery }, required: ['id'], additionalProperties: false },
      response: { 400: problem, 401: problem },
    },
    handler: async (req) => {
      const q = req.query as { id: string; direction: 'backward' | 'forward' | 'both'; depth: number };
      return genealogy(requireAuth(req), q.id, q.direction, q.depth, wantsUnconfirmed(q));
    },
  });

  app.get('/api/v1/trace/:prefix/*', {
    schema: {
      tags: ['trace'],
      summary: "An identifier's genealogy: nodes (identifiers with attributed quantities and the enterprises that handled them) and edges (events)",
      params: handleParams,
      querystring: { type: 'object', properties: traceQuery, additionalProperties: false },
      response: { 400: problem, 401: problem, 404: problem },
    },
    handler: async (req) => {
      const ctx = requireAuth(req);
      const { handle, root } = await rootOf(ctx, req.params);
      const q = req.query as { direction: 'backward' | 'forward' | 'both'; depth: number };
      return { handle, ...(await genealogy(ctx, root, q.direction, q.depth, wantsUnconfirmed(q))) };
    },
  });

  app.get('/api/v1/recall', {
    schema: {
      tags: ['trace'],
      summary: 'Recall impact of any identifier: every downstream lot, its attributed quantity and holders (JSON or CSV)',
      querystring: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 500 }, ...recallQuery }, required: ['id'], additionalProperties: false },
      response: { 400: problem, 401: problem },
    },
    handler: async (req, reply) => {
      const q = req.query as { id: string; depth: number; format: 'json' | 'csv' };
      return recall(requireAuth(req), q.id, q, reply);
    },
  });

  app.get('/api/v1/recall/:prefix/*', {
    schema: {
      tags: ['trace'],
      summary: 'Recall impact of an identifier minted here (JSON or CSV)',
      params: handleParams,
      querystring: { type: 'object', properties: recallQuery, additionalProperties: false },
      response: { 400: problem, 401: problem, 404: problem },
    },
    handler: async (req, reply) => {
      const ctx = requireAuth(req);
      const { root } = await rootOf(ctx, req.params);
      return recall(ctx, root, req.query as { depth: number; format: 'json' | 'csv' }, reply);
    },
  });
}
