import { describe, it, expect } from 'vitest';
import { ruleParamErrors } from './rule-params.ts';
import type { RuleParams } from './rule-model.ts';

const paths = (p: unknown) => ruleParamErrors(p as RuleParams).map((e) => e.path);

describe('ruleParamErrors', () => {
  it('threshold: limits present, ordered and finite; deadband within the normal band', () => {
    const ok = { kind: 'threshold', high: 10, highHigh: null, low: 0, lowLow: null, deadband: 1, onDelayMs: 0, offDelayMs: 0 };
    expect(paths(ok)).toEqual([]);
    expect(paths({ ...ok, high: null, low: null })).toEqual(['/high']);
    expect(paths({ ...ok, highHigh: 5 })).toEqual(['/highHigh']);
    expect(paths({ ...ok, low: Number.NaN })).toEqual(['/low']);
    expect(paths({ ...ok, deadband: 11 })).toEqual(['/deadband']);
    expect(paths({ ...ok, onDelayMs: -1, offDelayMs: undefined })).toEqual(['/onDelayMs', '/offDelayMs']);
  });

  it('rate, no_data: positive durations, at least one limit', () => {
    expect(paths({ kind: 'rate', windowMs: 1000, maxRise: 1, maxFall: null })).toEqual([]);
    expect(paths({ kind: 'rate', windowMs: 0, maxRise: null, maxFall: null })).toEqual(['/windowMs', '/maxRise']);
    expect(paths({ kind: 'rate', windowMs: 10, maxRise: 1, maxFall: -2 })).toEqual(['/maxFall']);
    expect(paths({ kind: 'no_data', silenceMs: 60_000 })).toEqual([]);
    expect(paths({ kind: 'no_data', silenceMs: Number.POSITIVE_INFINITY })).toEqual(['/silenceMs']);
  });

  it('window: aggregate, limits, completeness, interval and offset', () => {
    const ok = { kind: 'window', windowMs: 3_600_000, aggregate: 'mean', high: 100, low: null, minCompleteness: 0.75, expectedIntervalMs: 60_000, utcOffsetMs: 8 * 3_600_000 };
    expect(paths(ok)).toEqual([]);
    expect(paths({ ...ok, high: null })).toEqual(['/high']);
    expect(paths({ ...ok, low: 200 })).toEqual(['/low']);
    expect(paths({ ...ok, aggregate: 'max', minCompleteness: -0.1 })).toEqual(['/aggregate', '/minCompleteness']);
    expect(paths({ ...ok, expectedIntervalMs: 7_200_000 })).toEqual(['/expectedIntervalMs']);
    expect(paths({ ...ok, utcOffsetMs: -13 * 3_600_000 })).toEqual(['/utcOffsetMs']);
  });

  it('spc: chart and subgroup size agree, baseline ordered, rules 1..8 once each', () => {
    const ok = { kind: 'spc', chart: 'imr', subgroupSize: 1, baselineFrom: 0, baselineTo: 10, runRules: [1, 2, 5] };
    expect(paths(ok)).toEqual([]);
    expect(paths({ ...ok, subgroupSize: 3 })).toEqual(['/subgroupSize']);
    expect(paths({ ...ok, chart: 'xbar_r', subgroupSize: 11 })).toEqual(['/subgroupSize']);
    expect(paths({ ...ok, baselineTo: 0 })).toEqual(['/baselineTo']);
    expect(paths({ ...ok, runRules: [1, 9, 1] })).toEqual(['/runRules/1', '/runRules/2']);
    expect(paths({ ...ok, runRules: [] })).toEqual(['/runRules']);
  });

  it('forecast: horizon of at least a step, a fit window that can fit, confidence 0.5..0.999', () => {
    const ok = { kind: 'forecast', horizonMs: 3_600_000, stepMs: 300_000, fitWindowMs: 7_200_000, confidence: 0.9, high: null, low: null };
    expect(paths(ok)).toEqual([]); // the service fills in the tag's own limits
    expect(paths({ ...ok, horizonMs: 1000 })).toEqual(['/horizonMs']);
    expect(paths({ ...ok, fitWindowMs: 600_000 })).toEqual(['/fitWindowMs']);
    expect(paths({ ...ok, confidence: 1 })).toEqual(['/confidence']);
    expect(paths({ ...ok, high: 1, low: 2 })).toEqual(['/low']);
    expect(paths({ kind: 'bogus' })).toEqual(['/kind']);
  });
});
