/**
 * The telemetry store on both dialects: group commit, last write wins, rollups kept exact through
 * late and overwritten data, and the SQLite fast path agreeing with the portable writer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import { bucketOf, DAY, HOUR, MINUTE, type Point } from '../src/modules/telemetry/model.ts';
import { KyselyPointWriter, type PointWriter } from '../src/modules/telemetry/store.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';

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
  let db: TestDatabase;
  let s: Services;
  let tagIds: number[];
  let deviceId: number;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    s = await openServices({ db: db.url, sessionTtlHours: 1 });
    await bootstrap(s, { adminPassword: 'test-admin-password' });
    const ctx = systemContext('test');
    const ent = await s.registry.enterprises.create(ctx, { code: 'ts', name: '时序', industry: 'energy' });
    const site = await s.registry.sites.create(ctx, { enterpriseId: ent.id, code: 'ts-site', name: 's' });
    deviceId = (await s.registry.devices.create(ctx, { siteId: site.id, code: 'ts-em', name: 'm', kind: 'energy_meter', protocol: 'mqtt' })).id;
    tagIds = [];
    for (const key of ['p', 'q']) tagIds.push((await s.registry.tags.create(ctx, { deviceId, key, name: key, kind: 'power', unit: 'kW' })).id);
  });
  afterAll(async () => {
    await s?.close();
    await db?.drop();
  });

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

  it('expires raw readings and minute rollups, keeping hours and days', async () => {
    await clear();
    const now = T0 + 100 * DAY;
    const old = { tagId: tagIds[0], ts: now - 95 * DAY, value: 1 };
    const recent = { tagId: tagIds[0], ts: now - DAY, value: 2 };
    await s.telemetry.committer.submit([old, recent], { deviceId, lastTs: recent.ts, via: 'test' });
    const r = await s.telemetry.applyRetention(90, 30, now);
    expect(r).toEqual({ points: 1, minuteRollups: 1 });
    const left = await s.handle.db.selectFrom('rollups').select(['step_ms', 'bucket']).where('tag_id', '=', tagIds[0]).execute();
    expect(left.filter((x) => Number(x.step_ms) === MINUTE)).toHaveLength(1);
    expect(left.filter((x) => Number(x.step_ms) === HOUR)).toHaveLength(2);
  });
});
