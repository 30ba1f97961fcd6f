/** The HTTP API end to end on the embedded store: auth, errors, OpenAPI, health, metrics. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresReachable } from './helpers/services.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let admin: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
});
afterAll(() => server?.close());

describe('authentication', () => {
  it('logs in with a bearer token and a session cookie', async () => {
    const res = await client(server.url).post('/api/v1/auth/login', { username: 'chloralkali.admin', password: 'symbiont-demo' });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^st_/);
    expect(res.body.user).toMatchObject({ username: 'chloralkali.admin', role: 'enterprise_admin' });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/symbiont_session=st_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const viaCookie = await client(server.url).raw('GET', '/api/v1/auth/me', undefined, { cookie: cookie.split(';')[0] });
    expect(viaCookie.body.user.username).toBe('chloralkali.admin');
    // Log-out ends the session for good.
    const me = client(server.url, res.body.token);
    expect((await me.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await me.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers a wrong password, an unknown user and a missing token with 401 problem+json', async () => {
    for (const body of [{ username: 'admin', password: 'nope-nope' }, { username: 'ghost', password: 'whatever1' }]) {
      const r = await client(server.url).post('/api/v1/auth/login', body);
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body).toMatchObject({ type: 'https://symbiont.dev/problems/unauthorized', status: 401, detail: 'Wrong username or password' });
    }
    const anon = await client(server.url).get('/api/v1/enterprises');
    expect(anon.status).toBe(401);
    expect((await client(server.url, 'st_forged').get('/api/v1/enterprises')).status).toBe(401);
  });

  it('rate-limits log-in attempts', async () => {
    const c = client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await c.post('/api/v1/auth/login', { username: 'pvc.viewer', password: `wrong-${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[11]).toBe(429);
    const limited = await c.post('/api/v1/auth/login', { username: 'pvc.viewer', password: 'symbiont-demo' });
    expect(limited.status).toBe(429);
    expect(limited.body.type).toBe('https://symbiont.dev/problems/rate-limited');
  });

  it('creates API keys that are shown once, work as bearer tokens and can be revoked', async () => {
    const token = await login(server.url, 'chloralkali.operator', 'symbiont-demo');
    const me = client(server.url, token);
    const created = await me.post('/api/v1/api-keys', { name: 'scada gateway', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sk_/);
    const list = await me.get('/api/v1/api-keys');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty('key');
    expect(list.body.items[0].prefix).toBe(created.body.key.slice(0, 10));
    const viaKey = client(server.url, created.body.key);
    expect((await viaKey.get('/api/v1/auth/me')).body.user.username).toBe('chloralkali.operator');
    expect((await viaKey.post('/api/v1/api-keys', { name: 'another' })).status).toBe(403);
    expect((await me.post('/api/v1/api-keys', { name: 'scada gateway' })).status).toBe(409);
    expect((await me.delete(`/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await viaKey.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('lets a user change their language and password; a disabled user is locked out at once', async () => {
    const username = 'pharma.viewer';
    const token = await login(server.url, username, 'symbiont-demo');
    const me = client(server.url, token);
    expect((await me.patch('/api/v1/auth/me', { locale: 'en' })).body.user.locale).toBe('en');
    const wrong = await me.post('/api/v1/auth/password', { currentPassword: 'not-it', newPassword: 'a-new-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: '/body/currentPassword', message: 'is wrong' }]);
    expect((await me.post('/api/v1/auth/password', { currentPassword: 'symbiont-demo', newPassword: 'a-new-password' })).status).toBe(204);
    const token2 = await login(server.url, username, 'a-new-password');
    const users = await admin.get(`/api/v1/users?q=${username}`);
    const id = users.body.items[0].id;
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: true })).body.disabled).toBe(true);
    expect((await client(server.url, token2).get('/api/v1/auth/me')).status).toBe(401);
    expect((await client(server.url).post('/api/v1/auth/login', { username, password: 'a-new-password' })).status).toBe(401);
  });
});

describe('errors are problem+json with the path of every offending field', () => {
  it('validation', async () => {
    const r = await admin.post('/api/v1/enterprises', { code: 'Bad Code', industry: 'mining', extra: 1 });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.type).toBe('https://symbiont.dev/problems/validation');
    const paths = r.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['/body/code', '/body/extra', '/body/industry', '/body/name']);
  });

  it('does not coerce body types but does coerce query strings', async () => {
    const r = await admin.post('/api/v1/sites', { enterpriseId: '1', code: 'x-site', name: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: '/body/enterpriseId', message: 'must be integer' }]);
    expect((await admin.get('/api/v1/sites?limit=2&offset=1')).body.items).toHaveLength(2);
    const q = await admin.get('/api/v1/sites?limit=0');
    expect(q.body.errors[0].path).toBe('/query/limit');
  });

  it('malformed JSON, wrong media type, oversized body, unknown route and missing id', async () => {
    const bad = await admin.raw('POST', '/api/v1/sites', '{"code":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe('https://symbiont.dev/problems/validation');
    const media = await admin.raw('POST', '/api/v1/sites', 'code=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(media.status).toBe(415);
    expect(media.body.type).toBe('https://symbiont.dev/problems/unsupported-media-type');
    const big = await admin.post('/api/v1/sites', { code: 'big', name: 'x'.repeat(1_100_000) });
    expect(big.status).toBe(413);
    const nowhere = await admin.get('/api/v1/nowhere');
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.type).toBe('https://symbiont.dev/problems/not-found');
    const missing = await admin.get('/api/v1/devices/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('Device 999999 was not found');
  });

  it('checks tag limits, USCC check characters and waste codes', async () => {
    const device = (await admin.get('/api/v1/devices?limit=1')).body.items[0];
    const tag = await admin.post('/api/v1/tags', { deviceId: device.id, key: 'bad_limits', name: 'x', kind: 'flow', unit: 'm3/h', lowLimit: 10, highLimit: 5 });
    expect(tag.status).toBe(400);
    expect(tag.body.errors).toEqual([{ path: '/body/highLimit', message: 'must not be below lowLimit (10)' }]);
    const ent = await admin.post('/api/v1/enterprises', { code: 'bad-uscc', name: 'x', industry: 'other', uscc: '9144030071526726X1' });
    expect(ent.body.errors).toEqual([{ path: '/body/uscc', message: 'has a wrong check character (GB 32100-2015)' }]);
    const mat = await admin.post('/api/v1/materials', { code: 'MY_WASTE', name: '废物', category: 'waste', hazardous: false, unit: 't', hwCode: 'HW06/900-402-06' });
    expect(mat.body.errors).toEqual([{ path: '/body/hazardous', message: 'must be true for a material with a hazardous-waste code' }]);
  });
});

describe('documentation, health and metrics', () => {
  it('serves OpenAPI 3.1 generated from the route schemas, and a rendered reference', async () => {
    const doc = await client(server.url).get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/enterprises', '/api/v1/enterprises/{id}', '/api/v1/auth/login', '/api/v1/tags', '/api/v1/users', '/api/v1/audit']) {
      expect(doc.body.paths).toHaveProperty([p]);
    }
    expect(doc.body.paths['/api/v1/sites'].post.requestBody.content['application/json'].schema.required).toEqual(['code', 'name']);
    const ui = await fetch(`${server.url}/api/docs/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toMatch(/swagger/i);
  });

  it('reports health and Prometheus metrics', async () => {
    const h = await client(server.url).get('/api/v1/health');
    expect(h.body).toMatchObject({ status: 'ok', db: 'sqlite' });
    const m = await fetch(`${server.url}/metrics`);
    const text = await m.text();
    expect(text).toMatch(/symbiont_http_request_duration_seconds_bucket/);
    expect(text).toMatch(/symbiont_process_cpu_seconds_total/);
  });

  it('sends secure headers', async () => {
    const r = await fetch(`${server.url}/api/v1/health`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(r.headers.get('x-frame-options')).toBeTruthy();
  });
});

describe('served over plain HTTP (a plant network)', () => {
  it('sends no upgrade-insecure-requests, no HSTS and a session cookie without Secure', async () => {
    const r = await fetch(`${server.url}/`);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
    expect(r.headers.get('strict-transport-security')).toBeNull();
    const res = await client(server.url).post('/api/v1/auth/login', { username: 'chloralkali.viewer', password: 'symbiont-demo' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/symbiont_session=/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('shows the public URL in health, and identifiers resolve to this node at its actual port', async () => {
    const h = await client(server.url).get('/api/v1/health');
    expect(h.body.publicUrl).toBe(server.url);
    expect(server.url).not.toMatch(/:8080$/);
    // The demo's identifiers were minted before the node listened on its (system-chosen) port.
    const ids = await admin.get('/api/v1/identifiers?limit=500');
    // A lot minted with a GTIN (the demo's manifests also mint identifiers without one, which have no Digital Link).
    const item = ids.body.items.find((i: { digitalLink: string | null }) => i.digitalLink !== null);
    expect(item.url).toBe(`${server.url}/id/${item.handle}`);
    const resolved = await client(server.url).get(`/api/handles/${item.handle}`);
    expect(resolved.body.values.find((v: { index: number }) => v.index === 1).data.value).toBe(`${server.url}/id/${item.handle}`);
    expect(item.digitalLink.startsWith(`${server.url}/01/`)).toBe(true);
  });
});

describe('extreme and malformed parameters are 400 problems, never 500', () => {
  const lists = ['/api/v1/enterprises', '/api/v1/sites', '/api/v1/units', '/api/v1/devices', '/api/v1/tags', '/api/v1/materials', '/api/v1/trace-shares', '/api/v1/users', '/api/v1/audit', '/api/v1/identifiers'];
  const params = ['offset=1e20', 'limit=1e20', 'offset=-1', 'offset=abc', 'limit=abc', 'offset=1.5', 'limit=0', 'offset=99999999999'];
  it.each(lists)('%s', async (list) => {
    for (const p of params) {
      const r = await admin.get(`${list}?${p}`);
      expect(r.status, `${list}?${p}`).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body.errors[0].path).toBe(`/query/${p.split('=')[0]}`);
    }
    expect((await admin.get(`${list}?offset=1000000000&limit=1000`)).status).toBe(200);
  });

  it('bounds integer filters and body fields to what the store holds', async () => {
    expect((await admin.get('/api/v1/devices?siteId=1e20')).status).toBe(400);
    expect((await admin.get('/api/v1/audit?enterpriseId=1e20')).status).toBe(400);
    const r = await admin.post('/api/v1/sites', { enterpriseId: 1e20, code: 'far-away', name: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: '/body/enterpriseId', message: 'must be <= 2147483647' }]);
  });
});

describe('a record has one URL: ids in paths are canonical decimal integers', () => {
  it('answers 404 for every other spelling of an id, on every kind of record', async () => {
    const device = (await admin.get('/api/v1/devices?limit=1&sort=id')).body.items[0];
    expect(device.id).toBeLessThan(10);
    expect((await admin.get(`/api/v1/devices/${device.id}`)).status).toBe(200);
    const spellings = [`0x${device.id}`, `${device.id}.0`, `${device.id}e0`, `0${device.id}`, `+${device.id}`, `%20${device.id}`, `${device.id}%20`, '0', '-1', '99999999999', '1'.repeat(30), 'abc'];
    for (const base of ['/api/v1/devices', '/api/v1/enterprises', '/api/v1/users', '/api/v1/identifiers']) {
      for (const id of spellings) {
        const r = await admin.get(`${base}/${id}`);
        expect(r.status, `${base}/${id}`).toBe(404);
        expect(r.body.type).toBe('https://symbiont.dev/problems/not-found');
      }
    }
    expect((await admin.patch(`/api/v1/devices/0x${device.id}`, { name: 'renamed' })).status).toBe(404);
    expect((await admin.delete(`/api/v1/devices/${device.id}.0`)).status).toBe(404);
    expect((await admin.get(`/api/v1/devices/${device.id}`)).body.name).toBe(device.name);
  });
});

describe('names and codes hold what people can read', () => {
  const bad: [string, string][] = [
    ['   ', 'must not be empty or only spaces'],
    ['\u3000', 'must not be empty or only spaces'],
    ['plant\u0000one', 'must not contain control characters'],
    ['plant\tone', 'must not contain control characters'],
    ['plant\u200Bone', 'must not contain zero-width characters or a byte-order mark'],
    ['pla\uFEFFnt', 'must not contain zero-width characters or a byte-order mark'],
    ['plant\u2060one', 'must not contain zero-width characters or a byte-order mark'],
    ['plant\u202Eeno', 'must not contain bidirectional formatting characters'],
    ['\u3164', 'must not contain invisible characters (soft hyphen, filler, invisible operator)'],
    ['pla\u00ADnt', 'must not contain invisible characters (soft hyphen, filler, invisible operator)'],
    ['\u2800\uFE0F', 'must show at least one visible character'],
  ];
  // One log-in for every case: log-ins are rate-limited.
  let operator: ReturnType<typeof client> | undefined;
  it.each(bad)('refuses the name %j on create and update of every resource', async (name, message) => {
    const ent = (await admin.get('/api/v1/enterprises?q=chloralkali')).body.items[0];
    const site = await admin.post('/api/v1/sites', { enterpriseId: ent.id, code: 'bad-name-site', name });
    expect(site.status).toBe(400);
    expect(site.body.errors).toEqual([{ path: '/body/name', message }]);
    expect((await admin.patch(`/api/v1/enterprises/${ent.id}`, { name })).body.errors).toEqual([{ path: '/body/name', message }]);
    const user = await admin.post('/api/v1/users', { username: 'bad.name', displayName: name, role: 'park_viewer', password: 'a-long-password' });
    expect(user.body.errors).toEqual([{ path: '/body/displayName', message }]);
    const me = (operator ??= client(server.url, await login(server.url, 'chloralkali.operator', 'symbiont-demo')));
    expect((await me.patch('/api/v1/auth/me', { displayName: name })).body.errors).toEqual([{ path: '/body/displayName', message }]);
    expect((await me.post('/api/v1/api-keys', { name })).body.errors).toEqual([{ path: '/body/name', message }]);
  });

  it('trims names (a byte-order mark at the start is trimmed like a space), and stores an optional name left blank as null', async () => {
    const ent = (await admin.get('/api/v1/enterprises?q=pvc')).body.items[0];
    const site = await admin.post('/api/v1/sites', { enterpriseId: ent.id, code: 'trimmed-site', name: '\uFEFF  东区 ', nameEn: '   ' });
    expect(site.status).toBe(201);
    expect(site.body).toMatchObject({ name: '东区', nameEn: null });
    const desc = await admin.patch(`/api/v1/sites/${site.body.id}`, { address: 'line 1\nline 2' });
    expect(desc.body.address).toBe('line 1\nline 2');
    expect((await admin.patch(`/api/v1/sites/${site.body.id}`, { address: 'a\u0000b' })).body.errors).toEqual([
      { path: '/body/address', message: 'must not contain control characters other than tab and line breaks' },
    ]);
  });
});

describe('registry', () => {
  it('lists the demo enterprises, and the tags of a device with ?device=', async () => {
    const ents = await admin.get('/api/v1/enterprises?limit=100');
    expect(ents.body.items.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['chloralkali', 'pvc', 'refinery', 'polyolefin', 'phosphate', 'cement', 'chp', 'recycler', 'pharma', 'solvrec', 'wwtp']));
    const device = (await admin.get('/api/v1/devices?limit=1')).body.items[0];
    const tags = await admin.get(`/api/v1/tags?device=${device.id}`);
    expect(tags.body.total).toBeGreaterThan(0);
    expect(tags.body.items.every((t: { deviceId: number }) => t.deviceId === device.id)).toBe(true);
  });

  it('edits the park and shows a summary', async () => {
    const p = await admin.patch('/api/v1/park', { nameEn: 'Binhai Park (edited)' });
    expect(p.body.nameEn).toBe('Binhai Park (edited)');
    expect((await admin.patch('/api/v1/park', { timezone: 'Mars/Olympus' })).body.errors[0].path).toBe('/body/timezone');
    // The park's names follow the rule every record's names follow.
    for (const name of ['   ', 'Bin\u200bhai', 'Bin\u0000hai', '\u202eBinhai']) {
      const r = await admin.patch('/api/v1/park', { name });
      expect(r.status, JSON.stringify(name)).toBe(400);
      expect(r.body.errors[0].path).toBe('/body/name');
    }
    expect((await admin.patch('/api/v1/park', { name: '  滨海循环经济产业园 ' })).body.name).toBe('滨海循环经济产业园');
    const viewer = client(server.url, await login(server.url, 'regulator', 'symbiont-demo'));
    expect((await viewer.patch('/api/v1/park', { name: 'x' })).status).toBe(403);
    const sum = await viewer.get('/api/v1/park/summary');
    expect(sum.body.counts.enterprises).toBe(11);
    expect(sum.body.enterprisesByIndustry.length).toBeGreaterThan(3);
  });

  it('creates with a Location header and records who did it', async () => {
    const ent = (await admin.get('/api/v1/enterprises?q=chloralkali')).body.items[0];
    const created = await admin.post('/api/v1/sites', { enterpriseId: ent.id, code: 'chloralkali-north', name: '北区' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/sites/${created.body.id}`);
    const log = await admin.get(`/api/v1/audit?entity=site&entityId=${created.body.id}`);
    expect(log.body.items[0]).toMatchObject({ action: 'create', actorName: 'admin', enterpriseId: ent.id, after: { code: 'chloralkali-north' } });
    const verify = await admin.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
  });
});

describe.skipIf(!(await postgresReachable()))('the same platform on PostgreSQL', () => {
  it('starts, loads the demo park and serves the API', async () => {
    const pgServer = await startTestServer({ demo: true, dialect: 'postgres' });
    try {
      const c = client(pgServer.url, await login(pgServer.url, 'chloralkali.admin', 'symbiont-demo'));
      expect((await c.get('/api/v1/health')).body.db).toBe('postgres');
      const ents = await c.get('/api/v1/enterprises');
      expect(ents.body.items.map((e: { code: string }) => e.code)).toEqual(['chloralkali']);
      const devices = await c.get('/api/v1/devices?q=CHLORALKALI&limit=5');
      expect(devices.body.total).toBeGreaterThan(0);
    } finally {
      await pgServer.close();
    }
  });
});
