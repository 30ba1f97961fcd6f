/**
 * The exchange's plain collections as generic resources (src/core/crud):
 * - `exchange-listings`: an enterprise's own offers and demands, in every state (the market, what
 *   others see of the published ones, is market.ts's read, not this collection);
 * - `waste-licences`: what lets a receiver take or a transporter carry a hazardous waste (written by
 *   the park administrator alone, whose job it is to check a licence against the issuing authority's
 *   register: manifests are signed or refused on it);
 * - `exchange-substitutions` and `exchange-distances`: the park's own tables, with no enterprise at
 *   all, readable by every user and written by the park administrator (ParkTableService below).
 *
 * What the schema cannot say about one field alone (min ≤ max, from ≤ to, a lot no larger than the
 * quantity, partners named for a partners-only listing) is checked by the `validate` functions,
 * which are pure and tested beside this file; what needs the store (partners are enterprises of the
 * park) is checked in the write's transaction (service.ts).
 */
import Type from 'typebox';
import { Nullable } from '../../core/crud/schemas.ts';
import { ResourceService } from '../../core/crud/service.ts';
import { defineResource, ENTERPRISE_FIELD, type CreateOf, type FieldSpec, type ItemOf, type ListQuery, type ListQueryOf, type Page, type PatchOf, type ResourceSpec } from '../../core/crud/spec.ts';
import type { Row } from '../../core/crud/store.ts';
import type { FieldError } from '../../core/errors.ts';
import type { AuthContext } from '../../core/roles.ts';
import {
  DISPOSAL_ROUTES, LICENCE_KINDS, LISTING_AUDIENCES, LISTING_RECURRENCES, LISTING_SIDES, LISTING_STATES, QUALITY_PROPERTIES,
  type Analysis, type PropertyRanges,
} from './model.ts';
import { distancePolicy, licencePolicy, listingPolicy, substitutionPolicy } from './policy.ts';

/** 'YYYY-MM-DD' (the calendar is checked by `dateProblem`). */
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
/** A full hazardous-waste code (HW08/900-249-08). */
export const HW_FULL_PATTERN = 'HW[0-9]{2}/[0-9]{3}-[0-9]{3}-[0-9]{2}';
/** A hazardous-waste class (HW08) or full code. */
export const HW_CODE_OR_CLASS_PATTERN = `^HW[0-9]{2}(/[0-9]{3}-[0-9]{3}-[0-9]{2})?$`;
/** What a demand may accept: a catalogue material code (which also spells HW08 and SW10) or a full waste code. */
export const ACCEPT_PATTERN = `^([A-Z][A-Z0-9_]{0,63}|${HW_FULL_PATTERN})$`;
/** Bounds that keep hostile numbers out of the engine: no quantity, price or property beyond them means anything. */
export const MAX_QUANTITY = 1e9;
export const MAX_PRICE = 1e6;
export const MAX_PROPERTY = 1e6;
export const MAX_KM = 10_000;
export const MAX_PARTNERS = 100;
export const MAX_ACCEPTS = 50;
export const MAX_ANALYSES = 20;

const rangeSchema = Type.Object(
  {
    min: Type.Optional(Type.Number({ minimum: -MAX_PROPERTY, maximum: MAX_PROPERTY })),
    max: Type.Optional(Type.Number({ minimum: -MAX_PROPERTY, maximum: MAX_PROPERTY })),
  },
  { additionalProperties: false },
);
/** PropertyRanges as JSON Schema: keys from QUALITY_PROPERTIES only, each a closed range with optional bounds. */
export const propertyRangesSchema = Type.Unsafe<PropertyRanges>({
  type: 'object',
  propertyNames: { enum: Object.keys(QUALITY_PROPERTIES) },
  additionalProperties: rangeSchema,
  maxProperties: Object.keys(QUALITY_PROPERTIES).length,
  description: `quality property → {min, max} (inclusive; a missing bound is open); keys: ${Object.entries(QUALITY_PROPERTIES).map(([k, u]) => `${k} (${u})`).join(', ')}`,
});
const analysisSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    date: Type.Optional(Type.String({ pattern: DATE_PATTERN })),
    lab: Type.Optional(Type.String({ maxLength: 200 })),
    values: Type.Optional(propertyRangesSchema),
  },
  { additionalProperties: false },
);

const note = { column: 'note', type: 'string', nullable: true, maxLength: 2000 } as const satisfies FieldSpec;
const date = (column: string, description: string) => ({ column, type: 'string', nullable: true, pattern: DATE_PATTERN, description }) as const satisfies FieldSpec;
const requiredDate = (column: string, description: string) => ({ column, type: 'string', required: true, pattern: DATE_PATTERN, description }) as const satisfies FieldSpec;

export const exchangeListingSpec = defineResource({
  name: 'exchange_listing',
  label: 'Exchange listing',
  table: 'exchange_listings',
  collection: 'exchange-listings',
  ownership: { kind: 'direct' },
  fields: {
    enterpriseId: ENTERPRISE_FIELD,
    side: { column: 'side', type: 'string', enum: LISTING_SIDES, required: true, immutable: true, description: 'offer: what the enterprise gives away or sells; demand: what it would take in' },
    state: { column: 'state', type: 'string', enum: LISTING_STATES, default: 'draft', description: 'draft: only the enterprise sees it; published: its audience does; withdrawn: kept for the history of its deals' },
    title: { column: 'title', type: 'string', required: true, minLength: 1, maxLength: 200 },
    materialId: { column: 'material_id', type: 'integer', required: true, minimum: 1, description: 'offer: the material offered; demand: the material it needs (the virgin input a match replaces); the park catalogue or the enterprise’s own' },
    accepts: {
      column: 'accepts',
      type: 'json',
      nullable: true,
      description: 'demand: further catalogue material codes or waste codes (HW08/900-249-08, a class HW08, SW10) it accepts',
      schema: Type.Array(Type.String({ pattern: ACCEPT_PATTERN }), { maxItems: MAX_ACCEPTS, uniqueItems: true }),
    },
    quantity: { column: 'quantity', type: 'number', required: true, minimum: 0, maximum: MAX_QUANTITY, description: 'per recurrence, in the material’s catalogue unit (> 0)' },
    recurrence: { column: 'recurrence', type: 'string', enum: LISTING_RECURRENCES, default: 'month', description: 'month or year: quantity per month or year; once: one lot within the window' },
    availableFrom: date('available_from', "first day available, 'YYYY-MM-DD'; null: open"),
    availableTo: date('available_to', "last day available, 'YYYY-MM-DD'; null: open"),
    siteId: { column: 'site_id', type: 'integer', required: true, minimum: 1, description: 'where the material is (offer) or is needed (demand): one of the enterprise’s sites' },
    properties: { column: 'properties', type: 'json', nullable: true, schema: propertyRangesSchema },
    priceCnyPerUnit: { column: 'price_cny_per_unit', type: 'number', nullable: true, minimum: -MAX_PRICE, maximum: MAX_PRICE, description: 'offer: price asked (negative: a gate fee the supplier pays); demand: the most it pays; CNY per unit' },
    currentRoute: { column: 'current_route', type: 'string', enum: DISPOSAL_ROUTES, nullable: true, description: 'offer only: where the material goes today (what a match avoids)' },
    minLot: { column: 'min_lot', type: 'number', nullable: true, minimum: 0, maximum: MAX_QUANTITY, description: 'the smallest quantity per match worth moving, per recurrence (≤ quantity); null: any' },
    handling: { column: 'handling', type: 'string', nullable: true, maxLength: 2000, description: 'handling requirements (packaging, temperature, vehicle)' },
    analyses: { column: 'analyses', type: 'json', nullable: true, schema: Type.Unsafe<Analysis[]>(Type.Array(analysisSchema, { maxItems: MAX_ANALYSES })) },
    audience: { column: 'audience', type: 'string', enum: LISTING_AUDIENCES, default: 'park', description: 'park: every enterprise sees it once published; partners: only the enterprises partnerIds names (the park always)' },
    partnerIds: {
      column: 'partner_ids',
      type: 'json',
      nullable: true,
      description: 'the enterprises a partners-only listing is shown to',
      schema: Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), { maxItems: MAX_PARTNERS, uniqueItems: true }),
    },
    anonymous: { column: 'anonymous', type: 'boolean', default: false, description: 'other enterprises see it without the enterprise and site until a deal is agreed (the park sees who)' },
    sourceFlowId: { column: 'source_flow_id', type: 'integer', nullable: true, minimum: 1, description: 'the ledger flow it was drafted from' },
    note,
  },
  extraItemFields: {
    materialCode: Nullable(Type.String({ description: 'the material’s code' })),
    materialUnit: Nullable(Type.String({ description: 'the material’s catalogue unit: what quantity counts in' })),
    siteCode: Nullable(Type.String({ description: 'the site’s code' })),
  },
  policy: listingPolicy,
  references: [
    { field: 'materialId', table: 'materials', label: 'Material', sharedWhenNull: true },
    { field: 'siteId', table: 'sites', label: 'Site' },
  ],
  search: ['title', 'note', 'handling'],
  filters: ['enterpriseId', 'side', 'state', 'materialId', 'siteId', 'audience'],
  validate: (r) => listingProblems(r),
});

export const wasteLicenceSpec = defineResource({
  name: 'waste_licence',
  label: 'Waste licence',
  table: 'waste_licences',
  collection: 'waste-licences',
  ownership: { kind: 'direct' },
  fields: {
    enterpriseId: ENTERPRISE_FIELD,
    number: { column: 'number', type: 'string', required: true, minLength: 1, maxLength: 64, description: 'the licence number (危险废物经营许可证编号)' },
    kind: { column: 'kind', type: 'string', enum: LICENCE_KINDS, required: true, description: 'receiver: may take and treat the codes; transporter: may carry them' },
    codes: {
      column: 'codes',
      type: 'json',
      required: true,
      description: 'the waste codes covered: a full code (HW08/900-249-08) or a whole class (HW08)',
      schema: Type.Array(Type.String({ pattern: HW_CODE_OR_CLASS_PATTERN }), { minItems: 1, maxItems: 200, uniqueItems: true }),
    },
    annualCapacityT: { column: 'annual_capacity_t', type: 'number', nullable: true, minimum: 0, maximum: MAX_QUANTITY, description: 't per year; null: no cap stated' },
    validFrom: requiredDate('valid_from', "'YYYY-MM-DD', inclusive"),
    validTo: requiredDate('valid_to', "'YYYY-MM-DD', inclusive"),
    siteId: { column: 'site_id', type: 'integer', nullable: true, minimum: 1, description: 'receivers: the facility it covers' },
    vehicle: { column: 'vehicle', type: 'string', nullable: true, maxLength: 64, description: 'transporters: the vehicle it covers' },
    issuer: { column: 'issuer', type: 'string', nullable: true, maxLength: 200 },
    note,
  },
  policy: licencePolicy,
  references: [{ field: 'siteId', table: 'sites', label: 'Site' }],
  search: ['number', 'issuer', 'note'],
  filters: ['enterpriseId', 'kind', 'siteId'],
  validate: (r) => licenceProblems(r),
});

export const exchangeSubstitutionSpec = defineResource({
  name: 'exchange_substitution',
  label: 'Exchange substitution',
  table: 'exchange_substitutions',
  collection: 'exchange-substitutions',
  // No enterprise: the park's own rule (see ParkTableService).
  ownership: { kind: 'direct', nullable: true },
  fields: {
    offeredMaterialId: { column: 'offered_material_id', type: 'integer', required: true, minimum: 1, description: 'the material offered (park catalogue)' },
    replacesMaterialId: { column: 'replaces_material_id', type: 'integer', required: true, minimum: 1, description: 'the material it stands in for (park catalogue)' },
    ratio: { column: 'ratio', type: 'number', required: true, minimum: 0, maximum: 1000, description: 'units of the replaced material one unit of the offered one stands in for (> 0)' },
    conditions: { column: 'conditions', type: 'json', nullable: true, schema: propertyRangesSchema, description: 'the property ranges the offered material must be within for the rule to hold' },
    source: { column: 'source', type: 'string', nullable: true, maxLength: 200, description: 'where the rule comes from, e.g. GB/T 23456-2018' },
    note,
  },
  extraItemFields: {
    offeredMaterialCode: Nullable(Type.String()),
    replacesMaterialCode: Nullable(Type.String()),
  },
  policy: substitutionPolicy,
  references: [
    { field: 'offeredMaterialId', table: 'materials', label: 'Catalogue material', sharedWhenNull: true },
    { field: 'replacesMaterialId', table: 'materials', label: 'Catalogue material', sharedWhenNull: true },
  ],
  search: ['source', 'note'],
  filters: ['offeredMaterialId', 'replacesMaterialId'],
  validate: (r) => substitutionProblems(r),
});

export const exchangeDistanceSpec = defineResource({
  name: 'exchange_distance',
  label: 'Exchange distance',
  table: 'exchange_distances',
  collection: 'exchange-distances',
  ownership: { kind: 'direct', nullable: true },
  fields: {
    fromSiteId: { column: 'from_site_id', type: 'integer', required: true, minimum: 1 },
    toSiteId: { column: 'to_site_id', type: 'integer', required: true, minimum: 1 },
    km: { column: 'km', type: 'number', required: true, minimum: 0, maximum: MAX_KM, description: 'road (or pipe) km from one site to the other (> 0); wins over the coordinates' },
    note,
  },
  extraItemFields: {
    fromSiteCode: Nullable(Type.String()),
    toSiteCode: Nullable(Type.String()),
  },
  policy: distancePolicy,
  references: [
    { field: 'fromSiteId', table: 'sites', label: 'Site', anyTenant: true },
    { field: 'toSiteId', table: 'sites', label: 'Site', anyTenant: true },
  ],
  search: ['note'],
  filters: ['fromSiteId', 'toSiteId'],
  validate: (r) => distanceProblems(r),
});

// ---- whole-record checks (pure) -------------------------------------------------------------------

const isDate = (s: unknown): s is string => typeof s === 'string' && new RegExp(DATE_PATTERN).test(s);

/** A 'YYYY-MM-DD' that is a day of the calendar (not 2026-02-30), or the problem. */
export function dateProblem(value: unknown, path: string): FieldError | null {
  if (value === null || value === undefined) return null;
  if (!isDate(value)) return { path, message: "must be a date 'YYYY-MM-DD'" };
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? { path, message: 'is not a day of the calendar' } : null;
}

function windowProblems(from: unknown, to: unknown, fromPath: string, toPath: string): FieldError[] {
  const errors = [dateProblem(from, fromPath), dateProblem(to, toPath)].filter((e): e is FieldError => e !== null);
  if (!errors.length && isDate(from) && isDate(to) && from > to) errors.push({ path: toPath, message: 'must not be before the first day' });
  return errors;
}

/** Each range's bounds finite and min ≤ max; keys known (the schema checks them too, this for callers that skip it). */
export function rangesProblems(ranges: unknown, path: string): FieldError[] {
  if (ranges === null || ranges === undefined) return [];
  if (typeof ranges !== 'object' || Array.isArray(ranges)) return [{ path, message: 'must be an object of property ranges' }];
  const errors: FieldError[] = [];
  for (const [key, range] of Object.entries(ranges as Record<string, unknown>)) {
    if (!(key in QUALITY_PROPERTIES)) {
      errors.push({ path: `${path}/${key}`, message: `is not a quality property (${Object.keys(QUALITY_PROPERTIES).join(', ')})` });
      continue;
    }
    const r = (range ?? {}) as { min?: unknown; max?: unknown };
    for (const bound of ['min', 'max'] as const) {
      const v = r[bound];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) errors.push({ path: `${path}/${key}/${bound}`, message: 'must be a finite number' });
    }
    if (typeof r.min === 'number' && typeof r.max === 'number' && r.min > r.max) errors.push({ path: `${path}/${key}`, message: 'min must not exceed max' });
  }
  return errors;
}

export function listingProblems(r: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof r.quantity === 'number' && !(r.quantity > 0 && Number.isFinite(r.quantity))) errors.push({ path: '/body/quantity', message: 'must be greater than 0' });
  if (typeof r.minLot === 'number' && typeof r.quantity === 'number' && r.minLot > r.quantity) errors.push({ path: '/body/minLot', message: 'must not exceed the quantity' });
  errors.push(...windowProblems(r.availableFrom, r.availableTo, '/body/availableFrom', '/body/availableTo'));
  errors.push(...rangesProblems(r.properties, '/body/properties'));
  if (Array.isArray(r.analyses)) (r.analyses as Analysis[]).forEach((a, i) => {
    errors.push(...rangesProblems(a?.values, `/body/analyses/${i}/values`));
    const d = dateProblem(a?.date, `/body/analyses/${i}/date`);
    if (d) errors.push(d);
  });
  if (r.side === 'demand' && r.currentRoute !== null && r.currentRoute !== undefined) errors.push({ path: '/body/currentRoute', message: 'belongs to an offer (where its material goes today); leave it null on a demand' });
  if (r.side === 'offer' && Array.isArray(r.accepts) && r.accepts.length > 0) errors.push({ path: '/body/accepts', message: 'belongs to a demand (what else it takes); leave it empty on an offer' });
  const partners = Array.isArray(r.partnerIds) ? (r.partnerIds as unknown[]) : [];
  if (r.audience === 'partners' && partners.length === 0) errors.push({ path: '/body/partnerIds', message: 'must name at least one enterprise for a partners-only listing' });
  if (typeof r.enterpriseId === 'number' && partners.includes(r.enterpriseId)) errors.push({ path: '/body/partnerIds', message: 'must not name the listing’s own enterprise' });
  return errors;
}

export function licenceProblems(r: Record<string, unknown>): FieldError[] {
  return windowProblems(r.validFrom, r.validTo, '/body/validFrom', '/body/validTo');
}

export function substitutionProblems(r: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof r.ratio === 'number' && !(r.ratio > 0)) errors.push({ path: '/body/ratio', message: 'must be greater than 0' });
  if (r.offeredMaterialId !== undefined && r.offeredMaterialId === r.replacesMaterialId) errors.push({ path: '/body/replacesMaterialId', message: 'must differ from the offered material' });
  errors.push(...rangesProblems(r.conditions, '/body/conditions'));
  return errors;
}

export function distanceProblems(r: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof r.km === 'number' && !(r.km > 0)) errors.push({ path: '/body/km', message: 'must be greater than 0' });
  if (r.fromSiteId !== undefined && r.fromSiteId === r.toSiteId) errors.push({ path: '/body/toSiteId', message: 'must differ from the first site' });
  return errors;
}

// ---- the park's own tables ---------------------------------------------------------------------------

/**
 * A resource over a table no enterprise owns (substitutions, distances): every user reads every
 * row, only the spec's policy writes. The generic store filters reads by `enterprise_id`, which
 * these tables do not have, so reads go through a park reader (nothing there belongs to a tenant,
 * so nothing is disclosed), and a write is refused by the policy before the store is asked for
 * the row, so an enterprise user's update is 403 rather than a query on a missing column.
 */
export class ParkTableService<S extends ResourceSpec> extends ResourceService<S> {
  private static reader(ctx: AuthContext): AuthContext {
    return { ...ctx, role: 'park_viewer', enterpriseId: null };
  }

  override list(ctx: AuthContext, query: ListQuery | ListQueryOf<S>): Promise<Page<ItemOf<S>>> {
    return super.list(ParkTableService.reader(ctx), query);
  }

  override get(ctx: AuthContext, id: number): Promise<ItemOf<S>> {
    return super.get(ParkTableService.reader(ctx), id);
  }

  override create(ctx: AuthContext, input: CreateOf<S>, extraRow: Row = {}): Promise<ItemOf<S>> {
    this.spec.policy.assert(ctx, 'create', null);
    return super.create(ctx, input, extraRow);
  }

  override update(ctx: AuthContext, id: number, patch: PatchOf<S>, extraRow: Row = {}): Promise<ItemOf<S>> {
    this.spec.policy.assert(ctx, 'update', null);
    return super.update(ctx, id, patch, extraRow);
  }

  override remove(ctx: AuthContext, id: number): Promise<void> {
    this.spec.policy.assert(ctx, 'delete', null);
    return super.remove(ctx, id);
  }
}
