/**
 * Schemas of a resource, built with TypeBox from its spec: they validate requests, make Fastify
 * serialize responses with fast-json-stringify (every response schema is complete), document the API
 * (and through it the console's types, web/src/api/schema.d.ts), and carry the TypeScript types the
 * routes see (`Static<typeof itemSchema(spec)>` is `ItemOf<typeof spec>`).
 *
 * Nullable values keep the `type: [t, 'null']` spelling rather than TypeBox's `anyOf` union: the
 * validator reports one error per field for it, and the serializer needs no branch to pick.
 */
import Type, { type Static, type TInteger, type TSchema, type TUnsafe } from 'typebox';
import type { CreateOf, FieldSpec, ItemOf, ListQueryOf, Page, PatchOf, ResourceSpec } from './spec.ts';

type Schema = Record<string, unknown>;
/** What an object schema of this module also is, for callers that extend one (e.g. the users' routes). */
export interface ObjectSchema {
  type: 'object';
  properties: Record<string, TSchema>;
  required: string[];
}

/** A schema whose value may also be null, spelled `type: [t, 'null']` (see above). */
export function Nullable<T extends TSchema & { type: string }>(schema: T): TUnsafe<Static<T> | null> {
  const s: Schema = { ...(schema as Schema), type: [schema.type, 'null'] };
  if (Array.isArray(s.enum)) s.enum = [...(s.enum as unknown[]), null];
  return Type.Unsafe<Static<T> | null>(s);
}

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
export function pageParams(defaultLimit = 50, maxLimit = MAX_LIMIT): { limit: TInteger; offset: TInteger } {
  return {
    limit: Type.Integer({ minimum: 1, maximum: maxLimit, default: defaultLimit }),
    offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
  };
}

const ANY_OBJECT = () => Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true });

/** A field's value schema; on input, integers without bounds of their own get the range the store holds. */
function valueSchema(f: FieldSpec, input: boolean): TSchema & { type?: unknown } {
  if (f.type === 'json') return f.schema ?? ANY_OBJECT();
  const o: Schema = {};
  if (f.enum) o.enum = [...f.enum];
  for (const k of ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'description'] as const) {
    if (f[k] !== undefined) o[k] = f[k];
  }
  switch (f.type) {
    case 'string':
      if (f.maxLength === undefined && !f.enum) o.maxLength = 2000;
      return Type.String(o);
    case 'integer':
      if (input) {
        o.minimum ??= -MAX_ID;
        o.maximum ??= MAX_ID;
      }
      return Type.Integer(o);
    case 'number':
      return Type.Number(o);
    case 'boolean':
      return Type.Boolean(o);
  }
}

function fieldSchema(f: FieldSpec, input = false): TSchema {
  const s = valueSchema(f, input);
  if (!f.nullable) return s;
  if (f.type === 'json') return Type.Union([s, Type.Null()]);
  return Nullable(s as TSchema & { type: string });
}

const visible = (spec: ResourceSpec) => Object.entries(spec.fields).filter(([name]) => !spec.hidden?.includes(name));

const timestamp = () => Type.Integer({ description: 'epoch milliseconds, UTC' });

/** An object schema typed as T; `required` is always there (TypeBox leaves it out when empty). */
function objectOf<T>(properties: Record<string, TSchema>, options: Schema): TUnsafe<T> & ObjectSchema {
  const o = Type.Object(properties, options) as unknown as ObjectSchema;
  o.required ??= [];
  return Type.Unsafe<T>(o) as TUnsafe<T> & ObjectSchema;
}

/** An item as every response carries it; its static type is the spec's ItemOf. */
export function itemSchema<S extends ResourceSpec>(spec: S): TUnsafe<ItemOf<S>> & ObjectSchema {
  const properties: Record<string, TSchema> = { id: Type.Integer() };
  for (const [name, f] of visible(spec)) properties[name] = fieldSchema(f);
  Object.assign(properties, spec.extraItemFields ?? {});
  properties.createdAt = timestamp();
  properties.updatedAt = timestamp();
  return objectOf<ItemOf<S>>(properties, { additionalProperties: false });
}

export function createSchema<S extends ResourceSpec>(spec: S): TUnsafe<CreateOf<S>> & ObjectSchema {
  const properties: Record<string, TSchema> = {};
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.derived) continue;
    properties[name] = f.required ? fieldSchema(f, true) : Type.Optional(fieldSchema(f, true));
  }
  return objectOf<CreateOf<S>>(properties, { additionalProperties: false });
}

export function updateSchema<S extends ResourceSpec>(spec: S): TUnsafe<PatchOf<S>> & ObjectSchema {
  const properties: Record<string, TSchema> = {};
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.derived || f.immutable) continue;
    properties[name] = Type.Optional(fieldSchema(f, true));
  }
  return objectOf<PatchOf<S>>(properties, { minProperties: 1, additionalProperties: false });
}

export function listQuerySchema<S extends ResourceSpec>(spec: S): TUnsafe<ListQueryOf<S>> & ObjectSchema {
  const properties: Record<string, TSchema> = {
    ...pageParams(),
    q: Type.String({ maxLength: 200, description: 'searches code and names' }),
    sort: Type.String({ enum: [...SORT_FIELDS] }),
    order: Type.String({ enum: ['asc', 'desc'], default: 'asc' }),
  };
  for (const name of spec.filters) properties[name] = valueSchema(spec.fields[name], true);
  for (const [alias, name] of Object.entries(spec.filterAliases ?? {})) properties[alias] = valueSchema(spec.fields[name], true);
  for (const k of Object.keys(properties)) properties[k] = Type.Optional(properties[k]);
  return objectOf<ListQueryOf<S>>(properties, { additionalProperties: false });
}

/** A page of items: `{ items, total, limit, offset }`, every field always present. */
export function pageSchema<T extends TSchema>(item: T): TUnsafe<Page<Static<T>>> {
  return Type.Unsafe<Page<Static<T>>>(
    Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }),
  );
}

export function listResponseSchema<S extends ResourceSpec>(spec: S): TUnsafe<Page<ItemOf<S>>> {
  return pageSchema(itemSchema(spec));
}

/**
 * A row id in a path. Integer path parameters are also held to their canonical decimal spelling
 * (see installHttpPlumbing): `/devices/0x1` or `/devices/1.0` is no device, not device 1.
 */
export const idParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) });
