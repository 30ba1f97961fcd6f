/** Request and response schemas of the alarm webhook routes beyond the generic collection's. */
import Type, { type Static } from 'typebox';
import { itemSchema, pageParams, pageSchema } from '../../../core/crud/schemas.ts';
import { alarmWebhookSpec } from './resources.ts';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
const statusSchema = () => Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('dead')]);

const nullable = <T extends 'integer' | 'string'>(type: T, description?: string) => Type.Unsafe<(T extends 'integer' ? number : string) | null>({ type: [type, 'null'], ...(description ? { description } : {}) });

export const deliverySchema = Type.Object(
  {
    id: Type.Integer(),
    webhookId: Type.Integer(),
    event: Type.String({ description: '`alarm.<why>` (e.g. alarm.raised) or `ping`' }),
    alarmId: nullable('integer'),
    transitionId: nullable('integer'),
    status: statusSchema(),
    attempts: Type.Integer(),
    nextAttemptAt: nullable('integer', 'when a pending delivery is tried next (epoch ms); null otherwise'),
    lastAttemptAt: nullable('integer'),
    lastStatus: nullable('integer', 'the HTTP status of the last answer; null when none came'),
    lastError: nullable('string'),
    deliveredAt: nullable('integer'),
    createdAt: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Delivery = Static<typeof deliverySchema>;

export const deliveryPageSchema = pageSchema(deliverySchema);

export const deliveriesQuerySchema = Type.Object(
  { status: Type.Optional(statusSchema()), ...pageParams(50, 200) },
  { additionalProperties: false },
);
export type DeliveriesQuery = Static<typeof deliveriesQuerySchema>;

/** A webhook as created: the item and, this once, its secret. */
const item = itemSchema(alarmWebhookSpec);
export const createdSchema = Type.Unsafe<Static<typeof item> & { secret: string }>({
  ...item,
  properties: { ...item.properties, secret: Type.String({ description: 'the signing secret; shown only now (rotate-secret makes a new one)' }) },
  required: [...item.required, 'secret'],
});

export const secretSchema = Type.Object({ id: Type.Integer(), secret: Type.String() }, { additionalProperties: false });
