/** Telemetry end to end: HTTP and MQTT ingestion, acknowledgement after commit, errors, queries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { encodePayload } from '../src/modules/telemetry/sparkplug.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

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
    await new Promise((r) => setTimeout(r, 50));
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

  it('refuses a wrong secret and a publish to another device topic', async () => {
    const wrong = connect(device.code, 'dt_wrong');
    const err = await new Promise<Error>((resolve) => wrong.once('error', resolve));
    expect(err.message).toMatch(/Bad username or password|Not authorized/i);
    wrong.end(true);

    const c = connect(device.code, token);
    await new Promise((resolve) => c.once('connect', resolve));
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    c.publish('symbiont/v1/someone-else/telemetry', '{"values":{}}', { qos: 1 });
    await closed;
    c.end(true);
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
    await pub('NBIRTH', encodePayload({ timestamp: t, seq: 0, metrics: [{ name: 'bdSeq', type: 'UInt64', value: 0 }] }));
    await pub('DBIRTH', encodePayload({ timestamp: t, seq: 1, metrics: [{ name: key, alias: 7, type: 'Double', value: 1.25 }] }), device.code);
    await pub('DDATA', encodePayload({ timestamp: t + 1000, seq: 2, metrics: [{ alias: 7, type: 'Double', value: 2.5 }] }), device.code);
    const series = await admin.get(`/api/v1/tags/${tags[0].id}/series?from=${t - 1}&to=${t + 2000}&step=1000`);
    expect(series.body.points.map((p: { avg: number }) => p.avg)).toEqual([1.25, 2.5]);
    await pub('DDATA', encodePayload({ timestamp: t + 2000, seq: 9, metrics: [{ alias: 7, type: 'Double', value: 3 }] }), device.code);
    const log = await admin.get(`/api/v1/devices/${gw.id}/errors`);
    expect(log.body.items[0]).toMatchObject({ source: 'sparkplug', reason: 'sequence_gap', detail: 'expected seq 3, received 9' });
    // An unclean disconnect publishes the NDEATH will: the node and its device go offline.
    c.stream.destroy();
    await new Promise((r) => setTimeout(r, 300));
    expect((await admin.get(`/api/v1/devices/${device.id}/status`)).body).toMatchObject({ online: false, via: 'sparkplug' });
    c.end(true);
  });
});
