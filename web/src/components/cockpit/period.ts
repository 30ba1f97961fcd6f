/**
 * Which month the cockpit shows: the last complete month (the one before today's, in the park's
 * time zone) when the ledger holds it, else the newest complete month the ledger holds (a ledger
 * that is behind), else the last complete month all the same (an empty ledger: the page says what
 * to do). Pure: no I/O.
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month `now` falls in, in `timeZone`, as 'YYYY-MM'. */
export function monthIn(now: Date, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  } catch {
    // An unknown zone: the park's default.
    parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(now);
  }
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface CockpitMonth {
  month: string;
  /** Whether it is the last complete month (false: the ledger's newest, older than that). */
  lastComplete: boolean;
  /** Whether the ledger holds flows for it. */
  hasFlows: boolean;
}

/** The cockpit's month, of the ledger's months with flows (any order; other grains ignored). */
export function cockpitMonth(ledgerMonths: readonly string[], now: Date, timeZone: string): CockpitMonth {
  const current = monthIn(now, timeZone);
  const last = previousMonth(current);
  const complete = ledgerMonths.filter((m) => MONTH.test(m) && m < current).sort();
  if (complete.includes(last)) return { month: last, lastComplete: true, hasFlows: true };
  const newest = complete.at(-1);
  if (newest) return { month: newest, lastComplete: false, hasFlows: true };
  return { month: last, lastComplete: true, hasFlows: false };
}
