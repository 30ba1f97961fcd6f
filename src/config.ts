/**
 * Start-up configuration: flags first, then SYMBIONT_* environment variables, then defaults.
 * Every value is validated here so that a mistake stops the start with a sentence naming the
 * flag, not with a stack trace later.
 */
import os from 'node:os';
import path from 'node:path';

export interface Config {
  dataDir: string;
  host: string;
  port: number;
  mqttPort: number;
  /** An external broker (server shape); when set, no embedded broker runs. */
  mqttUrl?: string;
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
}

export interface ConfigInput {
  dataDir?: string;
  host?: string;
  port?: string | number;
  mqttPort?: string | number;
  mqttUrl?: string;
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
  return {
    dataDir,
    host: input.host ?? env.SYMBIONT_HOST ?? '127.0.0.1',
    port: integer(input.port ?? env.SYMBIONT_PORT ?? 8080, '--port', 0, 65535),
    mqttPort: integer(input.mqttPort ?? env.SYMBIONT_MQTT_PORT ?? 1883, '--mqtt-port', 0, 65535),
    resolverPeers: parsePeers(input.resolverPeers ?? env.SYMBIONT_RESOLVER_PEERS),
    mqttUrl: checkMqttUrl(input.mqttUrl ?? env.SYMBIONT_MQTT_URL),
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
  };
}
