/**
 * Backfills from CSV: `device,tag,ts,value` rows (ts in epoch milliseconds, or ISO 8601: a date, or
 * a date and time with `Z` or an offset), under a header line naming those four columns in any
 * order. The file is read by a real CSV parser (csv-parse: RFC 4180 quoting, embedded commas and
 * line breaks, a BOM); rows are validated by the same checks as every other source (the tag must be
 * the device's, readingProblem for the time and the value) and committed in chunks through the same
 * group commit as live data. Every refused row is reported with its line number and reason.
 */
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { readingProblem, type Point } from './model.ts';
import type { DeviceEntry, TelemetryService } from './service.ts';

export interface ImportReport {
  rows: number;
  stored: number;
  rejected: number;
  /** Every refused row as "line N: reason" (the first MAX_LISTED_PROBLEMS of them; `rejected` counts all). */
  problems: string[];
}

/** A bound on the problems kept in memory; the count of refused rows is always complete. */
export const MAX_LISTED_PROBLEMS = 10_000;
const COLUMNS = ['device', 'tag', 'ts', 'value'] as const;
const CHUNK = 10_000;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const EPOCH_MS = /^-?\d+$/;
/** ISO 8601 date (UTC midnight), or date and time with a zone: a time without one would be read as the importing machine's local time. */
const ISO = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d))?$/i;

function parseTime(cell: string): number | string {
  if (EPOCH_MS.test(cell)) return Number(cell);
  if (ISO.test(cell)) {
    const t = Date.parse(cell.replace(' ', 'T'));
    if (Number.isFinite(t)) return t;
  }
  return /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(cell)
    ? `ts "${cell}" has no time zone: add Z or an offset such as +08:00`
    : `ts "${cell}" is not a time (epoch milliseconds or ISO 8601)`;
}

/**
 * CRLF → LF before parsing: csv-parse counts a CRLF inside a quoted field as two lines, which would
 * put every later line number off by one. (A CRLF inside a quoted value becomes LF.)
 */
function crlfToLf(): Transform {
  let carry = '';
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string, _enc, done) {
      let text = carry + chunk;
      carry = '';
      if (text.endsWith('\r')) {
        carry = '\r';
        text = text.slice(0, -1);
      }
      done(null, text.replace(/\r\n/g, '\n'));
    },
    flush(done) {
      done(null, carry);
    },
  });
}

export async function importCsv(telemetry: TelemetryService, file: string, onProgress?: (bytes: number, total: number) => void): Promise<ImportReport> {
  const total = fs.statSync(file).size;
  const stream = fs.createReadStream(file, { encoding: 'utf8' });
  const parser = stream.pipe(crlfToLf()).pipe(
    parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, raw: true, info: true, skip_records_with_error: true }),
  );
  const report: ImportReport = { rows: 0, stored: 0, rejected: 0, problems: [] };
  const reject = (line: number | string, why: string, rows = 1) => {
    report.rejected += rows;
    if (report.problems.length < MAX_LISTED_PROBLEMS) report.problems.push(`line ${line}: ${why}`);
  };
  // A record the parser cannot read (an unclosed quote) is reported where the parser stopped.
  parser.on('skip', (err: CsvError & { lines?: number }) => {
    report.rows++;
    reject(err.lines ?? '?', `not valid CSV: ${err.message}`);
  });

  const pending = new Map<DeviceEntry, { points: Point[]; lines: number[] }>();
  let queued = 0;
  const flush = async () => {
    for (const [device, { points, lines }] of pending) {
      const outcome = await telemetry.store(device, points, 'import');
      if (outcome.ok) report.stored += points.length;
      else {
        const where = lines.length === 1 ? `${lines[0]}` : `${lines[0]}–${lines[lines.length - 1]} (${lines.length} rows of ${device.code})`;
        reject(where, `${outcome.reason}: ${outcome.detail}`, lines.length);
      }
    }
    pending.clear();
    queued = 0;
  };

  type Columns = Record<(typeof COLUMNS)[number], number>;
  let columns: Columns | undefined;
  let width = 0;
  for await (const { record, raw, info } of parser as AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }>) {
    // info.lines is where the record ends; a quoted field may span lines.
    const line = info.lines - (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0);
    if (!columns) {
      const names = record.map((c) => c.toLowerCase());
      const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
      const missing = COLUMNS.filter((c) => !names.includes(c));
      const twice = names.filter((n, i) => names.indexOf(n) !== i);
      if (unknown.length || missing.length || twice.length) {
        const why = [missing.length && `missing: ${missing.join(', ')}`, unknown.length && `unknown: ${unknown.join(', ')}`, twice.length && `twice: ${twice.join(', ')}`].filter(Boolean).join('; ');
        throw new Error(`${file}: line ${line}: the header must name exactly the columns device,tag,ts,value (${why})`);
      }
      columns = Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)])) as Columns;
      width = record.length;
      continue;
    }
    report.rows++;
    if (record.length !== width) {
      reject(line, `${record.length} fields; the header has ${width} (device,tag,ts,value)`);
      continue;
    }
    const code = record[columns.device];
    const device = await telemetry.device(code);
    if (!device) {
      reject(line, `unknown device "${code}"`);
      continue;
    }
    const key = record[columns.tag];
    const tagId = device.tags.get(key);
    if (tagId === undefined) {
      reject(line, `unknown_tag: device ${device.code} has no tag "${key}"`);
      continue;
    }
    const ts = parseTime(record[columns.ts]);
    if (typeof ts === 'string') {
      reject(line, `invalid_timestamp: ${ts}`);
      continue;
    }
    const cell = record[columns.value];
    if (!NUMBER.test(cell)) {
      reject(line, `not_a_number: value "${cell}" is not a number`);
      continue;
    }
    const value = Number(cell);
    const problem = readingProblem(ts, value, Date.now());
    if (problem) {
      reject(line, `${problem.reason}: ${problem.detail}`);
      continue;
    }
    const batch = pending.get(device) ?? { points: [], lines: [] };
    batch.points.push({ tagId, ts, value });
    batch.lines.push(line);
    pending.set(device, batch);
    if (++queued >= CHUNK) {
      await flush();
      onProgress?.(stream.bytesRead, total);
    }
  }
  if (!columns) throw new Error(`${file}: no header line (device,tag,ts,value)`);
  await flush();
  onProgress?.(total, total);
  return report;
}
