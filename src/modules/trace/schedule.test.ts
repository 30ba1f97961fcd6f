import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_RANGE, matches, nextRun, parseField, parseSchedule, ScheduleSyntaxError, SCHEDULE_FIELDS, type ScheduleField, type ScheduleSpec } from './schedule.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('parsing', () => {
  it('reads numbers, ranges in both forms, lists, wildcards and steps', () => {
    expect(parseField('second', '0')).toEqual([0]);
    expect(parseField('minute', '0,30')).toEqual([0, 30]);
    expect(parseField('dayOfWeek', '[1-5]')).toEqual([1, 2, 3, 4, 5]);
    expect(parseField('dayOfWeek', '1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseField('minute', '*/15')).toEqual([0, 15, 30, 45]);
    expect(parseField('second', '0/30')).toEqual([0, 30]);
    expect(parseField('hour', '8-18/5')).toEqual([8, 13, 18]);
    expect(parseField('month', '*')).toHaveLength(12);
    expect(parseField('hour', '5, 1,5')).toEqual([1, 5]);
  });

  it('refuses what the grammar does not allow, naming the field', () => {
    for (const [field, value] of [['second', '60'], ['hour', '24'], ['dayOfMonth', '0'], ['month', '13'], ['dayOfWeek', '0'], ['minute', '5-1'], ['minute', ''], ['minute', '1,,2'], ['minute', '*/0'], ['minute', 'x'], ['minute', '[1-2'], ['minute', '1/2/3'], ['minute', '-1']] as const) {
      expect(() => parseField(field, value), `${field}=${value}`).toThrow();
    }
    try {
      parseSchedule({ second: '61', hour: '1', bogus: '1' } as ScheduleSpec);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ScheduleSyntaxError);
      expect((err as ScheduleSyntaxError).errors.map((e) => e.field).sort()).toEqual(['bogus', 'second']);
    }
  });
});

describe('nextRun', () => {
  it('follows the standard’s examples', () => {
    const hourly = parseSchedule({ second: '0', minute: '0' });
    expect(iso(nextRun(hourly, at('2026-03-01T10:15:20Z')))).toBe('2026-03-01T11:00:00.000Z');
    const daily = parseSchedule({ second: '0', minute: '30', hour: '2' });
    expect(iso(nextRun(daily, at('2026-03-01T10:15:20Z')))).toBe('2026-03-02T02:30:00.000Z');
    // 2026-03-06 is a Friday: the next weekday top of the hour after Friday 23:10 is Monday 00:00.
    const weekdays = parseSchedule({ second: '0', minute: '0', dayOfWeek: '[1-5]' });
    expect(iso(nextRun(weekdays, at('2026-03-06T23:10:00Z')))).toBe('2026-03-09T00:00:00.000Z');
    const everySecondAt2 = parseSchedule({ hour: '2' });
    expect(iso(nextRun(everySecondAt2, at('2026-03-01T02:59:58Z')))).toBe('2026-03-01T02:59:59.000Z');
    expect(iso(nextRun(everySecondAt2, at('2026-03-01T02:59:59Z')))).toBe('2026-03-02T02:00:00.000Z');
  });

  it('is strictly after, rolls over months and years, and handles leap days', () => {
    const everySecond = parseSchedule({});
    expect(nextRun(everySecond, at('2026-01-01T00:00:00Z'))).toBe(at('2026-01-01T00:00:01Z'));
    expect(nextRun(everySecond, at('2026-01-01T00:00:00.400Z'))).toBe(at('2026-01-01T00:00:01Z'));
    expect(iso(nextRun(parseSchedule({ second: '0', minute: '0', hour: '0', dayOfMonth: '29', month: '2' }), at('2026-03-01T00:00:00Z')))).toBe('2028-02-29T00:00:00.000Z');
    expect(iso(nextRun(parseSchedule({ second: '0', minute: '0', hour: '0', dayOfMonth: '31' }), at('2026-04-01T00:00:00Z')))).toBe('2026-05-31T00:00:00.000Z');
    expect(iso(nextRun(parseSchedule({ second: '0', minute: '0', hour: '0', month: '1' }), at('2026-02-01T00:00:00Z')))).toBe('2027-01-01T00:00:00.000Z');
    // dayOfMonth and dayOfWeek must both match (the standard's rule, not cron's "either"):
    // 29 February on a Monday, next in 2044 after 2016.
    expect(iso(nextRun(parseSchedule({ second: '0', minute: '0', hour: '0', dayOfMonth: '29', month: '2', dayOfWeek: '1' }), at('2016-03-01T00:00:00Z')))).toBe('2044-02-29T00:00:00.000Z');
  });

  it('answers null for a schedule that never fires', () => {
    expect(nextRun(parseSchedule({ dayOfMonth: '30,31', month: '2' }), at('2026-01-01T00:00:00Z'))).toBeNull();
  });
});

/** A field value generated from its parts, as text the parser accepts. */
function fieldValue(field: ScheduleField): fc.Arbitrary<string> {
  const [min, max] = FIELD_RANGE[field];
  const n = fc.integer({ min, max });
  const element = fc.oneof(
    n.map(String),
    fc.tuple(n, n).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.tuple(n, n).map(([a, b]) => `[${Math.min(a, b)}-${Math.max(a, b)}]`),
    fc.integer({ min: 1, max: 20 }).map((s) => `*/${s}`),
    fc.tuple(n, fc.integer({ min: 1, max: 10 })).map(([a, s]) => `${a}/${s}`),
    fc.constant('*'),
  );
  return fc.array(element, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(','));
}

const scheduleArb: fc.Arbitrary<ScheduleSpec> = fc.record(
  Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, fieldValue(f)])) as Record<ScheduleField, fc.Arbitrary<string>>,
  { requiredKeys: [] },
);
/** Schedules that fire often (the calendar fields left open), so a brute-force search stays short. */
const frequentArb: fc.Arbitrary<ScheduleSpec> = fc.record({ second: fieldValue('second'), minute: fieldValue('minute'), hour: fieldValue('hour') }, { requiredKeys: [] });
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) });

describe('nextRun properties', () => {
  it('is after `after`, whole-second, and matches every field', () => {
    fc.assert(
      fc.property(scheduleArb, instant, (spec, after) => {
        const s = parseSchedule(spec);
        const next = nextRun(s, after);
        if (next === null) return;
        expect(next).toBeGreaterThan(after);
        expect(next % 1000).toBe(0);
        expect(matches(s, next)).toBe(true);
        const d = new Date(next);
        const values: Record<ScheduleField, number> = {
          second: d.getUTCSeconds(), minute: d.getUTCMinutes(), hour: d.getUTCHours(), dayOfMonth: d.getUTCDate(), month: d.getUTCMonth() + 1, dayOfWeek: ((d.getUTCDay() + 6) % 7) + 1,
        };
        for (const f of SCHEDULE_FIELDS) if (spec[f] !== undefined) expect(parseField(f, spec[f]!)).toContain(values[f]);
      }),
      { numRuns: 500 },
    );
  });

  it('skips no query time: every second between `after` and the answer fails to match', () => {
    fc.assert(
      fc.property(frequentArb, instant, (spec, after) => {
        const s = parseSchedule(spec);
        const next = nextRun(s, after)!;
        // A schedule on second/minute/hour fields alone fires at least once a day.
        expect(next - after).toBeLessThanOrEqual(86_400_000 + 1000);
        for (let t = (Math.floor(after / 1000) + 1) * 1000; t < next; t += 1000) if (matches(s, t)) return expect.fail(`${iso(t)} matches before ${iso(next)}`);
      }),
      { numRuns: 60 },
    );
  });

  it('skips no query time on calendar schedules either: any instant before the answer leads to the same answer', () => {
    fc.assert(
      fc.property(scheduleArb, instant, fc.double({ min: 0, max: 1, noNaN: true }), (spec, after, frac) => {
        const s = parseSchedule(spec);
        const next = nextRun(s, after);
        if (next === null) return;
        const between = after + Math.floor((next - after - 1) * frac);
        expect(nextRun(s, between)).toBe(next);
        expect(nextRun(s, next - 1)).toBe(next);
        expect(nextRun(s, next)!).toBeGreaterThan(next);
      }),
      { numRuns: 500 },
    );
  });
});
