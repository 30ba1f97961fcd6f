/**
 * How the node is served decides its security headers and the URLs it gives out: native TLS
 * (HTTPS, HSTS, Secure cookies, upgrade-insecure-requests), and a public URL behind a
 * TLS-terminating proxy (Secure cookies and upgrade-insecure-requests, no HSTS; handles and
 * Digital Links under the public URL).
 */
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../src/app.ts';
import { loadConfig, type ConfigInput } from '../src/config.ts';
import { loadDemo } from '../demo/load.ts';
import { HAVE_OPENSSL, selfSigned } from './helpers/tls.ts';
import { client, login } from './helpers/server.ts';

const dirs: string[] = [];
const platforms: Platform[] = [];
afterAll(async () => {
  for (const p of platforms) await p.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function start(input: ConfigInput, demo = false): Promise<Platform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-serving-'));
  dirs.push(dataDir);
  const config = loadConfig({ dataDir, port: 0, mqttPort: 0, demo, simulator: false, logLevel: 'silent', ...input }, { SYMBIONT_ADMIN_PASSWORD: 'serving-admin' });
  const platform = await startPlatform(config, { beforeListen: async (s) => void (demo ? await loadDemo(s) : undefined) });
  platforms.push(platform);
  return platform;
}

/** A request over HTTPS that trusts the test's own certificate (and nothing else). */
function httpsRequest(url: string, ca: Buffer, method = 'GET', body?: object): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, ca, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe.skipIf(!HAVE_OPENSSL)('native TLS (--tls-cert, --tls-key)', () => {
  let platform: Platform;
  let ca: Buffer;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-tls-'));
    dirs.push(dir);
    const { cert, key } = selfSigned(dir);
    ca = fs.readFileSync(cert);
    platform = await start({ tlsCert: cert, tlsKey: key });
  });

  it('serves HTTPS with HSTS, upgrade-insecure-requests and a Secure session cookie', async () => {
    expect(platform.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(platform.publicUrl).toBe(platform.url);
    const health = await httpsRequest(`${platform.url}/api/v1/health`, ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', publicUrl: platform.url });
    expect(health.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(health.headers['strict-transport-security']).not.toMatch(/includeSubDomains/);
    expect(health.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    const login = await httpsRequest(`${platform.url}/api/v1/auth/login`, ca, 'POST', { username: 'admin', password: 'serving-admin' });
    expect(login.status).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/symbiont_session=st_[^;]*;.*Secure/i);
  });

  it('does not answer plain HTTP on the HTTPS port', async () => {
    await expect(fetch(platform.url.replace('https:', 'http:') + '/api/v1/health')).rejects.toThrow();
  });
});

describe('a public URL behind a TLS-terminating proxy (--public-url https://…)', () => {
  const PUBLIC = 'https://symbiont.plant.example';
  let platform: Platform;
  beforeAll(async () => {
    platform = await start({ publicUrl: PUBLIC }, true);
  });

  it('marks cookies Secure and upgrades requests, but leaves HSTS to the proxy', async () => {
    expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(platform.publicUrl).toBe(PUBLIC);
    const r = await fetch(`${platform.url}/api/v1/health`);
    expect(await r.json()).toMatchObject({ publicUrl: PUBLIC, mqttUrl: `mqtt://symbiont.plant.example:${platform.mqttPort}` });
    expect(r.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
    expect(r.headers.get('strict-transport-security')).toBeNull();
    const res = await client(platform.url).post('/api/v1/auth/login', { username: 'admin', password: 'serving-admin' });
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('gives out handles and Digital Links under the public URL', async () => {
    const admin = client(platform.url, await login(platform.url, 'admin', 'serving-admin'));
    const item = (await admin.get('/api/v1/identifiers?limit=1&kind=lot')).body.items[0];
    expect(item.url).toBe(`${PUBLIC}/id/${item.handle}`);
    expect(item.digitalLink).toBe(`${PUBLIC}/01/${item.gtin}/10/${encodeURIComponent(item.lot)}`);
    const handle = await client(platform.url).get(`/api/handles/${item.handle}?index=1`);
    expect(handle.body.values[0].data.value).toBe(`${PUBLIC}/id/${item.handle}`);
    const linkset = await client(platform.url).raw('GET', `/01/${item.gtin}/10/${encodeURIComponent(item.lot)}?linkType=all`);
    expect(linkset.body.linkset[0].anchor).toBe(`${PUBLIC}/01/${item.gtin}/10/${encodeURIComponent(item.lot)}`);
    expect((await client(platform.url).get('/.well-known/gs1resolver')).body.resolverRoot).toBe(PUBLIC);
    // A row minted when the node had another address is served under the present one.
    await platform.services.handle.db.updateTable('identifier_values').set({ data: `http://10.9.9.9:8080/id/${item.handle}` }).where('identifier_id', '=', item.id).where('idx', '=', 1).execute();
    const again = await client(platform.url).get(`/api/handles/${item.handle}?index=1`);
    expect(again.body.values[0].data.value).toBe(`${PUBLIC}/id/${item.handle}`);
    expect((await admin.get(`/api/v1/identifiers/${item.id}`)).body.values.find((v: { index: number }) => v.index === 1).value).toBe(`${PUBLIC}/id/${item.handle}`);
  });
});
