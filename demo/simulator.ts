/**
 * The demo park's devices, made real: each demo device connects to the broker over MQTT with its
 * own credentials, as a plant's gateway would, and publishes its signals (demo/signals.ts) every few
 * seconds at QoS 1. On the first start it backfills a week of history, so that trends and rollups
 * have something to show, and then writes the park's past incident (demo/alarms.ts) about an
 * exceedance in that history. A device with nothing to say (an outage, the silent meter's daily
 * silence, the melt-index analyser between two results; see demo/scenarios.ts) publishes nothing.
 * The credentials it was issued are kept in the data directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import type { Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import type { Progress } from '../src/core/progress.ts';
import type { Point } from '../src/modules/telemetry/model.ts';
import { demoPark, type DemoPark } from './park.ts';
import { signalsForPark } from './signals.ts';
import { DEMO_SEED } from './scenarios.ts';
import { loadDemoIncident } from './alarms.ts';

export interface SimulatorOptions {
  services: Services;
  mqttUrl: string;
  dataDir: string;
  park?: DemoPark;
  intervalMs?: number;
  backfillDays?: number;
  backfillStepMs?: number;
  seed?: number;
  progress?: Progress;
  log?: (msg: string) => void;
}

export interface Simulator {
  devices: number;
  backfilled: number;
  stop(): Promise<void>;
}

const CREDENTIALS_FILE = 'simulator-credentials.json';

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const { services } = opts;
  const park = opts.park ?? demoPark;
  const interval = opts.intervalMs ?? 5_000;
  const now = Date.now();
  const backfillDays = opts.backfillDays ?? 7;
  const step = opts.backfillStepMs ?? 120_000;
  const start = now - backfillDays * 86_400_000;
  // the loader's rules and incident read the scenarios' schedules with the same seed
  const signals = signalsForPark(park, opts.seed ?? DEMO_SEED, start);

  // Only the demo devices that exist and are enabled (an operator may have removed or disabled some):
  // a disabled device is refused by the broker, and issuing it credentials at each start would only
  // fill the audit log.
  const devices = [];
  for (const [code, sig] of signals) {
    const entry = await services.telemetry.device(code);
    if (entry?.enabled) devices.push({ code, sig, entry });
  }

  const credentials = await ensureCredentials(services, opts.dataDir, devices.map((d) => ({ code: d.code, id: d.entry.id })));

  // History: only on a store that has none for the demo devices yet.
  let backfilled = 0;
  const firstTag = devices[0] ? [...devices[0].entry.tags.values()][0] : undefined;
  const hasHistory = firstTag !== undefined && (await services.handle.db.selectFrom('points').select('ts').where('tag_id', '=', firstTag).limit(1).executeTakeFirst()) !== undefined;
  if (!hasHistory && backfillDays > 0) {
    const total = devices.length;
    let done = 0;
    for (const d of devices) {
      const points: Point[] = [];
      let lastTs = 0;
      for (let ts = start; ts < now; ts += step) {
        const sample = d.sig.sample(ts);
        for (const [key, value] of Object.entries(sample.values)) {
          const tagId = d.entry.tags.get(key);
          if (tagId !== undefined) points.push({ tagId, ts: sample.ts, value });
        }
        if (Object.keys(sample.values).length) lastTs = ts;
      }
      for (let i = 0; i < points.length; i += 20_000) {
        await services.telemetry.committer.submit(points.slice(i, i + 20_000), { deviceId: d.entry.id, lastTs, via: 'simulator' });
      }
      backfilled += points.length;
      opts.progress?.update(++done, total);
    }
    opts.progress?.done(`${backfilled.toLocaleString('en')} readings over ${backfillDays} days`);
    // The park's past incident is about an exceedance of that history, raised from its alarm.
    if (backfillDays >= 4) {
      const incident = await loadDemoIncident(services, now, { park, seed: opts.seed ?? DEMO_SEED, waitForAlarmsMs: 10_000 });
      if (incident.created && incident.alarms === 0) opts.log?.('simulator: the past SO2 incident was raised without an alarm (none had been raised from the history yet)');
    }
  }

  // Live: one MQTT connection a device, like a real plant gateway.
  const clients: MqttClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  for (const [i, d] of devices.entries()) {
    const client = mqtt.connect(opts.mqttUrl, {
      username: d.code,
      password: credentials[d.code],
      clientId: `${d.code}-sim`,
      reconnectPeriod: 5_000,
    });
    client.on('error', (err) => opts.log?.(`simulator: ${d.code}: ${err.message}`));
    clients.push(client);
    const publish = () => {
      const sample = d.sig.sample(Date.now());
      if (!client.connected || Object.keys(sample.values).length === 0) return;
      client.publish(`symbiont/v1/${d.code}/telemetry`, JSON.stringify(sample), { qos: 1 });
    };
    // Spread the devices over the interval instead of publishing all at once.
    timers.push(setTimeout(() => timers.push(setInterval(publish, interval)), Math.floor((i / devices.length) * interval)));
  }

  return {
    devices: devices.length,
    backfilled,
    stop: async () => {
      for (const t of timers) {
        clearTimeout(t);
        clearInterval(t);
      }
      await Promise.all(clients.map((c) => c.endAsync(true)));
    },
  };
}

/**
 * The devices' secrets: reused from the data directory when still valid, else issued anew. A restart
 * thus issues nothing and writes no audit record; credentials are issued (and audited) only for a
 * device that has none the simulator knows: the first start, a data directory that was lost, or a
 * device whose credentials someone rotated since.
 */
async function ensureCredentials(services: Services, dataDir: string, devices: { code: string; id: number }[]): Promise<Record<string, string>> {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  let saved: Record<string, string>;
  try {
    saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    saved = {};
  }
  const out: Record<string, string> = {};
  let changed = false;
  for (const d of devices) {
    const token = saved[d.code];
    if (token && (await services.telemetry.authenticateDevice(d.code, token))) {
      out[d.code] = token;
      continue;
    }
    out[d.code] = (await services.telemetry.rotateCredentials(systemContext('simulator'), d.id)).token;
    changed = true;
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(out, null, 1), { mode: 0o600 });
  }
  return out;
}
