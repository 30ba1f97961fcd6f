/**
 * Request and response schemas of telemetry's routes (TypeBox): they validate requests, serialize
 * responses (every response schema is complete), make the OpenAPI document and type the handlers.
 */
import Type, { type TUnsafe } from 'typebox';
import { opcUaConfigSchema, SECURITY_MODES, SECURITY_POLICIES, MAX_MAPPINGS } from '../../adapters/opcua/config.ts';
import { Nullable } from '../../core/crud/schemas.ts';
import { MAX_TS, type Resolution } from './model.ts';

const oneOfStrings = <const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
const epochMs = (description = 'epoch milliseconds, UTC') => Type.Integer({ description });

export const problem = Type.Unsafe<{ type: string; title: string; status: number; detail: string }>({ $ref: 'problem#' });

// --- ingestion -------------------------------------------------------------------------------

const reading = Type.Object({
  ts: Type.Optional(Type.Integer({ minimum: 0, description: 'epoch milliseconds; the time of arrival when absent' })),
  values: Type.Record(Type.String(), Type.Number(), { description: 'tag key → value' }),
});

export const ingestQuery = Type.Object({ device: Type.Optional(Type.String({ maxLength: 64, description: "the device's code (not with a device token)" })) }, { additionalProperties: false });
// At most MAX_POINTS_PER_MESSAGE readings: counted by parseTelemetry (a maxItems here would drown
// the reason in anyOf noise), within a body limit that fits them.
export const ingestBody = Type.Union([reading, Type.Array(reading, { minItems: 1 })]);
export const ingestResponse = Type.Object({ device: Type.String(), stored: Type.Integer() });

// --- devices ---------------------------------------------------------------------------------

export const credentialsResponse = Type.Object({
  deviceId: Type.Integer(),
  username: Type.String({ description: "the device's code" }),
  token: Type.String({ description: 'the secret: MQTT password and HTTP bearer token; shown once' }),
  createdAt: epochMs(),
});

const statusFields = {
  deviceId: Type.Integer(),
  online: Type.Boolean(),
  lastSeenAt: Nullable(epochMs()),
  via: Nullable(Type.String({ description: 'how its last data came: mqtt, http, sparkplug, opcua, import' })),
};
export const statusResponse = Type.Object(statusFields);
export const statusesResponse = Type.Object({ items: Type.Array(Type.Object(statusFields)) });

export const errorsQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }, { additionalProperties: false });
export const errorsResponse = Type.Object({
  items: Type.Array(Type.Object({ ts: epochMs(), source: Type.String(), reason: Type.String(), detail: Nullable(Type.String()) })),
});

export const deviceLatestResponse = Type.Object({
  items: Type.Array(Type.Object({ tagId: Type.Integer(), key: Type.String(), ts: epochMs(), value: Type.Number() })),
});

// --- tags ------------------------------------------------------------------------------------

export const tagLatestResponse = Type.Object({ tagId: Type.Integer(), unit: Type.String(), ts: epochMs(), value: Type.Number() });

export const seriesQuery = Type.Object(
  {
    // Bounded to the times a Date represents: 1e400 (Infinity) or 1e20 are refused, not queried.
    from: Type.Integer({ minimum: 0, maximum: MAX_TS }),
    to: Type.Integer({ minimum: 0, maximum: MAX_TS }),
    step: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TS })),
    format: Type.Optional(oneOfStrings(['json', 'csv'], { default: 'json' })),
  },
  { additionalProperties: false },
);
export const seriesResponse = Type.Object({
  tagId: Type.Integer(),
  unit: Type.String(),
  from: epochMs(),
  to: epochMs(),
  step: Type.Integer({ description: 'bucket width, ms' }),
  resolution: oneOfStrings(['raw', '1m', '1h', '1d'] as const satisfies readonly Resolution[], { description: 'what the buckets were computed from' }),
  points: Type.Array(
    Type.Object({ ts: epochMs('start of the bucket'), avg: Type.Number(), min: Type.Number(), max: Type.Number(), count: Type.Integer() }),
  ),
});
export const seriesCsv = Type.String({ description: 'time,ts,avg,min,max,count: one line per bucket' });

// --- OPC UA ----------------------------------------------------------------------------------

export const opcUaPutBody = Type.Object(
  { enabled: Type.Optional(Type.Boolean({ default: true })), config: opcUaConfigSchema },
  { additionalProperties: false },
);
/** Where the config sits in the PUT body, for its validation errors (adapters/opcua/config.ts configErrors). */
export const OPCUA_CONFIG_AT = { instance: '/config', schema: '#/properties/config' };

/** The configuration as it is shown: without the password, saying whether there is one. */
const opcUaConfigView = Type.Object(
  {
    endpoint: Type.String(),
    securityMode: oneOfStrings(SECURITY_MODES),
    securityPolicy: oneOfStrings(SECURITY_POLICIES),
    username: Type.Optional(Type.String()),
    hasPassword: Type.Boolean(),
    samplingIntervalMs: Type.Integer(),
    mappings: Type.Array(Type.Object({ nodeId: Type.String(), tagKey: Type.String() }), { maxItems: MAX_MAPPINGS }),
  },
  { additionalProperties: false },
);

const opcUaStatus = Type.Object({
  state: oneOfStrings(['connecting', 'connected', 'reconnecting', 'stopped', 'failed']),
  lastError: Type.Optional(Type.String({ description: 'the last connection, session or sink error; kept after recovery' })),
  lastDataAt: Type.Optional(epochMs('when the last numeric reading arrived')),
  badNodes: Type.Array(Type.Object({ nodeId: Type.String(), reason: Type.String() }), { description: 'mapped nodes that give no numeric reading' }),
  buffered: Type.Integer({ description: 'readings waiting to be stored' }),
  dropped: Type.Integer({ description: 'readings dropped because the buffer was full' }),
  sinkFailing: Type.Boolean({ description: 'storing the last batch failed; it is offered again' }),
});

export const opcUaView = Type.Object({
  deviceId: Type.Integer(),
  enabled: Type.Boolean(),
  config: opcUaConfigView,
  node: Nullable(Type.String({ description: 'the node running the connector now (each connector runs on one node); null when none does' })),
  status: Nullable(Type.Object(opcUaStatus.properties, { description: 'as the running node sees it; null when asked of another node' })),
});
