/**
 * The embedded shape's write path: better-sqlite3 prepared statements in one synchronous
 * transaction per batch. It reserves Kysely's single connection for the duration, so no Kysely
 * transaction can interleave with it.
 */
import type Database from 'better-sqlite3';
import type { DbHandle } from '../../adapters/db/index.ts';
import { aggregate, HOUR, MINUTE, type Point } from './model.ts';
import { dirtyBucketsOf, type DeviceSeen, type PointWriter, type WriteReport } from './writer.ts';

export class SqlitePointWriter implements PointWriter {
  private readonly run: (points: readonly Point[], seen: readonly DeviceSeen[]) => WriteReport;

  constructor(private readonly handle: DbHandle) {
    const db = handle.sqlite as Database.Database;
    const insert = db.prepare('insert into points (tag_id, ts, value) values (?, ?, ?) on conflict (tag_id, ts) do nothing');
    const old = db.prepare('select value from points where tag_id = ? and ts = ?').pluck();
    const overwrite = db.prepare('update points set value = ? where tag_id = ? and ts = ?');
    const merge = db.prepare(`insert into rollups (tag_id, step_ms, bucket, count, sum, min, max, first, first_ts, last, last_ts)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict (tag_id, step_ms, bucket) do update set
        count = count + excluded.count,
        sum = sum + excluded.sum,
        min = min(min, excluded.min),
        max = max(max, excluded.max),
        first = case when excluded.first_ts < first_ts then excluded.first else first end,
        first_ts = min(first_ts, excluded.first_ts),
        last = case when excluded.last_ts >= last_ts then excluded.last else last end,
        last_ts = max(last_ts, excluded.last_ts)`);
    const fromRaw = db.prepare(`insert or replace into rollups (tag_id, step_ms, bucket, count, sum, min, max, first, first_ts, last, last_ts)
      select @tag, @step, @bucket, count(*), sum(value), min(value), max(value),
        (select value from points where tag_id = @tag and ts >= @bucket and ts < @end order by ts asc limit 1), min(ts),
        (select value from points where tag_id = @tag and ts >= @bucket and ts < @end order by ts desc limit 1), max(ts)
      from points where tag_id = @tag and ts >= @bucket and ts < @end having count(*) > 0`);
    const fromRollups = db.prepare(`insert or replace into rollups (tag_id, step_ms, bucket, count, sum, min, max, first, first_ts, last, last_ts)
      select @tag, @step, @bucket, sum(count), sum(sum), min(min), max(max),
        (select first from rollups where tag_id = @tag and step_ms = @source and bucket >= @bucket and bucket < @end order by first_ts asc limit 1), min(first_ts),
        (select last from rollups where tag_id = @tag and step_ms = @source and bucket >= @bucket and bucket < @end order by last_ts desc limit 1), max(last_ts)
      from rollups where tag_id = @tag and step_ms = @source and bucket >= @bucket and bucket < @end having count(*) > 0`);
    const seenStmt = db.prepare(`insert into device_status (device_id, last_seen_at, online, via) values (?, ?, 1, ?)
      on conflict (device_id) do update set last_seen_at = max(coalesce(last_seen_at, 0), excluded.last_seen_at), online = 1, via = excluded.via`);

    this.run = db.transaction((points: readonly Point[], seen: readonly DeviceSeen[]): WriteReport => {
      const fresh: Point[] = [];
      const overwrites: Point[] = [];
      for (const p of points) {
        if (insert.run(p.tagId, p.ts, p.value).changes === 1) fresh.push(p);
        else if (old.get(p.tagId, p.ts) !== p.value) {
          overwrite.run(p.value, p.tagId, p.ts);
          overwrites.push(p);
        }
      }
      for (const a of aggregate(fresh)) merge.run(a.tagId, a.stepMs, a.bucket, a.count, a.sum, a.min, a.max, a.first, a.firstTs, a.last, a.lastTs);
      for (const d of dirtyBucketsOf(overwrites)) {
        const params = { tag: d.tagId, step: d.stepMs, bucket: d.bucket, end: d.bucket + d.stepMs };
        if (d.stepMs === MINUTE) fromRaw.run(params);
        else fromRollups.run({ ...params, source: d.stepMs === HOUR ? MINUTE : HOUR });
      }
      for (const s of seen) seenStmt.run(s.deviceId, s.lastTs, s.via);
      return { inserted: fresh.length, overwritten: overwrites.length };
    });
  }

  async write(points: readonly Point[], seen: readonly DeviceSeen[]): Promise<WriteReport> {
    return this.handle.db.connection().execute(async () => this.run(points, seen));
  }
}
