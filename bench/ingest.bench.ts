/**
 * Ingestion throughput and latency, acknowledged = committed. Devices publish QoS 1 over loopback
 * from a separate process; in the same run the baseline inserts the same kind of points straight
 * into the same SQLite schema with a prepared statement in batched transactions (no broker, no
 * rollups), and Mosquitto on this machine is measured at QoS 1 as the broker-only reference.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import net from 'node:net';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openDb } from '../src/adapters/db/index.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { startPlatform } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { systemContext } from '../src/core/roles.ts';
import { printResult, QUICK } from './lib.ts';

const SECONDS = QUICK ? 5 : 15;
const DEVICES = 4;
const TAGS = 25;

interface PublisherResult {
  messagesPerSec: number;
  pointsPerSec: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

function publish(cfg: object): Promise<PublisherResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'mqtt-publisher.mjs'), JSON.stringify(cfg)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`publisher exited with ${code}`))));
  });
}

const log = (s: string) => process.stderr.write(s + '\n');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-ingest-'));

// Baseline: the same schema, a prepared statement, transactions of 10,000 points.
async function baseline(): Promise<number> {
  const file = path.join(dataDir, 'baseline.db');
  const handle = openDb(`sqlite:${file}`);
  await migrateToLatest(handle.db, handle.dialect);
  await handle.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare('insert into points (tag_id, ts, value) values (?, ?, ?) on conflict (tag_id, ts) do nothing');
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + 10_000; i++) insert.run((i % (DEVICES * TAGS)) + 1, 1_700_000_000_000 + i, Math.random() * 100);
  });
  let n = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  while (performance.now() < until) {
    batch(n);
    n += 10_000;
  }
  const rate = n / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

async function mosquittoReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(1883, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

log(`ingest: ${SECONDS} s per scenario, ${DEVICES} devices × ${TAGS} tags`);
const base = await baseline();
log(`  baseline (raw SQLite, batched prepared inserts): ${Math.round(base)} points/s`);

const config = loadConfig({ dataDir, port: 0, mqttPort: 0, logLevel: 'warn', demo: false, simulator: false }, { SYMBIONT_ADMIN_PASSWORD: 'bench-admin-pw' });
const platform = await startPlatform(config);
let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const ctx = systemContext('bench');
const { registry, telemetry } = platform.services;
const ent = await registry.enterprises.create(ctx, { code: 'bench', name: '基准', industry: 'energy' });
const site = await registry.sites.create(ctx, { enterpriseId: ent.id, code: 'bench-site', name: 's' });
const devices = [];
for (let d = 0; d < DEVICES; d++) {
  const dev = await registry.devices.create(ctx, { siteId: site.id, code: `bench-${d}`, name: `d${d}`, kind: 'energy_meter', protocol: 'mqtt' });
  const keys = [];
  for (let t = 0; t < TAGS; t++) {
    await registry.tags.create(ctx, { deviceId: dev.id, key: `t${t}`, name: `t${t}`, kind: 'power', unit: 'kW' });
    keys.push(`t${t}`);
  }
  const cred = await telemetry.rotateCredentials(ctx, dev.id);
  devices.push({ username: cred.username, password: cred.token, keys });
}
const url = `mqtt://127.0.0.1:${platform.mqttPort}`;

// Each scenario writes its own time range (10 days apart), so no scenario overwrites another's readings.
const range = (n: number) => Date.now() - n * 10 * 86_400_000;
const batched = await publish({ url, devices, seconds: SECONDS, perMessage: 100, window: Number(process.env.BENCH_WINDOW ?? 64), tsBase: range(1) });
log(`  batched (100 points/message): ${Math.round(batched.pointsPerSec)} points/s, PUBACK p50 ${batched.p50Ms} ms, p99 ${batched.p99Ms} ms`);
const single = await publish({ url, devices, seconds: SECONDS, perMessage: 1, window: 64, tsBase: range(2) });
log(`  single (1 point/message): ${Math.round(single.messagesPerSec)} messages/s, p50 ${single.p50Ms} ms, p99 ${single.p99Ms} ms`);
const half = await publish({ url, devices, seconds: SECONDS, perMessage: 100, window: 1000, rate: Math.round(batched.messagesPerSec / 2), tsBase: range(3) });
log(`  at half the batched rate: ${Math.round(half.pointsPerSec)} points/s, p50 ${half.p50Ms} ms, p99 ${half.p99Ms} ms`);
clearInterval(rssTimer);
const stats = { ...telemetry.committer.stats };

// A year of minute data for one tag, read back as ~1,000 buckets: from the rollups (what the API
// does) against the same aggregation over the raw points.
const yearTag = await registry.tags.create(ctx, { deviceId: (await registry.devices.list(ctx, { limit: 1, offset: 0 })).items[0].id, key: 'year', name: 'year', kind: 'power', unit: 'kW' });
const yearStart = Date.UTC(2025, 0, 1);
const MIN = 60_000;
for (let day = 0; day < 365; day++) {
  const pts = [];
  for (let m = 0; m < 1440; m++) pts.push({ tagId: yearTag.id, ts: yearStart + (day * 1440 + m) * MIN, value: 50 + 20 * Math.sin(m / 229) + Math.random() });
  await telemetry.committer.submit(pts, { deviceId: 1, lastTs: pts[pts.length - 1].ts, via: 'bench' });
}
const yearEnd = yearStart + 365 * 1440 * MIN;
const time = async (fn: () => Promise<unknown>) => {
  const runs: number[] = [];
  for (let i = 0; i < (QUICK ? 5 : 20); i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
};
const seriesMs = await time(() => telemetry.series(ctx, yearTag.id, yearStart, yearEnd));
const step = Math.ceil((yearEnd - yearStart) / 1000 / 1000) * 1000;
const rawSeriesMs = await time(() =>
  platform.services.handle.db
    .selectFrom('points')
    .select((eb) => [eb.fn.avg('value').as('a'), eb.fn.min('value').as('mn'), eb.fn.max('value').as('mx'), eb.fn.countAll().as('c')])
    .select(sql`(ts / ${step}) * ${step}`.as('b'))
    .where('tag_id', '=', yearTag.id)
    .groupBy('b')
    .execute(),
);
log(`  a year of minute data (525,600 readings) as ~1,000 buckets: ${seriesMs.toFixed(1)} ms from rollups, ${rawSeriesMs.toFixed(1)} ms from raw points`);
await platform.close();

let mosquitto: PublisherResult | null = null;
if (await mosquittoReachable()) {
  mosquitto = await publish({ url: 'mqtt://127.0.0.1:1883', devices: devices.map((d, i) => ({ ...d, username: undefined, password: undefined, topic: `symbiont-bench/${i}` })), seconds: SECONDS, perMessage: 1, window: 64 });
  log(`  Mosquitto reference (1 point/message, QoS 1, broker only): ${Math.round(mosquitto.messagesPerSec)} messages/s, p99 ${mosquitto.p99Ms} ms`);
} else {
  log('  Mosquitto reference: skipped, nothing listens on 127.0.0.1:1883');
}
fs.rmSync(dataDir, { recursive: true, force: true });

printResult({
  bench: 'ingest',
  unit: 'points/s',
  value: Math.round(batched.pointsPerSec),
  baseline: Math.round(base),
  ratio: Number((batched.pointsPerSec / base).toFixed(3)),
  batchedP50Ms: batched.p50Ms,
  batchedP99Ms: batched.p99Ms,
  singleMessagesPerSec: Math.round(single.messagesPerSec),
  singleP99Ms: single.p99Ms,
  mosquittoMessagesPerSec: mosquitto ? Math.round(mosquitto.messagesPerSec) : null,
  singleVsMosquitto: mosquitto ? Number((single.messagesPerSec / mosquitto.messagesPerSec).toFixed(3)) : null,
  halfRateP99Ms: half.p99Ms,
  peakRssMB: Math.round(peakRss / 1048576),
  yearSeriesMs: Number(seriesMs.toFixed(1)),
  yearSeriesRawMs: Number(rawSeriesMs.toFixed(1)),
  batches: stats.batches,
  meanBatchPoints: Math.round(stats.points / Math.max(1, stats.batches)),
});
