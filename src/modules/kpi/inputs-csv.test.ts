/** The KPI inputs CSV: rows read by codes, every bad row with its reason, a bad file refused whole. */
import { describe, expect, it } from 'vitest';
import { InputCsvError, parseInputCsv } from './inputs-csv.ts';

const HEADER = 'enterprise,unit,period,value_added_10k_cny,production_t,main_product';

describe('parseInputCsv', () => {
  it('reads rows by codes, empty figures as not stated, a BOM and CRLF as written by spreadsheets', () => {
    const csv = `\uFEFF${HEADER}\r\nchloralkali,,2026-03,1200.5,300,CAUSTIC_SODA\r\npvc,pvc-vcm,2026,,,\r\n`;
    expect(parseInputCsv(csv)).toEqual({
      rows: [
        { row: 1, enterprise: 'chloralkali', unit: null, period: '2026-03', valueAdded10kCny: 1200.5, productionT: 300, mainProduct: 'CAUSTIC_SODA' },
        { row: 2, enterprise: 'pvc', unit: 'pvc-vcm', period: '2026', valueAdded10kCny: null, productionT: null, mainProduct: null },
      ],
      rejected: [],
    });
  });

  it('takes the columns in any order', () => {
    const { rows } = parseInputCsv('period,enterprise,main_product,unit,production_t,value_added_10k_cny\n2026-01,pvc,,,5,7');
    expect(rows[0]).toMatchObject({ enterprise: 'pvc', period: '2026-01', valueAdded10kCny: 7, productionT: 5 });
  });

  it('rejects every bad row with its reasons', () => {
    const csv = [HEADER, ',,2026-03,1,,', 'pvc,,2026-13,1,,', 'pvc,,2026-Q1,1,,', 'pvc,,2026-01,-1,,', 'pvc,,2026-02,1e999,,', 'pvc,,2026-04,1,,lower', 'pvc,,2026-05', 'pvc,,2026-06,1,,', 'pvc,,2026-06,2,,'].join('\n');
    const { rows, rejected } = parseInputCsv(csv);
    expect(rows.map((r) => r.row)).toEqual([8]);
    expect(rejected).toEqual([
      { row: 1, reason: 'enterprise is empty' },
      { row: 2, reason: 'period "2026-13" is not a month (2026-03) or a year (2026)' },
      { row: 3, reason: 'period "2026-Q1" is not a month (2026-03) or a year (2026)' },
      { row: 4, reason: 'value_added_10k_cny "-1" is not a finite number ≥ 0' },
      { row: 5, reason: 'value_added_10k_cny "1e999" is not a finite number ≥ 0' },
      { row: 6, reason: 'main_product "lower" is not a material code' },
      { row: 7, reason: '3 fields; the header has 6' },
      { row: 9, reason: 'repeats row 8 (the same enterprise, unit and period)' },
    ]);
  });

  it('refuses a file whose header is wrong, or that is no CSV', () => {
    expect(() => parseInputCsv('enterprise,period\npvc,2026')).toThrow(InputCsvError);
    expect(() => parseInputCsv('')).toThrow(/empty/);
    expect(() => parseInputCsv(`${HEADER}\n"unclosed,,2026,,,`)).toThrow(/not CSV/);
  });
});
