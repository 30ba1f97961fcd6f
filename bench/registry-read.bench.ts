/**
 * API read throughput of a registry list endpoint (GET /api/v1/devices?limit=50, authenticated,
 * tenant-filtered, from the store) against a bare Fastify handler returning the same JSON, measured
 * in alternating rounds in the same run. The ratio is the cost of being a real endpoint.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { startPlatform } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { loadDemo } from '../demo/load.ts';
import { load, median, printResult, QUICK } from './lib.ts';

const ROUNDS = QUICK ? 2 : 5;
const SECONDS = QUICK ? 4 : 10;
const CONNECTIONS = 20;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-bench-'));
const config = loadConfig({ dataDir, port: 0, logLevel: 'silent', simulator: false }, { SYMBIONT_ADMIN_PASSWORD: 'bench-admin-pw' });
process.stderr.write(`registry-read: ${ROUNDS} rounds of ${SECONDS} s each side, ${CONNECTIONS} connections\n`);
const platform = await startPlatform(config, { beforeListen: async (s) => void (await loadDemo(s)) });
const login = await fetch(`${platform.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'bench-admin-pw' }),
});
const { token } = (await login.json()) as { token: string };
const headers = { authorization: `Bearer ${token}` };
const endpoint = `${platform.url}/api/v1/devices?limit=50`;
const body = await (await fetch(endpoint, { headers })).json();

const bare = Fastify();
bare.get('/devices', async () => body);
await bare.listen({ host: '127.0.0.1', port: 0 });
const bareAddr = bare.server.address() as { port: number };
const bareUrl = `http://127.0.0.1:${bareAddr.port}/devices`;

const ours: number[] = [];
const base: number[] = [];
let last = { p50Ms: 0, p99Ms: 0, errors: 0, non2xx: 0 };
for (let round = 1; round <= ROUNDS; round++) {
  const b = await load(bareUrl, { seconds: SECONDS, connections: CONNECTIONS });
  const o = await load(endpoint, { seconds: SECONDS, connections: CONNECTIONS, headers });
  if (o.errors || o.non2xx) throw new Error(`the endpoint answered ${o.non2xx} non-2xx and ${o.errors} errors`);
  base.push(b.requestsPerSec);
  ours.push(o.requestsPerSec);
  last = o;
  process.stderr.write(`  round ${round}/${ROUNDS}: baseline ${b.requestsPerSec.toFixed(0)} req/s, symbiont ${o.requestsPerSec.toFixed(0)} req/s (p99 ${o.p99Ms} ms)\n`);
}
await bare.close();
await platform.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const value = median(ours);
const baseline = median(base);
printResult({
  bench: 'registry-read',
  unit: 'req/s',
  value: Math.round(value),
  baseline: Math.round(baseline),
  ratio: Number((value / baseline).toFixed(3)),
  p50Ms: last.p50Ms,
  p99Ms: last.p99Ms,
  items: (body as { items: unknown[] }).items.length,
  rounds: ROUNDS,
  secondsPerRound: SECONDS,
});
