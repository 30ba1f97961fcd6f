/**
 * Two nodes on one PostgreSQL, one OPC UA server (node-opcua on 127.0.0.1): a connector runs on
 * exactly one node, both nodes' API views name that node, stopping it moves the connector to the
 * other at once, and a configuration change made through the node that does not run it reaches the
 * one that does. Retention, a periodic job, runs once per period across the two nodes' workers.
 * States are polled with a deadline, never awaited with fixed sleeps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, startPlatform, type Platform, type Services } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { systemContext } from '../src/core/roles.ts';
import { OpcUaManager, type OpcUaView } from '../src/modules/telemetry/opcua.ts';
import { freshDatabase, meteredStore } from './helpers/db.ts';
import { postgresReachable } from './helpers/services.ts';
import { freePort } from './helpers/net.ts';

const pgUp = await postgresReachable();
const ua = await import('node-opcua');
const ctx = systemContext('test');
const silent = { info() {}, warn() {}, error() {} };
const lease = { leaseMs: 2000, heartbeatMs: 300, retryMs: 100 };

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Node {
  name: string;
  services: Services;
  opcua: OpcUaManager;
  start(): Promise<void>;
  stop(): Promise<void>;
}

describe.skipIf(!pgUp)('two nodes on one PostgreSQL', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-two-nodes-'));
  let opcServer: InstanceType<typeof ua.OPCUAServer>;
  let timer: NodeJS.Timeout;
  let endpoint: string;
  let store: Awaited<ReturnType<typeof meteredStore>>;
  const nodes: Node[] = [];

  beforeAll(async () => {
    const port = await freePort();
    const serverCertificateManager = new ua.OPCUACertificateManager({ rootFolder: path.join(tmp, 'server-pki'), automaticallyAcceptUnknownCertificate: true });
    await serverCertificateManager.initialize();
    opcServer = new ua.OPCUAServer({
      port, host: '127.0.0.1', hostname: '127.0.0.1', resourcePath: '/UA/Plant', serverCertificateManager,
      registerServerMethod: ua.RegisterServerMethod.HIDDEN, securityModes: [ua.MessageSecurityMode.None], securityPolicies: [ua.SecurityPolicy.None], allowAnonymous: true,
    });
    await opcServer.initialize();
    const space = opcServer.engine.addressSpace!;
    const ns = space.getOwnNamespace();
    const boiler = ns.addObject({ organizedBy: space.rootFolder.objects, browseName: 'Boiler1' });
    const flow = ns.addVariable({ componentOf: boiler, nodeId: 's=Boiler1.SteamFlow', browseName: 'SteamFlow', dataType: 'Double', value: { dataType: ua.DataType.Double, value: 80 } });
    const pressure = ns.addVariable({ componentOf: boiler, nodeId: 's=Boiler1.Pressure', browseName: 'Pressure', dataType: 'Double', value: { dataType: ua.DataType.Double, value: 40 } });
    let k = 0;
    timer = setInterval(() => {
      flow.setValueFromSource({ dataType: ua.DataType.Double, value: 80 + (k % 10) });
      pressure.setValueFromSource({ dataType: ua.DataType.Double, value: 40 + (k++ % 5) });
    }, 100);
    await opcServer.start();
    endpoint = `opc.tcp://127.0.0.1:${port}/UA/Plant`;

    store = await meteredStore('postgres', 'two', ['steam_flow', 'pressure']);
    for (const name of ['node-1', 'node-2']) {
      // Each node its own services (its own pool, worker and group commit) on the one database.
      const services = name === 'node-1' ? store.s : await openServices({ db: store.db.url, sessionTtlHours: 1 });
      const opcua = new OpcUaManager(services.handle, services.telemetry, services.audit, { dataDir: path.join(tmp, name), log: silent, worker: services.worker, lease, syncMs: 200 });
      nodes.push({
        name,
        services,
        opcua,
        start: async () => {
          services.worker.start({ nodeId: name, log: silent });
          await opcua.startAll();
        },
        stop: async () => {
          await opcua.stopAll();
          await services.worker.stop();
        },
      });
    }
  }, 120_000);

  afterAll(async () => {
    for (const n of nodes) await n.stop().catch(() => {});
    if (nodes[1]) await nodes[1].services.close();
    await store?.close();
    clearInterval(timer);
    await opcServer?.shutdown(0);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const views = () => Promise.all(nodes.map((n) => n.opcua.get(ctx, store.deviceId)));
  /** The node running the connector, once exactly one runs it connected and both views name it. */
  const runningOn = async (): Promise<Node | undefined> => {
    const v: OpcUaView[] = await views();
    const running = v.map((x, i) => [x, nodes[i]] as const).filter(([x]) => x.status !== null);
    if (running.length !== 1) return undefined;
    const [view, node] = running[0];
    if (view.status!.state !== 'connected' || v.some((x) => x.node !== node.opcua.nodeId)) return undefined;
    return node;
  };

  it('runs a connector on exactly one node and moves it when that node stops', async () => {
    await Promise.all(nodes.map((n) => n.start()));
    const put = await nodes[0].opcua.put(ctx, store.deviceId, {
      config: { endpoint, securityMode: 'None', securityPolicy: 'None', samplingIntervalMs: 100, mappings: [{ nodeId: 'ns=1;s=Boiler1.SteamFlow', tagKey: 'steam_flow' }] },
    });
    expect(put.enabled).toBe(true);
    const first = await until('the connector to run on one node', runningOn);
    // Still one node, several heartbeats later; readings arrive.
    const t0 = Date.now();
    await until('a few heartbeats', async () => Date.now() > t0 + 3 * lease.heartbeatMs && (await runningOn()) === first);
    await until('a reading', () => first.services.telemetry.latest(ctx, store.tagIds[0]));
    const lease0 = await store.s.handle.db.selectFrom('job_leases').selectAll().where('job_key', '=', `opcua:${store.deviceId}`).executeTakeFirstOrThrow();
    expect(lease0.owner).toBe(first.opcua.nodeId);

    // The node stops: it gives the lease up and the other takes the connector over well within a lease.
    const other = nodes.find((n) => n !== first)!;
    const stoppedAt = Date.now();
    await first.stop();
    const second = await until('the other node to take the connector over', runningOn);
    expect(second).toBe(other);
    expect(Date.now() - stoppedAt).toBeLessThan(lease.leaseMs + 5_000);
    const lease1 = await other.services.handle.db.selectFrom('job_leases').selectAll().where('job_key', '=', `opcua:${store.deviceId}`).executeTakeFirstOrThrow();
    expect(Number(lease1.token)).toBe(Number(lease0.token) + 1);
    const after = Date.now();
    await until('readings stored by the new node', async () => (await other.services.telemetry.latest(ctx, store.tagIds[0])).ts >= after - 1000);

    // The first node comes back: the connector stays where it runs (no flapping).
    await first.start();
    const back = Date.now();
    await until('the first node to take part again', async () => Date.now() > back + 5 * lease.retryMs && (await runningOn()) === other);

    // A change made through the node that does not run it reaches the one that does.
    await first.opcua.put(ctx, store.deviceId, {
      config: { endpoint, securityMode: 'None', securityPolicy: 'None', samplingIntervalMs: 100, mappings: [{ nodeId: 'ns=1;s=Boiler1.Pressure', tagKey: 'pressure' }] },
    });
    const p = await until('the new mapping to deliver readings', () => first.services.telemetry.latest(ctx, store.tagIds[1]));
    expect(p.value).toBeGreaterThanOrEqual(40);
    expect(p.value).toBeLessThan(45);
    expect(await until('one node to run the new configuration', runningOn)).toBeDefined();

    // Removed through either node: it stops on the node that ran it.
    await other.opcua.remove(ctx, store.deviceId);
    await until('no node to run it', async () => nodes.every((n) => (n.opcua as unknown as { entries: Map<number, unknown> }).entries.size === 0));
    const gone = await store.s.handle.db.selectFrom('job_leases').select('owner').where('job_key', '=', `opcua:${store.deviceId}`).executeTakeFirstOrThrow();
    expect(gone.owner).toBeNull();
  }, 120_000);

  it('runs retention once per period across both nodes', async () => {
    const runs: string[] = [];
    for (const n of nodes) n.services.worker.every('telemetry:retention-test', 300, async (_s, l) => void runs.push(`${n.name}:${l.token}`));
    const t0 = Date.now();
    await until('several periods', async () => runs.length >= 5);
    const elapsed = Date.now() - t0;
    // One run per period, whichever node ran it: tokens 1, 2, 3…, and no more runs than periods began.
    expect(runs.map((r) => Number(r.split(':')[1]))).toEqual(runs.map((_, i) => i + 1));
    expect(runs.length).toBeLessThanOrEqual(Math.floor(elapsed / 300) + 1);
  }, 30_000);

  it('two platforms on one store: the hourly retention ran once, on one of them', async () => {
    const db = await freshDatabase('postgres');
    const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(tmp, 'platform-')));
    const platforms: Platform[] = [];
    try {
      for (const [i, dataDir] of dirs.entries()) {
        const config = loadConfig({ dataDir, port: 0, mqttPort: 0, demo: false, simulator: false, logLevel: 'silent', db: db.url, nodeId: `platform-${i}` }, { SYMBIONT_ADMIN_PASSWORD: 'test-admin-password' });
        platforms.push(await startPlatform(config));
      }
      const retention = () => platforms.map((p) => p.services.worker.status().find((j) => j.key === 'telemetry:retention')!);
      const row = await until('the retention period to be taken and run', async () =>
        retention().some((j) => j.runs > 0) && platforms[0].services.handle.db.selectFrom('job_leases').selectAll().where('job_key', '=', 'telemetry:retention').executeTakeFirst(),
      );
      const statuses = retention();
      expect(statuses.map((j) => j.kind)).toEqual(['every', 'every']);
      expect(statuses.reduce((n, j) => n + j.runs, 0)).toBe(1);
      expect(Number(row.token)).toBe(1);
      expect(platforms.map((p) => p.services.worker.nodeId)).toContain(row.owner);
      expect(Number(row.until) - Number(row.heartbeat)).toBe(3_600_000);
    } finally {
      for (const p of platforms) await p.close();
      await db.drop();
    }
  }, 60_000);
});
