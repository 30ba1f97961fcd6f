import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import shipped from './materials.v2.json' with { type: 'json' };
import first from './materials.v1.json' with { type: 'json' };
import {
  CATALOGUE_UNITS, MATERIAL_CATEGORIES, casCheckDigit, isValidCasNumber, loadCatalogue, validateCatalogue,
  type CatalogueMaterial,
} from './catalogue.ts';
import { isUnitCode } from '../../../core/units.ts';
import { checkMaterialCodes } from '../model.ts';
import { materialSpec } from '../resources.ts';
import { compositionProblems, COMPOSITION_SUM_TOLERANCE } from './composition.ts';
import type { FieldSpec } from '../../../core/crud/spec.ts';

/** The keys the demo park and the rest of the platform refer to. */
const REQUIRED_CODES = [
  // energy and utilities
  'ELECTRICITY', 'STEAM_HP', 'STEAM_LP', 'WASTE_HEAT', 'NATURAL_GAS', 'RAW_COAL', 'FUEL_GAS', 'DIESEL',
  'INDUSTRIAL_WATER', 'DEMIN_WATER', 'COOLING_WATER', 'WASTEWATER', 'TREATED_WATER', 'HYDROGEN_BYPRODUCT',
  // chlor-alkali and PVC
  'SALT', 'BRINE', 'CHLORINE', 'CAUSTIC_SODA', 'HYDROCHLORIC_ACID', 'SODIUM_HYPOCHLORITE', 'BRINE_SLUDGE',
  'EDC', 'VCM', 'PVC_RESIN', 'CALCIUM_CARBIDE', 'CARBIDE_SLAG',
  // refinery and polyolefins
  'CRUDE_OIL', 'NAPHTHA', 'ETHYLENE', 'PROPYLENE', 'PE_PELLETS', 'PP_PELLETS', 'OFFSPEC_PE', 'SULFUR', 'SULFUR_SLAG',
  'SPENT_CATALYST_HYDROTREATING', 'SPENT_CATALYST_FCC', 'WASTE_MINERAL_OIL', 'OILY_SLUDGE',
  // recycling
  'WASTE_PLASTICS', 'RECYCLED_PE_PELLETS', 'WASTE_PACKAGING_CONTAMINATED',
  // phosphate
  'PHOSPHATE_ROCK', 'SULFURIC_ACID', 'PHOSPHORIC_ACID', 'MAP', 'PHOSPHOGYPSUM', 'AMMONIA',
  // cement and power
  'LIMESTONE', 'CLINKER', 'CEMENT', 'FLY_ASH', 'BOTTOM_ASH', 'FGD_GYPSUM', 'GYPSUM_BUILDING',
  // pharma and solvent recovery
  'API_PRODUCT', 'SPENT_SOLVENT', 'SPENT_SOLVENT_HALOGENATED', 'RECOVERED_SOLVENT', 'PHARMA_DISTILLATION_RESIDUE',
  'PHARMA_MOTHER_LIQUOR', 'WASTE_ACID', 'WASTE_ALKALI', 'SPENT_ACTIVATED_CARBON', 'INCINERATION_FLY_ASH', 'WWTP_SLUDGE',
  'HAZARDOUS_SLUDGE',
  // what the flow ledger's element balances need (version 2)
  'HYDROGEN_CHLORIDE', 'ACETYLENE', 'ACID_GAS', 'SULFUR_DIOXIDE', 'RAW_MEAL',
];

const KGCE_MJ = 29.3076;
const CO2_PER_C = 44.009 / 12.011;

const catalogue = loadCatalogue();
const byCode = new Map(catalogue.materials.map((m) => [m.code, m]));
const get = (code: string): CatalogueMaterial => {
  const m = byCode.get(code);
  if (!m) throw new Error(`no ${code} in the catalogue`);
  return m;
};

/** A minimal valid document with one entry of each kind of field, to break one rule at a time. */
function validDoc(): { catalogue: string; version: number; publishedAt: string; materials: Record<string, unknown>[] } {
  return {
    catalogue: 'symbiont-materials',
    version: 1,
    publishedAt: '2026-11-23',
    materials: [
      {
        code: 'SPENT_SOLVENT', name: '废有机溶剂', nameEn: 'Spent solvent', category: 'waste', hazardous: true, unit: 't',
        hwCode: 'HW06/900-402-06', ewcCode: '14 06 03*', description: '废溶剂 / Spent solvent.',
        sources: { hwCode: '国家危险废物名录（2021年版）', ewcCode: '2000/532/EC' },
      },
      {
        code: 'TOLUENE', name: '甲苯', nameEn: 'Toluene', category: 'raw_material', hazardous: false, unit: 't',
        casNo: '108-88-3', hsCode: '2902.30', densityKgM3: 867, carbonContentKgCPerKg: 0.9125, description: '甲苯 / Toluene.',
        sources: { casNo: 'CAS', hsCode: 'HS 2022', densityKgM3: 'handbook', carbonContentKgCPerKg: 'stoichiometric' },
      },
      {
        code: 'FLY_ASH', name: '粉煤灰', nameEn: 'Fly ash', category: 'by_product', hazardous: false, unit: 't',
        swCode: 'SW02', ewcCode: '10 01 02', description: '粉煤灰 / Fly ash.',
        sources: { swCode: '台账指南', ewcCode: '2000/532/EC' },
      },
      {
        code: 'DIESEL', name: '柴油', nameEn: 'Diesel', category: 'energy_carrier', hazardous: false, unit: 't',
        lhvMJPerKg: 42.652, kgcePerUnit: 1457.1, emissionFactorKgCO2ePerUnit: 3160.5, description: '柴油 / Diesel.',
        sources: { lhvMJPerKg: 'GB/T 2589-2020', kgcePerUnit: 'GB/T 2589-2020', emissionFactorKgCO2ePerUnit: 'IPCC 2006' },
      },
    ],
  };
}

type Doc = ReturnType<typeof validDoc>;
/** Problems of a copy of the valid document changed by `edit`. */
function problemsAfter(edit: (doc: Doc) => void): string[] {
  const doc = validDoc();
  edit(doc);
  return validateCatalogue(doc);
}
const entry = (doc: Doc, code: string): Record<string, unknown> => doc.materials.find((m) => m.code === code)!;

describe('the shipped catalogue', () => {
  it('validates with no problems', () => {
    expect(validateCatalogue(shipped)).toEqual([]);
  });

  it('loads with its version and publication date', () => {
    expect(catalogue.version).toBe(2);
    expect(catalogue.publishedAt).toBe('2026-12-07');
    expect(catalogue.materials.length).toBeGreaterThanOrEqual(60);
    expect(catalogue.materials.length).toBeLessThanOrEqual(100);
  });

  it('keeps version 1 as it was published, and every code of it in version 2', () => {
    expect(validateCatalogue(first)).toEqual([]);
    expect(first.version).toBe(1);
    const retired = first.materials.map((m) => m.code).filter((c) => !byCode.has(c));
    expect(retired).toEqual([]);
  });

  it('contains every code the platform refers to', () => {
    const missing = REQUIRED_CODES.filter((c) => !byCode.has(c));
    expect(missing).toEqual([]);
  });

  it('hands out copies, so a caller cannot change the shipped data', () => {
    const first = loadCatalogue();
    first.materials[0].name = 'changed';
    first.materials[0].sources.extra = 'x';
    expect(loadCatalogue().materials[0].name).not.toBe('changed');
    expect(loadCatalogue().materials[0].sources).not.toHaveProperty('extra');
  });

  it('uses only categories and units the registry accepts', () => {
    for (const u of CATALOGUE_UNITS) expect(isUnitCode(u), u).toBe(true);
    for (const m of catalogue.materials) {
      expect(MATERIAL_CATEGORIES, m.code).toContain(m.category);
      expect(isUnitCode(m.unit), m.code).toBe(true);
    }
  });

  it('carries the hazardous-waste codes the brief names', () => {
    expect(get('SPENT_SOLVENT').hwCode).toBe('HW06/900-402-06');
    expect(get('SPENT_SOLVENT_HALOGENATED').hwCode).toBe('HW06/900-401-06');
    expect(get('PHARMA_DISTILLATION_RESIDUE').hwCode).toBe('HW02/271-001-02');
    expect(get('PHARMA_MOTHER_LIQUOR').hwCode).toBe('HW02/271-002-02');
    expect(get('SPENT_ACTIVATED_CARBON').hwCode).toBe('HW49/900-039-49');
    expect(get('WASTE_PACKAGING_CONTAMINATED').hwCode).toBe('HW49/900-041-49');
    expect(get('WASTE_ACID').hwCode).toMatch(/^HW34\//);
    expect(get('WASTE_ALKALI').hwCode).toMatch(/^HW35\//);
    expect(get('INCINERATION_FLY_ASH').hwCode).toMatch(/^HW18\//);
    expect(get('PHOSPHOGYPSUM').swCode).toBe('SW10');
    expect(get('FLY_ASH').swCode).toBe('SW02');
    expect(get('BOTTOM_ASH').swCode).toBe('SW03');
    expect(get('FGD_GYPSUM').swCode).toBe('SW06');
    expect(get('WWTP_SLUDGE').swCode).toBe('SW07');
  });

  it('marks every entry with a hazardous-waste code or a starred EWC code hazardous, and no product', () => {
    for (const m of catalogue.materials) {
      if (m.hwCode || m.ewcCode?.endsWith('*')) expect(m.hazardous, m.code).toBe(true);
      if (m.category === 'product' || m.category === 'raw_material') expect(m.hazardous, m.code).toBe(false);
    }
  });

  it('gives a hazardous waste without a list code a reason for the flag', () => {
    for (const m of catalogue.materials.filter((x) => x.hazardous && !x.hwCode)) {
      expect(m.sources.hazardous, m.code).toBeTruthy();
    }
  });

  it('writes descriptions in Chinese and English', () => {
    for (const m of catalogue.materials) {
      expect(m.description, m.code).toMatch(/[\u4e00-\u9fff].* \/ [A-Z]/);
      expect(m.name, m.code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('uses the GB/T 2589-2020 factors for the energy carriers', () => {
    expect(get('ELECTRICITY')).toMatchObject({ unit: 'kWh', lhvMJPerUnit: 3.6, kgcePerUnit: 0.1229 });
    expect(get('WASTE_HEAT')).toMatchObject({ unit: 'GJ', lhvMJPerUnit: 1000, kgcePerUnit: 34.12 });
    expect(get('RAW_COAL')).toMatchObject({ unit: 't', kgcePerUnit: 714.3 });
    expect(get('DIESEL')).toMatchObject({ unit: 't', kgcePerUnit: 1457.1 });
    expect(get('CRUDE_OIL').kgcePerUnit).toBe(1428.6);
    expect(get('FUEL_OIL').kgcePerUnit).toBe(1428.6);
    expect(get('GASOLINE').kgcePerUnit).toBe(1471.4);
    expect(get('LPG').kgcePerUnit).toBe(1714.3);
    expect(get('COKE').kgcePerUnit).toBe(971.4);
  });

  it('keeps standard coal equivalents consistent with the heating values (1 kgce = 29.3076 MJ)', () => {
    for (const m of catalogue.materials) {
      if (m.kgcePerUnit === undefined) continue;
      const mjPerUnit = m.lhvMJPerUnit ?? (m.lhvMJPerKg !== undefined ? m.lhvMJPerKg * (m.unit === 't' ? 1000 : 1) : undefined);
      expect(mjPerUnit, `${m.code} has kgce but no energy content`).toBeDefined();
      // The standard's factors are rounded to 4 places of kgce/kg (7 000 kcal basis): within 0.5 %.
      expect(Math.abs(m.kgcePerUnit / (mjPerUnit! / KGCE_MJ) - 1), m.code).toBeLessThan(0.005);
    }
  });

  it('keeps emission factors consistent with carbon contents where both are given', () => {
    for (const m of catalogue.materials) {
      if (m.emissionFactorKgCO2ePerUnit === undefined || m.carbonContentKgCPerKg === undefined) continue;
      const kgPerUnit = m.unit === 't' ? 1000 : m.unit === 'kg' ? 1 : undefined;
      expect(kgPerUnit, m.code).toBeDefined();
      const fromCarbon = m.carbonContentKgCPerKg * CO2_PER_C * kgPerUnit!;
      expect(Math.abs(m.emissionFactorKgCO2ePerUnit / fromCarbon - 1), m.code).toBeLessThan(0.005);
    }
  });

  it('derives steam factors from the heat content', () => {
    for (const code of ['STEAM_HP', 'STEAM_LP']) {
      const s = get(code);
      expect(s.unit).toBe('t');
      expect(s.kgcePerUnit! / (s.lhvMJPerUnit! * 0.03412)).toBeCloseTo(1, 3);
      expect(s.emissionFactorKgCO2ePerUnit! / (s.lhvMJPerUnit! / 1000 * 110)).toBeCloseTo(1, 3);
    }
    expect(get('STEAM_HP').lhvMJPerUnit!).toBeGreaterThan(get('STEAM_LP').lhvMJPerUnit!);
  });

  it('has stoichiometric carbon contents for pure substances', () => {
    const c = 12.011, h = 1.008, o = 15.999, cl = 35.45, ca = 40.078;
    const expected: Record<string, number> = {
      ETHYLENE: (2 * c) / (2 * c + 4 * h),
      PE_PELLETS: c / (c + 2 * h),
      EDC: (2 * c) / (2 * c + 4 * h + 2 * cl),
      VCM: (2 * c) / (2 * c + 3 * h + cl),
      PVC_RESIN: (2 * c) / (2 * c + 3 * h + cl),
      METHANOL: c / (c + 4 * h + o),
      TOLUENE: (7 * c) / (7 * c + 8 * h),
      DICHLOROMETHANE: c / (c + 2 * h + 2 * cl),
      LIMESTONE: c / (ca + c + 3 * o),
    };
    for (const [code, value] of Object.entries(expected)) expect(get(code).carbonContentKgCPerKg, code).toBeCloseTo(value, 3);
  });

  it('gives the element loops their compositions, stoichiometric where the material is a substance', () => {
    const c = 12.011, h = 1.008, n = 14.007, o = 15.999, na = 22.99, p = 30.974, s = 32.06, cl = 35.45, ca = 40.078;
    const fraction = (code: string, element: string) => get(code).composition?.[element]?.fraction;
    const expected: Array<[string, string, number]> = [
      ['CHLORINE', 'Cl', 1],
      ['SALT', 'Cl', cl / (na + cl)],
      ['HYDROCHLORIC_ACID', 'Cl', (0.31 * cl) / (h + cl)],
      ['EDC', 'Cl', (2 * cl) / (2 * c + 4 * h + 2 * cl)],
      ['VCM', 'Cl', cl / (2 * c + 3 * h + cl)],
      ['PVC_RESIN', 'Cl', cl / (2 * c + 3 * h + cl)],
      ['SODIUM_HYPOCHLORITE', 'Cl', 0.1],
      ['SULFUR', 'S', 1],
      ['SULFURIC_ACID', 'S', (0.98 * s) / (2 * h + s + 4 * o)],
      ['PHOSPHOGYPSUM', 'S', s / (ca + s + 6 * o + 4 * h)],
      ['FGD_GYPSUM', 'Ca', ca / (ca + s + 6 * o + 4 * h)],
      ['CARBIDE_SLAG', 'Ca', ca / (ca + 2 * o + 2 * h)],
      ['LIMESTONE', 'C', c / (ca + c + 3 * o)],
      ['MAP', 'N', n / (n + 6 * h + p + 4 * o)],
      ['MAP', 'P', p / (n + 6 * h + p + 4 * o)],
      ['AMMONIA', 'N', n / (n + 3 * h)],
      ['PHOSPHORIC_ACID', 'P', (0.27 * 2 * p) / (2 * p + 5 * o)],
      ['ETHYLENE', 'C', (2 * c) / (2 * c + 4 * h)],
      ['PP_PELLETS', 'C', (3 * c) / (3 * c + 6 * h)],
    ];
    for (const [code, element, value] of expected) expect(fraction(code, element), `${code} ${element}`).toBeCloseTo(value, 3);
  });

  it('states the spread of natural materials and agrees with the carbon contents', () => {
    for (const code of ['PHOSPHATE_ROCK', 'BRINE_SLUDGE', 'SPENT_SOLVENT', 'CRUDE_OIL', 'RAW_COAL']) {
      const spread = Object.values(get(code).composition ?? {}).filter((e) => e.sd !== undefined);
      expect(spread.length, code).toBeGreaterThan(0);
    }
    expect(get('PHOSPHATE_ROCK').composition?.P?.fraction).toBeCloseTo(0.3 * 0.4364, 3);
    for (const m of catalogue.materials) {
      const carbon = m.composition?.C;
      if (carbon && carbon.sd === undefined && m.carbonContentKgCPerKg !== undefined) expect(carbon.fraction, m.code).toBeCloseTo(m.carbonContentKgCPerKg, 3);
    }
  });

  it('has valid CAS numbers wherever one is given', () => {
    for (const m of catalogue.materials) if (m.casNo) expect(isValidCasNumber(m.casNo), m.code).toBe(true);
  });

  it('fits the registry\'s material resource, so the catalogue sync can store every entry', () => {
    const fields: Record<string, FieldSpec> = materialSpec.fields;
    const sourceSchema = fields.sources.schema as unknown as { additionalProperties: { maxLength: number } };
    for (const m of catalogue.materials) {
      expect(checkMaterialCodes(m as unknown as Record<string, unknown>), m.code).toEqual([]);
      for (const [key, value] of Object.entries(m)) {
        const f = fields[key];
        expect(f, `${m.code}.${key}`).toBeDefined();
        expect(f.derived, `${m.code}.${key}`).toBeFalsy();
        if (typeof value === 'string') {
          expect(value.length, `${m.code}.${key}`).toBeLessThanOrEqual(f.maxLength ?? 2000);
          if (f.pattern) expect(value, `${m.code}.${key}`).toMatch(new RegExp(f.pattern));
          if (f.enum) expect(f.enum, `${m.code}.${key}`).toContain(value);
        }
        if (key === 'composition') expect(compositionProblems(value), m.code).toEqual([]);
        if (typeof value === 'number') {
          if (f.minimum !== undefined) expect(value, `${m.code}.${key}`).toBeGreaterThanOrEqual(f.minimum);
          if (f.maximum !== undefined) expect(value, `${m.code}.${key}`).toBeLessThanOrEqual(f.maximum);
        }
      }
      for (const [key, text] of Object.entries(m.sources)) {
        expect(text.length, `${m.code}.sources.${key}`).toBeLessThanOrEqual(sourceSchema.additionalProperties.maxLength);
      }
    }
  });
});

describe('validateCatalogue', () => {
  it('accepts the minimal document the rule tests start from', () => {
    expect(validateCatalogue(validDoc())).toEqual([]);
  });

  it('rejects what is not a catalogue document', () => {
    expect(validateCatalogue(null)).toEqual(['catalogue: must be a JSON object']);
    expect(validateCatalogue([])).toEqual(['catalogue: must be a JSON object']);
    expect(problemsAfter((d) => { d.catalogue = 'other'; })).toEqual(['catalogue: catalogue must be "symbiont-materials"']);
    expect(problemsAfter((d) => { d.version = 0; })).toEqual(['catalogue: version must be a positive integer']);
    expect(problemsAfter((d) => { d.version = 1.5; })).toEqual(['catalogue: version must be a positive integer']);
    expect(problemsAfter((d) => { d.publishedAt = '2026-02-30'; })).toEqual(['catalogue: publishedAt must be a calendar date YYYY-MM-DD']);
    expect(problemsAfter((d) => { d.materials = []; })).toEqual(['catalogue: materials must be a non-empty array']);
    expect(problemsAfter((d) => { d.materials.push('x' as unknown as Record<string, unknown>); })).toEqual(['materials[4]: must be an object']);
  });

  it('requires unique codes', () => {
    const problems = problemsAfter((d) => { d.materials.push({ ...d.materials[1] }); });
    expect(problems).toEqual(['TOLUENE: code is not unique (also materials[1])']);
  });

  it('requires UPPER_SNAKE codes', () => {
    for (const bad of ['toluene', 'TOLUENE-1', '_TOLUENE', 'TOLUENE__X', 'TOLUENE_', '1TOLUENE', `T${'X'.repeat(64)}`]) {
      const problems = problemsAfter((d) => { entry(d, 'TOLUENE').code = bad; });
      expect(problems, bad).toHaveLength(1);
      expect(problems[0], bad).toContain(`${bad}: code must be UPPER_SNAKE`);
    }
    expect(problemsAfter((d) => { delete entry(d, 'TOLUENE').code; })).toEqual([
      'materials[1]: code must be UPPER_SNAKE (A-Z, 0-9, single underscores), at most 64 characters',
    ]);
  });

  it('requires names and a description', () => {
    expect(problemsAfter((d) => { entry(d, 'TOLUENE').nameEn = ' '; })).toEqual(['TOLUENE: nameEn must be a non-empty string']);
    expect(problemsAfter((d) => { delete entry(d, 'TOLUENE').description; })).toEqual(['TOLUENE: description must be a non-empty string']);
  });

  it('requires a known category, a boolean hazardous flag and a known unit', () => {
    expect(problemsAfter((d) => { entry(d, 'FLY_ASH').category = 'ash'; })[0]).toMatch(/^FLY_ASH: category must be one of raw_material/);
    expect(problemsAfter((d) => { entry(d, 'FLY_ASH').hazardous = 'no'; })).toEqual(['FLY_ASH: hazardous must be true or false']);
    expect(problemsAfter((d) => { entry(d, 'FLY_ASH').unit = 'ton'; })[0]).toMatch(/^FLY_ASH: unit must be one of kg t m3/);
    expect(problemsAfter((d) => { entry(d, 'FLY_ASH').unit = 't/h'; })[0]).toMatch(/^FLY_ASH: unit must be one of/);
  });

  it('rejects fields the catalogue does not know', () => {
    expect(problemsAfter((d) => { entry(d, 'FLY_ASH').colour = 'grey'; })).toEqual(['FLY_ASH: colour is not a catalogue field']);
  });

  it('checks the shape of hazardous-waste codes and their class number', () => {
    expect(problemsAfter((d) => { entry(d, 'SPENT_SOLVENT').hwCode = 'HW06 900-402-06'; })).toEqual([
      'SPENT_SOLVENT: hwCode "HW06 900-402-06" must look like HW06/900-402-06',
    ]);
    expect(problemsAfter((d) => { entry(d, 'SPENT_SOLVENT').hwCode = 'HW06/900-402-08'; })).toEqual([
      'SPENT_SOLVENT: hwCode "HW06/900-402-08" must end in its class number 06',
    ]);
  });

  it('requires the hazardous flag for a hazardous-waste code and for a starred EWC code', () => {
    const problems = problemsAfter((d) => { entry(d, 'SPENT_SOLVENT').hazardous = false; });
    expect(problems).toEqual([
      'SPENT_SOLVENT: hazardous must be true for a material with a hazardous-waste code (hwCode)',
      'SPENT_SOLVENT: hazardous must be true for an EWC code marked * (ewcCode)',
    ]);
    expect(problemsAfter((d) => { entry(d, 'FLY_ASH').ewcCode = '10 01 02*'; })).toEqual([
      'FLY_ASH: hazardous must be true for an EWC code marked * (ewcCode)',
    ]);
  });

  it('checks the shape of solid-waste, EWC and HS codes', () => {
    expect(problemsAfter((d) => { entry(d, 'FLY_ASH').swCode = 'SW2'; })).toEqual(['FLY_ASH: swCode "SW2" must look like SW10']);
    expect(problemsAfter((d) => { entry(d, 'FLY_ASH').ewcCode = '100102'; })).toEqual(['FLY_ASH: ewcCode "100102" must look like "07 05 04*"']);
    expect(problemsAfter((d) => { entry(d, 'FLY_ASH').ewcCode = '10 01 02 *'; })[0]).toContain('FLY_ASH: ewcCode');
    for (const bad of ['39', '3901.1', '390110', '3901.123']) {
      expect(problemsAfter((d) => { entry(d, 'TOLUENE').hsCode = bad; }), bad).toEqual([`TOLUENE: hsCode "${bad}" must look like 3901 or 3901.10`]);
    }
    for (const good of ['3901', '3901.10', '3901.1000']) {
      expect(problemsAfter((d) => { entry(d, 'TOLUENE').hsCode = good; }), good).toEqual([]);
    }
    expect(problemsAfter((d) => { entry(d, 'TOLUENE').hsCode = 3901; })).toEqual(['TOLUENE: hsCode must be a string']);
  });

  it('checks CAS numbers, check digit included', () => {
    expect(problemsAfter((d) => { entry(d, 'TOLUENE').casNo = '108-88-4'; })).toEqual([
      'TOLUENE: casNo "108-88-4" is not a CAS number with a valid check digit',
    ]);
    expect(problemsAfter((d) => { entry(d, 'TOLUENE').casNo = '10888-3'; })[0]).toContain('TOLUENE: casNo');
  });

  it('requires numbers to be finite and non-negative', () => {
    expect(problemsAfter((d) => { entry(d, 'TOLUENE').densityKgM3 = -1; })).toEqual(['TOLUENE: densityKgM3 must not be negative']);
    expect(problemsAfter((d) => { entry(d, 'TOLUENE').densityKgM3 = Number.POSITIVE_INFINITY; })).toEqual(['TOLUENE: densityKgM3 must be a finite number']);
    expect(problemsAfter((d) => { entry(d, 'TOLUENE').densityKgM3 = '867'; })).toEqual(['TOLUENE: densityKgM3 must be a finite number']);
    expect(problemsAfter((d) => { entry(d, 'DIESEL').kgcePerUnit = Number.NaN; })).toEqual(['DIESEL: kgcePerUnit must be a finite number']);
    expect(problemsAfter((d) => { entry(d, 'TOLUENE').carbonContentKgCPerKg = 1.2; })).toEqual(['TOLUENE: carbonContentKgCPerKg must not exceed 1 kg C per kg']);
  });

  it('requires per-unit energy content to agree with the unit', () => {
    const problems = problemsAfter((d) => {
      const e = entry(d, 'DIESEL');
      e.unit = 'kWh';
      e.lhvMJPerUnit = 3.7;
      e.sources = { ...(e.sources as object), lhvMJPerUnit: 'x' };
    });
    expect(problems).toEqual(['DIESEL: lhvMJPerUnit must be 3.6 for an entry counted in kWh']);
    expect(problemsAfter((d) => {
      const e = entry(d, 'DIESEL');
      e.lhvMJPerUnit = 40000;
      e.sources = { ...(e.sources as object), lhvMJPerUnit: 'x' };
    })).toEqual(['DIESEL: lhvMJPerUnit disagrees with lhvMJPerKg × 1000 kg per t']);
  });

  it('requires a source for every code and property present', () => {
    expect(problemsAfter((d) => { delete (entry(d, 'TOLUENE').sources as Record<string, string>).casNo; })).toEqual([
      'TOLUENE: casNo has no source (sources.casNo)',
    ]);
    expect(problemsAfter((d) => { delete (entry(d, 'DIESEL').sources as Record<string, string>).lhvMJPerKg; })).toEqual([
      'DIESEL: lhvMJPerKg has no source (sources.lhvMJPerKg)',
    ]);
    expect(problemsAfter((d) => { delete entry(d, 'FLY_ASH').sources; })).toEqual(['FLY_ASH: sources must be an object of field name → citation']);
  });

  it('checks compositions: element symbols, fractions, their sum, and a source', () => {
    const withComposition = (composition: unknown, source = true) => problemsAfter((d) => {
      const e = entry(d, 'TOLUENE');
      e.composition = composition;
      if (source) e.sources = { ...(e.sources as object), composition: 'stoichiometric' };
    });
    expect(withComposition({ C: { fraction: 0.9125 } })).toEqual([]);
    expect(withComposition({ CL: { fraction: 0.5 } })).toEqual(['TOLUENE: composition CL is not an element symbol (write it as in the periodic table: Cl, not CL)']);
    expect(withComposition({ C: { fraction: 1.2 } })).toEqual(['TOLUENE: composition C.fraction must be a mass fraction between 0 and 1']);
    expect(withComposition({ C: { fraction: 0.9, sd: -0.1 } })).toEqual(['TOLUENE: composition C.sd must be a standard deviation between 0 and 1']);
    expect(withComposition({ C: { fraction: 0.7 }, S: { fraction: 0.4 } })).toEqual(['TOLUENE: composition the fractions add up to 1.1, more than 1']);
    expect(withComposition({})).toEqual(['TOLUENE: composition must name at least one element (leave the field out when none is known)']);
    expect(withComposition({ C: { fraction: 0.9125 } }, false)).toEqual(['TOLUENE: composition has no source (sources.composition)']);
    expect(withComposition({ C: { fraction: 0.5 } })).toEqual(['TOLUENE: composition C 0.5 disagrees with carbonContentKgCPerKg 0.9125']);
  });

  it('rejects empty citations and citations of fields that are not there', () => {
    expect(problemsAfter((d) => { (entry(d, 'FLY_ASH').sources as Record<string, string>).swCode = ''; })).toEqual([
      'FLY_ASH: sources.swCode must be a non-empty citation',
    ]);
    expect(problemsAfter((d) => { (entry(d, 'FLY_ASH').sources as Record<string, string>).hsCode = 'HS 2022'; })).toEqual([
      'FLY_ASH: sources.hsCode cites a field the entry does not have',
    ]);
    expect(problemsAfter((d) => { (entry(d, 'FLY_ASH').sources as Record<string, string>).lhvMjPerKg = 'typo'; })).toEqual([
      'FLY_ASH: sources.lhvMjPerKg does not name a code or property field',
    ]);
  });

  it('reports every problem, not only the first', () => {
    const problems = problemsAfter((d) => {
      entry(d, 'TOLUENE').casNo = '108-88-4';
      entry(d, 'FLY_ASH').swCode = 'S02';
      entry(d, 'DIESEL').kgcePerUnit = -1;
    });
    expect(problems).toHaveLength(3);
  });
});

describe('compositionProblems', () => {
  const symbols = ['C', 'H', 'N', 'O', 'S', 'P', 'Cl', 'Na', 'Ca', 'Mg', 'Fe'];
  const composition = (maxSum: number) => fc.uniqueArray(fc.constantFrom(...symbols), { minLength: 1, maxLength: symbols.length }).chain((elements) =>
    // Weights above 0: all-zero weights would make an empty composition, which no sum rule rejects.
    fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: elements.length, maxLength: elements.length }).map((weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      return Object.fromEntries(elements.map((e, i) => [e, { fraction: (weights[i] / total) * maxSum }]));
    }));

  it('accepts any fractions that fit in one kilogram', () => {
    fc.assert(fc.property(composition(1), (c) => compositionProblems(c).length === 0));
  });

  it('rejects fractions that add up to more than one kilogram, naming the sum', () => {
    fc.assert(fc.property(composition(1 + COMPOSITION_SUM_TOLERANCE + 0.01), (c) => {
      const problems = compositionProblems(c);
      // A single element above 1 is reported as such; otherwise the sum is named.
      return problems.some((p) => p.includes('more than 1') || p.includes('between 0 and 1'));
    }));
  });

  it('rejects every fraction outside 0..1 and names its element', () => {
    fc.assert(fc.property(fc.constantFrom(...symbols), fc.oneof(fc.double({ max: -1e-9, noNaN: true }), fc.double({ min: 1 + 1e-9, noNaN: true })), (element, fraction) =>
      compositionProblems({ [element]: { fraction } }).some((p) => p.startsWith(`${element}.fraction`))));
  });
});

describe('CAS numbers', () => {
  it('accepts real registry numbers and rejects wrong ones', () => {
    for (const cas of ['7732-18-5', '64-17-5', '50-00-0', '7440-44-0', '1333-74-0', '10101-41-4', '9002-88-4']) expect(isValidCasNumber(cas), cas).toBe(true);
    for (const cas of ['7732-18-6', '64-17-4', '7732185', '7732-1-5', '1-18-5', '12345678-12-3', '07732-18-5', ' 7732-18-5', '7732-18-5 ']) {
      expect(isValidCasNumber(cas), cas).toBe(false);
    }
  });

  const body = fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }))
    .map(([lead, rest, d1, d2]) => ({ first: [lead, ...rest].join(''), second: `${d1}${d2}` }));

  it('is valid with the computed check digit', () => {
    fc.assert(fc.property(body, ({ first, second }) => {
      const check = casCheckDigit(first + second);
      expect(isValidCasNumber(`${first}-${second}-${check}`)).toBe(true);
    }));
  });

  it('is invalid with any other check digit', () => {
    fc.assert(fc.property(body, fc.integer({ min: 1, max: 9 }), ({ first, second }, shift) => {
      const wrong = (casCheckDigit(first + second) + shift) % 10;
      expect(isValidCasNumber(`${first}-${second}-${wrong}`)).toBe(false);
    }));
  });

  it('catches any change of a single digit in the body', () => {
    fc.assert(fc.property(body, fc.nat(), fc.integer({ min: 1, max: 9 }), ({ first, second }, at, shift) => {
      const digits = (first + second).split('').map(Number);
      const i = at % digits.length;
      // A change of weight × shift that is a multiple of 10 goes unnoticed by design (weights 10, 20… or even weights with shift 5).
      const weight = digits.length - i;
      fc.pre((weight * shift) % 10 !== 0);
      if (i === 0 && (digits[0] + shift) % 10 === 0) return; // would make a leading zero
      const check = casCheckDigit(first + second);
      digits[i] = (digits[i] + shift) % 10;
      const changed = digits.join('');
      expect(isValidCasNumber(`${changed.slice(0, first.length)}-${changed.slice(first.length)}-${check}`)).toBe(false);
    }));
  });
});
