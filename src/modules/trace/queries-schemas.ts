/**
 * Request and response schemas of the named-query and subscription routes (queries-routes.ts). One
 * TypeBox definition per shape gives the handler its types (through the type provider), the
 * validator its schema and the OpenAPI document its description.
 */
import Type, { type Static } from 'typebox';
import { Nullable } from '../../core/crud/schemas.ts';
import { QUERY_LIST_PARAMS, QUERY_NAME_PATTERN, QUERY_TIME_PARAMS, type StoredQuery } from './named-queries.ts';
import { SCHEDULE_FIELDS, type ScheduleSpec } from './schedule.ts';
import type { Subscription, SubscriptionRequest } from './subscription-model.ts';

const timeParam = () => Type.String({ format: 'date-time' });
const listParam = () => Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 100 });

/** A SimpleEventQuery definition: every parameter optional (typed as the stored query). */
export const QueryDefinitionSchema = Type.Unsafe<StoredQuery>(
  Type.Object(
    {
      ...Object.fromEntries(QUERY_TIME_PARAMS.map((p) => [p, Type.Optional(timeParam())])),
      ...Object.fromEntries(QUERY_LIST_PARAMS.map((p) => [p, Type.Optional(listParam())])),
    },
    { additionalProperties: false, description: 'SimpleEventQuery parameters, as for GET /epcis/events (lists as JSON arrays)' },
  ),
);

export const QueryNameSchema = Type.String({ pattern: QUERY_NAME_PATTERN });

export const NamedQuerySchema = Type.Object({
  name: Type.String(),
  query: QueryDefinitionSchema,
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
});

export const CreateQueryBodySchema = Type.Object({ name: QueryNameSchema, query: QueryDefinitionSchema }, { additionalProperties: false });

export const QueryParamsSchema = Type.Object({ queryName: QueryNameSchema });
export const SubscriptionParamsSchema = Type.Object({ queryName: QueryNameSchema, subscriptionID: Type.String({ maxLength: 64 }) });

export const QueryEventsPageSchema = Type.Object(
  { perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), nextPageToken: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

/** A schedule as sent: each field a string (or a plain number), kept in the `type: [t, u]` spelling (one error per field). */
const ScheduleBodySchema = Type.Unsafe<Record<string, string | number>>(
  Type.Object(
    Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, Type.Optional(Type.Unsafe<string | number>({ type: ['string', 'integer'], maxLength: 200 }))])),
    { additionalProperties: false, description: 'Cron-like, UTC; each field a comma-separated list of N, N-M or [N-M], *, X/step. Omitted fields match any value.' },
  ),
);

/** A schedule as stored and shown: its fields as strings. */
const ScheduleSchema = Type.Unsafe<ScheduleSpec>(Type.Object(Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, Type.Optional(Type.String())])), { additionalProperties: false }));

export const SubscriptionBodySchema = Type.Unsafe<SubscriptionRequest>(
  Type.Object(
    {
      dest: Type.String({ minLength: 1, maxLength: 2000, description: 'http or https URL the EPCISQueryDocuments are POSTed to' }),
      signatureToken: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'deliveries carry GS1-Signature: base64 HMAC-SHA256 of the body keyed by this token' })),
      reportIfEmpty: Type.Optional(Type.Boolean({ default: false })),
      stream: Type.Optional(Type.Boolean()),
      schedule: Type.Optional(ScheduleBodySchema),
      initialRecordTime: Type.Optional(Type.String({ format: 'date-time' })),
    },
    { additionalProperties: false },
  ),
);

const isoOrNull = () => Nullable(Type.String({ format: 'date-time' }));

export const SubscriptionSchema = Type.Unsafe<Subscription>(
  Type.Object({
    subscriptionID: Type.String(),
    queryName: Type.String(),
    dest: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    createdBy: Type.String(),
    stream: Type.Optional(Type.Boolean({ description: 'present (true) for a stream subscription' })),
    schedule: Type.Optional(ScheduleSchema),
    reportIfEmpty: Type.Boolean(),
    initialRecordTime: Type.Optional(Type.String({ format: 'date-time' })),
    signed: Type.Boolean({ description: 'deliveries carry a GS1-Signature (the token itself is never shown)' }),
    nextRunAt: isoOrNull(),
    nextAttemptAt: isoOrNull(),
    lastAttemptAt: isoOrNull(),
    lastSuccessAt: isoOrNull(),
    lastError: Nullable(Type.String()),
    lastErrorAt: isoOrNull(),
    failures: Type.Integer({ description: 'failed attempts since the last success (sets the backoff)' }),
    delivered: Type.Integer({ description: 'events delivered so far' }),
  }),
);

export type NamedQueryItem = Static<typeof NamedQuerySchema>;
