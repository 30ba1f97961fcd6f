/**
 * OPC UA connectors as part of the platform: one per device, configured through the API, stored
 * with the device. Each connector runs on exactly one node: the one holding its lease
 * `opcua:<deviceId>` (src/core/worker.ts); when that node stops the lease is released and another
 * node takes the connector over at once, when it dies the lease expires first. Every node compares
 * its jobs with the stored connectors every few seconds, so a change made through any node reaches
 * the node that runs the connector. Readings go through the same group commit as every other
 * transport; a connector whose server is down is retried every minute.
 */
import path from 'node:path';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { LeaseStore } from '../../adapters/db/leases.ts';
import { isTrue } from '../../adapters/db/tables.ts';
import { mappingProblems } from '../../adapters/opcua/config.ts';
import { OpcUaConnector, summarizeError, type OpcUaConnectorConfig, type OpcUaLog, type OpcUaReading, type OpcUaStatus } from '../../adapters/opcua/connector.ts';
import { notFound, validation } from '../../core/errors.ts';
import { isHeld } from '../../core/lease.ts';
import type { AuthContext } from '../../core/roles.ts';
import { moduleDb } from '../../core/tenancy.ts';
import { aborted, type ExclusiveOptions, type Job, type Worker } from '../../core/worker.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { devicePolicy } from '../registry/policy.ts';
import { readingProblem, type Point } from './model.ts';
import type { TelemetryService } from './service.ts';
import type { TelemetryTables } from './tables.ts';

const RETRY_MS = 60_000;

/**
 * How a node holds a connector: renewed every 10 s; another node takes it over within 5 s of a clean
 * stop (the lease released) and within 35 s of a crash (the lease expired).
 */
export const OPCUA_LEASE: ExclusiveOptions = { leaseMs: 30_000, heartbeatMs: 10_000, retryMs: 5_000 };
/** How often a node compares its connector jobs with the stored connectors. */
const SYNC_MS = 5_000;

export interface OpcUaView {
  deviceId: number;
  enabled: boolean;
  /** The configuration without the password. */
  config: Omit<OpcUaConnectorConfig, 'password'> & { hasPassword: boolean };
  /** The node running the connector now (the holder of its lease), or null when none does. */
  node: string | null;
  /** The connector's status, as the node running it sees it; null when another node (or none) runs it. */
  status: OpcUaStatus | null;
}

interface Entry {
  /** The stored configuration the job was started with (a change restarts it). */
  version: string;
  job: Job;
  /** The connector while this node runs it. */
  connector: OpcUaConnector | null;
}

export class OpcUaManager {
  private readonly entries = new Map<number, Entry>();
  private readonly leases: LeaseStore;
  private active = false;
  private syncTimer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly handle: DbHandle,
    private readonly telemetry: TelemetryService,
    private readonly audit: AuditStore,
    private readonly opts: { dataDir: string; log: OpcUaLog; worker: Worker; lease?: Partial<ExclusiveOptions>; syncMs?: number },
  ) {
    this.leases = new LeaseStore(handle.db);
  }

  private get db() {
    return moduleDb(tablesOf<TelemetryTables>(this.handle.db));
  }

  /** This node's id in the connectors' leases. */
  get nodeId(): string {
    return this.opts.worker.nodeId;
  }

  /** Takes part in running the enabled connectors (without waiting for the servers): each runs on the node holding its lease. */
  async startAll(): Promise<void> {
    this.active = true;
    await this.sync();
    this.syncTimer = setInterval(() => void this.sync(), this.opts.syncMs ?? SYNC_MS);
    this.syncTimer.unref();
  }

  /** Stops this node's connectors and gives their leases up, so other nodes take them over at once. */
  async stopAll(): Promise<void> {
    this.active = false;
    if (this.syncTimer) clearInterval(this.syncTimer);
    this.syncTimer = null;
    await this.syncing;
    await Promise.all([...this.entries.keys()].map((id) => this.halt(id)));
  }

  /**
   * Brings this node's jobs in line with the stored connectors: one job per enabled connector
   * (running here or waiting for its lease), restarted when its configuration changed, stopped when
   * it was disabled or removed. Serialised; errors are logged.
   */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(async () => {
      if (!this.active) return;
      try {
        const rows = await this.db.selectFrom('opcua_connectors').select(['device_id', 'config', 'updated_at']).where('enabled', '=', 1).execute();
        const want = new Map(rows.map((r) => [r.device_id, `${r.updated_at}:${r.config}`]));
        for (const [id, e] of [...this.entries]) if (want.get(id) !== e.version) await this.halt(id);
        for (const [id, version] of want) if (!this.entries.has(id) && this.active) this.launch(id, version);
      } catch (err) {
        this.opts.log.warn({ err: (err as Error).message }, 'OPC UA: reading the configured connectors failed');
      }
    });
    return this.syncing;
  }

  async get(ctx: AuthContext, deviceId: number): Promise<OpcUaView> {
    await this.telemetry.registry.devices.get(ctx, deviceId);
    const row = await this.db.selectFrom('opcua_connectors').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
    if (!row) throw notFound(`The OPC UA connector of device ${deviceId}`);
    return this.view(deviceId, storedConfig(row.config), isTrue(row.enabled));
  }

  /**
   * Creates or replaces a device's connector; it (re)starts at once when enabled. The config's shape
   * is the route's schema's to check (adapters/opcua/config.ts); here what it cannot say: each node
   * and tag mapped once, and only tags the device has.
   */
  async put(ctx: AuthContext, deviceId: number, body: { enabled?: boolean; config: OpcUaConnectorConfig }): Promise<OpcUaView> {
    const device = await this.telemetry.registry.devices.get(ctx, deviceId);
    devicePolicy.assert(ctx, 'update', device.enterpriseId);
    const config = body.config;
    const twice = mappingProblems(config.mappings);
    if (twice.length) throw validation('The OPC UA configuration is invalid', twice.map((e) => ({ path: `/body/config${e.path}`, message: e.message })));
    const tags = new Set((await this.telemetry.registry.deviceForIngest({ id: deviceId }))?.tags.map((t) => t.key));
    const unknown = config.mappings.map((m, i) => [m, i] as const).filter(([m]) => !tags.has(m.tagKey));
    if (unknown.length) {
      throw validation('Some mappings name tags the device does not have', unknown.map(([m, i]) => ({ path: `/body/config/mappings/${i}/tagKey`, message: `no tag "${m.tagKey}" on this device` })));
    }
    const enabled = body.enabled ?? true;
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('opcua_connectors').select('config').where('device_id', '=', deviceId).executeTakeFirst();
      await trx.deleteFrom('opcua_connectors').where('device_id', '=', deviceId).execute();
      await trx.insertInto('opcua_connectors').values({ device_id: deviceId, config: JSON.stringify(config), enabled: enabled ? 1 : 0, updated_at: now }).execute();
      await this.audit.append(trx, ctx, {
        action: before ? 'update' : 'create',
        entity: 'opcua_connector',
        entityId: deviceId,
        enterpriseId: device.enterpriseId,
        before: before ? redact(storedConfig(before.config)) : null,
        after: { enabled, ...redact(config) },
      });
    });
    await this.sync();
    return this.view(deviceId, config, enabled);
  }

  async remove(ctx: AuthContext, deviceId: number): Promise<void> {
    const device = await this.telemetry.registry.devices.get(ctx, deviceId);
    devicePolicy.assert(ctx, 'update', device.enterpriseId);
    await this.db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('opcua_connectors').where('device_id', '=', deviceId).executeTakeFirst();
      if (r.numDeletedRows === 0n) throw notFound(`The OPC UA connector of device ${deviceId}`);
      await this.audit.append(trx, ctx, { action: 'delete', entity: 'opcua_connector', entityId: deviceId, enterpriseId: device.enterpriseId });
    });
    await this.sync();
  }

  private async view(deviceId: number, config: OpcUaConnectorConfig, enabled: boolean): Promise<OpcUaView> {
    const { password, ...rest } = config;
    const lease = await this.leases.get(leaseKey(deviceId));
    const node = lease && isHeld(lease, Date.now()) ? lease.owner : null;
    return { deviceId, enabled, config: { ...rest, hasPassword: password !== undefined }, node, status: this.entries.get(deviceId)?.connector?.status() ?? null };
  }

  /** Stops this node's job of a connector (its lease released when this node held it). */
  private async halt(deviceId: number): Promise<void> {
    const e = this.entries.get(deviceId);
    this.entries.delete(deviceId);
    await e?.job.stop();
  }

  private launch(deviceId: number, version: string): void {
    const entry = { version, connector: null } as Omit<Entry, 'job'> as Entry;
    this.entries.set(deviceId, entry);
    entry.job = this.opts.worker.runExclusive(leaseKey(deviceId), { ...OPCUA_LEASE, ...this.opts.lease }, (signal) => this.run(deviceId, entry, signal));
  }

  /** Runs a connector while this node holds its lease: started (again every minute while its server is down), stopped when the signal fires. */
  private async run(deviceId: number, entry: Entry, signal: AbortSignal): Promise<void> {
    const row = await this.db.selectFrom('opcua_connectors').select('config').where('device_id', '=', deviceId).where('enabled', '=', 1).executeTakeFirst();
    if (!row) return;
    const config = storedConfig(row.config);
    try {
      while (!signal.aborted) {
        await entry.connector?.stop(); // the one whose start failed
        const connector = new OpcUaConnector(config, (readings) => this.sink(deviceId, readings), this.opts.log, {
          pkiDir: path.join(this.opts.dataDir, 'opcua-pki'),
        });
        entry.connector = connector;
        const started = connector.start();
        started.catch(() => {});
        try {
          await Promise.race([started, aborted(signal)]);
        } catch (err) {
          this.opts.log.warn({ deviceId, err: summarizeError(err as Error).message }, 'OPC UA connector did not start; retrying in a minute');
          await pause(RETRY_MS, signal);
          continue;
        }
        this.opts.log.info({ deviceId, node: this.nodeId }, 'OPC UA connector runs on this node');
        await aborted(signal);
      }
    } finally {
      await entry.connector?.stop();
      entry.connector = null;
    }
  }

  /**
   * Stores a connector's readings; rejects only when the store fails, so the connector retries.
   * Each reading passes the checks every source does (readingProblem): one a server stamps badly
   * (a source timestamp of 1601, the OPC UA null date) or reports out of range is left out and
   * logged for the device, once per batch; the others are stored.
   */
  private async sink(deviceId: number, readings: OpcUaReading[]): Promise<void> {
    const device = await this.telemetry.deviceById(deviceId);
    if (!device) return;
    const now = Date.now();
    const points: Point[] = [];
    const refused = new Map<string, { detail: string; count: number }>();
    for (const r of readings) {
      const tagId = device.tags.get(r.tagKey);
      if (tagId === undefined) continue;
      const problem = readingProblem(r.ts, r.value, now, { ts: `${r.tagKey} source timestamp`, value: r.tagKey });
      if (problem) {
        const seen = refused.get(problem.reason);
        if (seen) seen.count++;
        else refused.set(problem.reason, { detail: problem.detail, count: 1 });
        continue;
      }
      points.push({ tagId, ts: r.ts, value: r.value });
    }
    for (const [reason, { detail, count }] of refused) {
      await this.telemetry.logError(device, 'opcua', reason, count > 1 ? `${detail} (and ${count - 1} more readings like it in this batch)` : detail, now);
    }
    if (points.length) await this.telemetry.store(device, points, 'opcua', now);
  }
}

function leaseKey(deviceId: number): string {
  return `opcua:${deviceId}`;
}

/** Waits `ms` (an unref'd timer) or until the signal fires. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A stored config: written by `put` after the route's schema checked it (the connector checks it again on start). */
function storedConfig(json: string): OpcUaConnectorConfig {
  const config: OpcUaConnectorConfig = JSON.parse(json);
  return config;
}

function redact(config: OpcUaConnectorConfig): Omit<OpcUaConnectorConfig, 'password'> {
  const { password: _p, ...rest } = config;
  return rest;
}
