/**
 * Request and response schemas of the registry's routes that are not generic collections (the park,
 * its directory, summary and outbound allow-list, units of measure). One TypeBox definition per
 * shape gives the handler its types (through the type provider), the validator its schema and the
 * OpenAPI document its description; the service's types are the same definitions' static types.
 */
import Type, { type Static } from 'typebox';
import { Nullable } from '../../core/crud/schemas.ts';
import { CODE_PATTERN } from './model.ts';

const nullableString = (maxLength: number) => Nullable(Type.String({ maxLength }));

/** The park's writable fields, as a PATCH names them. */
export const parkFields = {
  code: Type.String({ pattern: CODE_PATTERN }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: nullableString(200),
  timezone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai' }),
  address: nullableString(500),
  lat: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  lng: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  identifierPrefix: Nullable(Type.String({ pattern: '^[0-9]+(\\.[0-9A-Za-z]+)*$', description: 'Handle-style identifier prefix, e.g. 88.118.2' })),
};

export const ParkSchema = Type.Object({ ...parkFields, updatedAt: Type.Integer() });
export type Park = Static<typeof ParkSchema>;

export const ParkPatchSchema = Type.Partial(Type.Object(parkFields), { minProperties: 1, additionalProperties: false });
export type ParkPatch = Static<typeof ParkPatchSchema>;

export const DirectoryEntrySchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  gln: Nullable(Type.String()),
});
export type DirectoryEntry = Static<typeof DirectoryEntrySchema>;
export const DirectorySchema = Type.Object({ items: Type.Array(DirectoryEntrySchema) });

/** Where webhooks may go although the outbound guard (src/core/outbound.ts) would refuse them. */
export const AllowlistSchema = Type.Object({
  entries: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
    maxItems: 200,
    description: 'hosts (hooks.internal), host:port (127.0.0.1:8080, [::1]:8080), addresses, or CIDR ranges (10.20.0.0/16)',
  }),
});
export const AllowlistBodySchema = Type.Object(AllowlistSchema.properties, { additionalProperties: false });

const count = () => Type.Integer();
export const SummarySchema = Type.Object({
  counts: Type.Object({ enterprises: count(), sites: count(), units: count(), devices: count(), tags: count(), materials: count(), users: count() }),
  enterprisesByIndustry: Type.Array(Type.Object({ industry: Type.String(), count: count() })),
  devicesByEnterprise: Type.Array(Type.Object({ enterpriseId: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()), count: count() })),
});
export type Summary = Static<typeof SummarySchema>;

export const UnitsOfMeasureSchema = Type.Array(
  Type.Object({ code: Type.String(), dimension: Type.String(), name: Type.String(), nameEn: Type.String(), factor: Type.Number(), offset: Type.Optional(Type.Number()) }),
);
