/**
 * An OPC UA connector configured through the API: the platform subscribes to a real OPC UA server
 * (node-opcua, started here on 127.0.0.1) and stores what it reports under the device's tags.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { freePort } from './helpers/net.ts';

const ua = await import('node-opcua');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-opcua-platform-'));
let server: TestServer;
let opcServer: InstanceType<typeof ua.OPCUAServer>;
let timer: NodeJS.Timeout;
let endpoint: string;

beforeAll(async () => {
  const port = await freePort();
  const serverCertificateManager = new ua.OPCUACertificateManager({ rootFolder: path.join(tmp, 'server-pki'), automaticallyAcceptUnknownCertificate: true });
  await serverCertificateManager.initialize();
  const userCertificateManager = new ua.OPCUACertificateManager({ rootFolder: path.join(tmp, 'server-user-pki'), automaticallyAcceptUnknownCertificate: false });
  await userCertificateManager.initialize();
  opcServer = new ua.OPCUAServer({
    port, host: '127.0.0.1', hostname: '127.0.0.1', resourcePath: '/UA/Plant', serverCertificateManager, userCertificateManager,
    registerServerMethod: ua.RegisterServerMethod.HIDDEN, securityModes: [ua.MessageSecurityMode.None], securityPolicies: [ua.SecurityPolicy.None], allowAnonymous: true,
  });
  await opcServer.initialize();
  const space = opcServer.engine.addressSpace!;
  const ns = space.getOwnNamespace();
  const boiler = ns.addObject({ organizedBy: space.rootFolder.objects, browseName: 'Boiler1' });
  const flow = ns.addVariable({ componentOf: boiler, nodeId: 's=Boiler1.SteamFlow', browseName: 'SteamFlow', dataType: 'Double', value: { dataType: ua.DataType.Double, value: 80 } });
  // A server that stamps a value with a clock from 1990, and one that reports ±1e308.
  const stale = ns.addVariable({ componentOf: boiler, nodeId: 's=Boiler1.Stale', browseName: 'Stale', dataType: 'Double' });
  stale.setValueFromSource({ dataType: ua.DataType.Double, value: 5 }, ua.StatusCodes.Good, new Date(Date.UTC(1990, 0, 1)));
  ns.addVariable({ componentOf: boiler, nodeId: 's=Boiler1.Huge', browseName: 'Huge', dataType: 'Double', value: { dataType: ua.DataType.Double, value: 1e308 } });
  let k = 0;
  timer = setInterval(() => flow.setValueFromSource({ dataType: ua.DataType.Double, value: 80 + (k++ % 10) }), 100);
  await opcServer.start();
  endpoint = `opc.tcp://127.0.0.1:${port}/UA/Plant`;
  server = await startTestServer({ demo: true });
}, 120_000);

afterAll(async () => {
  await server?.close();
  clearInterval(timer);
  await opcServer?.shutdown(0);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('OPC UA connectors', () => {
  it('subscribes to the configured nodes and stores their values under the mapped tags', async () => {
    const admin = client(server.url, await login(server.url, 'chp.admin', 'symbiont-demo'));
    const device = (await admin.get('/api/v1/devices?q=chp-bs-01')).body.items[0];
    const tag = (await admin.get(`/api/v1/tags?device=${device.id}`)).body.items[0];
    const bad = await admin.raw('PUT', `/api/v1/devices/${device.id}/opcua`, { config: { endpoint: 'http://x', securityMode: 'None', securityPolicy: 'None', samplingIntervalMs: 100, mappings: [{ nodeId: 'ns=1;s=Boiler1.SteamFlow', tagKey: 'nope' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('/body/config/endpoint');
    const unknownTag = await admin.raw('PUT', `/api/v1/devices/${device.id}/opcua`, { config: { endpoint, securityMode: 'None', securityPolicy: 'None', samplingIntervalMs: 100, mappings: [{ nodeId: 'ns=1;s=Boiler1.SteamFlow', tagKey: 'nope' }] } });
    expect(unknownTag.body.errors).toEqual([{ path: '/body/config/mappings/0/tagKey', message: 'no tag "nope" on this device' }]);
    // The schema's unions (security, authentication) answer with one error at the field to change.
    const base = { endpoint, securityMode: 'None', securityPolicy: 'None', samplingIntervalMs: 100, mappings: [{ nodeId: 'ns=1;s=Boiler1.SteamFlow', tagKey: tag.key }] };
    const pairing = await admin.raw('PUT', `/api/v1/devices/${device.id}/opcua`, { config: { ...base, securityPolicy: 'Basic256Sha256' } });
    expect(pairing.body.errors).toEqual([{ path: '/body/config/securityPolicy', message: 'must be None when securityMode is None' }]);
    const lonelyUser = await admin.raw('PUT', `/api/v1/devices/${device.id}/opcua`, { config: { ...base, username: 'operator' } });
    expect(lonelyUser.body.errors).toEqual([{ path: '/body/config/password', message: 'is required with username' }]);
    const twice = await admin.raw('PUT', `/api/v1/devices/${device.id}/opcua`, { config: { ...base, mappings: [base.mappings[0], { nodeId: 'ns=1;s=Other', tagKey: tag.key }] } });
    expect(twice.body.errors).toEqual([{ path: '/body/config/mappings/1/tagKey', message: 'is already used by /mappings/0' }]);

    const put = await admin.raw('PUT', `/api/v1/devices/${device.id}/opcua`, {
      config: { endpoint, securityMode: 'None', securityPolicy: 'None', samplingIntervalMs: 100, mappings: [{ nodeId: 'ns=1;s=Boiler1.SteamFlow', tagKey: tag.key }] },
    });
    expect(put.status).toBe(200);
    expect(put.body.config).toMatchObject({ endpoint, hasPassword: false });
    let latest: { status: number; body: { value: number } } = { status: 404, body: { value: 0 } };
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      latest = await admin.get(`/api/v1/tags/${tag.id}/latest`);
      if (latest.status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(latest.status).toBe(200);
    expect(latest.body.value).toBeGreaterThanOrEqual(80);
    expect(latest.body.value).toBeLessThan(90);
    const status = await admin.get(`/api/v1/devices/${device.id}/opcua`);
    expect(status.body.status.state).toBe('connected');
    // Each connector runs on one node, and its view says which (this node: the only one).
    expect(status.body.node).toBe(server.app.opcua.nodeId);
    expect((await admin.get(`/api/v1/devices/${device.id}/status`)).body).toMatchObject({ online: true, via: 'opcua' });

    const other = client(server.url, await login(server.url, 'pvc.admin', 'symbiont-demo'));
    expect((await other.get(`/api/v1/devices/${device.id}/opcua`)).status).toBe(404);
    expect((await other.delete(`/api/v1/devices/${device.id}/opcua`)).status).toBe(404);
    const viewer = client(server.url, await login(server.url, 'chp.viewer', 'symbiont-demo'));
    expect((await viewer.delete(`/api/v1/devices/${device.id}/opcua`)).status).toBe(403);
    expect((await admin.delete(`/api/v1/devices/${device.id}/opcua`)).status).toBe(204);
  }, 60_000);

  it('checks readings like every other source: a bad one is left out and logged, the others stored', async () => {
    const admin = client(server.url, await login(server.url, 'chp.admin', 'symbiont-demo'));
    const device = (await admin.get('/api/v1/devices?q=chp-bs-01')).body.items[0];
    const tags = (await admin.get(`/api/v1/tags?device=${device.id}`)).body.items as { id: number; key: string }[];
    const put = await admin.raw('PUT', `/api/v1/devices/${device.id}/opcua`, {
      config: {
        endpoint, securityMode: 'None', securityPolicy: 'None', samplingIntervalMs: 100,
        mappings: [{ nodeId: 'ns=1;s=Boiler1.SteamFlow', tagKey: tags[0].key }, { nodeId: 'ns=1;s=Boiler1.Stale', tagKey: tags[1].key }, { nodeId: 'ns=1;s=Boiler1.Huge', tagKey: tags[2].key }],
      },
    });
    expect(put.status).toBe(200);
    const since = Date.now();
    type Entry = { ts: number; source: string; reason: string; detail: string };
    let log: Entry[] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      log = ((await admin.get(`/api/v1/devices/${device.id}/errors`)).body.items as Entry[]).filter((e) => e.source === 'opcua' && e.ts >= since);
      if (log.some((e) => e.reason === 'timestamp_too_old') && log.some((e) => e.reason === 'value_out_of_range')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(log.find((e) => e.reason === 'timestamp_too_old')?.detail).toMatch(new RegExp(`^${tags[1].key} source timestamp 631152000000 \\(1990-01-01T00:00:00.000Z\\) is before 2000-01-01`));
    expect(log.find((e) => e.reason === 'value_out_of_range')?.detail).toMatch(new RegExp(`^${tags[2].key} 1e\\+308 is beyond ±1e15`));
    const latest = await admin.get(`/api/v1/tags/${tags[0].id}/latest`);
    expect(latest.status).toBe(200);
    for (const t of tags.slice(1, 3)) expect((await admin.get(`/api/v1/tags/${t.id}/latest`)).status).toBe(404);
    expect((await admin.delete(`/api/v1/devices/${device.id}/opcua`)).status).toBe(204);
  }, 60_000);
});
