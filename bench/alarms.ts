/**
 * Alarm evaluation's cost to ingestion, and the commit-to-alarm latency.
 *
 * The same ingest workload runs twice in one process, each on a fresh SQLite store: many devices
 * send messages of one reading per tag, committed through TelemetryService (the GroupCommitter, as
 * the MQTT path commits them) with many messages in flight; the alarm runtime runs in both, with
 * 10,000 active rules of mixed kinds in one run (most threshold, then rate, no data, window, SPC
 * with a real baseline, forecast) and with none in the other. The value is the ingest throughput
 * with rules; the baseline the same without; the ratio their quotient (target ≥ 0.8).
 *
 * Latency: one more device keeps crossing its limit (every reading alternates above and below H),
 * so each of its readings raises or clears an alarm. The time from the commit callback that carried
 * the reading to the alarm service's `changes` event for the alarm it changed (after the alarm row
 * is committed) is measured per reading; p50 and p99 are reported (target p99 < 100 ms).
 *
 * The plant has as many tags as rules (250 devices × 40 tags): in a park, rules are mostly the
 * tags' own limits and a few more per important tag, so 10,000 rules go with about 10,000 tags;
 * every reading then meets one rule on average (`--devices 50` puts five on each tag instead).
 *
 * Options: `--quick` (5 s per run instead of 15), `--rules N` (10,000), `--devices N` (250),
 * `--tags N` per device (40), `--inflight N` messages in flight (32).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServices, type Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import { unscoped } from '../src/core/tenancy.ts';
import { AlarmRuntime } from '../src/modules/alarms/runtime.ts';
import type { Point } from '../src/modules/telemetry/model.ts';
import { printResult, QUICK } from './lib.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const SECONDS = QUICK ? 5 : 15;
const RULES = arg('rules', 10_000);
const DEVICES = arg('devices', 250);
const TAGS = arg('tags', 40);
const INFLIGHT = arg('inflight', 32);
const LATENCY_EVERY_MS = 20;

const log = (s: string) => process.stderr.write(s + '\n');
const ctx = systemContext('bench');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-alarms-bench-'));

interface Plant {
  enterpriseId: number;
  devices: { id: number; tagIds: number[] }[];
  latency: { id: number; tagId: number };
}

async function plant(s: Services): Promise<Plant> {
  const ent = await s.registry.enterprises.create(ctx, { code: 'bench', name: '基准', industry: 'energy' });
  const site = await s.registry.sites.create(ctx, { enterpriseId: ent.id, code: 'bench-site', name: 's' });
  const unit = await s.registry.units.create(ctx, { siteId: site.id, code: 'bench-unit', name: 'u', kind: 'production' });
  const devices: Plant['devices'] = [];
  for (let d = 0; d < DEVICES; d++) {
    const dev = await s.registry.devices.create(ctx, { siteId: site.id, unitId: unit.id, code: `bench-${d}`, name: `d${d}`, kind: 'energy_meter', protocol: 'mqtt' });
    const tagIds: number[] = [];
    for (let t = 0; t < TAGS; t++) tagIds.push((await s.registry.tags.create(ctx, { deviceId: dev.id, key: `t${t}`, name: `t${t}`, kind: 'power', unit: 'kW' })).id);
    devices.push({ id: dev.id, tagIds });
  }
  const lat = await s.registry.devices.create(ctx, { siteId: site.id, code: 'bench-latency', name: 'latency', kind: 'energy_meter', protocol: 'mqtt' });
  const latTag = await s.registry.tags.create(ctx, { deviceId: lat.id, key: 'x', name: 'x', kind: 'power', unit: 'kW', highLimit: 100 });
  return { enterpriseId: ent.id, devices, latency: { id: lat.id, tagId: latTag.id } };
}

/**
 * A tag's normal reading: independent noise around 50 (σ ≈ 2.9), as a process in control gives;
 * threshold rules sit at 90..94, so normal data stays normal and SPC run rules fire only at their
 * designed false-alarm rates.
 */
const normal = () => 50 + 10 * (Math.random() + Math.random() + Math.random() - 1.5);

/**
 * 10,000 rules of a realistic mix, written straight into the rules table (as a migration or an
 * import would): a rule is data, and creating them one API call at a time would time the API.
 */
const MIX: [string, number][] = [['threshold', 0.6], ['rate', 0.1], ['no_data', 0.1], ['window', 0.1], ['spc', 0.05], ['forecast', 0.05]];

/** The tags the SPC rules go on (rules take the tags in turn, kind after kind, as insertRules writes them). */
function spcTagsOf(p: Plant, count: number): number[] {
  const tags = p.devices.flatMap((d) => d.tagIds);
  let i = 0;
  const out: number[] = [];
  for (const [kind, share] of MIX) {
    const n = kind === 'forecast' ? 0 : Math.round(count * share);
    for (let k = 0; k < n; k++, i++) if (kind === 'spc') out.push(tags[i % tags.length]);
  }
  return out;
}

async function insertRules(s: Services, p: Plant, count: number, baselineFrom: number, baselineTo: number): Promise<Record<string, number>> {
  const tags = p.devices.flatMap((d) => d.tagIds);
  const now = Date.now();
  const rows: Record<string, unknown>[] = [];
  const counts: Record<string, number> = {};
  let i = 0;
  for (const [kind, share] of MIX) {
    const n = kind === 'forecast' ? count - rows.length : Math.round(count * share);
    counts[kind] = n;
    for (let k = 0; k < n; k++, i++) {
      const base = { enterprise_id: p.enterpriseId, kind, origin: 'user', enabled: 1, severity: 'medium', category: 'process', tag_id: tags[i % tags.length], created_at: now, updated_at: now };
      if (kind === 'threshold') rows.push({ ...base, high: 90 + (k % 5), high_high: 120, low: 5, deadband: 1, on_delay_s: 0, off_delay_s: 0 });
      else if (kind === 'rate') rows.push({ ...base, window_s: 60, max_rise: 40, max_fall: 40 });
      else if (kind === 'no_data') rows.push({ ...base, silence_s: 300 });
      else if (kind === 'window') rows.push({ ...base, window_s: 3600, aggregate: 'mean', high: 95, min_completeness: 0.75, expected_interval_s: 1 });
      else if (kind === 'spc') rows.push({ ...base, chart: 'imr', subgroup_size: 1, baseline_from: baselineFrom, baseline_to: baselineTo, run_rules: JSON.stringify([1, 2, 3, 4]) });
      else rows.push({ ...base, horizon_s: 3600, step_s: 60, fit_window_s: 3600, confidence: 0.9, high: 150 });
    }
  }
  const db = unscoped(s.handle.db, 'the benchmark writes its rules directly');
  for (let j = 0; j < rows.length; j += 400) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the rows follow AlarmRulesTable's columns by kind
    await db.insertInto('alarm_rules').values(rows.slice(j, j + 400) as any).execute();
  }
  return counts;
}

interface RunResult {
  pointsPerSec: number;
  latencies: number[];
  evaluated: number;
  passes: number;
  rssMB: number;
}

async function run(withRules: boolean): Promise<RunResult> {
  const label = withRules ? `${RULES} rules` : 'no rules';
  const s = await openServices({ db: `sqlite:${path.join(dataDir, withRules ? 'rules.db' : 'none.db')}`, sessionTtlHours: 1 });
  const p = await plant(s);
  const start = Date.now();
  // An SPC rule's baseline is a real stretch of stored readings of its tag: 30 readings a day
  // before the run (the rules written below put SPC rules on tags of their own).
  const baselineFrom = start - 86_400_000;
  const baselineTo = baselineFrom + 30 * 60_000;
  if (withRules) {
    const spcTags = new Set(spcTagsOf(p, RULES));
    for (const d of p.devices) {
      const pts: Point[] = [];
      for (let m = 0; m < 30; m++) for (const tagId of d.tagIds) if (spcTags.has(tagId)) pts.push({ tagId, ts: baselineFrom + m * 60_000, value: normal() });
      if (pts.length) await s.telemetry.store({ id: d.id, enterpriseId: p.enterpriseId }, pts, 'bench', start);
    }
    const counts = await insertRules(s, p, RULES, baselineFrom, baselineTo);
    log(`  ${label}: rules written ${JSON.stringify(counts)}`);
  }

  // The latency probe's alarm: commit time per reading, change time per alarm event.
  const committedAt = new Map<number, number>();
  const latencies: number[] = [];
  const unlisten = s.telemetry.onCommitted((points) => {
    const t = performance.now();
    for (const pt of points) if (pt.tagId === p.latency.tagId) committedAt.set(pt.ts, t);
  });
  s.alarms.changes.on('changed', (items: { tagId: number | null; active: boolean; raisedAt: number | null; clearedAt: number | null }[]) => {
    const t = performance.now();
    for (const it of items) {
      if (it.tagId !== p.latency.tagId) continue;
      const ts = it.active ? it.raisedAt : it.clearedAt;
      const c = ts === null ? undefined : committedAt.get(ts);
      if (c !== undefined) {
        latencies.push(t - c);
        committedAt.delete(ts!);
      }
    }
  });

  const runtime = new AlarmRuntime({ store: s.alarms, telemetry: s.telemetry, deviceStates: (ids) => s.alarms.deviceServiceStates(ids), rulesVersion: () => s.alarms.rulesVersion() });
  s.worker.start({ nodeId: `bench-${withRules ? 'rules' : 'none'}` });
  const t0 = performance.now();
  runtime.start(s.worker);
  await runtime.whenEvaluating();
  log(`  ${label}: runtime evaluating ${runtime.cache.size} evaluators after ${Math.round(performance.now() - t0)} ms${runtime.cache.problems().length ? `, ${runtime.cache.problems().length} rules not evaluated` : ''}`);

  // The workload: INFLIGHT senders, each sending one device's message (a reading per tag) at a time.
  let points = 0;
  let stop = false;
  const lastTs = new Map<number, number>();
  const nextTs = (deviceId: number) => {
    const ts = Math.max(Date.now(), (lastTs.get(deviceId) ?? 0) + 1);
    lastTs.set(deviceId, ts);
    return ts;
  };
  const sender = async (k: number) => {
    for (let i = k; !stop; i += INFLIGHT) {
      const d = p.devices[i % p.devices.length];
      const ts = nextTs(d.id);
      const r = await s.telemetry.store({ id: d.id, enterpriseId: p.enterpriseId }, d.tagIds.map((tagId) => ({ tagId, ts, value: normal() })), 'mqtt');
      if (!r.ok) throw new Error(`refused: ${r.reason} ${r.detail}`);
      points += d.tagIds.length;
    }
  };
  let flip = false;
  const probe = async () => {
    while (!stop) {
      flip = !flip;
      await s.telemetry.store({ id: p.latency.id, enterpriseId: p.enterpriseId }, [{ tagId: p.latency.tagId, ts: nextTs(p.latency.id), value: flip ? 150 : 50 }], 'mqtt');
      await new Promise((r) => setTimeout(r, LATENCY_EVERY_MS));
    }
  };
  const began = performance.now();
  const progress = setInterval(() => log(`  ${label}: ${Math.round(points / ((performance.now() - began) / 1000))} points/s, ${latencies.length} alarm changes timed`), 2_000);
  const senders = [...Array.from({ length: INFLIGHT }, (_, k) => sender(k)), probe()];
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  stop = true;
  await Promise.all(senders);
  const elapsed = (performance.now() - began) / 1000;
  clearInterval(progress);
  await runtime.idle();
  const rssMB = Math.round(process.memoryUsage().rss / 1048576);
  log(`  ${label}: runtime ${JSON.stringify(runtime.stats, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}`);
  const result = { pointsPerSec: points / elapsed, latencies, evaluated: runtime.stats.points, passes: runtime.stats.passes, rssMB };
  unlisten();
  await runtime.stop();
  await s.close();
  log(`  ${label}: ${Math.round(result.pointsPerSec)} points/s; ${result.evaluated} readings evaluated in ${result.passes} passes; ${latencies.length} alarm changes timed; RSS ${rssMB} MB`);
  return result;
}

const pct = (xs: number[], q: number) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2));
};

log(`alarms: ${SECONDS} s per run, ${DEVICES} devices × ${TAGS} tags, ${INFLIGHT} messages in flight, ${RULES} rules in the second run`);
const none = await run(false);
const rules = await run(true);
fs.rmSync(dataDir, { recursive: true, force: true });

printResult({
  bench: 'alarms',
  unit: 'points/s',
  value: Math.round(rules.pointsPerSec),
  baseline: Math.round(none.pointsPerSec),
  ratio: Number((rules.pointsPerSec / none.pointsPerSec).toFixed(3)),
  latencyP50Ms: pct(rules.latencies, 0.5),
  latencyP99Ms: pct(rules.latencies, 0.99),
  latencySamples: rules.latencies.length,
  latencyP99NoRulesMs: pct(none.latencies, 0.99),
  rules: RULES,
  tags: DEVICES * TAGS,
  evaluatedReadings: rules.evaluated,
  passes: rules.passes,
  rssMB: rules.rssMB,
});
