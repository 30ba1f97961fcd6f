/**
 * The telemetry store on both dialects: group commit, last write wins, rollups kept exact through
 * late and overwritten data, and the SQLite fast path agreeing with the portable writer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import { bucketOf, DAY, HOUR, MINUTE, type Point } from '../src/modules/telemetry/model.ts';
import { KyselyPointWriter, type PointWriter } from '../src/modules/telemetry/store.ts';
import { GroupCommitter, isDataError, ReadingRefused } from '../src/modules/telemetry/ingest.ts';
import { meteredStore, testDialects } from './helpers/db.ts';

const dialects = await testDialects();
const T0 = Date.UTC(2026, 10, 1);

async function rollups(s: Services) {
  const rows = await s.handle.db.selectFrom('rollups').selectAll().orderBy('tag_id').orderBy('step_ms').orderBy('bucket').execute();
  return rows.map((r) => ({ ...r, sum: Number(Number(r.sum).toFixed(6)) }));
}

/** What the rollups must be: computed from scratch from the final raw points. */
function expected(points: Map<string, Point>) {
  const out = new Map<string, { tag_id: number; step_ms: number; bucket: number; count: number; sum: number; min: number; max: number; first: number; first_ts: number; last: number; last_ts: number }>();
  for (const p of [...points.values()].sort((a, b) => a.ts - b.ts)) {
    for (const step of [MINUTE, HOUR, DAY]) {
      const bucket = bucketOf(p.ts, step);
      const k = `${p.tagId}:${step}:${bucket}`;
      const a = out.get(k);
      if (!a) out.set(k, { tag_id: p.tagId, step_ms: step, bucket, count: 1, sum: p.value, min: p.value, max: p.value, first: p.value, first_ts: p.ts, last: p.value, last_ts: p.ts });
      else Object.assign(a, { count: a.count + 1, sum: a.sum + p.value, min: Math.min(a.min, p.value), max: Math.max(a.max, p.value), last: p.value, last_ts: p.ts });
    }
  }
  return [...out.values()].sort((a, b) => a.tag_id - b.tag_id || a.step_ms - b.step_ms || a.bucket - b.bucket).map((r) => ({ ...r, sum: Number(r.sum.toFixed(6)) }));
}

describe.each(dialects)('telemetry store on %s', (dialect) => {
  let s: Services;
  let tagIds: number[];
  let deviceId: number;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ s, deviceId, tagIds, close } = await meteredStore(dialect, 'ts', ['p', 'q']));
  });
  afterAll(() => close?.());

  const clear = async () => {
    await s.handle.db.deleteFrom('points').execute();
    await s.handle.db.deleteFrom('rollups').execute();
  };

  const writers = (): [string, PointWriter][] => [
    ['the default writer', { write: (p, seen) => s.telemetry.committer.submit(p, seen[0]).then(() => ({ inserted: 0, overwritten: 0 })) }],
    ['the portable writer', new KyselyPointWriter(s.handle.db, s.handle.dialect)],
  ];

  it.each([0, 1])('keeps rollups equal to a recomputation from raw points, through late data and overwrites (writer %i)', async (w) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(
            fc.record({
              tagId: fc.constantFrom(0, 1),
              // A few distinct timestamps over two days, so duplicates (overwrites) and late data are common.
              ts: fc.integer({ min: 0, max: 40 }).map((i) => T0 + i * 97 * MINUTE + (i % 3) * 1000),
              value: fc.integer({ min: -1000, max: 1000 }).map((v) => v / 4),
            }),
            { minLength: 1, maxLength: 15 },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (batches) => {
          await clear();
          const writer = writers()[w][1];
          const final = new Map<string, Point>();
          for (const batch of batches) {
            const points = batch.map((p) => ({ tagId: tagIds[p.tagId], ts: p.ts, value: p.value }));
            await writer.write(points, [{ deviceId, lastTs: T0, via: 'test' }]);
            for (const p of points) final.set(`${p.tagId}:${p.ts}`, p);
          }
          const raw = await s.handle.db.selectFrom('points').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
          expect(Number(raw.n)).toBe(final.size);
          expect(await rollups(s)).toEqual(expected(final));
        },
      ),
      { numRuns: dialect === 'postgres' ? 15 : 40 },
    );
  });

  it('answers every concurrent submitter once its batch is committed', async () => {
    await clear();
    const before = s.telemetry.committer.stats.batches;
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => s.telemetry.committer.submit([{ tagId: tagIds[i % 2], ts: T0 + i * 1000, value: i }], { deviceId, lastTs: T0 + i * 1000, via: 'test' })),
    );
    const n = await s.handle.db.selectFrom('points').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(200);
    // Group commit: far fewer transactions than submitters.
    expect(s.telemetry.committer.stats.batches - before).toBeLessThan(50);
    const status = await s.telemetry.status(systemContext(), deviceId, T0 + 200_000);
    expect(status).toMatchObject({ online: true, lastSeenAt: T0 + 199_000, via: 'test' });
  });

  it('serves series from the right resolution', async () => {
    await clear();
    const points: Point[] = [];
    for (let i = 0; i < 3 * 24 * 60; i++) points.push({ tagId: tagIds[0], ts: T0 + i * MINUTE, value: i % 60 });
    await s.telemetry.committer.submit(points, { deviceId, lastTs: T0, via: 'test' });
    const ctx = systemContext();
    const hourly = await s.telemetry.series(ctx, tagIds[0], T0, T0 + 3 * DAY, HOUR);
    expect(hourly.resolution).toBe('1h');
    expect(hourly.points).toHaveLength(72);
    expect(hourly.points[0]).toEqual({ ts: T0, avg: 29.5, min: 0, max: 59, count: 60 });
    const raw = await s.telemetry.series(ctx, tagIds[0], T0, T0 + 10 * MINUTE, 1000);
    expect(raw.resolution).toBe('raw');
    expect(raw.points.map((p) => p.avg)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // A step that is no multiple of the rollups: ~1,000 buckets, each aligned to the step.
    const odd = await s.telemetry.series(ctx, tagIds[0], T0, T0 + 3 * DAY, 259_000);
    expect(odd.resolution).toBe('1m');
    expect(odd.points.length).toBeGreaterThan(990);
    expect(odd.points.length).toBeLessThan(1010);
    expect(odd.points.every((p) => p.ts % 259_000 === 0)).toBe(true);
    expect(odd.points.reduce((n, p) => n + p.count, 0)).toBe(3 * 24 * 60);
    const daily = await s.telemetry.series(ctx, tagIds[0], T0, T0 + 3 * DAY, DAY);
    expect(daily.points.map((p) => p.count)).toEqual([1440, 1440, 1440]);
    expect((await s.telemetry.latest(ctx, tagIds[0])).ts).toBe(T0 + (3 * 24 * 60 - 1) * MINUTE);
  });

  const count = async (tagId: number) =>
    Number((await s.handle.db.selectFrom('points').select((eb) => eb.fn.countAll().as('n')).where('tag_id', '=', tagId).executeTakeFirstOrThrow()).n);
  const lastError = async (id: number) => (await s.telemetry.errors(systemContext(), id, 1))[0];

  it("fails only the culprit when a group commit fails: the others are committed and answered", async () => {
    await clear();
    const { committer } = s.telemetry;
    const retried = committer.stats.retried;
    const seen = (lastTs: number) => ({ deviceId, lastTs, via: 'test' });
    // A reading the database itself refuses (NOT NULL), submitted in the same group as good ones.
    const culprit = { tagId: tagIds[1], ts: T0 + 5, value: null as unknown as number };
    const results = await Promise.allSettled([
      committer.submit([{ tagId: tagIds[0], ts: T0 + 1, value: 1 }], seen(T0 + 1)),
      committer.submit([{ tagId: tagIds[0], ts: T0 + 2, value: 2 }, culprit], seen(T0 + 5)),
      committer.submit([{ tagId: tagIds[1], ts: T0 + 3, value: 3 }], seen(T0 + 3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refusal = (results[1] as PromiseRejectedResult).reason;
    expect(refusal).toBeInstanceOf(ReadingRefused);
    expect(refusal.reason).toBe('not_storable');
    expect(refusal.detail).toMatch(/null/i);
    expect(committer.stats.retried).toBe(retried + 1);
    // The culprit's message is stored not at all (its good reading neither), the others whole.
    expect(await count(tagIds[0])).toBe(1);
    expect(await count(tagIds[1])).toBe(1);
    expect(await rollups(s)).toEqual(expected(new Map([['a', { tagId: tagIds[0], ts: T0 + 1, value: 1 }], ['b', { tagId: tagIds[1], ts: T0 + 3, value: 3 }]])));
  });

  it('tells the device why through store(), which every source uses, and keeps storing the others', async () => {
    await clear();
    const device = { id: deviceId, enterpriseId: (await s.registry.devices.get(systemContext(), deviceId)).enterpriseId as number };
    const now = Date.now();
    const [bad, good] = await Promise.all([
      s.telemetry.store(device, [{ tagId: tagIds[0], ts: now - 1000, value: Number.NaN }], 'import', now),
      s.telemetry.store(device, [{ tagId: tagIds[0], ts: now - 2000, value: 42.5 }], 'import', now),
    ]);
    expect(bad).toMatchObject({ ok: false, reason: 'not_a_number' });
    expect(good).toEqual({ ok: true, points: 1 });
    for (const [points, reason] of [
      [[{ tagId: tagIds[0], ts: 1e20, value: 1 }], 'timestamp_in_future'],
      [[{ tagId: tagIds[0], ts: 1_700_000_000, value: 1 }], 'timestamp_too_old'],
      [[{ tagId: tagIds[0], ts: now, value: 1e308 }], 'value_out_of_range'],
    ] as const) {
      expect(await s.telemetry.store(device, [...points], 'sparkplug', now)).toMatchObject({ ok: false, reason });
      expect(await lastError(deviceId)).toMatchObject({ source: 'sparkplug', reason });
    }
    // A reading the database refuses at commit (no tag) is refused the same way, with its reason logged.
    const refused = await s.telemetry.store(device, [{ tagId: null as unknown as number, ts: now - 3000, value: 1 }], 'opcua', now);
    expect(refused).toMatchObject({ ok: false, reason: 'not_storable' });
    expect(await lastError(deviceId)).toMatchObject({ source: 'opcua', reason: 'not_storable' });
    expect(await count(tagIds[0])).toBe(1);
  });

  it.runIf(dialect === 'postgres')('on PostgreSQL, a rollup overflow fails only the reading that causes it', async () => {
    await clear();
    const { committer } = s.telemetry;
    const seen = { deviceId, lastTs: T0, via: 'test' };
    // Bypassing validation, as before the bound: the second 1e308 in one minute overflows sum.
    await committer.submit([{ tagId: tagIds[0], ts: T0, value: 1e308 }], seen);
    const results = await Promise.allSettled([
      committer.submit([{ tagId: tagIds[1], ts: T0 + 1, value: 7 }], seen),
      committer.submit([{ tagId: tagIds[0], ts: T0 + 2, value: 1e308 }], seen),
      committer.submit([{ tagId: tagIds[1], ts: T0 + 3, value: 8 }], seen),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ reason: 'not_storable', detail: expect.stringMatching(/out of range|overflow/i) });
    expect(await count(tagIds[1])).toBe(2);
    expect(await count(tagIds[0])).toBe(1);
  });

  it('rejects every submitter (so that they send again) when the store itself fails', async () => {
    const failing = new GroupCommitter({ write: async () => { throw Object.assign(new Error('connection terminated'), { code: '57P01' }); } });
    const results = await Promise.allSettled([failing.submit([{ tagId: 1, ts: T0, value: 1 }], { deviceId, lastTs: T0, via: 't' }), failing.submit([{ tagId: 1, ts: T0 + 1, value: 1 }], { deviceId, lastTs: T0, via: 't' })]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).not.toBeInstanceOf(ReadingRefused);
    }
    expect(isDataError(Object.assign(new Error('x'), { code: '22003' }))).toBe(true);
    expect(isDataError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_NOTNULL' }))).toBe(true);
    expect(isDataError(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }))).toBe(false);
  });

  it("includes a series' first partial bucket (from raw points), and stops the last at `to`", async () => {
    await clear();
    const ctx = systemContext();
    const at = (sec: number, value: number) => ({ tagId: tagIds[0], ts: T0 + sec * 1000, value });
    await s.telemetry.committer.submit([at(10, 1), at(50, 2), at(70, 4), at(130, 8), at(170, 16), at(300, 32)], { deviceId, lastTs: T0, via: 'test' });
    // from and to inside minutes: [T0+30s, T0+150s) holds the readings at 50, 70 and 130 s.
    const minutes = await s.telemetry.series(ctx, tagIds[0], T0 + 30_000, T0 + 150_000, MINUTE);
    expect(minutes.resolution).toBe('1m');
    expect(minutes.points).toEqual([
      { ts: T0, avg: 2, min: 2, max: 2, count: 1 },
      { ts: T0 + MINUTE, avg: 4, min: 4, max: 4, count: 1 },
      { ts: T0 + 2 * MINUTE, avg: 8, min: 8, max: 8, count: 1 },
    ]);
    // A coarser step: one bucket of 50, 70, 130 and 170 s (from 30 s on); 300 s is the next one.
    const fives = await s.telemetry.series(ctx, tagIds[0], T0 + 30_000, T0 + 10 * MINUTE, 5 * MINUTE);
    expect(fives.points).toEqual([
      { ts: T0, avg: 7.5, min: 2, max: 16, count: 4 },
      { ts: T0 + 5 * MINUTE, avg: 32, min: 32, max: 32, count: 1 },
    ]);
    // Both ends inside one minute.
    expect((await s.telemetry.series(ctx, tagIds[0], T0 + 30_000, T0 + 55_000, MINUTE)).points).toEqual([{ ts: T0, avg: 2, min: 2, max: 2, count: 1 }]);
    // Once the raw points of that minute are past retention, the rollup bucket it intersects is used.
    await s.handle.db.deleteFrom('points').where('tag_id', '=', tagIds[0]).where('ts', '<', T0 + MINUTE).execute();
    const old = await s.telemetry.series(ctx, tagIds[0], T0 + 30_000, T0 + 150_000, MINUTE);
    expect(old.points[0]).toEqual({ ts: T0, avg: 1.5, min: 1, max: 2, count: 2 });
    await expect(s.telemetry.series(ctx, tagIds[0], 0, Number.POSITIVE_INFINITY, DAY)).rejects.toMatchObject({ status: 400 });
  });

  it('expires raw readings and minute rollups, keeping hours and days', async () => {
    await clear();
    const now = T0 + 100 * DAY;
    const old = { tagId: tagIds[0], ts: now - 95 * DAY, value: 1 };
    const recent = { tagId: tagIds[0], ts: now - DAY, value: 2 };
    await s.telemetry.committer.submit([old, recent], { deviceId, lastTs: recent.ts, via: 'test' });
    const device = { id: deviceId, enterpriseId: (await s.handle.db.selectFrom('devices').select('enterprise_id').where('id', '=', deviceId).executeTakeFirstOrThrow()).enterprise_id as number };
    await s.telemetry.logError(device, 'test', 'expired', 'an entry past retention', now - 95 * DAY);
    await s.telemetry.logError(device, 'test', 'kept', 'a recent entry', now - DAY);
    const r = await s.telemetry.applyRetention(90, 30, now);
    expect(r).toEqual({ points: 1, minuteRollups: 1, deviceErrors: 1 });
    const errorsLeft = await s.handle.db.selectFrom('device_errors').select('reason').where('device_id', '=', deviceId).where('reason', 'in', ['expired', 'kept']).execute();
    expect(errorsLeft.map((e) => e.reason)).toEqual(['kept']);
    const left = await s.handle.db.selectFrom('rollups').select(['step_ms', 'bucket']).where('tag_id', '=', tagIds[0]).execute();
    expect(left.filter((x) => Number(x.step_ms) === MINUTE)).toHaveLength(1);
    expect(left.filter((x) => Number(x.step_ms) === HOUR)).toHaveLength(2);
  });
});
