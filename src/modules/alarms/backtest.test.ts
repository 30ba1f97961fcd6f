import { describe, it, expect } from 'vitest';
import { backtest } from './backtest.ts';
import type { RuleParams } from './rule-model.ts';

const S = 1000;
const th: RuleParams = { kind: 'threshold', high: 10, highHigh: 20, low: null, lowLow: null, deadband: 0, onDelayMs: 0, offDelayMs: 0 };

describe('backtest', () => {
  it('reports episodes with their peaks, time in alarm and dropped readings', () => {
    const values = [5, 12, 15, 25, 11, 5, 5, 5, 5, 5];
    const pts = [...values.map((value, i) => ({ ts: i * S, value })), { ts: 3 * S, value: Number.NaN }, { ts: Number.POSITIVE_INFINITY, value: 1 }];
    const r = backtest(th, pts);
    expect(r.points).toBe(10);
    expect(r.invalid).toBe(2);
    expect(r.episodes).toEqual([
      { level: 'H', from: 1 * S, to: 3 * S, peak: 15 },
      { level: 'HH', from: 3 * S, to: 4 * S, peak: 25 },
      { level: 'H', from: 4 * S, to: 5 * S, peak: 11 },
    ]);
    expect(r.timeInAlarm).toBeCloseTo(4 / 9);
    expect(r.forecast).toBeUndefined();
  });

  it('an episode still open at the end runs to endTs', () => {
    const r = backtest(th, [{ ts: 0, value: 5 }, { ts: 10 * S, value: 12 }], { endTs: 20 * S });
    expect(r.episodes).toEqual([{ level: 'H', from: 10 * S, to: null, peak: 12 }]);
    expect(r.timeInAlarm).toBe(0.5);
  });

  it('an empty history is no alarm', () => {
    expect(backtest(th, [])).toEqual({ changes: [], episodes: [], points: 0, invalid: 0, timeInAlarm: 0 });
  });
});
