/**
 * The KPI report over HTTP on the demo park: the PDF read back (pdftotext, page count) in both
 * languages, the CSV and the XLSX, who may have which report, stored reports kept per tenant, and
 * the schedule job making exactly one report per period however often it runs.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_KEYS } from '../src/modules/kpi/model.ts';
import { KPI_NAMES } from '../src/modules/kpi/report/report-labels.ts';
import { readPdf } from '../src/modules/kpi/report/pdf-text.ts';
import { runKpiReportSchedules } from '../src/modules/kpi/report/report-schedules.ts';
import { KpiReportService } from '../src/modules/kpi/report/report-service.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

type Client = ReturnType<typeof client>;

describe('the KPI report', () => {
  let server: TestServer;
  let park: Client;
  let chlor: Client;
  let period: string;
  let parkName: { name: string; nameEn: string | null };

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    park = client(server.url, await login(server.url, 'admin', server.adminPassword));
    chlor = client(server.url, await login(server.url, 'chloralkali.admin', 'symbiont-demo'));
    const months = ((await park.get('/api/v1/flows/periods')).body.items as { period: string; grain: string }[]).filter((p) => p.grain === 'month').map((p) => p.period).sort();
    period = months.at(-1)!;
    parkName = (await park.get('/api/v1/park')).body;
  });
  afterAll(async () => server?.close());

  /** A file as bytes with its headers (the JSON client reads text). */
  const download = async (c: Client, url: string) => {
    const res = await fetch(server.url + url, { headers: { authorization: `Bearer ${c.token}` } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };
  const squeeze = (s: string) => s.replace(/\s+/g, '');

  it("the park's monthly report in English: every indicator, the park's name, at least three pages", async () => {
    const r = await download(park, `/api/v1/kpis/report?period=${period}&scope=park&lang=en&format=pdf`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.disposition).toBe(`inline; filename="kpi-report-park-${period}-en.pdf"`);
    const { text, pages } = readPdf(r.body);
    expect(pages).toBeGreaterThanOrEqual(3);
    const flat = squeeze(text);
    for (const key of KPI_KEYS) expect(flat, key).toContain(squeeze(KPI_NAMES.en[key]));
    expect(flat).toContain(squeeze(parkName.nameEn ?? parkName.name));
    expect(flat).toContain(squeeze('2. Material flow Sankey'));
  });

  it('in zh-CN: Chinese names, set in the embedded font', async () => {
    const r = await download(park, `/api/v1/kpis/report?period=${period}&scope=park&lang=zh-CN`);
    expect(r.status).toBe(200);
    const flat = squeeze(readPdf(r.body).text);
    expect(flat).toMatch(/[\u4e00-\u9fff]{8}/);
    expect(flat).toContain(squeeze(parkName.name));
    for (const key of KPI_KEYS) expect(flat, key).toContain(squeeze(KPI_NAMES['zh-CN'][key]));
  });

  it('the KPI table as CSV and every table as XLSX', async () => {
    const csv = await download(park, `/api/v1/kpis/report?period=${period}&scope=park&lang=en&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe(`attachment; filename="kpi-report-park-${period}-en.csv"`);
    const lines = csv.body.toString('utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('key,indicator,value,unit,previous,last_year,target,status,note');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([...KPI_KEYS]);

    const xlsx = await download(park, `/api/v1/kpis/report?period=${period}&scope=park&lang=zh-CN&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目录', '一、绿色发展指标', '三、物料平衡异常', '四、主要废物流向', '五、企业间物料交换与避免排放']);
    expect(wb.getWorksheet('一、绿色发展指标')!.rowCount).toBe(1 + KPI_KEYS.length);
  });

  it("an enterprise has its own report and its units', not the park's; reports are monthly or annual", async () => {
    expect((await chlor.get(`/api/v1/kpis/report?period=${period}&scope=park&format=csv`)).status).toBe(403);
    const own = await download(chlor, `/api/v1/kpis/report?period=${period}&scope=enterprise&code=chloralkali&lang=en`);
    expect(own.status).toBe(200);
    const { text, pages } = readPdf(own.body);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(squeeze(text)).toContain(squeeze('Enterprise green indicators report'));
    const unit = ((await chlor.get('/api/v1/flow-nodes?kind=unit')).body.items as { code: string; enterpriseId: number | null }[]).find((n) => n.enterpriseId !== null)!;
    expect((await chlor.get(`/api/v1/kpis/report?period=${period}&scope=unit&code=${unit.code}&format=csv`)).status).toBe(200);
    expect((await park.get(`/api/v1/kpis/report?period=${period.slice(0, 4)}-Q1&scope=park&format=csv`)).status).toBe(400);
  });

  it('a kept report is its tenant’s: listed, read as made, and a 404 to another tenant', async () => {
    const made = await park.post('/api/v1/kpi-reports', { period, scope: 'park', language: 'en' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ period, scope: 'park', code: null, language: 'en', createdBy: 'admin', scheduleId: null });
    expect(made.body.pages).toBeGreaterThanOrEqual(3);
    const list = await park.get('/api/v1/kpi-reports');
    expect(list.body.items[0].id).toBe(made.body.id);
    const pdf = await download(park, `/api/v1/kpi-reports/${made.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.length).toBe(made.body.bytes);
    expect(readPdf(pdf.body).pages).toBe(made.body.pages);

    expect((await download(chlor, `/api/v1/kpi-reports/${made.body.id}/pdf`)).status).toBe(404);
    expect((await chlor.get('/api/v1/kpi-reports')).body.items.map((r: { id: number }) => r.id)).not.toContain(made.body.id);
    expect((await chlor.delete(`/api/v1/kpi-reports/${made.body.id}`)).status).toBe(404);
    const audit = await server.services.handle.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'kpi_report').where('entity_id', '=', String(made.body.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);

    const mine = await chlor.post('/api/v1/kpi-reports', { period, scope: 'enterprise', code: 'chloralkali', language: 'zh-CN' });
    expect(mine.status).toBe(201);
    expect((await park.get('/api/v1/kpi-reports')).body.items.map((r: { id: number }) => r.id)).not.toContain(mine.body.id);
    expect((await chlor.delete(`/api/v1/kpi-reports/${mine.body.id}`)).status).toBe(204);
    expect((await download(chlor, `/api/v1/kpi-reports/${mine.body.id}/pdf`)).status).toBe(404);
  });

  it('a schedule makes exactly one report per period, however often the job runs', async () => {
    const schedule = await park.post('/api/v1/kpi-report-schedules', { scope: 'park', grain: 'month', language: 'en' });
    expect(schedule.status).toBe(201);
    expect(schedule.body).toMatchObject({ enterpriseId: null, scope: 'park', code: null, grain: 'month', language: 'en', enabled: true, lastPeriod: null, createdBy: 'admin' });
    // An enterprise schedules its own reports only.
    expect((await chlor.post('/api/v1/kpi-report-schedules', { scope: 'park', grain: 'month' })).status).toBe(400);
    expect((await chlor.post('/api/v1/kpi-report-schedules', { scope: 'enterprise', code: 'pvc', grain: 'month' })).status).toBe(400);

    // Noon in Shanghai on the 1st of the month after the demo's latest month: that month is the last complete one.
    const [y, m] = period.split('-').map(Number) as [number, number];
    const now = Date.UTC(y, m, 1, 4);
    const deps = { handle: server.services.handle, reports: new KpiReportService(server.services), timeZone: async () => 'Asia/Shanghai' };
    const first = await runKpiReportSchedules(deps, now);
    expect(first.failed).toEqual([]);
    expect(first.made).toEqual([{ scheduleId: schedule.body.id, period, reportId: expect.any(Number) }]);
    const again = await runKpiReportSchedules(deps, now + 3_600_000);
    expect(again.made).toEqual([]);

    const kept = ((await park.get('/api/v1/kpi-reports?limit=100')).body.items as { scheduleId: number | null; period: string; createdBy: string }[]).filter((r) => r.scheduleId === schedule.body.id);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ period, createdBy: `admin (schedule ${schedule.body.id})` });
    expect((await park.get(`/api/v1/kpi-report-schedules/${schedule.body.id}`)).body.lastPeriod).toBe(period);
  });
});
