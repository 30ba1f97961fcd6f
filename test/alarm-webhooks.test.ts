/**
 * Alarm webhooks through the API, with real HTTP receivers on 127.0.0.1 (allow-listed by the park
 * administrator, since the outbound guard refuses loopback): signed deliveries a receiver verifies
 * as docs/alarm-webhooks.md says, retries with an injected backoff, dead letters and their retry,
 * a test ping, tenancy (a hostile enterprise's webhook never hears another's alarms, the park's
 * hears only what the park may see), SSRF refusals, and a hanging receiver that stalls no other.
 * Alarm transitions are recorded as `alarms.alarm.changed` events through the outbox, as the alarms
 * service records them, so nothing here depends on the alarm runtime. Waits are for conditions.
 */
import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../src/adapters/db/outbox.ts';
import type { DomainEvents } from '../src/core/events.ts';
import { verifySignature } from '../src/modules/alarms/webhooks/signing.ts';
import { until } from './helpers/poll.ts';
import { postgresReachable } from './helpers/services.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

type AlarmChanged = DomainEvents['alarms.alarm.changed'];
type Client = ReturnType<typeof client>;

interface Received {
  at: number;
  headers: http.IncomingHttpHeaders;
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests navigate bodies freely
  body: any;
}

/** A receiver that records every call and answers `status()`; 'hang' never answers. */
async function receiver() {
  const received: Received[] = [];
  const open = new Set<http.ServerResponse>();
  const r = { received, status: (): number | 'hang' => 200, url: '', close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ at: Date.now(), headers: req.headers, raw, body: JSON.parse(raw) });
      const status = r.status();
      if (status === 'hang') open.add(res);
      else res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alarms`;
  r.close = () => {
    for (const res of open) res.destroy();
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return r;
}

/** The receiver's check, exactly as docs/alarm-webhooks.md shows it (no Symbiont code). */
function receiverVerifies(header: string, body: string, secret: string, nowS = Math.floor(Date.now() / 1000)): boolean {
  const { t, v1 } = Object.fromEntries(header.split(',').map((kv) => kv.split('=')));
  if (Math.abs(nowS - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function suite(dialect: 'sqlite' | 'postgres') {
  let server: TestServer;
  let admin: Client;
  let chlor: Client;
  let pvc: Client;
  let chlorId: number;
  let pvcId: number;
  const allowed: string[] = [];
  const receivers: Awaited<ReturnType<typeof receiver>>[] = [];
  let transition = 1_000 + Math.floor(Math.random() * 1_000_000);

  const setAllowlist = async (entries: string[]) => {
    const r = await admin.raw('PUT', '/api/v1/park/outbound-allowlist', { entries });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  /** A receiver on 127.0.0.1, allow-listed (127.0.0.1:its port). */
  const hook = async () => {
    const h = await receiver();
    receivers.push(h);
    allowed.push(new URL(h.url).host);
    await setAllowlist(allowed);
    return h;
  };
  const create = async (c: Client, body: Record<string, unknown>) => {
    const r = await c.post('/api/v1/alarm-webhooks', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: number; secret: string; enterpriseId: number | null };
  };
  /** Records an alarm transition as the alarms service does: in a transaction, through the outbox. */
  const alarm = async (e: Partial<AlarmChanged> & { enterpriseId: number }): Promise<AlarmChanged> => {
    const event: AlarmChanged = { alarmId: 77, transitionId: ++transition, why: 'raised', state: 'unack', severity: 'high', category: 'emission', ...e };
    await server.services.handle.db.transaction().execute((trx) => recordEvent(trx, 'alarms.alarm.changed', event));
    server.services.outbox.wake();
    return event;
  };
  const deliveries = async (c: Client, id: number, status?: string) => {
    const r = await c.get(`/api/v1/alarm-webhooks/${id}/deliveries${status ? `?status=${status}` : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.items as { id: number; status: string; attempts: number; lastStatus: number | null; lastError: string | null; nextAttemptAt: number | null; transitionId: number | null; event: string }[];
  };
  const dispatcher = () => server.app.alarmWebhooks.dispatcher;
  const configure = async (o: Partial<typeof server.app.alarmWebhooks.dispatcher.options>) => {
    await dispatcher().stop();
    Object.assign(dispatcher().options, o);
    dispatcher().start(server.services.worker);
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true, dialect });
    // Quick polls and a short, known backoff: retries happen within a test.
    await configure({ pollMs: 50, backoff: (attempt) => 40 * attempt, timeoutMs: 1_500 });
    admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
    chlor = client(server.url, await login(server.url, 'chloralkali.admin', 'symbiont-demo'));
    pvc = client(server.url, await login(server.url, 'pvc.admin', 'symbiont-demo'));
    chlorId = (await chlor.get('/api/v1/auth/me')).body.user.enterpriseId;
    pvcId = (await pvc.get('/api/v1/auth/me')).body.user.enterpriseId;
    expect(chlorId).not.toBe(pvcId);
  });
  afterAll(async () => {
    await server?.close();
    for (const h of receivers) await h.close();
  });

  it('creates a webhook with a secret shown once, keeps it out of every read, rotates it, and audits each change', async () => {
    const h = await hook();
    const created = await create(chlor, { url: h.url, description: 'control room', minSeverity: 'medium', categories: ['emission', 'safety'] });
    expect(created).toMatchObject({ enterpriseId: chlorId, url: h.url, enabled: true, minSeverity: 'medium', categories: ['emission', 'safety'], transitions: ['raised', 'escalated', 'cleared'] });
    expect(created.secret).toMatch(/^whsec_/);
    const read = await chlor.get(`/api/v1/alarm-webhooks/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    const list = await chlor.get('/api/v1/alarm-webhooks');
    expect(list.body.items.map((w: { id: number }) => w.id)).toContain(created.id);
    expect(JSON.stringify(list.body)).not.toContain(created.secret);

    const rotated = await chlor.post(`/api/v1/alarm-webhooks/${created.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    // The ping is signed with the new secret.
    const ping = await chlor.post(`/api/v1/alarm-webhooks/${created.id}/test`);
    expect(ping.status, JSON.stringify(ping.body)).toBe(200);
    expect(ping.body).toMatchObject({ event: 'ping', status: 'delivered', attempts: 1, lastStatus: 200 });
    const got = h.received.at(-1)!;
    expect(got.body).toMatchObject({ id: ping.body.id, event: 'ping', webhook: { id: created.id } });
    expect(receiverVerifies(String(got.headers['x-symbiont-signature']), got.raw, rotated.body.secret)).toBe(true);
    expect(receiverVerifies(String(got.headers['x-symbiont-signature']), got.raw, created.secret)).toBe(false);

    expect((await chlor.patch(`/api/v1/alarm-webhooks/${created.id}`, { enabled: false })).body.enabled).toBe(false);
    expect((await chlor.delete(`/api/v1/alarm-webhooks/${created.id}`)).status).toBe(204);
    expect((await chlor.get(`/api/v1/alarm-webhooks/${created.id}`)).status).toBe(404);
    const audit = await admin.get(`/api/v1/audit?entity=alarm_webhook&entityId=${created.id}`);
    const actions = (audit.body.items ?? audit.body).map((r: { action: string }) => r.action);
    expect(actions.sort()).toEqual(['create', 'delete', 'rotate_secret', 'update']);
    expect(JSON.stringify(audit.body)).not.toContain(rotated.body.secret);
  });

  it('delivers a transition signed as documented, with the alarm and the transition, once however often the event comes', async () => {
    const h = await hook();
    const w = await create(chlor, { url: h.url });
    const e = await alarm({ enterpriseId: chlorId, why: 'raised', category: 'process', severity: 'low' });
    await until(() => h.received.length, (n) => n >= 1, 'the delivery');
    const got = h.received[0];
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-symbiont-event']).toBe('alarm.raised');
    expect(got.headers['x-symbiont-delivery']).toBe(String(got.body.id));
    const sig = String(got.headers['x-symbiont-signature']);
    expect(sig).toMatch(new RegExp(`^t=${got.headers['x-symbiont-timestamp']},v1=[0-9a-f]{64}$`));
    expect(receiverVerifies(sig, got.raw, w.secret)).toBe(true);
    expect(verifySignature(sig, got.raw, w.secret, Date.now())).toBe(true);
    // A replay long after is refused by the same check, and so is a body altered on the way.
    expect(receiverVerifies(sig, got.raw, w.secret, Math.floor(Date.now() / 1000) + 3600)).toBe(false);
    expect(receiverVerifies(sig, got.raw.replace('process', 'emission'), w.secret)).toBe(false);
    expect(got.body).toMatchObject({
      event: 'alarm.raised',
      alarm: { id: 77, enterpriseId: chlorId, state: 'unack', severity: 'low', category: 'process' },
      transition: { id: e.transitionId, why: 'raised' },
    });
    expect(typeof got.body.sentAt).toBe('number');

    // The bus may deliver the event again: nothing is enqueued twice.
    expect(await dispatcher().enqueue(e)).toBe(0);
    const d = await until(() => deliveries(chlor, w.id), (ds) => ds.length === 1 && ds[0].status === 'delivered', 'the delivered row');
    expect(d[0]).toMatchObject({ transitionId: e.transitionId, attempts: 1, lastStatus: 200, nextAttemptAt: null });
    await alarm({ enterpriseId: chlorId, why: 'acknowledged' }); // not among its transitions
    const next = await alarm({ enterpriseId: chlorId, why: 'cleared', state: 'normal' });
    await until(() => h.received.length, (n) => n >= 2, 'the second delivery');
    expect(h.received.map((r) => r.body.transition.id)).toEqual([e.transitionId, next.transitionId]);
  });

  it('retries with the backoff until the receiver answers 2xx', async () => {
    const h = await hook();
    let calls = 0;
    h.status = () => (++calls <= 2 ? 500 : 204);
    const w = await create(chlor, { url: h.url });
    await alarm({ enterpriseId: chlorId });
    const [d] = await until(() => deliveries(chlor, w.id), (ds) => ds[0]?.status === 'delivered', 'delivery after two failures');
    expect(d).toMatchObject({ attempts: 3, lastStatus: 204, lastError: null });
    expect(h.received).toHaveLength(3);
    expect(new Set(h.received.map((r) => r.body.id)).size).toBe(1);
    // The injected backoff: 40 ms after the first failure, 80 ms after the second.
    expect(h.received[1].at - h.received[0].at).toBeGreaterThanOrEqual(40);
    expect(h.received[2].at - h.received[1].at).toBeGreaterThanOrEqual(80);
  });

  it('dead-letters after eight attempts, lists the dead letter, and retries it on request', async () => {
    await configure({ backoff: () => 10 });
    try {
      const h = await hook();
      h.status = () => 503;
      const w = await create(chlor, { url: h.url });
      await alarm({ enterpriseId: chlorId });
      const [dead] = await until(() => deliveries(chlor, w.id, 'dead'), (ds) => ds.length === 1, 'the dead letter');
      expect(dead).toMatchObject({ attempts: 8, lastStatus: 503, nextAttemptAt: null });
      expect(dead.lastError).toContain('503');
      expect(h.received).toHaveLength(8);
      expect(await deliveries(chlor, w.id, 'pending')).toEqual([]);
      // Another enterprise neither sees nor retries it.
      expect((await pvc.post(`/api/v1/alarm-webhooks/deliveries/${dead.id}/retry`)).status).toBe(404);
      expect((await pvc.get(`/api/v1/alarm-webhooks/${w.id}/deliveries`)).status).toBe(404);

      h.status = () => 200;
      const retried = await chlor.post(`/api/v1/alarm-webhooks/deliveries/${dead.id}/retry`);
      expect(retried.status, JSON.stringify(retried.body)).toBe(200);
      expect(retried.body).toMatchObject({ id: dead.id, status: 'pending', attempts: 0 });
      await until(() => deliveries(chlor, w.id, 'delivered'), (ds) => ds.length === 1, 'delivery after the retry');
      expect(h.received).toHaveLength(9);
      const again = await chlor.post(`/api/v1/alarm-webhooks/deliveries/${dead.id}/retry`);
      expect(again.status).toBe(409);
      expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const audit = await admin.get(`/api/v1/audit?entity=alarm_webhook_delivery&entityId=${dead.id}`);
      expect((audit.body.items ?? audit.body).map((r: { action: string }) => r.action)).toEqual(['retry']);
      // Delivered rows are purged after the retention; a dead letter stays until someone acts on it.
      h.status = () => 503;
      await alarm({ enterpriseId: chlorId });
      await until(() => deliveries(chlor, w.id, 'dead'), (ds) => ds.length === 1, 'a second dead letter');
      const keep = dispatcher().options.keepDeliveredMs;
      dispatcher().options.keepDeliveredMs = -60_000;
      try {
        expect(await dispatcher().purge()).toBeGreaterThanOrEqual(1);
      } finally {
        dispatcher().options.keepDeliveredMs = keep;
      }
      expect(await deliveries(chlor, w.id, 'delivered')).toEqual([]);
      expect(await deliveries(chlor, w.id, 'dead')).toHaveLength(1);
    } finally {
      await configure({ backoff: (attempt) => 40 * attempt });
    }
  });

  it("never sends an enterprise's alarm to another enterprise's webhook; the park's hears only what the park may see", async () => {
    const mine = await hook();
    const hostile = await hook();
    const park = await hook();
    const own = await create(chlor, { url: mine.url, transitions: ['raised'] });
    await create(pvc, { url: hostile.url, transitions: ['raised'] });
    const parkHook = await create(admin, { url: park.url, transitions: ['raised'] });
    expect(parkHook.enterpriseId).toBeNull();
    // The hostile enterprise cannot aim a webhook at the other's alarms, nor see or change its webhook.
    const aimed = await pvc.post('/api/v1/alarm-webhooks', { url: hostile.url, enterpriseId: chlorId });
    expect(aimed.status).toBe(400);
    expect((await pvc.get(`/api/v1/alarm-webhooks/${own.id}`)).status).toBe(404);
    expect((await pvc.patch(`/api/v1/alarm-webhooks/${own.id}`, { url: hostile.url })).status).toBe(404);
    expect((await pvc.post(`/api/v1/alarm-webhooks/${own.id}/test`)).status).toBe(404);
    expect((await pvc.post(`/api/v1/alarm-webhooks/${own.id}/rotate-secret`)).status).toBe(404);
    expect((await pvc.get('/api/v1/alarm-webhooks')).body.items.every((w: { enterpriseId: number }) => w.enterpriseId === pvcId)).toBe(true);
    // Nor the park's webhook: it is the park's.
    expect((await pvc.get(`/api/v1/alarm-webhooks/${parkHook.id}`)).status).toBe(404);
    expect((await pvc.post('/api/v1/alarm-webhooks', { url: hostile.url, enterpriseId: null })).status).toBe(403);

    const sent = [
      await alarm({ enterpriseId: chlorId, category: 'emission', alarmId: 501 }),
      await alarm({ enterpriseId: chlorId, category: 'quality', alarmId: 502 }),
      await alarm({ enterpriseId: chlorId, category: 'safety', alarmId: 503, severity: 'critical' }),
    ];
    const control = await alarm({ enterpriseId: pvcId, category: 'process', alarmId: 601 });
    await until(() => mine.received.length, (n) => n === 3, "the owner's deliveries");
    await until(() => hostile.received.length, (n) => n >= 1, "the other enterprise's own alarm");
    await until(() => park.received.length, (n) => n >= 2, "the park's deliveries");
    expect(mine.received.map((r) => r.body.transition.id).sort()).toEqual(sent.map((e) => e.transitionId).sort());
    expect(hostile.received.map((r) => r.body.alarm.enterpriseId)).toEqual([pvcId]);
    expect(hostile.received.map((r) => r.body.transition.id)).toEqual([control.transitionId]);
    // The park sees emission and safety alarms, not the quality one, nor pvc's process alarm.
    expect(park.received.map((r) => r.body.alarm.id).sort()).toEqual([501, 503]);
    // The dispatcher refuses by construction too: a delivery row naming another enterprise is dead-lettered unsent.
    const wrong = await server.services.handle.db
      .insertInto('alarm_webhook_deliveries')
      .values({ webhook_id: own.id, enterprise_id: chlorId, alarm_enterprise_id: pvcId, alarm_id: 601, transition_id: ++transition, event: 'alarm.raised', payload: JSON.stringify({ ...control, transitionId: transition }), status: 'pending', attempts: 0, next_attempt_at: Date.now(), created_at: Date.now(), updated_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    dispatcher().wake();
    const [refused] = await until(() => deliveries(chlor, own.id, 'dead'), (ds) => ds.length === 1, 'the refused row');
    expect(refused.id).toBe(Number(wrong.id));
    expect(refused.lastError).toMatch(/another enterprise/);
    expect(mine.received).toHaveLength(3);
  });

  it('refuses internal destinations with a 400 naming the url, at create, update and at every call', async () => {
    const h = await hook();
    const bad = async (url: string, c: Client = chlor) => {
      const r = await c.post('/api/v1/alarm-webhooks', { url });
      expect(r.status, `${url} → ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('/body/url');
      return r.body;
    };
    expect((await bad('http://169.254.169.254/latest/meta-data/')).errors[0].message).toMatch(/link-local/);
    const port = new URL(h.url).port;
    // localhost is not allow-listed (only 127.0.0.1:<port> is): refused, for the park administrator too.
    expect((await bad(`http://localhost:${Number(port) + 1}/x`, admin)).errors[0].message).toMatch(/loopback/);
    await bad('http://10.1.2.3/x');
    await bad('ftp://example.com/x');
    await bad('http://user:pw@example.com/x');
    await bad('not a url');
    const w = await create(chlor, { url: h.url });
    const patched = await chlor.patch(`/api/v1/alarm-webhooks/${w.id}`, { url: 'http://[::ffff:169.254.169.254]/' });
    expect(patched.status).toBe(400);
    expect(patched.body.errors[0].path).toBe('/body/url');
    // The park withdraws the allow-list entry: the next call is refused at connect, and retried later.
    await setAllowlist(allowed.filter((a) => a !== new URL(h.url).host));
    try {
      const ping = await chlor.post(`/api/v1/alarm-webhooks/${w.id}/test`);
      expect(ping.body).toMatchObject({ status: 'pending', attempts: 1, lastStatus: null });
      expect(ping.body.lastError).toMatch(/refused/);
      expect(h.received).toHaveLength(0);
    } finally {
      await setAllowlist(allowed);
    }
    // Operators may not keep webhooks (administrators do).
    const operator = client(server.url, await login(server.url, 'chloralkali.operator', 'symbiont-demo'));
    expect((await operator.post('/api/v1/alarm-webhooks', { url: h.url })).status).toBe(403);
  });

  it('a receiver that hangs holds its own delivery, not the others', async () => {
    const slow = await hook();
    slow.status = () => 'hang';
    const fast = await hook();
    await create(chlor, { url: slow.url, transitions: ['escalated'] });
    await create(chlor, { url: fast.url, transitions: ['escalated'] });
    const started = Date.now();
    for (let i = 0; i < 3; i++) await alarm({ enterpriseId: chlorId, why: 'escalated' });
    await until(() => fast.received.length, (n) => n === 3, 'the fast receiver');
    // Well inside the hanging call's timeout (1.5 s here), and the hanging one was called once.
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(slow.received.length).toBeLessThanOrEqual(1);
  });

  it('sends an alarm the alarms service raised as it is stored: the alarm row and the transition', async () => {
    const h = await hook();
    await create(chlor, { url: h.url, transitions: ['raised'], categories: ['emission'] });
    await server.services.alarms.raise({ enterpriseId: chlorId, source: 'webhook-test', sourceKey: `webhook-test:${dialect}`, category: 'emission', severity: 'high', level: 'H', message: 'SO2 above its permit limit', active: true, value: 112 });
    await until(() => h.received.length, (n) => n >= 1, 'the raised alarm');
    const { body, headers } = h.received[0];
    expect(headers['x-symbiont-event']).toBe('alarm.raised');
    expect(body.alarm).toMatchObject({ enterpriseId: chlorId, category: 'emission', severity: 'high', level: 'H', message: 'SO2 above its permit limit', value: 112 });
    expect(typeof body.alarm.raisedAt).toBe('number');
    expect(body.transition).toMatchObject({ why: 'raised' });
    expect(typeof body.transition.at).toBe('number');
    expect(typeof body.transition.from).toBe('string');
    expect(typeof body.transition.to).toBe('string');
  });

  it("sends an enterprise its own process alarm whole, though the park does not see it", async () => {
    const h = await hook();
    await create(chlor, { url: h.url, transitions: ['raised'], categories: ['process'] });
    await server.services.alarms.raise({ enterpriseId: chlorId, source: 'webhook-test', sourceKey: `webhook-test:process:${dialect}`, category: 'process', severity: 'medium', level: 'FLOW_LOW', message: 'brine flow below its minimum', active: true, value: 3 });
    await until(() => h.received.length, (n) => n >= 1, 'the raised process alarm');
    expect(h.received[0].body.alarm).toMatchObject({ enterpriseId: chlorId, category: 'process', level: 'FLOW_LOW', message: 'brine flow below its minimum', value: 3 });
  });

  it("sends the park's webhook what the park's alarm list shows: an enterprise's share rule narrows or widens it", async () => {
    const park = await hook();
    await create(admin, { url: park.url, transitions: ['raised'] });
    const ids = () => park.received.map((r) => r.body.transition.id as number);
    const heard = async (category: AlarmChanged['category'], alarmId: number) => {
      const e = await alarm({ enterpriseId: pvcId, category, alarmId });
      await until(ids, (seen) => seen.includes(e.transitionId), `the park hears ${category} alarm ${alarmId}`);
    };
    const notHeard = async (category: AlarmChanged['category'], alarmId: number) => {
      const e = await alarm({ enterpriseId: pvcId, category, alarmId });
      // A marker the park always hears, queued after the event in question: once it is sent, the event was matched.
      const marker = await alarm({ enterpriseId: chlorId, category: 'safety', alarmId: alarmId + 1 });
      await until(ids, (seen) => seen.includes(marker.transitionId), 'the marker');
      const queued = (await server.services.handle.db.selectFrom('alarm_webhook_deliveries').select('id').where('transition_id', '=', e.transitionId).where('enterprise_id', 'is', null).execute()).length;
      expect(queued, `park deliveries of ${category} alarm ${alarmId}`).toBe(0);
    };
    await heard('emission', 701);
    await notHeard('quality', 703);
    const none = await pvc.post('/api/v1/alarm-shares', { granteeId: null, scope: 'none' });
    expect(none.status, JSON.stringify(none.body)).toBe(201);
    await notHeard('emission', 705);
    expect((await pvc.patch(`/api/v1/alarm-shares/${none.body.id}`, { scope: 'all' })).status).toBe(200);
    await heard('quality', 707);
    expect((await pvc.delete(`/api/v1/alarm-shares/${none.body.id}`)).status).toBe(204);
  });

  it('answers bad input with problem+json', async () => {
    for (const body of [{}, { url: 'https://example.com', minSeverity: 'dire' }, { url: 'https://example.com', categories: ['weather'] }, { url: 'https://example.com', transitions: [] }, { url: 'https://example.com', secret: 'mine' }]) {
      const r = await chlor.post('/api/v1/alarm-webhooks', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    expect((await chlor.get('/api/v1/alarm-webhooks/1/deliveries?status=lost')).status).toBe(400);
    expect((await chlor.post('/api/v1/alarm-webhooks/deliveries/999999/retry')).status).toBe(404);
  });
}

describe('alarm webhooks (SQLite)', () => suite('sqlite'));
describe.skipIf(!(await postgresReachable()))('alarm webhooks (PostgreSQL)', () => suite('postgres'));
