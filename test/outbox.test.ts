/**
 * The transactional outbox on both dialects: an event exists exactly when its transaction
 * committed, is published in order, and at least once (a crash between publishing and marking
 * publishes it again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '../src/adapters/bus/port.ts';
import { MemoryBus } from '../src/adapters/bus/memory.ts';
import { openDb, type DbHandle } from '../src/adapters/db/index.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { OutboxDispatcher, recordEvent } from '../src/adapters/db/outbox.ts';
import type { DomainEvents, EventSubject } from '../src/core/events.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';
import { until } from './helpers/poll.ts';

interface Published {
  subject: string;
  n: number;
  id: string;
}

/** A bus that records what is published, and can be told to fail a publication. */
class RecordingBus extends MemoryBus implements Bus {
  readonly published: Published[] = [];
  failOn: ((n: number) => boolean) | null = null;
  override async publish<S extends EventSubject>(subject: S, data: DomainEvents[S], id: string): Promise<void> {
    const n = (data as DomainEvents['trace.epcis.captured']).captured;
    if (this.failOn?.(n)) throw new Error(`the bus refused event ${n}`);
    this.published.push({ subject, n, id });
    await super.publish(subject, data, id);
  }
}

const event = (n: number): DomainEvents['trace.epcis.captured'] => ({ enterpriseId: 1, captured: n, jobId: `job-${n}` });

for (const dialect of await testDialects()) {
  describe(`outbox (${dialect})`, () => {
    let database: TestDatabase;
    let handle: DbHandle;
    beforeAll(async () => {
      database = await freshDatabase(dialect);
      handle = openDb(database.url);
      await migrateToLatest(handle.db, handle.dialect);
    });
    afterAll(async () => {
      await handle?.close();
      await database?.drop();
    });
    const reset = () => handle.db.deleteFrom('outbox').execute();
    const unpublished = async () => Number((await handle.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('published_at', 'is', null).executeTakeFirstOrThrow()).n);
    const record = (ns: number[]) =>
      handle.db.transaction().execute(async (trx) => {
        for (const n of ns) await recordEvent(trx, 'trace.epcis.captured', event(n));
      });

    it('never publishes an event recorded in a transaction that rolled back', async () => {
      await reset();
      const bus = new RecordingBus();
      const outbox = new OutboxDispatcher(handle, bus);
      await expect(
        handle.db.transaction().execute(async (trx) => {
          await recordEvent(trx, 'trace.epcis.captured', event(1));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      await record([2]);
      expect(await outbox.dispatch()).toBe(1);
      expect(await outbox.dispatch()).toBe(0);
      expect(bus.published.map((p) => p.n)).toEqual([2]);
      expect(await unpublished()).toBe(0);
    });

    it('publishes again after a crash between publishing and marking (at least once)', async () => {
      await reset();
      const bus = new RecordingBus();
      await record([1, 2]);
      const crashing = new OutboxDispatcher(handle, bus);
      crashing.beforeMark = () => {
        throw new Error('the node died');
      };
      await expect(crashing.dispatch()).rejects.toThrow('the node died');
      expect(bus.published.map((p) => p.n)).toEqual([1, 2]);
      expect(await unpublished()).toBe(2);
      // The next pass (this node after a restart, or another node) publishes them again, same ids.
      const next = new OutboxDispatcher(handle, bus);
      expect(await next.dispatch()).toBe(2);
      expect(bus.published.map((p) => p.n)).toEqual([1, 2, 1, 2]);
      expect(bus.published[0].id).toBe(bus.published[2].id);
      expect(await unpublished()).toBe(0);
      expect(await next.dispatch()).toBe(0);
    });

    it('keeps the order, across batches, transactions and a failed publication', async () => {
      await reset();
      const bus = new RecordingBus();
      for (let t = 0; t < 10; t++) await record(Array.from({ length: 25 }, (_, i) => t * 25 + i + 1));
      let failedOnce = false;
      bus.failOn = (n) => {
        if (n === 120 && !failedOnce) return (failedOnce = true);
        return false;
      };
      const outbox = new OutboxDispatcher(handle, bus, { batchSize: 40, pollMs: 20 });
      outbox.start();
      await until(unpublished, (n) => n === 0, 'every row published');
      await outbox.stop();
      expect(failedOnce).toBe(true);
      expect(bus.published.map((p) => p.n)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
      const ids = bus.published.map((p) => Number(p.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    });

    it('is woken to publish right after a commit, and delivers to a processor', async () => {
      await reset();
      const bus = new RecordingBus();
      const got: number[] = [];
      bus.subscribe('trace.epcis.captured', { durable: 'test' }, (e) => void got.push(e.data.captured));
      // A poll so slow that only the wake-up can explain a prompt publication.
      const outbox = new OutboxDispatcher(handle, bus, { pollMs: 3_600_000 });
      outbox.start();
      await outbox.idle();
      await record([42]);
      outbox.wake();
      await until(() => got, (g) => g.length === 1, 'the processor to receive the event', 5_000);
      expect(got).toEqual([42]);
      await outbox.stop();
    });

    it('deletes published rows after keepMs, never unpublished ones', async () => {
      await reset();
      const bus = new RecordingBus();
      await record([1, 2]);
      const outbox = new OutboxDispatcher(handle, bus, { keepMs: 60_000 });
      await outbox.dispatch();
      await record([3]);
      expect(await outbox.purge(Date.now(), true)).toBe(0);
      expect(await outbox.purge(Date.now() + 120_000, true)).toBe(2);
      const left = await handle.db.selectFrom('outbox').select(['payload', 'published_at']).execute();
      expect(left).toHaveLength(1);
      expect(left[0].published_at).toBeNull();
    });

    // Several nodes share a store only on PostgreSQL (SQLite is the embedded shape's single writer).
    it.skipIf(dialect === 'sqlite')('publishes each event once in order with two nodes dispatching at once', async () => {
      await reset();
      const other = openDb(database.url);
      try {
        const published: number[] = [];
        const bus = new RecordingBus();
        const a = new OutboxDispatcher(handle, bus, { batchSize: 7, pollMs: 10 });
        const b = new OutboxDispatcher(other, bus, { batchSize: 7, pollMs: 10 });
        a.start();
        b.start();
        for (let t = 0; t < 20; t++) {
          await record([t * 3 + 1, t * 3 + 2, t * 3 + 3]);
          (t % 2 ? a : b).wake();
        }
        await until(unpublished, (n) => n === 0, 'every row published');
        await Promise.all([a.stop(), b.stop()]);
        published.push(...bus.published.map((p) => p.n));
        expect(published).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      } finally {
        await other.close();
      }
    });
  });
}
