/** The telemetry module's tables, typed for Kysely (conventions in src/adapters/db/tables.ts). */
import type { Generated } from 'kysely';
import type { BooleanColumn } from '../../adapters/db/tables.ts';

/** Raw readings, keyed by (tag, ts); a repeated timestamp overwrites (migration 002). */
export interface PointsTable {
  tag_id: number;
  ts: number;
  value: number;
}

/** Aggregates per tag and bucket at 1 minute, 1 hour and 1 day (`step_ms`). */
export interface RollupsTable {
  tag_id: number;
  step_ms: number;
  bucket: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  first: number;
  first_ts: number;
  last: number;
  last_ts: number;
}

/** One secret per device, stored as its SHA-256. */
export interface DeviceCredentialsTable {
  device_id: number;
  token_hash: string;
  created_at: number;
}

export interface DeviceStatusTable {
  device_id: number;
  last_seen_at: number | null;
  online: BooleanColumn;
  via: string | null;
}

/** The log of refused input per device, for its owner to read. */
export interface DeviceErrorsTable {
  id: Generated<number>;
  device_id: number;
  enterprise_id: number;
  ts: number;
  source: string;
  reason: string;
  detail: string | null;
}

/** One OPC UA connector per device (migration 003). */
export interface OpcuaConnectorsTable {
  device_id: number;
  /** JSON of the connector's configuration (OpcUaConnectorConfig), password included. */
  config: string;
  enabled: BooleanColumn;
  updated_at: number;
}

export interface TelemetryTables {
  points: PointsTable;
  rollups: RollupsTable;
  device_credentials: DeviceCredentialsTable;
  device_status: DeviceStatusTable;
  device_errors: DeviceErrorsTable;
  opcua_connectors: OpcuaConnectorsTable;
}
