/**
 * Request and response schemas of the deal routes (one TypeBox definition per shape: the handler's
 * types, the validator's schema and the OpenAPI description). Response schemas are complete.
 */
import Type, { type Static } from 'typebox';
import { MAX_ID, MAX_OFFSET, Nullable } from '../../../core/crud/schemas.ts';
import type { CandidateExplanation } from '../model.ts';
import { DEAL_ACTIONS, DEAL_RECURRENCES, DEAL_STATES, DELIVERY_STATES, PARTY_ACTIONS } from './model.ts';

const Id = () => Type.Integer({ minimum: 1, maximum: MAX_ID });
const enumOf = <T extends string>(values: readonly T[], opts: { description?: string } = {}) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...opts });
const DateString = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const MonthString = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}$', description });
const Note = () => Type.String({ maxLength: 2000 });

export const DealStateSchema = enumOf(DEAL_STATES);
export const DealRoleSchema = enumOf(['supplier', 'receiver', 'park'] as const, { description: "the caller's side of the deal (park: a park role watching)" });

export const DealTermsSchema = Type.Object(
  {
    quantity: Type.Number({ exclusiveMinimum: 0, description: "per recurrence, in the offered material's catalogue unit" }),
    recurrence: enumOf(DEAL_RECURRENCES),
    priceCnyPerUnit: Type.Number({ description: 'CNY per unit the receiver pays; negative: a gate fee the supplier pays' }),
    startDate: DateString('first delivery, YYYY-MM-DD'),
    endDate: DateString('last possible delivery, YYYY-MM-DD, inclusive'),
    note: Type.Optional(Note()),
  },
  { additionalProperties: false },
);
export type DealTermsInput = Static<typeof DealTermsSchema>;

export const DealImpactSchema = Type.Object({
  avoidedKgCo2PerUnit: Type.Number(),
  savedCnyPerUnit: Type.Number(),
  tonnesPerUnit: Nullable(Type.Number()),
  basis: enumOf(['plan', 'settings', 'none'] as const),
});

export const DealTermsOutSchema = Type.Object({
  quantity: Type.Number(),
  recurrence: enumOf(DEAL_RECURRENCES),
  priceCnyPerUnit: Type.Number(),
  startDate: Type.String(),
  endDate: Type.String(),
  note: Type.Optional(Type.String()),
  impact: Type.Optional(DealImpactSchema),
});

const Explanation = () => Type.Unsafe<CandidateExplanation>({ type: 'object', additionalProperties: true, description: "the plan candidate's explanation (CandidateExplanation)" });

export const ProposeDealSchema = Type.Object(
  {
    offerId: Id(),
    demandId: Id(),
    terms: DealTermsSchema,
    note: Type.Optional(Note()),
    explanation: Type.Optional(Explanation()),
  },
  { additionalProperties: false },
);
export type ProposeDeal = Static<typeof ProposeDealSchema>;

export const DealActionSchema = Type.Object(
  {
    action: enumOf(PARTY_ACTIONS),
    version: Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'the version of the deal this answers' }),
    terms: Type.Optional(DealTermsSchema),
    note: Type.Optional(Note()),
  },
  { additionalProperties: false },
);
export type DealActionBody = Static<typeof DealActionSchema>;

export const RecordDeliverySchema = Type.Object(
  {
    quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1e12, description: "what was delivered, in the offered material's unit" }),
    deliveredAt: Type.Optional(DateString('the day it was delivered (default today, in the park’s time zone)')),
    lot: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: "the lot's identifier (a URI); minted for the supplier when missing" })),
  },
  { additionalProperties: false },
);
export type RecordDelivery = Static<typeof RecordDeliverySchema>;

export const DealParamsSchema = Type.Object({ id: Id() });
export const DeliveryParamsSchema = Type.Object({ id: Id(), deliveryId: Id() });

export const DealListQuerySchema = Type.Object(
  {
    state: Type.Optional(DealStateSchema),
    role: Type.Optional(enumOf(['supplier', 'receiver', 'any'] as const)),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
  },
  { additionalProperties: false },
);
export type DealListQuery = Static<typeof DealListQuerySchema>;

export const ImpactQuerySchema = Type.Object(
  { from: MonthString('first month, YYYY-MM'), to: MonthString('last month, YYYY-MM, inclusive') },
  { additionalProperties: false },
);
export type ImpactQuery = Static<typeof ImpactQuerySchema>;

export const PartyRefSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) });
export type PartyRef = Static<typeof PartyRefSchema>;

export const DealSchema = Type.Object({
  id: Type.Integer(),
  state: DealStateSchema,
  version: Type.Integer(),
  turn: Type.Unsafe<'supplier' | 'receiver' | null>({ type: ['string', 'null'], enum: ['supplier', 'receiver', null], description: 'whose answer the deal waits for; null once settled' }),
  role: DealRoleSchema,
  /** null while an anonymous offer's supplier is not yet disclosed to the receiver. */
  supplier: Nullable(PartyRefSchema),
  receiver: PartyRefSchema,
  anonymous: Type.Boolean({ description: 'the offer was published anonymously' }),
  offer: Type.Object({ id: Type.Integer(), title: Type.String() }),
  demand: Type.Object({ id: Type.Integer(), title: Type.String() }),
  material: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), unit: Type.String(), hazardous: Type.Boolean(), hwCode: Nullable(Type.String()) }),
  terms: DealTermsOutSchema,
  planExplanation: Type.Unsafe<CandidateExplanation | null>({ type: ['object', 'null'], additionalProperties: true }),
  actions: Type.Array(enumOf(DEAL_ACTIONS), { description: 'what the caller may do now' }),
  deliveriesScheduled: Type.Integer(),
  deliveriesDelivered: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
});
export type Deal = Static<typeof DealSchema>;

export const DealEventSchema = Type.Object({
  version: Type.Integer(),
  action: enumOf(DEAL_ACTIONS),
  /** null where the actor is an undisclosed anonymous supplier. */
  actorEnterpriseId: Nullable(Type.Integer()),
  actor: Nullable(Type.String()),
  terms: Type.Union([DealTermsOutSchema, Type.Null()]),
  note: Nullable(Type.String()),
  at: Type.Integer(),
});
export type DealEvent = Static<typeof DealEventSchema>;

export const DeliverySchema = Type.Object({
  id: Type.Integer(),
  dealId: Type.Integer(),
  due: Type.String(),
  plannedQuantity: Type.Number(),
  state: enumOf(DELIVERY_STATES),
  deliveredAt: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  quantity: Nullable(Type.Number()),
  lot: Nullable(Type.String()),
  flowId: Nullable(Type.Integer()),
  epcisEventId: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  manifestId: Nullable(Type.Integer({ description: 'the hazardous-waste manifest the delivery travels with (a hazardous material is recorded by its manifest, not by hand)' })),
});
export type Delivery = Static<typeof DeliverySchema>;

export const DeliveryManifestSchema = Type.Object({
  manifestId: Type.Integer(),
  number: Type.String({ description: "the manifest's number (its draft is the supplier's to complete and sign)" }),
});
export type DeliveryManifest = Static<typeof DeliveryManifestSchema>;

export const DealDetailSchema = Type.Object({
  ...DealSchema.properties,
  history: Type.Array(DealEventSchema),
  deliveries: Type.Array(DeliverySchema),
});
export type DealDetail = Static<typeof DealDetailSchema>;

export const DealPageSchema = Type.Object({ items: Type.Array(DealSchema), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
export type DealPage = Static<typeof DealPageSchema>;

const Figures = {
  deliveries: Type.Integer(),
  divertedT: Type.Number({ description: 't moved to a receiver instead of disposal (deliveries in mass units or with a known density)' }),
  avoidedTCo2: Type.Number(),
  savedCny: Type.Number(),
  otherUnits: Type.Array(Type.Object({ unit: Type.String(), quantity: Type.Number() }), { description: 'deliveries not convertible to t, per unit' }),
};
export const ImpactSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  scope: enumOf(['park', 'enterprise'] as const),
  months: Type.Array(Type.Object({ month: Type.String(), ...Figures })),
  totals: Type.Object(Figures),
});
export type Impact = Static<typeof ImpactSchema>;
