/**
 * Request and response schemas of the audit log's routes. One TypeBox definition per shape gives the
 * handler its types (through the type provider), the validator its schema and the OpenAPI document
 * its description.
 */
import Type, { type Static } from 'typebox';
import type { ChainKind } from '../../core/audit/model.ts';
import { MAX_ID, Nullable, pageParams, pageSchema } from '../../core/crud/schemas.ts';

/** A record's state before or after the change, as the module that wrote it described it. */
const snapshot = () =>
  Type.Union([Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true }), Type.Null()]);

export const AuditRecordSchema = Type.Object(
  {
    seq: Type.Integer({ description: 'unique over the whole log; grows along each chain' }),
    ts: Type.Integer({ description: 'epoch milliseconds, UTC' }),
    actorId: Nullable(Type.Integer()),
    actorName: Type.String(),
    enterpriseId: Nullable(Type.Integer()),
    action: Type.String(),
    entity: Type.String(),
    entityId: Nullable(Type.String()),
    before: snapshot(),
    after: snapshot(),
    hash: Type.String({ description: 'SHA-256 (hex) of the record, its place in its chain and the previous hash' }),
  },
  { additionalProperties: false },
);
export type AuditRecordItem = Static<typeof AuditRecordSchema>;

export const AuditPageSchema = pageSchema(AuditRecordSchema);

export interface AuditListQuery {
  entity?: string;
  entityId?: string;
  enterpriseId?: number;
  limit: number;
  offset: number;
}

/** Every parameter may be left out; the validator fills `limit` and `offset` with their defaults. */
export const AuditListQuerySchema = Type.Unsafe<AuditListQuery>(
  Type.Object(
    {
      entity: Type.Optional(Type.String({ maxLength: 50 })),
      entityId: Type.Optional(Type.String({ maxLength: 50 })),
      enterpriseId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
      limit: Type.Optional(pageParams().limit),
      offset: Type.Optional(pageParams().offset),
    },
    { additionalProperties: false },
  ),
);

const BreakSchema = Type.Union([
  Type.Null(),
  Type.Object({
    seq: Type.Integer({ description: 'the broken record (for a missing one: the record found in its place)' }),
    reason: Type.String(),
  }),
]);

export const ChainVerificationSchema = Type.Object({
  chain: Type.Unsafe<ChainKind>({
    type: 'string',
    enum: ['enterprise', 'park', 'legacy'] satisfies ChainKind[],
    description: "an enterprise's records, the park's (no enterprise), or those written before the log was chained per tenant",
  }),
  enterpriseId: Nullable(Type.Integer()),
  checked: Type.Integer({ description: 'intact records of this chain (before its first break)' }),
  firstBroken: BreakSchema,
});

export const AuditVerificationSchema = Type.Object({
  ok: Type.Boolean({ description: 'every chain is intact' }),
  checked: Type.Integer({ description: 'intact records over all chains' }),
  firstBroken: Type.Union(BreakSchema.anyOf, { description: 'the earliest written broken record of any chain' }),
  chains: Type.Array(ChainVerificationSchema),
});
export type AuditVerification = Static<typeof AuditVerificationSchema>;
