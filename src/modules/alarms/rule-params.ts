/**
 * Validation of a rule's parameters, by kind, as JSON-pointer paths and messages, so the API can
 * answer a bad rule with a problem+json that names each field, and the evaluator can refuse a rule
 * it could not run (createEvaluator throws on any of these).
 *
 * Checked here is what makes a rule unusable or meaningless, not taste: durations finite and > 0,
 * limits finite and ordered, shares within 0..1. Choices worth knowing:
 * - threshold: the same rules as threshold.ts (LL ≤ L ≤ H ≤ HH, deadband no wider than the normal
 *   band), reported on the field at fault.
 * - window: an expected interval longer than the window would make completeness meaningless; the
 *   park's UTC offset is limited to the offsets in use on Earth (−12 h … +14 h).
 * - forecast: high and low may both be null here: the service fills in the tag's own H/L before the
 *   rule runs. The fit window must hold at least MIN_OBSERVED_STEPS steps, or no fit ever succeeds.
 * - spc: an individuals chart has subgroups of 1; X-bar/R of 2 to 10 (the Shewhart constants).
 */
import type { RuleParams } from './rule-model.ts';
import { MAX_HORIZON_STEPS, MIN_OBSERVED_STEPS } from './forecast.ts';
import { ALL_RULES } from './spc.ts';

export interface ParamError {
  path: string;
  message: string;
}

const HOUR = 3_600_000;

/** What is wrong with a rule's parameters, as {path, message} (path like '/high', '/windowMs'); empty when usable. */
export function ruleParamErrors(params: RuleParams): ParamError[] {
  const errors: ParamError[] = [];
  const p = params as unknown as Record<string, unknown>;
  const err = (field: string, message: string) => errors.push({ path: `/${field}`, message });
  const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  /** A finite number > 0 (durations). */
  const positive = (field: string): number | null => {
    const v = p[field];
    if (!isNum(v) || v <= 0) {
      err(field, 'must be a finite number > 0');
      return null;
    }
    return v;
  };
  /** null/absent, or a finite number; returns the number, null when unset, undefined when invalid. */
  const optionalLimit = (field: string): number | null | undefined => {
    const v = p[field];
    if (v === undefined || v === null) return null;
    if (!isNum(v)) {
      err(field, 'must be a finite number or null');
      return undefined;
    }
    return v;
  };

  if (typeof p !== 'object' || p === null) return [{ path: '', message: 'must be an object' }];
  switch (params.kind) {
    case 'threshold': {
      const keys = ['lowLow', 'low', 'high', 'highHigh'] as const;
      let set = 0;
      let prev: [string, number] | null = null;
      for (const key of keys) {
        const v = optionalLimit(key);
        if (v === null || v === undefined) continue;
        set += 1;
        if (prev && v < prev[1]) err(key, `must not be below ${prev[0]} (${prev[1]})`);
        else prev = [key, v];
      }
      if (set === 0 && !errors.some((e) => keys.some((k) => e.path === `/${k}`))) err('high', 'at least one of highHigh, high, low, lowLow is required');
      for (const key of ['deadband', 'onDelayMs', 'offDelayMs'] as const) {
        const v = p[key];
        if (!isNum(v) || v < 0) err(key, 'must be a finite number ≥ 0');
      }
      if (errors.length === 0) {
        const highs = [p.high, p.highHigh].filter(isNum);
        const lows = [p.low, p.lowLow].filter(isNum);
        if (highs.length > 0 && lows.length > 0) {
          const gap = Math.min(...highs) - Math.max(...lows);
          if ((p.deadband as number) > gap) err('deadband', `must not exceed the gap between the high and low limits (${gap})`);
        }
      }
      break;
    }
    case 'rate': {
      positive('windowMs');
      const rise = p.maxRise;
      const fall = p.maxFall;
      for (const [key, v] of [['maxRise', rise], ['maxFall', fall]] as const) {
        if (v !== null && v !== undefined && (!isNum(v) || v < 0)) err(key, 'must be a finite number ≥ 0 or null');
      }
      if ((rise === null || rise === undefined) && (fall === null || fall === undefined)) err('maxRise', 'at least one of maxRise and maxFall is required');
      break;
    }
    case 'no_data':
      positive('silenceMs');
      break;
    case 'window': {
      const windowMs = positive('windowMs');
      if (p.aggregate !== 'mean' && p.aggregate !== 'sum') err('aggregate', "must be 'mean' or 'sum'");
      const high = optionalLimit('high');
      const low = optionalLimit('low');
      if (high === null && low === null) err('high', 'at least one of high and low is required');
      if (isNum(high) && isNum(low) && low > high) err('low', `must not be above high (${high})`);
      const mc = p.minCompleteness;
      if (!isNum(mc) || mc < 0 || mc > 1) err('minCompleteness', 'must be a number from 0 to 1');
      const interval = positive('expectedIntervalMs');
      if (interval !== null && windowMs !== null && interval > windowMs) err('expectedIntervalMs', `must not exceed the window (${windowMs} ms)`);
      const off = p.utcOffsetMs;
      if (!isNum(off) || off < -12 * HOUR || off > 14 * HOUR) err('utcOffsetMs', 'must be a UTC offset from −12 h to +14 h, in ms');
      break;
    }
    case 'spc': {
      const chart = p.chart;
      if (chart !== 'imr' && chart !== 'xbar_r') err('chart', "must be 'imr' or 'xbar_r'");
      const n = p.subgroupSize;
      if (chart === 'imr' && n !== 1) err('subgroupSize', 'must be 1 for an individuals chart');
      if (chart === 'xbar_r' && !(Number.isInteger(n) && (n as number) >= 2 && (n as number) <= 10)) err('subgroupSize', 'must be an integer from 2 to 10 for an X-bar/R chart');
      const from = p.baselineFrom;
      const to = p.baselineTo;
      if (!isNum(from)) err('baselineFrom', 'must be a finite epoch time in ms');
      if (!isNum(to)) err('baselineTo', 'must be a finite epoch time in ms');
      else if (isNum(from) && to <= from) err('baselineTo', 'must be after baselineFrom');
      const rules = p.runRules;
      if (!Array.isArray(rules) || rules.length === 0) err('runRules', 'must list at least one run rule (1 to 8)');
      else {
        const seen = new Set<unknown>();
        rules.forEach((r: unknown, i) => {
          if (!(ALL_RULES as readonly unknown[]).includes(r)) err(`runRules/${i}`, 'must be a run rule from 1 to 8');
          else if (seen.has(r)) err(`runRules/${i}`, `rule ${String(r)} is listed twice`);
          seen.add(r);
        });
      }
      break;
    }
    case 'forecast': {
      const horizon = positive('horizonMs');
      const step = positive('stepMs');
      const fitWindow = positive('fitWindowMs');
      if (horizon !== null && step !== null) {
        if (horizon < step) err('horizonMs', `must be at least one step (${step} ms)`);
        else if (horizon / step > MAX_HORIZON_STEPS) err('horizonMs', `must not span more than ${MAX_HORIZON_STEPS} steps`);
      }
      if (fitWindow !== null && step !== null && fitWindow < MIN_OBSERVED_STEPS * step) {
        err('fitWindowMs', `must hold at least ${MIN_OBSERVED_STEPS} steps (${MIN_OBSERVED_STEPS * step} ms) for a fit`);
      }
      const c = p.confidence;
      if (!isNum(c) || c < 0.5 || c > 0.999) err('confidence', 'must be a number from 0.5 to 0.999');
      const high = optionalLimit('high');
      const low = optionalLimit('low');
      if (isNum(high) && isNum(low) && low >= high) err('low', `must be below high (${high})`);
      break;
    }
    default:
      err('kind', `must be one of threshold, rate, no_data, window, spc, forecast`);
  }
  return errors;
}
