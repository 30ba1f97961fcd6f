import { describe, it, expect } from 'vitest';
import { createEvaluator } from './evaluator.ts';
import { backtest } from './backtest.ts';

const S = 1000;
const silence = (s: number) => ({ kind: 'no_data' as const, silenceMs: s * S });

describe('no data', () => {
  it('live: a tick raises at last reading + silence, the next reading clears', () => {
    const ev = createEvaluator(silence(60));
    expect(ev.tick(-100 * S)).toEqual([]); // before any reading: nothing to be silent since
    expect(ev.add([{ ts: 0, value: 1 }])).toEqual([]);
    expect(ev.tick(60 * S)).toEqual([]); // exactly the silence: not yet
    expect(ev.tick(75 * S)).toEqual([{ at: 60 * S, active: true, level: 'NO_DATA', value: null, detail: { lastSeenAt: 0 } }]);
    expect(ev.tick(90 * S)).toEqual([]); // one alarm per condition
    expect(ev.level).toBe('NO_DATA');
    expect(ev.add([{ ts: 95 * S, value: 2 }])).toEqual([{ at: 95 * S, active: false, value: 2 }]);
    expect(ev.level).toBeNull();
  });

  it('in a series, each gap longer than the silence is an episode', () => {
    const pts = [0, 10, 100, 110, 111, 300].map((s) => ({ ts: s * S, value: s }));
    const r = backtest(silence(30), pts);
    expect(r.episodes).toEqual([
      { level: 'NO_DATA', from: 40 * S, to: 100 * S, peak: null },
      { level: 'NO_DATA', from: 141 * S, to: 300 * S, peak: null },
    ]);
    // The silence still running at the end of the history, with endTs as the clock.
    expect(backtest(silence(30), pts, { endTs: 400 * S }).episodes.at(-1)).toEqual({ level: 'NO_DATA', from: 330 * S, to: null, peak: null });
  });

  it('a NaN reading is not a reading; backfill ends a silence only up to its newest reading', () => {
    const ev = createEvaluator(silence(60), {}, { replayMs: 3600 * S });
    ev.add([{ ts: 0, value: 1 }]);
    ev.tick(100 * S);
    expect(ev.add([{ ts: 101 * S, value: Number.NaN }])).toEqual([]);
    expect(ev.level).toBe('NO_DATA');
    // A gateway delivers a reading from 30 s: the meter did report then (clear, stamped no earlier
    // than the raise), but has been silent for 70 s at the clock's 100 s, so the alarm stands again.
    expect(ev.add([{ ts: 30 * S, value: 1 }])).toEqual([
      { at: 60 * S, active: false, value: 1 },
      { at: 90 * S, active: true, level: 'NO_DATA', value: null, detail: { lastSeenAt: 30 * S } },
    ]);
    // Older readings and duplicates change nothing now.
    expect(ev.add([{ ts: 20 * S, value: 2 }, { ts: 30 * S, value: 3 }, { ts: 30 * S, value: 4 }])).toEqual([]);
    expect(ev.level).toBe('NO_DATA');
    // Backfill up to the clock ends it for good (the reading at 50 s clears; stamps never go back).
    expect(ev.add([{ ts: 50 * S, value: 1 }, { ts: 99 * S, value: 1 }])).toEqual([{ at: 90 * S, active: false, value: 1 }]);
    expect(ev.level).toBeNull();
  });
});
