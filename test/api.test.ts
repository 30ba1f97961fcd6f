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
