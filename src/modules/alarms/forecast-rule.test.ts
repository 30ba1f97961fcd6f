import { describe, it, expect, vi } from 'vitest';
import { createEvaluator } from './evaluator.ts';
import { backtest } from './backtest.ts';
import type { RuleParams } from './rule-model.ts';
import type { Point } from './series.ts';

vi.mock('./forecast.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./forecast.ts')>();
  return { ...actual, fitHolt: vi.fn(actual.fitHolt) };
});
const { fitHolt } = await import('./forecast.ts');

const MIN = 60_000;
const params = (over: Partial<Extract<RuleParams, { kind: 'forecast' }>> = {}): RuleParams => ({
  kind: 'forecast', horizonMs: 60 * MIN, stepMs: 5 * MIN, fitWindowMs: 120 * MIN, confidence: 0.9, high: 100, low: null, ...over,
});
/** One reading a minute: a slow drift with a small deterministic wobble. */
const drift = (minutes: number, start: number, slopePerMin: number): Point[] =>
  Array.from({ length: minutes }, (_, i) => ({ ts: i * MIN, value: start + slopePerMin * i + 0.3 * Math.sin(i * 1.7) }));

describe('forecast rule', () => {
  it('warns ahead of a drift toward the high limit, with the predicted crossing and its probability', () => {
    // 50 → 100 at 0.25/min: crosses at 200 min.
    const pts = drift(260, 50, 0.25);
    const crossedAt = (pts.find((p) => p.value > 100) as Point).ts;
    const r = backtest(params(), pts);
    const warning = r.changes.find((c) => c.active);
    expect(warning).toMatchObject({ level: 'FORECAST_H', detail: { limit: 100 } });
    if (!warning?.active) throw new Error('no warning');
    expect(warning.at).toBeLessThan(200 * MIN);
    expect(warning.at).toBeGreaterThanOrEqual(200 * MIN - 60 * MIN - 5 * MIN);
    expect(warning.detail.probability).toBeGreaterThanOrEqual(0.9);
    expect(Math.abs((warning.detail.predictedAt as number) - 200 * MIN)).toBeLessThan(15 * MIN);
    // The value crossing the limit ends the warning: the threshold rule owns it then.
    const cleared = r.changes.find((c) => !c.active && c.at > warning.at);
    expect(cleared?.at).toBe(crossedAt);
    expect(r.forecast).toMatchObject({ warnings: 1, crossings: 1, hits: 1, missed: 0, falseAlarms: 0, falseAlarmRate: 0 });
    expect(r.forecast?.leadTimesMs[0]).toBe(crossedAt - warning.at);
    expect(r.forecast?.medianLeadMs).toBe(crossedAt - warning.at);
  });

  it('stays quiet on a flat series, and mirrors for the low limit', () => {
    expect(backtest(params(), drift(200, 50, 0)).changes).toEqual([]);
    const low = backtest(params({ high: null, low: 0 }), drift(260, 50, -0.25));
    expect(low.changes[0]).toMatchObject({ active: true, level: 'FORECAST_L', detail: { limit: 0 } });
  });

  it('holds a warning within the hysteresis band and clears below it', () => {
    // Rising toward 100, then flattening at 80: the crossing probability decays, the warning clears.
    const pts = [...drift(150, 50, 0.25), ...drift(150, 87.5, 0).map((p) => ({ ...p, ts: p.ts + 150 * MIN }))];
    const r = backtest(params(), pts);
    expect(r.changes.map((c) => c.active)).toEqual([true, false]);
    expect(r.forecast).toMatchObject({ warnings: 1, crossings: 0, falseAlarms: 1, falseAlarmRate: 1 });
  });

  it('fits at most once per step of data time, also when readings arrive late', () => {
    const fit = vi.mocked(fitHolt);
    fit.mockClear();
    const ev = createEvaluator(params(), {}, { replayMs: 30 * MIN });
    const pts = drift(600, 0, 0.01).map((p) => ({ ...p, ts: p.ts / 5 })); // a reading every 12 s
    for (const p of pts) ev.add([p]);
    // 600 readings over 120 minutes, a step of 5 minutes: 24 fits (and none repeated by the checkpoint).
    expect(fit.mock.calls.length).toBeLessThanOrEqual(25);
    fit.mockClear();
    // NaN and a late duplicate: the late one refits only the steps after it.
    ev.add([{ ts: pts[590].ts, value: Number.NaN }, { ts: pts[590].ts, value: 5 }]);
    expect(fit.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
