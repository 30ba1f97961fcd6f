/**
 * The server shape's bus against the NATS JetStream on this machine: two nodes on one PostgreSQL
 * with `--bus nats://…`. A capture on node A wakes the webhook delivery of node B through the
 * `trace.epcis.captured` processor, and a live (SSE) client of node B sees a reading committed on
 * node A. Each run has its own subject prefix and stream, so parallel runs do not meet.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { NatsBus, parseNatsUrl } from '../src/adapters/bus/nats.ts';
import { startPlatform, type Platform } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { EventEnvelope } from '../src/core/events.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import { freshDatabase, type TestDatabase } from './helpers/db.ts';
import { until } from './helpers/poll.ts';
import { NATS_URL, natsReachable, postgresReachable } from './helpers/services.ts';

const run = randomBytes(4).toString('hex');
const prefix = `symbiont_t${run}`;
const busUrl = `${NATS_URL}?prefix=${prefix}`;
const dirs: string[] = [];
const nodes: Platform[] = [];
const closers: (() => Promise<void>)[] = [];
let database: TestDatabase | undefined;

afterAll(async () => {
  for (const n of nodes) await n.close().catch(() => {});
  for (const c of closers) await c().catch(() => {});
  await database?.drop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  // The run's stream (its consumers go with it).
  const target = parseNatsUrl(busUrl);
  const nc = await connect({ servers: target.servers, reconnect: false }).catch(() => undefined);
  if (nc) {
    await (await jetstreamManager(nc)).streams.delete(target.stream).catch(() => {});
    await nc.close();
  }
});

const reachable = (await natsReachable()) && (await postgresReachable());

describe.skipIf(!reachable)('NATS JetStream bus', () => {
  it('delivers a durable consumer’s events at least once: a failed handler gets the event again', async () => {
    const bus = await NatsBus.connect(busUrl);
    closers.push(() => bus.close());
    const seen: EventEnvelope<'trace.epcis.captured'>[] = [];
    let failures = 1;
    const sub = bus.subscribe('trace.>', { durable: `unit-${run}` }, (e) => {
      seen.push(e);
      if (e.data.captured === 1 && failures-- > 0) throw new Error('not now');
    });
    await sub.ready;
    for (const n of [1, 2]) await bus.publish('trace.epcis.captured', { enterpriseId: 1, captured: n, jobId: `j${n}` }, `id-${n}`);
    await until(() => seen.filter((e) => e.data.captured === 1).length, (n) => n === 2, 'the failed event delivered again');
    await until(() => seen.some((e) => e.data.captured === 2), Boolean, 'the second event');
    const first = seen.filter((e) => e.data.captured === 1);
    expect(first.map((e) => [e.id, e.attempt, e.subject])).toEqual([['id-1', 1, 'trace.epcis.captured'], ['id-1', 2, 'trace.epcis.captured']]);
    await sub.close();
  });

  it('wakes delivery on node B for a capture on node A, and shows node A’s readings live on node B', async () => {
    database = await freshDatabase('postgres');
    for (const id of ['a', 'b']) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `symbiont-bus-${id}-`));
      dirs.push(dataDir);
      const config = loadConfig(
        { dataDir, db: database.url, port: 0, mqttPort: 0, bus: busUrl, nodeId: `${id}-${run}`, demo: false, simulator: false, logLevel: 'silent' },
        { SYMBIONT_ADMIN_PASSWORD: 'bus-test-admin' },
      );
      nodes.push(await startPlatform(config));
    }
    const [a, b] = nodes;
    expect(a.services.bus.kind).toBe('nats');

    // The park's records, written through node A.
    const sys = systemContext('test');
    const ent = await a.services.registry.enterprises.create(sys, { code: `bus-${run}`, name: '总线', industry: 'energy' });
    const site = await a.services.registry.sites.create(sys, { enterpriseId: ent.id, code: 's', name: 's' });
    const device = await a.services.registry.devices.create(sys, { siteId: site.id, code: `bus-meter-${run}`, name: 'm', kind: 'energy_meter', protocol: 'mqtt' });
    const tag = await a.services.registry.tags.create(sys, { deviceId: device.id, key: 'p', name: 'p', kind: 'power', unit: 'kW' });
    const operator: AuthContext = { userId: null, username: 'bus-operator', role: 'enterprise_operator', enterpriseId: ent.id, via: 'system' };

    // --- a capture on A wakes the subscription delivery of B ---------------------------------
    const received: string[] = [];
    const hook = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => (received.push(raw), res.writeHead(200).end()));
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => hook.close(() => resolve())));
    const hookHost = `127.0.0.1:${(hook.address() as AddressInfo).port}`;
    await a.services.handle.db.updateTable('park').set({ outbound_allowlist: JSON.stringify([hookHost]) }).where('id', '=', 1).execute();

    // Only B delivers, and only a wake-up can make it prompt: A's worker is stopped (its processor
    // with it) and B polls once an hour.
    await a.services.subscriptions.stop();
    await b.services.subscriptions.stop();
    Object.assign(b.services.subscriptions.options, { pollMs: 3_600_000 });
    b.services.subscriptions.start(b.services.worker);
    await b.services.subscriptions.createQuery(operator, { name: 'all', query: {} });
    await b.services.subscriptions.subscribe(operator, 'all', { dest: `http://${hookHost}/hook`, stream: true });

    const epc = `urn:epc:id:sgtin:6901234.000001.BUS${run}`;
    const doc = {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-23T08:00:00Z',
      epcisBody: { eventList: [{ type: 'ObjectEvent', eventTime: '2026-11-01T00:00:00Z', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep: 'shipping', epcList: [epc], readPoint: { id: 'urn:epc:id:sgln:6901234.00001.0' } }] },
    };
    const job = await a.services.trace.startCapture(operator, doc, 'application/ld+json', 'rollback');
    await job.done;
    const row = await a.services.handle.db.selectFrom('outbox').selectAll().where('subject', '=', 'trace.epcis.captured').executeTakeFirstOrThrow();
    expect(JSON.parse(String(row.payload))).toEqual({ enterpriseId: ent.id, captured: 1, jobId: job.id });
    await until(() => received, (r) => r.some((raw) => raw.includes(epc)), 'node B to deliver the event captured on node A', 20_000);
    const published = await a.services.handle.db.selectFrom('outbox').select('published_at').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(published.published_at).not.toBeNull();

    // --- a reading committed on A reaches an SSE client of B -----------------------------------
    await Promise.all([a.services.telemetry.liveReady(), b.services.telemetry.liveReady()]);
    const login = await fetch(`${b.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bus-test-admin' }) });
    const { token } = (await login.json()) as { token: string };
    const abort = new AbortController();
    closers.push(async () => abort.abort());
    const res = await fetch(`${b.url}/api/v1/tags/${tag.id}/live`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    void (async () => {
      const decoder = new TextDecoder();
      while (!text.includes('"value":42')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    })().catch(() => {});
    // A learns that B shows the tag live before the reading is committed.
    await until(() => a.services.telemetry.remoteWatched.has(tag.id), Boolean, 'node A to hear that node B watches the tag');
    const ts = Date.now();
    const outcome = await a.services.telemetry.store({ id: device.id, enterpriseId: ent.id }, [{ tagId: tag.id, ts, value: 42 }], 'test');
    expect(outcome.ok).toBe(true);
    await until(() => text.includes('"value":42'), Boolean, 'the reading on node B’s live stream');
    expect(text).toContain(`data: {"ts":${ts},"value":42}`);
    await reader.cancel().catch(() => {});
  });
});
