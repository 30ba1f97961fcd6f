/**
 * The shipped material catalogue: the vocabulary of materials, products, by-products, wastes and
 * energy carriers the whole platform shares, with the official codes and the physical properties
 * used by mass, energy and CO2 accounting. Every code and every number carries its source.
 *
 * Pure: the only I/O is the import of the versioned JSON next to this file. See docs/catalogue.md.
 */
import data from './materials.v2.json' with { type: 'json' };
import { MATERIAL_CATEGORIES } from '../model.ts';
import { compositionProblems, type ElementComposition } from './composition.ts';

export { MATERIAL_CATEGORIES };
export type MaterialCategory = (typeof MATERIAL_CATEGORIES)[number];

/** Units a catalogue entry may be counted in (a subset of the platform's units of measure). */
export const CATALOGUE_UNITS = ['kg', 't', 'm3', 'L', 'Nm3', 'kWh', 'MWh', 'MJ', 'GJ', 'kgce', 'tce', 'kgCO2e', 'tCO2e', 'pcs'] as const;
export type CatalogueUnit = (typeof CATALOGUE_UNITS)[number];

export const CATALOGUE_NAME = 'symbiont-materials';

/** One catalogue entry. Optional fields are left out when no reliable value is known. */
export interface CatalogueMaterial {
  /** Stable key, UPPER_SNAKE, unique in the catalogue. */
  code: string;
  name: string;
  nameEn: string;
  category: MaterialCategory;
  /** True for hazardous wastes (listed, EWC-starred, or managed as such); not a chemical-hazard flag. */
  hazardous: boolean;
  /** Default unit; every per-unit property below is per one of it. */
  unit: CatalogueUnit;
  /** 国家危险废物名录 code, e.g. HW06/900-402-06. */
  hwCode?: string;
  /** General industrial solid waste category, SW01…SW59. */
  swCode?: string;
  /** European Waste Catalogue code, "07 05 04*" (* = hazardous). */
  ewcCode?: string;
  /** Harmonized System heading or subheading, "3901" or "3901.10". */
  hsCode?: string;
  casNo?: string;
  densityKgM3?: number;
  lhvMJPerKg?: number;
  /** Energy content per unit: LHV for fuels metered by volume, 3.6 MJ per kWh, heat content per t of steam. */
  lhvMJPerUnit?: number;
  carbonContentKgCPerKg?: number;
  emissionFactorKgCO2ePerUnit?: number;
  kgcePerUnit?: number;
  /** Element mass fractions (of the material as counted: a 31 % acid's Cl is per t of acid). */
  composition?: ElementComposition;
  description: string;
  /** Citation per field name, for every code and property present. */
  sources: Record<string, string>;
}

export interface Catalogue {
  version: number;
  publishedAt: string;
  materials: CatalogueMaterial[];
}

export const CODE_FIELDS = ['hwCode', 'swCode', 'ewcCode', 'hsCode', 'casNo'] as const;
export const NUMBER_FIELDS = [
  'densityKgM3', 'lhvMJPerKg', 'lhvMJPerUnit', 'carbonContentKgCPerKg', 'emissionFactorKgCO2ePerUnit', 'kgcePerUnit',
] as const;
const TEXT_FIELDS = ['code', 'name', 'nameEn', 'description'] as const;
const ENTRY_FIELDS = new Set<string>([
  ...TEXT_FIELDS, 'category', 'hazardous', 'unit', ...CODE_FIELDS, ...NUMBER_FIELDS, 'composition', 'sources',
]);
/** Fields that need a citation whenever they are present. */
const CITED_FIELDS = [...CODE_FIELDS, ...NUMBER_FIELDS, 'composition'] as const;
/** Keys a `sources` object may use: fields that carry a value worth citing. */
const SOURCE_KEYS = new Set<string>([...CITED_FIELDS, 'hazardous', 'category', 'unit']);

const MATERIAL_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const HW_CODE = /^HW(\d{2})\/\d{3}-\d{3}-(\d{2})$/;
const SW_CODE = /^SW\d{2}$/;
const EWC_CODE = /^\d{2} \d{2} \d{2}\*?$/;
const HS_CODE = /^\d{4}(\.\d{2}(\d{2})?)?$/;
const CAS_NO = /^([1-9]\d{1,6})-(\d{2})-(\d)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How far a composition's exact C may differ from carbonContentKgCPerKg (rounding of the fourth place). */
const CARBON_AGREEMENT = 0.0005;

/** Energy units have a fixed energy content per unit; an entry counted in one must agree with it. */
const MJ_PER_ENERGY_UNIT: Partial<Record<CatalogueUnit, number>> = { kWh: 3.6, MWh: 3600, MJ: 1, GJ: 1000 };
/** Mass units: kg per unit, used to check lhvMJPerUnit against lhvMJPerKg. */
const KG_PER_MASS_UNIT: Partial<Record<CatalogueUnit, number>> = { kg: 1, t: 1000 };

/** The CAS check digit of the digits before it (the first two groups, hyphens removed). */
export function casCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * Number(body[body.length - 1 - i]);
  return sum % 10;
}

/** True when `cas` has the CAS Registry Number shape (2–7, 2 and 1 digits) and a correct check digit. */
export function isValidCasNumber(cas: string): boolean {
  const m = CAS_NO.exec(cas);
  if (!m) return false;
  return casCheckDigit(m[1] + m[2]) === Number(m[3]);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const near = (a: number, b: number, rel: number): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

function checkEntry(m: Record<string, unknown>, label: string): string[] {
  const problems: string[] = [];
  const say = (field: string, message: string) => problems.push(`${label}: ${field} ${message}`);

  for (const key of Object.keys(m)) if (!ENTRY_FIELDS.has(key)) say(key, 'is not a catalogue field');

  if (typeof m.code !== 'string' || !MATERIAL_CODE.test(m.code) || m.code.length > 64) say('code', 'must be UPPER_SNAKE (A-Z, 0-9, single underscores), at most 64 characters');
  for (const f of ['name', 'nameEn', 'description'] as const) if (!nonEmpty(m[f])) say(f, 'must be a non-empty string');
  if (!(MATERIAL_CATEGORIES as readonly unknown[]).includes(m.category)) say('category', `must be one of ${MATERIAL_CATEGORIES.join(', ')}`);
  if (typeof m.hazardous !== 'boolean') say('hazardous', 'must be true or false');
  if (!(CATALOGUE_UNITS as readonly unknown[]).includes(m.unit)) say('unit', `must be one of ${CATALOGUE_UNITS.join(' ')}`);

  // Codes: shape, and what they imply.
  for (const f of CODE_FIELDS) if (f in m && typeof m[f] !== 'string') say(f, 'must be a string');
  if (typeof m.hwCode === 'string') {
    const hw = HW_CODE.exec(m.hwCode);
    if (!hw) say('hwCode', `"${m.hwCode}" must look like HW06/900-402-06`);
    else if (hw[1] !== hw[2]) say('hwCode', `"${m.hwCode}" must end in its class number ${hw[1]}`);
    if (m.hazardous !== true) say('hazardous', 'must be true for a material with a hazardous-waste code (hwCode)');
  }
  if (typeof m.swCode === 'string' && !SW_CODE.test(m.swCode)) say('swCode', `"${m.swCode}" must look like SW10`);
  if (typeof m.ewcCode === 'string') {
    if (!EWC_CODE.test(m.ewcCode)) say('ewcCode', `"${m.ewcCode}" must look like "07 05 04*"`);
    else if (m.ewcCode.endsWith('*') && m.hazardous !== true) say('hazardous', 'must be true for an EWC code marked * (ewcCode)');
  }
  if (typeof m.hsCode === 'string' && !HS_CODE.test(m.hsCode)) say('hsCode', `"${m.hsCode}" must look like 3901 or 3901.10`);
  if (typeof m.casNo === 'string' && !isValidCasNumber(m.casNo)) say('casNo', `"${m.casNo}" is not a CAS number with a valid check digit`);

  // Numbers: finite, non-negative, plausible.
  for (const f of NUMBER_FIELDS) {
    if (!(f in m)) continue;
    const v = m[f];
    if (typeof v !== 'number' || !Number.isFinite(v)) say(f, 'must be a finite number');
    else if (v < 0) say(f, 'must not be negative');
  }
  const num = (f: (typeof NUMBER_FIELDS)[number]): number | undefined => (typeof m[f] === 'number' && Number.isFinite(m[f]) ? (m[f] as number) : undefined);
  const carbon = num('carbonContentKgCPerKg');
  if (carbon !== undefined && carbon > 1) say('carbonContentKgCPerKg', 'must not exceed 1 kg C per kg');
  const unit = m.unit as CatalogueUnit;
  const perUnit = num('lhvMJPerUnit');
  const energyMJ = MJ_PER_ENERGY_UNIT[unit];
  if (energyMJ !== undefined && perUnit !== undefined && perUnit !== energyMJ) say('lhvMJPerUnit', `must be ${energyMJ} for an entry counted in ${unit}`);
  const perKg = num('lhvMJPerKg');
  const kgPerUnit = KG_PER_MASS_UNIT[unit];
  if (kgPerUnit !== undefined && perKg !== undefined && perUnit !== undefined && !near(perUnit, perKg * kgPerUnit, 0.005)) {
    say('lhvMJPerUnit', `disagrees with lhvMJPerKg × ${kgPerUnit} kg per ${unit}`);
  }

  if ('composition' in m) {
    const problems = compositionProblems(m.composition);
    for (const p of problems) say('composition', p);
    // Carbon stated twice must say the same: the CO2 accounting reads one, the element balance the other.
    const c = problems.length === 0 ? (m.composition as ElementComposition).C : undefined;
    if (c !== undefined && c.sd === undefined && carbon !== undefined && Math.abs(c.fraction - carbon) > CARBON_AGREEMENT) {
      say('composition', `C ${c.fraction} disagrees with carbonContentKgCPerKg ${carbon}`);
    }
  }

  // Sources: one per code and property present, and only for known fields.
  if (!isRecord(m.sources)) say('sources', 'must be an object of field name → citation');
  else {
    for (const [k, v] of Object.entries(m.sources)) {
      if (!SOURCE_KEYS.has(k)) say(`sources.${k}`, 'does not name a code or property field');
      else if (!nonEmpty(v)) say(`sources.${k}`, 'must be a non-empty citation');
      else if (!(k in m)) say(`sources.${k}`, 'cites a field the entry does not have');
    }
    for (const f of CITED_FIELDS) if (f in m && !(f in m.sources)) say(f, 'has no source (sources.' + f + ')');
  }
  return problems;
}

/** Every problem found in a catalogue document; an empty array means it is valid. */
export function validateCatalogue(doc: unknown): string[] {
  if (!isRecord(doc)) return ['catalogue: must be a JSON object'];
  const problems: string[] = [];
  if (doc.catalogue !== CATALOGUE_NAME) problems.push(`catalogue: catalogue must be "${CATALOGUE_NAME}"`);
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) problems.push('catalogue: version must be a positive integer');
  if (typeof doc.publishedAt !== 'string' || !ISO_DATE.test(doc.publishedAt) || Number.isNaN(Date.parse(`${doc.publishedAt}T00:00:00Z`))
    || new Date(`${doc.publishedAt}T00:00:00Z`).toISOString().slice(0, 10) !== doc.publishedAt) {
    problems.push('catalogue: publishedAt must be a calendar date YYYY-MM-DD');
  }
  if (!Array.isArray(doc.materials) || doc.materials.length === 0) {
    problems.push('catalogue: materials must be a non-empty array');
    return problems;
  }
  const seen = new Map<string, number>();
  doc.materials.forEach((entry, i) => {
    if (!isRecord(entry)) {
      problems.push(`materials[${i}]: must be an object`);
      return;
    }
    const label = typeof entry.code === 'string' && entry.code ? entry.code : `materials[${i}]`;
    problems.push(...checkEntry(entry, label));
    if (typeof entry.code === 'string') {
      const first = seen.get(entry.code);
      if (first !== undefined) problems.push(`${label}: code is not unique (also materials[${first}])`);
      else seen.set(entry.code, i);
    }
  });
  return problems;
}

/** The shipped catalogue, validated; throws listing every problem if the shipped file is broken. */
export function loadCatalogue(): Catalogue {
  const doc: unknown = data;
  const problems = validateCatalogue(doc);
  if (problems.length > 0) throw new Error(`the shipped material catalogue is invalid:\n  ${problems.join('\n  ')}`);
  const valid = doc as { version: number; publishedAt: string; materials: CatalogueMaterial[] };
  // A copy: callers may change what they get without changing the shipped data for everyone else.
  return { version: valid.version, publishedAt: valid.publishedAt, materials: structuredClone(valid.materials) };
}
