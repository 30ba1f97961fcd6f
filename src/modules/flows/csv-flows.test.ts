import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvSourceKey, FlowCsvError, MAX_RECORD_BYTES, readFlowCsv } from './csv-flows.ts';

const HEADER = 'period,from,to,material,quantity,unit,sd,basis';
const read = (text: string) => readFlowCsv([text]);

describe('readFlowCsv', () => {
  it('reads rows in any column order, with a BOM and CRLF, and fills the defaults', async () => {
    const text = '\uFEFFbasis,sd,unit,quantity,material,to,from,period\r\nexact,,t,12.5,NACL,u2,u1,2026-03\r\n,0.4,t,3,HCL,u1,air,2026-03-15\r\n';
    const csv = await read(text);
    expect(csv.total).toBe(2);
    expect(csv.rejected).toEqual([]);
    expect(csv.rows).toEqual([
      { row: 1, input: { period: '2026-03', from: 'u1', to: 'u2', material: 'NACL', quantity: 12.5, unit: 't', sd: null, basis: 'exact', sourceKey: '2026-03:u1:u2:NACL' } },
      { row: 2, input: { period: '2026-03-15', from: 'air', to: 'u1', material: 'HCL', quantity: 3, unit: 't', sd: 0.4, basis: 'measured', sourceKey: '2026-03-15:air:u1:HCL' } },
    ]);
  });

  it('refuses a header with extra, missing or repeated columns, naming them', async () => {
    await expect(read(`${HEADER},comment\n`)).rejects.toThrow(/extra "comment"/);
    await expect(read('period,from,to,material,quantity,unit,sd\n')).rejects.toThrow(/missing basis/);
    await expect(read(`${HEADER},sd\n`)).rejects.toThrow(/twice "sd"/);
    await expect(read('')).rejects.toBeInstanceOf(FlowCsvError);
  });

  it('rejects every bad row with its reason and keeps the good ones', async () => {
    const lines = [
      '2026-13,u1,u2,NACL,1,t,,measured',
      '2026-03,u1,u2,=cmd|calc,1,t,,measured',
      '2026-03,u1,u2,NACL,-1,t,,measured',
      '2026-03,u1,u2,NACL,1e999,t,,measured',
      '2026-03,u1,u2,NACL,1,t,-2,measured',
      '2026-03,u1,u2,NACL,1,t,,guessed',
      '2026-03,u1,u2,NACL,1,t',
      '2026-03,u1,u3,NACL,1,t,,',
      '2026-03,u1,u3,NACL,2,t,,',
      `2026-03,u1,u2,NACL,1,t,,measured\u0000`,
    ];
    const csv = await read([HEADER, ...lines].join('\n'));
    expect(csv.total).toBe(10);
    expect(csv.rows.map((r) => r.row)).toEqual([8]);
    const reasons = new Map(csv.rejected.map((r) => [r.row, r.reason]));
    expect([...reasons.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 10]);
    expect(reasons.get(1)).toMatch(/period "2026-13"/);
    expect(reasons.get(2)).toMatch(/material "=cmd\|calc" is not a code/);
    expect(reasons.get(3)).toMatch(/negative/);
    expect(reasons.get(4)).toMatch(/not a number/);
    expect(reasons.get(5)).toMatch(/sd -2 is negative/);
    expect(reasons.get(6)).toMatch(/basis "guessed"/);
    expect(reasons.get(7)).toMatch(/6 fields/);
    expect(reasons.get(9)).toMatch(/row 8 has the same/);
    expect(reasons.get(10)).toMatch(/\\u0000/);
  });

  it('refuses a file with an overlong record, naming it, and a row with an unclosed quote', async () => {
    await expect(read(`${HEADER}\n2026-03,u1,u2,NACL,1,t,,\n2026-03,u1,u2,${'A'.repeat(MAX_RECORD_BYTES + 10)},1,t,,\n`)).rejects.toThrow(/row 2 is longer than/);
    const csv = await read(`${HEADER}\n2026-03,u1,u2,NACL,1,t,,\n2026-03,"u1,u2,NACL,1,t,,\n`);
    expect(csv.rows.map((r) => r.row)).toEqual([1]);
    expect(csv.rejected).toEqual([{ row: 2, reason: expect.stringMatching(/not valid CSV/) }]);
  });

  it('gives the same rows however the file is cut into chunks', async () => {
    const body = [HEADER, '2026-03,u1,u2,NACL,1.5,t,0.1,measured', '"2026-03","u2","u3","HCL","7","t","",""', '2026,x,y,Z,bad,t,,'].join('\r\n');
    const whole = await read(body);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), body.length];
        const chunks = points.slice(1).map((end, i) => Buffer.from(body.slice(points[i], end)));
        expect(await readFlowCsv(chunks)).toEqual(whole);
      }),
    );
  });

  it('accepts every well-formed row it writes itself, keyed by period, ends and material', async () => {
    const code = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    const row = fc.record({
      period: fc.constantFrom('2026', '2026-02', '2026-02-28'),
      from: code,
      to: code,
      material: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,6}$/),
      quantity: fc.double({ min: 0, max: 1e9, noNaN: true }),
      sd: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
      basis: fc.constantFrom('measured', 'calculated', 'estimated', 'exact'),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(row, { selector: (r) => csvSourceKey(r), maxLength: 20 }), async (rows) => {
        const text = [HEADER, ...rows.map((r) => [r.period, r.from, r.to, r.material, r.quantity, 't', r.sd ?? '', r.basis].join(','))].join('\n');
        const csv = await read(text);
        expect(csv.rejected).toEqual([]);
        expect(csv.rows.map((r) => r.input)).toEqual(rows.map((r) => ({ ...r, unit: 't', sourceKey: csvSourceKey(r) })));
      }),
    );
  });
});
