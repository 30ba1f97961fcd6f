/**
 * Job leases on both dialects: the store (take, renew, release, expiry, fencing, the same
 * decisions as the pure rules under random operations), and workers of two nodes sharing one store
 * (an exclusive job runs on one of them and moves when its node stops or its lease is lost; a
 * periodic job runs once per period across both). No fixed sleeps: states are polled with a deadline.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../src/adapters/db/index.ts';
import { LeaseStore } from '../src/adapters/db/leases.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { mayRenew, mayTake, taken, renewed, released, mayRelease, type LeaseRecord } from '../src/core/lease.ts';
import { aborted, Worker, type Lease } from '../src/core/worker.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';

const dialects = await testDialects();

async function until<T>(what: string, probe: () => T | Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(dialects)('job leases on %s', (dialect) => {
  let db: TestDatabase;
  let handle: DbHandle;
  let store: LeaseStore;
  beforeAll(async () => {
    db = await freshDatabase(dialect);
    handle = openDb(db.url);
    await migrateToLatest(handle.db, handle.dialect);
    store = new LeaseStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await db?.drop();
  });

  it('takes a free lease, refuses a held one, renews only under the current token, releases for an immediate take', async () => {
    const t = 1_000_000;
    const a = await store.take('k1', 'a', t, 1000);
    expect(a).toMatchObject({ key: 'k1', owner: 'a', until: t + 1000, heartbeat: t, token: 1 });
    expect(await store.take('k1', 'b', t + 999, 1000)).toBeNull();
    expect(await store.take('k1', 'a', t + 10, 1000)).toBeNull(); // a take is a new tenure, even for the holder
    expect(await store.renew('k1', 'b', 1, t + 10, 1000)).toBeNull();
    expect(await store.renew('k1', 'a', 0, t + 10, 1000)).toBeNull();
    expect(await store.renew('k1', 'a', 1, t + 500, 1000)).toMatchObject({ until: t + 1500, heartbeat: t + 500, token: 1 });
    expect(await store.release('k1', 'b', 1)).toBe(false);
    expect(await store.release('k1', 'a', 1)).toBe(true);
    expect(await store.get('k1')).toMatchObject({ owner: null, token: 1 });
    expect(await store.take('k1', 'b', t + 600, 1000)).toMatchObject({ owner: 'b', token: 2 });
  });

  it('lets an expired lease be taken with a new token; the old holder can neither renew nor pass the fence', async () => {
    const t = 2_000_000;
    const a = (await store.take('k2', 'a', t, 1000))!;
    expect(await store.take('k2', 'b', t + 1000, 1000)).toMatchObject({ owner: 'b', token: a.token + 1 });
    expect(await store.renew('k2', 'a', a.token, t + 1001, 1000)).toBeNull();
    expect(await store.release('k2', 'a', a.token)).toBe(false);
    const fenced = async (owner: string, token: number, now: number) =>
      handle.db.transaction().execute(async (trx) => {
        if (!(await store.confirm(trx, 'k2', owner, token, now))) return false;
        await trx.insertInto('job_leases').values({ job_key: `progress-${owner}-${token}`, owner, until: 0, heartbeat: now, token }).execute();
        return true;
      });
    expect(await fenced('a', a.token, t + 1001)).toBe(false);
    expect(await fenced('b', a.token + 1, t + 1001)).toBe(true);
    expect(await fenced('b', a.token + 1, t + 2000)).toBe(false); // expired: not held any more
    expect(await store.get('progress-a-1')).toBeUndefined();
    expect((await store.list('progress-')).map((l) => l.key)).toEqual([`progress-b-${a.token + 1}`]);
  });

  it('one of two nodes racing for a free or expired lease wins', async () => {
    for (let i = 0; i < 10; i++) {
      const t = 3_000_000 + i * 10_000;
      const r = await Promise.all(['a', 'b', 'c'].map((o) => store.take(`race-${i % 2}`, o, t, 1000)));
      expect(r.filter((x) => x !== null)).toHaveLength(1);
    }
  });

  it('decides as the pure rules do, under any sequence of operations', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ op: fc.constantFrom('take', 'renew', 'release'), node: fc.constantFrom('a', 'b'), dt: fc.integer({ min: 0, max: 1500 }), stale: fc.boolean() }), { maxLength: 25 }),
        async (ops) => {
          const key = `model-${n++}`;
          let t = 10_000_000;
          let model: LeaseRecord | undefined;
          for (const o of ops) {
            t += o.dt;
            const token = (model?.token ?? 0) - (o.stale ? 1 : 0);
            if (o.op === 'take') {
              const r = await store.take(key, o.node, t, 1000);
              expect(r !== null).toBe(mayTake(model, t));
              if (r) model = taken(model, o.node, t, 1000);
            } else if (o.op === 'renew') {
              const r = await store.renew(key, o.node, token, t, 1000);
              expect(r !== null).toBe(mayRenew(model, o.node, token, t));
              if (r) model = renewed(model!, t, 1000);
            } else {
              const r = await store.release(key, o.node, token);
              expect(r).toBe(mayRelease(model, o.node, token));
              if (r) model = released(model!);
            }
            const row = await store.get(key);
            if (model) expect({ owner: row!.owner, until: row!.until, token: row!.token }).toEqual(model);
            else expect(row).toBeUndefined();
          }
        },
      ),
      { numRuns: dialect === 'sqlite' ? 60 : 25 },
    );
  }, 120_000);

  describe('workers of two nodes on one store', () => {
    const timing = { leaseMs: 600, heartbeatMs: 150, retryMs: 50 };

    it('run an exclusive job on one node, move it when that node stops, and when a node loses its lease', async () => {
      const key = 'exclusive-1';
      const w1 = new Worker(new LeaseStore(handle.db), { nodeId: 'n1' });
      const w2 = new Worker(new LeaseStore(handle.db), { nodeId: 'n2' });
      const running = new Set<string>();
      const tokens: number[] = [];
      let overlap = false;
      const job = (w: Worker) => async (signal: AbortSignal, lease: Lease) => {
        if (running.size > 0) overlap = true;
        running.add(w.nodeId);
        tokens.push(lease.token);
        expect(await lease.stillHeld()).toBe(true);
        await aborted(signal);
        running.delete(w.nodeId);
      };
      w1.runExclusive(key, timing, job(w1));
      w2.runExclusive(key, timing, job(w2));
      w1.start();
      w2.start();
      const first = await until('a node to run the job', () => [...running][0]);
      // Several heartbeats later it still runs there alone.
      const held = (await store.get(key))!;
      await until('heartbeats', async () => (await store.get(key))!.heartbeat >= held.heartbeat + 2 * timing.heartbeatMs);
      expect([...running]).toEqual([first]);
      expect((await store.get(key))!.owner).toBe(first);

      // Stopping the node releases the lease: the other takes over well before the lease would expire.
      const [holder, other] = first === w1.nodeId ? [w1, w2] : [w2, w1];
      const stoppedAt = Date.now();
      await holder.stop();
      expect(running.has(holder.nodeId)).toBe(false);
      await until('the other node to take over', () => running.has(other.nodeId));
      expect(Date.now() - stoppedAt).toBeLessThan(timing.leaseMs);

      // A node whose lease another takes (here: written behind its back) stops at its next heartbeat.
      const cur = (await store.get(key))!;
      await handle.db.updateTable('job_leases').set({ owner: 'intruder', token: cur.token + 1, until: Date.now() + 60_000 }).where('job_key', '=', key).execute();
      await until('the holder to stop', () => running.size === 0);
      expect(other.status()[0]).toMatchObject({ holding: false, token: cur.token });
      // The intruder dies: its lease expires and a node takes the job over.
      await handle.db.updateTable('job_leases').set({ until: Date.now() }).where('job_key', '=', key).execute();
      await until('a node to take over', async () => running.size === 1 && (await store.get(key))!.owner === [...running][0]);
      expect((await store.get(key))!.token).toBe(cur.token + 2);
      expect(overlap).toBe(false);
      expect([...tokens].sort((x, y) => x - y)).toEqual(tokens);
      await other.stop();
      expect(running.size).toBe(0);
      expect((await store.get(key))!.owner).toBeNull();
    }, 30_000);

    it('a run that fails is logged, its lease released, and run again', async () => {
      const errors: string[] = [];
      const log = { info() {}, warn() {}, error: (_o: object, msg: string) => errors.push(msg) };
      const w = new Worker(new LeaseStore(handle.db), { nodeId: 'n1', log });
      let calls = 0;
      const job = w.runExclusive('failing', { ...timing, restartMs: 20 }, async () => {
        calls++;
        throw new Error('boom');
      });
      w.start();
      await until('two runs', () => calls >= 2);
      await w.stop();
      expect(errors[0]).toMatch(/failing: run failed/);
      expect(job.status()).toMatchObject({ key: 'failing', holding: false, lastError: 'boom' });
      expect((await store.get('failing'))!.owner).toBeNull();
    });

    it('run a periodic job once per period across both nodes', async () => {
      const intervalMs = 250;
      const w1 = new Worker(new LeaseStore(handle.db), { nodeId: 'n1' });
      const w2 = new Worker(new LeaseStore(handle.db), { nodeId: 'n2' });
      const runs: { node: string; token: number; until: number }[] = [];
      for (const w of [w1, w2]) w.every('periodic', intervalMs, async (_s, lease) => void runs.push({ node: w.nodeId, token: lease.token, until: lease.until }));
      w1.start();
      w2.start();
      await until('six periods', () => runs.length >= 6);
      await Promise.all([w1.stop(), w2.stop()]);
      const started = runs.map((r) => r.until - intervalMs);
      // One run per period: tokens 1, 2, 3… and each period begins when the one before ended.
      expect(runs.map((r) => r.token)).toEqual(runs.map((_, i) => i + 1));
      for (let i = 1; i < runs.length; i++) expect(started[i]).toBeGreaterThanOrEqual(runs[i - 1].until);
    }, 30_000);
  });
});
