/** Starts the real platform for API and browser tests: its own store, a free port, the demo park. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { startPlatform, type Services } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { loadDemo } from '../../demo/load.ts';
import { freshDatabase, type TestDialect } from './db.ts';

export interface TestServer {
  url: string;
  mqttPort: number;
  adminPassword: string;
  services: Services;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startTestServer(opts: { demo?: boolean; dialect?: TestDialect; resolverPeers?: string } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-server-'));
  const database = opts.dialect === 'postgres' ? await freshDatabase('postgres') : undefined;
  const adminPassword = `admin-${randomBytes(6).toString('hex')}`;
  const config = loadConfig(
    { dataDir, port: 0, mqttPort: 0, demo: opts.demo ?? true, simulator: false, logLevel: 'silent', db: database?.url, resolverPeers: opts.resolverPeers },
    { SYMBIONT_ADMIN_PASSWORD: adminPassword },
  );
  const platform = await startPlatform(config, {
    beforeListen: async (services) => {
      if (config.demo) await loadDemo(services);
    },
  });
  return {
    url: platform.url,
    mqttPort: platform.mqttPort ?? 0,
    adminPassword,
    services: platform.services,
    app: platform.app,
    close: async () => {
      await platform.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small JSON client for API tests. */
export function client(base: string, token?: string) {
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(base + url, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests navigate response bodies freely
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  };
  return {
    token,
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => call('POST', url, body ?? {}, headers),
    patch: (url: string, body: unknown) => call('PATCH', url, body),
    delete: (url: string) => call('DELETE', url),
    raw: call,
  };
}

export async function login(base: string, username: string, password: string): Promise<string> {
  const r = await client(base).post('/api/v1/auth/login', { username, password });
  if (r.status !== 200) throw new Error(`log-in of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}
