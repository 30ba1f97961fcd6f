/**
 * The alarms API over HTTP on the demo park: rules, the alarm list and its filters, tenancy (another
 * enterprise's alarms, rules and tags answer 404 or are refused as references), the park's default
 * view of emission and safety alarms and an enterprise's rule withdrawing it, bulk actions with
 * per-alarm refusals, and hostile input answered with problem+json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from './helpers/poll.ts';
import type { ResolvedRule } from '../src/modules/alarms/rule-model.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

type Client = ReturnType<typeof client>;
let server: TestServer;
let admin: Client;
let aOperator: Client;
let aViewer: Client;
let aAdmin: Client;
let bOperator: Client;
let regulator: Client;
let a: { id: number; code: string };
let b: { id: number; code: string };
let emissionTag: { id: number; deviceId: number; enterpriseId: number };
let qualityTagId: number;
let emissionAlarm: number;
let qualityAlarm: number;
let emissionRule: number;

const problemJson = (r: { status: number; headers: Headers; body: { type?: string; status?: number } }, status: number) => {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(r.body.status).toBe(status);
};

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
  const tags = (await admin.get('/api/v1/tags?kind=emission&limit=1000')).body.items as { id: number; deviceId: number; enterpriseId: number }[];
  emissionTag = tags[0];
  const ents = (await admin.get('/api/v1/enterprises?limit=100')).body.items as { id: number; code: string }[];
  a = ents.find((e) => e.id === emissionTag.enterpriseId)!;
  b = ents.find((e) => e.id !== a.id)!;
  const as = (role: string) => login(server.url, `${a.code}.${role}`, 'symbiont-demo');
  aOperator = client(server.url, await as('operator'));
  aViewer = client(server.url, await as('viewer'));
  aAdmin = client(server.url, await as('admin'));
  bOperator = client(server.url, await login(server.url, `${b.code}.operator`, 'symbiont-demo'));
  regulator = client(server.url, await login(server.url, 'regulator', 'symbiont-demo'));
  const q = await admin.post('/api/v1/tags', { deviceId: emissionTag.deviceId, key: 'alarm_test_quality', name: '质量', kind: 'quality', unit: '%' });
  expect(q.status).toBe(201);
  qualityTagId = q.body.id;

  // Two alarms of enterprise A, raised as the runtime raises them.
  const er = await aOperator.post('/api/v1/alarm-rules', { tagId: emissionTag.id, kind: 'threshold', high: 1, severity: 'high' });
  expect(er.status).toBe(201);
  emissionRule = er.body.id;
  const qr = await aOperator.post('/api/v1/alarm-rules', { tagId: qualityTagId, kind: 'threshold', low: 99 });
  expect(qr.status).toBe(201);
  expect(qr.body.category).toBe('quality');
  const base = { enterpriseId: a.id, deviceId: emissionTag.deviceId, unitId: null, params: { kind: 'threshold', high: 1, deadband: 0, onDelayMs: 0, offDelayMs: 0 } } as const;
  const rule = (ruleId: number, tagId: number, category: 'emission' | 'quality'): ResolvedRule => ({ ...base, ruleId, tagId, category, severity: 'high' });
  const now = Date.now();
  await server.services.alarms.applyConditions([
    { rule: rule(emissionRule, emissionTag.id, 'emission'), change: { at: now, active: true, level: 'H', value: 2, detail: { limit: 1 } } },
    { rule: rule(qr.body.id, qualityTagId, 'quality'), change: { at: now, active: true, level: 'L', value: 98, detail: { limit: 99 } } },
  ]);
  // The owner's view: the park sees only what is shared with it (emission and safety by default).
  const list = (await aOperator.get('/api/v1/alarms?limit=1000')).body.items as { id: number; ruleId: number }[];
  emissionAlarm = list.find((x) => x.ruleId === emissionRule)!.id;
  qualityAlarm = list.find((x) => x.ruleId === qr.body.id)!.id;
});
afterAll(() => server?.close());

describe('alarm rules', () => {
  it('creates a threshold rule from the exact body of the issue', async () => {
    const r = await admin.post('/api/v1/alarm-rules', { tagId: 5, kind: 'threshold', high: 100, severity: 'high' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const tag = (await admin.get('/api/v1/tags/5')).body;
    expect(r.body).toMatchObject({ tagId: 5, kind: 'threshold', high: 100, severity: 'high', origin: 'user', enabled: true, enterpriseId: tag.enterpriseId, deadband: 0, onDelaySeconds: 0 });
    expect(r.body.category).toBe(tag.kind === 'emission' ? 'emission' : tag.kind === 'quality' ? 'quality' : 'process');
    expect(r.headers.get('location')).toBe(`/api/v1/alarm-rules/${r.body.id}`);
  });

  it('refuses rules that name nothing, two subjects, or parameters the engine cannot run, each on its field', async () => {
    const none = await aOperator.post('/api/v1/alarm-rules', { kind: 'threshold', high: 1 });
    problemJson(none, 400);
    const two = await aOperator.post('/api/v1/alarm-rules', { tagId: emissionTag.id, deviceId: emissionTag.deviceId, kind: 'threshold', high: 1 });
    problemJson(two, 400);
    expect(two.body.errors.map((e: { path: string }) => e.path)).toContain('/body/deviceId');
    const disordered = await aOperator.post('/api/v1/alarm-rules', { tagId: emissionTag.id, kind: 'threshold', high: 10, highHigh: 5 });
    problemJson(disordered, 400);
    const noWindow = await aOperator.post('/api/v1/alarm-rules', { tagId: emissionTag.id, kind: 'rate', maxRise: 3 });
    expect(noWindow.body.errors).toContainEqual(expect.objectContaining({ path: '/body/windowSeconds' }));
    problemJson(await aOperator.post('/api/v1/alarm-rules', { tagId: emissionTag.id, kind: 'threshold', high: 1, origin: 'tag_limits' }), 400);
    problemJson(await aOperator.post('/api/v1/alarm-rules', { tagId: 'five', kind: 'threshold', high: 1 }), 400);
    problemJson(await aViewer.post('/api/v1/alarm-rules', { tagId: emissionTag.id, kind: 'threshold', high: 1 }), 403);
    const parkMissing = await admin.post('/api/v1/alarm-rules', { tagId: 2_000_000_000, kind: 'threshold', high: 1 });
    problemJson(parkMissing, 400);
    expect(parkMissing.body.errors).toEqual([{ path: '/body/tagId', message: 'no such tag' }]);
  });

  it("keeps another enterprise's rules and tags out of reach", async () => {
    problemJson(await bOperator.get(`/api/v1/alarm-rules/${emissionRule}`), 404);
    problemJson(await bOperator.patch(`/api/v1/alarm-rules/${emissionRule}`, { enabled: false }), 404);
    problemJson(await bOperator.delete(`/api/v1/alarm-rules/${emissionRule}`), 404);
    expect((await bOperator.get('/api/v1/alarm-rules?limit=1000')).body.items.every((r: { enterpriseId: number }) => r.enterpriseId === b.id)).toBe(true);
    // Naming A's tag does not make a rule of B's, nor does it say whether the tag exists.
    const foreign = await bOperator.post('/api/v1/alarm-rules', { tagId: emissionTag.id, kind: 'threshold', high: 1 });
    problemJson(foreign, 400);
    expect(foreign.body.errors).toContainEqual({ path: '/body/tagId', message: 'no such tag in this enterprise' });
    const missing = await bOperator.post('/api/v1/alarm-rules', { tagId: 2_000_000_000, kind: 'threshold', high: 1 });
    expect(missing.body.errors).toEqual(foreign.body.errors);
  });

  it("keeps a tag's own limits rule: editable, not deletable", async () => {
    await server.services.alarms.syncTagLimitRules();
    const own = (await aOperator.get(`/api/v1/alarm-rules?origin=tag_limits&tagId=${emissionTag.id}`)).body.items;
    expect(own).toHaveLength(1);
    const del = await aOperator.delete(`/api/v1/alarm-rules/${own[0].id}`);
    problemJson(del, 409);
    expect(del.body.detail).toMatch(/disable it/);
    expect((await aOperator.patch(`/api/v1/alarm-rules/${own[0].id}`, { deadband: 1, enabled: false })).status).toBe(200);
    problemJson(await aOperator.patch(`/api/v1/alarm-rules/${own[0].id}`, { high: 5 }), 400);
  });
});

describe('alarms', () => {
  it('lists the active alarms with their tag, rule, state and raise time', async () => {
    const r = await aOperator.get('/api/v1/alarms?state=active&limit=1000');
    expect(r.status).toBe(200);
    const mine = r.body.items.find((x: { id: number }) => x.id === emissionAlarm);
    expect(mine).toMatchObject({ tagId: emissionTag.id, ruleId: emissionRule, state: 'active_unacknowledged', active: true, acknowledged: false, category: 'emission', severity: 'high', level: 'H', enterpriseCode: a.code });
    expect(typeof mine.raisedAt).toBe('number');
    expect(mine.message).toBe('H: 2 above the limit 1');
    expect(r.body.items.every((x: { enterpriseId: number }) => x.enterpriseId === a.id)).toBe(true);
    expect((await aOperator.get(`/api/v1/alarms?category=quality&limit=1000`)).body.items.map((x: { id: number }) => x.id)).toContain(qualityAlarm);
    expect((await aOperator.get(`/api/v1/alarms?state=shelved&limit=1000`)).body.items.map((x: { id: number }) => x.id)).not.toContain(emissionAlarm);
    const summary = (await aOperator.get('/api/v1/alarms/summary')).body;
    expect(summary.unacknowledged).toBeGreaterThanOrEqual(2);
    expect(summary.byState.active_unacknowledged).toBeGreaterThanOrEqual(2);
  });

  it("answers 404 for another enterprise's alarm, and refuses acting on it per alarm", async () => {
    problemJson(await bOperator.get(`/api/v1/alarms/${emissionAlarm}`), 404);
    problemJson(await bOperator.get(`/api/v1/alarms/${emissionAlarm}/history`), 404);
    expect((await bOperator.get('/api/v1/alarms?limit=1000')).body.items.map((x: { id: number }) => x.id)).not.toContain(emissionAlarm);
    const act = await bOperator.post('/api/v1/alarms/actions', { ids: [emissionAlarm], action: 'acknowledge' });
    expect(act.status).toBe(200);
    expect(act.body.results).toEqual([{ id: emissionAlarm, ok: false, problem: expect.objectContaining({ status: 404 }) }]);
    expect((await admin.get(`/api/v1/alarms/${emissionAlarm}`)).body.state).toBe('active_unacknowledged');
  });

  it('shows the park emission alarms by default, not quality ones, until the enterprise withdraws them', async () => {
    const seen = async () => (await regulator.get(`/api/v1/alarms?enterpriseId=${a.id}&limit=1000`)).body.items.map((x: { id: number }) => x.id);
    expect(await seen()).toContain(emissionAlarm);
    expect(await seen()).not.toContain(qualityAlarm);
    problemJson(await regulator.get(`/api/v1/alarms/${qualityAlarm}`), 404);
    // The park sees, but a read-only role does not act.
    expect((await regulator.post('/api/v1/alarms/actions', { ids: [emissionAlarm], action: 'acknowledge' })).body.results[0]).toMatchObject({ ok: false, problem: { status: 403 } });
    const none = await aAdmin.post('/api/v1/alarm-shares', { granteeId: null, scope: 'none' });
    expect(none.status, JSON.stringify(none.body)).toBe(201);
    expect(await seen()).not.toContain(emissionAlarm);
    expect((await aAdmin.patch(`/api/v1/alarm-shares/${none.body.id}`, { scope: 'all' })).status).toBe(200);
    expect(await seen()).toEqual(expect.arrayContaining([emissionAlarm, qualityAlarm]));
    expect((await aAdmin.delete(`/api/v1/alarm-shares/${none.body.id}`)).status).toBe(204);
    // A partner sees only what a rule grants it.
    expect((await bOperator.get(`/api/v1/alarms?enterpriseId=${a.id}`)).body.items).toEqual([]);
  });

  it("shows the park the alarms of its own rules: a park administrator's rule on a process tag, posted, then a reading over it", async () => {
    // The way a new user tries the product: the administrator's rule, then a device's reading.
    const tag = ((await admin.get(`/api/v1/tags?enterpriseId=${b.id}&kind=flow&limit=1`)).body.items as { id: number; deviceId: number; key: string }[])[0];
    const rule = await admin.post('/api/v1/alarm-rules', { tagId: tag.id, kind: 'threshold', high: 1e6, severity: 'high' });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ enterpriseId: b.id, category: 'process', byPark: true });
    const device = (await admin.get(`/api/v1/devices/${tag.deviceId}`)).body as { code: string };
    expect((await admin.post(`/api/v1/telemetry?device=${device.code}`, { values: { [tag.key]: 2e6 } })).status).toBe(200);
    await until(async () => (await admin.get(`/api/v1/alarms?state=active&ruleId=${rule.body.id}`)).body.items, (items) => items.length === 1, 'the park administrator sees the alarm of its rule');
    const [alarm] = (await admin.get(`/api/v1/alarms?state=active&ruleId=${rule.body.id}`)).body.items;
    expect(alarm).toMatchObject({ tagId: tag.id, ruleId: rule.body.id, state: 'active_unacknowledged', category: 'process' });
    expect(typeof alarm.raisedAt).toBe('number');
    // The enterprise's own process rules stay its own.
    const own = await bOperator.post('/api/v1/alarm-rules', { tagId: tag.id, kind: 'threshold', high: 1e6 });
    expect(own.body.byPark).toBe(false);
    await until(async () => (await bOperator.get(`/api/v1/alarms?state=active&ruleId=${own.body.id}`)).body.items, (items) => items.length === 1, 'the enterprise sees its rule’s alarm');
    expect((await admin.get(`/api/v1/alarms?ruleId=${own.body.id}`)).body.items).toEqual([]);
  });

  it('acts in bulk through the lifecycle: acknowledged once, refusals reported per alarm, everything journaled', async () => {
    const ack = await aOperator.post('/api/v1/alarms/actions', { ids: [emissionAlarm, qualityAlarm, 2_000_000_000], action: 'acknowledge', comment: 'on it' });
    expect(ack.status).toBe(200);
    expect(ack.body.results).toEqual([
      { id: emissionAlarm, ok: true, state: 'active_acknowledged' },
      { id: qualityAlarm, ok: true, state: 'active_acknowledged' },
      { id: 2_000_000_000, ok: false, problem: expect.objectContaining({ status: 404 }) },
    ]);
    const again = await aOperator.post('/api/v1/alarms/actions', { ids: [emissionAlarm], action: 'acknowledge' });
    expect(again.body.results).toEqual([{ id: emissionAlarm, ok: true, state: 'active_acknowledged' }]);
    expect((await aOperator.post('/api/v1/alarms/actions', { ids: [emissionAlarm], action: 'comment', comment: 'called the shift lead' })).body.results[0]).toMatchObject({ ok: true });
    // Nothing to unshelve: the lifecycle's reason comes back, not a failure of the request.
    const unshelve = await aOperator.post('/api/v1/alarms/actions', { ids: [emissionAlarm], action: 'unshelve' });
    expect(unshelve.body.results[0]).toMatchObject({ ok: false, reason: 'not_shelved', problem: { status: 409 } });
    const shelve = await aOperator.post('/api/v1/alarms/actions', { ids: [qualityAlarm], action: 'shelve', reason: 'analyser calibration', durationMinutes: 60 });
    expect(shelve.body.results[0]).toMatchObject({ ok: true, state: 'shelved' });
    expect((await aOperator.get(`/api/v1/alarms/${qualityAlarm}`)).body.shelvedUntil).toBeGreaterThan(Date.now());

    const history = (await aOperator.get(`/api/v1/alarms/${emissionAlarm}/history`)).body;
    expect(history.items.map((h: { why: string }) => h.why)).toEqual(['commented', 'acknowledged', 'raised']);
    expect(history.items[1]).toMatchObject({ byName: `${a.code}.operator`, note: 'on it', fromState: 'active_unacknowledged', toState: 'active_acknowledged' });
    expect(history.items[2]).toMatchObject({ by: 'system', byName: null });
    const audit = (await admin.get(`/api/v1/audit?entity=alarm&limit=100`)).body;
    const actions = (audit.items as { action: string; entityId: string }[]).filter((x) => [String(emissionAlarm), String(qualityAlarm)].includes(String(x.entityId))).map((x) => x.action);
    expect(actions.sort()).toEqual(['acknowledge', 'acknowledge', 'comment', 'shelve']);
  });

  it('answers hostile input with problem+json', async () => {
    for (const body of [
      { ids: ['x'], action: 'acknowledge' },
      { ids: [0], action: 'acknowledge' },
      { ids: [], action: 'acknowledge' },
      { ids: Array.from({ length: 501 }, (_, i) => i + 1), action: 'acknowledge' },
      { ids: [1, 1], action: 'acknowledge' },
      { ids: [1], action: 'explode' },
      { ids: [1], action: 'acknowledge', extra: true },
      { ids: '1', action: 'acknowledge' },
      { ids: [emissionAlarm], action: 'shelve', durationMinutes: 10 },
      { ids: [emissionAlarm], action: 'shelve', reason: 'x' },
      { ids: [emissionAlarm], action: 'shelve', reason: 'x', durationMinutes: 10_081 },
      { ids: [emissionAlarm], action: 'shelve', reason: 'x', until: Date.now() + 8 * 86_400_000 },
      { ids: [emissionAlarm], action: 'shelve', reason: 'x', until: Date.now() - 1 },
      { ids: [emissionAlarm], action: 'comment' },
    ]) {
      const r = await aOperator.post('/api/v1/alarms/actions', body);
      problemJson(r, 400);
    }
    problemJson(await aOperator.post('/api/v1/alarms/actions', '{"ids": [1'), 400);
    // A path that cannot name a record names none (the platform's rule for integer path parameters).
    problemJson(await aOperator.get('/api/v1/alarms/abc'), 404);
    problemJson(await aOperator.get('/api/v1/alarms/0x1'), 404);
    problemJson(await aOperator.get('/api/v1/alarms/99999999999999/history'), 404);
    problemJson(await aOperator.get('/api/v1/alarms?state=bogus'), 400);
    problemJson(await aOperator.get('/api/v1/alarms?limit=100000'), 400);
    problemJson(await aOperator.get('/api/v1/alarms?tagId=-1'), 400);
    problemJson(await client(server.url).get('/api/v1/alarms'), 401);
  });
});
