/**
 * The flow sources over HTTP and the CLI, on the demo park: CSV upload (all or nothing, every
 * rejected row with its reason, re-import replaces, hostile input refused cleanly), flow-meter links
 * (another enterprise's tag is unknown), the telemetry source over stored readings with a gap, and
 * `symbiont import flows` on a temporary data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/modules/flows/period.ts';
import { toCanonicalDigitalLink } from '../src/modules/trace/epcis/hash.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { until } from './helpers/poll.ts';

const HEADER = 'period,from,to,material,quantity,unit,sd,basis';
type Client = ReturnType<typeof client>;

describe('flow sources', () => {
  let server: TestServer;
  let chlor: Client;
  let pvc: Client;

  const upload = (who: Client, csv: string | Buffer, filename = 'flows.csv') =>
    who.raw('POST', `/api/v1/flows/imports?filename=${encodeURIComponent(filename)}`, csv, { 'content-type': 'text/csv' });
  const settled = (who: Client, id: number) => until(async () => (await who.get(`/api/v1/flows/imports/${id}`)).body, (b) => b.state !== 'running', `import ${id}`);
  const csvFlows = async (who: Client, period: string) =>
    ((await who.get(`/api/v1/flows?period=${period}&source=csv&limit=1000`)).body.items as { sourceKey: string; quantity: number }[]).sort((a, b) => a.sourceKey.localeCompare(b.sourceKey));

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    const as = async (u: string, p = 'symbiont-demo') => client(server.url, await login(server.url, u, p));
    chlor = await as('chloralkali.operator');
    pvc = await as('pvc.operator');
  }, 120_000);
  afterAll(() => server?.close());

  it('imports a good file: the job ends done and the flows are listed; importing it again replaces them', async () => {
    const csv = `\uFEFF${HEADER}\r\n2025-01,chloralkali,pvc,CHLORINE,100,t,2,measured\r\n2025-01,chloralkali,customer,CAUSTIC_SODA,250,t,,\r\n`;
    const r = await upload(chlor, csv);
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ state: 'running', totalRows: 2 });
    const job = await settled(chlor, r.body.id);
    expect(job).toMatchObject({ state: 'done', totalRows: 2, processedRows: 2, accepted: 2, rejected: 0, errors: [] });
    expect((await csvFlows(chlor, '2025-01')).map((f) => [f.sourceKey, f.quantity])).toEqual([
      ['2025-01:chloralkali:customer:CAUSTIC_SODA', 250],
      ['2025-01:chloralkali:pvc:CHLORINE', 100],
    ]);
    // The same file with a corrected quantity: the row of its key is replaced, not added to.
    const again = await settled(chlor, (await upload(chlor, csv.replace(',100,', ',120,'))).body.id);
    expect(again.state).toBe('done');
    expect((await csvFlows(chlor, '2025-01')).map((f) => f.quantity)).toEqual([250, 120]);
    // Another enterprise's import job is not there for it.
    expect((await pvc.get(`/api/v1/flows/imports/${r.body.id}`)).status).toBe(404);
  });

  it('a file with bad rows fails, lists every rejected row with its reason, and writes nothing', async () => {
    const lines = [
      '2025-02,chloralkali,pvc,CHLORINE,10,t,,measured',
      '2025-02,chloralkali,nowhere,CHLORINE,10,t,,measured',
      '2025-02,chloralkali,pvc,=cmd|calc!A1,10,t,,measured',
      '2025-02,chloralkali,pvc,CAUSTIC_SODA,-5,t,,measured',
      '2025-02,chloralkali,pvc,CHLORINE,10,t,,measured',
    ];
    const r = await upload(chlor, [HEADER, ...lines].join('\n'));
    const job = await settled(chlor, r.body.id);
    expect(job.state).toBe('failed');
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([2, 3, 4, 5]);
    expect(job.errors[0].reason).toMatch(/nowhere/);
    expect(job.errors[1].reason).toMatch(/not a code/);
    expect(job.errors[2].reason).toMatch(/negative/);
    expect(job.errors[3].reason).toMatch(/row 1 has the same/);
    expect(await csvFlows(chlor, '2025-02')).toEqual([]);
  });

  it('refuses hostile files cleanly: a wrong header, binary, a huge field, no body', async () => {
    const wrong = await upload(chlor, 'period,from,to,material,quantity,unit,sd,basis,comment\n');
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toMatch(/problem\+json/);
    expect(wrong.body.detail).toMatch(/extra "comment"/);
    const binary = await upload(chlor, Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x02, 0x0a, 0x00]));
    expect(binary.status).toBe(400);
    const huge = await upload(chlor, `${HEADER}\n2025-03,chloralkali,pvc,${'X'.repeat(100_000)},1,t,,\n`);
    expect(huge.status).toBe(400);
    expect(huge.body.detail).toMatch(/longer than/);
    expect((await upload(chlor, '')).status).toBe(400);
    expect((await chlor.raw('POST', '/api/v1/flows/imports', 'a,b', { 'content-type': 'application/x-unknown' })).status).toBe(415);
    const viewer = client(server.url, await login(server.url, 'chloralkali.viewer', 'symbiont-demo'));
    expect((await upload(viewer, `${HEADER}\n`)).status).toBe(403);
  });

  it('links a tag to a flow and totals it from stored readings, reporting a gap without filling it', async () => {
    const tags = (await chlor.get('/api/v1/tags?q=naoh_flow&limit=10')).body.items as { id: number; key: string; deviceId: number; enterpriseId: number }[];
    const tag = tags.find((t) => t.key === 'naoh_flow')!;
    const link = { tagId: tag.id, from: 'chloralkali', to: 'customer', material: 'CAUSTIC_SODA', method: 'integral', unit: 't', accuracyPercent: 0.5 };
    // Another enterprise's tag is an unknown tag, exactly like one that does not exist.
    const foreign = await pvc.post('/api/v1/flow-meter-links', { ...link, to: 'pvc', from: 'customer' });
    const missing = await pvc.post('/api/v1/flow-meter-links', { ...link, tagId: 999_999, to: 'pvc', from: 'customer' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual(missing.body.errors.map((e: { path: string; message: string }) => ({ ...e, message: e.message.replace('999999', String(tag.id)) })));
    const created = await chlor.post('/api/v1/flow-meter-links', link);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...link, enterpriseId: tag.enterpriseId });
    expect((await chlor.post('/api/v1/flow-meter-links', link)).status).toBe(409);
    expect((await pvc.get(`/api/v1/flow-meter-links/${created.body.id}`)).status).toBe(404);

    // A day 20 days back: 10 t/h every minute, but nothing from 06:00 to 09:00.
    const day = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const period = parsePeriod(day, (await server.services.registry.getPark()).timezone)!;
    const points = [];
    for (let ts = period.start; ts < period.end; ts += 60_000) {
      const hour = (ts - period.start) / 3_600_000;
      if (hour < 6 || hour >= 9) points.push({ tagId: tag.id, ts, value: 10 });
    }
    const stored = await server.services.telemetry.store({ id: tag.deviceId, enterpriseId: tag.enterpriseId }, points, 'test');
    expect(stored.ok).toBe(true);
    await until(async () => (await server.services.telemetry.pointsBetween([tag.id], period.start, period.end)).length, (n) => n === points.length, 'readings stored');

    const run = await chlor.post('/api/v1/flows/sources/telemetry', { period: day });
    expect(run.status).toBe(200);
    expect(run.body.rejected).toEqual([]);
    expect(run.body.written).toBe(1);
    expect(run.body.gaps).toEqual([{ tagId: tag.id, tagKey: 'naoh_flow', deviceCode: expect.any(String), from: period.start + 6 * 3_600_000 - 60_000, to: period.start + 9 * 3_600_000, reason: 'no readings' }]);
    const listed = async () => (await chlor.get(`/api/v1/flows?period=${day}&source=telemetry`)).body.items;
    const [flow] = await listed();
    expect(flow).toMatchObject({ sourceKey: `tag:${tag.id}:day:${day}`, basis: 'estimated', fromCode: 'chloralkali', toCode: 'customer', unit: 't' });
    expect(flow.quantity).toBeCloseTo(10 * (21 - 1 / 60), 6);
    expect(flow.sd).toBeGreaterThan(flow.quantity * 0.1);
    // A re-run replaces its own row.
    expect((await chlor.post('/api/v1/flows/sources/telemetry', { period: day })).body.written).toBe(1);
    expect(await listed()).toHaveLength(1);
    expect((await chlor.post('/api/v1/flows/sources/telemetry', { period: '2025-13' })).status).toBe(400);
  });

  it('writes EPCIS shipments between enterprises once the lot names its material, or says why each is skipped', async () => {
    const first = await chlor.post('/api/v1/flows/sources/epcis', { period: '2026' });
    expect(first.status).toBe(200);
    expect(first.body.rejected).toEqual([]);
    const skipped = first.body.skipped as { eventId: string; reason: string }[];
    expect(skipped.some((s) => /transformation has no bizLocation/.test(s.reason))).toBe(true);
    // The receiving side of a shipment the shipping side already carries is not counted again.
    expect(skipped.some((s) => /counted from the shipping event/.test(s.reason))).toBe(true);
    const unknownLot = skipped.map((s) => /no identifier you may see is minted for lot (\S+)/.exec(s.reason)?.[1]).find(Boolean);
    expect(unknownLot).toBeDefined();

    // Chloralkali mints the lot as chlorine: the shipment now becomes a flow between the two enterprises.
    const link = toCanonicalDigitalLink(unknownLot!)!;
    const [, gtin, lot] = /\/01\/(\d{14})\/10\/([^/]+)$/.exec(link)!;
    const chlorine = ((await chlor.get('/api/v1/materials?q=CHLORINE&limit=50')).body.items as { id: number; code: string }[]).find((m) => m.code === 'CHLORINE')!;
    const admin = client(server.url, await login(server.url, 'chloralkali.admin', 'symbiont-demo'));
    const minted = await admin.post('/api/v1/identifiers', { kind: 'lot', gtin, lot, materialId: chlorine.id });
    expect(minted.status, JSON.stringify(minted.body)).toBe(201);

    const second = await chlor.post('/api/v1/flows/sources/epcis', { period: '2026' });
    expect(second.body.rejected).toEqual([]);
    expect(second.body.written).toBeGreaterThan(0);
    const listed = async () => (await chlor.get('/api/v1/flows?source=epcis&limit=1000&period=2026')).body.items as { sourceKey: string; materialCode: string; fromCode: string; toCode: string; unit: string }[];
    const flows = await listed();
    expect(flows.length).toBe(second.body.written);
    for (const f of flows) expect(f).toMatchObject({ materialCode: 'CHLORINE', fromCode: 'chloralkali', unit: 't', sourceKey: expect.stringMatching(/^event:/) });
    // A re-run writes over its own rows.
    expect((await chlor.post('/api/v1/flows/sources/epcis', { period: '2026' })).body.written).toBe(second.body.written);
    expect(await listed()).toHaveLength(flows.length);
  });
});

describe('symbiont import flows', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-flows-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const symbiont = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'symbiont.js'), ...args, '--data-dir', dataDir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SYMBIONT_ADMIN_PASSWORD: 'cli-admin-password', SYMBIONT_LOG_LEVEL: 'silent' },
      timeout: 90_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('imports a file, and on a bad one exits 1 printing every rejected row', () => {
    expect(symbiont('demo').code).toBe(0);
    const good = path.join(dataDir, 'good.csv');
    fs.writeFileSync(good, `${HEADER}\n2025-04,chloralkali,pvc,CHLORINE,80,t,,measured\n`);
    const ok = symbiont('import', 'flows', good, '--as', 'chloralkali.operator');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.err).toMatch(/1 flows imported/);
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, `${HEADER}\n2025-04,chloralkali,pvc,CHLORINE,x,t,,measured\n2025-04,chloralkali,pvc,NO_SUCH,1,t,,measured\n`);
    const failed = symbiont('import', 'flows', bad);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/row 1: quantity "x" is not a number/);
    expect(failed.err).toMatch(/row 2: .*NO_SUCH/);
    expect(failed.err).toMatch(/nothing was imported/);
    expect(symbiont('import', 'flows', path.join(dataDir, 'missing.csv')).code).toBe(2);
  }, 240_000);
});
