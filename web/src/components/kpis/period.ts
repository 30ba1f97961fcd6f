/**
 * The KPI periods the console offers and moves between: a month `2026-03`, a quarter `2026-Q1`, a
 * year `2026` (the API's period texts). Pure: no I/O.
 */
import type { PeriodKind } from '../../api/kpiShapes';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

export interface KpiPeriod {
  kind: PeriodKind;
  year: number;
  /** 1..12 for a month, 1..4 for a quarter, 1 for a year. */
  index: number;
}

export function parsePeriod(text: string): KpiPeriod | null {
  let m = MONTH.exec(text);
  if (m) return { kind: 'month', year: Number(m[1]), index: Number(m[2]) };
  m = QUARTER.exec(text);
  if (m) return { kind: 'quarter', year: Number(m[1]), index: Number(m[2]) };
  m = YEAR.exec(text);
  if (m) return { kind: 'year', year: Number(m[1]), index: 1 };
  return null;
}

export function formatPeriod(p: KpiPeriod): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}-Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, year: 1 };

/** The period `steps` periods later (earlier when negative), of the same kind. */
export function shiftPeriod(text: string, steps: number): string {
  const p = parsePeriod(text);
  if (!p) return text;
  const n = PER_YEAR[p.kind];
  const ordinal = p.year * n + (p.index - 1) + steps;
  return formatPeriod({ kind: p.kind, year: Math.floor(ordinal / n), index: (ordinal % n) + 1 });
}

/** How far back the trend of a period goes: 12 months, 8 quarters or 5 years, ending at it. */
export const TREND_LENGTH: Record<PeriodKind, number> = { month: 12, quarter: 8, year: 5 };

export function trendRange(text: string): { from: string; to: string } | null {
  const p = parsePeriod(text);
  if (!p) return null;
  return { from: shiftPeriod(text, -(TREND_LENGTH[p.kind] - 1)), to: text };
}

/** A month's period as the given kind: 2026-05 → 2026-Q2 or 2026. */
export function periodOfMonth(month: string, kind: PeriodKind): string {
  const p = parsePeriod(month);
  if (!p || p.kind !== 'month') return month;
  if (kind === 'month') return month;
  if (kind === 'quarter') return formatPeriod({ kind, year: p.year, index: Math.ceil(p.index / 3) });
  return String(p.year);
}

/**
 * The periods of a kind that hold some of the given months (the ledger's), newest first, each once:
 * the choices of the period picker.
 */
export function periodChoices(months: readonly string[], kind: PeriodKind): string[] {
  const out = new Set<string>();
  for (const m of months) if (parsePeriod(m)?.kind === 'month') out.add(periodOfMonth(m, kind));
  return [...out].sort().reverse();
}

/** The months of a period (for the ledger link of a drill-down): a month itself, else its first month. */
export function monthsOf(text: string): string[] {
  const p = parsePeriod(text);
  if (!p) return [];
  const first = p.kind === 'month' ? p.index : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : 1;
  const count = p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => formatPeriod({ kind: 'month', year: p.year, index: first + i }));
}
