/**
 * The tenancy matrix: every role against another enterprise's records, on every route. An
 * enterprise role must neither read, list, change, delete nor create under another enterprise's
 * records; a park viewer reads the park-level view and writes nothing. A new route fails the
 * coverage check below until it is added to the matrix (or listed as not tenant-owned, with why).
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

type Client = ReturnType<typeof client>;

interface Collection {
  path: string;
  /** A record of the other enterprise (pvc). */
  other: () => Promise<number>;
  /** A create request aimed at the other enterprise. */
  createInOther: () => Promise<Record<string, unknown>>;
  patch: Record<string, unknown>;
  deletable: boolean;
}

let server: TestServer;
let admin: Client;
const ids: Record<string, number> = {};
const first = async (c: Client, url: string) => (await c.get(url)).body.items[0].id as number;

const collections: Collection[] = [
  { path: 'enterprises', other: async () => ids.pvc, createInOther: async () => ({ code: 'intruder', name: 'x', industry: 'other' }), patch: { name: 'hijacked' }, deletable: true },
  { path: 'sites', other: async () => first(admin, `/api/v1/sites?enterpriseId=${ids.pvc}`), createInOther: async () => ({ enterpriseId: ids.pvc, code: 'intruder', name: 'x' }), patch: { name: 'hijacked' }, deletable: true },
  {
    path: 'units',
    other: async () => first(admin, `/api/v1/units?enterpriseId=${ids.pvc}`),
    createInOther: async () => ({ siteId: await first(admin, `/api/v1/sites?enterpriseId=${ids.pvc}`), code: 'intruder', name: 'x', kind: 'utility' }),
    patch: { name: 'hijacked' },
    deletable: true,
  },
  {
    path: 'devices',
    other: async () => first(admin, `/api/v1/devices?enterpriseId=${ids.pvc}`),
    createInOther: async () => ({ siteId: await first(admin, `/api/v1/sites?enterpriseId=${ids.pvc}`), code: 'intruder', name: 'x', kind: 'other', protocol: 'mqtt' }),
    patch: { name: 'hijacked', enabled: false },
    deletable: true,
  },
  {
    path: 'tags',
    other: async () => first(admin, `/api/v1/tags?enterpriseId=${ids.pvc}`),
    createInOther: async () => ({ deviceId: await first(admin, `/api/v1/devices?enterpriseId=${ids.pvc}`), key: 'intruder', name: 'x', kind: 'other', unit: 'kg' }),
    patch: { highLimit: 1e9 },
    deletable: true,
  },
  { path: 'materials', other: async () => ids.pvcMaterial, createInOther: async () => ({ enterpriseId: ids.pvc, code: 'INTRUDER', name: 'x', category: 'waste', hazardous: false, unit: 't' }), patch: { name: 'hijacked' }, deletable: true },
  {
    path: 'trace-shares',
    other: async () => first(admin, `/api/v1/trace-shares?enterpriseId=${ids.pvc}`),
    // Sharing another enterprise's events in its name would be the way to read them.
    createInOther: async () => ({ enterpriseId: ids.pvc, granteeId: ids.chloralkali, scope: 'all' }),
    patch: { scope: 'shipments' },
    deletable: true,
  },
  {
    path: 'alarm-rules',
    other: async () => (await admin.post('/api/v1/alarm-rules', { tagId: await first(admin, `/api/v1/tags?enterpriseId=${ids.pvc}`), kind: 'threshold', high: 1 })).body.id,
    // A rule in another enterprise's name, or on its tag, would be a way to raise alarms there.
    createInOther: async () => ({ enterpriseId: ids.pvc, tagId: await first(admin, `/api/v1/tags?enterpriseId=${ids.pvc}`), kind: 'threshold', high: 1 }),
    patch: { enabled: false },
    deletable: true,
  },
  {
    path: 'alarm-shares',
    other: async () => (await admin.post('/api/v1/alarm-shares', { enterpriseId: ids.pvc, granteeId: null, scope: 'all' })).body.id,
    createInOther: async () => ({ enterpriseId: ids.pvc, granteeId: ids.chloralkali, scope: 'all' }),
    patch: { scope: 'none' },
    deletable: true,
  },
  {
    path: 'flow-shares',
    // The rule in pvc's name exists once (one per owner, grantee and kind); every actor tries it.
    other: async () =>
      (await admin.get(`/api/v1/flow-shares?enterpriseId=${ids.pvc}`)).body.items[0]?.id ?? (await admin.post('/api/v1/flow-shares', { enterpriseId: ids.pvc, granteeId: null, scope: 'exchanges' })).body.id,
    // Sharing another enterprise's flows in its name would be the way to read them.
    createInOther: async () => ({ enterpriseId: ids.pvc, granteeId: ids.chloralkali, scope: 'all' }),
    patch: { scope: 'all' },
    deletable: true,
  },
  {
    path: 'flow-meter-links',
    // pvc's chlorine feed meter as a flow of its EDC plant; one link per tag, so every actor tries the same one.
    other: async () => {
      const existing = (await admin.get(`/api/v1/flow-meter-links?enterpriseId=${ids.pvc}`)).body.items?.[0]?.id;
      if (existing) return existing;
      const tag = (await admin.get(`/api/v1/tags?enterpriseId=${ids.pvc}&q=cl2_flow`)).body.items[0].id;
      const made = await admin.post('/api/v1/flow-meter-links', { tagId: tag, from: 'chloralkali', to: 'pvc-edc', material: 'CHLORINE', method: 'integral', unit: 't', accuracyPercent: 0.5 });
      if (made.status !== 201) throw new Error(`could not link pvc's meter: ${JSON.stringify(made.body)}`);
      return made.body.id;
    },
    // Linking another enterprise's meter would total its readings into a flow.
    createInOther: async () => ({ tagId: (await admin.get(`/api/v1/tags?enterpriseId=${ids.pvc}&q=edc_flow`)).body.items[0].id, from: 'pvc-edc', to: 'customer', material: 'EDC', method: 'integral', unit: 't', accuracyPercent: 0.5 }),
    patch: { accuracyPercent: 5 },
    deletable: true,
  },
  {
    path: 'kpi-inputs',
    // pvc's value added for a month no demo figure uses; one row per enterprise and period, so every actor tries the same one.
    other: async () =>
      (await admin.get(`/api/v1/kpi-inputs?enterpriseId=${ids.pvc}&period=1999-01`)).body.items[0]?.id ?? (await admin.post('/api/v1/kpi-inputs', { enterpriseId: ids.pvc, period: '1999-01', valueAdded10kCny: 1 })).body.id,
    // Stating another enterprise's figures would change its intensities.
    createInOther: async () => ({ enterpriseId: ids.pvc, period: '1999-02', valueAdded10kCny: 1e9 }),
    patch: { valueAdded10kCny: 1e9 },
    deletable: true,
  },
  {
    path: 'kpi-targets',
    other: async () => {
      const existing = (await admin.get(`/api/v1/kpi-targets?enterpriseId=${ids.pvc}&key=co2_scope2_t`)).body.items[0]?.id;
      if (existing) return existing;
      return (await admin.post('/api/v1/kpi-targets', { enterpriseId: ids.pvc, key: 'co2_scope2_t', kind: 'absolute', value: 1000, baseYear: 2020, targetYear: 2030 })).body.id;
    },
    createInOther: async () => ({ enterpriseId: ids.pvc, key: 'water_reuse_rate', kind: 'absolute', value: 0, baseYear: 2020, targetYear: 2030 }),
    patch: { value: 1e9 },
    deletable: true,
  },
  {
    path: 'kpi-report-schedules',
    // pvc's monthly report of itself; an enterprise's schedules are its own.
    other: async () =>
      (await admin.get(`/api/v1/kpi-report-schedules?enterpriseId=${ids.pvc}`)).body.items[0]?.id ??
      (await admin.post('/api/v1/kpi-report-schedules', { enterpriseId: ids.pvc, scope: 'enterprise', code: 'pvc', grain: 'month' })).body.id,
    createInOther: async () => ({ enterpriseId: ids.pvc, scope: 'enterprise', code: 'pvc', grain: 'month' }),
    patch: { enabled: false },
    deletable: true,
  },
  {
    path: 'exchange-listings',
    // A draft offer of pvc's (drafts are its own alone, even to the market); one is enough for every actor.
    other: async () =>
      (await admin.get(`/api/v1/exchange-listings?enterpriseId=${ids.pvc}&state=draft`)).body.items[0]?.id ??
      (await admin.post('/api/v1/exchange-listings', { enterpriseId: ids.pvc, side: 'offer', title: 'pvc draft offer', materialId: await first(admin, '/api/v1/materials?q=FLY_ASH'), quantity: 10, siteId: await first(admin, `/api/v1/sites?enterpriseId=${ids.pvc}`) })).body.id,
    // Listing in another enterprise's name would offer its materials.
    createInOther: async () => ({ enterpriseId: ids.pvc, side: 'offer', title: 'intruder', materialId: await first(admin, '/api/v1/materials?q=FLY_ASH'), quantity: 1, siteId: await first(admin, `/api/v1/sites?enterpriseId=${ids.pvc}`) }),
    patch: { state: 'published', quantity: 1e6 },
    deletable: true,
  },
  {
    path: 'waste-licences',
    other: async () =>
      (await admin.get(`/api/v1/waste-licences?enterpriseId=${ids.pvc}`)).body.items[0]?.id ??
      (await admin.post('/api/v1/waste-licences', { enterpriseId: ids.pvc, number: 'PVC-TENANCY-1', kind: 'receiver', codes: ['HW06'], validFrom: '2020-01-01', validTo: '2099-12-31' })).body.id,
    // A licence in another's name would let it be matched with wastes it may not take.
    createInOther: async () => ({ enterpriseId: ids.pvc, number: 'INTRUDER', kind: 'receiver', codes: ['HW08'], validFrom: '2020-01-01', validTo: '2099-12-31' }),
    patch: { codes: ['HW01'] },
    deletable: true,
  },
  {
    path: 'users',
    other: async () => first(admin, '/api/v1/users?q=pvc.admin'),
    createInOther: async () => ({ enterpriseId: ids.pvc, username: 'intruder', displayName: 'x', role: 'enterprise_admin', password: 'intruder-password' }),
    patch: { password: 'taken-over-1', role: 'enterprise_viewer' },
    deletable: false,
  },
];

const ACTORS = ['regulator', 'chloralkali.admin', 'chloralkali.operator', 'chloralkali.viewer'] as const;
const actors: Record<string, Client> = {};

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
  const ents = (await admin.get('/api/v1/enterprises?limit=100')).body.items as { id: number; code: string }[];
  ids.pvc = ents.find((e) => e.code === 'pvc')!.id;
  ids.chloralkali = ents.find((e) => e.code === 'chloralkali')!.id;
  ids.pvcMaterial = (await admin.post('/api/v1/materials', { enterpriseId: ids.pvc, code: 'PVC_SECRET_ADDITIVE', name: '专有助剂', category: 'raw_material', hazardous: false, unit: 't' })).body.id;
  for (const a of ACTORS) actors[a] = client(server.url, await login(server.url, a, 'symbiont-demo'));
});
afterAll(() => server?.close());

async function snapshot(c: Collection, id: number) {
  return (await admin.get(`/api/v1/${c.path}/${id}`)).body;
}

describe.each(collections)('$path of another enterprise', (c) => {
  it.each(ACTORS)('%s cannot read, list, change, delete or create there', async (actor) => {
    const me = actors[actor];
    const id = await c.other();
    const before = await snapshot(c, id);
    const parkRole = actor === 'regulator';

    const read = await me.get(`/api/v1/${c.path}/${id}`);
    expect(read.status, `GET ${c.path}/${id}`).toBe(parkRole ? 200 : 404);

    const list = await me.get(`/api/v1/${c.path}?limit=1000`);
    expect(list.status).toBe(200);
    const owners = list.body.items.map((r: { id: number; enterpriseId?: number | null }) => (c.path === 'enterprises' ? r.id : r.enterpriseId));
    if (parkRole) expect(owners).toContain(ids.pvc);
    else {
      expect(owners).not.toContain(ids.pvc);
      expect(owners.every((o: number | null) => o === ids.chloralkali || o === null)).toBe(true);
    }

    const patch = await me.patch(`/api/v1/${c.path}/${id}`, c.patch);
    expect(patch.status, `PATCH ${c.path}/${id}`).toBe(parkRole ? 403 : 404);

    if (c.deletable) {
      const del = await me.delete(`/api/v1/${c.path}/${id}`);
      expect(del.status, `DELETE ${c.path}/${id}`).toBe(parkRole ? 403 : 404);
    }

    const created = await me.post(`/api/v1/${c.path}`, await c.createInOther());
    expect([400, 403, 404], `POST ${c.path} → ${created.status} ${JSON.stringify(created.body)}`).toContain(created.status);

    expect(await snapshot(c, id)).toEqual(before);
  });
});

describe('within their own enterprise', () => {
  it('a viewer writes nothing, an operator writes devices and tags only, an admin writes the registry', async () => {
    const site = await first(actors['chloralkali.admin'], '/api/v1/sites');
    const device = { siteId: site, name: '新表', kind: 'energy_meter', protocol: 'mqtt' };
    expect((await actors['chloralkali.viewer'].post('/api/v1/devices', { ...device, code: 'chloralkali-v1' })).status).toBe(403);
    expect((await actors['chloralkali.viewer'].patch(`/api/v1/sites/${site}`, { name: 'x' })).status).toBe(403);
    expect((await actors['chloralkali.operator'].post('/api/v1/devices', { ...device, code: 'chloralkali-o1' })).status).toBe(201);
    expect((await actors['chloralkali.operator'].patch(`/api/v1/sites/${site}`, { name: 'x' })).status).toBe(403);
    expect((await actors['chloralkali.operator'].post('/api/v1/users', { username: 'op-made', displayName: 'x', role: 'enterprise_viewer', password: 'password-123' })).status).toBe(403);
    expect((await actors['chloralkali.admin'].patch(`/api/v1/sites/${site}`, { nameEn: 'Main site' })).status).toBe(200);
    expect((await actors['chloralkali.admin'].patch(`/api/v1/enterprises/${ids.chloralkali}`, { contactName: '王工' })).status).toBe(200);
    expect((await actors['chloralkali.admin'].post('/api/v1/enterprises', { code: 'mine2', name: 'x', industry: 'other' })).status).toBe(403);
    expect((await actors['chloralkali.admin'].delete(`/api/v1/enterprises/${ids.chloralkali}`)).status).toBe(403);
  });

  it('an enterprise admin creates users of its own enterprise only, and never park roles', async () => {
    const me = actors['chloralkali.admin'];
    const ok = await me.post('/api/v1/users', { username: 'chloralkali.new', displayName: '新人', role: 'enterprise_operator', password: 'password-123' });
    expect(ok.status).toBe(201);
    expect(ok.body.enterpriseId).toBe(ids.chloralkali);
    const park = await me.post('/api/v1/users', { username: 'sneaky', displayName: 'x', role: 'park_admin', password: 'password-123' });
    expect(park.status).toBe(400);
    const promote = await me.patch(`/api/v1/users/${ok.body.id}`, { role: 'park_admin' });
    expect(promote.status).toBe(400);
    expect((await me.get('/api/v1/users?limit=1000')).body.items.every((u: { enterpriseId: number }) => u.enterpriseId === ids.chloralkali)).toBe(true);
  });

  it('park materials are readable by every tenant and writable by the park operator only', async () => {
    const m = (await admin.get('/api/v1/materials?q=PHOSPHOGYPSUM')).body.items[0];
    expect((await actors['chloralkali.viewer'].get(`/api/v1/materials/${m.id}`)).status).toBe(200);
    expect((await actors['chloralkali.admin'].patch(`/api/v1/materials/${m.id}`, { name: 'x' })).status).toBe(403);
    expect((await actors['chloralkali.admin'].post('/api/v1/materials', { enterpriseId: null, code: 'PARK_X', name: 'x', category: 'waste', hazardous: false, unit: 't' })).status).toBe(403);
  });

  it('API keys of another user are out of reach', async () => {
    const key = await actors['chloralkali.admin'].post('/api/v1/api-keys', { name: 'mine' });
    expect((await actors['chloralkali.viewer'].delete(`/api/v1/api-keys/${key.body.id}`)).status).toBe(404);
    expect((await actors['chloralkali.viewer'].get('/api/v1/api-keys')).body.items).toEqual([]);
    expect((await admin.delete(`/api/v1/api-keys/${key.body.id}`)).status).toBe(404);
  });

  it('the audit log shows an enterprise administrator only their enterprise, and nothing to others', async () => {
    const log = await actors['chloralkali.admin'].get('/api/v1/audit?limit=1000');
    expect(log.body.items.length).toBeGreaterThan(0);
    expect(log.body.items.every((r: { enterpriseId: number }) => r.enterpriseId === ids.chloralkali)).toBe(true);
    expect((await actors['chloralkali.viewer'].get('/api/v1/audit')).status).toBe(403);
    expect((await actors['chloralkali.admin'].get('/api/v1/audit/verify')).status).toBe(403);
    expect((await actors.regulator.get('/api/v1/audit/verify')).status).toBe(403);
  });
});

describe('park-level settings that decide what others see or where the node connects', () => {
  it.each(ACTORS)('%s cannot record GS1 company prefixes nor write the outbound allow-list', async (actor) => {
    const me = actors[actor];
    const own = actor === 'regulator' ? ids.pvc : ids.chloralkali;
    const before = (await admin.get(`/api/v1/enterprises/${own}`)).body.gs1CompanyPrefixes;
    const r = await me.patch(`/api/v1/enterprises/${own}`, { gs1CompanyPrefixes: ['6901234'] });
    expect([403, 404]).toContain(r.status);
    expect((await admin.get(`/api/v1/enterprises/${own}`)).body.gs1CompanyPrefixes).toEqual(before);
    expect((await me.raw('PUT', '/api/v1/park/outbound-allowlist', { entries: ['127.0.0.1'] })).status).toBe(403);
    expect((await me.get('/api/v1/park/outbound-allowlist')).status).toBe(actor === 'regulator' ? 200 : 403);
    expect((await admin.get('/api/v1/park/outbound-allowlist')).body.entries).toEqual([]);
  });
});

describe('telemetry of another enterprise', () => {
  it.each(ACTORS)('%s cannot read its readings or status, issue its credentials or write its readings', async (actor) => {
    const me = actors[actor];
    const device = (await admin.get(`/api/v1/devices?enterpriseId=${ids.pvc}&limit=1`)).body.items[0];
    const tag = (await admin.get(`/api/v1/tags?device=${device.id}&limit=1`)).body.items[0];
    expect((await admin.post(`/api/v1/telemetry?device=${device.code}`, { values: { [tag.key]: 1 } })).status).toBe(200);
    const parkRole = actor === 'regulator';
    const read = parkRole ? 200 : 404;
    expect((await me.get(`/api/v1/tags/${tag.id}/latest`)).status).toBe(read);
    expect((await me.get(`/api/v1/tags/${tag.id}/series?from=0&to=${Date.now() + 1000}`)).status).toBe(read);
    expect((await me.get(`/api/v1/devices/${device.id}/status`)).status).toBe(read);
    expect((await me.get(`/api/v1/devices/${device.id}/errors`)).status).toBe(read);
    expect((await me.get(`/api/v1/devices/${device.id}/latest`)).status).toBe(read);
    if (!parkRole) expect((await me.get(`/api/v1/tags/${tag.id}/live`)).status).toBe(404);
    const statuses = (await me.get('/api/v1/device-status')).body.items.map((d: { deviceId: number }) => d.deviceId);
    expect(statuses.includes(device.id)).toBe(parkRole);
    expect((await me.post(`/api/v1/devices/${device.id}/credentials`)).status).toBe(parkRole ? 403 : 404);
    expect((await me.post(`/api/v1/telemetry?device=${device.code}`, { values: { [tag.key]: 666 } })).status).toBe(parkRole ? 403 : 404);
    expect((await admin.get(`/api/v1/tags/${tag.id}/latest`)).body.value).toBe(1);
  });

  it("a device token writes its own device only", async () => {
    const mine = (await admin.get(`/api/v1/devices?enterpriseId=${ids.chloralkali}&limit=1`)).body.items[0];
    const other = (await admin.get(`/api/v1/devices?enterpriseId=${ids.pvc}&limit=1`)).body.items[0];
    const cred = await actors['chloralkali.operator'].post(`/api/v1/devices/${mine.id}/credentials`);
    expect(cred.status).toBe(201);
    const device = client(server.url, cred.body.token);
    expect((await device.post(`/api/v1/telemetry?device=${other.code}`, { values: { x: 1 } })).status).toBe(403);
    expect((await device.get('/api/v1/enterprises')).status).toBe(401);
    expect((await actors['chloralkali.viewer'].post(`/api/v1/devices/${mine.id}/credentials`)).status).toBe(403);
  });
});

describe('identifiers of another enterprise', () => {
  it.each(ACTORS)('%s cannot read, change or print them', async (actor) => {
    const me = actors[actor];
    const pvcOperator = client(server.url, await login(server.url, 'pvc.operator', 'symbiont-demo'));
    const item = (await pvcOperator.post('/api/v1/identifiers', { kind: 'lot' })).body;
    const parkRole = actor === 'regulator';
    expect((await me.get(`/api/v1/identifiers/${item.id}`)).status).toBe(parkRole ? 200 : 404);
    expect((await me.patch(`/api/v1/identifiers/${item.id}`, { values: [{ index: 100, type: 'DESC', value: 'x' }] })).status).toBe(parkRole ? 403 : 404);
    expect((await me.get(`/api/v1/identifiers/${item.id}/label.svg`)).status).toBe(parkRole ? 200 : 404);
    const list = (await me.get('/api/v1/identifiers?limit=1000')).body.items.map((i: { id: number }) => i.id);
    expect(list.includes(item.id)).toBe(parkRole);
    expect((await me.post('/api/v1/identifiers', { kind: 'lot', enterpriseId: ids.pvc })).status).toBe(parkRole ? 403 : 403);
  });
});

describe('the olca export of another enterprise', () => {
  it.each(ACTORS)('%s exports its own inventory only, the park any', async (actor) => {
    const me = actors[actor];
    const parkRole = actor === 'regulator';
    // The latest month the demo metered chloralkali's units in (the demo's manifests add receipts this month, between other plants).
    const chloralkaliMonths = ((await actors['chloralkali.admin'].get('/api/v1/flows?limit=5000')).body.items as { period: string; note: string | null }[]).filter((f) => /^\d{4}-\d{2}$/.test(f.period) && !/^manifest /.test(f.note ?? '')).map((f) => f.period).sort();
    const period = chloralkaliMonths[chloralkaliMonths.length - 1];
    expect((await me.get(`/api/v1/kpis/olca?period=${period}&enterprise=pvc`)).status).toBe(parkRole ? 200 : 404);
    expect((await me.get(`/api/v1/kpis/olca?period=${period}&enterprise=nobody`)).status).toBe(404);
    // The zip is read as bytes (the client helper reads text).
    const own = await fetch(`${server.url}/api/v1/kpis/olca?period=${period}&enterprise=chloralkali`, { headers: { authorization: `Bearer ${me.token}` } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/zip');
    expect(own.headers.get('content-disposition')).toBe(`attachment; filename="olca-chloralkali-${period}.zip"`);
    const files = unzipSync(new Uint8Array(await own.arrayBuffer()));
    expect(JSON.parse(new TextDecoder().decode(files['olca-schema.json']))).toEqual({ version: 2 });
    const processes = Object.keys(files).filter((f) => f.startsWith('processes/'));
    expect(processes.length).toBeGreaterThan(0);
    for (const f of processes) expect(JSON.parse(new TextDecoder().decode(files[f])).category).toMatch(/\/chloralkali$/);
  });
});

describe("the KPI reports of another tenant", () => {
  it.each(ACTORS)("%s reads no report of another enterprise, nor the park's kept reports unless a park role", async (actor) => {
    const me = actors[actor];
    const parkRole = actor === 'regulator';
    const months = ((await admin.get('/api/v1/flows/periods')).body.items as { period: string; grain: string }[]).filter((p) => p.grain === 'month').map((p) => p.period).sort();
    const period = months[months.length - 1];
    // Made from what the caller may see: another enterprise's report is refused (403, as its KPIs are).
    expect((await me.get(`/api/v1/kpis/report?period=${period}&scope=enterprise&code=pvc&format=csv`)).status).toBe(parkRole ? 200 : 403);
    expect((await me.get(`/api/v1/kpis/report?period=${period}&scope=park&format=csv`)).status).toBe(parkRole ? 200 : 403);
    expect((await me.get(`/api/v1/kpis/report?period=${period}&scope=enterprise&code=chloralkali&format=csv`)).status).toBe(200);
    // A kept report is its tenant's: the park's is a 404 to an enterprise; the park viewer reads it but does not delete it.
    ids.parkReport ??= (await admin.post('/api/v1/kpi-reports', { period, scope: 'park', language: 'en' })).body.id;
    const pdf = await fetch(`${server.url}/api/v1/kpi-reports/${ids.parkReport}/pdf`, { headers: { authorization: `Bearer ${me.token}` } });
    expect(pdf.status).toBe(parkRole ? 200 : 404);
    const listed = (await me.get('/api/v1/kpi-reports')).body.items.map((r: { id: number }) => r.id);
    expect(listed.includes(ids.parkReport)).toBe(parkRole);
    expect((await me.delete(`/api/v1/kpi-reports/${ids.parkReport}`)).status).toBe(parkRole ? 403 : 404);
    // Keeping a report is a write: the viewers may not.
    const kept = await me.post('/api/v1/kpi-reports', { period, scope: 'enterprise', code: 'chloralkali', language: 'en' });
    expect(kept.status).toBe(actor === 'chloralkali.admin' || actor === 'chloralkali.operator' ? 201 : 403);
  });
});

describe('manifests of another enterprise', () => {
  let manifest: { id: number; version: number };
  beforeAll(async () => {
    // A draft of pvc's to a third enterprise, carried by pvc itself: chloralkali is no party to it.
    const pvcOperator = client(server.url, await login(server.url, 'pvc.operator', 'symbiont-demo'));
    const ents = (await admin.get('/api/v1/enterprises?limit=100')).body.items as { id: number; code: string }[];
    const receiver = ents.find((e) => e.code !== 'pvc' && e.code !== 'chloralkali')!.id;
    const oil = (await admin.get('/api/v1/materials?q=WASTE_MINERAL_OIL')).body.items.find((m: { code: string }) => m.code === 'WASTE_MINERAL_OIL');
    const created = await pvcOperator.post('/api/v1/manifests', {
      receiverId: receiver, plannedDate: '2026-06-01', legs: [{ transporterId: ids.pvc, vehicle: '浙A12345' }],
      lines: [{ materialId: oil.id, form: 'liquid', packaging: 'drum', containers: 4, quantity: 0.8 }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    manifest = created.body;
  });

  it.each(ACTORS)('%s cannot read, list, edit, sign or print it (the regulator reads, and signs nothing)', async (actor) => {
    const me = actors[actor];
    const parkRole = actor === 'regulator';
    const before = (await admin.get(`/api/v1/manifests/${manifest.id}`)).body;
    expect((await me.get(`/api/v1/manifests/${manifest.id}`)).status).toBe(parkRole ? 200 : 404);
    expect((await me.get(`/api/v1/manifests/${manifest.id}/pdf`)).status).toBe(parkRole ? 200 : 404);
    const listed = (await me.get('/api/v1/manifests?limit=500')).body.items.map((m: { id: number }) => m.id);
    expect(listed.includes(manifest.id)).toBe(parkRole);
    expect((await me.patch(`/api/v1/manifests/${manifest.id}`, { version: manifest.version, route: 'hijacked' })).status).toBe(parkRole ? 403 : 404);
    for (const action of ['sign', 'cancel']) {
      expect((await me.post(`/api/v1/manifests/${manifest.id}/actions`, { action, version: manifest.version })).status, `${actor} ${action}`).toBe(parkRole ? 403 : 404);
    }
    const overview = (await me.get('/api/v1/manifests/overview')).body;
    expect([...overview.open, ...overview.overdue, ...overview.openDiscrepancies].every((m: { roles: string[] }) => parkRole || m.roles.length > 0)).toBe(true);
    expect((await admin.get(`/api/v1/manifests/${manifest.id}`)).body).toEqual(before);
  });
});

describe('coverage', () => {
  // Routes that hold no enterprise's records, and why.
  const NOT_TENANT_OWNED: Record<string, string> = {
    'POST /api/v1/auth/login': 'public',
    'POST /api/v1/auth/logout': "the caller's own session",
    'GET /api/v1/auth/me': "the caller's own account",
    'PATCH /api/v1/auth/me': "the caller's own account",
    'POST /api/v1/auth/password': "the caller's own account",
    'GET /api/v1/api-keys': "the caller's own keys (tested above)",
    'POST /api/v1/api-keys': "the caller's own keys (tested above)",
    'DELETE /api/v1/api-keys/:id': "the caller's own keys (tested above)",
    'GET /api/v1/park': 'the park record, readable by every user',
    'GET /api/v1/park/directory': "enterprises' codes, names and GLNs: a directory for naming counterparties (test/epcis.test.ts)",
    'PATCH /api/v1/park': 'park administrators only (tested in api.test.ts)',
    'GET /api/v1/park/summary': 'counts computed through the tenant filter',
    'GET /api/v1/park/outbound-allowlist': 'park-level setting, park roles only (tested above; test/epcis-subscriptions.test.ts)',
    'PUT /api/v1/park/outbound-allowlist': 'park-level setting, park administrators only (tested above; test/epcis-subscriptions.test.ts)',
    'GET /api/v1/units-of-measure': 'reference data',
    'GET /api/v1/health': 'public',
    'GET /api/v1/audit': 'tested above',
    'GET /api/v1/audit/verify': 'tested above',
    'POST /api/v1/telemetry': 'telemetry matrix above',
    'POST /api/v1/devices/:id/credentials': 'telemetry matrix above',
    'GET /api/v1/devices/:id/status': 'telemetry matrix above',
    'GET /api/v1/devices/:id/errors': 'telemetry matrix above',
    'GET /api/v1/tags/:id/latest': 'telemetry matrix above',
    'GET /api/v1/tags/:id/series': 'telemetry matrix above',
    'GET /api/v1/tags/:id/live': 'telemetry matrix above',
    'GET /api/v1/devices/:id/latest': 'telemetry matrix above',
    'GET /api/v1/device-status': 'telemetry matrix above',
    'GET /api/v1/devices/:id/opcua': 'test/opcua-platform.test.ts (other enterprise: 404, viewer: 403)',
    'PUT /api/v1/devices/:id/opcua': 'test/opcua-platform.test.ts',
    'GET /api/v1/trace/:prefix/*': 'test/epcis.test.ts (another enterprise: 404)',
    'GET /api/v1/trace': 'events through the visibility filter (test/epcis.test.ts: visibility across enterprises)',
    'GET /api/v1/recall': 'a forward trace through the visibility filter (test/epcis.test.ts)',
    'GET /api/v1/recall/:prefix/*': 'a forward trace through the visibility filter (test/epcis.test.ts)',
    'POST /api/v1/identifiers': 'test/identity.test.ts (viewer: 403)',
    'GET /api/v1/identifiers': 'test/identity.test.ts (scoped list)',
    'GET /api/v1/identifiers/:id': 'test/identity.test.ts (other enterprise: 404)',
    'PATCH /api/v1/identifiers/:id': 'identifier matrix above',
    'GET /api/v1/identifiers/:id/label.svg': 'identifier matrix above',
    'GET /api/v1/identifiers/:id/label.png': 'identifier matrix above',
    'DELETE /api/v1/devices/:id/opcua': 'test/opcua-platform.test.ts (other enterprise: 404, viewer: 403)',
    'GET /api/v1/alarms': 'test/alarms-api.test.ts (visibleAlarms: another enterprise not listed; the park sees emission and safety alarms)',
    'GET /api/v1/alarms/summary': 'counts of what the alarm list shows the caller',
    'GET /api/v1/alarms/:id': 'test/alarms-api.test.ts (another enterprise: 404)',
    'GET /api/v1/alarms/:id/history': 'test/alarms-api.test.ts (another enterprise: 404)',
    'POST /api/v1/alarms/actions': 'test/alarms-api.test.ts (another enterprise: 404 per alarm; read-only roles: 403)',
    'GET /api/v1/alarms/stream': 'the alarm list\'s visibility, live (test/alarms-runtime.test.ts)',
    'POST /api/v1/alarm-rules/preview': 'test/alarms-runtime.test.ts (another enterprise\'s tag: 404)',
    'GET /api/v1/tags/:id/alarm-overlay': 'test/alarms-runtime.test.ts (another enterprise\'s tag: 404)',
    'GET /api/v1/alarm-webhooks': 'test/alarm-webhooks.test.ts (hostile tenant: not listed)',
    'POST /api/v1/alarm-webhooks': 'test/alarm-webhooks.test.ts (in another enterprise: refused)',
    'GET /api/v1/alarm-webhooks/:id': 'test/alarm-webhooks.test.ts (another enterprise: 404)',
    'PATCH /api/v1/alarm-webhooks/:id': 'test/alarm-webhooks.test.ts (another enterprise: 404)',
    'DELETE /api/v1/alarm-webhooks/:id': 'test/alarm-webhooks.test.ts (another enterprise: 404)',
    'POST /api/v1/alarm-webhooks/:id/rotate-secret': 'test/alarm-webhooks.test.ts (another enterprise: 404)',
    'POST /api/v1/alarm-webhooks/:id/test': 'test/alarm-webhooks.test.ts (another enterprise: 404)',
    'GET /api/v1/alarm-webhooks/:id/deliveries': 'test/alarm-webhooks.test.ts (another enterprise: 404)',
    'POST /api/v1/alarm-webhooks/deliveries/:id/retry': 'test/alarm-webhooks.test.ts (another enterprise: 404)',
    'GET /api/v1/incident-templates': 'shipped checklist templates, the same for every caller',
    'GET /api/v1/incidents': 'test/incidents-api.test.ts (unaffected enterprise: not listed)',
    'POST /api/v1/incidents': 'test/incidents-api.test.ts (enterprise roles: 403)',
    'GET /api/v1/incidents/:id': 'test/incidents-api.test.ts (unaffected: 404)',
    'PATCH /api/v1/incidents/:id': 'test/incidents-api.test.ts (unaffected: 404, affected: 403)',
    'POST /api/v1/incidents/:id/timeline': 'test/incidents-api.test.ts (unaffected: 404, affected may post)',
    'POST /api/v1/incidents/:id/alarms': 'test/incidents-api.test.ts (unaffected: 404, affected: 403)',
    'PATCH /api/v1/incidents/:id/checklist/:itemId': 'test/incidents-api.test.ts (unaffected: 404, affected: 403)',
    'POST /api/v1/incidents/:id/checklist': 'test/incidents-api.test.ts (unaffected: 404, affected: 403)',
    'POST /api/v1/incidents/:id/transition': 'test/incidents-api.test.ts (unaffected: 404, affected: 403)',
    'GET /api/v1/incidents/:id/report': 'test/incidents-api.test.ts (unaffected: 404)',
    'GET /api/v1/flow-nodes': 'enterprise nodes are everyone’s, unit nodes their enterprise’s (test/flows-ledger.test.ts)',
    'GET /api/v1/flow-nodes/:id': 'test/flows-ledger.test.ts (another enterprise’s unit node: 404)',
    'POST /api/v1/flow-nodes': 'test/flows-ledger.test.ts (operator: 403; park and enterprise kinds: 400)',
    'PATCH /api/v1/flow-nodes/:id': 'test/flows-ledger.test.ts (another enterprise: 404; synced nodes: 409)',
    'DELETE /api/v1/flow-nodes/:id': 'test/flows-ledger.test.ts (another enterprise: 404)',
    'GET /api/v1/flows': 'flows through visibleFlows (test/flows-ledger.test.ts: both ends see a flow, a third enterprise and the park do not)',
    'GET /api/v1/flows/periods': 'counts of what the flow list shows the caller',
    'POST /api/v1/flows': 'test/flows-ledger.test.ts (another enterprise’s unit: unknown node; viewer and park viewer: 403)',
    'GET /api/v1/flows/:id': 'test/flows-ledger.test.ts (a third enterprise: 404)',
    'PATCH /api/v1/flows/:id': 'test/flows-ledger.test.ts (a third enterprise: 404; the other end: 403)',
    'DELETE /api/v1/flows/:id': 'test/flows-ledger.test.ts (a third enterprise: 404; the other end: 403)',
    'GET /api/v1/flow-stocks': 'stocks through visibleStocks (test/flows-ledger.test.ts)',
    'PUT /api/v1/flow-stocks': 'test/flows-ledger.test.ts (another enterprise’s node: 400)',
    'DELETE /api/v1/flow-stocks/:id': 'stocks through visibleStocks: another enterprise’s: 404 (test/flows-ledger.test.ts)',
    'POST /api/v1/flows/reconcile': 'stateless: computes on the body, reads and stores nothing (test/flows-balances.test.ts)',
    'GET /api/v1/flows/balances': 'balances of what readLedger shows the caller; another enterprise’s: 404 (test/flows-balances.test.ts)',
    'GET /api/v1/flows/sankey': 'drawn from what readLedger shows the caller (test/flows-balances.test.ts)',
    'POST /api/v1/flows/imports': 'writes as the caller through writeFlows (test/flows-sources.test.ts: viewer 403)',
    'GET /api/v1/flows/imports/:id': 'the importing enterprise’s job; another enterprise: 404 (test/flows-sources.test.ts)',
    'POST /api/v1/flows/sources/telemetry': 'totals the caller’s own links, written as the caller (test/flows-sources.test.ts)',
    'POST /api/v1/flows/sources/epcis': 'reads EPCIS events with the caller’s visibility, writes as the caller (test/flows-sources.test.ts)',
    'GET /api/v1/kpi-settings': 'the park’s accounting settings, readable by every user (test/kpis-api.test.ts)',
    'PUT /api/v1/kpi-settings': 'park administrators only (test/kpis-api.test.ts: enterprise admin and park viewer 403)',
    'GET /api/v1/kpis': 'an enterprise computes its own scopes only: another enterprise or the park 403, another’s unit 404 (test/kpis-api.test.ts)',
    'GET /api/v1/kpis/trend': 'the same scope rule as GET /api/v1/kpis (test/kpis-api.test.ts)',
    'GET /api/v1/kpis/flows': 'the same scope rule, flows through readLedger’s visibility (test/kpis-api.test.ts)',
    'POST /api/v1/kpi-inputs/import': 'rows of another enterprise or its units are rejected, nothing imported; viewer 403 (test/kpis-api.test.ts)',
    'GET /api/v1/exchange-substitutions': 'the park’s own table (no enterprise), readable by every user (test/exchange-api.test.ts)',
    'POST /api/v1/exchange-substitutions': 'park administrators only (test/exchange-api.test.ts: enterprise admin 403)',
    'GET /api/v1/exchange-substitutions/:id': 'the park’s own table, readable by every user',
    'PATCH /api/v1/exchange-substitutions/:id': 'park administrators only (test/exchange-api.test.ts)',
    'DELETE /api/v1/exchange-substitutions/:id': 'park administrators only (test/exchange-api.test.ts)',
    'GET /api/v1/exchange-distances': 'the park’s own table (no enterprise), readable by every user (test/exchange-api.test.ts)',
    'POST /api/v1/exchange-distances': 'park administrators only (test/exchange-api.test.ts: enterprise admin 403)',
    'GET /api/v1/exchange-distances/:id': 'the park’s own table, readable by every user (test/exchange-api.test.ts)',
    'PATCH /api/v1/exchange-distances/:id': 'park administrators only (test/exchange-api.test.ts: enterprise admin 403)',
    'DELETE /api/v1/exchange-distances/:id': 'park administrators only (test/exchange-api.test.ts: enterprise admin 403)',
    'GET /api/v1/exchange/market': 'published listings to their audience; drafts, others’ partners-only and who is behind an anonymous listing hidden (test/exchange-api.test.ts)',
    'GET /api/v1/exchange/settings': 'the park’s exchange settings, readable by every user (test/exchange-api.test.ts)',
    'PUT /api/v1/exchange/settings': 'park administrators only (test/exchange-api.test.ts: enterprise admin 403)',
    'POST /api/v1/exchange/plans': 'plans over what the market shows the caller; writes nothing (test/exchange-api.test.ts: a partners-only offer is not in a third enterprise’s plan)',
    'GET /api/v1/exchange/drafts': 'the caller’s own flows through readLedgerTotals’ visibility (drafts.ts)',
    'GET /api/v1/exchange/deals': 'a deal is its two parties’ (and the park’s): test/exchange-deals.test.ts',
    'POST /api/v1/exchange/deals': 'only a party’s visible listings: test/exchange-deals.test.ts (a third enterprise: 403, a listing it cannot see: 404)',
    'GET /api/v1/exchange/deals/:id': 'test/exchange-deals.test.ts (a third enterprise: 404)',
    'POST /api/v1/exchange/deals/:id/actions': 'test/exchange-deals.test.ts (a third enterprise: 404, viewers: 403)',
    'POST /api/v1/exchange/deals/:id/deliveries/:deliveryId/record': 'test/exchange-deals.test.ts (the receiver: 403)',
    'POST /api/v1/exchange/deals/:id/deliveries/:deliveryId/manifest': 'the supplier of a deal it sees only (test/manifests-links.test.ts; the receiver: 403, a third enterprise: 404)',
    'GET /api/v1/exchange/impact': 'recorded deliveries of the caller’s own deals; park roles the park (test/exchange-deals.test.ts)',
    'GET /api/v1/manifests': 'manifests matrix above (a non-party: not listed); test/manifests-security.test.ts',
    'POST /api/v1/manifests': 'drafted for the caller’s own enterprise only; the park is never a party (test/manifests-security.test.ts: park 403)',
    'GET /api/v1/manifests/overview': 'the manifests the caller is a party to and its own licences; park roles the park (test/manifests-api.test.ts)',
    'GET /api/v1/manifests/vocabulary': 'method codes and hazard defaults: reference data, every user',
    'GET /api/v1/manifests/:id': 'manifests matrix above (a non-party: 404)',
    'PATCH /api/v1/manifests/:id': 'manifests matrix above (a non-party: 404, park: 403)',
    'POST /api/v1/manifests/:id/actions': 'manifests matrix above; test/manifests-security.test.ts (a non-party 404, a viewer 403, not its turn 409)',
    'GET /api/v1/manifests/:id/pdf': 'manifests matrix above (a non-party: 404)',
    'GET /api/v1/manifest-settings': 'the park’s manifest settings, readable by every user',
    'PUT /api/v1/manifest-settings': 'park administrators only (test/manifests-api.test.ts: enterprise admin and park viewer 403)',
    // The EPCIS REST binding (outside /api/v1, the standard's paths).
    'POST /epcis/capture': 'test/epcis.test.ts (viewer: 403; a park role names the enterprise)',
    'GET /epcis/capture/:captureID': 'scoped to the job owner (test/epcis.test.ts)',
    'GET /epcis/events': 'the visibility filter (test/epcis.test.ts: visibility across enterprises)',
    'GET /epcis/events/*': 'the visibility filter (test/epcis.test.ts: another enterprise: 404)',
    // EPCIS named queries and subscriptions (outside /api/v1, the standard's paths).
    'GET /queries': "test/epcis-subscriptions.test.ts (the caller's enterprise only)",
    'POST /queries': 'test/epcis-subscriptions.test.ts (names per enterprise, viewer: 403)',
    'GET /queries/:queryName': 'test/epcis-subscriptions.test.ts (another enterprise: 404)',
    'DELETE /queries/:queryName': 'test/epcis-subscriptions.test.ts (another enterprise: 404, viewer: 403)',
    'GET /queries/:queryName/events': 'test/epcis-subscriptions.test.ts (another enterprise: 404)',
    'POST /queries/:queryName/subscriptions': 'test/epcis-subscriptions.test.ts (another enterprise: 404, viewer: 403)',
    'GET /queries/:queryName/subscriptions': 'test/epcis-subscriptions.test.ts (another enterprise: 404)',
    'GET /queries/:queryName/subscriptions/:subscriptionID': 'test/epcis-subscriptions.test.ts (another enterprise: 404)',
    'DELETE /queries/:queryName/subscriptions/:subscriptionID': 'test/epcis-subscriptions.test.ts (another enterprise: 404, viewer: 403)',
    'GET /api/v1/kpis/olca': 'olca export matrix above (another enterprise: 404)',
    'GET /api/v1/kpis/report': 'KPI report matrix above (another enterprise, the park: 403)',
    'POST /api/v1/kpi-reports': 'KPI report matrix above (kept for the caller’s own tenant; viewers: 403)',
    'GET /api/v1/kpi-reports': 'KPI report matrix above (the caller’s tenant only)',
    'GET /api/v1/kpi-reports/:id/pdf': 'KPI report matrix above (another tenant: 404)',
    'DELETE /api/v1/kpi-reports/:id': 'KPI report matrix above (another tenant: 404, park viewer: 403)',
  };

  it('every /api/v1, /epcis and /queries route is in the matrix or listed as not tenant-owned', () => {
    const inMatrix = new Set<string>();
    for (const c of collections) {
      for (const r of ['GET', 'POST'].map((m) => `${m} /api/v1/${c.path}`)) inMatrix.add(r);
      for (const m of ['GET', 'PATCH', ...(c.deletable ? ['DELETE'] : [])]) inMatrix.add(`${m} /api/v1/${c.path}/:id`);
    }
    const routes = server.app.symbiontRoutes.filter((r) => r.url.startsWith('/api/v1/') || r.url.startsWith('/queries') || r.url.startsWith('/epcis')).map((r) => `${r.method} ${r.url}`);
    const uncovered = routes.filter((r) => !inMatrix.has(r) && !(r in NOT_TENANT_OWNED));
    expect(uncovered).toEqual([]);
  });
});
