/**
 * Request and response schemas of trace's routes (routes.ts): the EPCIS 2.0 REST binding (capture,
 * capture jobs, events, event by ID), genealogy and recall. One TypeBox definition per shape gives
 * the handler its types (through the type provider), the validator its schema and the OpenAPI
 * document its description. EPCIS events themselves are described by the project's EPCIS 2.0 JSON
 * schema (epcis/schema.ts), registered as shared schemas (`EPCIS_SHARED_SCHEMAS`) and referenced.
 */
import Type, { type TSchema, type TUnsafe } from 'typebox';
import { Nullable } from '../../core/crud/schemas.ts';
import { epcisDocumentSchema } from './epcis/schema.ts';
import { QUERY_LIST_PARAMS, type EventQuery } from './event-queries.ts';

const oneOfStrings = <const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

export const problem = Type.Unsafe<{ type: string; title: string; status: number; detail: string }>({ $ref: 'problem#' });

// --- the EPCIS 2.0 JSON schema as shared schemas ---------------------------------------------

/** The shared-schema id (and OpenAPI component name) of a definition of the EPCIS schema. */
const epcisId = (name: string) => `epcis.${name}`;
const epcisRef = (name: string) => ({ $ref: `${epcisId(name)}#` });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A part of the EPCIS schema with its `#/definitions/x` references pointing at the shared schemas,
 * said in words the OpenAPI document keeps:
 * - `discriminator` is left out: it is ajv's hint for readable errors; in OpenAPI it would make the
 *   type generator take the component name (`epcis.ObjectEvent`) for the event's `type`, which the
 *   `const` of each event type already states exactly;
 * - a closed object open to extension keys (`patternProperties` + `additionalProperties: false`)
 *   becomes the same rule on its keys (`propertyNames`): @fastify/swagger turns patternProperties
 *   into `additionalProperties`, which would describe every event as open to any key.
 */
function shared(part: unknown): unknown {
  if (Array.isArray(part)) return part.map(shared);
  if (!isObject(part)) return part;
  const { discriminator: _hint, patternProperties, ...rest } = part;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/') ? `${epcisId(v.slice('#/definitions/'.length))}#` : shared(v);
  }
  if (isObject(patternProperties)) {
    const patterns = Object.keys(patternProperties);
    if (rest.additionalProperties !== false || patterns.some((p) => Object.keys(patternProperties[p] as object).length > 0)) {
      throw new Error('epcis/schema.ts: only open extension keys of a closed object are rewritten for the OpenAPI document');
    }
    delete out.additionalProperties;
    out.propertyNames = { anyOf: [{ enum: Object.keys(isObject(rest.properties) ? rest.properties : {}) }, ...patterns.map((pattern) => ({ pattern }))] };
  }
  return out;
}

const { definitions, $id: _id, $schema: _draft, ...documentSchema } = epcisDocumentSchema;

/**
 * The EPCIS 2.0 schema the capture worker validates with, as shared schemas (`app.addSchema`) for
 * the OpenAPI document: one per definition (`epcis.event`, `epcis.ObjectEvent`, `epcis.uri`, …)
 * and the document itself (`epcis.document`). Only referenced from documentation and from
 * responses that are not serialized by schema, so nothing validates or serializes with them twice.
 */
export const EPCIS_SHARED_SCHEMAS: Record<string, unknown>[] = [
  ...Object.entries(isObject(definitions) ? definitions : {}).map(([name, schema]) => ({ $id: epcisId(name), ...(shared(schema) as Record<string, unknown>) })),
  { $id: epcisId('document'), description: 'An EPCISDocument (EPCIS 2.0 JSON-LD binding)', ...(shared(documentSchema) as Record<string, unknown>) },
];

/** What a capture takes, by media type: the body is kept as text and checked by a capture worker, not by Fastify. */
export const CaptureBodyDoc = {
  description: 'An EPCISDocument, a JSON array of events or one event (JSON-LD), or an EPCIS 2.0 XML document. Parsed and validated by the capture job, not on the request.',
  content: {
    ...Object.fromEntries(
      ['application/ld+json', 'application/json'].map((media) => [
        media,
        {
          schema: {
            anyOf: [
              epcisRef('document'),
              { type: 'array', description: 'a bare list of events', items: epcisRef('event') },
              { allOf: [{ type: 'object', required: ['@context'] }, epcisRef('event')], description: 'one event, with its @context' },
            ],
          },
        },
      ]),
    ),
    ...Object.fromEntries(
      ['application/xml', 'text/xml'].map((media) => [media, { schema: { type: 'string', description: 'an EPCISDocument in the EPCIS 2.0 XML binding (urn:epcglobal:epcis:xsd:2)' } }]),
    ),
  },
};

// --- capture ---------------------------------------------------------------------------------

export const CaptureQuerySchema = Type.Object(
  { enterpriseId: Type.Optional(Type.Integer({ description: 'the enterprise the events are captured for (park roles); the caller\'s own by default' })) },
  { additionalProperties: false },
);

export const CaptureHeadersSchema = Type.Object({
  'gs1-capture-error-behaviour': Type.Optional(
    oneOfStrings(['rollback', 'proceed'], { description: 'rollback (default): one invalid event fails the whole capture; proceed: the valid events are captured' }),
  ),
});

export const CaptureAcceptedSchema = Type.Object(
  { captureID: Type.String() },
  { description: 'The capture job was created; its state is at the Location /epcis/capture/{captureID}' },
);

export const CaptureJobParamsSchema = Type.Object({ captureID: Type.String({ maxLength: 64 }) });

export const CaptureJobSchema = Type.Object({
  captureID: Type.String(),
  running: Type.Boolean(),
  success: Type.Boolean({ description: 'false while running, and when it failed or some events were refused' }),
  captureErrorBehaviour: oneOfStrings(['rollback', 'proceed']),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  captured: Type.Integer({ description: 'events stored' }),
  duplicates: Type.Integer({ description: 'events already stored (same hash ID): not stored again' }),
  errors: Type.Array(
    Type.Object({
      eventIndex: Nullable(Type.Integer({ description: "the event's position in the event list; null for the document" })),
      path: Type.String({ description: 'JSON pointer in the event (or the document)' }),
      message: Type.String(),
    }),
  ),
}, { description: 'The capture job: whether it runs, whether it succeeded, what it stored and the errors (by event index)' });

// --- events ----------------------------------------------------------------------------------

/** SimpleEventQuery parameters (typed as the service's query); lists comma-separated or repeated. */
export const EventsQuerySchema = Type.Unsafe<EventQuery>(
  Type.Object(
    {
      GE_eventTime: Type.Optional(Type.String()),
      LT_eventTime: Type.Optional(Type.String()),
      GE_recordTime: Type.Optional(Type.String()),
      LT_recordTime: Type.Optional(Type.String()),
      perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
      nextPageToken: Type.Optional(Type.String({ maxLength: 200 })),
      ...Object.fromEntries(QUERY_LIST_PARAMS.map((p) => [p, Type.Optional(Type.Array(Type.String({ maxLength: 500 })))])),
    },
    { additionalProperties: false },
  ),
);

/** Who recorded an event, as answers show it (event-queries.ts `RecordedByDoc`). */
const RecordedByDocSchema = Type.Object({
  enterprise: Type.Object({ id: Type.Integer(), code: Nullable(Type.String()), name: Nullable(Type.String()) }),
  user: Nullable(Type.String({ description: 'the user or API key that captured it; null: recorded before provenance was kept' })),
  via: Nullable(Type.String()),
});

/**
 * An event as answered: the EPCIS event as captured, with the platform's annotations (extension
 * keys in the `symbiont:` namespace its @context declares). Typed as open content: the stored
 * event is served as it was captured.
 */
export const EventAnswerSchema = Type.Unsafe<Record<string, unknown>>({
  allOf: [
    epcisRef('event'),
    Type.Object({
      'symbiont:recordedBy': RecordedByDocSchema,
      'symbiont:namedParty': Type.Optional(Type.Boolean({ description: "true: another enterprise's record naming the caller as a party" })),
    }),
  ],
});

/** The JSON-LD @context of a query document: the EPCIS context and the `symbiont` prefix. */
const ContextSchema = Type.Array(Type.Union([Type.String(), Type.Record(Type.String(), Type.String())]));

export const EventQueryDocumentSchema = Type.Object({
  '@context': ContextSchema,
  type: Type.Unsafe<string>({ type: 'string', const: 'EPCISQueryDocument' }),
  schemaVersion: Type.String(),
  creationDate: Type.String({ format: 'date-time' }),
  epcisBody: Type.Object({
    queryResults: Type.Object({
      queryName: Type.String(),
      subscriptionID: Type.Optional(Type.String({ description: 'in a subscription delivery' })),
      resultsBody: Type.Object({ eventList: Type.Array(EventAnswerSchema) }),
    }),
  }),
});

/** A JSON-LD answer (the EPCIS REST binding's media type). */
export const jsonLd = <T extends TSchema>(schema: T, description: string) => ({ description, content: { 'application/ld+json': { schema } } });

export const EventParamsSchema = Type.Object({ '*': Type.String({ description: 'the eventID or hash ID (ni:///…), URL-encoded' }) });

// --- genealogy and recall --------------------------------------------------------------------

export const HandleParamsSchema = Type.Object({ prefix: Type.String(), '*': Type.String() });

const unconfirmedQuery = {
  unconfirmed: Type.Optional(Type.Boolean({ default: false, description: 'also follow links whose recorder never held the lot, marked confirmed: false with the reason' })),
  include: Type.Optional(oneOfStrings(['unconfirmed'], { description: 'include=unconfirmed: the same as unconfirmed=true' })),
};
const idQuery = { id: Type.String({ minLength: 1, maxLength: 500 }) };
/** What the validator fills in when a parameter is absent (the handlers' types keep them optional). */
export const TRACE_DEFAULTS = { direction: 'both', depth: 10 } as const;
export const RECALL_DEFAULTS = { depth: 50, format: 'json' } as const;

const traceQuery = {
  direction: Type.Optional(oneOfStrings(['backward', 'forward', 'both'], { default: TRACE_DEFAULTS.direction })),
  depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: TRACE_DEFAULTS.depth })),
  ...unconfirmedQuery,
};
const recallQuery = {
  depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: RECALL_DEFAULTS.depth })),
  format: Type.Optional(oneOfStrings(['json', 'csv'], { default: RECALL_DEFAULTS.format })),
  ...unconfirmedQuery,
};

export const TraceQuerySchema = Type.Object(traceQuery, { additionalProperties: false });
export const TraceByIdQuerySchema = Type.Object({ ...idQuery, ...traceQuery }, { additionalProperties: false });
export const RecallQuerySchema = Type.Object(recallQuery, { additionalProperties: false });
export const RecallByIdQuerySchema = Type.Object({ ...idQuery, ...recallQuery }, { additionalProperties: false });

const quantity = () => Nullable(Type.Number({ description: 'attributed quantity; null: counted items, or unknown' }));
const uom = () => Nullable(Type.String());

const EnterpriseRefSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) });

const TraceNodeSchema = Type.Object({
  ref: Type.String({ description: 'EPC, EPC class or GS1 Digital Link URI' }),
  quantity: quantity(),
  uom: uom(),
  depth: Type.Integer(),
  enterpriseIds: Type.Array(Type.Integer(), { description: 'enterprises that held it and handled it in the events of the trace' }),
  confirmed: Type.Boolean({ description: 'reached from the root through confirmed links only' }),
  unconfirmedEnterpriseIds: Type.Optional(Type.Array(Type.Integer(), { description: 'asked for unconfirmed links: enterprises named with it that never held it' })),
});

const TraceEdgeSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  eventID: Type.String(),
  type: Type.String({ description: 'the EPCIS event type' }),
  quantity: quantity(),
  uom: uom(),
  recordedBy: Type.Object({ enterpriseId: Type.Integer(), user: Nullable(Type.String({ description: 'null: recorded before provenance was kept' })) }),
  confirmed: Type.Boolean({ description: 'the recorder held both lots' }),
  notHeld: Type.Optional(Type.Array(Type.String(), { description: 'unconfirmed: the lots its recorder never held' })),
  reason: Type.Optional(Type.String({ description: 'unconfirmed: why, in words' })),
});

export const TraceSchema = Type.Object({
  handle: Type.Optional(Type.String({ description: 'the handle asked for (only when asked by handle)' })),
  direction: oneOfStrings(['backward', 'forward', 'both']),
  depth: Type.Integer(),
  root: Type.String(),
  nodes: Type.Array(TraceNodeSchema),
  edges: Type.Array(TraceEdgeSchema),
  truncated: Type.Boolean({ description: 'the walk stopped at its depth or size limit' }),
  enterprises: Type.Array(EnterpriseRefSchema, { description: 'the enterprises the nodes and edges name' }),
  unconfirmed: Type.Boolean({ description: 'unconfirmed links were asked for too' }),
  handles: Type.Record(Type.String(), Type.String(), { description: 'nodes that are identifiers minted on this node: ref → "prefix/suffix"' }),
});

const RecallLotSchema = Type.Object({
  ref: Type.String(),
  handle: Nullable(Type.String()),
  depth: Type.Integer(),
  quantity: quantity(),
  uom: uom(),
  holders: Type.Array(EnterpriseRefSchema),
  endpoint: Type.Boolean({ description: 'nothing visible was made from it: the material is still there' }),
  cutOff: Type.Boolean({ description: "at the report's depth: not followed further" }),
  confirmed: Type.Boolean(),
  recordedBy: Type.Array(
    Type.Object({ enterpriseId: Type.Integer(), code: Nullable(Type.String()), name: Nullable(Type.String()), user: Nullable(Type.String()) }),
    { description: 'who recorded the events that lead to this lot' },
  ),
  reasons: Type.Optional(Type.Array(Type.String(), { description: 'unconfirmed: why its links are not confirmed' })),
  unconfirmedHolders: Type.Optional(Type.Array(EnterpriseRefSchema, { description: 'enterprises named with it that never held it (not holders)' })),
});

const RecallHolderSchema = Type.Object({
  ...EnterpriseRefSchema.properties,
  lots: Type.Integer(),
  endpoints: Type.Integer(),
  quantities: Type.Record(Type.String(), Type.Number(), { description: 'attributed quantity per unit of measure, over its lots that are endpoints' }),
});

export const RecallReportSchema = Type.Object({
  root: Type.String(),
  rootHandle: Nullable(Type.String()),
  generatedAt: Type.String({ format: 'date-time' }),
  depth: Type.Integer(),
  lots: Type.Array(RecallLotSchema),
  holders: Type.Array(RecallHolderSchema),
  truncated: Type.Boolean(),
  unconfirmed: Type.Boolean({ description: 'the report follows unconfirmed links too' }),
});

/** A recall report as JSON, or as CSV (format=csv). */
export const RecallResponse = {
  description: 'The recall report (JSON), or its lots as CSV with format=csv',
  content: {
    'application/json': { schema: RecallReportSchema },
    'text/csv': { schema: Type.String({ description: 'one row per lot and holder, UTF-8 with a BOM' }) },
  },
};
