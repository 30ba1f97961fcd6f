/** The registry's collections as resource specs: the park's enterprises and what they operate. */
import Type from 'typebox';
import { Nullable } from '../../core/crud/schemas.ts';
import { defineResource, ENTERPRISE_FIELD, type FieldSpec } from '../../core/crud/spec.ts';
import type { FieldError } from '../../core/errors.ts';
import { isUnitCode, UNIT_CODES } from '../../core/units.ts';
import { isValidUscc } from '../../core/uscc.ts';
import { COMPANY_PREFIX_PATTERN, gs1CheckDigit } from '../identity/model.ts';
import { compositionProblems, ELEMENT_SYMBOLS, MAX_COMPOSITION_ELEMENTS, type ElementComposition } from './catalogue/composition.ts';
import { devicePolicy, enterprisePolicy, materialPolicy, sitePolicy, tagPolicy, unitPolicy } from './policy.ts';
import {
  checkLimits, checkMaterialCodes, CODE_PATTERN, DEVICE_KINDS, INDUSTRIES, MATERIAL_CATEGORIES,
  MATERIAL_CODE_PATTERN, PROTOCOLS, TAG_KEY_PATTERN, TAG_KINDS, UNIT_KINDS,
  SERVICE_STATES,
} from './model.ts';

const code = { column: 'code', type: 'string', required: true, pattern: CODE_PATTERN, description: 'lower-case letters, digits and dashes' } as const satisfies FieldSpec;
const name = { column: 'name', type: 'string', required: true, minLength: 1, maxLength: 200, description: 'name in Chinese' } as const satisfies FieldSpec;
const nameEn = { column: 'name_en', type: 'string', nullable: true, maxLength: 200, description: 'name in English' } as const satisfies FieldSpec;
const text = (column: string, maxLength = 2000) => ({ column, type: 'string', nullable: true, maxLength }) as const satisfies FieldSpec;
const num = (column: string, extra: { minimum?: number; maximum?: number } = {}) => ({ column, type: 'number', nullable: true, ...extra }) as const satisfies FieldSpec;
const derivedEnterprise = { column: 'enterprise_id', type: 'integer', derived: true } as const satisfies FieldSpec;
const unitOfMeasure = <R extends boolean>(column: string, required: R) => ({
  column, type: 'string', enum: UNIT_CODES, required, nullable: !required as R extends true ? false : true, description: 'unit of measure code',
}) as const satisfies FieldSpec;


export const enterpriseSpec = defineResource({
  name: 'enterprise',
  label: 'Enterprise',
  table: 'enterprises',
  collection: 'enterprises',
  ownership: { kind: 'self' },
  fields: {
    code: { ...code, immutable: true },
    name,
    nameEn,
    industry: { column: 'industry', type: 'string', enum: INDUSTRIES, required: true },
    uscc: { column: 'uscc', type: 'string', nullable: true, pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: 'Unified Social Credit Code (统一社会信用代码)' },
    gln: { column: 'gln', type: 'string', nullable: true, pattern: '^[0-9]{13}$', description: 'GLN of the enterprise as a party (PGLN): EPCIS shipments naming it as source or destination become visible to it' },
    gs1CompanyPrefixes: {
      column: 'gs1_company_prefixes',
      type: 'json',
      nullable: true,
      description: 'GS1 company prefixes the park recorded for the enterprise (park administrators write them): only it mints identifiers with GTINs under them',
      schema: Type.Array(Type.String({ pattern: COMPANY_PREFIX_PATTERN }), { maxItems: 100, uniqueItems: true, description: 'GS1 company prefixes, 4–12 digits each' }),
    },
    contactName: text('contact_name', 200),
    contactPhone: text('contact_phone', 50),
    description: text('description'),
  },
  // Creating and removing tenants is the park operator's; an enterprise keeps its profile current.
  policy: enterprisePolicy,
  children: [
    { table: 'sites', column: 'enterprise_id', label: 'sites' },
    { table: 'users', column: 'enterprise_id', label: 'users' },
    { table: 'materials', column: 'enterprise_id', label: 'private materials' },
  ],
  search: ['code', 'name', 'name_en'],
  filters: ['industry'],
  validate: (r) => [
    ...(typeof r.uscc === 'string' && !isValidUscc(r.uscc) ? [{ path: '/body/uscc', message: 'has a wrong check character (GB 32100-2015)' }] : []),
    ...(typeof r.gln === 'string' && gs1CheckDigit(r.gln.slice(0, 12)) !== Number(r.gln[12]) ? [{ path: '/body/gln', message: 'has a wrong check digit' }] : []),
    ...checkOwnPrefixes(r.gs1CompanyPrefixes),
  ],
});

/** An enterprise's own prefixes: none a prefix of another (across enterprises: RegistryService). */
function checkOwnPrefixes(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  const errors: FieldError[] = [];
  v.forEach((p, i) => {
    const other = v.findIndex((q, j) => j !== i && typeof p === 'string' && typeof q === 'string' && p.startsWith(q));
    if (other >= 0) errors.push({ path: `/body/gs1CompanyPrefixes/${i}`, message: `is under ${v[other]}, also listed` });
  });
  return errors;
}

export const siteSpec = defineResource({
  name: 'site',
  label: 'Site',
  table: 'sites',
  collection: 'sites',
  ownership: { kind: 'direct' },
  fields: {
    enterpriseId: ENTERPRISE_FIELD,
    code,
    name,
    nameEn,
    address: text('address', 500),
    lat: num('lat', { minimum: -90, maximum: 90 }),
    lng: num('lng', { minimum: -180, maximum: 180 }),
  },
  policy: sitePolicy,
  children: [
    { table: 'units', column: 'site_id', label: 'units' },
    { table: 'devices', column: 'site_id', label: 'devices' },
  ],
  search: ['code', 'name', 'name_en'],
  filters: ['enterpriseId'],
});

export const unitSpec = defineResource({
  name: 'unit',
  label: 'Unit',
  table: 'units',
  collection: 'units',
  ownership: { kind: 'parent', field: 'siteId', table: 'sites', label: 'Site' },
  fields: {
    enterpriseId: derivedEnterprise,
    siteId: { column: 'site_id', type: 'integer', required: true },
    code,
    name,
    nameEn,
    kind: { column: 'kind', type: 'string', enum: UNIT_KINDS, required: true },
    capacityValue: num('capacity_value', { minimum: 0 }),
    capacityUnit: unitOfMeasure('capacity_unit', false),
    description: text('description'),
  },
  policy: unitPolicy,
  children: [{ table: 'devices', column: 'unit_id', label: 'devices' }],
  search: ['code', 'name', 'name_en'],
  filters: ['enterpriseId', 'siteId', 'kind'],
});

export const deviceSpec = defineResource({
  name: 'device',
  label: 'Device',
  table: 'devices',
  collection: 'devices',
  ownership: { kind: 'parent', field: 'siteId', table: 'sites', label: 'Site' },
  fields: {
    enterpriseId: derivedEnterprise,
    siteId: { column: 'site_id', type: 'integer', required: true },
    unitId: { column: 'unit_id', type: 'integer', nullable: true },
    code: { ...code, description: 'unique in the park; the device id in MQTT topics' },
    name,
    nameEn,
    kind: { column: 'kind', type: 'string', enum: DEVICE_KINDS, required: true },
    protocol: { column: 'protocol', type: 'string', enum: PROTOCOLS, required: true },
    manufacturer: text('manufacturer', 200),
    model: text('model', 200),
    serialNo: text('serial_no', 200),
    enabled: { column: 'enabled', type: 'boolean', default: true },
    serviceState: { column: 'service_state', type: 'string', enum: SERVICE_STATES, default: 'in_service', description: 'in maintenance or out of service, its alarms are suppressed' },
  },
  policy: devicePolicy,
  references: [{ field: 'unitId', table: 'units', label: 'Unit', match: { column: 'site_id', field: 'siteId' } }],
  extraItemFields: {
    online: Nullable(Type.Boolean({ description: 'connected and heard from within 5 minutes' })),
    lastSeenAt: Nullable(Type.Integer({ description: 'epoch ms of the latest reading' })),
  },
  children: [{ table: 'tags', column: 'device_id', label: 'tags' }],
  search: ['code', 'name', 'name_en'],
  filters: ['enterpriseId', 'siteId', 'unitId', 'kind', 'protocol'],
});

export const tagSpec = defineResource({
  name: 'tag',
  label: 'Tag',
  table: 'tags',
  collection: 'tags',
  ownership: { kind: 'parent', field: 'deviceId', table: 'devices', label: 'Device' },
  fields: {
    enterpriseId: derivedEnterprise,
    deviceId: { column: 'device_id', type: 'integer', required: true },
    key: { column: 'key', type: 'string', required: true, pattern: TAG_KEY_PATTERN, description: 'the value key in telemetry payloads' },
    name,
    nameEn,
    kind: { column: 'kind', type: 'string', enum: TAG_KINDS, required: true },
    unit: unitOfMeasure('unit', true),
    materialId: { column: 'material_id', type: 'integer', nullable: true },
    lowLowLimit: num('low_low_limit'),
    lowLimit: num('low_limit'),
    highLimit: num('high_limit'),
    highHighLimit: num('high_high_limit'),
    description: text('description'),
  },
  policy: tagPolicy,
  references: [{ field: 'materialId', table: 'materials', label: 'Material', sharedWhenNull: true }],
  search: ['key', 'name', 'name_en'],
  filters: ['enterpriseId', 'deviceId', 'kind', 'materialId'],
  filterAliases: { device: 'deviceId' },
  validate: checkLimits,
});

const materialUnit = { column: 'unit', type: 'string', required: true, enum: UNIT_CODES } as const satisfies FieldSpec;
const codeText = (column: string, maxLength: number, description: string) => ({ ...text(column, maxLength), description }) as const satisfies FieldSpec;

export const materialSpec = defineResource({
  name: 'material',
  label: 'Material',
  table: 'materials',
  collection: 'materials',
  // NULL enterprise = the park catalogue, shared with every tenant; written by the park operator.
  ownership: { kind: 'direct', nullable: true },
  sharedWhenNull: true,
  fields: {
    enterpriseId: { ...ENTERPRISE_FIELD, nullable: true },
    code: { column: 'code', type: 'string', required: true, pattern: MATERIAL_CODE_PATTERN, immutable: true },
    name,
    nameEn,
    category: { column: 'category', type: 'string', enum: MATERIAL_CATEGORIES, required: true },
    hazardous: { column: 'hazardous', type: 'boolean', required: true },
    unit: materialUnit,
    hwCode: codeText('hw_code', 20, 'National Hazardous Waste List code, e.g. HW06/900-402-06'),
    swCode: codeText('sw_code', 10, 'general industrial solid waste category, e.g. SW10'),
    ewcCode: codeText('ewc_code', 12, 'European Waste Catalogue code, * marks hazardous'),
    hsCode: codeText('hs_code', 12, 'Harmonized System code'),
    casNo: { ...text('cas_no', 20), pattern: '^\\d{2,7}-\\d{2}-\\d$' },
    densityKgM3: num('density_kg_m3', { minimum: 0 }),
    lhvMJPerKg: num('lhv_mj_per_kg', { minimum: 0 }),
    lhvMJPerUnit: num('lhv_mj_per_unit', { minimum: 0 }),
    carbonContentKgCPerKg: num('carbon_content_kg_c_per_kg', { minimum: 0, maximum: 1 }),
    emissionFactorKgCO2ePerUnit: num('emission_factor_kg_co2e_per_unit', { minimum: 0 }),
    kgcePerUnit: num('kgce_per_unit', { minimum: 0 }),
    composition: {
      column: 'composition',
      type: 'json',
      nullable: true,
      description: 'element mass fractions of the material as counted (element symbol → fraction 0..1, sd where it varies); the flow ledger balances elements with them',
      schema: Type.Unsafe<ElementComposition>({
        type: 'object',
        minProperties: 1,
        maxProperties: MAX_COMPOSITION_ELEMENTS,
        propertyNames: { enum: [...ELEMENT_SYMBOLS] },
        additionalProperties: {
          type: 'object',
          required: ['fraction'],
          additionalProperties: false,
          properties: { fraction: { type: 'number', minimum: 0, maximum: 1 }, sd: { type: 'number', minimum: 0, maximum: 1 } },
        },
      }),
    },
    description: text('description'),
    sources: { column: 'sources', type: 'json', nullable: true, schema: Type.Unsafe<Record<string, string>>({ type: 'object', additionalProperties: { type: 'string', maxLength: 500 } }) },
    catalogueVersion: { column: 'catalogue_version', type: 'integer', nullable: true, derived: true },
  },
  policy: materialPolicy,
  search: ['code', 'name', 'name_en', 'hw_code', 'ewc_code', 'hs_code'],
  filters: ['enterpriseId', 'category', 'hazardous'],
  validate: (m): FieldError[] => [
    ...checkMaterialCodes(m),
    // The schema checks each fraction; what it cannot say is that together they fit in one kilogram.
    ...(m.composition ? compositionProblems(m.composition).map((message) => ({ path: '/body/composition', message })) : []),
    ...(typeof m.unit === 'string' && !isUnitCode(m.unit) ? [{ path: '/body/unit', message: 'unknown unit' }] : []),
  ],
});

export const REGISTRY_SPECS = [enterpriseSpec, siteSpec, unitSpec, deviceSpec, tagSpec, materialSpec] as const;
