/**
 * The alarm runtime end to end: readings committed through telemetry raise and clear alarms with
 * no poll of the store; state is rebuilt after a restart and after a crash between a commit and its
 * alarm; maintenance suppresses; no data is judged by the clock. Then the HTTP side: the preview
 * (back-test), the chart overlay, the live stream and an alarm raised from a real MQTT publish.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import { AlarmRuntime } from '../src/modules/alarms/runtime.ts';
import { downsample, episodesOf } from '../src/modules/alarms/runtime-routes.ts';
import { createEvaluator } from '../src/modules/alarms/evaluator.ts';
import { entryKey, entrySignature, RuleCache } from '../src/modules/alarms/rule-cache.ts';
import type { ResolvedRule } from '../src/modules/alarms/rule-model.ts';
import { seedFrom } from '../src/modules/alarms/runtime.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';
import { until } from './helpers/poll.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { REQUIRE_SERVICES } from './helpers/services.ts';

const ctx = systemContext('test');

/** A runtime wired as startPlatform wires it, with a clock the test moves. */
function runtimeOf(s: Services, clock: () => number) {
  const runtime = new AlarmRuntime({
    store: s.alarms,
    telemetry: s.telemetry,
    deviceStates: (ids) => s.alarms.deviceServiceStates(ids),
    rulesVersion: () => s.alarms.rulesVersion(),
    clock,
    tickMs: 50,
    refreshMs: 100,
    lease: { leaseMs: 3000, heartbeatMs: 1000, retryMs: 50 },
  });
  s.worker.start({ nodeId: `test-${Math.random()}` });
  runtime.start(s.worker);
  return runtime;
}

async function plant(s: Services) {
  const ent = await s.registry.enterprises.create(ctx, { code: 'rt', name: 'runtime enterprise', industry: 'energy' });
  const site = await s.registry.sites.create(ctx, { enterpriseId: ent.id, code: 'rt-site', name: 's' });
  const device = await s.registry.devices.create(ctx, { siteId: site.id, code: 'rt-stack', name: 'stack', kind: 'energy_meter', protocol: 'mqtt' });
  const tag = await s.registry.tags.create(ctx, { deviceId: device.id, key: 'nox', name: 'NOx', kind: 'power', unit: 'kW', highLimit: 100 });
  const quiet = await s.registry.tags.create(ctx, { deviceId: device.id, key: 'flow', name: 'flow', kind: 'power', unit: 'kW' });
  return { enterpriseId: ent.id, deviceId: device.id, tagId: tag.id, quietTagId: quiet.id };
}

/** The owner's view: the park sees only emission and safety alarms unless shared, and these are process alarms. */
const ownerCtx = (enterpriseId: number) => ({ ...ctx, role: 'enterprise_admin' as const, enterpriseId });
let owner = ownerCtx(0);
const activeOf = async (s: Services, tagId: number) => (await s.alarms.list(owner, { state: 'active', tagId, limit: 50, offset: 0 })).items;
const allOf = async (s: Services, tagId: number) => (await s.alarms.list(owner, { tagId, limit: 50, offset: 0 })).items;

for (const dialect of await testDialects()) {
  describe(`alarm runtime on ${dialect}`, () => {
    let db: TestDatabase;
    let s: Services;
    let runtime: AlarmRuntime;
    let now = Date.now();
    const clock = () => now;
    let p: Awaited<ReturnType<typeof plant>>;
    const commit = (tagId: number, ts: number, value: number) => s.telemetry.store({ id: p.deviceId, enterpriseId: p.enterpriseId }, [{ tagId, ts, value }], 'test', ts);

    beforeAll(async () => {
      db = await freshDatabase(dialect);
      s = await openServices({ db: db.url, sessionTtlHours: 1 });
      p = await plant(s);
      owner = ownerCtx(p.enterpriseId);
      runtime = runtimeOf(s, clock);
      await runtime.whenEvaluating();
    });
    afterAll(async () => {
      await runtime?.stop();
      await s?.close();
      await db?.drop();
    });

    it("raises an alarm when a reading crosses its tag's H limit, without any poll of the store", async () => {
      const t = Date.now();
      // The tag's limit became a rule on the runtime's start (syncTagLimitRules).
      await until(() => s.alarms.resolvedRules(), (rules) => rules.some((r) => r.tagId === p.tagId), 'the tag-limit rule');
      expect((await commit(p.tagId, t, 112)).ok).toBe(true);
      const [alarm] = await until(() => activeOf(s, p.tagId), (items) => items.length === 1, 'the H alarm');
      expect(alarm).toMatchObject({ tagId: p.tagId, state: 'active_unacknowledged', level: 'H', active: true });
      expect(alarm.ruleId).toEqual(expect.any(Number));
      expect(alarm.raisedAt).toBe(t);
    });

    it('clears it when the reading comes back within the limit', async () => {
      await commit(p.tagId, Date.now(), 90);
      const [alarm] = await until(() => allOf(s, p.tagId), (items) => items.length === 1 && !items[0].active, 'the alarm to clear');
      expect(alarm.state).toBe('cleared_unacknowledged');
      expect(await activeOf(s, p.tagId)).toEqual([]);
    });

    it('suppresses the alarms of a device in maintenance, and lifts it when back in service', async () => {
      await commit(p.tagId, Date.now(), 130);
      await until(() => activeOf(s, p.tagId), (items) => items.length === 1, 'the alarm raised again');
      await s.registry.devices.update(ctx, p.deviceId, { serviceState: 'maintenance' });
      await until(() => allOf(s, p.tagId), (items) => items[0]?.state === 'suppressed', 'suppression');
      await s.registry.devices.update(ctx, p.deviceId, { serviceState: 'in_service' });
      await until(() => allOf(s, p.tagId), (items) => items[0]?.active === true && items[0]?.state !== 'suppressed', 'the suppression lifted');
    });

    it('reports a tag gone silent when the clock passes its silence, and clears on the next reading', async () => {
      const rule = await s.alarms.rules.create(ctx, { tagId: p.quietTagId, kind: 'no_data', silenceSeconds: 60, severity: 'low' });
      const t = Date.now();
      now = t;
      await commit(p.quietTagId, t, 5);
      // The new rule is picked up by a refresh; nothing is silent yet.
      await until(() => s.alarms.resolvedRules(), (rules) => rules.some((r) => r.ruleId === rule.id), 'the no-data rule');
      await until(() => Promise.resolve(runtime.cache.get(`${rule.id}:t${p.quietTagId}`)), (e) => e !== undefined, 'its evaluator');
      expect(await activeOf(s, p.quietTagId)).toEqual([]);
      now = t + 61_000;
      const [alarm] = await until(() => activeOf(s, p.quietTagId), (items) => items.length === 1, 'the no-data alarm');
      expect(alarm).toMatchObject({ ruleId: rule.id, level: 'NO_DATA' });
      now = t + 62_000;
      await commit(p.quietTagId, t + 62_000, 6);
      await until(() => activeOf(s, p.quietTagId), (items) => items.length === 0, 'the no-data alarm to clear');
    });

    it('raises one flood alarm for a unit where more than ten alarms were raised within ten minutes', async () => {
      const dev = await s.registry.devices.get(ctx, p.deviceId);
      const unit = await s.registry.units.create(ctx, { siteId: dev.siteId, code: 'rt-unit', name: 'unit', kind: 'production' });
      const d = await s.registry.devices.create(ctx, { siteId: dev.siteId, unitId: unit.id, code: 'rt-flood', name: 'flood', kind: 'energy_meter', protocol: 'mqtt' });
      const tags: { id: number }[] = [];
      for (let i = 0; i < 11; i++) tags.push(await s.registry.tags.create(ctx, { deviceId: d.id, key: `f${i}`, name: `f${i}`, kind: 'power', unit: 'kW', highLimit: 10 }));
      await until(() => Promise.resolve(tags.every((t) => runtime.cache.forTag(t.id)?.length)), (ok) => ok, 'the tag-limit rules of the unit');
      const t = Date.now();
      // Flood detection judges on the runtime's clock.
      now = t;
      await s.telemetry.store({ id: d.id, enterpriseId: p.enterpriseId }, tags.map((tag) => ({ tagId: tag.id, ts: t, value: 20 })), 'test', t);
      const flood = await until(
        async () => (await s.alarms.list(owner, { source: 'alarms', unitId: unit.id, state: 'active', limit: 10, offset: 0 })).items,
        (items) => items.length === 1,
        'the flood alarm',
      );
      expect(flood[0]).toMatchObject({ sourceKey: `flood:unit:${unit.id}`, category: 'process', severity: 'high', unitId: unit.id });
      expect((await s.alarms.list(owner, { unitId: unit.id, state: 'active', limit: 50, offset: 0 })).items).toHaveLength(12);
    });

    it('rebuilds state after a restart, and judges a reading committed whose alarm was not written (a crash)', async () => {
      await until(() => activeOf(s, p.tagId), (items) => items.length === 1, 'the standing alarm');
      // The "crash": evaluation stops, then a reading over HH... of a new tag with limits commits unjudged.
      const late = await s.registry.tags.create(ctx, { deviceId: p.deviceId, key: 'so2', name: 'SO2', kind: 'power', unit: 'kW', highLimit: 50 });
      await runtime.stop();
      await s.worker.stop();
      const t = Date.now();
      await commit(late.id, t, 75);
      await s.close();

      s = await openServices({ db: db.url, sessionTtlHours: 1 });
      // Nothing evaluates yet: the store still shows the alarm raised before the restart.
      expect((await activeOf(s, p.tagId)).length).toBe(1);
      expect(await activeOf(s, late.id)).toEqual([]);
      runtime = runtimeOf(s, clock);
      await runtime.whenEvaluating();
      // Seeding judged the unjudged reading: its alarm is raised at the reading's time.
      const [raised] = await until(() => activeOf(s, late.id), (items) => items.length === 1, 'the alarm of the reading committed before the crash');
      expect(raised).toMatchObject({ level: 'H', raisedAt: t });
      // Nothing cleared came back: the first tag's alarm stands once (not doubled), and clears on a reading within.
      expect((await activeOf(s, p.tagId)).length).toBe(1);
      await commit(p.tagId, Date.now(), 80);
      await until(() => activeOf(s, p.tagId), (items) => items.length === 0, 'the standing alarm to clear after the restart');
      // Evaluation is by commit: 'passes' counted the readings, the store was not polled for them.
      expect(runtime.stats.passes).toBeGreaterThan(0);
    });
  });
}

describe('the rule cache', () => {
  const rule = (ruleId: number, tagId: number, high: number): ResolvedRule => ({
    ruleId, enterpriseId: 1, tagId, deviceId: 1, unitId: null, severity: 'high', category: 'process',
    params: { kind: 'threshold', high, deadband: 0, onDelayMs: 0, offDelayMs: 0 },
  });
  const entryOf = (r: ResolvedRule) => ({ key: entryKey(r), signature: entrySignature(r, [r.tagId!]), rule: r, evaluator: createEvaluator(r.params), tagIds: [r.tagId!], active: false });

  it('keeps unchanged rules, rebuilds changed ones and drops removed ones', () => {
    const cache = new RuleCache();
    const [a, b, c] = [rule(1, 10, 100), rule(2, 10, 50), rule(3, 11, 7)];
    for (const r of [a, b, c]) cache.add(entryOf(r));
    expect(cache.forTag(10)).toHaveLength(2);
    const b2 = rule(2, 10, 60);
    const d = rule(4, 12, 1);
    const wanted = new Map([a, b2, d].map((r) => [entryKey(r), { rule: r, tagIds: [r.tagId!] }]));
    const { drop, build } = cache.plan(wanted);
    expect(drop.sort()).toEqual([entryKey(b), entryKey(c)].sort());
    expect(build.map((x) => x.rule.ruleId).sort()).toEqual([2, 4]);
    for (const k of drop) cache.remove(k);
    for (const x of build) cache.add(entryOf(x.rule));
    expect(cache.forTag(11)).toBeUndefined();
    expect(cache.forTag(10)!.map((e) => e.rule.params)).toEqual([a.params, b2.params]);
    expect(cache.plan(wanted)).toEqual({ drop: [], build: [] });
  });

  it('records a problem once per message, and forgets problems of removed rules', () => {
    const cache = new RuleCache();
    expect(cache.setProblem({ ruleId: 5, code: 'baseline-unusable', message: 'too short', since: 1 })).toBe(true);
    expect(cache.setProblem({ ruleId: 5, code: 'baseline-unusable', message: 'too short', since: 2 })).toBe(false);
    cache.retainProblems(new Set([6]));
    expect(cache.problems()).toEqual([]);
  });

  it('seeds a window rule from the start of its current window in the park’s time', () => {
    const day = 86_400_000;
    const offset = 8 * 3_600_000;
    const now = Date.UTC(2026, 0, 10, 20, 0); // 04:00 on the 11th in UTC+8
    const from = seedFrom({ kind: 'window', windowMs: day, aggregate: 'mean', high: 1, low: null, minCompleteness: 0.5, expectedIntervalMs: 60_000, utcOffsetMs: offset }, now);
    expect(from).toBe(Date.UTC(2026, 0, 10, 16, 0)); // local midnight
    expect(seedFrom({ kind: 'no_data', silenceMs: 1 }, now)).toBe(now - 3_600_000);
  });
});

describe('pure helpers of the runtime routes', () => {
  it('downsamples to at most the maximum, keeping each bucket’s extremes in time order', () => {
    const pts = Array.from({ length: 10_000 }, (_, i) => ({ ts: i * 1000, value: i === 5_000 ? 1e6 : Math.sin(i / 50) }));
    const out = downsample(pts, 2000);
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out.some((p) => p.value === 1e6)).toBe(true);
    for (let i = 1; i < out.length; i++) expect(out[i].ts).toBeGreaterThan(out[i - 1].ts);
    expect(downsample(pts.slice(0, 10), 2000)).toHaveLength(10);
  });

  it('makes episodes of a journal: raise to clear, the latest level, clipped to the range', () => {
    const journal = [
      { at: 30, active: false, level: null },
      { at: 10, active: true, level: 'H' },
      { at: 20, active: true, level: 'HH' },
      { at: 50, active: true, level: 'L' },
      { at: 40, active: false, level: null }, // an acknowledgement while cleared changes nothing
    ];
    expect(episodesOf(journal, 0, 100)).toEqual([
      { level: 'HH', from: 10, to: 30 },
      { level: 'L', from: 50, to: null },
    ]);
    expect(episodesOf(journal, 35, 100)).toEqual([{ level: 'L', from: 50, to: null }]);
  });
});

describe('alarm runtime over HTTP and MQTT', () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let device: { id: number; code: string; enterpriseId: number };
  let tag: { id: number; key: string };
  let other: ReturnType<typeof client>;
  /** The tag's owner: the park sees process alarms only when the owner shares them. */
  let operator: ReturnType<typeof client>;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
    device = (await admin.get('/api/v1/devices?q=chp-&limit=1')).body.items[0];
    tag = (await admin.post('/api/v1/tags', { deviceId: device.id, key: 'rt_probe', name: 'probe', kind: 'power', unit: 'kW', highLimit: 100 })).body;
    const enterprises = (await admin.get('/api/v1/enterprises?limit=50')).body.items as { id: number; code: string }[];
    const stranger = enterprises.find((e) => e.id !== device.enterpriseId)!;
    const own = enterprises.find((e) => e.id === device.enterpriseId)!;
    operator = client(server.url, await login(server.url, `${own.code}.operator`, 'symbiont-demo'));
    other = client(server.url, await login(server.url, `${stranger.code}.operator`, 'symbiont-demo'));
  });
  afterAll(() => server?.close());

  it('raises an alarm from a reading published with mosquitto_pub', async () => {
    const token = (await admin.post(`/api/v1/devices/${device.id}/credentials`)).body.token;
    const ts = Date.now();
    const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const p = spawn('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(server.mqttPort), '-u', device.code, '-P', token, '-i', `rt-${Math.random()}`, '-q', '1', '-t', `symbiont/v1/${device.code}/telemetry`, '-m', JSON.stringify({ ts, values: { rt_probe: 140 } })]);
      let err = '';
      p.stderr.on('data', (d) => (err += d));
      p.on('error', (e) => resolve({ code: -1, err: e.message }));
      p.on('close', (code) => resolve({ code, err }));
    });
    if (r.code === -1 && /ENOENT/.test(r.err) && !REQUIRE_SERVICES) return console.warn('[skip] mosquitto_pub is not installed');
    expect(r).toEqual({ code: 0, err: '' });
    const res = await until(() => operator.get(`/api/v1/alarms?state=active&tagId=${tag.id}`), (x) => x.body.items?.length === 1, 'the alarm of the MQTT reading');
    expect(res.body.items[0]).toMatchObject({ tagId: tag.id, ruleId: expect.any(Number), state: 'active_unacknowledged', raisedAt: ts });
  });

  it('streams the alarm changes the caller may see, and not to another enterprise', async () => {
    const watch = async (c: ReturnType<typeof client>) => {
      const ac = new AbortController();
      const res = await fetch(`${server.url}/api/v1/alarms/stream`, { headers: { authorization: `Bearer ${c.token}` }, signal: ac.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      let text = '';
      const read = (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            text += new TextDecoder().decode(value);
          }
        } catch {
          /* aborted */
        }
      })();
      return { text: () => text, close: async () => (ac.abort(), await read) };
    };
    const mine = await watch(operator);
    const theirs = await watch(other);
    try {
      await until(() => Promise.resolve(mine.text()), (t) => t.startsWith(': alarms'), 'the stream to open');
      await admin.post('/api/v1/telemetry?device=' + device.code, { ts: Date.now(), values: { rt_probe: 20 } });
      const seen = await until(() => Promise.resolve(mine.text()), (t) => t.includes(`"tagId":${tag.id}`), 'the change on the stream');
      expect(seen).toMatch(/event: alarm\ndata: \{/);
      // The other enterprise's stream was open all along and saw nothing of this tag.
      expect(theirs.text()).not.toContain(`"tagId":${tag.id}`);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  it('previews a rule on the last days of the tag, and refuses bad input and other enterprises’ tags', async () => {
    const now = Date.now();
    const r = await admin.post('/api/v1/alarm-rules/preview', { rule: { tagId: tag.id, kind: 'threshold', high: 100, severity: 'high' }, days: 1 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tagId: tag.id, points: expect.any(Number) });
    expect(r.body.to - r.body.from).toBe(86_400_000);
    expect(r.body.to).toBeGreaterThanOrEqual(now);
    // The two readings of the tests before: 140 (over) then 20 (back within).
    expect(r.body.result.episodes).toEqual([expect.objectContaining({ level: 'H', to: expect.any(Number) })]);
    expect(r.body.series.length).toBe(r.body.points);

    const bad = await admin.post('/api/v1/alarm-rules/preview', { rule: { tagId: tag.id, kind: 'threshold', high: 100, low: 200 } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('/body/rule/high');

    const noTag = await admin.post('/api/v1/alarm-rules/preview', { rule: { deviceId: device.id, tagKey: 'rt_probe', kind: 'threshold', high: 1 } });
    expect(noTag.status).toBe(400);
    expect(noTag.body.errors[0].path).toBe('/body/tagId');

    const days = await admin.post('/api/v1/alarm-rules/preview', { rule: { tagId: tag.id, kind: 'threshold', high: 1 }, days: 31 });
    expect(days.status).toBe(400);

    const hidden = await other.post('/api/v1/alarm-rules/preview', { rule: { tagId: tag.id, kind: 'threshold', high: 100 } });
    expect(hidden.status).toBe(404);
  });

  it("draws a tag's chart overlay: limits, forecast, episodes; 404 for another enterprise", async () => {
    const to = Date.now() + 1;
    const r = await operator.get(`/api/v1/tags/${tag.id}/alarm-overlay?from=${to - 3_600_000}&to=${to}`);
    expect(r.status).toBe(200);
    expect(r.body.limits).toEqual({ highHigh: null, high: 100, low: null, lowLow: null });
    expect(r.body.controlLimits).toEqual([]);
    expect(r.body.episodes).toEqual([expect.objectContaining({ level: 'H', from: expect.any(Number) })]);
    expect((await other.get(`/api/v1/tags/${tag.id}/alarm-overlay?from=${to - 3_600_000}&to=${to}`)).status).toBe(404);
    const backwards = await admin.get(`/api/v1/tags/${tag.id}/alarm-overlay?from=${to}&to=${to - 1}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].path).toBe('/query/to');
  });
});
