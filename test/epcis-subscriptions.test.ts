/**
 * EPCIS 2.0 named queries and webhook subscriptions through the API, with a local HTTP server on
 * 127.0.0.1 as the webhook: query CRUD and runs, stream and scheduled delivery, signatures,
 * retries after failures without loss or duplicates, restart and two nodes sharing the work by
 * lease, tenancy, and problem+json for bad input. The outbound guard refuses loopback webhooks, so
 * the park administrator allow-lists each local webhook's 127.0.0.1:port (and 127.0.0.1:9, the
 * unreachable destination some tests name); the guard itself is tested at the end. Waits are for
 * conditions, never for durations.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseStore } from '../src/adapters/db/leases.ts';
import { Worker } from '../src/core/worker.ts';
import { DELIVERY_JOB } from '../src/modules/trace/delivery.ts';
import { signBody, standingFrom, SubscriptionService, type DeliveryOptions, type OutboundOptions } from '../src/modules/trace/subscriptions.ts';
import { postgresReachable } from './helpers/services.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

type Client = ReturnType<typeof client>;

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { type: string; epcisBody: { queryResults: { queryName: string; subscriptionID: string; resultsBody: { eventList: { epcList?: string[] }[] } } } };
  status: number;
}

/** A webhook on 127.0.0.1 that records every call and answers `status()` (200 unless told). */
async function webhook() {
  const received: Received[] = [];
  const hook = { received, status: () => 200 as number, url: '', close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = hook.status();
      received.push({ headers: req.headers, raw, body: JSON.parse(raw), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  hook.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return hook;
}

/** Waits until `check` returns something truthy (polling; the test timeout bounds it). */
async function until<T>(check: () => T | Promise<T>, what: string, limitMs = 25_000): Promise<NonNullable<T>> {
  const end = Date.now() + limitMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let seq = 0;
/** An ObjectEvent with an identifier of its own (the tag names it in assertions). */
function event(readPoint: string, tag: string, bizStep = 'shipping') {
  seq++;
  return {
    type: 'ObjectEvent', eventTime: new Date(Date.UTC(2026, 10, 1, 0, 0, seq)).toISOString(), eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep,
    epcList: [`urn:epc:id:sgtin:6901234.000001.${tag}`], readPoint: { id: readPoint },
  };
}
const epcOf = (tag: string) => `urn:epc:id:sgtin:6901234.000001.${tag}`;
const tagsOf = (r: Received) => r.body.epcisBody.queryResults.resultsBody.eventList.map((e) => (e.epcList ?? [])[0]?.replace(/^.*\./, ''));

function suite(dialect: 'sqlite' | 'postgres') {
  let server: TestServer;
  let subs: SubscriptionService;
  let op: Client;
  let opToken: string;
  let parkAdmin: Client;
  const allowed = ['127.0.0.1:9'];
  const setAllowlist = async (entries: string[]) => {
    const r = await parkAdmin.raw('PUT', '/api/v1/park/outbound-allowlist', { entries });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const hooks: Awaited<ReturnType<typeof webhook>>[] = [];
  /** A local webhook, allow-listed by the park administrator (127.0.0.1:its port). */
  const hook = async () => {
    const h = await webhook();
    hooks.push(h);
    allowed.push(new URL(h.url).host);
    await setAllowlist(allowed);
    return h;
  };

  async function capture(events: object[], token = opToken) {
    const body = JSON.stringify({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-23T08:00:00Z', epcisBody: { eventList: events } });
    const res = await fetch(`${server.url}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${token}` }, body });
    expect(res.status, await res.clone().text()).toBe(202);
    const job = await until(async () => {
      const j = await client(server.url, token).get(res.headers.get('location')!);
      return j.body.running ? null : j.body;
    }, 'the capture job');
    expect(job.success, JSON.stringify(job.errors)).toBe(true);
    return job;
  }

  /** Another node on the same store: its own worker (owner id) and subscription service. */
  function node(nodeId: string, options: Partial<DeliveryOptions>, outbound: OutboundOptions = {}) {
    const { handle, audit, trace, auth } = server.services;
    const worker = new Worker(new LeaseStore(handle.db), { nodeId });
    const service = new SubscriptionService(handle, audit, trace, standingFrom(auth.users), options, outbound);
    worker.start();
    service.start(worker);
    return { service, worker, stop: async () => (await service.stop(), await worker.stop()) };
  }

  async function namedQuery(name: string, readPoint: string, c = op) {
    const r = await c.post('/queries', { name, query: { EQ_bizStep: ['shipping'], EQ_readPoint: [readPoint] } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r;
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: true, dialect });
    subs = server.services.subscriptions;
    // Quicker polls and backoff than production, so retries happen within a test.
    await subs.stop();
    Object.assign(subs.options, { pollMs: 100, backoffBaseMs: 50, backoffMaxMs: 300 });
    subs.start(server.services.worker);
    opToken = await login(server.url, 'chloralkali.operator', 'symbiont-demo');
    op = client(server.url, opToken);
    parkAdmin = client(server.url, await login(server.url, 'admin', server.adminPassword));
    await setAllowlist(allowed);
  });
  afterAll(async () => {
    await server?.close();
    for (const h of hooks) await h.close();
  });

  it('creates, lists, reads, runs and deletes a named query; a duplicate name conflicts', async () => {
    const rp = `urn:epc:id:sgln:6901234.00001.Q1${dialect}`;
    const created = await namedQuery('shipped', rp);
    expect(created.headers.get('location')).toBe('/queries/shipped');
    expect(created.body).toMatchObject({ name: 'shipped', query: { EQ_bizStep: ['shipping'], EQ_readPoint: [rp] }, createdBy: 'chloralkali.operator' });
    const dup = await op.post('/queries', { name: 'shipped', query: {} });
    expect(dup.status).toBe(409);
    expect(dup.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await op.get('/queries')).body.map((q: { name: string }) => q.name)).toContain('shipped');
    expect((await op.get('/queries/shipped')).body.query).toEqual({ EQ_bizStep: ['shipping'], EQ_readPoint: [rp] });

    await capture([event(rp, 'Q1A'), event(rp, 'Q1B', 'receiving'), event(rp, 'Q1C')]);
    const run = await op.get('/queries/shipped/events');
    expect(run.status).toBe(200);
    expect(run.headers.get('content-type')).toMatch(/application\/ld\+json/);
    expect(run.body.type).toBe('EPCISQueryDocument');
    expect(run.body.epcisBody.queryResults.queryName).toBe('shipped');
    expect(run.body.epcisBody.queryResults.resultsBody.eventList.map((e: { epcList: string[] }) => e.epcList[0])).toEqual([epcOf('Q1A'), epcOf('Q1C')]);
    const page1 = await op.get('/queries/shipped/events?perPage=1');
    expect(page1.body.epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);
    const page2 = await op.get(page1.headers.get('link')!.match(/<([^>]+)>/)![1]);
    expect(page2.body.epcisBody.queryResults.resultsBody.eventList[0].epcList[0]).toBe(epcOf('Q1C'));
    expect(page2.headers.get('link')).toBeNull();

    expect((await op.delete('/queries/shipped')).status).toBe(204);
    expect((await op.get('/queries/shipped')).status).toBe(404);
    expect((await op.get('/queries/shipped/events')).status).toBe(404);
  });

  it('answers bad input with problem+json naming the field', async () => {
    const bad = async (url: string, body: unknown, path: string, status = 400) => {
      const r = await op.post(url, body);
      expect(r.status, `${url} ${JSON.stringify(body)} → ${JSON.stringify(r.body)}`).toBe(status);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body.errors.map((e: { path: string }) => e.path), JSON.stringify(r.body)).toContain(path);
    };
    await bad('/queries', { name: 'q', query: { EQ_nonsense: ['x'] } }, '/body/query/EQ_nonsense');
    await bad('/queries', { name: 'q', query: { GE_eventTime: 'yesterday' } }, '/body/query/GE_eventTime');
    await bad('/queries', { name: 'q', query: { EQ_bizStep: 'shipping' } }, '/body/query/EQ_bizStep');
    await bad('/queries', { name: 'no spaces', query: {} }, '/body/name');
    await bad('/queries', { query: {} }, '/body/name');
    await namedQuery('for-bad-subs', 'urn:epc:id:sgln:6901234.00001.BAD');
    const url = '/queries/for-bad-subs/subscriptions';
    const h = 'http://127.0.0.1:9/hook';
    await bad(url, { dest: h }, '/body/stream');
    await bad(url, { dest: h, stream: true, schedule: { second: '0' } }, '/body/schedule');
    await bad(url, { dest: h, stream: true, reportIfEmpty: true }, '/body/reportIfEmpty');
    await bad(url, { dest: 'ftp://127.0.0.1/hook', stream: true }, '/body/dest');
    await bad(url, { dest: 'not a url', stream: true }, '/body/dest');
    await bad(url, { dest: 'http://user:pw@127.0.0.1/hook', stream: true }, '/body/dest');
    await bad(url, { dest: h, schedule: { second: '61' } }, '/body/schedule/second');
    await bad(url, { dest: h, schedule: { minute: '5-1', hour: '0' } }, '/body/schedule/minute');
    await bad(url, { dest: h, schedule: { dayOfMonth: '30', month: '2' } }, '/body/schedule');
    await bad(url, { dest: h, schedule: { fortnight: '1' } }, '/body/schedule/fortnight');
    await bad(url, { dest: h, stream: true, secret: 'x' }, '/body/secret');
    await bad(url, { dest: h, stream: true, initialRecordTime: 'soon' }, '/body/initialRecordTime');
    const missing = await op.post('/queries/no-such-query/subscriptions', { dest: h, stream: true });
    expect(missing.status).toBe(404);
    expect((await op.get('/queries/for-bad-subs/subscriptions')).body).toEqual([]);
  });

  it('streams events captured after the subscription, signed with GS1-Signature, and only those its creator may see', async () => {
    const rp = `urn:epc:id:sgln:6901234.00001.S1${dialect}`;
    const h = await hook();
    await namedQuery('stream-q', rp);
    await capture([event(rp, 'S1BEFORE')]);
    const token = 'client-generated-secret-Ω';
    const created = await op.post('/queries/stream-q/subscriptions', { dest: h.url, stream: true, signatureToken: token });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.subscriptionID as string;
    expect(created.headers.get('location')).toBe(`/queries/stream-q/subscriptions/${id}`);
    expect(created.body).toMatchObject({ queryName: 'stream-q', dest: h.url, stream: true, signed: true, reportIfEmpty: false, failures: 0, delivered: 0 });
    expect(JSON.stringify(created.body)).not.toContain(token);

    // Another enterprise's event at the same read point, captured in between, stays out.
    const pvcToken = await login(server.url, 'pvc.operator', 'symbiont-demo');
    await capture([event(rp, 'S1PVC')], pvcToken);
    await capture([event(rp, 'S1B'), event(rp, 'S1X', 'receiving')]);
    await capture([event(rp, 'S1C')]);
    await until(() => h.received.flatMap(tagsOf).includes('S1C'), 'the stream delivery of S1C');
    expect(h.received.flatMap(tagsOf)).toEqual(['S1B', 'S1C']);
    for (const r of h.received) {
      expect(r.headers['content-type']).toMatch(/application\/ld\+json/);
      expect(r.headers['gs1-signature']).toBe(signBody(token, r.raw));
      expect(r.body.type).toBe('EPCISQueryDocument');
      expect(r.body.epcisBody.queryResults).toMatchObject({ queryName: 'stream-q', subscriptionID: id });
    }
    const state = await until(async () => {
      const s = (await op.get(`/queries/stream-q/subscriptions/${id}`)).body;
      return s.delivered === 2 ? s : null;
    }, 'the delivered count');
    expect(state).toMatchObject({ failures: 0, lastError: null });
    expect(state.lastSuccessAt).not.toBeNull();
    expect((await op.get('/queries/stream-q/subscriptions')).body.map((s: { subscriptionID: string }) => s.subscriptionID)).toEqual([id]);
  });

  it('starts from initialRecordTime when one is given', async () => {
    const rp = `urn:epc:id:sgln:6901234.00001.I1${dialect}`;
    const h = await hook();
    await namedQuery('initial-q', rp);
    const before = new Date(Date.now() - 1000).toISOString();
    await capture([event(rp, 'I1OLD')]);
    const created = await op.post('/queries/initial-q/subscriptions', { dest: h.url, stream: true, initialRecordTime: before });
    expect(created.status).toBe(201);
    expect(created.body.initialRecordTime).toBe(before);
    await until(() => h.received.flatMap(tagsOf).includes('I1OLD'), 'the delivery of the event recorded before the subscription');
    expect(h.received[0].headers['gs1-signature']).toBeUndefined();
  });

  it('retries a failing webhook with backoff, shows the error, then delivers without loss or duplicate', async () => {
    const rp = `urn:epc:id:sgln:6901234.00001.R1${dialect}`;
    const h = await hook();
    let failing = true;
    h.status = () => (failing ? 500 : 204);
    await namedQuery('retry-q', rp);
    const id = (await op.post('/queries/retry-q/subscriptions', { dest: h.url, stream: true })).body.subscriptionID as string;
    await capture([event(rp, 'R1A'), event(rp, 'R1B')]);
    const failed = await until(async () => {
      const s = (await op.get(`/queries/retry-q/subscriptions/${id}`)).body;
      return s.failures >= 3 ? s : null;
    }, 'three failed attempts');
    expect(failed.lastError).toMatch(/HTTP 500/);
    expect(failed.lastErrorAt).not.toBeNull();
    expect(failed.nextAttemptAt).not.toBeNull();
    expect(failed.delivered).toBe(0);

    failing = false;
    await until(() => h.received.some((r) => r.status === 204), 'a successful delivery');
    const ok = await until(async () => {
      const s = (await op.get(`/queries/retry-q/subscriptions/${id}`)).body;
      return s.delivered === 2 ? s : null;
    }, 'the delivered count');
    expect(ok).toMatchObject({ failures: 0, nextAttemptAt: null });
    expect(ok.lastError).toMatch(/HTTP 500/); // kept for the record, with its time
    // Every attempt carried the same batch; exactly one was accepted.
    expect(h.received.every((r) => JSON.stringify(tagsOf(r)) === '["R1A","R1B"]')).toBe(true);
    expect(h.received.filter((r) => r.status === 204)).toHaveLength(1);

    // The cursor moved once, past both: the next delivery holds the next event only.
    await capture([event(rp, 'R1C')]);
    await until(() => h.received.filter((r) => r.status === 204).length === 2, 'the next delivery');
    expect(tagsOf(h.received.filter((r) => r.status === 204)[1])).toEqual(['R1C']);
  });

  it('delivers a scheduled subscription at its times, empty results only with reportIfEmpty', async () => {
    const rp = `urn:epc:id:sgln:6901234.00001.T1${dialect}`;
    const empty = await hook();
    const quiet = await hook();
    await namedQuery('sched-q', rp);
    const every = { second: '*' };
    const a = await op.post('/queries/sched-q/subscriptions', { dest: empty.url, schedule: every, reportIfEmpty: true });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ schedule: every, reportIfEmpty: true });
    expect(a.body.nextRunAt).not.toBeNull();
    const b = await op.post('/queries/sched-q/subscriptions', { dest: quiet.url, schedule: { second: '0-59/1' } });
    expect(b.status).toBe(201);

    await until(() => empty.received.length >= 1, 'an empty scheduled report');
    expect(tagsOf(empty.received[0])).toEqual([]);
    expect(empty.received[0].body.epcisBody.queryResults.subscriptionID).toBe(a.body.subscriptionID);

    await capture([event(rp, 'T1A')]);
    await until(() => quiet.received.length >= 1 && empty.received.some((r) => tagsOf(r).includes('T1A')), 'the scheduled deliveries of T1A');
    const n = empty.received.length;
    await until(() => empty.received.length > n, 'one more scheduled report');
    // Each subscription got the event once; the quiet one never got an empty report.
    expect(empty.received.flatMap(tagsOf)).toEqual(['T1A']);
    expect(quiet.received.map(tagsOf)).toEqual([['T1A']]);
    const state = (await op.get(`/queries/sched-q/subscriptions/${b.body.subscriptionID}`)).body;
    expect(state.delivered).toBe(1);
    expect(Date.parse(state.nextRunAt)).toBeGreaterThan(Date.parse(state.lastSuccessAt) - 1000);
  });

  it('keeps queries and subscriptions to their enterprise; viewers read, writers write, every write audited', async () => {
    const rp = `urn:epc:id:sgln:6901234.00001.X1${dialect}`;
    await namedQuery('mine', rp);
    const sub = (await op.post('/queries/mine/subscriptions', { dest: 'http://127.0.0.1:9/hook', schedule: { hour: '3', minute: '0', second: '0' } })).body.subscriptionID as string;
    const pvc = client(server.url, await login(server.url, 'pvc.operator', 'symbiont-demo'));
    expect((await pvc.get('/queries')).body.map((q: { name: string }) => q.name)).not.toContain('mine');
    for (const url of ['/queries/mine', '/queries/mine/events', '/queries/mine/subscriptions', `/queries/mine/subscriptions/${sub}`]) expect((await pvc.get(url)).status, url).toBe(404);
    expect((await pvc.delete(`/queries/mine/subscriptions/${sub}`)).status).toBe(404);
    expect((await pvc.delete('/queries/mine')).status).toBe(404);
    expect((await pvc.post('/queries/mine/subscriptions', { dest: 'http://127.0.0.1:9/x', stream: true })).status).toBe(404);
    // Names are per enterprise: pvc has a "mine" of its own, which is not chloralkali's.
    expect((await pvc.post('/queries', { name: 'mine', query: { eventType: ['ObjectEvent'] } })).status).toBe(201);
    expect((await op.get('/queries/mine')).body.query).toEqual({ EQ_bizStep: ['shipping'], EQ_readPoint: [rp] });

    const viewer = client(server.url, await login(server.url, 'chloralkali.viewer', 'symbiont-demo'));
    expect((await viewer.get('/queries')).body.map((q: { name: string }) => q.name)).toContain('mine');
    expect((await viewer.get(`/queries/mine/subscriptions/${sub}`)).status).toBe(200);
    expect((await viewer.get('/queries/mine/events')).status).toBe(200);
    expect((await viewer.post('/queries', { name: 'v', query: {} })).status).toBe(403);
    expect((await viewer.post('/queries/mine/subscriptions', { dest: 'http://127.0.0.1:9/x', stream: true })).status).toBe(403);
    expect((await viewer.delete(`/queries/mine/subscriptions/${sub}`)).status).toBe(403);
    expect((await viewer.delete('/queries/mine')).status).toBe(403);

    // Park roles have the park's own namespace.
    const regulator = client(server.url, await login(server.url, 'regulator', 'symbiont-demo'));
    const admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
    expect((await regulator.get('/queries')).body.map((q: { name: string }) => q.name)).not.toContain('mine');
    expect((await regulator.post('/queries', { name: 'r', query: {} })).status).toBe(403);
    expect((await admin.post('/queries', { name: 'park-q', query: { eventType: ['TransformationEvent'] } })).status).toBe(201);
    expect((await regulator.get('/queries')).body.map((q: { name: string }) => q.name)).toContain('park-q');
    expect((await op.get('/queries/park-q')).status).toBe(404);
    expect((await client(server.url).get('/queries')).status).toBe(401);

    // Deleting a query unsubscribes its subscriptions.
    const chlorAdmin = client(server.url, await login(server.url, 'chloralkali.admin', 'symbiont-demo'));
    expect((await chlorAdmin.delete('/queries/mine')).status).toBe(204);
    expect(await server.services.handle.db.selectFrom('epcis_subscriptions').select('id').where('subscription_id', '=', sub).executeTakeFirst()).toBeUndefined();
    expect((await pvc.get('/queries/mine')).status).toBe(200);

    const audit = (await chlorAdmin.get('/api/v1/audit?limit=1000')).body.items as { entity: string; entityId: string; action: string; after: unknown }[];
    const mineLog = audit.filter((r) => r.entityId === 'mine' || r.entityId === sub).map((r) => `${r.action} ${r.entity}`);
    expect(mineLog).toEqual(expect.arrayContaining(['create epcis_queries', 'create epcis_subscriptions', 'delete epcis_queries']));
    expect(JSON.stringify(audit)).not.toContain('client-generated-secret');
  });

  it('stops delivering when its creator is disabled, and says why', async () => {
    const rp = `urn:epc:id:sgln:6901234.00001.D1${dialect}`;
    const h = await hook();
    const chlorAdmin = client(server.url, await login(server.url, 'chloralkali.admin', 'symbiont-demo'));
    const user = await chlorAdmin.post('/api/v1/users', { username: `leaver.${dialect}`, displayName: '离职员工', role: 'enterprise_operator', password: 'password-123' });
    expect(user.status).toBe(201);
    const leaver = client(server.url, await login(server.url, `leaver.${dialect}`, 'password-123'));
    await namedQuery('leaver-q', rp, leaver);
    const id = (await leaver.post('/queries/leaver-q/subscriptions', { dest: h.url, stream: true })).body.subscriptionID as string;
    expect((await chlorAdmin.patch(`/api/v1/users/${user.body.id}`, { disabled: true })).status).toBe(200);
    await capture([event(rp, 'D1A')]);
    const state = await until(async () => {
      const s = (await op.get(`/queries/leaver-q/subscriptions/${id}`)).body;
      return s.failures >= 1 ? s : null;
    }, 'the refused run');
    expect(state.lastError).toMatch(/disabled/);
    expect(h.received).toEqual([]);
  });

  it('refuses webhooks to internal destinations unless the park administrator allow-listed them (SSRF)', async () => {
    await namedQuery('guarded-q', `urn:epc:id:sgln:6901234.00001.G1${dialect}`);
    const url = '/queries/guarded-q/subscriptions';
    const refused = async (dest: string, reason: RegExp) => {
      const r = await op.post(url, { dest, stream: true });
      expect(r.status, `${dest} → ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body.errors).toEqual([{ path: '/body/dest', message: expect.stringMatching(reason) }]);
    };
    await refused('http://127.0.0.1:5432/', /127\.0\.0\.1 is a loopback address.*park administrator can allow-list/);
    await refused('http://[::1]:5432/', /loopback/);
    await refused('http://[::ffff:127.0.0.1]:5432/', /loopback/);
    await refused('http://169.254.169.254/latest/meta-data/', /link-local/);
    await refused('http://10.0.0.8/', /private/);
    await refused('http://0.0.0.0:8080/', /unspecified/);
    await refused('http://localhost:5432/', /localhost resolves to .* loopback/);
    await refused('https://localhost/', /loopback/);
    expect((await op.get(url)).body).toEqual([]);

    // Only park administrators write the allow-list; park roles read it, enterprises neither.
    const chlorAdmin = client(server.url, await login(server.url, 'chloralkali.admin', 'symbiont-demo'));
    const regulator = client(server.url, await login(server.url, 'regulator', 'symbiont-demo'));
    expect((await chlorAdmin.raw('PUT', '/api/v1/park/outbound-allowlist', { entries: ['127.0.0.1:5432'] })).status).toBe(403);
    expect((await op.raw('PUT', '/api/v1/park/outbound-allowlist', { entries: ['127.0.0.1'] })).status).toBe(403);
    expect((await regulator.raw('PUT', '/api/v1/park/outbound-allowlist', { entries: ['127.0.0.1'] })).status).toBe(403);
    expect((await chlorAdmin.get('/api/v1/park/outbound-allowlist')).status).toBe(403);
    expect((await regulator.get('/api/v1/park/outbound-allowlist')).body.entries).toEqual(allowed);
    const bad = await parkAdmin.raw('PUT', '/api/v1/park/outbound-allowlist', { entries: ['10.0.0.0/8', 'not a host'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['/body/entries/1']);
    await refused('http://127.0.0.1:5432/', /loopback/);
    const audit = (await parkAdmin.get('/api/v1/audit?limit=1000')).body.items as { entity: string }[];
    expect(audit.some((r) => r.entity === 'park_outbound_allowlist')).toBe(true);

    // Allow-listed, it is accepted and delivered to; taken off the list, deliveries fail with the reason, nothing crashes.
    const h = await hook();
    const created = await op.post(url, { dest: h.url, stream: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const rp = `urn:epc:id:sgln:6901234.00001.G1${dialect}`;
    await capture([event(rp, 'G1A')]);
    await until(() => h.received.flatMap(tagsOf).includes('G1A'), 'the allow-listed delivery');
    allowed.splice(allowed.indexOf(new URL(h.url).host), 1);
    await setAllowlist(allowed);
    await capture([event(rp, 'G1B')]);
    const state = await until(async () => {
      const s = (await op.get(`${url}/${created.body.subscriptionID}`)).body;
      return s.failures >= 1 ? s : null;
    }, 'the refused delivery');
    expect(state.lastError).toMatch(/the destination was refused: 127\.0\.0\.1 is a loopback address/);
    expect(h.received.flatMap(tagsOf)).toEqual(['G1A']);
    expect((await op.delete(`${url}/${created.body.subscriptionID}`)).status).toBe(204);
  });

  it('checks the destination again at connect: a name that resolved outside at creation and to 127.0.0.1 now is refused (DNS rebinding)', async () => {
    const rp = `urn:epc:id:sgln:6901234.00001.DNS${dialect}`;
    await namedQuery('rebind-q', rp);
    const h = await webhook(); // not allow-listed
    hooks.push(h);
    const port = new URL(h.url).port;
    let lookups = 0;
    const rebinding = async () => [{ address: lookups++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 as const }];
    await subs.stop();
    const rebindNode = node('rebind-node', { pollMs: 50, backoffBaseMs: 50, backoffMaxMs: 300 }, { resolve: rebinding });
    try {
      const user = await server.services.handle.db.selectFrom('users').select(['id', 'enterprise_id']).where('username', '=', 'chloralkali.operator').executeTakeFirstOrThrow();
      const ctx = { userId: Number(user.id), username: 'chloralkali.operator', role: 'enterprise_operator' as const, enterpriseId: Number(user.enterprise_id), via: 'session' as const };
      const sub = await rebindNode.service.subscribe(ctx, 'rebind-q', { dest: `http://rebind.example:${port}/hook`, stream: true });
      expect(lookups).toBe(1);
      await capture([event(rp, 'DNSA')]);
      const state = await until(async () => {
        const s = (await op.get(`/queries/rebind-q/subscriptions/${sub.subscriptionID}`)).body;
        return s.failures >= 1 ? s : null;
      }, 'the refused connect');
      expect(state.lastError).toMatch(/refused at connect: rebind\.example resolves to 127\.0\.0\.1, which is a loopback address/);
      expect(h.received).toEqual([]);
      expect((await op.delete(`/queries/rebind-q/subscriptions/${sub.subscriptionID}`)).status).toBe(204);
    } finally {
      await rebindNode.stop();
      subs.start(server.services.worker);
    }
  });

  it('survives a restart, and two nodes on one store deliver each event once', async () => {
    const rp = `urn:epc:id:sgln:6901234.00001.N1${dialect}`;
    const h = await hook();
    await namedQuery('nodes-q', rp);
    await op.post('/queries/nodes-q/subscriptions', { dest: h.url, stream: true });
    // The node stops; what is captured meanwhile waits in the store, behind the cursor.
    await subs.stop();
    await capture([event(rp, 'N1A')]);
    expect(h.received).toEqual([]);
    // Stopped, the node holds no delivery job, so another node takes it over.
    expect(server.services.worker.status().some((j) => j.key === DELIVERY_JOB)).toBe(false);
    expect(subs.delivery.active).toBe(false);
    const nodes = ['node-a', 'node-b'].map((nodeId) => node(nodeId, { pollMs: 50, backoffBaseMs: 50, backoffMaxMs: 300 }));
    try {
      await until(() => h.received.flatMap(tagsOf).includes('N1A'), 'delivery after the restart');
      for (const tag of ['N1B', 'N1C', 'N1D']) await capture([event(rp, tag)]);
      await until(() => h.received.flatMap(tagsOf).includes('N1D'), 'delivery of the later events');
      expect(h.received.flatMap(tagsOf)).toEqual(['N1A', 'N1B', 'N1C', 'N1D']);
      const leases = await server.services.handle.db.selectFrom('epcis_subscriptions').select(['lease_owner']).where('lease_owner', 'is not', null).execute();
      expect(leases.every((l) => /^node-[ab]\//.test(String(l.lease_owner)))).toBe(true);
    } finally {
      for (const n of nodes) await n.stop();
      subs.start(server.services.worker);
    }
  });
}

describe('EPCIS named queries and subscriptions (SQLite)', () => suite('sqlite'));
describe.skipIf(!(await postgresReachable()))('EPCIS named queries and subscriptions (PostgreSQL)', () => suite('postgres'));
