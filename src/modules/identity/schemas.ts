/**
 * Request and response schemas of the identity routes: minting, listing and changing identifiers,
 * Handle REST resolution and GS1 Digital Link. One TypeBox definition per shape gives the handler its
 * types (through the type provider), the validator its schema and the OpenAPI document its
 * description; the service's input and item types are the same definitions' static types.
 */
import Type, { type Static } from 'typebox';
import { MAX_ID, Nullable, pageParams, pageSchema } from '../../core/crud/schemas.ts';
import { IDENTIFIER_KINDS, type IdentifierKind } from './model.ts';

const kind = (options: { description?: string } = {}) => Type.Unsafe<IdentifierKind>({ type: 'string', enum: [...IDENTIFIER_KINDS], ...options });

export const ValueInputSchema = Type.Object(
  {
    index: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
    type: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.\\-]+$' }),
    value: Type.String({ maxLength: 4000 }),
    ttl: Type.Optional(Type.Integer({ minimum: 0, maximum: 31_536_000 })),
    publicRead: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ValueInput = Static<typeof ValueInputSchema>;

export const StoredValueSchema = Type.Object({
  index: Type.Integer(),
  type: Type.String(),
  value: Type.String(),
  ttl: Type.Integer(),
  ts: Type.Integer(),
  publicRead: Type.Boolean(),
});

export const IdentifierSchema = Type.Object({
  id: Type.Integer(),
  handle: Type.String(),
  prefix: Type.String(),
  suffix: Type.String(),
  kind: kind(),
  enterpriseId: Type.Integer(),
  gtin: Nullable(Type.String()),
  lot: Nullable(Type.String()),
  serial: Nullable(Type.String()),
  materialId: Nullable(Type.Integer()),
  url: Type.String(),
  digitalLink: Nullable(Type.String({ description: "the identifier's GS1 Digital Link on this node: only while it holds its GS1 key" })),
  gs1Key: Nullable(Type.String({ description: 'the canonical GS1 key this identifier holds; null when another identifier holds it' })),
  values: Type.Array(StoredValueSchema),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
});
export type IdentifierItem = Static<typeof IdentifierSchema>;
export const IdentifierPageSchema = pageSchema(IdentifierSchema);

export const MintBodySchema = Type.Object(
  {
    kind: kind(),
    enterpriseId: Type.Optional(Type.Integer()),
    suffix: Type.Optional(Type.String({ maxLength: 200 })),
    gtin: Type.Optional(Type.String({ maxLength: 14 })),
    lot: Type.Optional(Type.String({ maxLength: 20 })),
    serial: Type.Optional(Type.String({ maxLength: 20 })),
    materialId: Type.Optional(Type.Integer()),
    values: Type.Optional(Type.Array(ValueInputSchema, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type MintInput = Static<typeof MintBodySchema>;

/** The list query; `limit` and `offset` are always there once validated (their defaults fill them). */
export const ListQuerySchema = Type.Unsafe<{ limit: number; offset: number; kind?: IdentifierKind; enterpriseId?: number; q?: string }>(
  Type.Object(
    {
      limit: Type.Optional(pageParams().limit),
      offset: Type.Optional(pageParams().offset),
      kind: Type.Optional(kind()),
      enterpriseId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
      q: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  ),
);
export type ListQuery = Static<typeof ListQuerySchema>;

export const SetValuesBodySchema = Type.Object({ values: Type.Array(ValueInputSchema, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });

/** A value in the Handle REST form. */
export const HandleValueSchema = Type.Object({
  index: Type.Integer(),
  type: Type.String(),
  data: Type.Object({ format: Type.Literal('string'), value: Type.String() }),
  ttl: Type.Integer(),
  timestamp: Type.String(),
});

export const HandleResponseSchema = Type.Object({
  responseCode: Type.Integer(),
  handle: Type.String(),
  message: Type.Optional(Type.String()),
  values: Type.Optional(Type.Array(HandleValueSchema)),
});
export type HandleResponse = Static<typeof HandleResponseSchema>;

export const HandleParamsSchema = Type.Object({ prefix: Type.String(), '*': Type.String() });
export const HandleQuerySchema = Type.Object({ type: Type.Optional(Type.Array(Type.String())), index: Type.Optional(Type.Array(Type.Integer())) });

export const LinkTypeQuerySchema = Type.Object({ linkType: Type.Optional(Type.String({ maxLength: 200 })) });
export const LotLinkParamsSchema = Type.Object({ gtin: Type.String(), lot: Type.String() });
export const SerialLinkParamsSchema = Type.Object({ gtin: Type.String(), serial: Type.String() });

export const ResolverDescriptionSchema = Type.Object({
  name: Type.String(),
  resolverRoot: Type.String(),
  supportedPrimaryKeys: Type.Array(Type.String()),
  supportedLinkType: Type.Array(Type.String()),
  linkTypeDefaultCanBeLinkset: Type.Boolean(),
  supportedContextValuesEnumerated: Type.Array(Type.String()),
});
