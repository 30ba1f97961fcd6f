/**
 * Request and response schemas of the KPI routes (the inputs and targets collections are generic
 * resources, resources.ts). One TypeBox definition per shape gives the handler its types, the
 * validator its schema and the OpenAPI document (and the console's types) its description.
 */
import Type, { type Static } from 'typebox';
import { Nullable } from '../../core/crud/schemas.ts';
import { KPI_KEYS, KPI_SCOPES, type KpiItem, type KpiKey, type KpiSettings } from './model.ts';

const enumOf = <T extends string>(values: readonly T[], opts: { description?: string } = {}) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...opts });

/** Material codes as the catalogue spells them (MATERIAL_CODE_PATTERN), as map keys and list items. */
const MATERIAL_CODE = '^[A-Z][A-Z0-9_]{0,63}$';
const Fraction = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const Factor = (description: string) => Type.Number({ minimum: 0, maximum: 1e9, description });
const CodeMap = <T extends Parameters<typeof Type.Record>[1]>(value: T, description: string) =>
  Type.Unsafe<Record<string, Static<T>>>({ type: 'object', propertyNames: { pattern: MATERIAL_CODE, maxLength: 64 }, additionalProperties: value, maxProperties: 2000, description });

const MciSchema = Type.Object(
  {
    recycledFeedstock: Fraction('F_R'),
    reusedFeedstock: Fraction('F_U'),
    recyclingEfficiencyFeedstock: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'E_F' })),
    collectedForRecycling: Fraction('C_R'),
    collectedForReuse: Fraction('C_U'),
    recyclingEfficiencyEndOfUse: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'E_C' })),
    lifetimeRatio: Type.Number({ exclusiveMinimum: 0, maximum: 1e6, description: 'L / L_av' }),
    intensityRatio: Type.Number({ exclusiveMinimum: 0, maximum: 1e6, description: 'U / U_av' }),
  },
  { additionalProperties: false },
);

const CircularitySchema = Type.Object(
  {
    recoveryPotential: Type.Optional(Fraction('CTI: share of the stream recoverable at end of use')),
    actualRecovery: Type.Optional(Fraction('CTI: share of it actually recovered')),
    recycledContent: Type.Optional(Fraction('CTI inflow: recycled or second-life share when bought')),
    mci: Type.Optional(MciSchema),
  },
  { additionalProperties: false },
);

export const KpiSettingsSchema = Type.Unsafe<KpiSettings>(
  Type.Object(
    {
      electricityBasis: enumOf(['equivalent', 'equal_value'] as const, { description: 'GB/T 2589: equivalent (当量值 0.1229 kgce/kWh) or equal value (等价值)' }),
      electricityEqualValueKgcePerKWh: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 10, description: 'the equal value, kgce/kWh (required for equal_value)' })),
      combustionSet: enumOf(['ipcc2006', 'cn_chem_2013'] as const, { description: 'emission factors of fuel combustion' }),
      gridFactorTCO2PerMWh: Factor('t CO2 per MWh of purchased electricity'),
      heatFactorTCO2PerGJ: Factor('t CO2 per GJ of purchased heat'),
      oxidationFactors: CodeMap(Fraction('carbon oxidation rate'), 'per fuel material code'),
      avoidedFactors: CodeMap(Factor('t CO2 avoided per unit moved in an exchange'), 'per material code'),
      circularity: CodeMap(CircularitySchema, 'per material code'),
      waterIntakeMaterials: Type.Array(Type.String({ pattern: MATERIAL_CODE, maxLength: 64 }), { maxItems: 200, uniqueItems: true }),
      waterReusedMaterials: Type.Array(Type.String({ pattern: MATERIAL_CODE, maxLength: 64 }), { maxItems: 200, uniqueItems: true }),
    },
    { additionalProperties: false },
  ),
);

export const KpiSettingsResponseSchema = Type.Object({
  settings: KpiSettingsSchema,
  updatedBy: Nullable(Type.String({ description: 'who saved them; null: the defaults' })),
  updatedAt: Nullable(Type.Integer({ description: 'epoch ms' })),
});
export type KpiSettingsResponse = Static<typeof KpiSettingsResponseSchema>;

/** 'YYYY-MM', 'YYYY-Qn' or 'YYYY' (the service also checks month and year ranges). */
export const KpiPeriodSchema = Type.String({ pattern: '^[0-9]{4}(-([0-9]{2}|Q[1-4]))?$', maxLength: 7, description: "a month '2026-03', a quarter '2026-Q1' or a year '2026'" });
const ScopeSchema = enumOf(KPI_SCOPES, { description: 'park, enterprise or unit' });
const CodeSchema = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'the enterprise’s code, or the unit’s flow-node code (not for the park)' });
export const KpiKeySchema = enumOf(KPI_KEYS);

export const KpiQuerySchema = Type.Object({ period: KpiPeriodSchema, scope: ScopeSchema, code: Type.Optional(CodeSchema) }, { additionalProperties: false });
export type KpiQuery = Static<typeof KpiQuerySchema>;
export const KpiTrendQuerySchema = Type.Object({ scope: ScopeSchema, code: Type.Optional(CodeSchema), from: KpiPeriodSchema, to: KpiPeriodSchema }, { additionalProperties: false });
export type KpiTrendQuery = Static<typeof KpiTrendQuerySchema>;
export const KpiFlowsQuerySchema = Type.Object({ period: KpiPeriodSchema, scope: ScopeSchema, code: Type.Optional(CodeSchema), key: KpiKeySchema }, { additionalProperties: false });
export type KpiFlowsQuery = Static<typeof KpiFlowsQuerySchema>;

const InputsSchema = Type.Unsafe<Record<string, number | string | boolean>>({
  type: 'object',
  additionalProperties: { type: ['number', 'string', 'boolean'] },
  description: 'every figure the value was computed from, by name (so anyone can recompute it)',
});
const Num = (description: string) => Nullable(Type.Number({ description }));

export const KpiItemSchema = Type.Unsafe<KpiItem>(
  Type.Object(
    {
      key: KpiKeySchema,
      value: Num('null: not computable; `missing` says why'),
      unit: Type.String(),
      inputs: InputsSchema,
      missing: Type.Array(Type.String(), { description: 'the inputs that are missing (empty when value is a number)' }),
      previous: Num('the previous period’s value'),
      previousPeriod: Type.String(),
      lastYear: Num('the same period a year before'),
      lastYearPeriod: Type.String(),
      target: Num('the target’s value for its target year'),
      targetKind: Type.Unsafe<'absolute' | 'reduction' | null>({ type: ['string', 'null'], enum: ['absolute', 'reduction', null] }),
      targetYear: Nullable(Type.Integer()),
      baseYear: Nullable(Type.Integer()),
      baseValue: Num('the base year’s value (stated, or computed from the ledger)'),
      trajectory: Num('where the straight path from the base year to the target puts this period'),
      status: enumOf(['met', 'on_track', 'off_track', 'no_target', 'no_value'] as const),
    },
    { additionalProperties: false },
  ),
);

export const KpiAnswerSchema = Type.Object(
  {
    period: Type.String(),
    scope: ScopeSchema,
    code: Type.String(),
    name: Type.String(),
    nameEn: Nullable(Type.String()),
    items: Type.Array(KpiItemSchema),
  },
  { additionalProperties: false },
);
export type KpiAnswer = Static<typeof KpiAnswerSchema>;

export const KpiTrendSchema = Type.Object(
  {
    scope: ScopeSchema,
    code: Type.String(),
    periods: Type.Array(Type.String()),
    items: Type.Array(
      Type.Object({
        key: KpiKeySchema,
        unit: Type.String(),
        values: Type.Array(Num('the period’s value')),
        trajectory: Type.Array(Num('the target trajectory at the period')),
        target: Num('the target’s value for its target year'),
      }),
    ),
  },
  { additionalProperties: false },
);
export type KpiTrend = Static<typeof KpiTrendSchema>;

export const KpiFlowsSchema = Type.Object(
  {
    key: KpiKeySchema,
    unit: Type.String(),
    items: Type.Array(
      Type.Object({
        flowId: Type.Integer(),
        term: Type.String({ description: 'the term of the formula the flow counts in' }),
        amount: Type.Number({ description: 'in the term’s unit (t, tce, m3, t CO2)' }),
        period: Type.String(),
        from: Type.String({ description: 'node code' }),
        to: Type.String({ description: 'node code' }),
        material: Type.String(),
        quantity: Type.Number(),
        unit: Type.String(),
      }),
    ),
  },
  { additionalProperties: false },
);
export type KpiFlows = Static<typeof KpiFlowsSchema>;

export const InputImportSchema = Type.Object({
  imported: Type.Integer({ description: 'rows written' }),
  created: Type.Integer(),
  updated: Type.Integer({ description: 'rows that replaced what was stated for the same enterprise, unit and period' }),
});
export type InputImport = Static<typeof InputImportSchema>;

export type { KpiKey };
