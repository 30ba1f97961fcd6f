/** Request and response schemas of the alarm runtime's routes: preview (back-test), chart overlay, live stream. */
import Type, { type Static } from 'typebox';
import { createSchema, MAX_ID } from '../../core/crud/schemas.ts';
import { alarmRuleSpec } from './resources.ts';

export const problem = Type.Unsafe<{ type: string; title: string; status: number; detail: string }>({ $ref: 'problem#' });

const EPOCH_MS_MAX = 9_000_000_000_000;
const epochMs = (description: string) => Type.Integer({ minimum: 0, maximum: EPOCH_MS_MAX, description });
const nullableNumber = (description?: string) => Type.Union([Type.Number(), Type.Null()], description ? { description } : {});

/** The longest preview: a back-test over more than 30 days of raw readings is a report, not a preview. */
export const MAX_PREVIEW_DAYS = 30;
/** Points of the preview's chart series at most (min/max kept per bucket, so spikes stay visible). */
export const MAX_CHART_POINTS = 2000;

export const previewBody = Type.Object(
  {
    rule: createSchema(alarmRuleSpec),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PREVIEW_DAYS, default: 7, description: 'how many days back the rule is replayed' })),
    tagId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'for a device, unit or device-kind rule: the tag to preview it on' })),
  },
  { additionalProperties: false },
);
export type PreviewBody = Static<typeof previewBody>;

const conditionChange = Type.Object(
  {
    at: Type.Number(),
    active: Type.Boolean(),
    level: Type.Optional(Type.String()),
    value: nullableNumber(),
    detail: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'why the condition is active (limit, window, run rule, predicted crossing, …)' })),
  },
  { additionalProperties: false },
);

const episode = Type.Object(
  {
    level: Type.String(),
    from: Type.Number(),
    to: Type.Union([Type.Number(), Type.Null()], { description: 'null: still active at the end of the range' }),
    peak: Type.Optional(nullableNumber('the most extreme value of the episode')),
  },
  { additionalProperties: false },
);

export const backtestResult = Type.Object(
  {
    changes: Type.Array(conditionChange),
    episodes: Type.Array(episode),
    points: Type.Integer({ description: 'readings replayed' }),
    invalid: Type.Integer({ description: 'readings left out (not finite)' }),
    timeInAlarm: Type.Number({ minimum: 0, maximum: 1, description: 'share of the replayed span spent in alarm (0..1)' }),
    forecast: Type.Optional(
      Type.Object(
        {
          warnings: Type.Integer({ description: 'forecast warnings raised' }),
          crossings: Type.Integer({ description: 'times the tag actually crossed the limit' }),
          hits: Type.Integer({ description: 'crossings warned of beforehand' }),
          falseAlarms: Type.Integer({ description: 'warnings no crossing followed within the horizon' }),
          falseAlarmRate: Type.Number({ description: 'false alarms ÷ warnings judged (0 with none)' }),
          missed: Type.Integer({ description: 'crossings no warning preceded' }),
          leadTimesMs: Type.Array(Type.Number(), { description: 'for each hit: warning to crossing' }),
          medianLeadMs: Type.Union([Type.Number(), Type.Null()]),
        },
        { additionalProperties: false, description: 'forecast rules: lead time and false-alarm figures of the back-test' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const seriesPoint = Type.Object({ ts: Type.Number(), value: Type.Number() }, { additionalProperties: false });

export const previewResponse = Type.Object(
  {
    tagId: Type.Integer(),
    from: Type.Number(),
    to: Type.Number(),
    points: Type.Integer({ description: 'readings in the range' }),
    result: backtestResult,
    series: Type.Array(seriesPoint, { description: `the readings for the chart, downsampled to at most ${MAX_CHART_POINTS}` }),
  },
  { additionalProperties: false },
);
export type PreviewResponse = Static<typeof previewResponse>;

export const overlayQuery = Type.Object(
  {
    from: epochMs('start of the chart (epoch ms)'),
    to: epochMs('end of the chart (epoch ms)'),
  },
  { additionalProperties: false },
);

export const overlayResponse = Type.Object(
  {
    limits: Type.Object(
      { highHigh: nullableNumber(), high: nullableNumber(), low: nullableNumber(), lowLow: nullableNumber() },
      { additionalProperties: false, description: "the tightest of the tag's own limits and its threshold rules' (where an alarm fires first)" },
    ),
    controlLimits: Type.Array(
      Type.Object({ ruleId: Type.Integer(), center: Type.Number(), ucl: Type.Number(), lcl: Type.Number(), sigma: Type.Number() }, { additionalProperties: false }),
    ),
    forecast: Type.Union([
      Type.Object(
        {
          ruleId: Type.Union([Type.Integer(), Type.Null()], { description: "null: the default fit, the tag having no forecast rule" }),
          stepMs: Type.Number(),
          points: Type.Array(Type.Object({ ts: Type.Number(), mean: Type.Number(), lower: Type.Number(), upper: Type.Number() }, { additionalProperties: false })),
          crossing: Type.Union([
            Type.Object({ level: Type.String(), predictedAt: Type.Number(), probability: Type.Number() }, { additionalProperties: false }),
            Type.Null(),
          ]),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    episodes: Type.Array(Type.Object({ level: Type.String(), from: Type.Number(), to: Type.Union([Type.Number(), Type.Null()]) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type OverlayResponse = Static<typeof overlayResponse>;
