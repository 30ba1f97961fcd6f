/**
 * The shared vocabulary of the alarms module: what a rule is once resolved to one tag (or device),
 * and what its evaluation says. The pure engine (evaluator.ts and the rule kinds), the store and
 * service, the runtime that feeds committed readings in, and the console all speak these types.
 * Types and small pure helpers only: no I/O.
 */
import type { ThresholdRule } from './threshold.ts';
import type { RuleNumber } from './spc.ts';

/** The kinds of rule. `threshold` is also what a tag's own limits (LL/L/H/HH) become. */
export const RULE_KINDS = ['threshold', 'rate', 'no_data', 'window', 'spc', 'forecast'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Severity, least to most severe; the lifecycle stores it as its rank (1..4). */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s) + 1;
export const severityOfRank = (n: number): Severity => SEVERITIES[Math.min(SEVERITIES.length, Math.max(1, Math.round(n))) - 1];

/**
 * What an alarm is about. Emission, safety and compliance alarms are shared with the park by default
 * (the park's environmental monitoring and emergency response see them without a share rule, and so
 * does its oversight of hazardous-waste manifests: a discrepancy or an overdue manifest is the
 * authority's business whether or not the generator shares it).
 */
export const ALARM_CATEGORIES = ['emission', 'safety', 'quality', 'process', 'equipment', 'balance', 'compliance'] as const;
export type AlarmCategory = (typeof ALARM_CATEGORIES)[number];
/** The categories the park sees unless the enterprise's share rule says otherwise. */
export const PARK_DEFAULT_CATEGORIES: readonly AlarmCategory[] = ['emission', 'safety', 'compliance'];

/** How a window aggregate rule reduces its window. */
export type WindowAggregate = 'mean' | 'sum';

/** The SPC charts: individuals/moving range, or X-bar/R over subgroups of `subgroupSize`. */
export type SpcChart = 'imr' | 'xbar_r';

/** A rule's parameters by kind (all durations in milliseconds). */
export type RuleParams =
  | ({ kind: 'threshold' } & Required<Pick<ThresholdRule, 'deadband' | 'onDelayMs' | 'offDelayMs'>> & Pick<ThresholdRule, 'highHigh' | 'high' | 'low' | 'lowLow'>)
  | {
      kind: 'rate';
      /** The change is measured over this window: value now minus the value `windowMs` before. */
      windowMs: number;
      /** A rise larger than this within the window raises `ROC_UP` (null: rises are not judged). */
      maxRise: number | null;
      /** A fall larger than this within the window raises `ROC_DOWN` (null: falls are not judged). */
      maxFall: number | null;
    }
  | {
      kind: 'no_data';
      /** Raised when nothing arrived for this long (wall clock); cleared by the next reading. */
      silenceMs: number;
    }
  | {
      kind: 'window';
      /** The permit's averaging or totalling period: an hour, a day (aligned to the park's clock). */
      windowMs: number;
      aggregate: WindowAggregate;
      /** The permitted limit (mean) or quota (sum); at least one of high and low. */
      high: number | null;
      low: number | null;
      /** A window counts only with at least this share of its expected readings (0..1). */
      minCompleteness: number;
      /** The device's reporting interval: expected readings = windowMs / expectedIntervalMs. */
      expectedIntervalMs: number;
      /** Offset of the park's local time from UTC, so a day window runs midnight to midnight there. */
      utcOffsetMs: number;
    }
  | {
      kind: 'spc';
      chart: SpcChart;
      /** 1 for an individuals chart. */
      subgroupSize: number;
      /** The baseline period the control limits come from (epoch ms, inclusive from, exclusive to). */
      baselineFrom: number;
      baselineTo: number;
      /** Which of the eight Western Electric / Nelson rules are judged. */
      runRules: RuleNumber[];
    }
  | {
      kind: 'forecast';
      /** Warn when the tag is forecast to cross within this horizon. */
      horizonMs: number;
      /** The forecast's time step (readings are resampled to it). */
      stepMs: number;
      /** How much recent history the trend is fitted on. */
      fitWindowMs: number;
      /** Probability of crossing (0.5..0.999) above which the warning stands. */
      confidence: number;
      /** The limits forecast against (a tag's own H/L unless given). */
      high: number | null;
      low: number | null;
    };

/** A rule resolved to one subject: a tag (every kind) or a whole device (`no_data` only). */
export interface ResolvedRule {
  ruleId: number;
  enterpriseId: number;
  /** The tag judged; null for a device-level no-data rule. */
  tagId: number | null;
  /** The device the tag belongs to (suppression while it is in maintenance). */
  deviceId: number;
  /** The process unit of the device (flood detection per unit); null when not placed in one. */
  unitId: number | null;
  severity: Severity;
  category: AlarmCategory;
  params: RuleParams;
}

/**
 * What a rule says about its subject after some readings (or some time). `active: true` carries
 * the level (`H`, `HH`, `L`, `LL`, `ROC_UP`, `ROC_DOWN`, `NO_DATA`, `MEAN_H`, `SUM_H`, `MEAN_L`,
 * `SUM_L`, `SPC1`..`SPC8`, `FORECAST_H`, `FORECAST_L`) and the reading or aggregate that decided.
 */
export type ConditionChange =
  | { at: number; active: true; level: string; value: number | null; detail: ConditionDetail }
  | { at: number; active: false; value: number | null };

/** Why a condition is active, for the alarm's message and the console (all optional). */
export interface ConditionDetail {
  /** The limit crossed (threshold, window, forecast) or the control limit. */
  limit?: number;
  /** Rate: the change over the window. */
  change?: number;
  /** Window: its start, end and completeness (0..1). */
  windowStart?: number;
  windowEnd?: number;
  completeness?: number;
  /** SPC: the run rule's number and name. */
  runRule?: number;
  runRuleName?: string;
  /** Forecast: the predicted time of crossing, its probability, and the band at the horizon. */
  predictedAt?: number;
  probability?: number;
  /** No data: the last reading's time. */
  lastSeenAt?: number | null;
}
