/**
 * The KPI inputs CSV (`enterprise,unit,period,value_added_10k_cny,production_t,main_product`,
 * docs/api.md): each data row becomes a stated figure by codes, or a rejection saying why. Pure: no
 * I/O. What is checked here is the row's own shape (codes, period, numbers, repeats); whether the
 * enterprise and unit exist and the caller may write them is the service's check.
 *
 * `unit` empty: the enterprise as a whole; else the unit's flow-node code. An empty figure is
 * "not stated" (null), never 0.
 */
import { parse } from 'csv-parse/sync';
import type { RejectedRow } from '../flows/model.ts';
import { MATERIAL_CODE_PATTERN } from '../registry/model.ts';
import { INPUT_PERIOD_PATTERN } from './resources.ts';

export const INPUT_CSV_COLUMNS = ['enterprise', 'unit', 'period', 'value_added_10k_cny', 'production_t', 'main_product'] as const;
type Column = (typeof INPUT_CSV_COLUMNS)[number];
const OPTIONAL: ReadonlySet<Column> = new Set(['unit', 'value_added_10k_cny', 'production_t', 'main_product']);

/** Rows per file: an enterprise's units over years fit many times over. */
export const MAX_INPUT_ROWS = 20_000;
const MAX_CELL = 100;
const NUMBER = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PERIOD = new RegExp(INPUT_PERIOD_PATTERN);
const MATERIAL = new RegExp(MATERIAL_CODE_PATTERN);

/** A row as the file states it, by codes. */
export interface InputCsvRow {
  /** Numbered from 1 after the header. */
  row: number;
  enterprise: string;
  /** Null: the enterprise as a whole. */
  unit: string | null;
  period: string;
  valueAdded10kCny: number | null;
  productionT: number | null;
  mainProduct: string | null;
}

export interface InputCsv {
  rows: InputCsvRow[];
  rejected: RejectedRow[];
}

/** The file cannot be read as an inputs CSV at all (not CSV, wrong header, too many rows). */
export class InputCsvError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'InputCsvError';
  }
}

const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Parses the whole file; throws InputCsvError when it is not one, else every row read or rejected. */
export function parseInputCsv(text: string): InputCsv {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, max_record_size: 4096 }) as string[][];
  } catch (err) {
    throw new InputCsvError(`the file is not CSV: ${(err as Error).message}`);
  }
  if (!records.length) throw new InputCsvError(`the file is empty; its header must be ${INPUT_CSV_COLUMNS.join(',')}`);
  const columns = columnsOf(records[0]);
  if (records.length - 1 > MAX_INPUT_ROWS) throw new InputCsvError(`the file has ${records.length - 1} rows; at most ${MAX_INPUT_ROWS} are imported at once`);
  const rows: InputCsvRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOf = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const row = i + 1;
    const read = readRow(record, columns, row);
    if ('reason' in read) return rejected.push(read);
    const key = `${read.enterprise}|${read.unit ?? ''}|${read.period}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) return rejected.push({ row, reason: `repeats row ${first} (the same enterprise, unit and period)` });
    firstRowOf.set(key, row);
    rows.push(read);
  });
  return { rows, rejected };
}

function columnsOf(header: readonly string[]): Record<Column, number> {
  const names = header.map((c) => c.trim());
  const missing = INPUT_CSV_COLUMNS.filter((c) => !names.includes(c));
  const extra = names.filter((n) => !(INPUT_CSV_COLUMNS as readonly string[]).includes(n));
  const twice = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  const problems = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `extra ${extra.map(quote).join(', ')}` : '', twice.length ? `twice ${twice.map(quote).join(', ')}` : ''].filter(Boolean);
  if (problems.length) throw new InputCsvError(`the header must name exactly the columns ${INPUT_CSV_COLUMNS.join(',')} (in any order): ${problems.join('; ')}`);
  return Object.fromEntries(INPUT_CSV_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
}

function readRow(record: readonly string[], columns: Record<Column, number>, row: number): InputCsvRow | RejectedRow {
  if (record.length !== INPUT_CSV_COLUMNS.length) return { row, reason: `${record.length} fields; the header has ${INPUT_CSV_COLUMNS.length}` };
  const cell = (c: Column) => record[columns[c]].trim();
  const reasons: string[] = [];
  for (const c of INPUT_CSV_COLUMNS) {
    const v = cell(c);
    if (v === '' && !OPTIONAL.has(c)) reasons.push(`${c} is empty`);
    else if (v.length > MAX_CELL) reasons.push(`${c} is longer than ${MAX_CELL} characters`);
  }
  if (reasons.length) return { row, reason: reasons.join('; ') };
  const enterprise = cell('enterprise');
  const unit = cell('unit') || null;
  const period = cell('period');
  if (!CODE.test(enterprise)) reasons.push(`enterprise ${quote(enterprise)} is not a code`);
  if (unit !== null && !CODE.test(unit)) reasons.push(`unit ${quote(unit)} is not a node code`);
  if (!PERIOD.test(period)) reasons.push(`period ${quote(period)} is not a month (2026-03) or a year (2026)`);
  const figure = (c: Column): number | null => {
    const v = cell(c);
    if (v === '') return null;
    const n = Number(v);
    if (!NUMBER.test(v) || !Number.isFinite(n)) {
      reasons.push(`${c} ${quote(v)} is not a finite number ≥ 0`);
      return null;
    }
    return n;
  };
  const valueAdded10kCny = figure('value_added_10k_cny');
  const productionT = figure('production_t');
  const mainProduct = cell('main_product') || null;
  if (mainProduct !== null && !MATERIAL.test(mainProduct)) reasons.push(`main_product ${quote(mainProduct)} is not a material code`);
  if (reasons.length) return { row, reason: reasons.join('; ') };
  return { row, enterprise, unit, period, valueAdded10kCny, productionT, mainProduct };
}
