/**
 * The rule that matters most: an acknowledged reading is never lost. A device in another process
 * publishes at full speed over MQTT (QoS 1); the platform is killed with SIGKILL mid-stream and
 * started again; every reading whose PUBACK the device received is stored, exactly once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './helpers/net.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-durability-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startPlatform(port: number, mqttPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'symbiont.js'), 'start', '--no-demo', '--no-simulator', '--data-dir', dataDir, '--port', String(port), '--mqtt-port', String(mqttPort), '--log-level', 'warn'], {
    cwd: root,
    env: { ...process.env, SYMBIONT_ADMIN_PASSWORD: 'durability-admin', SYMBIONT_WEB_DIR: path.join(dataDir, 'no-console') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 60_000;
  while (!out.includes('is running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the platform did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

async function api(port: number, token: string | null, method: string, url: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

describe('durability', () => {
  it('keeps every acknowledged reading, exactly once, across a SIGKILL', async () => {
    const port = await freePort();
    const mqttPort = await freePort();
    let platform = await startPlatform(port, mqttPort);
    const { token } = await api(port, null, 'POST', '/api/v1/auth/login', { username: 'admin', password: 'durability-admin' });
    const ent = await api(port, token, 'POST', '/api/v1/enterprises', { code: 'crash', name: '断电测试', industry: 'energy' });
    const site = await api(port, token, 'POST', '/api/v1/sites', { enterpriseId: ent.id, code: 'crash-site', name: 's' });
    const device = await api(port, token, 'POST', '/api/v1/devices', { siteId: site.id, code: 'crash-meter', name: 'm', kind: 'energy_meter', protocol: 'mqtt' });
    const tag = await api(port, token, 'POST', '/api/v1/tags', { deviceId: device.id, key: 'n', name: 'n', kind: 'other', unit: 'pcs' });
    const cred = await api(port, token, 'POST', `/api/v1/devices/${device.id}/credentials`, {});

    const ackFile = path.join(dataDir, 'acked.txt');
    const T0 = Date.now() - 3_600_000;
    const publisher = spawn(process.execPath, [path.join(root, 'test', 'helpers', 'publisher.mjs'), `mqtt://127.0.0.1:${mqttPort}`, 'crash-meter', cred.token, 'n', String(T0), ackFile], {
      cwd: root,
      stdio: 'inherit',
    });
    children.push(publisher);
    // Let it run until a good number of readings are acknowledged, then pull the plug.
    const deadline = Date.now() + 30_000;
    while ((fs.existsSync(ackFile) ? fs.readFileSync(ackFile, 'utf8').split('\n').length : 0) < 300 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    platform.kill('SIGKILL');
    await new Promise((r) => publisher.once('exit', r));

    const acked = new Set<number>();
    for (const line of fs.readFileSync(ackFile, 'utf8').split('\n').filter(Boolean)) {
      const [first, n] = line.split(' ').map(Number);
      for (let i = first; i < first + n; i++) acked.add(i);
    }
    expect(acked.size).toBeGreaterThan(1000);

    // The platform comes back on the same store.
    platform = await startPlatform(port, mqttPort);
    const health = await api(port, null, 'GET', '/api/v1/health');
    expect(health.status).toBe('ok');
    platform.kill('SIGTERM');
    await new Promise((r) => platform.once('exit', r));

    const db = new Database(path.join(dataDir, 'symbiont.db'), { readonly: true });
    const rows = db.prepare('select ts, value from points where tag_id = ?').all(tag.id) as { ts: number; value: number }[];
    const stored = new Map(rows.map((r) => [r.ts - T0, r.value]));
    const missing = [...acked].filter((i) => stored.get(i) !== i);
    expect(missing).toEqual([]);
    // Exactly once: the key is (tag, ts), so no reading can be stored twice; all stored readings are well-formed.
    expect(rows.length).toBe(stored.size);
    const rollup = db.prepare('select sum(count) as n from rollups where tag_id = ? and step_ms = 60000').get(tag.id) as { n: number };
    expect(rollup.n).toBe(rows.length);
    db.close();
    // Two platform start-ups in child processes and up to 30 s of publishing: more than the default ceiling.
  }, 120_000);
});
