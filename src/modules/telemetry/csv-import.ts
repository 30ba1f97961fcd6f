/**
 * Backfills from CSV: `device,tag,ts,value` rows (ts in epoch milliseconds or ISO 8601), with a
 * header line. Rows are streamed, validated against the registry, and committed in chunks through
 * the same group commit as live data; bad rows are reported with their line numbers and skipped.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Point } from './model.ts';
import type { DeviceEntry, TelemetryService } from './service.ts';

export interface ImportReport {
  rows: number;
  stored: number;
  rejected: number;
  /** The first problems, as "line N: reason". */
  problems: string[];
}

const CHUNK = 10_000;

export async function importCsv(telemetry: TelemetryService, file: string, onProgress?: (bytes: number, total: number) => void): Promise<ImportReport> {
  const total = fs.statSync(file).size;
  const stream = fs.createReadStream(file, { encoding: 'utf8' });
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  const report: ImportReport = { rows: 0, stored: 0, rejected: 0, problems: [] };
  const pending = new Map<DeviceEntry, Point[]>();
  let queued = 0;
  let lineNo = 0;
  let columns: Record<string, number> | undefined;
  const reject = (why: string) => {
    report.rejected++;
    if (report.problems.length < 20) report.problems.push(`line ${lineNo}: ${why}`);
  };
  const flush = async () => {
    for (const [device, points] of pending) await telemetry.store(device, points, 'import');
    pending.clear();
    queued = 0;
  };

  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const cells = line.split(',').map((c) => c.trim());
    if (!columns) {
      columns = Object.fromEntries(cells.map((c, i) => [c.toLowerCase(), i]));
      const missing = ['device', 'tag', 'ts', 'value'].filter((c) => columns![c] === undefined);
      if (missing.length) throw new Error(`${file}: the header must name the columns device,tag,ts,value (missing: ${missing.join(', ')})`);
      continue;
    }
    report.rows++;
    const device = await telemetry.device(cells[columns.device]);
    if (!device) {
      reject(`unknown device "${cells[columns.device]}"`);
      continue;
    }
    const tagId = device.tags.get(cells[columns.tag]);
    if (tagId === undefined) {
      reject(`device ${device.code} has no tag "${cells[columns.tag]}"`);
      continue;
    }
    const rawTs = cells[columns.ts];
    const ts = /^\d+$/.test(rawTs) ? Number(rawTs) : Date.parse(rawTs);
    if (!Number.isFinite(ts) || ts < 0) {
      reject(`"${rawTs}" is not a time (epoch ms or ISO 8601)`);
      continue;
    }
    const value = Number(cells[columns.value]);
    if (cells[columns.value] === '' || !Number.isFinite(value)) {
      reject(`"${cells[columns.value]}" is not a number`);
      continue;
    }
    const list = pending.get(device) ?? [];
    list.push({ tagId, ts, value });
    pending.set(device, list);
    report.stored++;
    if (++queued >= CHUNK) {
      await flush();
      onProgress?.(stream.bytesRead, total);
    }
  }
  await flush();
  onProgress?.(total, total);
  return report;
}
