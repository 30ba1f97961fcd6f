/** Telemetry end to end: HTTP and MQTT ingestion, acknowledgement after commit, errors, queries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import mqtt from 'mqtt';
import { encodePayload } from '../src/modules/telemetry/sparkplug.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { REQUIRE_SERVICES } from './helpers/services.ts';

let server: TestServer;
let admin: ReturnType<typeof client>;
let device: { id: number; code: string };
let tags: { id: number; key: string }[];
let token: string;
// The start of the last whole minute: both readings below fall into one 1-minute rollup.
const base = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  admin = client(server.url, await login(server.url, 'admin', server.adminPassword));
  device = (await admin.get('/api/v1/devices?q=chp-&limit=1')).body.items[0];
  tags = (await admin.get(`/api/v1/tags?device=${device.id}`)).body.items;
  token = (await admin.post(`/api/v1/devices/${device.id}/credentials`)).body.token;
});
afterAll(() => server?.close());

const pointsOf = async (tagId: number) =>
  Number((await server.services.handle.db.selectFrom('points').select((eb) => eb.fn.countAll().as('n')).where('tag_id', '=', tagId).executeTakeFirstOrThrow()).n);

/** Polls until `check` holds or the deadline passes (no fixed sleeps). */
async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('HTTP ingestion', () => {
  it('stores a batch sent with the device token and answers after the commit', async () => {
    const r = await client(server.url, token).post('/api/v1/telemetry', [
      { ts: base + 1000, values: { [tags[0].key]: 10 } },
      { ts: base + 2000, values: { [tags[0].key]: 12.5 } },
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ device: device.code, stored: 2 });
    const latest = await admin.get(`/api/v1/tags/${tags[0].id}/latest`);
    expect(latest.body).toMatchObject({ ts: base + 2000, value: 12.5 });
    const status = await admin.get(`/api/v1/devices/${device.id}/status`);
    expect(status.body).toMatchObject({ online: true, via: 'http' });
  });

  it('refuses bad readings whole, says why, and logs them for the device', async () => {
    const before = await pointsOf(tags[0].id);
    const r = await client(server.url, token).post('/api/v1/telemetry', { values: { [tags[0].key]: 1, no_such_tag: 2 } });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/^unknown_tag: \.values\.no_such_tag is not a tag of this device/);
    expect(await pointsOf(tags[0].id)).toBe(before);
    const log = await admin.get(`/api/v1/devices/${device.id}/errors`);
    expect(log.body.items[0]).toMatchObject({ source: 'http', reason: 'unknown_tag' });
    const bad = await client(server.url, token).post('/api/v1/telemetry', { values: { [tags[0].key]: 'high' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/^\/body/);
    expect((await client(server.url, 'dt_forged').post('/api/v1/telemetry', { values: {} })).status).toBe(401);
  });

  it('exports a series as CSV', async () => {
    const r = await fetch(`${server.url}/api/v1/tags/${tags[0].id}/series?from=${base - 60_000}&to=${base + 60_000}&step=60000&format=csv`, {
      headers: { authorization: `Bearer ${await login(server.url, 'chp.viewer', 'symbiont-demo')}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await r.text()).trim().split('\n');
    expect(lines[0]).toBe('time,ts,avg,min,max,count');
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT.*,11\.25,10,12\.5,2$/);
  });
});

describe('live and status views', () => {
  it('pushes committed readings to server-sent-event listeners', async () => {
    const res = await fetch(`${server.url}/api/v1/tags/${tags[2].id}/live`, { headers: { authorization: `Bearer ${await login(server.url, 'chp.operator', 'symbiont-demo')}` } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const received: string[] = [];
    const done = (async () => {
      const decoder = new TextDecoder();
      while (!received.join('').includes('"value":42')) {
        const { value, done } = await reader.read();
        if (done) break;
        received.push(decoder.decode(value));
      }
    })();
    // Publish once the stream's listener is attached (no fixed sleep).
    await eventually(async () => server.services.telemetry.live.listenerCount(`tag:${tags[2].id}`), (n) => n > 0);
    expect((await client(server.url, token).post('/api/v1/telemetry', { values: { [tags[2].key]: 42 } })).status).toBe(200);
    await done;
    await reader.cancel();
    expect(received.join('')).toMatch(/data: \{"ts":\d+,"value":42\}/);
  });

  it('lists device status and the latest value per tag', async () => {
    const statuses = (await admin.get('/api/v1/device-status')).body.items;
    expect(statuses.find((d: { deviceId: number }) => d.deviceId === device.id)).toMatchObject({ online: true });
    expect(statuses.filter((d: { online: boolean }) => !d.online).length).toBeGreaterThan(10);
    const latest = (await admin.get(`/api/v1/devices/${device.id}/latest`)).body.items;
    expect(latest.find((l: { tagId: number }) => l.tagId === tags[2].id)).toMatchObject({ value: 42, key: tags[2].key });
  });
});

describe('MQTT ingestion (embedded broker)', () => {
  const connect = (username: string, password: string) =>
    mqtt.connect(`mqtt://127.0.0.1:${server.mqttPort}`, { username, password, clientId: `${username}-${Math.random()}`, reconnectPeriod: 0, connectTimeout: 5000 });

  it('acknowledges a QoS 1 publish only once the readings are committed', async () => {
    const c = connect(device.code, token);
    await new Promise((resolve, reject) => (c.once('connect', resolve), c.once('error', reject)));
    const before = await pointsOf(tags[1].id);
    const ts = Date.now();
    const values = Object.fromEntries(tags.map((t, i) => [t.key, i + 0.5]));
    await c.publishAsync(`symbiont/v1/${device.code}/telemetry`, JSON.stringify({ ts, values }), { qos: 1 });
    // The PUBACK has arrived: the readings must already be in the store.
    expect(await pointsOf(tags[1].id)).toBe(before + 1);
    // A bad message is acknowledged (3.1.1 has no negative ack), stores nothing, and is logged.
    await c.publishAsync(`symbiont/v1/${device.code}/telemetry`, '{"values":{"nope":1}}', { qos: 1 });
    expect(await pointsOf(tags[1].id)).toBe(before + 1);
    const log = await admin.get(`/api/v1/devices/${device.id}/errors`);
    expect(log.body.items[0]).toMatchObject({ source: 'mqtt', reason: 'unknown_tag' });
    await c.endAsync();
  });

  it('keeps reading a connection while its messages wait for the commit, and acknowledges in order', async () => {
    const c = connect(device.code, token);
    await new Promise((resolve) => c.once('connect', resolve));
    // mqtt.js numbers messages from a random start and wraps at 65535: compare with the send order.
    const acks: number[] = [];
    const sent: number[] = [];
    c.on('packetreceive', (p) => {
      if (p.cmd === 'puback') acks.push(p.messageId!);
    });
    c.on('packetsend', (p) => {
      if (p.cmd === 'publish') sent.push(p.messageId!);
    });
    const t = base - 600_000;
    await Promise.all(
      Array.from({ length: 400 }, (_, i) => {
        // Every 50th message is refused (unknown tag): its PUBACK must not overtake the others.
        const values = i % 50 === 0 ? { nope: 1 } : { [tags[1].key]: i };
        return c.publishAsync(`symbiont/v1/${device.code}/telemetry`, JSON.stringify({ ts: t + i, values }), { qos: 1 });
      }),
    );
    expect(acks).toHaveLength(400);
    expect(acks).toEqual(sent);
    const stored = await server.services.handle.db.selectFrom('points').select((eb) => eb.fn.countAll().as('n')).where('tag_id', '=', tags[1].id).where('ts', '>=', t).where('ts', '<', t + 400).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(392);
    await c.endAsync();
  });

  it('refuses a wrong secret', async () => {
    const wrong = connect(device.code, 'dt_wrong');
    const err = await new Promise<Error>((resolve) => wrong.once('error', resolve));
    expect(err.message).toMatch(/Bad username or password|Not authorized/i);
    wrong.end(true);
  });
});

describe('poison input (issue 8)', () => {
  const connect = (username: string, password: string) =>
    mqtt.connect(`mqtt://127.0.0.1:${server.mqttPort}`, { username, password, clientId: `${username}-${Math.random()}`, reconnectPeriod: 0, connectTimeout: 5000 });
  const errorsOf = async (deviceId: number) => (await admin.get(`/api/v1/devices/${deviceId}/errors?limit=20`)).body.items as { source: string; reason: string; detail: string }[];
  const topic = () => `symbiont/v1/${device.code}/telemetry`;

  describe('over HTTP: 400 problem+json naming the field, never 500', () => {
    it('refuses a timestamp past year 275760, and ones in seconds, microseconds or nanoseconds, saying so', async () => {
      const dev = client(server.url, token);
      const key = tags[0].key;
      const cases: [unknown, string, string, RegExp][] = [
        [{ ts: 1e20, values: { [key]: 1 } }, '/body/ts', 'timestamp_in_future', /beyond year 275760/],
        [{ ts: 8.64e15 + 1, values: { [key]: 1 } }, '/body/ts', 'timestamp_in_future', /beyond year 275760/],
        [[{ ts: base, values: { [key]: 1 } }, { ts: Math.floor(Date.now() / 1000), values: { [key]: 1 } }], '/body/1/ts', 'timestamp_too_old', /looks like seconds/],
        [{ ts: Date.now() * 1000, values: { [key]: 1 } }, '/body/ts', 'timestamp_in_future', /looks like microseconds/],
        [{ ts: Date.now() * 1_000_000, values: { [key]: 1 } }, '/body/ts', 'timestamp_in_future', /looks like nanoseconds/],
        [{ ts: Date.UTC(1999, 11, 31), values: { [key]: 1 } }, '/body/ts', 'timestamp_too_old', /before 2000-01-01/],
        [{ ts: Date.now() + 11 * 60_000, values: { [key]: 1 } }, '/body/ts', 'timestamp_in_future', /10 minutes ahead/],
      ];
      for (const [body, path, reason, detail] of cases) {
        const r = await dev.post('/api/v1/telemetry', body);
        expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(r.body.errors[0]).toMatchObject({ path, message: expect.stringMatching(new RegExp(`^${reason}: `)) });
        expect(r.body.detail).toMatch(detail);
      }
      expect((await errorsOf(device.id))[0]).toMatchObject({ source: 'http', reason: 'timestamp_in_future' });
      // Within the skew it is accepted.
      expect((await dev.post('/api/v1/telemetry', { ts: Date.now() + 5 * 60_000, values: { [key]: 1 } })).status).toBe(200);
    });

    it('refuses ±1e308 so that the minute mean of the others stays right', async () => {
      const dev = client(server.url, token);
      const key = tags[2].key;
      const minute = base - 10 * 60_000;
      expect((await dev.post('/api/v1/telemetry', { ts: minute + 1000, values: { [key]: 42.5 } })).status).toBe(200);
      for (const [i, v] of [1e308, -1e308, 1.5e15].entries()) {
        const r = await dev.post('/api/v1/telemetry', { ts: minute + 2000 + i, values: { [key]: v } });
        expect(r.status).toBe(400);
        expect(r.body.errors[0]).toMatchObject({ path: `/body/values/${key}`, message: expect.stringMatching(/^value_out_of_range: /) });
      }
      expect((await dev.post('/api/v1/telemetry', { ts: minute + 3000, values: { [key]: 7 } })).status).toBe(200);
      expect((await dev.post('/api/v1/telemetry', { ts: minute + 4000, values: { [key]: -1e15 } })).status).toBe(200);
      expect((await dev.post('/api/v1/telemetry', { ts: minute + 4000, values: { [key]: 7 } })).status).toBe(200);
      const s = await admin.get(`/api/v1/tags/${tags[2].id}/series?from=${minute}&to=${minute + 60_000}&step=60000`);
      expect(s.status).toBe(200);
      expect(s.body.points).toEqual([{ ts: minute, avg: (42.5 + 7 + 7) / 3, min: 7, max: 42.5, count: 3 }]);
    });

    it('accepts the documented 10,000-reading batch and refuses 10,001 with a clear problem', async () => {
      const key = tags[0].key;
      const start = base - 3 * 3_600_000;
      const batch = (n: number) => Array.from({ length: n }, (_, i) => ({ ts: start + i * 1000, values: { [key]: 1234.5678901234567 + i } }));
      const body = JSON.stringify(batch(10_000));
      expect(body.length).toBeGreaterThan(256 * 1024); // more than the former route limit
      const ok = await client(server.url, token).post('/api/v1/telemetry', body);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ device: device.code, stored: 10_000 });
      const pretty = await client(server.url, token).post('/api/v1/telemetry', JSON.stringify(batch(10_000), null, 2));
      expect(pretty.status).toBe(200);
      const over = await client(server.url, token).post('/api/v1/telemetry', batch(10_001));
      expect(over.status).toBe(400);
      expect(over.body.detail).toBe('too_many_points: more than 10000 readings in one message; send at most 10000 a message');
      expect(over.body.errors).toEqual([{ path: '/body', message: over.body.detail }]);
      // Beyond the body limit: 413 as problem+json, not a dropped connection.
      const huge = await client(server.url, token).post('/api/v1/telemetry', JSON.stringify({ values: { [key]: 1 }, pad: 'x'.repeat(2 * 1024 * 1024) }));
      expect(huge.status).toBe(413);
      expect(huge.body.type).toMatch(/payload-too-large/);
    });

    it('answers absurd series bounds with 400, not 500', async () => {
      const q = (s: string) => admin.get(`/api/v1/tags/${tags[0].id}/series?${s}`);
      for (const bad of [`from=0&to=1e400`, `from=1e400&to=1e401`, `from=-1&to=10`, `from=0&to=1e20`, `from=1e20&to=2e20`, `from=0&to=1000&step=1e400`, `from=0&to=NaN`, `from=0.5&to=10`]) {
        const r = await q(bad);
        expect(r.status, bad).toBe(400);
        expect(r.body.type, bad).toMatch(/validation/);
      }
      expect((await q(`from=0&to=8640000000000000&step=8640000000000000`)).status).toBe(200);
    });
  });

  describe('over MQTT: acknowledged, logged for the device, the connection kept', () => {
    it('acknowledges a reading stamped past year 275760 (mqtt.js), logs why, and goes on storing', async () => {
      const c = connect(device.code, token);
      await new Promise((resolve, reject) => (c.once('connect', resolve), c.once('error', reject)));
      let closed = false;
      c.on('close', () => (closed = true));
      // publishAsync resolves on the PUBACK: before the fix the connection closed without one.
      await c.publishAsync(topic(), JSON.stringify({ ts: 1e20, values: { [tags[1].key]: 1 } }), { qos: 1 });
      expect((await errorsOf(device.id))[0]).toMatchObject({ source: 'mqtt', reason: 'timestamp_in_future', detail: expect.stringMatching(/beyond year 275760/) });
      await c.publishAsync(topic(), JSON.stringify({ ts: Date.now() * 1e6, values: { [tags[1].key]: 1 } }), { qos: 1 });
      expect((await errorsOf(device.id))[0].detail).toMatch(/nanoseconds/);
      await c.publishAsync(topic(), JSON.stringify({ values: { [tags[1].key]: -1e308 } }), { qos: 1 });
      expect((await errorsOf(device.id))[0]).toMatchObject({ source: 'mqtt', reason: 'value_out_of_range' });
      const ts = Date.now();
      await c.publishAsync(topic(), JSON.stringify({ ts, values: { [tags[1].key]: 5.5 } }), { qos: 1 });
      expect((await admin.get(`/api/v1/tags/${tags[1].id}/latest`)).body).toMatchObject({ ts, value: 5.5 });
      expect(closed).toBe(false);
      expect(c.connected).toBe(true);
      await c.endAsync();
    });

    it('acknowledges it for mosquitto_pub too, which exits 0 only on a PUBACK', async () => {
      const run = (payload: string) =>
        new Promise<{ code: number | null; err: string }>((resolve) => {
          const p = spawn('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(server.mqttPort), '-u', device.code, '-P', token, '-i', `pub-${Math.random()}`, '-q', '1', '-t', topic(), '-m', payload]);
          let err = '';
          p.stderr.on('data', (d) => (err += d));
          p.on('error', (e) => resolve({ code: -1, err: e.message }));
          p.on('close', (code) => resolve({ code, err }));
        });
      const r = await run(JSON.stringify({ ts: 1e20, values: { [tags[1].key]: 1 } }));
      if (r.code === -1 && /ENOENT/.test(r.err) && !REQUIRE_SERVICES) return console.warn('[skip] mosquitto_pub is not installed');
      expect(r).toEqual({ code: 0, err: '' });
      const log = await errorsOf(device.id);
      expect(log[0]).toMatchObject({ source: 'mqtt', reason: 'timestamp_in_future' });
    });

    it("acknowledges a publish to another device's topic without storing or forwarding it, and logs it", async () => {
      const other = (await admin.get('/api/v1/devices?q=chp-&limit=5')).body.items.find((d: { code: string }) => d.code !== device.code);
      const otherTag = (await admin.get(`/api/v1/tags?device=${other.id}`)).body.items[0];
      const otherToken = (await admin.post(`/api/v1/devices/${other.id}/credentials`)).body.token;
      // The other device listens to its own topics: a forged message must not reach it.
      const victim = connect(other.code, otherToken);
      await new Promise((resolve) => victim.once('connect', resolve));
      const received: string[] = [];
      victim.on('message', (t) => received.push(t));
      await victim.subscribeAsync(`symbiont/v1/${other.code}/#`, { qos: 1 });

      const c = connect(device.code, token);
      await new Promise((resolve) => c.once('connect', resolve));
      let closed = false;
      c.on('close', () => (closed = true));
      const before = await pointsOf(otherTag.id);
      await c.publishAsync(`symbiont/v1/${other.code}/telemetry`, JSON.stringify({ values: { [otherTag.key]: 666 } }), { qos: 1, retain: true });
      await c.publishAsync(`spBv1.0/plant/NDATA/${other.code}`, Buffer.from([0]), { qos: 1 });
      await c.publishAsync('symbiont/v1/whatever/commands', 'x', { qos: 0 });
      // The connection is still good: a reading of its own is stored and acknowledged.
      await c.publishAsync(topic(), JSON.stringify({ values: { [tags[2].key]: 3 } }), { qos: 1 });
      expect(closed).toBe(false);
      expect(await pointsOf(otherTag.id)).toBe(before);
      const log = await eventually(() => errorsOf(device.id), (l) => l.filter((e) => e.reason === 'not_authorized').length >= 3);
      expect(log.filter((e) => e.reason === 'not_authorized').map((e) => e.detail)).toEqual(
        expect.arrayContaining([
          expect.stringContaining(`may not publish to symbiont/v1/${other.code}/telemetry`),
          expect.stringContaining(`may not publish to spBv1.0/plant/NDATA/${other.code}`),
          expect.stringContaining('may not publish to symbiont/v1/whatever/commands'),
        ]),
      );
      // Nothing was forwarded or retained for the other device's subscribers.
      await victim.publishAsync(`symbiont/v1/${other.code}/telemetry`, JSON.stringify({ values: { [otherTag.key]: 1 } }), { qos: 1 });
      const late = connect(other.code, otherToken);
      await new Promise((resolve) => late.once('connect', resolve));
      const retained: string[] = [];
      late.on('message', (_t, payload) => retained.push(payload.toString()));
      await late.subscribeAsync(`symbiont/v1/${other.code}/#`, { qos: 1 });
      await eventually(async () => received, (r) => r.length >= 1);
      expect(received).toEqual([`symbiont/v1/${other.code}/telemetry`]); // only its own message
      expect(retained.some((p) => p.includes('666'))).toBe(false);
      await Promise.all([c.endAsync(), victim.endAsync(), late.endAsync()]);
    });

    it("answers a subscription to another device's topics with the failure code 0x80 and logs it", async () => {
      const c = connect(device.code, token);
      await new Promise((resolve) => c.once('connect', resolve));
      let closed = false;
      c.on('close', () => (closed = true));
      // The SUBACK's return codes, as the broker sent them (mqtt.js turns a 0x80 into an error).
      const suback = new Promise<number[]>((resolve) => c.on('packetreceive', (p) => p.cmd === 'suback' && resolve((p as unknown as { granted: number[] }).granted)));
      const refused = await c.subscribeAsync({ 'symbiont/v1/someone-else/telemetry': { qos: 1 }, [`symbiont/v1/${device.code}/commands`]: { qos: 1 } }).catch((e: Error) => e);
      expect(refused).toBeInstanceOf(Error);
      expect(await suback).toEqual([128, 1]);
      const log = await errorsOf(device.id);
      expect(log[0]).toMatchObject({ source: 'mqtt', reason: 'not_authorized', detail: expect.stringContaining('may not subscribe to symbiont/v1/someone-else/telemetry') });
      await c.publishAsync(topic(), JSON.stringify({ values: { [tags[2].key]: 4 } }), { qos: 1 });
      expect(closed).toBe(false);
      await c.endAsync();
    });
  });
});

describe('Sparkplug B over the embedded broker', () => {
  it('stores DDATA by birth aliases, logs a sequence gap, and marks devices offline on NDEATH', async () => {
    const ent = (await admin.get('/api/v1/enterprises?q=chp')).body.items[0];
    const site = (await admin.get(`/api/v1/sites?enterpriseId=${ent.id}`)).body.items[0];
    const gw = (await admin.post('/api/v1/devices', { siteId: site.id, code: 'chp-gw-01', name: '网关', kind: 'gateway', protocol: 'sparkplug' })).body;
    const gwToken = (await admin.post(`/api/v1/devices/${gw.id}/credentials`)).body.token;
    const key = tags[0].key;
    const t = Date.now() - 5000;
    const c = mqtt.connect(`mqtt://127.0.0.1:${server.mqttPort}`, {
      username: 'chp-gw-01',
      password: gwToken,
      clientId: 'chp-gw-01',
      reconnectPeriod: 0,
      will: { topic: 'spBv1.0/plant/NDEATH/chp-gw-01', payload: Buffer.from(encodePayload({ timestamp: t, metrics: [{ name: 'bdSeq', type: 'UInt64', value: 0 }] })), qos: 1, retain: false },
    });
    await new Promise((resolve) => c.once('connect', resolve));
    const pub = (type: string, payload: Uint8Array, dev = '') => c.publishAsync(`spBv1.0/plant/${type}/chp-gw-01${dev ? `/${dev}` : ''}`, Buffer.from(payload), { qos: 1 });
    await pub('NBIRTH', encodePayload({ timestamp: t, seq: 0, metrics: [{ name: 'bdSeq', type: 'UInt64', value: 0 }, { name: 'Node Control/Rebirth', type: 'Boolean', value: false }] }));
    // bdSeq and Node Control/Rebirth are Sparkplug's own metrics, not unknown tags.
    expect((await admin.get(`/api/v1/devices/${gw.id}/errors`)).body.items).toEqual([]);
    await pub('DBIRTH', encodePayload({ timestamp: t, seq: 1, metrics: [{ name: key, alias: 7, type: 'Double', value: 1.25 }] }), device.code);
    await pub('DDATA', encodePayload({ timestamp: t + 1000, seq: 2, metrics: [{ alias: 7, type: 'Double', value: 2.5 }] }), device.code);
    const series = await admin.get(`/api/v1/tags/${tags[0].id}/series?from=${t - 1}&to=${t + 2000}&step=1000`);
    expect(series.body.points.map((p: { avg: number }) => p.avg)).toEqual([1.25, 2.5]);
    await pub('DDATA', encodePayload({ timestamp: t + 2000, seq: 9, metrics: [{ alias: 7, type: 'Double', value: 3 }] }), device.code);
    const log = await admin.get(`/api/v1/devices/${gw.id}/errors`);
    expect(log.body.items[0]).toMatchObject({ source: 'sparkplug', reason: 'sequence_gap', detail: 'expected seq 3, received 9' });
    // An unclean disconnect publishes the NDEATH will: the node and its device go offline.
    c.stream.destroy();
    const status = await eventually(async () => (await admin.get(`/api/v1/devices/${device.id}/status`)).body, (b) => b.online === false);
    expect(status).toMatchObject({ online: false, via: 'sparkplug' });
    c.end(true);
  });
});
