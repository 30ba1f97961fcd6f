/**
 * TypeBox schemas of the exchange's own routes (the collections' come from their specs): the
 * market, the settings, a plan's what-if body and its answer, the drafts. Response schemas are
 * complete, so answers go through fast-json-stringify and the console's types are exact.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { MAX_ID, Nullable, itemSchema, pageParams, pageSchema, type ObjectSchema } from '../../core/crud/schemas.ts';
import type { ItemOf } from '../../core/crud/spec.ts';
import { MATERIAL_CODE_PATTERN } from '../registry/model.ts';
import { DISPOSAL_ROUTES, EXCLUSION_CODES, LISTING_SIDES, TRANSPORT_MODES, type ExchangeSettings, type PlanAnswer, type PlanOverrides } from './model.ts';
import { MAX_PRICE, MAX_QUANTITY, exchangeListingSpec } from './resources.ts';

const num = (o: Record<string, unknown> = {}) => Type.Number(o);

// ---- the market ---------------------------------------------------------------------------------

/** A waste code, a class, or a general solid waste category: what the market's `code` filter takes. */
export const WASTE_CODE_FILTER_PATTERN = '^(HW[0-9]{2}(/[0-9]{3}-[0-9]{3}-[0-9]{2})?|SW[0-9]{2})$';

export const MarketQuerySchema = Type.Object(
  {
    side: Type.Optional(Type.String({ enum: [...LISTING_SIDES] })),
    material: Type.Optional(Type.String({ pattern: MATERIAL_CODE_PATTERN, description: 'a material code: listings of it, and demands that accept it' })),
    code: Type.Optional(Type.String({ pattern: WASTE_CODE_FILTER_PATTERN, description: 'a waste code (HW08/900-249-08), class (HW08) or solid waste category (SW10): listings of materials with it, and demands that accept it' })),
    enterpriseId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'searches titles, notes, handling and material names' })),
    ...pageParams(),
  },
  { additionalProperties: false },
);
export type MarketQuery = Static<typeof MarketQuerySchema>;

const listingItem = itemSchema(exchangeListingSpec) as unknown as ObjectSchema;
const marketItemProperties: Record<string, TSchema> = {
  ...listingItem.properties,
  enterpriseId: Nullable(Type.Integer({ description: 'null: an anonymous listing of another enterprise' })),
  siteId: Nullable(Type.Integer({ description: 'null: an anonymous listing of another enterprise' })),
  enterpriseCode: Nullable(Type.String()),
  enterpriseName: Nullable(Type.String()),
  enterpriseNameEn: Nullable(Type.String()),
};
export type MarketItem = Omit<ItemOf<typeof exchangeListingSpec>, 'enterpriseId' | 'siteId'> & {
  enterpriseId: number | null;
  siteId: number | null;
  enterpriseCode: string | null;
  enterpriseName: string | null;
  enterpriseNameEn: string | null;
};
export const MarketItemSchema = Type.Unsafe<MarketItem>(Type.Object(marketItemProperties, { additionalProperties: false }));
export const MarketPageSchema = pageSchema(MarketItemSchema);

// ---- settings -------------------------------------------------------------------------------------

const costAndCarbon = (extra: Record<string, TSchema> = {}) =>
  Type.Object(
    {
      cnyPerUnit: num({ minimum: 0, maximum: MAX_PRICE, description: 'CNY per unit' }),
      kgCo2PerUnit: num({ minimum: 0, maximum: 1e6, description: 'kg CO2 per unit' }),
      ...extra,
    },
    { additionalProperties: false },
  );
const allKeys = (keys: readonly string[], value: () => TSchema) => Type.Object(Object.fromEntries(keys.map((k) => [k, value()])), { additionalProperties: false });

export const ExchangeSettingsSchema = Type.Unsafe<ExchangeSettings>(
  Type.Object(
    {
      carbonPriceCnyPerT: num({ minimum: 0, maximum: 10_000, description: 'what a tonne of CO2 is worth in the objective, CNY' }),
      roadFactor: num({ minimum: 1, maximum: 10, description: 'road km per straight-line km where the distance table says nothing' }),
      transport: allKeys(TRANSPORT_MODES, () => costAndCarbon({ maxKm: Nullable(Type.Number({ minimum: 0, maximum: 10_000 })) })),
      disposal: allKeys(DISPOSAL_ROUTES, () => costAndCarbon()),
      virgin: Type.Record(Type.String({ pattern: MATERIAL_CODE_PATTERN }), costAndCarbon(), { maxProperties: 2000 }),
    },
    { additionalProperties: false },
  ),
);

// ---- plans ------------------------------------------------------------------------------------------

/** At most this many entries per what-if list: a park has hundreds of listings, not millions. */
export const MAX_OVERRIDES = 1000;
const listingRef = Type.Integer({ minimum: 1, maximum: MAX_ID });

export const PlanOverridesSchema = Type.Unsafe<PlanOverrides>(
  Type.Object(
    {
      grain: Type.Optional(Type.String({ enum: ['month', 'year'] })),
      period: Type.Optional(Type.String({ pattern: '^[0-9]{4}(-[0-9]{2})?$', description: "'YYYY-MM' or 'YYYY'; default the current month (year) of the park's time zone" })),
      carbonPriceCnyPerT: Type.Optional(num({ minimum: 0, maximum: 10_000 })),
      prices: Type.Optional(Type.Array(Type.Object({ listing: listingRef, priceCnyPerUnit: Nullable(Type.Number({ minimum: -MAX_PRICE, maximum: MAX_PRICE })) }, { additionalProperties: false }), { maxItems: MAX_OVERRIDES })),
      quantities: Type.Optional(Type.Array(Type.Object({ listing: listingRef, quantity: num({ minimum: 0, maximum: MAX_QUANTITY }) }, { additionalProperties: false }), { maxItems: MAX_OVERRIDES })),
      excludeEnterprises: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: MAX_ID }), { maxItems: MAX_OVERRIDES, uniqueItems: true })),
      disposalFees: Type.Optional(Type.Object(Object.fromEntries(DISPOSAL_ROUTES.map((r) => [r, Type.Optional(num({ minimum: 0, maximum: MAX_PRICE }))])), { additionalProperties: false })),
    },
    { additionalProperties: false },
  ),
);

const idQuantity = Type.Object({ id: Type.Integer(), quantity: Type.Number(), allocated: Type.Number() });
const ExplanationSchema = Type.Object({
  text: Type.String(),
  basis: Type.String({ enum: ['same_material', 'accepted_code', 'substitution'] }),
  substitutionSource: Nullable(Type.String()),
  ratio: Type.Number(),
  distanceKm: Type.Number(),
  distanceFrom: Type.String({ enum: ['table', 'coordinates'] }),
  mode: Type.String({ enum: [...TRANSPORT_MODES] }),
  transportCnyPerUnit: Type.Number(),
  transportKgCo2PerUnit: Type.Number(),
  avoidedDisposalCnyPerUnit: Type.Number(),
  avoidedDisposalKgCo2PerUnit: Type.Number(),
  avoidedVirginCnyPerUnit: Type.Number(),
  avoidedVirginKgCo2PerUnit: Type.Number(),
  netCnyPerUnit: Type.Number(),
  netKgCo2PerUnit: Type.Number(),
  savesCny: Type.Number(),
  savesTCo2: Type.Number(),
  licenceId: Nullable(Type.Integer()),
});
const CandidateSchema = Type.Object({
  offer: Type.Integer(),
  demand: Type.Integer(),
  unitNetBenefit: Type.Number({ description: 'CNY per unit of the offered material, carbon priced in' }),
  maxQuantity: Type.Number(),
  minLot: Type.Number(),
  quantity: Type.Number(),
  explanation: ExplanationSchema,
});
const ReasonSchema = Type.Object({
  code: Type.String({ enum: [...EXCLUSION_CODES] }),
  message: Type.String(),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});

/** The plan: its first four keys are the (fixed); the rest explains and compares. */
export const PlanAnswerSchema = Type.Unsafe<PlanAnswer>(
  Type.Object({
    objective: Type.Number({ description: 'Σ unitNetBenefit × quantity, CNY: the optimum HiGHS found' }),
    offers: Type.Array(idQuantity),
    demands: Type.Array(idQuantity),
    candidates: Type.Array(CandidateSchema),
    limits: Type.Array(Type.Object({ kind: Type.String({ enum: ['licence'] }), id: Type.Integer(), candidates: Type.Array(Type.Integer()), quantity: Type.Number() })),
    excluded: Type.Array(Type.Object({ offer: Type.Integer(), demand: Type.Integer(), reasons: Type.Array(ReasonSchema) })),
    greedyObjective: Type.Number(),
    totals: Type.Object({ movedT: Type.Number(), savesCny: Type.Number(), savesTCo2: Type.Number() }),
    period: Type.Object({ grain: Type.String({ enum: ['month', 'year'] }), from: Type.String(), to: Type.String() }),
    carbonPriceCnyPerT: Type.Number(),
    solver: Type.Object({ name: Type.String({ enum: ['HiGHS'] }), status: Type.String(), relativeGap: Type.Number({ description: 'the MIP gap the plan is proven within (1e-4: 0.01 %)' }), ms: Type.Number(), variables: Type.Integer(), integers: Type.Integer() }),
  }),
);

// ---- drafts ----------------------------------------------------------------------------------------

export const DraftsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      enterpriseId: Type.Integer(),
      materialId: Type.Integer(),
      materialCode: Type.String(),
      title: Type.String(),
      quantity: Type.Number({ description: 'monthly average of the last twelve months, in the material’s unit' }),
      unit: Type.String(),
      recurrence: Type.String({ enum: ['month'] }),
      currentRoute: Type.String({ enum: [...DISPOSAL_ROUTES] }),
      siteId: Nullable(Type.Integer()),
      sourceNodeCode: Type.String(),
      sourceFlowIds: Type.Array(Type.Integer()),
    }),
  ),
  from: Type.String({ description: "the first month read, 'YYYY-MM'" }),
  to: Type.String({ description: "the last month read, 'YYYY-MM'" }),
});
export type Drafts = Static<typeof DraftsSchema>;
