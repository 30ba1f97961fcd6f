/**
 * Start-up configuration: flags first, then SYMBIONT_* environment variables, then defaults.
 * Every value is validated here so that a mistake stops the start with a sentence naming the
 * flag, not with a stack trace later.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

export interface Config {
  dataDir: string;
  host: string;
  port: number;
  mqttPort: number;
  /** An external broker (server shape); when set, no embedded broker runs. */
  mqttUrl?: string;
  /** The domain-event bus: `nats://host:port[?prefix=name]` (server shape); absent: in this process. */
  bus?: string;
  /** Resolvers of other identifier prefixes: prefix → base URL (`--resolver-peers 88.118.3=http://…`). */
  resolverPeers: Map<string, string>;
  /** This node's stable name (its persistent MQTT session on an external broker). */
  nodeId: string;
  /** Whether the MQTT port was chosen (flag or variable) rather than defaulted. */
  mqttPortChosen: boolean;
  /** `sqlite:<file>` (default, under dataDir) or a `postgres://` URL. */
  db: string;
  demo: boolean;
  simulator: boolean;
  adminPassword?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlHours: number;
  /** How long raw readings and 1-minute rollups are kept; hourly and daily rollups are kept for good. */
  retentionRawDays: number;
  retentionMinuteDays: number;
  /** Directory of the built console; absent means the API runs without it. */
  webDir: string;
  /**
   * The URL users and devices reach this node by (`https://symbiont.plant.example`), when it is not
   * the address the node listens on (a proxy, a NAT, a DNS name). Origin only, no trailing slash.
   * Absent: derived from the scheme, host and actual port once the node listens (see publicUrlOf).
   */
  publicUrl?: string;
  /** Native TLS: the node serves HTTPS with this certificate chain and key (PEM). */
  tls?: { certFile: string; keyFile: string; cert: Buffer; key: Buffer };
}

/** How the node is reached, which decides the security headers and cookie flags (see docs/api.md). */
export interface Serving {
  /** Browsers reach the node over HTTPS (native TLS, or a TLS-terminating proxy named by --public-url). */
  https: boolean;
  /** The node terminates TLS itself: only then does it send HSTS. */
  nativeTls: boolean;
}

export function servingOf(config: Pick<Config, 'publicUrl' | 'tls'>): Serving {
  return { https: config.tls !== undefined || config.publicUrl?.startsWith('https:') === true, nativeTls: config.tls !== undefined };
}

/**
 * The public URL: the configured one, else scheme://host:port of the listening socket. The wildcard
 * addresses (which no client can connect to) are shown as `wildcardAs`: by default this machine's
 * first network address (what a plant network most likely reaches it by), else the loopback one.
 */
export function publicUrlOf(config: Pick<Config, 'publicUrl' | 'tls' | 'host'>, port: number, wildcardAs: string | null = lanAddress()): string {
  if (config.publicUrl) return config.publicUrl;
  const wildcard = config.host === '0.0.0.0' || config.host === '::' || config.host === '';
  const host = wildcard ? (wildcardAs ?? '127.0.0.1') : config.host;
  return `${config.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** This machine's first IPv4 address that is not loopback, or null. */
export function lanAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

export interface ConfigInput {
  dataDir?: string;
  host?: string;
  port?: string | number;
  mqttPort?: string | number;
  mqttUrl?: string;
  bus?: string;
  nodeId?: string;
  resolverPeers?: string;
  db?: string;
  demo?: boolean;
  simulator?: boolean;
  logLevel?: string;
  sessionTtlHours?: string | number;
  retentionRawDays?: string | number;
  retentionMinuteDays?: string | number;
  webDir?: string;
  publicUrl?: string;
  tlsCert?: string;
  tlsKey?: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function envFlag(env: NodeJS.ProcessEnv, on: string, off: string): boolean | undefined {
  const yes = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v);
  const no = (v: string | undefined) => v !== undefined && /^(0|false|no|off)$/i.test(v);
  if (yes(env[off]) || no(env[on])) return false;
  if (yes(env[on]) || no(env[off])) return true;
  return undefined;
}

function integer(value: string | number, flag: string, min: number, max: number): number {
  const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function parsePeers(spec: string | undefined): Map<string, string> {
  const peers = new Map<string, string>();
  for (const part of (spec ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([0-9]+(?:\.[0-9A-Za-z]+)*)=(https?:\/\/\S+)$/.exec(part);
    if (!m) throw new ConfigError(`--resolver-peers takes prefix=url pairs separated by commas, e.g. 88.118.3=http://10.1.2.3:8080; got "${part}"`);
    peers.set(m[1], m[2]);
  }
  return peers;
}

function checkMqttUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (!/^mqtts?:\/\/[^/]+/.test(url)) throw new ConfigError(`--mqtt-url must be mqtt://host:port or mqtts://host:port, got "${url}"`);
  return url;
}

function checkBusUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value === 'memory') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'nats:' || !url.hostname) throw new ConfigError(`--bus must be nats://host:port (or memory, the default), got "${value}"`);
  const prefix = url.searchParams.get('prefix');
  if (prefix !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(prefix)) throw new ConfigError(`--bus prefix= must be letters, digits, _ or - (at most 64), got "${prefix}"`);
  return value;
}

/** An origin (scheme, host, optional port) that users and devices can reach; no path, query or credentials. */
function checkPublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`--public-url must be an absolute URL such as https://symbiont.plant.example, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`--public-url must be an http:// or https:// URL such as http://plant-host:8080, got "${value}"`);
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    // Handles, Digital Links and the console's routes all hang off the root: a path prefix would break them.
    throw new ConfigError(`--public-url must be scheme://host[:port] with no path, query or credentials, got "${value}"`);
  }
  return url.origin;
}

function readPem(file: string, flag: string): Buffer {
  try {
    return fs.readFileSync(path.resolve(file));
  } catch (err) {
    throw new ConfigError(`${flag} ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Both files or neither; each readable; the key matching the certificate — checked here, not at the first handshake. */
function loadTls(certFile: string | undefined, keyFile: string | undefined): Config['tls'] {
  if (!certFile && !keyFile) return undefined;
  if (!certFile) throw new ConfigError('--tls-key needs --tls-cert (SYMBIONT_TLS_CERT) as well: give both or neither');
  if (!keyFile) throw new ConfigError('--tls-cert needs --tls-key (SYMBIONT_TLS_KEY) as well: give both or neither');
  const cert = readPem(certFile, '--tls-cert');
  const key = readPem(keyFile, '--tls-key');
  try {
    tls.createSecureContext({ cert, key });
  } catch (err) {
    throw new ConfigError(`--tls-cert ${certFile} and --tls-key ${keyFile} are not a usable PEM certificate and matching key: ${(err as Error).message}`);
  }
  return { certFile, keyFile, cert, key };
}

export function loadConfig(input: ConfigInput = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(input.dataDir ?? env.SYMBIONT_DATA_DIR ?? 'data');
  const db = input.db ?? env.SYMBIONT_DB ?? `sqlite:${path.join(dataDir, 'symbiont.db')}`;
  if (!/^sqlite:.+/.test(db) && !/^postgres(ql)?:\/\/.+/.test(db)) {
    throw new ConfigError(`--db must be sqlite:<file> or a postgres:// URL, got "${db}"`);
  }
  const logLevel = (input.logLevel ?? env.SYMBIONT_LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const adminPassword = env.SYMBIONT_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('SYMBIONT_ADMIN_PASSWORD must have at least 8 characters');
  }
  const tlsFiles = loadTls(input.tlsCert ?? (env.SYMBIONT_TLS_CERT || undefined), input.tlsKey ?? (env.SYMBIONT_TLS_KEY || undefined));
  const publicUrl = checkPublicUrl(input.publicUrl ?? env.SYMBIONT_PUBLIC_URL);
  if (tlsFiles && publicUrl?.startsWith('http:')) {
    throw new ConfigError(`--public-url is ${publicUrl} but the node serves HTTPS (--tls-cert): use an https:// URL`);
  }
  return {
    dataDir,
    host: input.host ?? env.SYMBIONT_HOST ?? '127.0.0.1',
    port: integer(input.port ?? env.SYMBIONT_PORT ?? 8080, '--port', 0, 65535),
    mqttPort: integer(input.mqttPort ?? env.SYMBIONT_MQTT_PORT ?? 1883, '--mqtt-port', 0, 65535),
    resolverPeers: parsePeers(input.resolverPeers ?? env.SYMBIONT_RESOLVER_PEERS),
    mqttUrl: checkMqttUrl(input.mqttUrl ?? env.SYMBIONT_MQTT_URL),
    bus: checkBusUrl(input.bus ?? env.SYMBIONT_BUS),
    nodeId: input.nodeId ?? env.SYMBIONT_NODE_ID ?? `${os.hostname()}-${input.port ?? env.SYMBIONT_PORT ?? 8080}`,
    mqttPortChosen: input.mqttPort !== undefined || env.SYMBIONT_MQTT_PORT !== undefined,
    db,
    demo: input.demo ?? envFlag(env, 'SYMBIONT_DEMO', 'SYMBIONT_NO_DEMO') ?? true,
    simulator: input.simulator ?? envFlag(env, 'SYMBIONT_SIMULATOR', 'SYMBIONT_NO_SIMULATOR') ?? true,
    adminPassword,
    logLevel,
    sessionTtlHours: integer(input.sessionTtlHours ?? env.SYMBIONT_SESSION_TTL_HOURS ?? 12, '--session-ttl-hours', 1, 24 * 90),
    retentionRawDays: integer(input.retentionRawDays ?? env.SYMBIONT_RETENTION_RAW_DAYS ?? 90, '--retention-raw-days', 1, 36_500),
    retentionMinuteDays: integer(input.retentionMinuteDays ?? env.SYMBIONT_RETENTION_MINUTE_DAYS ?? 730, '--retention-minute-days', 1, 36_500),
    webDir: path.resolve(input.webDir ?? env.SYMBIONT_WEB_DIR ?? path.join(import.meta.dirname, '..', 'web', 'dist')),
    publicUrl,
    tls: tlsFiles,
  };
}
