/** JSON Schemas of a resource, derived from its spec: they validate requests and document the API. */
import type { FieldSpec, ResourceSpec } from './spec.ts';

type Schema = Record<string, unknown>;

export const SORT_FIELDS = ['id', 'code', 'name', 'createdAt', 'updatedAt'] as const;

/**
 * The largest row id and integer field value: PostgreSQL's `integer` (the registry's ids). Anything
 * larger cannot be stored, and sent to the database it fails the query instead of matching nothing.
 */
export const MAX_ID = 2_147_483_647;
/** Paging deeper than this is not browsing; filter instead. Bounded so the store is never handed 1e20. */
export const MAX_OFFSET = 1_000_000_000;
export const MAX_LIMIT = 1000;

/** `limit` and `offset` of every list in the API, validated as bounded whole numbers. */
export function pageParams(defaultLimit = 50, maxLimit = MAX_LIMIT): Schema {
  return {
    limit: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit },
    offset: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 },
  };
}

function valueSchema(f: FieldSpec): Schema {
  if (f.type === 'json') return f.schema ?? { type: 'object', additionalProperties: true };
  const s: Schema = { type: f.type };
  if (f.enum) s.enum = [...f.enum];
  for (const k of ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'description'] as const) {
    if (f[k] !== undefined) s[k] = f[k];
  }
  if (f.type === 'string' && f.maxLength === undefined && !f.enum) s.maxLength = 2000;
  return s;
}

/** A field's schema on input: integers without bounds of their own get the range the store holds. */
function inputValueSchema(f: FieldSpec): Schema {
  const s = valueSchema(f);
  if (f.type === 'integer') {
    s.minimum ??= -MAX_ID;
    s.maximum ??= MAX_ID;
  }
  return s;
}

function fieldSchema(f: FieldSpec, input = false): Schema {
  const s = input ? inputValueSchema(f) : valueSchema(f);
  if (!f.nullable) return s;
  if (f.type === 'json') return { anyOf: [s, { type: 'null' }] };
  const n: Schema = { ...s, type: [f.type, 'null'] };
  if (f.enum) n.enum = [...f.enum, null];
  return n;
}

const visible = (spec: ResourceSpec) => Object.entries(spec.fields).filter(([name]) => !spec.hidden?.includes(name));

export function itemSchema(spec: ResourceSpec): Schema {
  const properties: Schema = { id: { type: 'integer' } };
  for (const [name, f] of visible(spec)) properties[name] = fieldSchema(f);
  Object.assign(properties, spec.extraItemFields ?? {});
  properties.createdAt = { type: 'integer', description: 'epoch milliseconds, UTC' };
  properties.updatedAt = { type: 'integer', description: 'epoch milliseconds, UTC' };
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

export function createSchema(spec: ResourceSpec): Schema {
  const properties: Schema = {};
  const required: string[] = [];
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.derived) continue;
    properties[name] = fieldSchema(f, true);
    if (f.required) required.push(name);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

export function updateSchema(spec: ResourceSpec): Schema {
  const properties: Schema = {};
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.derived || f.immutable) continue;
    properties[name] = fieldSchema(f, true);
  }
  return { type: 'object', properties, minProperties: 1, additionalProperties: false };
}

export function listQuerySchema(spec: ResourceSpec): Schema {
  const properties: Schema = {
    ...pageParams(),
    q: { type: 'string', maxLength: 200, description: 'searches code and names' },
    sort: { type: 'string', enum: [...SORT_FIELDS] },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
  };
  for (const name of spec.filters) properties[name] = inputValueSchema(spec.fields[name]);
  for (const [alias, name] of Object.entries(spec.filterAliases ?? {})) properties[alias] = inputValueSchema(spec.fields[name]);
  return { type: 'object', properties, additionalProperties: false };
}

export function listResponseSchema(spec: ResourceSpec): Schema {
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items: itemSchema(spec) },
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
    },
    required: ['items', 'total', 'limit', 'offset'],
  };
}

/**
 * A row id in a path. Integer path parameters are also held to their canonical decimal spelling
 * (see installHttpPlumbing): `/devices/0x1` or `/devices/1.0` is no device, not device 1.
 */
export const idParamsSchema: Schema = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: MAX_ID } },
  required: ['id'],
};
