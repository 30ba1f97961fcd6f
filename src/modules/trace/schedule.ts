/**
 * EPCIS query schedules (EPCIS 1.2 §8.2.5.3, kept by the 2.0 REST binding's `schedule` object):
 * six optional fields — second, minute, hour, dayOfMonth, month, dayOfWeek — each a comma-separated
 * list of elements. A time is a query time when every field that is present matches it; an omitted
 * field matches any value (so `{ hour: "2" }` fires every second from 02:00:00 to 02:59:59, as the
 * standard's own example warns). Times are taken in UTC (the standard lets the service choose the
 * zone). Pure functions: no clock, no I/O.
 *
 * Element grammar (the standard's, plus the cron forms its 2.0 examples use):
 *   N          a number in the field's range
 *   [N-M] N-M  a range, N ≤ M
 *   *          every value
 *   X/S        every S-th value of X, where X is *, N (N up to the maximum) or a range; S ≥ 1
 */

export const SCHEDULE_FIELDS = ['second', 'minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];
export type ScheduleSpec = Partial<Record<ScheduleField, string>>;

/** Legal range of each field; dayOfWeek 1 is Monday, 7 Sunday (ISO 8601, as in the standard). */
export const FIELD_RANGE: Record<ScheduleField, readonly [number, number]> = {
  second: [0, 59],
  minute: [0, 59],
  hour: [0, 23],
  dayOfMonth: [1, 31],
  month: [1, 12],
  dayOfWeek: [1, 7],
};

/** A parsed schedule: for each field, the sorted allowed values (null: omitted, any value). */
export type Schedule = Record<ScheduleField, readonly number[] | null>;

export interface ScheduleError {
  field: ScheduleField;
  message: string;
}

export class ScheduleSyntaxError extends Error {
  constructor(readonly errors: ScheduleError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'ScheduleSyntaxError';
  }
}

/** Parses one field's value into its sorted allowed values, or throws a message. */
export function parseField(field: ScheduleField, value: string): number[] {
  const [min, max] = FIELD_RANGE[field];
  if (typeof value !== 'string' || value.trim() === '') throw new Error('must not be empty');
  const allowed = new Set<number>();
  const num = (s: string): number => {
    if (!/^\d{1,2}$/.test(s)) throw new Error(`"${s}" is not a number`);
    const n = Number(s);
    if (n < min || n > max) throw new Error(`${n} is outside ${min}–${max}`);
    return n;
  };
  for (const raw of value.split(',')) {
    const element = raw.trim();
    if (element === '') throw new Error('has an empty element');
    const [base, stepText, extra] = element.split('/');
    if (extra !== undefined) throw new Error(`"${element}" has more than one "/"`);
    let lo: number;
    let hi: number;
    const range = /^\[?(\d+)-(\d+)\]?$/.exec(base);
    if (base === '*') [lo, hi] = [min, max];
    else if (range && (base.startsWith('[') === base.endsWith(']'))) {
      [lo, hi] = [num(range[1]), num(range[2])];
      if (lo > hi) throw new Error(`the range ${base} runs backwards`);
    } else {
      lo = num(base);
      // "N/S" counts from N up to the maximum; a plain "N" is the value itself.
      hi = stepText === undefined ? lo : max;
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d{1,2}$/.test(stepText) || Number(stepText) < 1) throw new Error(`the step in "${element}" must be a whole number from 1`);
      step = Number(stepText);
    }
    for (let v = lo; v <= hi; v += step) allowed.add(v);
  }
  return [...allowed].sort((a, b) => a - b);
}

/** Parses a schedule object; throws ScheduleSyntaxError naming every bad field. */
export function parseSchedule(spec: ScheduleSpec): Schedule {
  const errors: ScheduleError[] = [];
  const out = {} as Record<ScheduleField, readonly number[] | null>;
  for (const f of SCHEDULE_FIELDS) {
    const v = spec[f];
    if (v === undefined || v === null) {
      out[f] = null;
      continue;
    }
    try {
      out[f] = parseField(f, String(v));
    } catch (err) {
      errors.push({ field: f, message: (err as Error).message });
    }
  }
  for (const k of Object.keys(spec)) if (!(SCHEDULE_FIELDS as readonly string[]).includes(k)) errors.push({ field: k as ScheduleField, message: 'is not a schedule field' });
  if (errors.length) throw new ScheduleSyntaxError(errors);
  return out;
}

const allows = (values: readonly number[] | null, v: number) => values === null || values.includes(v);
/** The first allowed value ≥ v, or undefined. */
const firstFrom = (values: readonly number[] | null, v: number, max: number): number | undefined => {
  if (values === null) return v <= max ? v : undefined;
  return values.find((x) => x >= v);
};
/** ISO day of week of a UTC date: 1 Monday … 7 Sunday. */
const isoDow = (d: Date) => ((d.getUTCDay() + 6) % 7) + 1;

/** Whether the instant (its whole second, UTC) is a query time of the schedule. */
export function matches(s: Schedule, ms: number): boolean {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return (
    allows(s.second, d.getUTCSeconds()) &&
    allows(s.minute, d.getUTCMinutes()) &&
    allows(s.hour, d.getUTCHours()) &&
    allows(s.dayOfMonth, d.getUTCDate()) &&
    allows(s.month, d.getUTCMonth() + 1) &&
    allows(s.dayOfWeek, isoDow(d))
  );
}

/** The Gregorian calendar repeats (dates and weekdays) every 400 years: no match in that span means never. */
const HORIZON_MS = 400 * 366 * 86_400_000;

/**
 * The first query time strictly after `afterMs` (a whole second, epoch ms), or null when the
 * schedule never matches (e.g. 31 February). Field by field from the largest: a mismatching field
 * jumps to its next allowed value and resets the smaller fields, so no query time is skipped.
 */
export function nextRun(s: Schedule, afterMs: number): number | null {
  let t = (Math.floor(afterMs / 1000) + 1) * 1000;
  const limit = t + HORIZON_MS;
  while (t <= limit) {
    const d = new Date(t);
    const [y, mo, day, h, mi, sec] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
    if (!allows(s.month, mo)) {
      const next = firstFrom(s.month, mo + 1, 12);
      t = next === undefined ? Date.UTC(y + 1, (s.month ?? [1])[0] - 1, 1) : Date.UTC(y, next - 1, 1);
      continue;
    }
    if (!allows(s.dayOfMonth, day) || !allows(s.dayOfWeek, isoDow(d))) {
      t = Date.UTC(y, mo - 1, day + 1);
      continue;
    }
    if (!allows(s.hour, h)) {
      const next = firstFrom(s.hour, h + 1, 23);
      t = next === undefined ? Date.UTC(y, mo - 1, day + 1) : Date.UTC(y, mo - 1, day, next);
      continue;
    }
    if (!allows(s.minute, mi)) {
      const next = firstFrom(s.minute, mi + 1, 59);
      t = next === undefined ? Date.UTC(y, mo - 1, day, h + 1) : Date.UTC(y, mo - 1, day, h, next);
      continue;
    }
    if (!allows(s.second, sec)) {
      const next = firstFrom(s.second, sec + 1, 59);
      t = next === undefined ? Date.UTC(y, mo - 1, day, h, mi + 1) : Date.UTC(y, mo - 1, day, h, mi, next);
      continue;
    }
    return t;
  }
  return null;
}
