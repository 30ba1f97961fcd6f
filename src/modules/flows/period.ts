/**
 * Ledger periods: a year ('2026'), a month ('2026-03') or a day ('2026-03-15'), each the span of
 * local time it names in the park's time zone. Pure: no I/O, no clock.
 */
import { utcOffsetMs } from '../../core/time-zone.ts';
import type { PeriodGrain } from './model.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface Period {
  grain: PeriodGrain;
  /** The canonical spelling ('2026', '2026-03', '2026-03-15'). */
  period: string;
  /** Local midnight at the period's first day, epoch ms. */
  start: number;
  /** Local midnight after the period's last day, epoch ms (exclusive). */
  end: number;
}

const PERIOD_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** Years a ledger may name: wide enough for history and plans, narrow enough to catch typos. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** A period's text parsed, or null when it is not one (wrong shape, month 13, 30 February, …). */
export function parsePeriod(text: string, timeZone: string = DEFAULT_TIME_ZONE): Period | null {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (match[2] === undefined) {
    return { grain: 'year', period: text, start: localMidnight(year, 1, 1, timeZone), end: localMidnight(year + 1, 1, 1, timeZone) };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) {
    return { grain: 'month', period: text, start: localMidnight(year, month, 1, timeZone), end: localMidnight(year, month + 1, 1, timeZone) };
  }
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { grain: 'day', period: text, start: localMidnight(year, month, day, timeZone), end: localMidnight(year, month, day + 1, timeZone) };
}

/** Whether `inner` lies within `outer` (a period lies within itself). Both must be valid periods. */
export function periodContains(outer: string, inner: string): boolean {
  if (!PERIOD_PATTERN.test(outer) || !PERIOD_PATTERN.test(inner)) return false;
  // Canonical spellings nest as prefixes: '2026' ⊃ '2026-03' ⊃ '2026-03-15'.
  return inner === outer || inner.startsWith(`${outer}-`);
}

/** The periods one grain finer that make up a year (its months) or a month (its days); a day has none. */
export function periodsWithin(period: string): string[] {
  const parsed = parsePeriod(period, 'UTC');
  if (!parsed) return [];
  const year = Number(period.slice(0, 4));
  if (parsed.grain === 'year') return Array.from({ length: 12 }, (_, i) => `${period}-${pad(i + 1)}`);
  if (parsed.grain === 'month') {
    return Array.from({ length: daysInMonth(year, Number(period.slice(5, 7))) }, (_, i) => `${period}-${pad(i + 1)}`);
  }
  return [];
}

/** The month a day or month lies in; null for a year (it lies in no one month) or a non-period. */
export function monthOf(period: string): string | null {
  const parsed = parsePeriod(period, 'UTC');
  if (!parsed || parsed.grain === 'year') return null;
  return period.slice(0, 7);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Epoch ms of 00:00 local time on a date in `timeZone` (month and day may overflow: Date.UTC
 * normalises them). The zone's offset is found by formatting a guess and correcting by the
 * difference; a second pass settles dates where the first guess fell across an offset change.
 */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wallClock = Date.UTC(year, month - 1, day);
  let guess = wallClock;
  for (let pass = 0; pass < 2; pass++) guess = wallClock - utcOffsetMs(timeZone, guess);
  return guess;
}
