/**
 * The report's tables for spreadsheets: the KPI table as CSV (a header of stable column keys, a
 * UTF-8 BOM so spreadsheet programs read Chinese right), and every table as a sheet of one XLSX
 * workbook (exceljs), numbers kept as numbers with thousands separators in their format.
 */
import type { ReportCell, ReportContent, ReportTable } from './report-data.ts';

const csvCell = (v: ReportCell) => {
  const s = v === null ? '' : String(v);
  // Quoted when needed; a leading =,+,-,@ is defused so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A table as CSV: one header row of column keys, then its rows. */
export function tableCsv(t: ReportTable): string {
  const rows: ReportCell[][] = [t.columns.map((c) => c.key), ...t.rows];
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The report's CSV: its KPI table. */
export function reportCsv(content: ReportContent): string {
  return tableCsv(content.tables.find((t) => t.id === 'kpis')!);
}

/** The sheet names, at most 31 characters and without []:*?/\ (what Excel allows). */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** Every table of the report as a sheet, with a first sheet saying what the workbook is. */
export async function reportXlsx(content: ReportContent): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Symbiont';
  wb.title = `${content.title} ${content.periodLabel}`;
  const about = wb.addWorksheet(sheetName(content.labels.cover.contents));
  const L = content.labels.cover;
  about.addRows([
    [content.title, content.kindLabel],
    [L.subject, content.code ? `${content.subjectName} (${content.code})` : content.subjectName],
    [L.park, content.parkName],
    [L.period, content.period],
    [L.generatedAt, `${content.generatedAt} (${content.timeZone})`],
    [L.language, L.languageName],
  ]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 48;
  about.getRow(1).font = { bold: true };
  for (const t of content.tables) {
    const ws = wb.addWorksheet(sheetName(t.title));
    ws.columns = t.columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(10, Math.round((c.width ?? 1.5) * 12)) }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of t.rows) ws.addRow(row);
    t.columns.forEach((c, i) => {
      if (c.numeric) ws.getColumn(i + 1).numFmt = '#,##0.####';
    });
    for (const n of t.notes) ws.addRow([n]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
