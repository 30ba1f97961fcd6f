import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentEntries, formatTime } from './report.ts';
import type { TimelineEntry } from './schemas.ts';

const entry = (id: number, text: string, corrects: number | null = null): TimelineEntry => ({
  id, at: id * 1000, actor: 'a', actorEnterpriseId: null, kind: 'message', text, corrects, data: null,
});

describe('the timeline as it finally reads', () => {
  it('folds every chain of corrections into its first entry, which takes the last correction’s text', () => {
    // Each new entry either stands alone or corrects any earlier one (a correction of a correction included).
    const timelines = fc.array(fc.option(fc.nat(), { nil: null }), { maxLength: 30 }).map((choices) =>
      choices.map((c, i) => entry(i + 1, `t${i + 1}`, c === null || i === 0 ? null : (c % i) + 1)),
    );
    fc.assert(
      fc.property(timelines, (timeline) => {
        const rootOf = (e: TimelineEntry): number => (e.corrects === null ? e.id : rootOf(timeline[e.corrects - 1]));
        const out = currentEntries(timeline);
        expect(out.map((o) => o.entry.id)).toEqual(timeline.filter((e) => e.corrects === null).map((e) => e.id));
        for (const o of out) {
          const chain = timeline.filter((e) => e.corrects !== null && rootOf(e) === o.entry.id);
          expect(o.corrected).toBe(chain.length > 0);
          expect(o.text).toBe(chain.length ? chain.at(-1)!.text : o.entry.text);
        }
      }),
    );
  });

  it('formats times in the park’s zone', () => {
    expect(formatTime(Date.UTC(2026, 0, 31, 16, 5), 'Asia/Shanghai')).toBe('2026-02-01 00:05');
    expect(formatTime(Date.UTC(2026, 0, 31, 16, 5), 'UTC')).toBe('2026-01-31 16:05');
  });
});
