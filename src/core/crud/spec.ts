/**
 * A resource is a tenant-owned table exposed as a collection. Its spec says what its fields are,
 * who owns a row and who may write; the generic store, service and routes do the rest, so that the
 * tenancy, audit and validation rules are written once for every collection.
 */
import type { Static, TSchema } from 'typebox';
import type { Policy } from '../policy.ts';
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
  /** Schema of a `json` field's value (built with TypeBox, so the item type knows it too). */
  schema?: TSchema;
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
  /** Who may create, update and delete its records (the module's policy.ts). */
  policy: Policy<WriteAction>;
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
  extraItemFields?: Record<string, TSchema>;
  /** Fields never returned (e.g. secrets); they may still be written by a custom service. */
  hidden?: readonly string[];
  /**
   * Columns with one value for every row of this resource, e.g. the kind of a share rule in the
   * shared `shares` table: every read is restricted to it and every insert sets it; never a field.
   */
  fixed?: Readonly<Record<string, string | number>>;
}

/**
 * Declares a resource keeping the literal types of its fields, so that `ItemOf<typeof spec>` (and
 * the create, patch and query types) are derived from the same definition as its schemas.
 */
export function defineResource<const S extends ResourceSpec>(spec: S): S {
  return spec;
}

// ---- Types derived from a spec: what the generic store, service and routes take and return. ----

/** Any item when the spec's fields are not known (a spec typed as plain `ResourceSpec`). */
export type AnyItem = Record<string, unknown> & { id: number };

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Fields<S extends ResourceSpec> = S['fields'];
/** True for a spec declared as `ResourceSpec` rather than through defineResource. */
type Untyped<S extends ResourceSpec> = string extends keyof Fields<S> ? true : false;

/** The TypeScript type of a schema: TypeBox's static type, or unknown for a plain JSON Schema. */
export type StaticOf<T> = T extends { '~unsafe': infer U } ? U : T extends { '~kind': string } ? (T extends TSchema ? Static<T> : unknown) : unknown;

type BaseValue<F extends FieldSpec> = FieldType extends F['type']
  ? unknown
  : F['type'] extends 'integer' | 'number'
  ? number
  : F['type'] extends 'boolean'
    ? boolean
    : F['type'] extends 'json'
      ? StaticOf<F['schema']>
      : F extends { enum: readonly (infer E extends string)[] }
        ? E
        : string;

/** A field's value as stored and returned: null when the field is nullable. */
export type FieldValue<F extends FieldSpec> = F extends { nullable: true } ? BaseValue<F> | null : BaseValue<F>;

type Hidden<S extends ResourceSpec> = S['hidden'] extends readonly (infer H)[] ? H : never;
type Extra<S extends ResourceSpec> = S['extraItemFields'] extends Record<string, TSchema> ? { [K in keyof S['extraItemFields']]: StaticOf<S['extraItemFields'][K]> } : Record<never, never>;
type Writable<S extends ResourceSpec> = { [K in keyof Fields<S>]: Fields<S>[K] extends { derived: true } ? never : K }[keyof Fields<S>];
type Mutable<S extends ResourceSpec> = { [K in Writable<S>]: Fields<S>[K] extends { immutable: true } ? never : K }[Writable<S>];
type RequiredOnCreate<S extends ResourceSpec> = { [K in Writable<S>]: Fields<S>[K] extends { required: true } ? K : never }[Writable<S>];
type FilterKeys<S extends ResourceSpec> = S['filters'][number] | keyof NonNullable<S['filterAliases']>;
type FilterValue<S extends ResourceSpec, K> = K extends keyof Fields<S> ? BaseValue<Fields<S>[K]> : K extends keyof NonNullable<S['filterAliases']> ? NonNullable<S['filterAliases']>[K] extends keyof Fields<S> ? BaseValue<Fields<S>[NonNullable<S['filterAliases']>[K]]> : unknown : unknown;

/** An item of a resource as the API returns it: id, its visible fields, the extra fields, timestamps. */
export type ItemOf<S extends ResourceSpec> = Untyped<S> extends true
  ? AnyItem
  : Simplify<{ id: number } & { [K in Exclude<keyof Fields<S>, Hidden<S>>]: FieldValue<Fields<S>[K]> } & Extra<S> & { createdAt: number; updatedAt: number }>;

/** The body of a create: the required fields, and the others optionally (derived ones never). */
export type CreateOf<S extends ResourceSpec> = Untyped<S> extends true
  ? Record<string, unknown>
  : Simplify<{ [K in RequiredOnCreate<S>]: FieldValue<Fields<S>[K]> } & { [K in Exclude<Writable<S>, RequiredOnCreate<S>>]?: FieldValue<Fields<S>[K]> }>;

/** The body of an update: any field that is neither derived nor immutable. */
export type PatchOf<S extends ResourceSpec> = Untyped<S> extends true ? Record<string, unknown> : Simplify<{ [K in Mutable<S>]?: FieldValue<Fields<S>[K]> }>;

/** The list query string: paging, search and sort, and the spec's filters. */
export interface ListQuery {
  limit: number;
  offset: number;
  q?: string;
  sort?: 'id' | 'code' | 'name' | 'createdAt' | 'updatedAt';
  order?: 'asc' | 'desc';
  [filter: string]: unknown;
}
export type ListQueryOf<S extends ResourceSpec> = Untyped<S> extends true ? ListQuery : ListQuery & { [K in FilterKeys<S> & string]?: FilterValue<S, K> };

/** A page of a list, as every list of the API answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const ENTERPRISE_FIELD = { column: 'enterprise_id', type: 'integer', required: false, immutable: true } as const satisfies FieldSpec;
