/**
 * The embedded shape's MQTT broker (Aedes, MQTT 3.1.1). Devices log in with their code and secret
 * and may publish only to their own topics. A telemetry PUBLISH (QoS 1) is acknowledged only
 * after its readings are committed: Aedes sends the PUBACK once `authorizePublish` calls back, and
 * it calls back from the group commit. A message that fails validation stores nothing and goes to
 * the device's error log (MQTT 3.1.1 has no negative PUBACK; the device is not disconnected, so one
 * bad reading does not cut off the good ones that follow).
 *
 * A PUBLISH to a topic the device may not use (another device's) is acknowledged like any other
 * (PUBACK at QoS 1, PUBREC at QoS 2) but neither stored, retained nor forwarded, and the refusal
 * is written to the device's error log: dropping the connection would only make a QoS 1 device
 * send it again, and its owner would have no clue why. A SUBSCRIBE to a topic it may not read is
 * answered with the failure return code 0x80 for that topic (MQTT 3.1.1 §3.9.3), also logged.
 */
import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import type { TelemetryService, DeviceEntry } from '../../modules/telemetry/service.ts';
import { SparkplugIngest } from '../../modules/telemetry/sparkplug-ingest.ts';

export const TELEMETRY_TOPIC = /^symbiont\/v1\/([a-z0-9][a-z0-9-]{0,63})\/telemetry$/;

/**
 * Where a refused PUBLISH goes once acknowledged: Aedes routes what authorizePublish lets through,
 * so the packet is redirected here, a topic no device may subscribe to, and not retained.
 */
const REFUSED_TOPIC = '$symbiont/refused';

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

  /** Answers a PUBLISH after the ones before it on the same connection (MQTT-4.6.0-2: acks in order). */
  const inOrder = (client: PipelinedClient, work: Promise<unknown>, finish: (err: Error | null) => void) => {
    const previous = client.ackChain ?? Promise.resolve();
    client.ackChain = previous.then(() => work).then(
      () => finish(null),
      (err: Error) => finish(err),
    );
  };

  /** Acknowledges a PUBLISH the device may not make without storing or forwarding it, and logs why. */
  const refusePublish = (client: PipelinedClient, device: DeviceEntry, packet: { topic: string; retain: boolean }, done: (err?: Error | null) => void) => {
    const topic = packet.topic;
    const logged = telemetry
      .logError(device, 'mqtt', 'not_authorized', `may not publish to ${topic.slice(0, 200)}: a device publishes to symbiont/v1/${device.code}/telemetry (or, as a Sparkplug edge node, spBv1.0/{group}/{type}/${device.code}/…) only; the message was acknowledged and dropped`)
      .catch((err: Error) => log.warn({ device: device.code, topic, err: err.message }, 'MQTT publish refusal not logged'));
    log.warn({ device: device.code, topic }, 'MQTT publish to a topic of another device refused');
    inOrder(client, logged, () => {
      packet.topic = REFUSED_TOPIC;
      packet.retain = false;
      done(null);
    });
  };

  broker.authorizePublish = (client: DeviceClient | null, packet, done) => {
    const device = client?.device;
    if (!client || !device) return done(new Error(`an unauthenticated client may not publish to ${packet.topic}`));
    const c = client as PipelinedClient;
    if (packet.topic.startsWith('spBv1.0/')) {
      // An edge node publishes (and leaves its NDEATH as will) under its own edge node id only.
      const edgeNode = packet.topic.split('/')[3];
      if (edgeNode !== device.code) return refusePublish(c, device, packet, done);
      inOrder(c, sparkplug.handle(device, packet.topic, packet.payload as Buffer), done);
      return;
    }
    const m = TELEMETRY_TOPIC.exec(packet.topic);
    if (!m || m[1] !== device.code) return refusePublish(c, device, packet, done);
    const pipelined = releaseReadGate(c);
    const finish = (err: Error | null) => {
      if (pipelined) {
        c.awaitingCommit!--;
        c._parsingBatch++;
      }
      done(err);
    };
    // Acknowledge in the order received; not committed (the store failed): close the connection
    // without a PUBACK, so the device sends it again. A refused reading resolves (and is acked).
    inOrder(c, telemetry.ingest(device, packet.payload as Buffer, 'mqtt'), finish);
  };

  broker.authorizeSubscribe = (client: DeviceClient, sub, done) => {
    const device = client.device;
    const code = device?.code;
    if (code && sub.topic.startsWith(`symbiont/v1/${code}/`)) return done(null, sub);
    // A Sparkplug edge node listens for commands to itself and its devices, and for host state.
    const sp = sub.topic.split('/');
    if (code && sp[0] === 'spBv1.0' && ((sp[2] === 'NCMD' || sp[2] === 'DCMD') && sp[3] === code || sp[1] === 'STATE')) return done(null, sub);
    if (!device) return done(new Error('an unauthenticated client may not subscribe'), null);
    // Refused for this topic only (granted QoS 0x80); the connection and its other subscriptions stay.
    log.warn({ device: code, topic: sub.topic }, 'MQTT subscription to a topic of another device refused');
    // aedes' callback API: the refusal is answered once the log write settled; its failure is caught.
    void telemetry
      .logError(device, 'mqtt', 'not_authorized', `may not subscribe to ${sub.topic.slice(0, 200)}: a device subscribes to symbiont/v1/${code}/… (and, as a Sparkplug edge node, to its NCMD/DCMD and STATE) only`)
      .catch((err: Error) => log.warn({ device: code, err: err.message }, 'MQTT subscription refusal not logged'))
      .then(() => done(null, null));
  };

  // Aedes reads a connection's next chunk only once every PUBLISH in the last one is committed;
  // large chunks let a steady stream ride along in one commit instead of queuing behind many.
  const server = net.createServer({ highWaterMark: 1 << 20 }, broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      // The broker's heartbeat timers would otherwise keep the process alive after its close.
      broker.close();
      reject(err.code === 'EADDRINUSE' ? new MqttPortInUseError(`MQTT port ${opts.port} is already in use (another broker?); choose another with --mqtt-port`) : err);
    });
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
