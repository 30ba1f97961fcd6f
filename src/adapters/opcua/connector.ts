/**
 * OPC UA client connector: subscribes to the variables of one OPC UA server (a PLC, a DCS, a SCADA
 * gateway) and hands their numeric values to a sink in batches. One connector = one server
 * endpoint = one client, one session, one subscription with a monitored item per mapping.
 *
 * - Values: Double, Float, the Int and UInt types and Boolean (1/0) are readings; any other type, an
 *   array, a non-finite number or a Bad status is reported in `status().badNodes`, not stored. A
 *   node the server refuses (BadNodeIdUnknown, BadNotReadable…) is reported too; the others go on.
 * - Time: a reading's `ts` is the value's sourceTimestamp, else its serverTimestamp, else now.
 * - Sink: readings are buffered and flushed every samplingInterval, or at once at 500. The sink is
 *   called one batch at a time; a batch it rejects stays at the head of the buffer and is offered
 *   again with a backoff. The buffer holds at most 100,000 readings: past that the oldest are
 *   dropped, counted in `status().dropped` and logged. (node-opcua acknowledges notifications to the
 *   server by itself, so the server cannot send them again: this buffer is the only copy.)
 * - Connection loss: node-opcua reconnects without end (backoff up to `retry.maxDelayMs`), then
 *   reactivates the session or creates a new one, transfers the subscription or creates it again
 *   with its monitored items. The state is 'reconnecting' until that is done.
 * - node-opcua is loaded on the first start(), so a platform with no OPC UA device does not pay for
 *   loading it.
 */
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import type {
  ClientMonitoredItemBase,
  ClientMonitoredItemGroup,
  ClientSession,
  ClientSubscription,
  DataValue,
  OPCUAClient,
  StatusCode,
  UserIdentityInfo,
} from 'node-opcua';
import { checkOpcUaConfig, type OpcUaConnectorConfig } from './config.ts';

export { SECURITY_MODES, SECURITY_POLICIES, type OpcUaConnectorConfig, type OpcUaMapping } from './config.ts';

type NodeOpcua = typeof import('node-opcua');

export interface OpcUaReading {
  tagKey: string;
  /** epoch ms: sourceTimestamp, else serverTimestamp, else the time it arrived */
  ts: number;
  value: number;
}

/** Resolves once the readings are stored; rejects when they are not (they are offered again). */
export type OpcUaSink = (readings: OpcUaReading[]) => Promise<void>;

export interface OpcUaBadNode {
  nodeId: string;
  reason: string;
}

export interface OpcUaStatus {
  state: 'connecting' | 'connected' | 'reconnecting' | 'stopped' | 'failed';
  /** The last connection, session or sink error; kept after recovery, for the record. */
  lastError?: string;
  /** When the last numeric reading arrived from the server (epoch ms). */
  lastDataAt?: number;
  badNodes: OpcUaBadNode[];
  /** Readings waiting for the sink. */
  buffered: number;
  /** Readings dropped because the buffer was full (the sink failed for too long), since construction. */
  dropped: number;
  /** True while the last sink call failed and its readings wait for the next try. */
  sinkFailing: boolean;
}

export interface OpcUaLog {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
}

export interface OpcUaConnectorOptions {
  /**
   * The client's PKI folder: its own certificate and key (own/), the server certificates it trusts
   * (trusted/certs/) and the ones it refused (rejected/). Created with a self-signed certificate on
   * first use. Default: `<os.tmpdir()>/symbiont-opcua-pki`; give a persistent folder in production,
   * or the certificate changes whenever the temporary folder is cleaned.
   */
  pkiDir?: string;
  /**
   * Trust any server certificate (Sign and SignAndEncrypt). Default false: an unknown server
   * certificate fails the connection and is put in `<pkiDir>/rejected/`; move it to
   * `<pkiDir>/trusted/certs/` to trust it. Only for tests and commissioning.
   */
  acceptUnknownServerCertificate?: boolean;
  /** Connection retry: `connectRetries` (at least 1) more attempts at first start, endless ones after a loss. */
  retry?: { connectRetries?: number; initialDelayMs?: number; maxDelayMs?: number };
  /** At most this many readings wait for the sink (default 100,000). */
  maxBufferedReadings?: number;
  /** A batch is sent as soon as this many readings wait (default 500); also the largest batch. */
  batchSize?: number;
  /** OPC UA application name shown to the server (default "Symbiont"). */
  applicationName?: string;
}

const NULL_LOG: OpcUaLog = { info() {}, warn() {} };

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

// OPC UA built-in DataType ids (Part 6 5.1.2), as node-opcua's DataType enum numbers them.
const DT = { Boolean: 1, SByte: 2, Byte: 3, Int16: 4, UInt16: 5, Int32: 6, UInt32: 7, Int64: 8, UInt64: 9, Float: 10, Double: 11 } as const;
const DT_NAMES = ['Null', 'Boolean', 'SByte', 'Byte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64', 'Float', 'Double', 'String', 'DateTime', 'Guid',
  'ByteString', 'XmlElement', 'NodeId', 'ExpandedNodeId', 'StatusCode', 'QualifiedName', 'LocalizedText', 'ExtensionObject', 'DataValue', 'Variant', 'DiagnosticInfo'];
const TWO_32 = 4294967296;

/** node-opcua's 64-bit integers are [high, low] pairs of uint32. */
function int64(v: unknown, signed: boolean): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') {
    const [high, low] = v as [number, number];
    return (signed && high >= 0x80000000 ? high - TWO_32 : high) * TWO_32 + low;
  }
  return null;
}

/** The number in a scalar numeric variant, or why there is none. */
export function numericValue(variant: { dataType: number; arrayType?: number; value: unknown }): { value: number } | { problem: string } {
  const name = DT_NAMES[variant.dataType] ?? `DataType ${variant.dataType}`;
  if (variant.arrayType !== undefined && variant.arrayType !== 0) return { problem: `the value is an array of ${name}; only scalars are read` };
  let n: number | null;
  switch (variant.dataType) {
    case DT.Boolean:
      n = variant.value ? 1 : 0;
      break;
    case DT.SByte: case DT.Byte: case DT.Int16: case DT.UInt16: case DT.Int32: case DT.UInt32: case DT.Float: case DT.Double:
      n = typeof variant.value === 'number' ? variant.value : null;
      break;
    case DT.Int64:
      n = int64(variant.value, true);
      break;
    case DT.UInt64:
      n = int64(variant.value, false);
      break;
    default:
      return { problem: `the value is of type ${name}; only numbers (Double, Float, Int*, UInt*) and Boolean are read` };
  }
  if (n === null) return { problem: `the ${name} value could not be read as a number` };
  if (!Number.isFinite(n)) return { problem: `the ${name} value is not a finite number (${n})` };
  return { value: n };
}

const describeStatus = (sc: StatusCode) => (sc.description ? `${sc.name}: ${sc.description}` : sc.name);

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const STATUS_IN_TEXT = /\b(Bad|Uncertain)[A-Za-z]+(?: \(0x[0-9A-Fa-f]{8}\))?/;

/**
 * One line for a log or a status: node-opcua's errors and warnings often carry multi-line dumps
 * (request headers, hex, stack-like traces). Keeps the first non-empty line (without colour codes,
 * at most 300 characters) and, when the text names an OPC UA status code anywhere, that code.
 */
const ERRNO_IN_TEXT = /\b(E[A-Z]{3,}[A-Z_]*)\b/;

export function summarizeError(e: unknown): { message: string; status?: string; code?: string } {
  const text = (e instanceof Error ? e.message : typeof e === 'string' ? e : inspect(e, { depth: 2, breakLength: Infinity })).replace(ANSI, '');
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  // node-opcua sometimes breaks one sentence over two lines ("rejected by server,\n Err = (…)").
  const first = lines.length > 1 && /[,:]$/.test(lines[0]) ? `${lines[0]} ${lines[1]}` : (lines[0] ?? '');
  const message = first.length > 300 ? `${first.slice(0, 299)}…` : first;
  const sc = (e as { statusCode?: { name?: unknown; toString(): string } } | null)?.statusCode;
  const status = sc && typeof sc.name === 'string' ? sc.toString() : STATUS_IN_TEXT.exec(text)?.[0];
  // A system error (ECONNREFUSED, ENOTFOUND) that node-opcua mentions on a later line.
  const errno = (e as { code?: unknown } | null)?.code;
  const code = typeof errno === 'string' && /^E[A-Z_]+$/.test(errno) ? errno : ERRNO_IN_TEXT.exec(text)?.[1];
  return {
    message,
    ...(status && !message.includes(status.split(' ')[0]) ? { status } : {}),
    ...(code && !message.includes(code) ? { code } : {}),
  };
}

/** Log fields for an error: `err` (its first line), `status` (an OPC UA status code) and `code` (a system error), when named. */
const errFields = (e: unknown): { err: string; status?: string; code?: string } => {
  const { message, ...rest } = summarizeError(e);
  return { err: message, ...rest };
};

/** The same as one line: "first line (status) (code)". */
const errMessage = (e: unknown) => {
  const { message, status, code } = summarizeError(e);
  return [message, status && `(${status})`, code && `(${code})`].filter(Boolean).join(' ');
};

/** Where node-opcua's own warnings and errors go: the log of the connector started last. */
let uaLog: OpcUaLog | undefined;
type UaLoggers = Pick<NodeOpcua, 'setWarningLogger' | 'setErrorLogger' | 'setDebugLogger'>;
const routed = new WeakSet<object>();

function nodeOpcuaLine(level: 'warn' | 'error') {
  return (context: unknown, ...args: unknown[]) => {
    const ctx = context as { filename?: string; callerline?: number } | undefined;
    const text = args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : inspect(a, { depth: 2, breakLength: Infinity }))).join(' ');
    const { message, status, code } = summarizeError(text);
    const where = ctx?.filename ? `${path.basename(ctx.filename).replace(/\.(js|ts)$/, '')}:${ctx.callerline ?? '?'}` : undefined;
    uaLog?.warn({ source: 'node-opcua', level, ...(where ? { where } : {}), ...(status ? { status } : {}), ...(code ? { code } : {}) }, `node-opcua: ${message}`);
  };
}

function route(loggers: Partial<UaLoggers>): void {
  if (routed.has(loggers) || typeof loggers.setWarningLogger !== 'function') return;
  routed.add(loggers);
  loggers.setWarningLogger(nodeOpcuaLine('warn'));
  loggers.setErrorLogger?.(nodeOpcuaLine('error'));
  loggers.setDebugLogger?.(() => {});
}

/**
 * Loads node-opcua with its process-wide warning and error loggers (by default multi-line dumps on
 * the console, some printed while its modules load) routed into the platform log, one structured
 * line per event; its debug output is dropped. node-opcua-debug, where the loggers live, is set up
 * first when it can be loaded on its own, so that the load-time warnings are routed too.
 */
async function loadNodeOpcua(log: OpcUaLog): Promise<NodeOpcua> {
  if (log !== NULL_LOG) {
    uaLog = log;
    try {
      route((await import('node-opcua-debug')) as Partial<UaLoggers>);
    } catch {
      // routed through node-opcua's re-exports below
    }
  }
  const ua = await import('node-opcua');
  if (log !== NULL_LOG) route(ua);
  return ua;
}

/** Bounds a promise in time; the promise itself goes on. */
async function within<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), ms); });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Connector
// ---------------------------------------------------------------------------------------------

/** Where a bad node was found: at creation (stays until recreated well) or in a value (clears with the next good value). */
type BadKind = 'item' | 'value';

export class OpcUaConnector {
  private readonly config: OpcUaConnectorConfig;
  private readonly log: OpcUaLog;
  private readonly pkiDir: string;
  private readonly opts: Required<Omit<OpcUaConnectorOptions, 'pkiDir' | 'retry'>> & { retry: Required<NonNullable<OpcUaConnectorOptions['retry']>> };

  private state: OpcUaStatus['state'] = 'stopped';
  private lastError?: string;
  private lastDataAt?: number;
  private readonly bad = new Map<string, { reason: string; kind: BadKind }>();
  private readonly last = new Map<string, { ts: number; value: number }>();

  private client?: OPCUAClient;
  private session?: ClientSession;
  private subscription?: ClientSubscription;
  private group?: ClientMonitoredItemGroup;
  /** Bumped by start() and stop(): callbacks of an older run do nothing. */
  private run = 0;
  private stopping?: Promise<void>;

  private buffer: OpcUaReading[] = [];
  private inFlight: OpcUaReading[] = [];
  private flushing?: Promise<void>;
  private flushTimer?: NodeJS.Timeout;
  private sinkFailures = 0;
  private dropped = 0;
  private overflowing = false;

  constructor(config: OpcUaConnectorConfig, private readonly sink: OpcUaSink, log?: OpcUaLog, options: OpcUaConnectorOptions = {}) {
    const v = checkOpcUaConfig(config);
    if (!v.ok) throw new Error(`invalid OPC UA connector config: ${v.errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`);
    this.config = v.config;
    this.log = log ?? NULL_LOG;
    this.pkiDir = options.pkiDir ?? path.join(os.tmpdir(), 'symbiont-opcua-pki');
    this.opts = {
      acceptUnknownServerCertificate: options.acceptUnknownServerCertificate ?? false,
      maxBufferedReadings: options.maxBufferedReadings ?? 100_000,
      batchSize: options.batchSize ?? 500,
      applicationName: options.applicationName ?? 'Symbiont',
      retry: {
        // node-opcua reconnects after a loss only when maxRetry > 0
        connectRetries: Math.max(1, options.retry?.connectRetries ?? 3),
        initialDelayMs: options.retry?.initialDelayMs ?? 1_000,
        maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
      },
    };
  }

  status(): OpcUaStatus {
    return {
      state: this.state,
      ...(this.lastError !== undefined && { lastError: this.lastError }),
      ...(this.lastDataAt !== undefined && { lastDataAt: this.lastDataAt }),
      badNodes: [...this.bad].map(([nodeId, b]) => ({ nodeId, reason: b.reason })),
      buffered: this.buffer.length + this.inFlight.length,
      dropped: this.dropped,
      sinkFailing: this.sinkFailures > 0,
    };
  }

  /**
   * Connects, opens a session and one subscription with a monitored item per mapping. Resolves once
   * the monitored items are created (bad ones are in status().badNodes); rejects when the server
   * cannot be reached after the bounded retries, refuses the session or the subscription.
   */
  async start(): Promise<void> {
    if (this.state === 'connecting' || this.state === 'connected' || this.state === 'reconnecting') throw new Error('the OPC UA connector is already started');
    if (this.stopping) await this.stopping;
    const run = ++this.run;
    this.stopping = undefined;
    this.state = 'connecting';
    this.bad.clear();
    const { endpoint } = this.config;
    try {
      const ua = await loadNodeOpcua(this.log);
      if (run !== this.run) throw new Error('stopped while starting');
      await this.connect(ua, run);
      await this.subscribe(ua, run);
      if (run !== this.run) throw new Error('stopped while starting');
      this.state = 'connected';
      this.log.info({ endpoint, items: this.config.mappings.length, badNodes: this.bad.size }, 'OPC UA connector subscribed');
    } catch (e) {
      const message = errMessage(e);
      if (run === this.run) {
        this.state = 'failed';
        this.lastError = message;
        this.log.warn({ endpoint, err: message }, 'OPC UA connector could not start');
        ++this.run; // whatever the client still emits is ignored
        await this.closeClient();
      }
      throw new Error(message.startsWith('OPC UA') ? message : `OPC UA ${endpoint}: ${message}`, { cause: e });
    }
  }

  private async connect(ua: NodeOpcua, run: number): Promise<void> {
    const { endpoint, securityMode, securityPolicy } = this.config;
    const { retry } = this.opts;
    const certificateManager = new ua.OPCUACertificateManager({
      rootFolder: this.pkiDir,
      automaticallyAcceptUnknownCertificate: this.opts.acceptUnknownServerCertificate,
    });
    const client = ua.OPCUAClient.create({
      applicationName: this.opts.applicationName,
      endpointMustExist: false,
      securityMode: ua.MessageSecurityMode[securityMode],
      securityPolicy: ua.SecurityPolicy[securityPolicy],
      clientCertificateManager: certificateManager,
      // maxRetry bounds the first connection; node-opcua retries without end after a loss.
      connectionStrategy: { maxRetry: retry.connectRetries, initialDelay: retry.initialDelayMs, maxDelay: retry.maxDelayMs, randomisationFactor: 0.2 },
      // A read every few seconds: a silent dead connection (no RST) is noticed and repaired.
      keepSessionAlive: true,
      keepAliveInterval: Math.max(5_000, this.config.samplingIntervalMs * 3),
      requestedSessionTimeout: 60_000,
    });
    this.client = client;
    const live = () => run === this.run;

    client.on('backoff', (count: number, delay: number) => {
      if (!live() || this.state !== 'connecting') return;
      this.log.info({ endpoint, attempt: count + 1, delayMs: delay }, 'OPC UA server not reached yet; retrying');
    });
    client.on('connection_lost', () => {
      if (!live()) return;
      this.state = 'reconnecting';
      this.lastError = 'connection lost';
      this.log.warn({ endpoint }, 'OPC UA connection lost; reconnecting');
    });
    client.on('start_reconnection', () => {
      if (live()) this.state = 'reconnecting';
    });
    client.on('reconnection_attempt_has_failed', (err: Error) => {
      if (live()) this.lastError = `reconnection failed: ${errMessage(err)}`;
    });
    client.on('connection_reestablished', () => {
      if (!live()) return;
      this.state = 'connected';
      this.refreshItemStatus('reconnected');
      this.log.info({ endpoint, badNodes: this.bad.size }, 'OPC UA connection re-established; subscription restored');
    });

    try {
      await client.connect(endpoint);
    } catch (e) {
      const full = e instanceof Error ? e.message : String(e);
      const m = errMessage(e);
      if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|timed? ?out/i.test(full)) {
        throw new Error(`OPC UA server ${endpoint} not reached after ${retry.connectRetries + 1} attempts: ${m}`, { cause: e });
      }
      let hint = '';
      if (/server certificate verification failed/i.test(full)) {
        hint = ` (if the server certificate is not trusted yet, check it and move it from ${path.join(this.pkiDir, 'rejected')} to ${path.join(this.pkiDir, 'trusted', 'certs')})`;
      } else if (securityMode !== 'None' && /BadSecurityChecksFailed|BadCertificate/i.test(full)) {
        hint = ` (if the server does not trust Symbiont's certificate yet, trust ${path.join(this.pkiDir, 'own', 'certs', 'client_certificate.pem')} on the server)`;
      }
      throw new Error(`OPC UA server ${endpoint}: cannot connect: ${m}${hint}`, { cause: e });
    }
    if (!live()) throw new Error('stopped while starting');

    const { username, password } = this.config;
    const identity: UserIdentityInfo = username !== undefined
      ? { type: ua.UserTokenType.UserName, userName: username, password: password ?? '' }
      : { type: ua.UserTokenType.Anonymous };
    let session: ClientSession;
    try {
      session = await client.createSession(identity);
    } catch (e) {
      throw new Error(`OPC UA server ${endpoint} refused the session${username !== undefined ? ` for user ${username}` : ' (anonymous)'}: ${errMessage(e)}`, { cause: e });
    }
    if (!live()) {
      await within(session.close(true).catch(() => undefined), 3_000);
      throw new Error('stopped while starting');
    }
    this.session = session;
    session.on('session_closed', (sc: StatusCode) => {
      if (live() && this.state !== 'stopped') this.log.warn({ endpoint, status: sc.toString() }, 'OPC UA session closed by the server');
    });
  }

  private async subscribe(ua: NodeOpcua, run: number): Promise<void> {
    const session = this.session!;
    const interval = this.config.samplingIntervalMs;
    const keepAlive = Math.min(100, Math.max(3, Math.ceil(10_000 / interval)));
    const subscription = await session.createSubscription2({
      requestedPublishingInterval: interval,
      requestedMaxKeepAliveCount: keepAlive,
      requestedLifetimeCount: keepAlive * 6,
      maxNotificationsPerPublish: 0,
      publishingEnabled: true,
      priority: 10,
    });
    this.subscription = subscription;
    const live = () => run === this.run;
    subscription.on('error', (err: Error) => {
      if (live()) this.log.warn({ endpoint: this.config.endpoint, ...errFields(err) }, 'OPC UA subscription error');
    });
    subscription.on('internal_error', (err: Error) => {
      if (live()) this.log.warn({ endpoint: this.config.endpoint, ...errFields(err) }, 'OPC UA subscription internal error');
    });

    const items = this.config.mappings.map((m) => ({ nodeId: ua.resolveNodeId(m.nodeId), attributeId: ua.AttributeIds.Value }));
    const group = ua.ClientMonitoredItemGroup.create(
      subscription,
      items,
      { samplingInterval: interval, queueSize: 10, discardOldest: true },
      ua.TimestampsToReturn.Both,
    );
    this.group = group;
    group.on('changed', (_item: ClientMonitoredItemBase, dv: DataValue, index: number) => {
      if (live()) this.onValue(index, dv);
    });
    await new Promise<void>((resolve, reject) => {
      // node-opcua says nothing when the subscription never becomes ready: bound the wait.
      const timer = setTimeout(() => reject(new Error(`OPC UA server ${this.config.endpoint} did not create the monitored items within 30 s`)), 30_000);
      group.once('initialized', () => {
        clearTimeout(timer);
        resolve();
      });
      group.once('terminated', (err?: Error) => {
        clearTimeout(timer);
        reject(new Error(`OPC UA server ${this.config.endpoint} refused the monitored items: ${err ? errMessage(err) : 'terminated'}`));
      });
    });
    this.refreshItemStatus('subscribed');
  }

  /** Reads each monitored item's create status into badNodes (after the first creation and after each reconnection). */
  private refreshItemStatus(when: string): void {
    const group = this.group;
    if (!group) return;
    group.monitoredItems.forEach((item, i) => {
      const { nodeId } = this.config.mappings[i];
      const sc = item.statusCode;
      const prev = this.bad.get(nodeId);
      if (sc && sc.isNotGood()) {
        const reason = `monitored item refused: ${describeStatus(sc)}`;
        if (prev?.reason !== reason) {
          this.bad.set(nodeId, { reason, kind: 'item' });
          this.log.warn({ endpoint: this.config.endpoint, nodeId, tagKey: this.config.mappings[i].tagKey, status: sc.name, when }, 'OPC UA node refused by the server');
        }
      } else if (prev?.kind === 'item') {
        this.bad.delete(nodeId);
        this.log.info({ endpoint: this.config.endpoint, nodeId, when }, 'OPC UA node accepted by the server again');
      }
    });
  }

  private markBad(index: number, reason: string): void {
    const { nodeId, tagKey } = this.config.mappings[index];
    const prev = this.bad.get(nodeId);
    if (prev?.reason === reason) return;
    this.bad.set(nodeId, { reason, kind: 'value' });
    this.log.warn({ endpoint: this.config.endpoint, nodeId, tagKey, reason }, 'OPC UA node gives no usable value');
  }

  private onValue(index: number, dv: DataValue): void {
    const mapping = this.config.mappings[index];
    if (!mapping) return;
    const now = Date.now();
    if (dv.statusCode && dv.statusCode.isBad()) return this.markBad(index, `value status ${describeStatus(dv.statusCode)}`);
    const n = numericValue(dv.value);
    if ('problem' in n) return this.markBad(index, n.problem);
    if (this.bad.get(mapping.nodeId)?.kind === 'value') {
      this.bad.delete(mapping.nodeId);
      this.log.info({ endpoint: this.config.endpoint, nodeId: mapping.nodeId }, 'OPC UA node gives usable values again');
    }
    const ts = dv.sourceTimestamp?.getTime() ?? dv.serverTimestamp?.getTime() ?? now;
    const t = Number.isFinite(ts) && ts > 0 ? ts : now;
    // After a reconnection the server sends each item's current value again: the same reading twice.
    const prev = this.last.get(mapping.tagKey);
    if (prev && prev.ts === t && prev.value === n.value) return;
    this.last.set(mapping.tagKey, { ts: t, value: n.value });
    this.lastDataAt = now;
    this.enqueue({ tagKey: mapping.tagKey, ts: t, value: n.value });
  }

  // ---- buffer and sink -------------------------------------------------------------------------

  private enqueue(r: OpcUaReading): void {
    this.buffer.push(r);
    this.trim();
    if (this.buffer.length >= this.opts.batchSize && this.sinkFailures === 0) this.flushSoon(0);
    else this.flushSoon(this.config.samplingIntervalMs);
  }

  /** Drops the oldest readings past the bound, counting and logging them. */
  private trim(): void {
    const excess = this.buffer.length + this.inFlight.length - this.opts.maxBufferedReadings;
    if (excess <= 0) {
      this.overflowing = false;
      return;
    }
    const n = Math.min(excess, this.buffer.length);
    this.buffer.splice(0, n);
    this.dropped += n;
    if (!this.overflowing) {
      this.overflowing = true;
      this.log.warn({ endpoint: this.config.endpoint, max: this.opts.maxBufferedReadings, dropped: this.dropped }, 'OPC UA reading buffer full: the oldest readings are dropped until the sink takes them again');
    }
  }

  private flushSoon(delay: number): void {
    if (this.flushing) return; // the running flush schedules the next one
    if (this.flushTimer) {
      if (delay > 0) return;
      clearTimeout(this.flushTimer);
    }
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, delay);
    this.flushTimer.unref?.();
  }

  /** Sends one batch to the sink; on failure puts it back at the head and retries with a backoff. */
  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.buffer.length === 0) return Promise.resolve();
    const batch = this.buffer.splice(0, this.opts.batchSize);
    this.inFlight = batch;
    this.flushing = (async () => {
      try {
        await this.sink(batch);
        this.inFlight = [];
        if (this.sinkFailures > 0) this.log.info({ endpoint: this.config.endpoint, failures: this.sinkFailures }, 'OPC UA readings are stored again');
        this.sinkFailures = 0;
      } catch (e) {
        this.inFlight = [];
        this.buffer = batch.concat(this.buffer);
        this.trim();
        this.sinkFailures++;
        this.lastError = `sink: ${errMessage(e)}`;
        if (this.sinkFailures === 1 || this.sinkFailures % 10 === 0) {
          this.log.warn({ endpoint: this.config.endpoint, ...errFields(e), buffered: this.buffer.length, failures: this.sinkFailures }, 'OPC UA readings not stored; kept to try again');
        }
      } finally {
        this.flushing = undefined;
      }
      if (this.buffer.length === 0 || this.state === 'stopped') return;
      if (this.sinkFailures > 0) {
        this.flushSoon(Math.min(30_000, Math.max(this.config.samplingIntervalMs, 250) * 2 ** Math.min(this.sinkFailures - 1, 10)));
      } else {
        this.flushSoon(this.buffer.length >= this.opts.batchSize ? 0 : this.config.samplingIntervalMs);
      }
    })();
    return this.flushing;
  }

  // ---- stop ------------------------------------------------------------------------------------

  /**
   * Closes the subscription, the session and the client, then offers what is still buffered to the
   * sink once (at most 10 s); what it refuses then is logged as lost. Idempotent.
   */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    if (this.state === 'stopped' && !this.client && this.buffer.length === 0) return Promise.resolve();
    ++this.run;
    this.state = 'stopped';
    this.stopping = (async () => {
      if (this.flushTimer) clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      await this.closeClient();
      const drained = await within((async () => {
        if (this.flushing) await this.flushing;
        this.sinkFailures = 0;
        while (this.buffer.length > 0) {
          await this.flush();
          if (this.sinkFailures > 0) break;
        }
      })(), 10_000);
      const left = this.buffer.length + this.inFlight.length;
      if (left > 0) {
        this.log.warn({ endpoint: this.config.endpoint, lost: left, reason: drained === 'timeout' ? 'sink timed out' : this.lastError }, 'OPC UA connector stopped with readings the sink did not store');
        this.dropped += this.buffer.length;
        this.buffer = [];
      }
      this.log.info({ endpoint: this.config.endpoint }, 'OPC UA connector stopped');
    })();
    return this.stopping;
  }

  private async closeClient(): Promise<void> {
    const { client, session, subscription } = this;
    this.client = undefined;
    this.session = undefined;
    this.subscription = undefined;
    this.group = undefined;
    // Each step bounded: a dead server must not hold stop() up.
    if (subscription && client && !client.isReconnecting) {
      await within(subscription.terminate().catch(() => undefined), 3_000);
    }
    if (session && client && !client.isReconnecting) {
      await within(session.close(true).catch(() => undefined), 3_000);
    }
    if (client) {
      await within(client.disconnect().catch(() => undefined), 5_000);
      client.removeAllListeners();
    }
  }
}
