/**
 * The worker's lifecycle against an in-memory lease store and a fake clock: heartbeats keep a lease,
 * a store that cannot be reached makes the holder stop by its own deadline (before another node may
 * take over), stop releases the lease and leaves no timer behind, errors are logged and not thrown.
 * The store on both dialects and two nodes are in test/leases.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holderDeadline, mayRelease, mayRenew, mayTake, released, renewed, taken, type LeaseRecord } from './lease.ts';
import { aborted, LeaseLost, Worker, type LeasePort } from './worker.ts';

class MemoryLeases implements LeasePort {
  rows = new Map<string, LeaseRecord>();
  down = false;
  private check() {
    if (this.down) return Promise.reject(new Error('store unreachable'));
    return Promise.resolve();
  }
  async take(key: string, owner: string, now: number, leaseMs: number) {
    await this.check();
    const l = this.rows.get(key);
    if (!mayTake(l, now)) return null;
    const n = taken(l, owner, now, leaseMs);
    this.rows.set(key, n);
    return n;
  }
  async renew(key: string, owner: string, token: number, now: number, leaseMs: number) {
    await this.check();
    const l = this.rows.get(key);
    if (!mayRenew(l, owner, token, now)) return null;
    const n = renewed(l!, now, leaseMs);
    this.rows.set(key, n);
    return n;
  }
  async release(key: string, owner: string, token: number) {
    await this.check();
    const l = this.rows.get(key);
    if (!mayRelease(l, owner, token)) return false;
    this.rows.set(key, released(l!));
    return true;
  }
  async confirm(_trx: unknown, key: string, owner: string, token: number, now: number) {
    await this.check();
    return mayRenew(this.rows.get(key), owner, token, now);
  }
  async get(key: string) {
    await this.check();
    return this.rows.get(key);
  }
}

const timing = { leaseMs: 1000, heartbeatMs: 300 };
const quiet = { info() {}, warn() {}, error() {} };

describe('worker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds a lease through heartbeats, and on stop aborts the run, releases the lease and leaves no timer', async () => {
    const store = new MemoryLeases();
    const w = new Worker(store, { nodeId: 'n1', log: quiet });
    let reason: unknown;
    w.runExclusive('job', timing, async (signal, lease) => {
      expect(lease.token).toBe(1);
      await aborted(signal);
      reason = signal.reason;
    });
    expect(store.rows.size).toBe(0); // nothing runs before start
    w.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.rows.get('job')).toMatchObject({ owner: w.nodeId, token: 1 });
    expect(store.rows.get('job')!.until).toBeGreaterThan(Date.now());
    expect(w.status()).toEqual([{ key: 'job', kind: 'exclusive', holding: true, token: 1, runs: 1, lastError: null }]);
    await w.stop();
    expect((reason as Error).message).toBe('stopping');
    expect(store.rows.get('job')).toMatchObject({ owner: null, token: 1 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a holder that cannot renew stops by its own deadline, before the lease expires for others', async () => {
    const store = new MemoryLeases();
    const w = new Worker(store, { nodeId: 'n1', log: quiet });
    let lostAt = 0;
    let until = 0;
    let reason: unknown;
    w.runExclusive('job', timing, async (signal, lease) => {
      await vi.advanceTimersByTimeAsync(0);
      until = lease.until;
      store.down = true;
      await aborted(signal);
      lostAt = Date.now();
      reason = signal.reason;
    });
    w.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reason).toBeInstanceOf(LeaseLost);
    expect(lostAt).toBeLessThanOrEqual(holderDeadline(until, timing));
    expect(lostAt).toBeLessThan(until);
    store.down = false;
    await w.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a periodic job runs once per period; its errors are logged, not thrown', async () => {
    const store = new MemoryLeases();
    const errors: string[] = [];
    const w = new Worker(store, { nodeId: 'n1', log: { ...quiet, error: (_o: object, m: string) => errors.push(m) } });
    let runs = 0;
    w.every('tick', 1000, async () => {
      runs++;
      if (runs === 2) throw new Error('boom');
    });
    w.start();
    await vi.advanceTimersByTimeAsync(4_500);
    expect(runs).toBe(5); // at 0, 1000, 2000, 3000, 4000 (plus a little spread)
    expect(errors).toEqual(['worker: tick: run failed']);
    await w.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses timing that would let a live holder lose its lease', () => {
    const w = new Worker(new MemoryLeases());
    expect(() => w.runExclusive('x', { leaseMs: 1000, heartbeatMs: 600 }, async () => {})).toThrow(/heartbeatMs/);
    expect(() => w.every('x', 0, async () => {})).toThrow(/intervalMs/);
  });
});
