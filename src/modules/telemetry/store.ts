/**
 * Persistence of time series. Writes go through a PointWriter: one transaction per batch that
 * stores the points (last write wins on a duplicate timestamp), merges the batch's rollups, and
 * recomputes exactly the buckets whose points were overwritten. Two writers exist: a portable one
 * over Kysely (PostgreSQL) and a synchronous one over better-sqlite3's prepared statements
 * (the embedded hot path); the tests hold them to the same results.
 *
 * Both stay with SQL text rather than typed Kysely builders: the upserts need dialect functions
 * (least/min, greatest/max) inside `on conflict`, and this is the ingestion path, where building a
 * query per point would cost throughput. Results are typed where they are read.
 */
import { sql } from 'kysely';
import { tablesOf, type Db, type Dialect, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import { aggregate, DAY, HOUR, MINUTE, type Aggregate, type Point } from './model.ts';
import type { TelemetryTables } from './tables.ts';
import { dirtyBucketsOf, type DeviceSeen, type DirtyBucket, type PointWriter, type WriteReport } from './writer.ts';

export type { DeviceSeen, DirtyBucket, PointWriter, WriteReport } from './writer.ts';

/** Where a recomputed bucket reads from: 1m from raw points, 1h from 1m, 1d from 1h. */
const SOURCE: Record<number, number> = { [MINUTE]: 0, [HOUR]: MINUTE, [DAY]: HOUR };

export class KyselyPointWriter implements PointWriter {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  async write(points: readonly Point[], seen: readonly DeviceSeen[]): Promise<WriteReport> {
    return tablesOf<TelemetryTables>(this.db).transaction().execute(async (trx) => {
      const fresh: Point[] = [];
      const overwrites: Point[] = [];
      // One statement per point keeps "new or overwrite" exact even when a batch repeats a key.
      for (const p of points) {
        const r = await trx
          .insertInto('points')
          .values({ tag_id: p.tagId, ts: p.ts, value: p.value })
          .onConflict((oc) => oc.columns(['tag_id', 'ts']).doNothing())
          .executeTakeFirst();
        if ((r.numInsertedOrUpdatedRows ?? 0n) > 0n) fresh.push(p);
        else {
          const old = await trx.selectFrom('points').select('value').where('tag_id', '=', p.tagId).where('ts', '=', p.ts).executeTakeFirstOrThrow();
          if (old.value !== p.value) {
            await trx.updateTable('points').set({ value: p.value }).where('tag_id', '=', p.tagId).where('ts', '=', p.ts).execute();
            overwrites.push(p);
          }
        }
      }
      for (const a of aggregate(fresh)) await mergeAggregate(trx, this.dialect, a);
      for (const d of dirtyBucketsOf(overwrites)) await recompute(trx, d);
      for (const s of seen) await markSeen(trx, this.dialect, s);
      return { inserted: fresh.length, overwritten: overwrites.length };
    });
  }
}

async function mergeAggregate(trx: Tx, dialect: Dialect, a: Aggregate): Promise<void> {
  const lo = dialect === 'postgres' ? sql.raw('least') : sql.raw('min');
  const hi = dialect === 'postgres' ? sql.raw('greatest') : sql.raw('max');
  await sql`insert into rollups (tag_id, step_ms, bucket, count, sum, min, max, first, first_ts, last, last_ts)
    values (${a.tagId}, ${a.stepMs}, ${a.bucket}, ${a.count}, ${a.sum}, ${a.min}, ${a.max}, ${a.first}, ${a.firstTs}, ${a.last}, ${a.lastTs})
    on conflict (tag_id, step_ms, bucket) do update set
      count = rollups.count + excluded.count,
      sum = rollups.sum + excluded.sum,
      min = ${lo}(rollups.min, excluded.min),
      max = ${hi}(rollups.max, excluded.max),
      first = case when excluded.first_ts < rollups.first_ts then excluded.first else rollups.first end,
      first_ts = ${lo}(rollups.first_ts, excluded.first_ts),
      last = case when excluded.last_ts >= rollups.last_ts then excluded.last else rollups.last end,
      last_ts = ${hi}(rollups.last_ts, excluded.last_ts)`.execute(trx);
}

/** Rebuilds one bucket from the resolution below it (1m from raw points). */
async function recompute(trx: Tx, d: DirtyBucket): Promise<void> {
  const end = d.bucket + d.stepMs;
  const source = SOURCE[d.stepMs];
  // Counts, sums and epoch ms come back as numbers on both dialects (pg's BIGINT parser, adapters/db).
  type Bucket = { count: number; sum: number; min: number; max: number; first_ts: number; last_ts: number };
  const agg =
    source === 0
      ? await sql<Bucket>`select count(*) as count, sum(value) as sum, min(value) as min, max(value) as max, min(ts) as first_ts, max(ts) as last_ts
          from points where tag_id = ${d.tagId} and ts >= ${d.bucket} and ts < ${end}`.execute(trx)
      : await sql<Bucket>`select sum(count) as count, sum(sum) as sum, min(min) as min, max(max) as max, min(first_ts) as first_ts, max(last_ts) as last_ts
          from rollups where tag_id = ${d.tagId} and step_ms = ${source} and bucket >= ${d.bucket} and bucket < ${end}`.execute(trx);
  const r = agg.rows[0];
  if (!r || !r.count) {
    await sql`delete from rollups where tag_id = ${d.tagId} and step_ms = ${d.stepMs} and bucket = ${d.bucket}`.execute(trx);
    return;
  }
  const edge = async (ts: number, column: 'first' | 'last') => {
    const q =
      source === 0
        ? sql<{ v: number }>`select value as v from points where tag_id = ${d.tagId} and ts = ${ts}`
        : column === 'first'
          ? sql<{ v: number }>`select first as v from rollups where tag_id = ${d.tagId} and step_ms = ${source} and first_ts = ${ts} and bucket >= ${d.bucket} and bucket < ${end}`
          : sql<{ v: number }>`select last as v from rollups where tag_id = ${d.tagId} and step_ms = ${source} and last_ts = ${ts} and bucket >= ${d.bucket} and bucket < ${end}`;
    return (await q.execute(trx)).rows[0].v;
  };
  const first = await edge(r.first_ts, 'first');
  const last = await edge(r.last_ts, 'last');
  await sql`delete from rollups where tag_id = ${d.tagId} and step_ms = ${d.stepMs} and bucket = ${d.bucket}`.execute(trx);
  await sql`insert into rollups (tag_id, step_ms, bucket, count, sum, min, max, first, first_ts, last, last_ts)
    values (${d.tagId}, ${d.stepMs}, ${d.bucket}, ${r.count}, ${r.sum}, ${r.min}, ${r.max}, ${first}, ${r.first_ts}, ${last}, ${r.last_ts})`.execute(trx);
}

async function markSeen(trx: Tx, dialect: Dialect, s: DeviceSeen): Promise<void> {
  const hi = dialect === 'postgres' ? sql.raw('greatest') : sql.raw('max');
  await sql`insert into device_status (device_id, last_seen_at, online, via) values (${s.deviceId}, ${s.lastTs}, ${1}, ${s.via})
    on conflict (device_id) do update set last_seen_at = ${hi}(coalesce(device_status.last_seen_at, 0), excluded.last_seen_at), online = excluded.online, via = excluded.via`.execute(trx);
}

export function createPointWriter(handle: DbHandle): PointWriter {
  if (handle.sqlite) {
    // Imported lazily so that the PostgreSQL shape never loads it.
    return new LazySqliteWriter(handle);
  }
  return new KyselyPointWriter(handle.db, handle.dialect);
}

class LazySqliteWriter implements PointWriter {
  private inner?: PointWriter;
  constructor(private readonly handle: DbHandle) {}
  async write(points: readonly Point[], seen: readonly DeviceSeen[]): Promise<WriteReport> {
    if (!this.inner) {
      const { SqlitePointWriter } = await import('./sqlite-writer.ts');
      this.inner = new SqlitePointWriter(this.handle);
    }
    return this.inner.write(points, seen);
  }
}
