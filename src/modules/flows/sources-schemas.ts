/** Request and response schemas of the flow sources' routes: CSV imports, meter links, telemetry and EPCIS runs. */
import Type, { type Static } from 'typebox';
import { MAX_ID } from '../../core/crud/schemas.ts';
import { PeriodSchema } from './schemas.ts';
import { METER_METHODS, type MeterMethod } from './telemetry-totals.ts';

const Id = () => Type.Integer({ minimum: 1, maximum: MAX_ID });
const Code = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });
const RejectedRowSchema = Type.Object({ row: Type.Integer({ description: 'the data row (1 = the first after the header)' }), reason: Type.String() });

export const ImportQuerySchema = Type.Object({ filename: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });
export const ImportParamsSchema = Type.Object({ id: Id() });
export const ImportSchema = Type.Object({
  id: Type.Integer(),
  state: Type.Unsafe<'running' | 'done' | 'failed'>({ type: 'string', enum: ['running', 'done', 'failed'] }),
  filename: Type.String(),
  totalRows: Type.Integer(),
  processedRows: Type.Integer({ description: 'rows checked so far (accepted + rejected)' }),
  accepted: Type.Integer({ description: "rows that passed; on 'done' the rows written, on 'failed' none was written" }),
  rejected: Type.Integer(),
  errors: Type.Array(RejectedRowSchema, { description: 'every rejected row with its reason (the first 10,000)' }),
  createdBy: Type.String(),
  createdAt: Type.Integer(),
  finishedAt: Type.Union([Type.Integer(), Type.Null()]),
});
export type ImportItem = Static<typeof ImportSchema>;

const Method = () => Type.Unsafe<MeterMethod>({ type: 'string', enum: [...METER_METHODS], description: "'integral' of a rate tag over the period, or 'counter' difference of a totaliser" });
const linkFields = {
  tagId: Id(),
  from: Code('node code the flow leaves'),
  to: Code('node code the flow enters'),
  material: Code('material code'),
  method: Method(),
  unit: Type.String({ minLength: 1, maxLength: 20, description: 'unit of the total, e.g. t, m3, Nm3, GJ, MWh' }),
  accuracyPercent: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: "the meter's relative standard deviation, % of the total" }),
};
export const MeterLinkCreateSchema = Type.Object(linkFields, { additionalProperties: false });
export const MeterLinkPatchSchema = Type.Partial(MeterLinkCreateSchema, { additionalProperties: false, minProperties: 1 });
export const MeterLinkSchema = Type.Object({ id: Type.Integer(), enterpriseId: Type.Integer(), ...linkFields, tagId: Type.Integer(), createdAt: Type.Integer(), updatedAt: Type.Integer() });
export const MeterLinkListSchema = Type.Object({ items: Type.Array(MeterLinkSchema) });
export const MeterLinkParamsSchema = Type.Object({ id: Id() });

export const SourceRunSchema = Type.Object({ period: PeriodSchema }, { additionalProperties: false });
const Ms = () => Type.Integer({ description: 'epoch ms' });
export const TelemetryRunSchema = Type.Object({
  written: Type.Integer(),
  rejected: Type.Array(Type.Object({ tagId: Type.Integer(), reason: Type.String() })),
  gaps: Type.Array(Type.Object({ tagId: Type.Integer(), tagKey: Type.String(), deviceCode: Type.String(), from: Ms(), to: Ms(), reason: Type.String() }), {
    description: 'stretches without readings: reported, never filled; a flow with gaps is estimated over its covered time',
  }),
});
export const EpcisRunSchema = Type.Object({
  written: Type.Integer(),
  rejected: Type.Array(RejectedRowSchema),
  skipped: Type.Array(Type.Object({ eventId: Type.String(), reason: Type.String() })),
});
