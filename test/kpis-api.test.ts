/**
 * The KPI API over HTTP, on each dialect: the exact shape of `GET /api/v1/kpis`, a KPI whose
 * inputs are missing naming them (no value added → no energy intensity), stated figures and
 * targets giving values and statuses, the trend and the drill-down, the park's settings, the CSV
 * import of inputs (all or nothing), who may see and write what (an enterprise neither reads
 * another's KPIs or the park's, nor writes another's inputs or targets), and hostile parameters
 * answered with problem+json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/roles.ts';
import { KPI_KEYS } from '../src/modules/kpi/model.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { testDialects } from './helpers/db.ts';

const dialects = await testDialects();
type Client = ReturnType<typeof client>;

const ITEM_KEYS = ['key', 'value', 'unit', 'inputs', 'missing', 'previous', 'previousPeriod', 'lastYear', 'lastYearPeriod', 'target', 'targetKind', 'targetYear', 'baseYear', 'baseValue', 'trajectory', 'status'].sort();
const CSV_HEADER = 'enterprise,unit,period,value_added_10k_cny,production_t,main_product';

describe.each(dialects)('the KPI API on %s', (dialect) => {
  let server: TestServer;
  let park: Client;
  let regulator: Client;
  let chlorOperator: Client;
  let chlorAdmin: Client;
  let chlorViewer: Client;
  let pvcAdmin: Client;
  const ent: Record<string, number> = {};
  const unitCode: Record<string, string> = {};
  const kpis = (c: Client, query: string) => c.get(`/api/v1/kpis?${query}`);
  const item = (body: { items: { key: string }[] }, key: string) => body.items.find((i) => i.key === key) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    // Its own small park, so that no other flows stand in the figures.
    server = await startTestServer({ demo: false, dialect });
    park = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const password = 'kpis-test-password';
    const user = async (username: string, role: Role, enterpriseId: number | null) => {
      const r = await park.post('/api/v1/users', { username, displayName: username, role, password, ...(enterpriseId === null ? {} : { enterpriseId }) });
      if (r.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(r.body)}`);
      return client(server.url, await login(server.url, username, password));
    };
    for (const code of ['chloralkali', 'pvc']) {
      ent[code] = (await park.post('/api/v1/enterprises', { code, name: `${code} 公司`, nameEn: `${code} Co.`, industry: 'other' })).body.id;
      const site = (await park.post('/api/v1/sites', { enterpriseId: ent[code], code: `${code}-site`, name: code })).body.id;
      unitCode[code] = (await park.post('/api/v1/units', { siteId: site, code: `${code}-main`, name: `${code} main unit`, kind: 'utility' })).body.code;
    }
    regulator = await user('regulator', 'park_viewer', null);
    chlorOperator = await user('chloralkali.operator', 'enterprise_operator', ent.chloralkali);
    chlorAdmin = await user('chloralkali.admin', 'enterprise_admin', ent.chloralkali);
    chlorViewer = await user('chloralkali.viewer', 'enterprise_viewer', ent.chloralkali);
    pvcAdmin = await user('pvc.admin', 'enterprise_admin', ent.pvc);
    const unit = unitCode.chloralkali;
    const flows = [
      { period: '2026-03', from: 'supplier', to: unit, material: 'RAW_COAL', quantity: 100, unit: 't', basis: 'measured' },
      { period: '2026-03', from: 'supplier', to: unit, material: 'ELECTRICITY', quantity: 1000, unit: 'MWh', basis: 'measured' },
      { period: '2026-03', from: unit, to: 'pvc', material: 'FLY_ASH', quantity: 30, unit: 't', basis: 'measured' },
      { period: '2026-03', from: unit, to: 'landfill', material: 'FLY_ASH', quantity: 10, unit: 't', basis: 'measured' },
      { period: '2026-02', from: 'supplier', to: unit, material: 'RAW_COAL', quantity: 120, unit: 't', basis: 'measured' },
    ];
    for (const f of flows) {
      const r = await chlorOperator.post('/api/v1/flows', f);
      if (r.status !== 201) throw new Error(`flow: ${JSON.stringify(r.body)}`);
    }
  }, 120_000);
  afterAll(() => server?.close());

  it('answers a scope and period with exactly the contract’s fields, every indicator once, in order', async () => {
    const r = await kpis(chlorAdmin, 'period=2026-03&scope=enterprise&code=chloralkali');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['code', 'items', 'name', 'nameEn', 'period', 'scope']);
    expect(r.body).toMatchObject({ period: '2026-03', scope: 'enterprise', code: 'chloralkali', name: 'chloralkali 公司', nameEn: 'chloralkali Co.' });
    expect(r.body.items.map((i: { key: string }) => i.key)).toEqual([...KPI_KEYS]);
    for (const i of r.body.items) {
      expect(Object.keys(i).sort()).toEqual(ITEM_KEYS);
      expect(i.value === null || typeof i.value === 'number').toBe(true);
      expect(i.previous === null || typeof i.previous === 'number').toBe(true);
      expect(i.target).toBeNull();
      expect(i.previousPeriod).toBe('2026-02');
      expect(i.lastYearPeriod).toBe('2025-03');
      if (i.value === null) expect(i.missing.length, i.key).toBeGreaterThan(0);
      else expect(i.missing).toEqual([]);
    }
    // Coal 100 t × 714.3 kgce/t + 1000 MWh × 0.1229 kgce/kWh (equivalent value) = 71.43 + 122.9 tce.
    const energy = item(r.body, 'energy_tce');
    expect(energy.value).toBeCloseTo(194.33, 6);
    expect(energy.unit).toBe('tce');
    expect(energy.previous).toBeCloseTo(85.716, 6);
    expect(energy.lastYear).toBeNull();
    expect(energy.status).toBe('no_target');
    // 30 t of fly ash to pvc utilized, 10 t landfilled.
    expect(item(r.body, 'solid_waste_utilization_rate').value).toBeCloseTo(75, 6);
  });

  it('names the missing input rather than showing zero: no value added, no energy intensity', async () => {
    const r = await kpis(chlorAdmin, 'period=2026-03&scope=enterprise&code=chloralkali');
    const intensity = item(r.body, 'energy_intensity_tce_per_10k_cny');
    expect(intensity.value).toBeNull();
    expect(intensity.status).toBe('no_value');
    expect(intensity.missing.join(' ')).toMatch(/value_?added|valueAdded/i);
  });

  it('computes intensities from stated value added, and judges them against the enterprise’s targets', async () => {
    const created = await chlorOperator.post('/api/v1/kpi-inputs', { period: '2026-03', valueAdded10kCny: 1000 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ enterpriseId: ent.chloralkali, nodeId: null, nodeCode: null, period: '2026-03', valueAdded10kCny: 1000, productionT: null });
    const unitInput = await chlorOperator.post('/api/v1/kpi-inputs', { period: '2026-03', nodeCode: unitCode.chloralkali, valueAdded10kCny: 800, productionT: 50, mainProduct: 'CAUSTIC_SODA' });
    expect(unitInput.status, JSON.stringify(unitInput.body)).toBe(201);
    expect(unitInput.body.nodeCode).toBe(unitCode.chloralkali);
    expect((await chlorOperator.post('/api/v1/kpi-inputs', { period: '2026-03', valueAdded10kCny: 1 })).status).toBe(409);

    const absolute = await chlorAdmin.post('/api/v1/kpi-targets', { key: 'energy_intensity_tce_per_10k_cny', kind: 'absolute', value: 0.3, baseYear: 2025, baseValue: 0.4, targetYear: 2027 });
    expect(absolute.status, JSON.stringify(absolute.body)).toBe(201);
    const reduction = await chlorAdmin.post('/api/v1/kpi-targets', { key: 'energy_tce', kind: 'reduction', percent: 10, baseYear: 2025, baseValue: 150, targetYear: 2030 });
    expect(reduction.status, JSON.stringify(reduction.body)).toBe(201);

    const r = await kpis(chlorViewer, 'period=2026-03&scope=enterprise&code=chloralkali');
    const intensity = item(r.body, 'energy_intensity_tce_per_10k_cny');
    expect(intensity.value).toBeCloseTo(0.19433, 9);
    expect(intensity.missing).toEqual([]);
    expect(intensity).toMatchObject({ target: 0.3, targetKind: 'absolute', baseYear: 2025, baseValue: 0.4, targetYear: 2027, status: 'met' });
    expect(intensity.previous).toBeNull();
    const energy = item(r.body, 'energy_tce');
    expect(energy).toMatchObject({ targetKind: 'reduction', baseValue: 150, status: 'off_track' });
    expect(energy.target).toBeCloseTo(135, 9);
    expect(energy.trajectory).toBeGreaterThan(135);
    expect(energy.trajectory).toBeLessThan(150);

    // The unit has its own figures.
    const u = await kpis(chlorViewer, `period=2026-03&scope=unit&code=${unitCode.chloralkali}`);
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body).toMatchObject({ scope: 'unit', code: unitCode.chloralkali });
    expect(item(u.body, 'energy_intensity_tce_per_10k_cny').value).toBeCloseTo(194.33 / 800, 9);
    expect(item(u.body, 'energy_tce_per_t_product').value).toBeCloseTo(194.33 / 50, 9);
  });

  it('sums months for a quarter only when every month is stated', async () => {
    const q = await kpis(chlorAdmin, 'period=2026-Q1&scope=enterprise&code=chloralkali');
    expect(q.status).toBe(200);
    expect(item(q.body, 'energy_tce').value).toBeCloseTo(194.33 + 85.716, 6);
    expect(item(q.body, 'energy_intensity_tce_per_10k_cny').value).toBeNull();
    expect(q.body.items[0].previousPeriod).toBe('2025-Q4');
  });

  it('draws the trend over months, and drills down to the flows behind a number', async () => {
    const t = await chlorAdmin.get('/api/v1/kpis/trend?scope=enterprise&code=chloralkali&from=2026-01&to=2026-03');
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(t.body.periods).toEqual(['2026-01', '2026-02', '2026-03']);
    const energy = t.body.items.find((i: { key: string }) => i.key === 'energy_tce');
    // No energy flows in January: unknown, not 0.
    expect(energy.values[0]).toBeNull();
    expect(energy.values[1]).toBeCloseTo(85.716, 6);
    expect(energy.values[2]).toBeCloseTo(194.33, 6);
    expect(energy.target).toBeCloseTo(135, 9);
    expect(energy.trajectory).toHaveLength(3);

    const d = await chlorAdmin.get('/api/v1/kpis/flows?period=2026-03&scope=enterprise&code=chloralkali&key=energy_tce');
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body.unit).toBe('tce');
    const coal = d.body.items.find((i: { material: string }) => i.material === 'RAW_COAL');
    expect(coal).toMatchObject({ term: 'inflowTce', period: '2026-03', from: 'supplier', to: unitCode.chloralkali, quantity: 100, unit: 't' });
    expect(coal.amount).toBeCloseTo(71.43, 9);
    expect(d.body.items.reduce((s: number, i: { amount: number }) => s + i.amount, 0)).toBeCloseTo(194.33, 6);
  });

  it('keeps an enterprise to its own KPIs: another enterprise or the park 403, another’s unit 404', async () => {
    expect((await kpis(pvcAdmin, 'period=2026-03&scope=enterprise&code=chloralkali')).status).toBe(403);
    expect((await kpis(pvcAdmin, 'period=2026-03&scope=park')).status).toBe(403);
    const unit = await kpis(pvcAdmin, `period=2026-03&scope=unit&code=${unitCode.chloralkali}`);
    expect(unit.status).toBe(404);
    expect(unit.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await pvcAdmin.get(`/api/v1/kpis/flows?period=2026-03&scope=enterprise&code=chloralkali&key=energy_tce`)).status).toBe(403);
    expect((await pvcAdmin.get('/api/v1/kpis/trend?scope=park&from=2026-01&to=2026-03')).status).toBe(403);
    expect((await kpis(pvcAdmin, 'period=2026-03&scope=enterprise&code=nobody')).status).toBe(404);
    const own = await kpis(pvcAdmin, 'period=2026-03&scope=enterprise&code=pvc');
    expect(own.status).toBe(200);
    // pvc sees the fly ash it received (a flow with an end at its node), not chloralkali's coal.
    expect(item(own.body, 'energy_tce')).toMatchObject({ value: null, missing: ['energy flows'] });
    expect(item(own.body, 'solid_waste_utilization_rate').inputs.received).toBe(30);
  });

  it('computes the park from the flows the park sees, and names the enterprises whose value added is missing', async () => {
    const before = await kpis(regulator, 'period=2026-03&scope=park');
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.scope).toBe('park');
    // chloralkali's flows are its own until it shares them with the park.
    expect(item(before.body, 'energy_tce')).toMatchObject({ value: null, missing: ['energy flows'] });
    expect((await chlorAdmin.post('/api/v1/flow-shares', { granteeId: null, scope: 'all' })).status).toBe(201);
    const after = await kpis(regulator, 'period=2026-03&scope=park');
    expect(item(after.body, 'energy_tce').value).toBeCloseTo(194.33, 6);
    const intensity = item(after.body, 'energy_intensity_tce_per_10k_cny');
    expect(intensity.value).toBeNull();
    expect(JSON.stringify(intensity)).toContain('pvc');
    // The park computes an enterprise's scope too, from what it sees.
    expect((await kpis(regulator, 'period=2026-03&scope=enterprise&code=chloralkali')).status).toBe(200);
  });

  it('refuses to write another enterprise’s inputs and targets, and read-only roles write none', async () => {
    const mine = (await chlorAdmin.get('/api/v1/kpi-inputs')).body.items[0];
    expect((await pvcAdmin.post('/api/v1/kpi-inputs', { enterpriseId: ent.chloralkali, period: '2026-04', valueAdded10kCny: 1 })).status).toBe(400);
    expect((await pvcAdmin.post('/api/v1/kpi-inputs', { period: '2026-04', nodeCode: unitCode.chloralkali, valueAdded10kCny: 1 })).status).toBe(400);
    expect((await pvcAdmin.patch(`/api/v1/kpi-inputs/${mine.id}`, { valueAdded10kCny: 1 })).status).toBe(404);
    expect((await pvcAdmin.delete(`/api/v1/kpi-inputs/${mine.id}`)).status).toBe(404);
    expect((await pvcAdmin.get(`/api/v1/kpi-inputs/${mine.id}`)).status).toBe(404);
    expect((await pvcAdmin.get('/api/v1/kpi-inputs')).body.items).toEqual([]);
    expect((await chlorViewer.post('/api/v1/kpi-inputs', { period: '2026-04', valueAdded10kCny: 1 })).status).toBe(403);
    expect((await regulator.patch(`/api/v1/kpi-inputs/${mine.id}`, { valueAdded10kCny: 1 })).status).toBe(403);

    const target = (await chlorAdmin.get('/api/v1/kpi-targets')).body.items[0];
    expect((await pvcAdmin.post('/api/v1/kpi-targets', { enterpriseId: ent.chloralkali, key: 'co2_scope1_t', kind: 'absolute', value: 1, baseYear: 2025, targetYear: 2030 })).status).toBe(400);
    expect((await pvcAdmin.patch(`/api/v1/kpi-targets/${target.id}`, { value: 99 })).status).toBe(404);
    expect((await chlorOperator.post('/api/v1/kpi-targets', { key: 'co2_scope1_t', kind: 'absolute', value: 1, baseYear: 2025, targetYear: 2030 })).status).toBe(403);
    // The park's own targets are the park administrator's.
    expect((await chlorAdmin.post('/api/v1/kpi-targets', { enterpriseId: null, key: 'co2_scope1_t', kind: 'absolute', value: 1, baseYear: 2025, targetYear: 2030 })).status).toBe(403);
    expect((await chlorAdmin.get(`/api/v1/kpi-inputs/${mine.id}`)).body).toEqual(mine);
  });

  it('checks targets: an absolute one needs a value, a reduction a percent in (0, 100), the target year after the base year', async () => {
    const bad = [
      { key: 'co2_scope1_t', kind: 'absolute', baseYear: 2025, targetYear: 2030 },
      { key: 'co2_scope1_t', kind: 'reduction', percent: 100, baseYear: 2025, targetYear: 2030 },
      { key: 'co2_scope1_t', kind: 'reduction', percent: 0, baseYear: 2025, targetYear: 2030 },
      { key: 'co2_scope1_t', kind: 'absolute', value: 1, baseYear: 2030, targetYear: 2030 },
      { key: 'no_such_kpi', kind: 'absolute', value: 1, baseYear: 2025, targetYear: 2030 },
    ];
    for (const body of bad) {
      const r = await chlorAdmin.post('/api/v1/kpi-targets', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.errors.length).toBeGreaterThan(0);
    }
    // No base value stated: the base year's value comes from the ledger, and 2025 has no energy flows.
    const parkTarget = await park.post('/api/v1/kpi-targets', { key: 'energy_tce', kind: 'reduction', percent: 15, baseYear: 2025, targetYear: 2030 });
    expect(parkTarget.status, JSON.stringify(parkTarget.body)).toBe(201);
    expect(parkTarget.body.enterpriseId).toBeNull();
    const p = await kpis(park, 'period=2026-03&scope=park');
    // A reduction from an unknown base cannot be judged; the value is there all the same.
    expect(item(p.body, 'energy_tce')).toMatchObject({ targetKind: 'reduction', baseYear: 2025, baseValue: null, target: null, trajectory: null, status: 'no_target' });
    expect(item(p.body, 'energy_tce').value).toBeCloseTo(194.33, 6);
    // With the base year's flows recorded, the base value is the ledger's.
    expect((await park.post('/api/v1/flows', { period: '2025-06', from: 'supplier', to: unitCode.pvc, material: 'RAW_COAL', quantity: 200, unit: 't', basis: 'measured' })).status).toBe(201);
    const based = item((await kpis(park, 'period=2026-03&scope=park')).body, 'energy_tce');
    expect(based.baseValue).toBeCloseTo(142.86, 6);
    expect(based.target).toBeCloseTo(142.86 * 0.85, 6);
    expect(based.status).toBe('off_track');
  });

  it('imports inputs from CSV all or nothing, every bad row named, and upserts by enterprise, unit and period', async () => {
    const count = async () => (await chlorAdmin.get('/api/v1/kpi-inputs?limit=1000')).body.total as number;
    const before = await count();
    const bad = [CSV_HEADER, 'chloralkali,,2026-01,900,,', 'chloralkali,,2026-13,900,,', `pvc,,2026-01,5,,`, `chloralkali,${unitCode.pvc},2026-01,5,,`, 'chloralkali,,2026-02,-3,,'].join('\n');
    const r = await chlorAdmin.raw('POST', '/api/v1/kpi-inputs/import', bad, { 'content-type': 'text/csv' });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['/rows/1', '/rows/2', '/rows/3', '/rows/4']);
    expect(await count()).toBe(before);

    const good = [CSV_HEADER, 'chloralkali,,2026-01,900,40,CAUSTIC_SODA', 'chloralkali,,2026-02,950,,', `chloralkali,${unitCode.chloralkali},2026-02,700,,`, 'chloralkali,,2026-03,1100,,'].join('\r\n');
    const ok = await chlorAdmin.raw('POST', '/api/v1/kpi-inputs/import', good, { 'content-type': 'text/csv' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ imported: 4, created: 3, updated: 1 });
    expect(await count()).toBe(before + 3);
    const q1 = await kpis(chlorAdmin, 'period=2026-Q1&scope=enterprise&code=chloralkali');
    expect(item(q1.body, 'energy_intensity_tce_per_10k_cny').value).toBeCloseTo((194.33 + 85.716) / (900 + 950 + 1100), 9);
    expect((await chlorViewer.raw('POST', '/api/v1/kpi-inputs/import', good, { 'content-type': 'text/csv' })).status).toBe(403);
    const header = await chlorAdmin.raw('POST', '/api/v1/kpi-inputs/import', 'enterprise,period\nchloralkali,2026-01', { 'content-type': 'text/csv' });
    expect(header.status).toBe(400);
  });

  it('keeps the park’s settings: everyone reads them, the park administrator writes them, unknown codes and bad fractions refused', async () => {
    const current = await chlorViewer.get('/api/v1/kpi-settings');
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ settings: { electricityBasis: 'equivalent', gridFactorTCO2PerMWh: 0.5366 }, updatedBy: null, updatedAt: null });
    const settings = { ...current.body.settings, avoidedFactors: { FLY_ASH: 0.8 } };
    expect((await chlorAdmin.raw('PUT', '/api/v1/kpi-settings', settings)).status).toBe(403);
    expect((await regulator.raw('PUT', '/api/v1/kpi-settings', settings)).status).toBe(403);
    const unknown = await park.raw('PUT', '/api/v1/kpi-settings', { ...settings, avoidedFactors: { NO_SUCH_MATERIAL: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: '/body/avoidedFactors/NO_SUCH_MATERIAL', message: 'unknown material NO_SUCH_MATERIAL' }]);
    const fraction = await park.raw('PUT', '/api/v1/kpi-settings', { ...settings, oxidationFactors: { RAW_COAL: 1.5 } });
    expect(fraction.status).toBe(400);
    expect((await park.raw('PUT', '/api/v1/kpi-settings', { ...settings, electricityBasis: 'equal_value', electricityEqualValueKgcePerKWh: null })).status).toBe(400);
    const saved = await park.raw('PUT', '/api/v1/kpi-settings', { ...settings, electricityBasis: 'equal_value', electricityEqualValueKgcePerKWh: 0.3 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await chlorViewer.get('/api/v1/kpi-settings')).body).toMatchObject({ settings: { electricityBasis: 'equal_value', electricityEqualValueKgcePerKWh: 0.3, avoidedFactors: { FLY_ASH: 0.8 } }, updatedBy: 'admin' });
    // The basis applies at once: 1000 MWh at 0.3 kgce/kWh.
    const r = await kpis(chlorAdmin, 'period=2026-03&scope=enterprise&code=chloralkali');
    expect(item(r.body, 'energy_tce').value).toBeCloseTo(71.43 + 300, 6);
    expect(item(r.body, 'co2_avoided_by_exchanges_t').value).toBeCloseTo(24, 9);
    const audit = (await park.get('/api/v1/audit?entity=kpi_settings')).body.items;
    expect(audit.length).toBeGreaterThan(0);
  });

  it('answers hostile parameters with 400 problem+json', async () => {
    const long = 'x'.repeat(10_000);
    const urls = [
      '/api/v1/kpis?period=2026-13&scope=park',
      '/api/v1/kpis?period=2026-Q5&scope=park',
      '/api/v1/kpis?period=1066&scope=park',
      '/api/v1/kpis?period=2026-03&scope=x',
      '/api/v1/kpis?period=2026-03&scope=enterprise',
      `/api/v1/kpis?period=2026-03&scope=enterprise&code=${long}`,
      '/api/v1/kpis?period=2026-03&scope=park&extra=1',
      '/api/v1/kpis/trend?scope=park&from=1900-01&to=2200-12',
      '/api/v1/kpis/trend?scope=park&from=1700&to=2200',
      '/api/v1/kpis/trend?scope=park&from=2026-01&to=2026-Q2',
      '/api/v1/kpis/trend?scope=park&from=2026-03&to=2026-01',
      '/api/v1/kpis/flows?period=2026-03&scope=park&key=nope',
    ];
    for (const url of urls) {
      const r = await park.get(url);
      expect(r.status, url).toBe(400);
      expect(r.headers.get('content-type'), url).toMatch(/application\/problem\+json/);
      expect(r.body.type, url).toMatch(/validation$/);
    }
  });
});
