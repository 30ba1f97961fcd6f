/**
 * A restart is not an event: starting a node again on the same store and data directory (demo park,
 * device simulator and all) adds nothing to the audit log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPlatform } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { loadDemo } from '../demo/load.ts';
import { startSimulator } from '../demo/simulator.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-restart-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** What `symbiont start` does, up to the simulator's first connections; returns the audit log's length. */
async function startAndStop(): Promise<{ audit: number; rotations: number }> {
  const config = loadConfig({ dataDir, port: 0, mqttPort: 0, logLevel: 'silent' }, { SYMBIONT_ADMIN_PASSWORD: 'restart-admin' });
  const platform = await startPlatform(config, { beforeListen: async (s) => void (await loadDemo(s)) });
  const simulator = await startSimulator({ services: platform.services, mqttUrl: platform.mqttUrl, dataDir, backfillDays: 0, intervalMs: 60_000 });
  await simulator.stop();
  const db = platform.services.handle.db;
  const count = async (action?: string) => {
    let q = db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n'));
    if (action) q = q.where('action', '=', action);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const result = { audit: await count(), rotations: await count('rotate_credentials') };
  await platform.close();
  return result;
}

describe('restart', () => {
  it('adds no audit records the second time', async () => {
    const first = await startAndStop();
    expect(first.rotations).toBeGreaterThan(50);
    const second = await startAndStop();
    expect(second).toEqual(first);
  }, 120_000);
});
