/**
 * The OPC UA connector against a real node-opcua server on this machine (127.0.0.1 only): values,
 * bad nodes, batching and sink retries, the server going away and coming back on the same port,
 * Sign + Basic256Sha256 with a user name, and a clean stop. One server is shared by the tests (its
 * start-up takes a second or two); the restart test replaces it with a new one on the same port.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { checkOpcUaConfig, NODE_ID_PATTERN } from './config.ts';
import { OpcUaConnector, summarizeError, numericValue, type OpcUaConnectorConfig, type OpcUaReading } from './connector.ts';

type UA = typeof import('node-opcua');
let ua: UA | undefined;
try {
  ua = await import('node-opcua');
} catch (err) {
  console.warn(`[opcua] node-opcua cannot be imported, so the OPC UA connector tests against a server are skipped: ${(err as Error).message}`);
}

const tmp = ua ? fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-opcua-test-')) : '';
const SERVER_PKI = path.join(tmp, 'server-pki');
const CLIENT_PKI = path.join(tmp, 'client-pki');
const USER = 'operator';
const PASSWORD = 's3cret-pw';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function until(cond: () => boolean, ms: number, what: string | (() => string)): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface TestServer {
  server: InstanceType<UA['OPCUAServer']>;
  /** Sessions created on this server so far. */
  sessions(): number;
  stop(): Promise<void>;
}

/** A server with Boiler1: SteamFlow (Double, changes every 100 ms), Pressure (Int32), Running (Boolean), Label (String). */
async function startServer(port: number): Promise<TestServer> {
  const u = ua!;
  const serverCertificateManager = new u.OPCUACertificateManager({ rootFolder: SERVER_PKI, automaticallyAcceptUnknownCertificate: true });
  await serverCertificateManager.initialize();
  // (without one of its own, the server makes its user-certificate PKI in the home folder)
  const userCertificateManager = new u.OPCUACertificateManager({ rootFolder: path.join(tmp, 'server-user-pki'), automaticallyAcceptUnknownCertificate: false });
  await userCertificateManager.initialize();
  const server = new u.OPCUAServer({
    port,
    host: '127.0.0.1',
    hostname: '127.0.0.1',
    resourcePath: '/UA/Symbiont',
    serverCertificateManager,
    userCertificateManager,
    registerServerMethod: u.RegisterServerMethod.HIDDEN,
    securityModes: [u.MessageSecurityMode.None, u.MessageSecurityMode.Sign],
    securityPolicies: [u.SecurityPolicy.None, u.SecurityPolicy.Basic256Sha256],
    allowAnonymous: true,
    userManager: { isValidUser: (user: string, password: string) => user === USER && password === PASSWORD },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace!;
  const ns = addressSpace.getOwnNamespace();
  const boiler = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: 'Boiler1' });
  const flow = ns.addVariable({ componentOf: boiler, nodeId: 's=Boiler1.SteamFlow', browseName: 'SteamFlow', dataType: 'Double', value: { dataType: u.DataType.Double, value: 20 } });
  ns.addVariable({ componentOf: boiler, nodeId: 's=Boiler1.Pressure', browseName: 'Pressure', dataType: 'Int32', value: { dataType: u.DataType.Int32, value: 42 } });
  ns.addVariable({ componentOf: boiler, nodeId: 's=Boiler1.Running', browseName: 'Running', dataType: 'Boolean', value: { dataType: u.DataType.Boolean, value: true } });
  ns.addVariable({ componentOf: boiler, nodeId: 's=Boiler1.Label', browseName: 'Label', dataType: 'String', value: { dataType: u.DataType.String, value: 'B-1' } });
  let k = 0;
  const timer = setInterval(() => flow.setValueFromSource({ dataType: u.DataType.Double, value: 20 + 5 * Math.sin(k++ / 5) }), 100);
  let sessions = 0;
  server.on('create_session', () => sessions++);
  await server.start();
  return {
    server,
    sessions: () => sessions,
    async stop() {
      clearInterval(timer);
      await server.shutdown(0);
    },
  };
}

/** A TCP proxy in front of the server: cut() drops every connection and refuses new ones, restore() accepts again. */
async function tcpProxy(target: number) {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((downstream) => {
        const upstream = net.connect(target, '127.0.0.1');
        const end = () => {
          downstream.destroy();
          upstream.destroy();
          sockets.delete(downstream);
          sockets.delete(upstream);
        };
        for (const s of [downstream, upstream]) {
          sockets.add(s);
          s.on('error', end);
          s.on('close', end);
        }
        downstream.pipe(upstream);
        upstream.pipe(downstream);
      });
      server.on('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const cut = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    const closed = new Promise<void>((r) => s.close(() => r()));
    for (const sock of sockets) sock.destroy();
    await closed;
  };
  await listen();
  return { port, cut, restore: listen };
}

const MAPPINGS = [
  { nodeId: 'ns=1;s=Boiler1.SteamFlow', tagKey: 'steam_flow' },
  { nodeId: 'ns=1;s=Boiler1.Pressure', tagKey: 'pressure' },
  { nodeId: 'ns=1;s=Boiler1.Running', tagKey: 'running' },
  { nodeId: 'ns=1;s=Boiler1.Label', tagKey: 'label' },
  { nodeId: 'ns=1;s=Boiler1.NoSuchNode', tagKey: 'missing' },
];

/** A sink that records what it stored; `fail` makes it reject. */
function recordingSink() {
  const stored: OpcUaReading[] = [];
  const batches: OpcUaReading[][] = [];
  const refused: OpcUaReading[][] = [];
  const state = { fail: false };
  const sink = async (readings: OpcUaReading[]) => {
    if (state.fail) {
      refused.push([...readings]);
      throw new Error('database unavailable');
    }
    batches.push([...readings]);
    stored.push(...readings);
  };
  return { sink, stored, batches, refused, state, of: (tag: string) => stored.filter((r) => r.tagKey === tag) };
}

function memoryLog() {
  const lines: { level: string; o: object; m: string }[] = [];
  return {
    lines,
    info: (o: object, m: string) => lines.push({ level: 'info', o, m }),
    warn: (o: object, m: string) => lines.push({ level: 'warn', o, m }),
  };
}

function expectIncreasing(readings: OpcUaReading[]) {
  for (let i = 1; i < readings.length; i++) expect(readings[i].ts, `reading ${i} of ${readings[i].tagKey}`).toBeGreaterThan(readings[i - 1].ts);
}

describe('summarizeError', () => {
  it('keeps the first line, without colour codes, and the OPC UA status code named anywhere', () => {
    expect(summarizeError(new Error('\n  The connection has been rejected by server,\nplease check the certificate\nBadCertificateUntrusted (0x801a0000)'))).toEqual({
      message: 'The connection has been rejected by server, please check the certificate',
      status: 'BadCertificateUntrusted (0x801a0000)',
    });
    expect(summarizeError('BadTimeout (0x800a0000)\nmore')).toEqual({ message: 'BadTimeout (0x800a0000)' });
    expect(summarizeError(new Error('x'.repeat(500))).message).toHaveLength(300);
    expect(summarizeError(new Error('The connection cannot be established with server opc.tcp://h:4840 .\nError: connect ECONNREFUSED 127.0.0.1:4840'))).toEqual({
      message: 'The connection cannot be established with server opc.tcp://h:4840 .',
      code: 'ECONNREFUSED',
    });
    expect(summarizeError({ a: { b: 1 } }).message).toBe('{ a: { b: 1 } }');
  });
});

describe('checkOpcUaConfig (the config schema and the checks it cannot express)', () => {
  const good: OpcUaConnectorConfig = {
    endpoint: 'opc.tcp://plc-1.park.local:4840/UA/Server',
    securityMode: 'SignAndEncrypt',
    securityPolicy: 'Basic256Sha256',
    username: 'symbiont',
    password: 'pw',
    samplingIntervalMs: 1000,
    mappings: [{ nodeId: 'ns=2;s=Boiler1.SteamFlow', tagKey: 'steam_flow' }, { nodeId: 'ns=3;i=1001', tagKey: 'power_kw' }],
  };

  it('accepts a good config and returns a clean copy', () => {
    const r = checkOpcUaConfig(good);
    expect(r).toEqual({ ok: true, config: good });
    expect(checkOpcUaConfig({ endpoint: 'opc.tcp://10.0.0.5:4840', securityMode: 'None', securityPolicy: 'None', samplingIntervalMs: 500, mappings: [{ nodeId: 'i=2258', tagKey: 'server_time' }] }).ok).toBe(true);
  });

  it('names every bad field by its path', () => {
    const r = checkOpcUaConfig({
      endpoint: 'http://plc-1:4840',
      securityMode: 'Encrypt',
      securityPolicy: 'Basic128',
      password: 'pw',
      samplingIntervalMs: 5,
      extra: true,
      mappings: [
        { nodeId: 'ns=2;s=Ok', tagKey: 'ok' },
        { nodeId: 'ns=2;s=Ok', tagKey: 'dup_node' },
        { nodeId: 'Boiler1.SteamFlow', tagKey: 'steam_flow' },
        { nodeId: 'ns=99999;i=1', tagKey: 'Bad-Key' },
        { nodeId: 'ns=1;i=12x', tagKey: 'ok' },
        { nodeId: 'ns=1;g=not-a-guid' },
        'x',
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    // The shape first (the API's schema); a node or tag mapped twice is checked once the shape holds.
    expect(Object.keys(byPath).sort()).toEqual([
      '/endpoint', '/extra', '/mappings/2/nodeId', '/mappings/3/nodeId', '/mappings/3/tagKey',
      '/mappings/4/nodeId', '/mappings/5/nodeId', '/mappings/5/tagKey', '/mappings/6',
      '/password', '/samplingIntervalMs', '/securityMode', '/securityPolicy',
    ]);
    expect(byPath['/endpoint']).toMatch(/opc\.tcp:\/\//);
    expect(byPath['/mappings/2/nodeId']).toMatch(/is not a valid NodeId/);
    expect(byPath['/mappings/3/nodeId']).toMatch(/namespace 0-65535/);
    expect(byPath['/mappings/3/tagKey']).toMatch(/must match/);
    expect(byPath['/mappings/5/tagKey']).toMatch(/is required/);
    expect(byPath['/password']).toMatch(/needs a username/);
    expect(byPath['/extra']).toMatch(/not a known field/);

    const twice = checkOpcUaConfig({ ...good, mappings: [{ nodeId: 'ns=2;s=Ok', tagKey: 'ok' }, { nodeId: 'ns=2;s=Ok', tagKey: 'other' }, { nodeId: 'i=1', tagKey: 'ok' }] });
    expect(twice).toEqual({
      ok: false,
      errors: [
        { path: '/mappings/1/nodeId', message: 'is already mapped by /mappings/0' },
        { path: '/mappings/2/tagKey', message: 'is already used by /mappings/0' },
      ],
    });
  });

  it('checks security mode and policy together, and the shape', () => {
    const errs = (c: unknown) => {
      const r = checkOpcUaConfig(c);
      return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`);
    };
    expect(errs({ ...good, securityMode: 'None' })).toEqual(['/securityPolicy must be None when securityMode is None']);
    expect(errs({ ...good, securityMode: 'Sign', securityPolicy: 'None' })).toEqual(['/securityPolicy must not be None when securityMode is Sign or SignAndEncrypt']);
    expect(errs({ ...good, password: undefined })).toEqual(['/password is required with username']);
    expect(errs({ ...good, username: undefined })).toEqual(['/password needs a username']);
    expect(errs({ ...good, mappings: [] })).toEqual(['/mappings must NOT have fewer than 1 items']);
    expect(errs({ ...good, samplingIntervalMs: 3_600_001 })).toEqual(['/samplingIntervalMs must be <= 3600000']);
    expect(errs({ ...good, endpoint: 'opc.tcp://user:pw@plc:4840' })).toEqual([expect.stringMatching(/^\/endpoint .*without spaces or credentials/)]);
    for (const endpoint of ['opc.tcp://plc:0', 'opc.tcp://plc:65536', 'opc.tcp://plc 1:4840', 'opc.tcp://:4840', 'opc.tcp://plc:4840/a b']) expect(errs({ ...good, endpoint }), endpoint).toHaveLength(1);
    for (const endpoint of ['opc.tcp://plc', 'opc.tcp://10.0.0.5:65535/UA/Server', 'opc.tcp://[fe80::1]:4840', 'opc.tcp://plc-1.park.local:1/x?y']) expect(errs({ ...good, endpoint }), endpoint).toEqual([]);
    expect(errs(null)).toEqual([' must be object']);
    expect(errs({})).toHaveLength(5);
  });

  it('knows the NodeId string forms', () => {
    const nodeId = new RegExp(NODE_ID_PATTERN, 'u');
    for (const ok of ['i=85', 'ns=0;i=2258', 'ns=2;s=Boiler 1.Steam;Flow', 'ns=4;g=72962B91-FA75-4AE6-8D28-B404DC7DAF63', 'ns=1;b=AAEC', 's=x', 'ns=65535;i=4294967295', 'ns=00001;i=0', `s=${'x'.repeat(4096)}`])
      expect(nodeId.test(ok), ok).toBe(true);
    for (const bad of ['', 'ns=1', 'ns=1;s=', 'ns=1;i=-1', 'ns=1;i=4294967296', 'ns=1;i=99999999999', ' ns=1;i=1', 'ns=1;s=x ', 'ns=1;x=1', 'nsu=urn:x;s=a', 'ns=1;b=@@', 'ns=65536;i=1', `s=${'x'.repeat(4097)}`])
      expect(nodeId.test(bad), bad).toBe(false);
  });

  it('reads numbers out of the numeric variants only', () => {
    expect(numericValue({ dataType: 11, value: 1.5 })).toEqual({ value: 1.5 });
    expect(numericValue({ dataType: 1, value: true })).toEqual({ value: 1 });
    expect(numericValue({ dataType: 1, value: false })).toEqual({ value: 0 });
    expect(numericValue({ dataType: 8, value: [0xffffffff, 0xfffffffe] })).toEqual({ value: -2 }); // Int64 -2
    expect(numericValue({ dataType: 9, value: [1, 5] })).toEqual({ value: 4294967301 }); // UInt64 2^32+5
    expect(numericValue({ dataType: 12, value: 'B-1' })).toEqual({ problem: expect.stringMatching(/type String/) });
    expect(numericValue({ dataType: 11, arrayType: 1, value: [1, 2] })).toEqual({ problem: expect.stringMatching(/array/) });
    expect(numericValue({ dataType: 11, value: Number.NaN })).toEqual({ problem: expect.stringMatching(/not a finite number/) });
  });

  it('the connector refuses a bad config at construction', () => {
    expect(() => new OpcUaConnector({ ...good, samplingIntervalMs: 0 }, async () => {})).toThrow(/\/samplingIntervalMs/);
  });
});

describe.skipIf(!ua)('OpcUaConnector against a node-opcua server', () => {
  let port = 0;
  let endpoint = '';
  let srv: TestServer | undefined;
  const running: OpcUaConnector[] = [];
  const connector = (config: Partial<OpcUaConnectorConfig>, sink: (r: OpcUaReading[]) => Promise<void>, log?: ReturnType<typeof memoryLog>, options: ConstructorParameters<typeof OpcUaConnector>[3] = {}) => {
    const c = new OpcUaConnector(
      // A partial override may break the security or authentication pairing: the constructor checks it.
      { endpoint, securityMode: 'None', securityPolicy: 'None', samplingIntervalMs: 100, mappings: MAPPINGS, ...config } as OpcUaConnectorConfig,
      sink,
      log,
      { pkiDir: CLIENT_PKI, retry: { connectRetries: 2, initialDelayMs: 200, maxDelayMs: 1000 }, ...options },
    );
    running.push(c);
    return c;
  };

  beforeAll(async () => {
    port = await freePort();
    endpoint = `opc.tcp://127.0.0.1:${port}/UA/Symbiont`;
    srv = await startServer(port);
  });

  afterAll(async () => {
    await Promise.all(running.map((c) => c.stop()));
    await srv?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('streams numeric values, reports the string and the unknown node, and comes back after a server restart', async () => {
    const rec = recordingSink();
    const log = memoryLog();
    const c = connector({}, rec.sink, log);
    expect(c.status().state).toBe('stopped');
    await c.start();
    expect(c.status().state).toBe('connected');

    await until(() => rec.of('steam_flow').length >= 8 && rec.of('pressure').length >= 1 && rec.of('running').length >= 1, 10_000, 'readings');
    const flow = rec.of('steam_flow');
    expectIncreasing(flow);
    for (const r of flow) {
      expect(r.value).toBeGreaterThanOrEqual(15);
      expect(r.value).toBeLessThanOrEqual(25);
    }
    expect(new Set(flow.map((r) => r.value)).size).toBeGreaterThan(3);
    for (const r of flow.slice(1)) expect(Math.abs(r.ts - Date.now())).toBeLessThan(10_000); // source timestamps, not epoch 0
    expect(rec.of('pressure')[0].value).toBe(42);
    expect(rec.of('running')[0].value).toBe(1);
    expect(rec.of('label')).toEqual([]);
    expect(rec.of('missing')).toEqual([]);
    // batched: readings arriving together go to the sink together
    expect(rec.batches.length).toBeLessThan(rec.stored.length);

    await until(() => c.status().badNodes.length === 2, 5_000, 'two bad nodes');
    const bad = Object.fromEntries(c.status().badNodes.map((b) => [b.nodeId, b.reason]));
    expect(bad['ns=1;s=Boiler1.NoSuchNode']).toMatch(/BadNodeIdUnknown/);
    expect(bad['ns=1;s=Boiler1.Label']).toMatch(/String/);
    const warned = log.lines.filter((l) => l.level === 'warn').map((l) => JSON.stringify(l.o));
    expect(warned.some((w) => w.includes('NoSuchNode') && w.includes('BadNodeIdUnknown'))).toBe(true);
    expect(warned.some((w) => w.includes('Boiler1.Label') && w.includes('String'))).toBe(true);
    expect(c.status().lastDataAt).toBeGreaterThan(Date.now() - 5_000);

    // The server goes away…
    const states: string[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const s = c.status().state;
        if (states[states.length - 1] !== s) states.push(s);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await srv!.stop();
    srv = undefined;
    await until(() => c.status().state === 'reconnecting', 10_000, 'state reconnecting');
    const cut = Date.now();
    // …and a new one starts on the same port.
    srv = await startServer(port);
    await until(() => c.status().state === 'connected', 20_000, 'state connected again');
    await until(() => rec.of('steam_flow').filter((r) => r.ts > cut).length >= 5, 10_000, 'readings after the restart');
    watching = false;
    await watch;
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
    expect(srv.sessions()).toBe(1); // a new session on the new server, the subscription created again in it
    expect(log.lines.map((l) => l.m)).toContain('OPC UA connection re-established; subscription restored');
    expect(rec.of('pressure').filter((r) => r.ts > cut)[0]?.value).toBe(42); // the new server's value, re-subscribed
    expectIncreasing(rec.of('steam_flow'));
    expectIncreasing(rec.of('pressure'));
    // the bad nodes are still known, and nothing else became bad
    expect(c.status().badNodes.map((b) => b.nodeId).sort()).toEqual(['ns=1;s=Boiler1.Label', 'ns=1;s=Boiler1.NoSuchNode']);

    await c.stop();
    await c.stop(); // idempotent
    expect(c.status().state).toBe('stopped');
    const n = rec.stored.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(rec.stored.length).toBe(n); // nothing after stop
  }, 40_000);

  // Retried: once in a full parallel run on the 2-core machine it failed and could not be reproduced
  // alone or under CPU load; the reconnection timing of node-opcua depends on how busy the machine is.
  it('a dropped connection with the server still up: the session is re-activated and keeps its subscription; stop() while reconnecting', { retry: 2, timeout: 40_000 }, async () => {
    const proxy = await tcpProxy(port);
    try {
      const rec = recordingSink();
      const log = memoryLog();
      const c = connector({ endpoint: `opc.tcp://127.0.0.1:${proxy.port}/UA/Symbiont`, mappings: MAPPINGS.slice(0, 2) }, rec.sink, log);
      await c.start();
      await until(() => rec.of('steam_flow').length >= 3, 10_000, 'readings');
      const sessions = srv!.sessions();
      await proxy.cut();
      await until(() => c.status().state === 'reconnecting', 10_000, 'state reconnecting');
      const cut = Date.now();
      await new Promise((r) => setTimeout(r, 500));
      await proxy.restore();
      await until(() => c.status().state === 'connected', 15_000, 'state connected again');
      await until(() => rec.of('steam_flow').filter((r) => r.ts > cut + 500).length >= 3, 10_000, 'readings after the cut');
      expectIncreasing(rec.of('steam_flow'));
      expect(srv!.sessions()).toBe(sessions); // the old session was re-activated on the new channel
      expect(c.status().badNodes).toEqual([]);

      // stop() while the connector is trying to reconnect
      await proxy.cut();
      await until(() => c.status().state === 'reconnecting', 10_000, 'state reconnecting');
      const t = Date.now();
      await c.stop();
      expect(Date.now() - t).toBeLessThan(6_000);
      expect(c.status().state).toBe('stopped');
    } finally {
      await proxy.cut();
    }
  });

  it('keeps the readings a failing sink refused and delivers them later; a full buffer drops the oldest and says so', async () => {
    const rec = recordingSink();
    rec.state.fail = true;
    const log = memoryLog();
    const c = connector({ mappings: [MAPPINGS[0]] }, rec.sink, log);
    await c.start();
    await until(() => rec.refused.length >= 2, 10_000, 'two refused batches');
    expect(c.status().sinkFailing).toBe(true);
    expect(c.status().lastError).toBe('sink: database unavailable');
    expect(c.status().buffered).toBeGreaterThan(0);
    const refused = rec.refused.flat();
    rec.state.fail = false;
    await until(() => !c.status().sinkFailing && c.status().buffered < 5, 10_000, 'the sink to catch up');
    // every reading it once refused was stored later, once, in order
    const key = (r: OpcUaReading) => `${r.tagKey}@${r.ts}`;
    const stored = rec.stored.map(key);
    for (const r of refused) expect(stored).toContain(key(r));
    expect(new Set(stored).size).toBe(stored.length);
    expectIncreasing(rec.stored);
    expect(c.status().dropped).toBe(0);
    expect(log.lines.map((l) => l.m)).toContain('OPC UA readings are stored again');
    await c.stop();

    const rec2 = recordingSink();
    rec2.state.fail = true;
    const log2 = memoryLog();
    const small = connector({ mappings: [MAPPINGS[0]] }, rec2.sink, log2, { maxBufferedReadings: 5 });
    await small.start();
    await until(() => small.status().dropped > 0, 10_000, 'an overflow');
    expect(small.status().buffered).toBeLessThanOrEqual(5);
    expect(log2.lines.map((l) => l.m)).toContain('OPC UA reading buffer full: the oldest readings are dropped until the sink takes them again');
    rec2.state.fail = false;
    await small.stop(); // the last readings still go to the sink on stop
    expect(rec2.stored.length).toBeGreaterThan(0);
  }, 30_000);

  it('rejects at first start when the endpoint cannot be reached, after bounded retries', async () => {
    const closed = await freePort();
    const c = connector({ endpoint: `opc.tcp://127.0.0.1:${closed}/UA/Nothing` }, async () => {}, undefined, { retry: { connectRetries: 2, initialDelayMs: 100, maxDelayMs: 200 } });
    const t = Date.now();
    await expect(c.start()).rejects.toThrow(new RegExp(`OPC UA server opc.tcp://127.0.0.1:${closed}/UA/Nothing not reached after 3 attempts: .*ECONNREFUSED`));
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(c.status()).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/ECONNREFUSED/) });
    await c.stop();
    expect(c.status().state).toBe('stopped');
  });

  it("logs one structured line per event: node-opcua's own multi-line dumps included", async () => {
    const closed = await freePort();
    const log = memoryLog();
    const c = connector({ endpoint: `opc.tcp://127.0.0.1:${closed}/UA/Nothing` }, async () => {}, log, { retry: { connectRetries: 1, initialDelayMs: 50, maxDelayMs: 50 } });
    await expect(c.start()).rejects.toThrow(/not reached|cannot connect/);
    // node-opcua writes warnings through its process-wide logger; the connector routes them.
    const { make_warningLog, make_errorLog } = await import('node-opcua-debug');
    make_warningLog('test')('\u001b[33mSecure channel closed\u001b[39m\n  request: {\n    requestHandle: 42\n  }\n 00000000: 01 02 03', { statusCode: 'x' });
    make_errorLog('test')(new Error('createSession failed\nBadSecurityChecksFailed (0x80130000)\n    at stack line'));
    const routed = log.lines.filter((l) => (l.o as { source?: string }).source === 'node-opcua');
    expect(routed.slice(-2).map((l) => l.m)).toEqual(['node-opcua: Secure channel closed', 'node-opcua: createSession failed']);
    expect(routed[routed.length - 1].o).toMatchObject({ level: 'error', status: 'BadSecurityChecksFailed (0x80130000)' });
    for (const l of log.lines) expect(`${l.m} ${JSON.stringify(l.o)}`, l.m).not.toMatch(/\n|\\n/);
    expect(c.status().lastError).not.toMatch(/\n/);
    await c.stop();
  });

  it('Sign with Basic256Sha256 and a user name: the server certificate must be trusted first', async () => {
    const pkiDir = path.join(tmp, 'sign-pki');
    const rec = recordingSink();
    const config = { securityMode: 'Sign', securityPolicy: 'Basic256Sha256', username: USER, password: PASSWORD, mappings: MAPPINGS.slice(0, 2) } as const;
    const first = connector(config, rec.sink, undefined, { pkiDir });
    await expect(first.start()).rejects.toThrow(/certificate.*move it from .*rejected/i);
    // the engineer trusts the server's certificate…
    const rejected = path.join(pkiDir, 'rejected');
    const files = fs.readdirSync(rejected).filter((f) => f.endsWith('.pem') || f.endsWith('.der'));
    expect(files).toHaveLength(1);
    fs.renameSync(path.join(rejected, files[0]), path.join(pkiDir, 'trusted', 'certs', files[0]));
    // …and the same connector starts
    await first.start();
    await until(() => rec.of('steam_flow').length >= 3, 10_000, 'signed readings');
    expect(rec.of('pressure')[0].value).toBe(42);
    await first.stop();

    const wrong = connector({ ...config, password: 'wrong' }, async () => {}, undefined, { pkiDir });
    await expect(wrong.start()).rejects.toThrow(/refused the session for user operator/);
    expect(wrong.status().state).toBe('failed');
  }, 30_000);

  it('stops cleanly: no client left, no socket open', async () => {
    await Promise.all(running.map((c) => c.stop()));
    await srv!.stop();
    srv = undefined;
    expect(ua!.OPCUAClientBase.registry.count()).toBe(0);
    // sockets close and node-opcua's last timers run out within a few seconds
    const open = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP') || r === 'Timeout');
    await until(() => open().length === 0, 8_000, () => `sockets and timers to close (open: ${open().join(', ')})`);
  });
});
