/**
 * Request and response schemas of the incident routes. One TypeBox definition per shape gives the
 * handler its types, the validator its schema and the OpenAPI document its description; the
 * service's inputs and outputs are these schemas' `Static` types.
 */
import Type, { type Static } from 'typebox';
import { MAX_ID, MAX_OFFSET, Nullable, pageSchema } from '../../core/crud/schemas.ts';
import { CHECKLIST_STATUSES, ENTRY_KINDS, INCIDENT_KINDS, INCIDENT_STATES, POSTED_ENTRY_KINDS, REPORT_FIELDS } from './model.ts';

const epochMs = (description = 'epoch milliseconds, UTC') => Type.Integer({ description });
const Id = () => Type.Integer({ minimum: 1, maximum: MAX_ID });
/** A string enum, spelled `enum` in the schema (one error per field) and typed as its union. */
const enumOf = <T extends string>(values: readonly T[], opts: { description?: string } = {}) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...opts });
const ids = (description: string, maxItems = 100) => Type.Array(Id(), { maxItems, uniqueItems: true, description });

export const IncidentKindSchema = enumOf(INCIDENT_KINDS);
export const IncidentStateSchema = enumOf(INCIDENT_STATES);
export const SeveritySchema = Type.Integer({ minimum: 1, maximum: 4, description: 'emergency response level: 1 = I 特别重大, 2 = II 重大, 3 = III 较大, 4 = IV 一般' });
export const ChecklistStatusSchema = enumOf(CHECKLIST_STATUSES);

const Title = () => Type.String({ minLength: 1, maxLength: 200 });
const Description = () => Type.String({ maxLength: 10_000 });
const Lat = () => Nullable(Type.Number({ minimum: -90, maximum: 90 }));
const Lng = () => Nullable(Type.Number({ minimum: -180, maximum: 180 }));
const ReportText = () => Type.String({ maxLength: 20_000 });

export const ReportFieldsSchema = Type.Object(Object.fromEntries(REPORT_FIELDS.map((f) => [f, ReportText()])) as Record<(typeof REPORT_FIELDS)[number], ReturnType<typeof ReportText>>, { additionalProperties: false });
export const ReportPatchSchema = Type.Partial(ReportFieldsSchema, { additionalProperties: false, minProperties: 1 });

export const CreateIncidentSchema = Type.Object(
  {
    kind: IncidentKindSchema,
    severity: SeveritySchema,
    title: Title(),
    description: Type.Optional(Description()),
    enterpriseIds: Type.Optional(ids('the affected enterprises (the enterprises of the units and alarms named are added)')),
    unitIds: Type.Optional(ids('the affected process units')),
    alarmIds: Type.Optional(ids('the alarms the incident is raised from')),
    lat: Type.Optional(Lat()),
    lng: Type.Optional(Lng()),
  },
  { additionalProperties: false },
);
export type CreateIncident = Static<typeof CreateIncidentSchema>;

export const PatchIncidentSchema = Type.Object(
  {
    title: Type.Optional(Title()),
    description: Type.Optional(Description()),
    severity: Type.Optional(SeveritySchema),
    enterpriseIds: Type.Optional(ids('the affected enterprises, replacing the list; those of linked units and alarms stay')),
    unitIds: Type.Optional(ids('the affected units, replacing the list')),
    lat: Type.Optional(Lat()),
    lng: Type.Optional(Lng()),
    report: Type.Optional(ReportPatchSchema),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'the version the edit was made on: a newer stored one answers 409' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchIncident = Static<typeof PatchIncidentSchema>;

export const TimelinePostSchema = Type.Object(
  {
    kind: enumOf(POSTED_ENTRY_KINDS, { description: 'message: information; action: something done' }),
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    corrects: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'the earlier entry this one corrects (entries are never changed)' })),
  },
  { additionalProperties: false },
);
export type TimelinePost = Static<typeof TimelinePostSchema>;

export const LinkAlarmsSchema = Type.Object({ alarmIds: Type.Array(Id(), { minItems: 1, maxItems: 100, uniqueItems: true }) }, { additionalProperties: false });

export const ChecklistPatchSchema = Type.Object(
  { status: ChecklistStatusSchema, note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
  { additionalProperties: false },
);
export type ChecklistPatch = Static<typeof ChecklistPatchSchema>;

export const ChecklistAddSchema = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 500 }),
    textEn: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 500 }))),
    required: Type.Optional(Type.Boolean({ default: false, description: 'a required item must be done or marked not applicable before closing' })),
  },
  { additionalProperties: false },
);
export type ChecklistAdd = Static<typeof ChecklistAddSchema>;

export const TransitionSchema = Type.Object(
  { to: IncidentStateSchema, reason: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'needed to go back: contained → open, closed → open' }))) },
  { additionalProperties: false },
);
export type Transition = Static<typeof TransitionSchema>;

export const IncidentParamsSchema = Type.Object({ id: Id() });
export const ChecklistParamsSchema = Type.Object({ id: Id(), itemId: Id() });

export const IncidentListQuerySchema = Type.Object(
  {
    state: Type.Optional(IncidentStateSchema),
    kind: Type.Optional(IncidentKindSchema),
    enterpriseId: Type.Optional(Id()),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }),
    offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
  },
  { additionalProperties: false },
);
export type IncidentListQuery = Static<typeof IncidentListQuerySchema>;

export const LangSchema = enumOf(['zh-CN', 'en'] as const, { description: 'the language of the generated report draft (and of the Markdown headings)' });
export const LangQuerySchema = Type.Object({ lang: Type.Optional(LangSchema) }, { additionalProperties: false });

export const ReportQuerySchema = Type.Object(
  {
    format: Type.Optional(enumOf(['json', 'markdown'] as const, { description: 'markdown: the printable report as text/markdown' })),
    lang: Type.Optional(LangSchema),
  },
  { additionalProperties: false },
);

// ---- responses ------------------------------------------------------------------------------

export const EnterpriseRefSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) });
export type EnterpriseRef = Static<typeof EnterpriseRefSchema>;
export const UnitRefSchema = Type.Object({ id: Type.Integer(), enterpriseId: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) });
export type UnitRef = Static<typeof UnitRefSchema>;

export const LinkedAlarmSchema = Type.Object({
  alarmId: Type.Integer(),
  enterpriseId: Type.Integer(),
  category: Type.String(),
  severity: Type.String(),
  state: Type.String({ description: 'the alarm state when it was linked' }),
  level: Nullable(Type.String()),
  message: Type.String(),
  tagId: Nullable(Type.Integer()),
  unitId: Nullable(Type.Integer()),
  raisedAt: Nullable(Type.Integer({ description: 'epoch milliseconds, UTC' })),
  linkedAt: epochMs(),
  linkedBy: Type.String(),
});
export type LinkedAlarm = Static<typeof LinkedAlarmSchema>;

export const TimelineEntrySchema = Type.Object({
  id: Type.Integer(),
  at: epochMs(),
  actor: Type.String(),
  /** null: the park. */
  actorEnterpriseId: Nullable(Type.Integer()),
  kind: enumOf(ENTRY_KINDS),
  text: Type.String(),
  corrects: Nullable(Type.Integer()),
  /** Facts of a platform entry (from/to of a state change, a checklist item's id and status, alarm ids). */
  data: Type.Unsafe<Record<string, unknown> | null>({ type: ['object', 'null'], additionalProperties: true }),
});
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

export const ChecklistItemSchema = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  templateKey: Nullable(Type.String()),
  text: Type.String(),
  textEn: Nullable(Type.String()),
  required: Type.Boolean(),
  status: ChecklistStatusSchema,
  note: Nullable(Type.String()),
  statusBy: Nullable(Type.String()),
  statusAt: Nullable(Type.Integer()),
  addedBy: Type.String(),
  addedAt: epochMs(),
});
export type ChecklistItem = Static<typeof ChecklistItemSchema>;

export const ReportSchema = Type.Object({
  ...ReportFieldsSchema.properties,
  status: enumOf(['draft', 'edited', 'frozen'] as const, { description: 'draft: generated from the timeline and checklist, not yet edited; frozen: the incident is closed' }),
  frozenAt: Nullable(Type.Integer()),
  frozenBy: Nullable(Type.String()),
});
export type IncidentReport = Static<typeof ReportSchema>;

const summaryFields = {
  id: Type.Integer(),
  kind: IncidentKindSchema,
  severity: SeveritySchema,
  title: Type.String(),
  state: IncidentStateSchema,
  openedAt: epochMs(),
  openedBy: Type.String(),
  containedAt: Nullable(Type.Integer()),
  closedAt: Nullable(Type.Integer()),
  updatedAt: epochMs(),
  version: Type.Integer(),
  enterprises: Type.Array(EnterpriseRefSchema),
  alarmCount: Type.Integer({ description: 'linked alarms the caller may see' }),
  checklistDone: Type.Integer({ description: 'items done or not applicable' }),
  checklistTotal: Type.Integer(),
};

export const IncidentSummarySchema = Type.Object(summaryFields);
export type IncidentSummary = Static<typeof IncidentSummarySchema>;

export const IncidentSchema = Type.Object({
  ...summaryFields,
  description: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  template: IncidentKindSchema,
  units: Type.Array(UnitRefSchema),
  alarms: Type.Array(LinkedAlarmSchema),
  timeline: Type.Array(TimelineEntrySchema),
  checklist: Type.Array(ChecklistItemSchema),
  report: ReportSchema,
  nextStates: Type.Array(IncidentStateSchema, { description: 'the states it may go to now (whether the caller may move it is in abilities)' }),
});
export type Incident = Static<typeof IncidentSchema>;

export const IncidentPageSchema = pageSchema(IncidentSummarySchema);

export const TemplateSchema = Type.Object({
  kind: IncidentKindSchema,
  name: Type.String(),
  nameEn: Type.String(),
  items: Type.Array(Type.Object({ key: Type.String(), text: Type.String(), textEn: Type.String(), required: Type.Boolean() })),
});
export const TemplateListSchema = Type.Array(TemplateSchema);
