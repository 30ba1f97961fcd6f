/** The shapes of the API (docs/api.md). */
// The vocabulary is the backend's own (pure modules, no I/O), so the two cannot drift apart.
export { ROLES, ENTERPRISE_ROLES, isParkRole, type Role } from '../../../src/core/roles.ts';
import type { Role } from '../../../src/core/roles.ts';
export {
  INDUSTRIES, UNIT_KINDS, DEVICE_KINDS, PROTOCOLS, TAG_KINDS, MATERIAL_CATEGORIES,
} from '../../../src/modules/registry/model.ts';
import { CODE_PATTERN as CODE, TAG_KEY_PATTERN as TAG_KEY, MATERIAL_CODE_PATTERN as MATERIAL_CODE } from '../../../src/modules/registry/model.ts';
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Same patterns as the backend, so that most mistakes show before the request. */
export const CODE_PATTERN = new RegExp(CODE);
export const TAG_KEY_PATTERN = new RegExp(TAG_KEY);
export const MATERIAL_CODE_PATTERN = new RegExp(MATERIAL_CODE);
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export interface Item {
  id: number;
  createdAt: number;
  updatedAt: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface User extends Item {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: number | null;
  locale: Locale | string;
  disabled: boolean;
  lastLoginAt: number | null;
}

export interface Enterprise extends Item {
  code: string;
  name: string;
  nameEn: string | null;
  industry: string;
  uscc: string | null;
  /** The enterprise's GLN as a party of EPCIS events (13 digits). */
  gln: string | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string | null;
}

export interface Site extends Item {
  enterpriseId: number;
  code: string;
  name: string;
  nameEn: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
}

export interface Unit extends Item {
  enterpriseId: number;
  siteId: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  capacityValue: number | null;
  capacityUnit: string | null;
  description: string | null;
}

export interface Device extends Item {
  enterpriseId: number;
  siteId: number;
  unitId: number | null;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  protocol: string;
  manufacturer: string | null;
  model: string | null;
  serialNo: string | null;
  enabled: boolean;
}

export interface Tag extends Item {
  enterpriseId: number;
  deviceId: number;
  key: string;
  name: string;
  nameEn: string | null;
  kind: string;
  unit: string;
  materialId: number | null;
  lowLowLimit: number | null;
  lowLimit: number | null;
  highLimit: number | null;
  highHighLimit: number | null;
  description: string | null;
}

export interface Material extends Item {
  enterpriseId: number | null;
  code: string;
  name: string;
  nameEn: string | null;
  category: string;
  hazardous: boolean;
  unit: string;
  hwCode: string | null;
  swCode: string | null;
  ewcCode: string | null;
  hsCode: string | null;
  casNo: string | null;
  densityKgM3: number | null;
  lhvMJPerKg: number | null;
  lhvMJPerUnit: number | null;
  carbonContentKgCPerKg: number | null;
  emissionFactorKgCO2ePerUnit: number | null;
  kgcePerUnit: number | null;
  description: string | null;
  sources: Record<string, string> | null;
  catalogueVersion: number | null;
}

export interface Park {
  code: string;
  name: string;
  nameEn: string | null;
  timezone: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  identifierPrefix: string | null;
  updatedAt: number;
}

export interface ParkSummary {
  counts: Partial<Record<'enterprises' | 'sites' | 'units' | 'devices' | 'tags' | 'materials' | 'users', number>>;
  enterprisesByIndustry?: { industry: string; count: number }[];
  devicesByEnterprise?: { enterpriseId: number; code: string; name: string; nameEn: string | null; count: number }[];
}

export interface UnitOfMeasure {
  code: string;
  dimension: string;
  name: string;
  nameEn: string;
  factor: number;
  offset?: number;
}

export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  key?: string;
}

export interface AuditRecord {
  seq: number;
  ts: number;
  actorId: number | null;
  actorName: string;
  enterpriseId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string } | null;
}

export interface LoginResult {
  token: string;
  expiresAt: number;
  user: User;
}

// Telemetry (docs/api.md, "Telemetry").

export interface DeviceStatus {
  deviceId: number;
  online: boolean;
  lastSeenAt: number | null;
  /** The transport that last delivered: mqtt, http, sparkplug … */
  via: string | null;
}

export interface LatestReading {
  tagId: number;
  key: string;
  ts: number;
  value: number;
}

export interface DeviceError {
  ts: number;
  source: string;
  reason: string;
  detail: string | null;
}

export interface DeviceCredentials {
  deviceId: number;
  username: string;
  token: string;
  createdAt: number;
}

export type Resolution = 'raw' | '1m' | '1h' | '1d';

export interface SeriesPoint {
  ts: number;
  avg: number;
  min: number;
  max: number;
  count: number;
}

export interface Series {
  tagId: number;
  unit: string;
  from: number;
  to: number;
  step: number;
  resolution: Resolution;
  points: SeriesPoint[];
}

/** Reasons a device's message is refused (the error log); others are shown as they are. */
export const TELEMETRY_REASONS = [
  'unknown_tag', 'not_a_number', 'timestamp_in_future', 'invalid_timestamp', 'malformed_json',
  'payload_too_large', 'invalid_shape', 'empty', 'too_many_points',
] as const;
