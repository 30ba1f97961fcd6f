/**
 * The embedded shape's MQTT broker (Aedes, MQTT 3.1.1). Devices log in with their code and secret
 * and may publish only to their own topics. A telemetry PUBLISH (QoS 1) is acknowledged only
 * after its readings are committed: Aedes sends the PUBACK once `authorizePublish` calls back, and
 * it calls back from the group commit. A message that fails validation stores nothing and goes to
 * the device's error log (MQTT 3.1.1 has no negative PUBACK; the device is not disconnected, so one
 * bad reading does not cut off the good ones that follow).
 */
import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import type { TelemetryService, DeviceEntry } from '../../modules/telemetry/service.ts';
import { SparkplugIngest } from '../../modules/telemetry/sparkplug-ingest.ts';

export const TELEMETRY_TOPIC = /^symbiont\/v1\/([a-z0-9][a-z0-9-]{0,63})\/telemetry$/;

export interface BrokerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface EmbeddedBroker {
  port: number;
  close(): Promise<void>;
}

type DeviceClient = Client & { device?: DeviceEntry };

/**
 * Aedes internals this module relies on (pinned aedes 1.2): a connection's next socket chunk is
 * read when `_parsingBatch`, the count of its packets still being handled, drops to zero through
 * `_nextBatch()`. A PUBLISH waits for its commit before Aedes sends the PUBACK, so without help
 * a connection's stream would advance one chunk per commit.
 */
interface PipelinedClient extends DeviceClient {
  _parsingBatch: number;
  _paused: boolean;
  _nextBatch(): void;
  ackChain?: Promise<void>;
  awaitingCommit?: number;
}

/** How many of one connection's PUBLISHes may wait for their commit while it keeps reading. */
const MAX_AWAITING_COMMIT = 1_000;

/**
 * Lets the connection read on while this PUBLISH waits for its commit: the packet stops counting
 * towards the chunk now and counts again just before Aedes finishes it (so the books balance).
 * Bounded per connection, so a store that falls behind pushes back on the device.
 */
function releaseReadGate(client: PipelinedClient): boolean {
  if (client._paused || typeof client._nextBatch !== 'function' || typeof client._parsingBatch !== 'number') return false;
  if ((client.awaitingCommit ?? 0) >= MAX_AWAITING_COMMIT) return false;
  client.awaitingCommit = (client.awaitingCommit ?? 0) + 1;
  client._nextBatch();
  return true;
}

export class MqttPortInUseError extends Error {
  override name = 'MqttPortInUseError';
}

export async function startEmbeddedBroker(opts: { port: number; host: string; telemetry: TelemetryService; log: BrokerLog }): Promise<EmbeddedBroker> {
  const { telemetry, log } = opts;
  const broker = await Aedes.createBroker({ maxClientsIdLength: 128, drainTimeout: 30_000 });

  broker.authenticate = (client: DeviceClient, username, password, done) => {
    if (!username || !password) return done(Object.assign(new Error('device code and secret required'), { returnCode: 4 }), false);
    telemetry
      .authenticateDevice(username, password.toString())
      .then((device) => {
        if (!device) {
          log.warn({ device: username }, 'MQTT log-in refused');
          return done(Object.assign(new Error('bad device code or secret'), { returnCode: 4 }), false);
        }
        client.device = device;
        done(null, true);
      })
      .catch((err) => done(err, false));
  };

  const sparkplug = new SparkplugIngest(telemetry);
  broker.authorizePublish = (client: DeviceClient | null, packet, done) => {
    const device = client?.device;
    if (packet.topic.startsWith('spBv1.0/')) {
      // An edge node publishes (and leaves its NDEATH as will) under its own edge node id only.
      const edgeNode = packet.topic.split('/')[3];
      if (!device || edgeNode !== device.code) return done(new Error(`device ${device?.code ?? '?'} may not publish to ${packet.topic}`));
      sparkplug
        .handle(device, packet.topic, packet.payload as Buffer)
        .then(() => done(null))
        .catch((err: Error) => done(err));
      return;
    }
    const m = TELEMETRY_TOPIC.exec(packet.topic);
    if (!device || !m || m[1] !== device.code) {
      return done(new Error(`device ${device?.code ?? '?'} may not publish to ${packet.topic}`));
    }
    const pipelined = releaseReadGate(client as PipelinedClient);
    const finish = (err: Error | null) => {
      if (pipelined) {
        (client as PipelinedClient).awaitingCommit!--;
        (client as PipelinedClient)._parsingBatch++;
      }
      done(err);
    };
    // Acknowledge in the order received (MQTT-4.6.0-2): each PUBACK waits for the one before it.
    const c = client as PipelinedClient;
    const previous = c.ackChain ?? Promise.resolve();
    const committed = telemetry.ingest(device, packet.payload as Buffer, 'mqtt');
    c.ackChain = previous
      .then(() => committed)
      .then(
        () => finish(null),
        // Not committed: close the connection without a PUBACK, so the device sends it again.
        (err: Error) => finish(err),
      );
  };

  broker.authorizeSubscribe = (client: DeviceClient, sub, done) => {
    const code = client.device?.code;
    if (code && sub.topic.startsWith(`symbiont/v1/${code}/`)) return done(null, sub);
    // A Sparkplug edge node listens for commands to itself and its devices, and for host state.
    const sp = sub.topic.split('/');
    if (code && sp[0] === 'spBv1.0' && ((sp[2] === 'NCMD' || sp[2] === 'DCMD') && sp[3] === code || sp[1] === 'STATE')) return done(null, sub);
    done(new Error(`device ${code ?? '?'} may subscribe to its own topics only`), null);
  };

  // Aedes reads a connection's next chunk only once every PUBLISH in the last one is committed;
  // large chunks let a steady stream ride along in one commit instead of queuing behind many.
  const server = net.createServer({ highWaterMark: 1 << 20 }, broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new MqttPortInUseError(`MQTT port ${opts.port} is already in use (another broker?); choose another with --mqtt-port`) : err),
    );
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  log.info({ port }, 'MQTT broker listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        broker.close(() => server.close(() => resolve()));
        // Connected clients keep the server open; Aedes closes them, the timeout is a last resort.
        setTimeout(resolve, 2000).unref();
      }),
  };
}
