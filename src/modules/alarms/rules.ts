/**
 * A stored rule and what the engine judges with: the API's record (seconds, flat nullable fields,
 * one of four subjects) ↔ the engine's `RuleParams` (milliseconds, one shape per kind). Pure: the
 * service reads rows and the tag's limits and the park's time zone, and hands them in.
 */
import type { FieldError } from '../../core/errors.ts';
import { utcOffsetMs as zoneOffsetMs } from '../../core/time-zone.ts';
import {
  ALARM_CATEGORIES, RULE_KINDS, SEVERITIES,
  type AlarmCategory, type ResolvedRule, type RuleKind, type RuleParams, type Severity, type SpcChart, type WindowAggregate,
} from './rule-model.ts';
import { ruleParamErrors } from './rule-params.ts';
import type { RuleNumber } from './spc.ts';

export { ALARM_CATEGORIES, RULE_KINDS, SEVERITIES };
export const RULE_ORIGINS = ['user', 'tag_limits'] as const;
export type RuleOrigin = (typeof RULE_ORIGINS)[number];

/** A rule as the API and the generic store hold it (`ItemOf<typeof alarmRuleSpec>` is one). */
export interface RuleRecord {
  id: number;
  enterpriseId: number;
  name: string | null;
  kind: RuleKind;
  origin: RuleOrigin;
  enabled: boolean;
  severity: Severity;
  category: AlarmCategory;
  tagId: number | null;
  deviceId: number | null;
  unitId: number | null;
  deviceKind: string | null;
  tagKey: string | null;
  overridesRuleId: number | null;
  highHigh: number | null;
  high: number | null;
  low: number | null;
  lowLow: number | null;
  deadband: number | null;
  onDelaySeconds: number | null;
  offDelaySeconds: number | null;
  windowSeconds: number | null;
  maxRise: number | null;
  maxFall: number | null;
  silenceSeconds: number | null;
  aggregate: WindowAggregate | null;
  minCompleteness: number | null;
  expectedIntervalSeconds: number | null;
  chart: SpcChart | null;
  subgroupSize: number | null;
  baselineFrom: number | null;
  baselineTo: number | null;
  runRules: number[] | null;
  horizonSeconds: number | null;
  stepSeconds: number | null;
  fitWindowSeconds: number | null;
  confidence: number | null;
}

/** A tag's own limits (registry): what a `tag_limits` rule judges and a forecast defaults to. */
export interface TagLimits {
  lowLow: number | null;
  low: number | null;
  high: number | null;
  highHigh: number | null;
}

export type RuleSubject = 'tag' | 'device' | 'unit' | 'device_kind';

/** The subjects a record names (a valid rule names exactly one). */
export function subjectsOf(r: Pick<RuleRecord, 'tagId' | 'deviceId' | 'unitId' | 'deviceKind'>): RuleSubject[] {
  const out: RuleSubject[] = [];
  if (r.tagId !== null && r.tagId !== undefined) out.push('tag');
  if (r.deviceId !== null && r.deviceId !== undefined) out.push('device');
  if (r.unitId !== null && r.unitId !== undefined) out.push('unit');
  if (r.deviceKind !== null && r.deviceKind !== undefined) out.push('device_kind');
  return out;
}

/** The category a rule on a tag of this kind gets unless it says otherwise. */
export function categoryOfTagKind(kind: string | null | undefined): AlarmCategory {
  return kind === 'emission' ? 'emission' : kind === 'quality' ? 'quality' : 'process';
}

const HOUR_S = 3600;

/**
 * Values a rule of `kind` gets where it says nothing: the engine's defaults, written into the rule
 * so that what it judges is what the API shows.
 */
export function defaultsFor(kind: RuleKind, given: { chart?: SpcChart | null } = {}): Partial<RuleRecord> {
  switch (kind) {
    case 'threshold':
      return { deadband: 0, onDelaySeconds: 0, offDelaySeconds: 0 };
    case 'window':
      return { aggregate: 'mean', minCompleteness: 0.75 };
    case 'spc':
      return { chart: 'imr', subgroupSize: (given.chart ?? 'imr') === 'imr' ? 1 : 5, runRules: [1, 2, 3, 4] };
    case 'forecast':
      return { horizonSeconds: 4 * HOUR_S, stepSeconds: 300, fitWindowSeconds: 6 * HOUR_S, confidence: 0.9 };
    default:
      return {};
  }
}

const s2ms = (s: number | null | undefined): number => (s ?? 0) * 1000;

/**
 * The engine's parameters of a rule for one tag (null for a device-level no-data rule), or null
 * when the rule judges nothing there: a `tag_limits` rule of a tag without limits, a forecast with
 * no limit to forecast against.
 */
export function paramsOf(rule: RuleRecord, tag: TagLimits | null, utcOffsetMs: number): RuleParams | null {
  const d = { ...defaultsFor(rule.kind, rule), ...definedOf(rule) } as RuleRecord;
  switch (rule.kind) {
    case 'threshold': {
      const limits = rule.origin === 'tag_limits' ? tag : { highHigh: d.highHigh, high: d.high, low: d.low, lowLow: d.lowLow };
      if (!limits || [limits.highHigh, limits.high, limits.low, limits.lowLow].every((v) => v === null || v === undefined)) return null;
      return {
        kind: 'threshold',
        highHigh: limits.highHigh ?? undefined,
        high: limits.high ?? undefined,
        low: limits.low ?? undefined,
        lowLow: limits.lowLow ?? undefined,
        deadband: d.deadband ?? 0,
        onDelayMs: s2ms(d.onDelaySeconds),
        offDelayMs: s2ms(d.offDelaySeconds),
      };
    }
    case 'rate':
      return { kind: 'rate', windowMs: s2ms(d.windowSeconds), maxRise: d.maxRise ?? null, maxFall: d.maxFall ?? null };
    case 'no_data':
      return { kind: 'no_data', silenceMs: s2ms(d.silenceSeconds) };
    case 'window':
      return {
        kind: 'window',
        windowMs: s2ms(d.windowSeconds),
        aggregate: d.aggregate ?? 'mean',
        high: d.high ?? null,
        low: d.low ?? null,
        minCompleteness: d.minCompleteness ?? 0.75,
        expectedIntervalMs: s2ms(d.expectedIntervalSeconds),
        utcOffsetMs,
      };
    case 'spc':
      return {
        kind: 'spc',
        chart: d.chart ?? 'imr',
        subgroupSize: d.subgroupSize ?? 1,
        baselineFrom: d.baselineFrom ?? 0,
        baselineTo: d.baselineTo ?? 0,
        runRules: (d.runRules ?? [1, 2, 3, 4]) as RuleNumber[],
      };
    case 'forecast': {
      const high = d.high ?? tag?.high ?? null;
      const low = d.low ?? tag?.low ?? null;
      if (high === null && low === null) return null;
      return { kind: 'forecast', horizonMs: s2ms(d.horizonSeconds), stepMs: s2ms(d.stepSeconds), fitWindowMs: s2ms(d.fitWindowSeconds), confidence: d.confidence ?? 0.9, high, low };
    }
  }
}

function definedOf(r: RuleRecord): Partial<RuleRecord> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (v !== null && v !== undefined) out[k] = v;
  return out as Partial<RuleRecord>;
}

/** The API field a parameter of `RuleParams` comes from (where the names differ). */
const FIELD_OF_PARAM: Record<string, keyof RuleRecord> = {
  onDelayMs: 'onDelaySeconds',
  offDelayMs: 'offDelaySeconds',
  windowMs: 'windowSeconds',
  silenceMs: 'silenceSeconds',
  expectedIntervalMs: 'expectedIntervalSeconds',
  horizonMs: 'horizonSeconds',
  stepMs: 'stepSeconds',
  fitWindowMs: 'fitWindowSeconds',
};

/** A parameter error's path (`high`, `/windowMs`, `runRules/2`) as a pointer into the request body. */
export function bodyPointerOfParam(path: string): string {
  const parts = path.replace(/^\/+/, '').split('/').filter((p) => p !== '');
  const [head, ...rest] = parts.length ? parts : [''];
  const field = FIELD_OF_PARAM[head] ?? head;
  return ['/body', field, ...rest].filter((p) => p !== '').join('/');
}

/** What each kind needs to be judged at all (the engine checks the values' sense). */
const REQUIRED: Partial<Record<RuleKind, (keyof RuleRecord)[]>> = {
  rate: ['windowSeconds'],
  no_data: ['silenceSeconds'],
  window: ['windowSeconds', 'expectedIntervalSeconds'],
  spc: ['baselineFrom', 'baselineTo'],
};

/** A rule's own checks (spec `validate`): one subject, the tag key it needs, its kind's parameters. */
export function ruleErrors(r: RuleRecord): FieldError[] {
  const errors: FieldError[] = [];
  const subjects = subjectsOf(r);
  if (subjects.length !== 1) {
    const path = subjects.length ? `/body/${subjects.map(fieldOfSubject)[1]}` : '/body/tagId';
    errors.push({ path, message: 'a rule applies to exactly one of tagId, deviceId, unitId and deviceKind' });
    return errors;
  }
  const subject = subjects[0];
  const hasKey = r.tagKey !== null && r.tagKey !== undefined;
  if (subject === 'tag' && hasKey) errors.push({ path: '/body/tagKey', message: 'is only for device, unit and device kind rules (a tag rule names its tag)' });
  if ((subject === 'unit' || subject === 'device_kind') && !hasKey) errors.push({ path: '/body/tagKey', message: 'is required: the key of the tags the rule applies to' });
  if (subject === 'device' && !hasKey && r.kind !== 'no_data') errors.push({ path: '/body/tagKey', message: 'is required, except for a no_data rule on the whole device' });
  if (r.overridesRuleId !== null && r.overridesRuleId !== undefined && subject !== 'tag' && subject !== 'device') {
    errors.push({ path: '/body/overridesRuleId', message: 'only a tag or device rule overrides an inherited (device kind or unit) rule' });
  }
  for (const field of REQUIRED[r.kind] ?? []) {
    if (r[field] === null || r[field] === undefined) errors.push({ path: `/body/${field}`, message: `is required for a ${r.kind} rule` });
  }
  if (r.origin === 'tag_limits') {
    // Its limits are the tag's: set, cleared and ordered where the tag is edited.
    for (const f of ['highHigh', 'high', 'low', 'lowLow'] as const) if (r[f] !== null && r[f] !== undefined) errors.push({ path: `/body/${f}`, message: "comes from the tag's own limits for this rule: edit the tag" });
    if (r.kind !== 'threshold') errors.push({ path: '/body/kind', message: "a tag's own limits make a threshold rule" });
    return errors;
  }
  if (r.kind === 'threshold' && [r.highHigh, r.high, r.low, r.lowLow].every((v) => v === null || v === undefined)) {
    errors.push({ path: '/body/high', message: 'a threshold rule needs at least one of highHigh, high, low and lowLow' });
  }
  if (r.kind === 'window' && (r.high === null || r.high === undefined) && (r.low === null || r.low === undefined)) {
    errors.push({ path: '/body/high', message: 'a window rule needs its permitted limit (high) or a lower bound (low)' });
  }
  if (r.kind === 'rate' && (r.maxRise === null || r.maxRise === undefined) && (r.maxFall === null || r.maxFall === undefined)) {
    errors.push({ path: '/body/maxRise', message: 'a rate rule needs maxRise, maxFall or both' });
  }
  if (errors.length) return errors;
  // A forecast without limits of its own forecasts against its tag's, which are not known here:
  // judge it against a stand-in limit so that the rest of its parameters are still checked.
  const standIn: TagLimits = { lowLow: null, low: null, high: r.kind === 'forecast' && r.high === null && r.low === null ? 1 : null, highHigh: null };
  const params = paramsOf(r, standIn, 0);
  if (!params) return errors;
  for (const e of ruleParamErrors(params)) errors.push({ path: bodyPointerOfParam(e.path), message: e.message });
  return errors;
}

function fieldOfSubject(s: RuleSubject): string {
  return s === 'tag' ? 'tagId' : s === 'device' ? 'deviceId' : s === 'unit' ? 'unitId' : 'deviceKind';
}

/** The key of the one alarm a resolved rule keeps for its subject. */
export function sourceKeyOf(r: Pick<ResolvedRule, 'ruleId' | 'tagId' | 'deviceId'>): string {
  return r.tagId !== null ? `rule:${r.ruleId}:tag:${r.tagId}` : `rule:${r.ruleId}:device:${r.deviceId}`;
}

/**
 * The offset of local time from UTC in a time zone at an instant (ms; +8 h for Asia/Shanghai), so
 * that a day window runs from local midnight. An unknown zone counts as UTC.
 */
export function utcOffsetMs(timeZone: string, at: number): number {
  try {
    return zoneOffsetMs(timeZone, at);
  } catch {
    return 0;
  }
}
