/**
 * The flows CSV (`period,from,to,material,quantity,unit,sd,basis`, docs/flows.md): every data row
 * becomes a FlowInput or a RejectedRow saying why. Reads chunks as they come (a file stream or an
 * uploaded body), so a file is never needed as one string; no I/O of its own.
 *
 * What this checks is the row's own shape (the columns, numbers, codes, the basis, duplicate keys);
 * whether its nodes, material and unit exist and may be used is the ledger's check (validateFlows).
 */
import { parse, type CsvError } from 'csv-parse';
import { FLOW_BASES, type FlowBasis, type FlowInput, type RejectedRow } from './model.ts';
import { parsePeriod } from './period.ts';

export const FLOW_CSV_COLUMNS = ['period', 'from', 'to', 'material', 'quantity', 'unit', 'sd', 'basis'] as const;
type Column = (typeof FLOW_CSV_COLUMNS)[number];
/** Columns a row may leave empty: sd (the basis's default) and basis ('measured'). */
const OPTIONAL: ReadonlySet<Column> = new Set(['sd', 'basis']);

/** A record longer than this is refused by the parser (no code or number comes near it). */
export const MAX_RECORD_BYTES = 4096;
/** A longer cell is refused before it is quoted in a reason. */
const MAX_CELL = 128;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Node and material codes, and unit codes (`m3/h`, `°C`): no spaces, quotes, control characters or formula signs. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const UNIT = /^[A-Za-z0-9°%][A-Za-z0-9°%/._-]*$/;

/** The file cannot be read as a flows CSV at all (its header, or a record too long to skip): nothing of it is imported. */
export class FlowCsvError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'FlowCsvError';
  }
}

const headerError = (detail: string) => new FlowCsvError(`the header must name exactly the columns ${FLOW_CSV_COLUMNS.join(',')} (in any order): ${detail}`);

export type FlowCsvColumns = Readonly<Record<Column, number>>;

/** Where each column is, from the header record; throws FlowCsvError naming what is wrong. */
export function flowCsvColumns(header: readonly string[]): FlowCsvColumns {
  const names = header.map((c) => c.trim());
  const unknown = names.filter((n) => !(FLOW_CSV_COLUMNS as readonly string[]).includes(n));
  const missing = FLOW_CSV_COLUMNS.filter((c) => !names.includes(c));
  const twice = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  const problems = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    unknown.length ? `extra ${unknown.map(quote).join(', ')}` : '',
    twice.length ? `twice ${twice.map(quote).join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) throw headerError(problems.join('; '));
  return Object.fromEntries(FLOW_CSV_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
}

/** The source key of a CSV row: importing the same file again replaces its rows instead of adding them. */
export function csvSourceKey(row: Pick<FlowInput, 'period' | 'from' | 'to' | 'material'>): string {
  return `${row.period}:${row.from}:${row.to}:${row.material}`;
}

/**
 * Reads the data rows of one file in order (row numbers count from 1 after the header). Holds the
 * keys seen so far: a second row with the same period, ends and material is refused, since the
 * ledger keeps one row per key and would silently keep only the last.
 */
export class FlowCsvRowReader {
  private readonly firstRowOfKey = new Map<string, number>();

  constructor(private readonly columns: FlowCsvColumns) {}

  read(record: readonly string[], row: number): FlowInput | RejectedRow {
    if (record.length !== FLOW_CSV_COLUMNS.length) {
      return { row, reason: `${record.length} fields; the header has ${FLOW_CSV_COLUMNS.length}` };
    }
    const cell = (c: Column) => record[this.columns[c]].trim();
    const problems: string[] = [];
    for (const c of FLOW_CSV_COLUMNS) {
      const value = cell(c);
      if (value === '' && !OPTIONAL.has(c)) problems.push(`${c} is empty`);
      else if (value.length > MAX_CELL) problems.push(`${c} is longer than ${MAX_CELL} characters`);
    }
    if (problems.length) return { row, reason: problems.join('; ') };

    const period = cell('period');
    if (!parsePeriod(period, 'UTC')) problems.push(`period ${quote(period)} is not a year, month or day (2026, 2026-03, 2026-03-15)`);
    for (const c of ['from', 'to', 'material'] as const) {
      if (!CODE.test(cell(c))) problems.push(`${c} ${quote(cell(c))} is not a code (letters, digits, '.', '_', '-')`);
    }
    const unit = cell('unit');
    if (!UNIT.test(unit)) problems.push(`unit ${quote(unit)} is not a unit code`);
    const quantity = numberOf(cell('quantity'));
    if (quantity === null) problems.push(`quantity ${quote(cell('quantity'))} is not a number`);
    else if (quantity < 0) problems.push(`quantity ${quantity} is negative (a flow goes from → to; swap the ends)`);
    const sdText = cell('sd');
    const sd = sdText === '' ? null : numberOf(sdText);
    if (sdText !== '' && sd === null) problems.push(`sd ${quote(sdText)} is not a number`);
    else if (sd !== null && sd < 0) problems.push(`sd ${sd} is negative`);
    const basisText = cell('basis');
    const basis = basisText === '' ? 'measured' : FLOW_BASES.find((b) => b === basisText);
    if (!basis) problems.push(`basis ${quote(basisText)} is not one of ${FLOW_BASES.join(', ')}`);
    if (problems.length || quantity === null || !basis) return { row, reason: problems.join('; ') };

    const input: FlowInput = { period, from: cell('from'), to: cell('to'), material: cell('material'), quantity, unit, sd, basis: basis as FlowBasis };
    input.sourceKey = csvSourceKey(input);
    const first = this.firstRowOfKey.get(input.sourceKey);
    if (first !== undefined) return { row, reason: `row ${first} has the same period, from, to and material` };
    this.firstRowOfKey.set(input.sourceKey, row);
    return input;
  }
}

export function isRejected(r: FlowInput | RejectedRow): r is RejectedRow {
  return 'reason' in r;
}

/** A file's data rows: those that read as flows (with their row numbers) and those that did not. */
export interface FlowCsv {
  /** Data rows in the file (the header not counted). */
  total: number;
  rows: { row: number; input: FlowInput }[];
  rejected: RejectedRow[];
}

/**
 * Parses a flows CSV from its chunks (UTF-8; a BOM and CRLF line ends are accepted). Throws
 * FlowCsvError when the first record is not the header, the file has none, or a record is longer
 * than MAX_RECORD_BYTES (the parser cannot find where the next one starts; no field of a flow comes
 * near that length, so such a file is not a flows CSV). A record with an unclosed quote is a
 * rejected row.
 */
export async function readFlowCsv(chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<FlowCsv> {
  const out: FlowCsv = { total: 0, rows: [], rejected: [] };
  let reader: FlowCsvRowReader | undefined;
  let fatal: FlowCsvError | undefined;
  // Records and refusals arrive through callbacks, in file order (an async iterator of the parser
  // would see refusals before records still buffered).
  const take = (record: string[]) => {
    if (fatal) return;
    if (!reader) {
      try {
        reader = new FlowCsvRowReader(flowCsvColumns(record));
      } catch (err) {
        fatal = err as FlowCsvError;
      }
      return;
    }
    const row = ++out.total;
    const result = reader.read(record, row);
    if (isRejected(result)) out.rejected.push(result);
    else out.rows.push({ row, input: result });
  };
  const refuse = (err: CsvError | undefined) => {
    if (fatal) return;
    if (err?.code === 'CSV_MAX_RECORD_SIZE') {
      fatal = new FlowCsvError(`${reader ? `row ${out.total + 1}` : 'the header'} is longer than ${MAX_RECORD_BYTES} bytes: this is not a flows CSV`);
    } else if (!reader) {
      fatal = headerError(`the first line is not CSV (${err?.message ?? 'unreadable'})`);
    } else {
      out.rejected.push({ row: ++out.total, reason: `not valid CSV: ${err?.message ?? 'unreadable'}` });
    }
  };
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (record: string[]) => {
      take(record);
      return null;
    },
    on_skip: (err) => {
      refuse(err);
      return undefined;
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('error', reject);
    parser.on('end', resolve);
    parser.resume();
  });
  for await (const chunk of chunks) {
    if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
    if (fatal) break;
  }
  parser.end();
  await finished;
  if (fatal) throw fatal;
  if (!reader) throw headerError('the file is empty');
  return out;
}

function numberOf(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** A cell quoted for a reason: JSON escapes control characters, so a reason is safe to print. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
