/**
 * Request and response schemas of the ledger's routes (flows, stocks, periods; nodes and share
 * rules are generic resources, resources.ts). One TypeBox definition per shape gives the handler
 * its types, the validator its schema and the OpenAPI document its description.
 */
import Type, { type Static } from 'typebox';
import { MAX_ID, MAX_OFFSET, Nullable } from '../../core/crud/schemas.ts';
import { FLOW_BASES, FLOW_SOURCES, PERIOD_GRAINS } from './model.ts';

const Id = () => Type.Integer({ minimum: 1, maximum: MAX_ID });
/** A string enum, spelled `enum` in the schema (one error per field) and typed as its union. */
const enumOf = <T extends string>(values: readonly T[], opts: { description?: string } = {}) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...opts });

const PERIOD_TEXT = '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$';
export const PeriodSchema = Type.String({ pattern: PERIOD_TEXT, description: "a year '2026', a month '2026-03' or a day '2026-03-15' (park time zone)" });
const Code = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });
const Quantity = () => Type.Number({ minimum: 0, description: 'in `unit`' });
const Sd = () => Nullable(Type.Number({ minimum: 0, description: 'standard deviation in `unit`; null or absent: the default of its basis (measured 1 %, calculated 5 %, estimated 15 %, exact 0)' }));
const Unit = () => Type.String({ minLength: 1, maxLength: 20, description: 'unit of the quantity, e.g. t, kg, m3, Nm3, GJ, kWh' });
const Note = () => Nullable(Type.String({ maxLength: 2000 }));

export const BasisSchema = enumOf(FLOW_BASES, { description: 'how the quantity is known' });
export const SourceSchema = enumOf(FLOW_SOURCES);
export const GrainSchema = enumOf(PERIOD_GRAINS);

export const FlowSchema = Type.Object({
  id: Type.Integer(),
  enterpriseId: Nullable(Type.Integer({ description: 'who recorded it; null: the park operator' })),
  grain: GrainSchema,
  period: Type.String(),
  fromNodeId: Type.Integer(),
  fromCode: Type.String(),
  toNodeId: Type.Integer(),
  toCode: Type.String(),
  materialCode: Type.String(),
  quantity: Type.Number(),
  unit: Type.String(),
  sd: Nullable(Type.Number({ description: 'as recorded; null: the basis default' })),
  effectiveSd: Type.Number({ description: 'the standard deviation the balance uses (basis default applied), in `unit`' }),
  basis: BasisSchema,
  source: SourceSchema,
  sourceKey: Nullable(Type.String()),
  note: Nullable(Type.String()),
  enteredBy: Type.String(),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
});
export type Flow = Static<typeof FlowSchema>;

export const FlowPageSchema = Type.Object({ items: Type.Array(FlowSchema), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
export type FlowPage = Static<typeof FlowPageSchema>;

export const FlowListQuerySchema = Type.Object(
  {
    period: Type.Optional(PeriodSchema),
    enterpriseId: Type.Optional(Id()),
    material: Type.Optional(Code('material code')),
    node: Type.Optional(Code('node code: flows from or to it')),
    source: Type.Optional(SourceSchema),
    basis: Type.Optional(BasisSchema),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 200 }),
    offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
  },
  { additionalProperties: false },
);
export type FlowListQuery = Static<typeof FlowListQuerySchema>;

export const CreateFlowSchema = Type.Object(
  {
    period: PeriodSchema,
    from: Code('code of the node the flow leaves'),
    to: Code('code of the node the flow enters'),
    material: Code('material or energy carrier code (the catalogue)'),
    quantity: Quantity(),
    unit: Unit(),
    sd: Type.Optional(Sd()),
    basis: BasisSchema,
    note: Type.Optional(Note()),
  },
  { additionalProperties: false },
);
export type CreateFlow = Static<typeof CreateFlowSchema>;

export const PatchFlowSchema = Type.Partial(CreateFlowSchema, { additionalProperties: false, minProperties: 1 });
export type PatchFlow = Static<typeof PatchFlowSchema>;

export const FlowParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const StockSchema = Type.Object({
  id: Type.Integer(),
  enterpriseId: Nullable(Type.Integer()),
  nodeId: Type.Integer(),
  nodeCode: Type.String(),
  materialCode: Type.String(),
  grain: GrainSchema,
  period: Type.String(),
  opening: Type.Number(),
  closing: Type.Number(),
  unit: Type.String(),
  sd: Nullable(Type.Number({ description: 'standard deviation of the stock change, as recorded' })),
  basis: BasisSchema,
});
export type Stock = Static<typeof StockSchema>;
export const StockListSchema = Type.Object({ items: Type.Array(StockSchema) });
export const StockQuerySchema = Type.Object({ period: PeriodSchema }, { additionalProperties: false });

export const PutStockSchema = Type.Object(
  {
    node: Code('node code'),
    material: Code('material code'),
    period: PeriodSchema,
    opening: Quantity(),
    closing: Quantity(),
    unit: Unit(),
    sd: Type.Optional(Sd()),
    basis: BasisSchema,
  },
  { additionalProperties: false },
);
export type PutStock = Static<typeof PutStockSchema>;

export const PeriodListSchema = Type.Object({ items: Type.Array(Type.Object({ period: Type.String(), grain: GrainSchema, flows: Type.Integer() })) });
export type PeriodList = Static<typeof PeriodListSchema>;
