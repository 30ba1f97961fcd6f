import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { KPI_KEYS } from '../model.ts';
import { assembleReport } from './report-data.ts';
import { fixtureSources } from './report-fixture.ts';
import { reportCsv, reportXlsx, tableCsv } from './report-sheets.ts';

describe('the report as spreadsheets', () => {
  it('CSV: a BOM, the header of column keys and one row per indicator, every KPI key', () => {
    const csv = reportCsv(assembleReport(fixtureSources('zh-CN')));
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('key,indicator,value,unit,previous,last_year,target,status,note');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([...KPI_KEYS]);
    expect(lines[1]).toContain('一般工业固体废物综合利用率');
    // The missing inputs, joined with commas, are quoted into one cell.
    expect(lines.at(-1)).toMatch(/,"?缺少输入：PVC\.F_R、工业增加值（万元）"?$/);
  });

  it('CSV: a cell that a spreadsheet would run as a formula is defused, negative numbers are kept', () => {
    const csv = tableCsv({ id: 'waste', title: 't', columns: [{ key: 'a', label: 'a' }, { key: 'b', label: 'b' }], rows: [['=HYPERLINK("x")', -12.5]], notes: [], empty: '' });
    expect(csv).toContain(`"'=HYPERLINK(""x"")",-12.5`);
  });

  it('XLSX: opens with exceljs, one sheet per table after the cover, numbers as numbers', async () => {
    const content = assembleReport(fixtureSources('en'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(content)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Contents', '1. Green indicators', '3. Balance exceptions', '4. Top waste streams', '5. Exchanges between enterprise']);
    const kpis = wb.getWorksheet('1. Green indicators')!;
    expect(kpis.getRow(1).getCell(1).value).toBe('Key');
    expect(kpis.getRow(2).getCell(1).value).toBe('solid_waste_utilization_rate');
    expect(typeof kpis.getRow(2).getCell(3).value).toBe('number');
    expect(kpis.rowCount).toBe(1 + KPI_KEYS.length);
    expect(wb.getWorksheet('Contents')!.getRow(3).getCell(2).value).toBe('Demo Circular Park');
  });
});
