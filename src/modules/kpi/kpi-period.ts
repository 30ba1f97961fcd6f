/**
 * KPI periods: a month ('2026-03'), a quarter ('2026-Q1') or a year ('2026'), and the periods a KPI
 * is compared with (the one before, the same one a year before) and trends run over. A quarter is
 * not a ledger period (docs/flows.md): it is read as its three months. Pure: no I/O, no clock.
 */

export type KpiPeriodKind = 'month' | 'quarter' | 'year';

export interface KpiPeriod {
  kind: KpiPeriodKind;
  /** The canonical spelling. */
  text: string;
  year: number;
  /** The ledger months it covers, in order ('2026-01', …). */
  months: string[];
}

const PATTERN = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$/;
// The same span of years the ledger accepts (flows/period.ts).
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
/** The longest trend `periodsBetween` answers: ten years of months. */
export const MAX_TREND_PERIODS = 120;

const pad = (n: number) => String(n).padStart(2, '0');
const monthText = (year: number, month: number) => `${year}-${pad(month)}`;

/** The period a text names, or null when it names none (wrong shape, month 13, Q5, year out of range). */
export function parseKpiPeriod(text: string): KpiPeriod | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { kind: 'month', text, year, months: [text] };
  }
  if (m[3] !== undefined) {
    const q = Number(m[3]);
    return { kind: 'quarter', text, year, months: [1, 2, 3].map((i) => monthText(year, (q - 1) * 3 + i)) };
  }
  return { kind: 'year', text, year, months: Array.from({ length: 12 }, (_, i) => monthText(year, i + 1)) };
}

/** A period as a count of its kind since year 0 (months, quarters or years), and back. */
function ordinal(p: KpiPeriod): number {
  if (p.kind === 'year') return p.year;
  if (p.kind === 'quarter') return p.year * 4 + Number(p.text.slice(6)) - 1;
  return p.year * 12 + Number(p.text.slice(5, 7)) - 1;
}

function fromOrdinal(kind: KpiPeriodKind, n: number): string {
  if (kind === 'year') return String(n);
  if (kind === 'quarter') return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  return monthText(Math.floor(n / 12), (n % 12) + 1);
}

function shifted(text: string, by: (p: KpiPeriod) => number): string | null {
  const p = parseKpiPeriod(text);
  if (!p) return null;
  const out = fromOrdinal(p.kind, ordinal(p) + by(p));
  return parseKpiPeriod(out) ? out : null;
}

/** The period just before: '2026-01' → '2025-12', '2026-Q1' → '2025-Q4', '2026' → '2025'. */
export function previousPeriod(text: string): string | null {
  return shifted(text, () => -1);
}

/** The same period a year before: '2026-03' → '2025-03', '2026-Q2' → '2025-Q2', '2026' → '2025'. */
export function samePeriodLastYear(text: string): string | null {
  return shifted(text, (p) => (p.kind === 'month' ? -12 : p.kind === 'quarter' ? -4 : -1));
}

/**
 * The periods from `from` to `to`, both included, of one kind; null when either is not a period,
 * the kinds differ, `to` is before `from`, or there would be more than MAX_TREND_PERIODS.
 */
export function periodsBetween(from: string, to: string): string[] | null {
  const a = parseKpiPeriod(from);
  const b = parseKpiPeriod(to);
  if (!a || !b || a.kind !== b.kind) return null;
  const start = ordinal(a);
  const count = ordinal(b) - start + 1;
  if (count < 1 || count > MAX_TREND_PERIODS) return null;
  return Array.from({ length: count }, (_, i) => fromOrdinal(a.kind, start + i));
}

/**
 * Where a period stands as a decimal year, for the straight trajectory of a target (targets.ts):
 * its end (a month m of year y is y + m/12, a quarter y + q/4, a year itself).
 */
export function decimalYearOf(p: KpiPeriod): number {
  if (p.kind === 'year') return p.year;
  const lastMonth = Number(p.months[p.months.length - 1]!.slice(5, 7));
  return p.year + lastMonth / 12;
}
