/**
 * A resource is a tenant-owned table exposed as a collection. Its spec says what its fields are,
 * who owns a row and who may write; the generic store, service and routes do the rest, so that the
 * tenancy, audit and validation rules are written once for every collection.
 */
import type { Role } from '../roles.ts';
import type { FieldError } from '../errors.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'json';

export interface FieldSpec {
  column: string;
  type: FieldType;
  enum?: readonly string[];
  /** Must be present on create. */
  required?: boolean;
  /** May be null (and is null when absent on create). */
  nullable?: boolean;
  /** Set on create only. */
  immutable?: boolean;
  /** Derived by the service, never accepted from a client (e.g. a unit's enterpriseId). */
  derived?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  description?: string;
  /** Value on create when absent. */
  default?: unknown;
  /** JSON Schema of a `json` field's value. */
  schema?: Record<string, unknown>;
}

/** How the owning enterprise of a row is found. */
export type Ownership =
  /** The row is an enterprise: its own id is the tenant. */
  | { kind: 'self' }
  /** The row names its enterprise in `enterpriseId` (defaulting to the caller's). */
  | { kind: 'direct'; nullable?: boolean }
  /** The enterprise is the parent's, e.g. a unit belongs to its site's enterprise. */
  | { kind: 'parent'; field: string; table: string; label: string };

/** A foreign key to check on write: the target must exist and belong to the same enterprise. */
export interface Reference {
  field: string;
  table: string;
  label: string;
  /** Park-wide targets (NULL enterprise) are allowed too. */
  sharedWhenNull?: boolean;
  /** The target may belong to any enterprise (e.g. the enterprise a share rule grants to): it must only exist. */
  anyTenant?: boolean;
  /** The target's `column` must equal this row's `field` (e.g. a device's unit must be on its site). */
  match?: { column: string; field: string };
}

/** Children that must be removed first; deleting a parent that has some answers 409. */
export interface Child {
  table: string;
  column: string;
  label: string;
}

export type WriteAction = 'create' | 'update' | 'delete';

export interface ResourceSpec {
  /** Singular name used in audit records and messages, e.g. `site`. */
  name: string;
  label: string;
  table: string;
  /** URL segment under /api/v1. */
  collection: string;
  fields: Record<string, FieldSpec>;
  ownership: Ownership;
  /** Rows with no enterprise are park-wide and readable by every tenant. */
  sharedWhenNull?: boolean;
  /** Enterprise roles that may perform each write (park_admin may always; park_viewer never). */
  writers: Record<WriteAction, readonly Role[]>;
  references?: Reference[];
  children?: Child[];
  /** Columns `q` searches in. */
  search: string[];
  /** Fields usable as equality filters in the list query. */
  filters: string[];
  /** Other names accepted for a filter in the query string, e.g. `device` for `deviceId`. */
  filterAliases?: Record<string, string>;
  /** Extra checks on the whole record after a create or update is merged. */
  validate?: (record: Record<string, unknown>) => FieldError[];
  /** Read-only fields another module adds to each item (see ResourceService.decorate), with their schemas. */
  extraItemFields?: Record<string, Record<string, unknown>>;
  /** Fields never returned (e.g. secrets); they may still be written by a custom service. */
  hidden?: string[];
}

export const ENTERPRISE_FIELD: FieldSpec = { column: 'enterprise_id', type: 'integer', required: false, immutable: true };
