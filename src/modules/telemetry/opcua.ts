/**
 * OPC UA connectors as part of the platform: one per device, configured through the API, stored
 * with the device, run by every node that starts with connectors on. Readings go through the same
 * group commit as every other transport; a connector whose server is down is retried every minute.
 */
import path from 'node:path';
import type { DbHandle } from '../../adapters/db/index.ts';
import { OpcUaConnector, summarizeError, validateOpcUaConfig, type OpcUaConnectorConfig, type OpcUaLog, type OpcUaReading, type OpcUaStatus } from '../../adapters/opcua/connector.ts';
import { assertMayWrite } from '../../core/crud/service.ts';
import { notFound, validation } from '../../core/errors.ts';
import type { AuthContext } from '../../core/roles.ts';
import type { AuditStore } from '../audit/store.ts';
import { deviceSpec } from '../registry/resources.ts';
import { readingProblem, type Point } from './model.ts';
import type { TelemetryService } from './service.ts';

const RETRY_MS = 60_000;

export interface OpcUaView {
  deviceId: number;
  enabled: boolean;
  /** The configuration without the password. */
  config: Omit<OpcUaConnectorConfig, 'password'> & { hasPassword: boolean };
  status: OpcUaStatus | null;
}

export class OpcUaManager {
  private readonly running = new Map<number, OpcUaConnector>();
  private readonly retries = new Map<number, NodeJS.Timeout>();
  private active = false;

  constructor(
    private readonly handle: DbHandle,
    private readonly telemetry: TelemetryService,
    private readonly audit: AuditStore,
    private readonly opts: { dataDir: string; log: OpcUaLog },
  ) {}

  /** Starts every enabled connector (without waiting for the servers). */
  async startAll(): Promise<void> {
    this.active = true;
    const rows = await this.handle.db.selectFrom('opcua_connectors').select(['device_id', 'config']).where('enabled', '=', 1).execute();
    for (const r of rows) this.launch(Number(r.device_id), JSON.parse(String(r.config)));
  }

  async stopAll(): Promise<void> {
    this.active = false;
    for (const t of this.retries.values()) clearTimeout(t);
    this.retries.clear();
    await Promise.all([...this.running.values()].map((c) => c.stop()));
    this.running.clear();
  }

  async get(ctx: AuthContext, deviceId: number): Promise<OpcUaView> {
    await this.telemetry.registry.devices.get(ctx, deviceId);
    const row = await this.handle.db.selectFrom('opcua_connectors').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
    if (!row) throw notFound(`The OPC UA connector of device ${deviceId}`);
    return this.view(deviceId, JSON.parse(String(row.config)), row.enabled === true || row.enabled === 1);
  }

  /** Creates or replaces a device's connector; it (re)starts at once when enabled. */
  async put(ctx: AuthContext, deviceId: number, body: { enabled?: boolean; config: unknown }): Promise<OpcUaView> {
    const device = await this.telemetry.registry.devices.get(ctx, deviceId);
    assertMayWrite(ctx, deviceSpec, 'update', device.enterpriseId as number);
    const checked = validateOpcUaConfig(body.config);
    if (!checked.ok) throw validation('The OPC UA configuration is invalid', checked.errors.map((e) => ({ path: `/body/config${e.path}`, message: e.message })));
    const tags = new Set((await this.handle.db.selectFrom('tags').select('key').where('device_id', '=', deviceId).execute()).map((t) => String(t.key)));
    const unknown = checked.config.mappings.map((m, i) => [m, i] as const).filter(([m]) => !tags.has(m.tagKey));
    if (unknown.length) {
      throw validation('Some mappings name tags the device does not have', unknown.map(([m, i]) => ({ path: `/body/config/mappings/${i}/tagKey`, message: `no tag "${m.tagKey}" on this device` })));
    }
    const enabled = body.enabled ?? true;
    const now = Date.now();
    await this.handle.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('opcua_connectors').select('config').where('device_id', '=', deviceId).executeTakeFirst();
      await trx.deleteFrom('opcua_connectors').where('device_id', '=', deviceId).execute();
      await trx.insertInto('opcua_connectors').values({ device_id: deviceId, config: JSON.stringify(checked.config), enabled: enabled ? 1 : 0, updated_at: now }).execute();
      await this.audit.append(trx, ctx, {
        action: before ? 'update' : 'create',
        entity: 'opcua_connector',
        entityId: deviceId,
        enterpriseId: device.enterpriseId as number,
        before: before ? redact(JSON.parse(String(before.config))) : null,
        after: { enabled, ...redact(checked.config) },
      });
    });
    await this.halt(deviceId);
    if (enabled && this.active) this.launch(deviceId, checked.config);
    return this.view(deviceId, checked.config, enabled);
  }

  async remove(ctx: AuthContext, deviceId: number): Promise<void> {
    const device = await this.telemetry.registry.devices.get(ctx, deviceId);
    assertMayWrite(ctx, deviceSpec, 'update', device.enterpriseId as number);
    await this.handle.db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('opcua_connectors').where('device_id', '=', deviceId).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw notFound(`The OPC UA connector of device ${deviceId}`);
      await this.audit.append(trx, ctx, { action: 'delete', entity: 'opcua_connector', entityId: deviceId, enterpriseId: device.enterpriseId as number });
    });
    await this.halt(deviceId);
  }

  private view(deviceId: number, config: OpcUaConnectorConfig, enabled: boolean): OpcUaView {
    const { password, ...rest } = config;
    return { deviceId, enabled, config: { ...rest, hasPassword: password !== undefined }, status: this.running.get(deviceId)?.status() ?? null };
  }

  private async halt(deviceId: number): Promise<void> {
    clearTimeout(this.retries.get(deviceId));
    this.retries.delete(deviceId);
    const c = this.running.get(deviceId);
    this.running.delete(deviceId);
    await c?.stop();
  }

  private launch(deviceId: number, config: OpcUaConnectorConfig): void {
    const connector = new OpcUaConnector(config, (readings) => this.sink(deviceId, readings), this.opts.log, {
      pkiDir: path.join(this.opts.dataDir, 'opcua-pki'),
    });
    this.running.set(deviceId, connector);
    connector.start().catch((err: Error) => {
      this.opts.log.warn({ deviceId, err: summarizeError(err).message }, 'OPC UA connector did not start; retrying in a minute');
      if (!this.active || this.running.get(deviceId) !== connector) return;
      this.retries.set(
        deviceId,
        setTimeout(() => {
          if (this.running.get(deviceId) === connector) this.launch(deviceId, config);
        }, RETRY_MS).unref(),
      );
    });
  }

  /**
   * Stores a connector's readings; rejects only when the store fails, so the connector retries.
   * Each reading passes the checks every source does (readingProblem): one a server stamps badly
   * (a source timestamp of 1601, the OPC UA null date) or reports out of range is left out and
   * logged for the device, once per batch; the others are stored.
   */
  private async sink(deviceId: number, readings: OpcUaReading[]): Promise<void> {
    const code = await this.handle.db.selectFrom('devices').select('code').where('id', '=', deviceId).executeTakeFirst();
    const device = code ? await this.telemetry.device(String(code.code)) : undefined;
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

function redact(config: OpcUaConnectorConfig): Omit<OpcUaConnectorConfig, 'password'> {
  const { password: _p, ...rest } = config;
  return rest;
}
