/**
 * CSV backfill on both dialects: parsed by a real CSV parser, every row checked like a reading from
 * any other source, every refused row reported with its line number and reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import { importCsv } from '../src/modules/telemetry/csv-import.ts';
import { meteredStore, testDialects } from './helpers/db.ts';

const dialects = await testDialects();
const T0 = Date.UTC(2026, 10, 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(dialects)('CSV import on %s', (dialect) => {
  let s: Services;
  let tagId: number;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const store = await meteredStore(dialect, 'csv', ['p']);
    ({ s, close } = store);
    tagId = store.tagIds[0];
  });
  afterAll(() => close?.());

  const write = (name: string, text: string) => {
    const file = path.join(dir, `${dialect}-${name}`);
    fs.writeFileSync(file, text);
    return file;
  };

  it('stores the good rows and reports every other one with its line and reason', async () => {
    const future = Date.now() + 3_600_000;
    const lines = [
      /* 1 */ 'device,tag,ts,value',
      /* 2 */ `csv-em,p,${T0},42.5`,
      /* 3 */ `"csv-em","p","${T0 + 1000}","7"`,
      /* 4 */ `csv-em,p,100000000000000000000,1`,
      /* 5 */ `csv-em,p,${future},1`,
      /* 6 */ `csv-em,p,${T0 + 2000},3,extra`,
      /* 7 */ `csv-em,p,${T0 + 3000},"1,5"`,
      /* 8 */ `csv-em,p,${Math.floor(T0 / 1000)},1`,
      /* 9 */ `csv-em,p,${T0 + 4000},1e308`,
      /* 10 */ `csv-em,p,2026-11-01T00:00:05Z,9`,
      /* 11 */ `csv-em,p,2026-11-01T00:00:06,9`,
      /* 12 */ `ghost,p,${T0},1`,
      /* 13 */ `csv-em,nope,${T0},1`,
      /* 14 */ `"csv-em","p","${T0 + 7000}","""quoted"""`,
      /* 15 */ `"a device`,
      /* 16 */ `on two lines",p,${T0},1`,
      /* 17 */ `csv-em,p,${T0 + 8000},`,
      /* 18 */ `csv-em,p,${T0 + 9000},-1e15`,
      /* 19 */ '',
      /* 20 */ `csv-em,p,2026-11-01,0.5`,
    ];
    const report = await importCsv(s.telemetry, write('mixed.csv', '\ufeff' + lines.join('\r\n') + '\r\n'));
    expect(report.problems).toEqual([
      expect.stringMatching(/^line 4: timestamp_in_future: ts 100000000000000000000 \(beyond year 275760/),
      expect.stringMatching(/^line 5: timestamp_in_future: .*10 minutes ahead/),
      'line 6: 5 fields; the header has 4 (device,tag,ts,value)',
      'line 7: not_a_number: value "1,5" is not a number',
      expect.stringMatching(/^line 8: timestamp_too_old: .*looks like seconds/),
      expect.stringMatching(/^line 9: value_out_of_range: /),
      expect.stringMatching(/^line 11: invalid_timestamp: .*no time zone/),
      'line 12: unknown device "ghost"',
      'line 13: unknown_tag: device csv-em has no tag "nope"',
      'line 14: not_a_number: value ""quoted"" is not a number',
      'line 15: unknown device "a device\non two lines"',
      'line 17: not_a_number: value "" is not a number',
    ]);
    expect(report).toMatchObject({ rows: 17, stored: 5, rejected: 12 });
    // Line 20 (a date: UTC midnight, T0) replaces line 2, last write wins.
    const ctx = systemContext();
    // The latest reading is the newest good row, not the year-275760 one.
    expect(await s.telemetry.latest(ctx, tagId)).toMatchObject({ ts: T0 + 9000, value: -1e15 });
    const stored = await s.handle.db.selectFrom('points').select(['ts', 'value']).where('tag_id', '=', tagId).orderBy('ts').execute();
    expect(stored.map((r) => [Number(r.ts) - T0, Number(r.value)])).toEqual([[0, 0.5], [1000, 7], [5000, 9], [9000, -1e15]]);
  });

  it('refuses a header that does not name exactly device,tag,ts,value', async () => {
    await expect(importCsv(s.telemetry, write('h1.csv', 'device,tag,ts\ncsv-em,p,1\n'))).rejects.toThrow(/line 1: .*missing: value/);
    await expect(importCsv(s.telemetry, write('h2.csv', 'device,tag,ts,value,note\n'))).rejects.toThrow(/unknown: note/);
    await expect(importCsv(s.telemetry, write('h3.csv', ''))).rejects.toThrow(/no header/);
    // Columns in another order are fine.
    const r = await importCsv(s.telemetry, write('h4.csv', `value,ts,tag,device\n1.25,${T0 + 60_000},p,csv-em\n`));
    expect(r).toEqual({ rows: 1, stored: 1, rejected: 0, problems: [] });
  });

  it('reports a row the parser cannot read (an unclosed quote) by its line', async () => {
    const r = await importCsv(s.telemetry, write('q.csv', `device,tag,ts,value\ncsv-em,p,${T0 + 120_000},2\ncsv-em,"p,${T0},1\n`));
    expect(r.stored).toBe(1);
    expect(r.rejected).toBe(1);
    expect(r.problems[0]).toMatch(/^line \d+: not valid CSV: Quote Not Closed/);
  });
});
