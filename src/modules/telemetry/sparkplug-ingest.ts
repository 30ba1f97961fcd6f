/**
 * Sparkplug B into the store. An edge node logs in as a gateway device (its Symbiont code is the
 * Sparkplug edge node id); the Sparkplug device ids under it are Symbiont device codes of the same
 * enterprise, and metric names are tag keys. Metrics with no matching tag are logged, not stored,
 * except the metrics Sparkplug itself defines (`bdSeq`, `Node Control/*`, `Device Control/*`,
 * `Node Info/*`, `Device Info/*`, `Properties/*`): they are the protocol's, not measurements.
 * Readings pass the same checks as every other source (TelemetryService.store).
 */
import type { Point } from './model.ts';
import type { DeviceEntry, TelemetryService } from './service.ts';
import { SparkplugSessions, type SparkplugEvent } from './sparkplug.ts';

/** A metric the Sparkplug specification defines for its own use (never a tag: tag keys are lower case). */
export function isSparkplugControlMetric(name: string): boolean {
  return name === 'bdSeq' || /^(Node|Device) (Control|Info)\//.test(name) || name.startsWith('Properties/');
}

export class SparkplugIngest {
  private readonly sessions = new SparkplugSessions();

  constructor(private readonly telemetry: TelemetryService) {}

  /** Handles one message of an authenticated edge node; resolves once its readings are committed. */
  async handle(gateway: DeviceEntry, topic: string, payload: Uint8Array, now = Date.now()): Promise<void> {
    const events = this.sessions.handle(topic, payload, now);
    for (const e of events) await this.apply(gateway, e, now);
  }

  private async target(gateway: DeviceEntry, code: string | undefined): Promise<DeviceEntry | undefined> {
    if (code === undefined || code === gateway.code) return gateway;
    const device = await this.telemetry.device(code);
    // A gateway speaks only for devices of its own enterprise.
    return device && device.enterpriseId === gateway.enterpriseId ? device : undefined;
  }

  private async apply(gateway: DeviceEntry, e: SparkplugEvent, now: number): Promise<void> {
    switch (e.kind) {
      case 'readings': {
        const byDevice = new Map<string | undefined, typeof e.readings>();
        for (const r of e.readings) byDevice.set(r.device, [...(byDevice.get(r.device) ?? []), r]);
        for (const [code, readings] of byDevice) {
          const device = await this.target(gateway, code);
          if (!device) {
            await this.telemetry.logError(gateway, 'sparkplug', 'unknown_device', `Sparkplug device ${code} is not a device of this enterprise`, now);
            continue;
          }
          const points: Point[] = [];
          const unknown = new Set<string>();
          for (const r of readings) {
            if (isSparkplugControlMetric(r.metric)) continue;
            const tagId = device.tags.get(r.metric);
            if (tagId === undefined) unknown.add(r.metric);
            else points.push({ tagId, ts: r.ts, value: r.value });
          }
          if (unknown.size) await this.telemetry.logError(device, 'sparkplug', 'unknown_tag', `metrics without a tag: ${[...unknown].slice(0, 10).join(', ')}`, now);
          if (points.length) await this.telemetry.store(device, points, 'sparkplug');
        }
        return;
      }
      case 'online':
      case 'offline': {
        const device = await this.target(gateway, e.device);
        if (device) await this.telemetry.setOnline(device.id, e.kind === 'online', e.ts, 'sparkplug');
        return;
      }
      case 'sequence-gap':
        await this.telemetry.logError(gateway, 'sparkplug', 'sequence_gap', `expected seq ${e.expected}, received ${e.received}`, now);
        return;
      case 'rejected': {
        const device = (await this.target(gateway, e.device)) ?? gateway;
        await this.telemetry.logError(device, 'sparkplug', 'rejected', e.reason, now);
        return;
      }
    }
  }
}
