/**
 * The server shape's MQTT: devices connect to an external broker (Mosquitto, EMQX), which checks
 * their credentials and topic ACLs; every Symbiont node subscribes to the telemetry topics with a
 * shared subscription, so the broker splits the messages between nodes. Each node acknowledges a
 * message to the broker only once its readings are committed (mqtt.js handleMessage) in a
 * persistent session, so a node that dies leaves its unacknowledged messages to be delivered again.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { TelemetryService } from '../../modules/telemetry/service.ts';
import { TELEMETRY_TOPIC, type BrokerLog } from './embedded.ts';

export const SHARE_GROUP = 'symbiont';

export interface ExternalSubscriber {
  client: MqttClient;
  close(): Promise<void>;
}

export async function subscribeExternal(opts: { url: string; nodeId: string; telemetry: TelemetryService; log: BrokerLog }): Promise<ExternalSubscriber> {
  const { telemetry, log } = opts;
  const client = mqtt.connect(opts.url, {
    clientId: `symbiont-node-${opts.nodeId}`,
    clean: false,
    reconnectPeriod: 2_000,
    connectTimeout: 10_000,
  });
  // mqtt.js sends the PUBACK when handleMessage calls back, so it calls back after the commit.
  client.handleMessage = (packet, callback) => {
    if (packet.cmd !== 'publish') return callback();
    const m = TELEMETRY_TOPIC.exec(packet.topic);
    if (!m) return callback();
    (async () => {
      const device = await telemetry.device(m[1]);
      if (!device || !device.enabled) {
        log.warn({ topic: packet.topic }, 'telemetry for an unknown or disabled device dropped');
        return;
      }
      // A refused message is logged for its device and acknowledged: sending it again cannot help.
      await telemetry.ingest(device, packet.payload as Buffer, 'mqtt');
    })().then(
      () => callback(),
      // Not committed: drop the connection without a PUBACK; the broker delivers it again.
      (err: Error) => {
        log.warn({ err: err.message, topic: packet.topic }, 'telemetry not committed; the broker will deliver it again');
        client.stream.destroy();
      },
    );
  };
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', (err) => reject(new Error(`cannot connect to the MQTT broker at ${opts.url}: ${err.message}`)));
  });
  await client.subscribeAsync(`$share/${SHARE_GROUP}/symbiont/v1/+/telemetry`, { qos: 1 });
  log.info({ url: opts.url }, 'subscribed to the external MQTT broker (shared subscription)');
  return { client, close: () => client.endAsync() };
}
