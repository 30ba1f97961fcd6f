/**
 * Telemetry use cases: device credentials, validating and ingesting readings from any transport,
 * the per-device error log, and reading series back at the right resolution.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { Bus, BusSubscription } from '../../adapters/bus/port.ts';
import { bucket, CompiledQueries, padded } from '../../adapters/db/compiled.ts';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { isTrue } from '../../adapters/db/tables.ts';
import { notFound, validation } from '../../core/errors.ts';
import type { AuthContext } from '../../core/roles.ts';
import { moduleDb, tenantDb } from '../../core/tenancy.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { newSecret, sha256 } from '../auth/secrets.ts';
import { devicePolicy } from '../registry/policy.ts';
import type { RegistryService } from '../registry/service.ts';
import { ErrorThrottle } from './error-throttle.ts';
import { GroupCommitter, ReadingRefused, type GroupCommitOptions } from './ingest.ts';
import { bucketOf, DAY, MAX_TS, MINUTE, defaultStep, parseTelemetry, readingProblem, RESOLUTION_STEP, resolutionFor, type ParseResult, type Point, type Resolution } from './model.ts';
import { createPointWriter } from './store.ts';
import type { DeviceStatusTable, TelemetryTables } from './tables.ts';

export const DEVICE_TOKEN_PREFIX = 'dt_';

export interface DeviceEntry {
  id: number;
  code: string;
  enterpriseId: number;
  enabled: boolean;
  tags: Map<string, number>;
  loadedAt: number;
}

export interface IngestOutcome {
  ok: boolean;
  points: number;
  reason?: string;
  detail?: string;
  /** The refused field, a JSON pointer into the message (when the refusal concerns one field). */
  path?: string;
}

export interface SeriesPoint {
  ts: number;
  avg: number;
  min: number;
  max: number;
  count: number;
}

/** A device is offline when nothing arrived for this long, or when a transport said so (a Sparkplug death). */
export const OFFLINE_AFTER_MS = 300_000;

type StatusRow = Pick<DeviceStatusTable, 'last_seen_at' | 'via'> & { online: boolean | number };

function statusOf(row: StatusRow | undefined, now: number): { online: boolean; lastSeenAt: number | null; via: string | null } {
  const lastSeenAt = row?.last_seen_at ?? null;
  const online = row !== undefined && isTrue(row.online) && lastSeenAt !== null && now - lastSeenAt < OFFLINE_AFTER_MS;
  return { online, lastSeenAt, via: row?.via ?? null };
}

/** How often a node tells the others which tags it shows live, and how long that holds. */
const WATCH_ANNOUNCE_MS = 10_000;
const WATCH_TTL_MS = 30_000;

/** How long a device's tag list is trusted before it is read again (a new tag works within this). */
const DIRECTORY_TTL_MS = 5_000;

export class TelemetryService {
  readonly committer: GroupCommitter;
  /**
   * Devices by code (and by id) as ingestion checks readings against them, read from the registry
   * and trusted for DIRECTORY_TTL_MS: a disabled or deleted device or tag is refused within that
   * time on every node, as a new tag is accepted (see `ingest`).
   */
  private readonly directory = new Map<string, DeviceEntry>();
  private readonly directoryById = new Map<number, DeviceEntry>();
  /**
   * Emits `tag:<id>` with {ts, value} for every committed reading that someone listens to: those
   * this node commits and, with a distributed bus, those other nodes commit (see `watch`).
   */
  readonly live = new EventEmitter().setMaxListeners(0);
  private readonly errorThrottle = new ErrorThrottle();
  /** Live updates across nodes (a distributed bus only; in one process `live` is all there is). */
  private readonly liveBus: Bus | null;
  private readonly liveNode = randomUUID();
  /** Tags other nodes show live → until when (their announcements expire unless repeated). */
  readonly remoteWatched = new Map<number, number>();
  private readonly liveSubscriptions: BusSubscription[] = [];
  private announceTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly handle: DbHandle,
    readonly registry: RegistryService,
    private readonly audit: AuditStore,
    opts: GroupCommitOptions & { bus?: Bus } = {},
  ) {
    const { bus, ...commit } = opts;
    this.liveBus = bus?.distributed ? bus : null;
    this.compiled = new CompiledQueries(handle.db);
    this.committer = new GroupCommitter(createPointWriter(handle), {
      ...commit,
      onCommitted: (points) => {
        for (const listener of this.committedListeners) {
          // A listener's failure must not cost the live views (or the other listeners) their readings.
          try {
            listener(points);
          } catch {
            /* listeners own their errors; see onCommitted */
          }
        }
        if (this.live.eventNames().length !== 0) {
          for (const p of points) {
            const event = `tag:${p.tagId}`;
            if (this.live.listenerCount(event)) this.live.emit(event, { ts: p.ts, value: p.value });
          }
        }
        // Not an outbox row per reading: one best-effort notification per batch, of watched tags only.
        if (this.remoteWatched.size !== 0) this.shareCommitted(points);
      },
    });
    if (this.liveBus) this.joinLive(this.liveBus);
  }

  private readonly committedListeners = new Set<(points: readonly Point[]) => void>();

  /**
   * Calls `listener` synchronously with every batch this node commits, right after its transaction
   * (the alarm runtime evaluates from here). It runs on the commit path: it must only queue work,
   * never do I/O, and handle its own errors. Returns the function that removes it.
   */
  onCommitted(listener: (points: readonly Point[]) => void): () => void {
    this.committedListeners.add(listener);
    return () => void this.committedListeners.delete(listener);
  }

  /**
   * Raw readings of the given tags with from ≤ ts < to, in (tag, ts) order. For the platform's own
   * work (alarm evaluation, back-tests): no caller context, so callers check visibility first.
   */
  async pointsBetween(tagIds: number[], from: number, to: number): Promise<Point[]> {
    const out: Point[] = [];
    // Chunks keep the IN list under the dialects' bound-parameter limits.
    for (let i = 0; i < tagIds.length; i += 500) {
      const chunk = tagIds.slice(i, i + 500);
      const rows = await this.db
        .selectFrom('points')
        .select(['tag_id', 'ts', 'value'])
        .where('tag_id', 'in', chunk)
        .where('ts', '>=', from)
        .where('ts', '<', to)
        .orderBy('tag_id')
        .orderBy('ts')
        .execute();
      for (const r of rows) out.push({ tagId: r.tag_id, ts: r.ts, value: r.value });
    }
    return out;
  }

  /** The latest reading of each given tag that has one (platform work, no caller context; see pointsBetween). */
  async lastPoints(tagIds: number[]): Promise<Point[]> {
    const out: Point[] = [];
    for (const tagId of tagIds) {
      // One indexed probe per tag: (tag_id, ts) is the points key.
      const row = await this.db.selectFrom('points').select(['ts', 'value']).where('tag_id', '=', tagId).orderBy('ts', 'desc').limit(1).executeTakeFirst();
      if (row) out.push({ tagId, ts: row.ts, value: row.value });
    }
    return out;
  }

  /**
   * Calls `listener` with each reading of the tag as it is committed, on this node or (with a
   * distributed bus) on any other; returns the function that stops it. Best effort: a reading
   * committed while a node is unreachable is not shown live (it is stored all the same).
   */
  watch(tagId: number, listener: (r: { ts: number; value: number }) => void): () => void {
    const event = `tag:${tagId}`;
    const first = this.live.listenerCount(event) === 0;
    this.live.on(event, listener);
    if (first) this.liveBus?.notify('telemetry.live.watching', { node: this.liveNode, tagIds: [tagId], ttlMs: WATCH_TTL_MS });
    return () => void this.live.off(event, listener);
  }

  private joinLive(bus: Bus): void {
    this.liveSubscriptions.push(
      bus.fanout('telemetry.readings.committed', (m) => {
        if (m.node === this.liveNode) return;
        for (const [tagId, ts, value] of m.readings) {
          const event = `tag:${tagId}`;
          if (this.live.listenerCount(event)) this.live.emit(event, { ts, value });
        }
      }),
      bus.fanout('telemetry.live.watching', (m) => {
        if (m.node === this.liveNode) return;
        const until = Date.now() + m.ttlMs;
        for (const id of m.tagIds) this.remoteWatched.set(id, until);
      }),
    );
    this.announceTimer = setInterval(() => this.announceWatching(), WATCH_ANNOUNCE_MS);
    this.announceTimer.unref();
  }

  /** Resolves once this node receives live updates of other nodes (tests). */
  async liveReady(): Promise<void> {
    await Promise.all(this.liveSubscriptions.map((s) => s.ready));
  }

  private announceWatching(now = Date.now()): void {
    for (const [id, until] of this.remoteWatched) if (until < now) this.remoteWatched.delete(id);
    const tagIds: number[] = [];
    for (const name of this.live.eventNames()) if (typeof name === 'string' && name.startsWith('tag:')) tagIds.push(Number(name.slice(4)));
    if (tagIds.length) this.liveBus?.notify('telemetry.live.watching', { node: this.liveNode, tagIds, ttlMs: WATCH_TTL_MS });
  }

  private shareCommitted(points: readonly Point[]): void {
    const now = Date.now();
    let readings: [number, number, number][] | undefined;
    for (const p of points) {
      const until = this.remoteWatched.get(p.tagId);
      if (until !== undefined && until >= now) (readings ??= []).push([p.tagId, p.ts, p.value]);
    }
    if (readings) this.liveBus?.notify('telemetry.readings.committed', { node: this.liveNode, readings });
  }

  /** Points, rollups and statuses are keyed by tag or device; `device_errors` is a tenant's, read through `tenantDb`. */
  private get db() {
    return moduleDb(tablesOf<TelemetryTables>(this.handle.db));
  }

  private readonly compiled: CompiledQueries;

  /** A device by its code, with its tag keys; cached briefly, re-read when stale. */
  async device(code: string, now = Date.now()): Promise<DeviceEntry | undefined> {
    const hit = this.directory.get(code);
    if (hit && now - hit.loadedAt < DIRECTORY_TTL_MS) return hit;
    return this.loadDevice({ code }, now);
  }

  /** A device by its id, as `device` finds one by its code (same cache). */
  async deviceById(id: number, now = Date.now()): Promise<DeviceEntry | undefined> {
    const hit = this.directoryById.get(id);
    if (hit && now - hit.loadedAt < DIRECTORY_TTL_MS) return hit;
    return this.loadDevice({ id }, now);
  }

  private async loadDevice(ref: { code: string } | { id: number }, now: number): Promise<DeviceEntry | undefined> {
    const found = await this.registry.deviceForIngest(ref);
    const stale = 'code' in ref ? this.directory.get(ref.code) : this.directoryById.get(ref.id);
    if (stale) this.forget(stale);
    if (!found) return undefined;
    const entry: DeviceEntry = { ...found, tags: new Map(found.tags.map((t) => [t.key, t.id])), loadedAt: now };
    if (this.directory.size > 50_000) {
      this.directory.clear();
      this.directoryById.clear();
    }
    this.forget(entry);
    this.directory.set(entry.code, entry);
    this.directoryById.set(entry.id, entry);
    return entry;
  }

  /** Drops a device's cached entries (under both keys: a renamed device must not stay reachable by its old code). */
  private forget(entry: Pick<DeviceEntry, 'id' | 'code'>): void {
    const byId = this.directoryById.get(entry.id);
    if (byId) this.directory.delete(byId.code);
    this.directory.delete(entry.code);
    this.directoryById.delete(entry.id);
  }

  /** Issues a new secret for a device (the old one stops working); returned once, stored hashed. */
  async rotateCredentials(ctx: AuthContext, deviceId: number): Promise<{ deviceId: number; username: string; token: string; createdAt: number }> {
    const device = await this.registry.devices.get(ctx, deviceId);
    devicePolicy.assert(ctx, 'update', device.enterpriseId);
    const token = newSecret(DEVICE_TOKEN_PREFIX);
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('device_credentials').where('device_id', '=', deviceId).execute();
      await trx.insertInto('device_credentials').values({ device_id: deviceId, token_hash: sha256(token), created_at: now }).execute();
      await this.audit.append(trx, ctx, { action: 'rotate_credentials', entity: 'device', entityId: deviceId, enterpriseId: device.enterpriseId });
    });
    return { deviceId, username: device.code, token, createdAt: now };
  }

  /** The device whose code and secret these are, or undefined. */
  async authenticateDevice(code: string, token: string): Promise<DeviceEntry | undefined> {
    const device = await this.device(code);
    if (!device || !device.enabled) return undefined;
    const row = await this.db.selectFrom('device_credentials').select('token_hash').where('device_id', '=', device.id).executeTakeFirst();
    return row && row.token_hash === sha256(token) ? device : undefined;
  }

  /** The device a bearer device token belongs to. */
  async deviceForToken(token: string): Promise<DeviceEntry | undefined> {
    const row = await this.db.selectFrom('device_credentials').select('device_id').where('token_hash', '=', sha256(token)).executeTakeFirst();
    if (!row) return undefined;
    const device = await this.deviceById(row.device_id);
    return device?.enabled ? device : undefined;
  }

  /**
   * Validates a message against the device's tags and commits it; resolves once it is stored.
   * A refused message stores nothing and is written to the device's error log.
   */
  async ingest(device: DeviceEntry, payload: unknown, via: string, now = Date.now()): Promise<IngestOutcome> {
    // Validation never throws on wire input; if it ever did, the message is refused, not the connection.
    const parse = (tags: ReadonlyMap<string, number>): ParseResult => {
      try {
        return parseTelemetry(payload, tags, now);
      } catch (err) {
        return { ok: false, reason: 'invalid_payload', detail: `the message could not be read: ${(err as Error).message}`.split('\n')[0] };
      }
    };
    let parsed = parse(device.tags);
    if (!parsed.ok && parsed.reason === 'unknown_tag' && now - device.loadedAt > 1000) {
      // The tag may have been added since the device was cached.
      this.forget(device);
      const fresh = await this.device(device.code, now);
      if (fresh) parsed = parse(fresh.tags);
    }
    if (!parsed.ok) {
      await this.logError(device, via, parsed.reason, parsed.detail, now);
      return { ok: false, points: 0, reason: parsed.reason, detail: parsed.detail, ...(parsed.path !== undefined ? { path: parsed.path } : {}) };
    }
    return this.store(device, parsed.points, via, now);
  }

  /**
   * Commits readings of one device from any source (MQTT and HTTP through ingest, Sparkplug, OPC
   * UA, CSV): every reading passes the same checks (readingProblem), all or nothing. Resolves
   * `ok: false` with the reason, written to the device's error log, when a reading is refused here
   * or by the database; rejects only when the store itself fails (the sender should try again).
   */
  async store(device: Pick<DeviceEntry, 'id' | 'enterpriseId'>, points: Point[], via: string, now = Date.now()): Promise<IngestOutcome> {
    let lastTs = 0;
    for (const p of points) {
      const problem = readingProblem(p.ts, p.value, now);
      if (problem) {
        await this.logError(device, via, problem.reason, problem.detail, now);
        return { ok: false, points: 0, reason: problem.reason, detail: problem.detail };
      }
      if (p.ts > lastTs) lastTs = p.ts;
    }
    if (points.length === 0) return { ok: true, points: 0 };
    try {
      await this.committer.submit(points, { deviceId: device.id, lastTs, via });
    } catch (err) {
      if (!(err instanceof ReadingRefused)) throw err;
      await this.logError(device, via, err.reason, err.detail, now);
      return { ok: false, points: 0, reason: err.reason, detail: err.detail };
    }
    return { ok: true, points: points.length };
  }

  /** Marks a device online or offline (a Sparkplug birth or death certificate). */
  async setOnline(deviceId: number, online: boolean, ts: number, via: string): Promise<void> {
    const hi = this.handle.dialect === 'postgres' ? sql.raw('greatest') : sql.raw('max');
    await sql`insert into device_status (device_id, last_seen_at, online, via) values (${deviceId}, ${ts}, ${online ? 1 : 0}, ${via})
      on conflict (device_id) do update set online = excluded.online, via = excluded.via,
        last_seen_at = ${hi}(coalesce(device_status.last_seen_at, 0), excluded.last_seen_at)`.execute(this.db);
  }

  /**
   * Records why a device's input was refused, for its owner to read. A device that repeats the
   * same mistake gets a few entries a minute, each saying how many like it were left out.
   */
  async logError(device: Pick<DeviceEntry, 'id' | 'enterpriseId'>, source: string, reason: string, detail: string, now = Date.now()): Promise<void> {
    const { write, suppressed } = this.errorThrottle.admit(`${device.id}|${source}|${reason}`, now);
    if (!write) return;
    const more = suppressed ? ` (and ${suppressed} more like it since the last entry)` : '';
    await this.db.insertInto('device_errors').values({ device_id: device.id, enterprise_id: device.enterpriseId, ts: now, source, reason, detail: detail.slice(0, 1000 - more.length) + more }).execute();
  }

  async errors(ctx: AuthContext, deviceId: number, limit = 100) {
    await this.registry.devices.get(ctx, deviceId);
    return tenantDb(this.db, ctx).selectFrom('device_errors').select(['ts', 'source', 'reason', 'detail']).where('device_id', '=', deviceId).orderBy('id', 'desc').limit(limit).execute();
  }

  async status(ctx: AuthContext, deviceId: number, now = Date.now()) {
    await this.registry.devices.get(ctx, deviceId);
    const row = await this.db.selectFrom('device_status').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
    return { deviceId, ...statusOf(row, now) };
  }

  /** Status of every device the caller may see. */
  async statuses(ctx: AuthContext, now = Date.now()) {
    const ids = await this.registry.visibleDeviceIds(ctx);
    if (ids.length === 0) return [];
    // One row per device that ever reported: reading them all is one query of a small table, where
    // an IN list of every visible device would meet the dialects' limits on bound parameters.
    const rows = await this.db.selectFrom('device_status').selectAll().execute();
    const byId = new Map(rows.map((r) => [r.device_id, r]));
    return ids.map((id) => ({ deviceId: id, ...statusOf(byId.get(id), now) }));
  }

  /** Online and last seen of the given devices (the registry's device items show them: RegistryService.provideDeviceStatus). */
  async deviceStatuses(deviceIds: number[], now = Date.now()): Promise<Map<number, { online: boolean; lastSeenAt: number | null }>> {
    const out = new Map<number, { online: boolean; lastSeenAt: number | null }>();
    if (deviceIds.length === 0) return out;
    // On every registry read of devices: the query is built once per page-size bucket.
    const size = bucket(deviceIds.length);
    const rows = await this.compiled.run(
      `device-status:${size}`,
      (slot) => this.db.selectFrom('device_status').selectAll().where('device_id', 'in', Array.from({ length: size }, (_, i) => sql<number>`${slot('ids', i)}`)),
      { ids: padded(deviceIds, size) },
    );
    const byId = new Map(rows.map((r) => [r.device_id, r]));
    for (const id of deviceIds) {
      const { online, lastSeenAt } = statusOf(byId.get(id), now);
      out.set(id, { online, lastSeenAt });
    }
    return out;
  }

  /** The latest reading of each of a device's tags that has one. */
  async deviceLatest(ctx: AuthContext, deviceId: number) {
    await this.registry.devices.get(ctx, deviceId);
    const tags = (await this.registry.deviceForIngest({ id: deviceId }))?.tags ?? [];
    const items: { tagId: number; key: string; ts: number; value: number }[] = [];
    for (const t of tags) {
      const row = await this.db.selectFrom('points').select(['ts', 'value']).where('tag_id', '=', t.id).orderBy('ts', 'desc').limit(1).executeTakeFirst();
      if (row) items.push({ tagId: t.id, key: t.key, ts: row.ts, value: row.value });
    }
    return items;
  }

  async latest(ctx: AuthContext, tagId: number) {
    const tag = await this.registry.tags.get(ctx, tagId);
    const row = await this.db.selectFrom('points').select(['ts', 'value']).where('tag_id', '=', tagId).orderBy('ts', 'desc').limit(1).executeTakeFirst();
    if (!row) throw notFound(`A reading of tag ${tagId}`);
    return { tagId, unit: tag.unit, ts: row.ts, value: row.value };
  }

  /**
   * Buckets of `step` over [from, to), answered from the coarsest resolution that is fine enough.
   * A bucket is labelled with its start, ts - ts % step, so the first one may start before `from`;
   * it holds only readings from `from` on. Where `from` or `to` falls inside a rollup bucket, that
   * edge (from `from` to the first rollup boundary, from the last boundary to `to`) is computed from
   * raw points, exactly; only once raw points are past retention is the whole rollup bucket the
   * edge intersects used instead (it may then hold readings up to one rollup step outside the range).
   */
  async series(ctx: AuthContext, tagId: number, from: number, to: number, step?: number) {
    if (to <= from) throw validation('to must be after from', [{ path: '/query/to', message: 'must be after from' }]);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to > MAX_TS) {
      throw validation('from and to must be epoch milliseconds', [{ path: '/query/from', message: `from and to must lie in [0, ${MAX_TS}]` }]);
    }
    const tag = await this.registry.tags.get(ctx, tagId);
    const stepMs = step ?? defaultStep(from, to);
    if ((to - from) / stepMs > 100_000) throw validation('too many buckets; choose a larger step', [{ path: '/query/step', message: 'gives more than 100000 buckets' }]);
    const resolution: Resolution = resolutionFor(stepMs);
    // Buckets are ts - ts % step (not (ts / step) * step: SQLite binds JS numbers as REAL, so that
    // division would not truncate).
    type Row = { b: number; c: number; s: number; mn: number; mx: number };
    const raw = async (lo: number, hi: number) =>
      (
        await sql<Row>`select ts - (ts % ${stepMs}) as b, count(*) as c, sum(value) as s, min(value) as mn, max(value) as mx
          from points where tag_id = ${tagId} and ts >= ${lo} and ts < ${hi} group by b`.execute(this.db)
      ).rows;
    const rollup = async (lo: number, hi: number) =>
      (
        await sql<Row>`select bucket - (bucket % ${stepMs}) as b, sum(count) as c, sum(sum) as s, min(min) as mn, max(max) as mx
          from rollups where tag_id = ${tagId} and step_ms = ${RESOLUTION_STEP[resolution]} and bucket >= ${lo} and bucket < ${hi} group by b`.execute(this.db)
      ).rows;
    const parts: Row[][] = [];
    if (resolution === 'raw') parts.push(await raw(from, to));
    else {
      const res = RESOLUTION_STEP[resolution];
      const headEnd = Math.min(to, bucketOf(from + res - 1, res)); // the first rollup boundary at or after from
      const tailStart = Math.max(headEnd, bucketOf(to, res)); // the last one at or before to
      parts.push(await rollup(headEnd, tailStart));
      // An edge comes from raw points when they still hold every reading of the rollup bucket it
      // lies in (retention deletes the oldest first), else from that whole rollup bucket.
      let oldestRaw: number | undefined;
      const edge = async (lo: number, hi: number, bucket: number) => {
        const r = await this.db.selectFrom('rollups').select('first_ts').where('tag_id', '=', tagId).where('step_ms', '=', res).where('bucket', '=', bucket).executeTakeFirst();
        if (!r) return [];
        oldestRaw ??= (await this.db.selectFrom('points').select('ts').where('tag_id', '=', tagId).orderBy('ts').limit(1).executeTakeFirst())?.ts ?? Infinity;
        return r.first_ts >= oldestRaw ? raw(lo, hi) : rollup(bucket, bucket + 1);
      };
      if (from < headEnd) parts.push(await edge(from, headEnd, bucketOf(from, res)));
      if (tailStart < to) parts.push(await edge(tailStart, to, tailStart));
    }
    const byBucket = new Map<number, { c: number; s: number; mn: number; mx: number }>();
    for (const rows of parts) {
      for (const { b, c, s, mn, mx } of rows) {
        if (!c) continue;
        const x = byBucket.get(b);
        if (!x) byBucket.set(b, { c, s, mn, mx });
        else Object.assign(x, { c: x.c + c, s: x.s + s, mn: Math.min(x.mn, mn), mx: Math.max(x.mx, mx) });
      }
    }
    const points: SeriesPoint[] = [...byBucket]
      .sort((x, y) => x[0] - y[0])
      .map(([ts, x]) => ({ ts, avg: x.s / x.c, min: x.mn, max: x.mx, count: x.c }));
    return { tagId, unit: tag.unit, from, to, step: stepMs, resolution, points };
  }

  /** Deletes raw readings and device error-log entries older than rawDays, minute rollups older than minuteDays. */
  async applyRetention(rawDays: number, minuteDays: number, now = Date.now()): Promise<{ points: number; minuteRollups: number; deviceErrors: number }> {
    const points = await this.db.deleteFrom('points').where('ts', '<', now - rawDays * DAY).executeTakeFirst();
    const minutes = await this.db.deleteFrom('rollups').where('step_ms', '=', MINUTE).where('bucket', '<', now - minuteDays * DAY).executeTakeFirst();
    const errors = await this.db.deleteFrom('device_errors').where('ts', '<', now - rawDays * DAY).executeTakeFirst();
    return { points: Number(points.numDeletedRows), minuteRollups: Number(minutes.numDeletedRows), deviceErrors: Number(errors.numDeletedRows) };
  }

  async close(): Promise<void> {
    if (this.announceTimer) clearInterval(this.announceTimer);
    this.announceTimer = null;
    await Promise.allSettled(this.liveSubscriptions.map((s) => s.close()));
    await this.committer.close();
  }
}
