/** Request and response schemas of the alarms routes (rules are a generic resource: resources.ts). */
import Type, { type Static } from 'typebox';
import { MAX_ID, Nullable, pageParams, pageSchema } from '../../core/crud/schemas.ts';
import { ALARM_CATEGORIES, SEVERITIES } from './rule-model.ts';
import type { AlarmState } from './lifecycle.ts';

/** ISA-18.2 states as the API spells them out. */
export const API_STATES = ['normal', 'active_unacknowledged', 'active_acknowledged', 'cleared_unacknowledged', 'shelved', 'suppressed'] as const;
export type ApiState = (typeof API_STATES)[number];

const API_STATE_OF: Record<AlarmState, ApiState> = {
  normal: 'normal',
  unack: 'active_unacknowledged',
  acked: 'active_acknowledged',
  rtn_unack: 'cleared_unacknowledged',
  shelved: 'shelved',
  suppressed: 'suppressed',
};
export const apiStateOf = (s: AlarmState): ApiState => API_STATE_OF[s];
export const lifecycleStateOf = (s: ApiState): AlarmState => (Object.keys(API_STATE_OF) as AlarmState[]).find((k) => API_STATE_OF[k] === s)!;

/** The list's state filter: groups for the console's tabs, or one exact state. */
export const STATE_FILTERS = ['active', 'unacknowledged', 'all', ...API_STATES] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

const id = () => Type.Integer({ minimum: 1, maximum: MAX_ID });
const epochMs = (description = 'epoch milliseconds, UTC') => Type.Integer({ description });
const NullableId = () => Nullable(Type.Integer());

export const conditionDetailSchema = Type.Object(
  {
    limit: Type.Optional(Type.Number()),
    change: Type.Optional(Type.Number()),
    windowStart: Type.Optional(Type.Integer()),
    windowEnd: Type.Optional(Type.Integer()),
    completeness: Type.Optional(Type.Number()),
    runRule: Type.Optional(Type.Integer()),
    runRuleName: Type.Optional(Type.String()),
    predictedAt: Type.Optional(Type.Integer()),
    probability: Type.Optional(Type.Number()),
    lastSeenAt: Type.Optional(Nullable(Type.Integer())),
  },
  { additionalProperties: false, description: 'why the condition is active (ConditionDetail)' },
);

export const alarmItemSchema = Type.Object(
  {
    id: Type.Integer(),
    enterpriseId: Type.Integer(),
    enterpriseCode: Nullable(Type.String()),
    source: Type.String({ description: "'rule', or the module that raised it" }),
    sourceKey: Type.String(),
    ruleId: NullableId(),
    tagId: NullableId(),
    tagName: Nullable(Type.String()),
    tagKey: Nullable(Type.String()),
    deviceId: NullableId(),
    deviceCode: Nullable(Type.String()),
    unitId: NullableId(),
    category: Type.String({ enum: [...ALARM_CATEGORIES] }),
    severity: Type.String({ enum: [...SEVERITIES] }),
    state: Type.String({ enum: [...API_STATES] }),
    active: Type.Boolean({ description: 'whether the condition stands now (also while shelved or suppressed)' }),
    acknowledged: Type.Boolean({ description: 'the current activation was acknowledged' }),
    level: Nullable(Type.String({ description: 'H, HH, L, LL, ROC_UP, NO_DATA, MEAN_H, SPC1..8, FORECAST_H, …' })),
    value: Nullable(Type.Number()),
    message: Type.String(),
    detail: Nullable(conditionDetailSchema),
    raisedAt: Nullable(epochMs()),
    clearedAt: Nullable(epochMs()),
    ackedAt: Nullable(epochMs()),
    ackedBy: Nullable(Type.String({ description: 'user id of who acknowledged' })),
    shelvedUntil: Nullable(epochMs()),
    version: Type.Integer({ description: 'grows with every transition' }),
    updatedAt: epochMs(),
  },
  { additionalProperties: false },
);
export type AlarmItem = Static<typeof alarmItemSchema>;
export const alarmPageSchema = pageSchema(alarmItemSchema);

export const alarmListQuerySchema = Type.Object(
  {
    ...pageParams(),
    state: Type.Optional(Type.String({ enum: [...STATE_FILTERS], description: 'active: condition active and annunciated; unacknowledged: waiting for acknowledgement; all (default); or one state' })),
    severity: Type.Optional(Type.String({ enum: [...SEVERITIES] })),
    category: Type.Optional(Type.String({ enum: [...ALARM_CATEGORIES] })),
    enterpriseId: Type.Optional(id()),
    tagId: Type.Optional(id()),
    deviceId: Type.Optional(id()),
    unitId: Type.Optional(id()),
    ruleId: Type.Optional(id()),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'searches message and level' })),
  },
  { additionalProperties: false },
);
export type AlarmListQuery = Static<typeof alarmListQuerySchema>;

export const alarmIdParamsSchema = Type.Object({ id: id() });

export const transitionItemSchema = Type.Object(
  {
    id: Type.Integer(),
    at: epochMs(),
    by: Type.String({ description: "a user's id, or 'system'" }),
    byName: Nullable(Type.String({ description: 'the user’s name at the time' })),
    event: Type.String(),
    why: Type.String({ description: 'raised, escalated, level_changed, cleared, acknowledged, shelved, reshelved, unshelved, shelf_expired, suppressed, unsuppressed, commented' }),
    fromState: Type.String({ enum: [...API_STATES] }),
    toState: Type.String({ enum: [...API_STATES] }),
    note: Nullable(Type.String()),
    active: Type.Boolean(),
    level: Nullable(Type.String()),
    severity: Nullable(Type.String({ enum: [...SEVERITIES] })),
    value: Nullable(Type.Number()),
  },
  { additionalProperties: false },
);
export type TransitionItem = Static<typeof transitionItemSchema>;
export const historyQuerySchema = Type.Object({ ...pageParams(100, 1000) }, { additionalProperties: false });
export const historyPageSchema = pageSchema(transitionItemSchema);

const countsBy = <K extends readonly string[]>(keys: K) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer({ minimum: 0 })])) as Record<K[number], ReturnType<typeof Type.Integer>>, { additionalProperties: false });
export const summarySchema = Type.Object(
  {
    total: Type.Integer(),
    unacknowledged: Type.Integer({ description: 'alarms waiting for acknowledgement (the menu badge)' }),
    active: Type.Integer({ description: 'conditions active and annunciated' }),
    byState: countsBy(API_STATES),
    bySeverity: { ...countsBy(SEVERITIES), description: 'of the annunciated alarms (active or waiting for acknowledgement)' },
  },
  { additionalProperties: false },
);
export type AlarmSummary = Static<typeof summarySchema>;

export const ALARM_ACTIONS = ['acknowledge', 'shelve', 'unshelve', 'comment'] as const;
export type AlarmAction = (typeof ALARM_ACTIONS)[number];
/** ISA-18.2 wants shelving bounded: a week at most. */
export const MAX_SHELVE_MS = 7 * 24 * 3_600_000;

export const actionsBodySchema = Type.Object(
  {
    ids: Type.Array(id(), { minItems: 1, maxItems: 500, uniqueItems: true }),
    action: Type.Unsafe<AlarmAction>(Type.String({ enum: [...ALARM_ACTIONS] })),
    comment: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'acknowledge: optional; comment: required' })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'shelve: required (ISA-18.2 documents every shelving); unshelve: optional' })),
    until: Type.Optional(Type.Integer({ minimum: 0, maximum: 9_000_000_000_000, description: 'shelve: epoch ms the shelf expires, in the future and at most 7 days ahead' })),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_080, description: 'shelve: instead of until, minutes from now (at most 7 days)' })),
  },
  { additionalProperties: false },
);
export type ActionsBody = Static<typeof actionsBodySchema>;

const problemBodySchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
});
export const actionResultSchema = Type.Object(
  {
    id: Type.Integer(),
    ok: Type.Boolean(),
    state: Type.Optional(Type.String({ enum: [...API_STATES] })),
    reason: Type.Optional(Type.String({ description: "the lifecycle's reason code when it refused (not_active, hidden, …)" })),
    problem: Type.Optional(problemBodySchema),
  },
  { additionalProperties: false },
);
export type ActionResult = Static<typeof actionResultSchema>;
export const actionsResponseSchema = Type.Object({ results: Type.Array(actionResultSchema) }, { additionalProperties: false });
