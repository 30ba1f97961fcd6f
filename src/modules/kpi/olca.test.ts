import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LedgerFlow, LedgerNode } from '../flows/model.ts';
import { OLCA_CHINA, OLCA_PROPERTIES, olcaExport, olcaZip, parkNamespace, periodBounds, uuidV5, type OlcaExportInput, type OlcaMaterial } from './olca.ts';

// ---- the olca-schema classes this export writes, transcribed from GreenDelta/olca-schema yaml/*.yaml ----
// Each class: its own properties (superclasses' added below) and which must be present here.
const ENTITY = ['@type'];
const REF_ENTITY = [...ENTITY, '@id', 'name', 'description'];
const ROOT_ENTITY = [...REF_ENTITY, 'category', 'lastChange', 'tags', 'version', 'library'];
const CLASSES: Record<string, { props: string[]; required: string[] }> = {
  Process: { props: [...ROOT_ENTITY, 'allocationFactors', 'defaultAllocationMethod', 'exchanges', 'lastInternalId', 'location', 'parameters', 'processDocumentation', 'processType', 'dqSystem', 'exchangeDqSystem', 'socialDqSystem', 'dqEntry', 'isInfrastructureProcess', 'socialAspects'], required: ['@type', '@id', 'name', 'processType', 'exchanges'] },
  Exchange: {
    props: [...ENTITY, 'amount', 'amountFormula', 'baseUncertainty', 'costFormula', 'costValue', 'currency', 'defaultProvider', 'description', 'dqEntry', 'flow', 'flowProperty', 'internalId', 'isAvoidedProduct', 'isInput', 'isQuantitativeReference', 'location', 'uncertainty', 'unit'],
    required: ['amount', 'flow', 'flowProperty', 'unit', 'internalId', 'isInput', 'isQuantitativeReference'],
  },
  Flow: { props: [...ROOT_ENTITY, 'cas', 'flowProperties', 'flowType', 'formula', 'isInfrastructureFlow', 'location', 'synonyms'], required: ['@type', '@id', 'name', 'flowType', 'flowProperties'] },
  FlowProperty: { props: [...ROOT_ENTITY, 'flowPropertyType', 'unitGroup'], required: ['@type', '@id', 'name', 'unitGroup'] },
  FlowPropertyFactor: { props: [...ENTITY, 'conversionFactor', 'isRefFlowProperty', 'flowProperty'], required: ['conversionFactor', 'flowProperty'] },
  UnitGroup: { props: [...ROOT_ENTITY, 'defaultFlowProperty', 'units'], required: ['@type', '@id', 'name', 'units'] },
  Unit: { props: [...REF_ENTITY, 'conversionFactor', 'isRefUnit', 'synonyms'], required: ['@id', 'name', 'conversionFactor'] },
  Location: { props: [...ROOT_ENTITY, 'code', 'latitude', 'longitude', 'geometry'], required: ['@type', '@id', 'name'] },
  Uncertainty: { props: [...ENTITY, 'distributionType', 'geomMean', 'geomSd', 'maximum', 'mean', 'minimum', 'mode', 'sd'], required: ['distributionType'] },
  Ref: { props: [...REF_ENTITY, 'category', 'refUnit', 'location', 'flowType', 'processType', 'library'], required: ['@type', '@id'] },
  ProcessDocumentation: {
    props: [...ENTITY, 'completenessDescription', 'creationDate', 'dataCollectionDescription', 'dataDocumentor', 'dataGenerator', 'dataSelectionDescription', 'dataSetOwner', 'dataTreatmentDescription', 'geographyDescription', 'intendedApplication', 'inventoryMethodDescription', 'isCopyrightProtected', 'modelingConstantsDescription', 'projectDescription', 'publication', 'restrictionsDescription', 'samplingDescription', 'sources', 'technologyDescription', 'timeDescription', 'validFrom', 'validUntil', 'useAdvice', 'flowCompleteness', 'complianceDeclarations', 'reviews'],
    required: [],
  },
};
const ENUMS: Record<string, string[]> = {
  flowType: ['ELEMENTARY_FLOW', 'PRODUCT_FLOW', 'WASTE_FLOW'],
  processType: ['LCI_RESULT', 'UNIT_PROCESS'],
  distributionType: ['LOG_NORMAL_DISTRIBUTION', 'NORMAL_DISTRIBUTION', 'TRIANGLE_DISTRIBUTION', 'UNIFORM_DISTRIBUTION'],
  flowPropertyType: ['ECONOMIC_QUANTITY', 'PHYSICAL_QUANTITY'],
};
/** Which class a nested property holds (Ref[...] fields are Refs). */
const NESTED: Record<string, string> = { exchanges: 'Exchange', flowProperties: 'FlowPropertyFactor', units: 'Unit', uncertainty: 'Uncertainty', processDocumentation: 'ProcessDocumentation', flow: 'Ref', flowProperty: 'Ref', unit: 'Ref', location: 'Ref', unitGroup: 'Ref', defaultFlowProperty: 'Ref', defaultProvider: 'Ref' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every problem of a document against the classes above, as paths. */
function schemaProblems(doc: Record<string, unknown>, cls: string, at: string): string[] {
  const c = CLASSES[cls]!;
  const out: string[] = [];
  for (const r of c.required) if (doc[r] === undefined) out.push(`${at}: ${cls} lacks ${r}`);
  for (const [k, v] of Object.entries(doc)) {
    if (!c.props.includes(k)) out.push(`${at}.${k}: not a property of ${cls}`);
    if (ENUMS[k] && !ENUMS[k].includes(v as string)) out.push(`${at}.${k}: ${String(v)} is not a ${k}`);
    if (k === '@id' && !UUID.test(String(v))) out.push(`${at}.@id: ${String(v)} is not a UUID`);
    const nested = NESTED[k];
    if (nested === 'Ref' && cls === 'Ref') continue; // a Ref's location is a string
    if (nested && Array.isArray(v)) v.forEach((x, i) => out.push(...schemaProblems(x as Record<string, unknown>, nested, `${at}.${k}[${i}]`)));
    else if (nested && v && typeof v === 'object') out.push(...schemaProblems(v as Record<string, unknown>, nested, `${at}.${k}`));
  }
  if (cls !== 'Ref' && cls !== 'ProcessDocumentation' && doc['@type'] !== undefined && doc['@type'] !== cls) out.push(`${at}: @type ${String(doc['@type'])} is not ${cls}`);
  return out;
}

// ---- a small enterprise --------------------------------------------------------------------------

const mat = (code: string, category: string, unit: string, extra: Partial<OlcaMaterial> = {}): OlcaMaterial => ({ code, name: code.toLowerCase(), nameEn: code, category, hazardous: false, unit, densityKgM3: null, lhvMJPerUnit: null, lhvMJPerKg: null, composition: null, ...extra });
const MATERIALS = new Map<string, OlcaMaterial>(
  [
    mat('RAW_COAL', 'energy_carrier', 't', { lhvMJPerKg: 20.908 }),
    mat('ELECTRICITY', 'energy_carrier', 'kWh', { lhvMJPerUnit: 3.6 }),
    mat('STEAM_LP', 'energy_carrier', 't', { lhvMJPerUnit: 2676 }),
    mat('CARBON_DIOXIDE', 'waste', 't', { casNo: '124-38-9' }),
    mat('PVC_RESIN', 'product', 't'),
    mat('HYDROCHLORIC_ACID', 'product', 't'),
    mat('BRINE_SLUDGE', 'waste', 't', { swCode: 'SW59' }),
    mat('WASTEWATER', 'waste', 'm3', { densityKgM3: 1000 }),
    mat('SALT', 'raw_material', 't'),
  ].map((m) => [m.code, m]),
);

const node = (id: number, code: string, kind: LedgerNode['kind'], enterpriseId: number | null, boundaryKind: LedgerNode['boundaryKind'] = null): LedgerNode => ({ id, code, name: code, nameEn: null, kind, boundaryKind, enterpriseId, unitId: kind === 'unit' ? id : null, parentId: null });
const NODES: LedgerNode[] = [
  node(1, 'park', 'park', null),
  node(2, 'supplier', 'boundary', null, 'supplier'),
  node(3, 'customer', 'boundary', null, 'customer'),
  node(4, 'air', 'boundary', null, 'air'),
  node(5, 'water-body', 'boundary', null, 'water_body'),
  node(6, 'landfill', 'boundary', null, 'landfill'),
  node(10, 'chlor', 'enterprise', 7),
  node(11, 'chlor-boiler', 'unit', 7),
  node(12, 'chlor-pvc', 'unit', 7),
  node(20, 'other', 'enterprise', 8),
];
let nextId = 1;
const flow = (from: number, to: number, materialCode: string, quantity: number, unit: string, sd: number, extra: Partial<LedgerFlow> = {}): LedgerFlow => ({ id: nextId++, enterpriseId: 7, grain: 'month', period: '2026-03', fromNodeId: from, toNodeId: to, materialCode, quantity, unit, sd, basis: sd === 0 ? 'exact' : 'measured', source: 'manual', ...extra });
const FLOWS: LedgerFlow[] = [
  flow(2, 11, 'RAW_COAL', 100, 't', 1),
  flow(2, 11, 'RAW_COAL', 50, 't', 0.5, { grain: 'day', period: '2026-03-05' }), // the month's row covers it
  flow(2, 11, 'ELECTRICITY', 5, 'MWh', 0.05),
  flow(11, 12, 'STEAM_LP', 50, 't', 1),
  flow(11, 4, 'CARBON_DIOXIDE', 200, 't', 10),
  flow(12, 3, 'PVC_RESIN', 80, 't', 0.8),
  flow(12, 20, 'PVC_RESIN', 20, 't', 0.6),
  flow(12, 3, 'HYDROCHLORIC_ACID', 500, 't', 5),
  flow(12, 6, 'BRINE_SLUDGE', 3000, 'kg', 30),
  flow(12, 5, 'WASTEWATER', 40, 'm3', 2),
  flow(20, 12, 'SALT', 10, 't', 0, { enterpriseId: 8 }),
];

const input = (over: Partial<OlcaExportInput> = {}): OlcaExportInput => ({
  park: { code: 'demo-park', name: '示范园区', nameEn: 'Demo Park', address: null },
  enterprise: { id: 7, code: 'chlor', name: '氯碱', nameEn: 'Chlor-alkali' },
  period: '2026-03',
  nodes: NODES,
  flows: FLOWS,
  materials: MATERIALS,
  mainProducts: new Map([[12, 'PVC_RESIN']]),
  exportedAt: '2026-04-02T08:00:00.000Z',
  ...over,
});

type Doc = Record<string, unknown> & { exchanges?: Ex[] };
interface Ex {
  amount: number;
  isInput: boolean;
  isQuantitativeReference: boolean;
  flow: { '@id': string; name: string; flowType: string; category: string };
  unit: { '@id': string; name: string };
  flowProperty: { '@id': string };
  uncertainty?: { mean: number; sd: number; distributionType: string };
  defaultProvider?: { '@id': string };
  description: string;
}

function unzipped(bytes: Uint8Array): Map<string, Doc> {
  return new Map(Object.entries(unzipSync(bytes)).map(([p, b]) => [p, JSON.parse(strFromU8(b)) as Doc]));
}
const processes = (docs: Map<string, Doc>) => [...docs].filter(([p]) => p.startsWith('processes/')).map(([, d]) => d);
const processOf = (docs: Map<string, Doc>, unitCode: string) => processes(docs).find((p) => String(p.name).includes(`· ${unitCode} —`))!;
const exchangeOf = (p: Doc, material: string, isInput: boolean) => p.exchanges!.find((e) => e.flow.name.startsWith(`${material} (`) && e.isInput === isInput)!;

describe('olca-schema export', () => {
  const zip = olcaZip(olcaExport(input()).documents);
  const docs = unzipped(zip);

  it('is a JSON-LD package of schema version 2, every document valid against the olca-schema classes', () => {
    expect(docs.get('olca-schema.json')).toEqual({ version: 2 });
    const folders: Record<string, string> = { processes: 'Process', flows: 'Flow', flow_properties: 'FlowProperty', unit_groups: 'UnitGroup', locations: 'Location' };
    const problems: string[] = [];
    for (const [path, doc] of docs) {
      if (path === 'olca-schema.json') continue;
      const [folder, file] = path.split('/');
      expect(folders[folder!], path).toBeDefined();
      expect(file, path).toBe(`${String(doc['@id'])}.json`);
      problems.push(...schemaProblems(doc, folders[folder!]!, path));
    }
    expect(problems).toEqual([]);
  });

  it('has one unit process per unit, with every exchange’s flow, property, unit group and unit in the package', () => {
    expect(processes(docs).map((p) => p.name).sort()).toEqual(['氯碱 (Chlor-alkali) · chlor-boiler — 2026-03', '氯碱 (Chlor-alkali) · chlor-pvc — 2026-03']);
    for (const p of processes(docs)) {
      expect(p.processType).toBe('UNIT_PROCESS');
      expect(p.lastInternalId).toBe(p.exchanges!.length);
      expect((p.location as { '@id': string })['@id']).toBe(OLCA_CHINA.id);
      for (const e of p.exchanges!) {
        const f = docs.get(`flows/${e.flow['@id']}.json`)!;
        expect(f, e.flow.name).toBeDefined();
        const factors = f.flowProperties as { isRefFlowProperty: boolean; conversionFactor: number; flowProperty: { '@id': string } }[];
        expect(factors.filter((x) => x.isRefFlowProperty)).toHaveLength(1);
        expect(factors.find((x) => x.isRefFlowProperty)!.flowProperty['@id']).toBe(e.flowProperty['@id']);
        for (const x of factors) expect(docs.get(`flow_properties/${x.flowProperty['@id']}.json`)).toBeDefined();
        const prop = docs.get(`flow_properties/${e.flowProperty['@id']}.json`)!;
        const group = docs.get(`unit_groups/${(prop.unitGroup as { '@id': string })['@id']}.json`)!;
        const units = group.units as { '@id': string; name: string; isRefUnit?: boolean; conversionFactor: number }[];
        expect(units.map((u) => u['@id'])).toContain(e.unit['@id']);
        expect(units.filter((u) => u.isRefUnit).map((u) => u.conversionFactor)).toEqual([1]);
      }
    }
    expect(docs.get(`locations/${OLCA_CHINA.id}.json`)).toMatchObject({ code: 'CN', name: 'China' });
    // openLCA's reference ids: Mass is 93a60a56-…-0800200b9a66 with kg in Units of mass.
    expect(docs.get(`flow_properties/${OLCA_PROPERTIES.mass.id}.json`)).toMatchObject({ name: 'Mass', unitGroup: { '@id': '93a60a57-a4c8-11da-a746-0800200c9a66' } });
  });

  it('sums the ledger into exchanges in the catalogue unit, counting a link once, with normal uncertainties', () => {
    const boiler = processOf(docs, 'chlor-boiler');
    const coal = exchangeOf(boiler, 'RAW_COAL', true);
    expect(coal).toMatchObject({ amount: 100, unit: { name: 't' }, uncertainty: { distributionType: 'NORMAL_DISTRIBUTION', mean: 100, sd: 1 } });
    expect(exchangeOf(boiler, 'ELECTRICITY', true)).toMatchObject({ amount: 5000, unit: { name: 'kWh' }, uncertainty: { sd: 50 } });
    const pvc = processOf(docs, 'chlor-pvc');
    const resin = exchangeOf(pvc, 'PVC_RESIN', false);
    expect(resin.amount).toBe(100);
    expect(resin.uncertainty!.sd).toBeCloseTo(1, 12);
    expect(resin.description).toContain('to customer: 80 t');
    expect(resin.description).toContain('to other: 20 t');
    expect(exchangeOf(pvc, 'BRINE_SLUDGE', false)).toMatchObject({ amount: 3, unit: { name: 't' }, flow: { flowType: 'WASTE_FLOW' } });
    // An exact flow has no uncertainty.
    expect(exchangeOf(pvc, 'SALT', true).uncertainty).toBeUndefined();
  });

  it('makes flows to air and water bodies elementary, in their compartments', () => {
    const co2 = exchangeOf(processOf(docs, 'chlor-boiler'), 'CARBON_DIOXIDE', false);
    expect(co2.flow).toMatchObject({ flowType: 'ELEMENTARY_FLOW', category: 'Elementary flows/Emission to air/unspecified' });
    expect(docs.get(`flows/${co2.flow['@id']}.json`)).toMatchObject({ cas: '124-38-9' });
    expect(exchangeOf(processOf(docs, 'chlor-pvc'), 'WASTEWATER', false).flow).toMatchObject({ flowType: 'ELEMENTARY_FLOW', category: 'Elementary flows/Emission to water/unspecified' });
  });

  it('takes the stated main product as the quantitative reference, else the best-ranked output', () => {
    const refs = (p: Doc) => p.exchanges!.filter((e) => e.isQuantitativeReference).map((e) => e.flow.name);
    expect(refs(processOf(docs, 'chlor-pvc'))).toEqual(['PVC_RESIN (pvc_resin)']);
    expect(refs(processOf(docs, 'chlor-boiler'))).toEqual(['STEAM_LP (steam_lp)']);
    const unstated = unzipped(olcaZip(olcaExport(input({ mainProducts: new Map() })).documents));
    // Without a statement the largest product wins (hydrochloric acid, 500 t).
    expect(refs(processOf(unstated, 'chlor-pvc'))).toEqual(['HYDROCHLORIC_ACID (hydrochloric_acid)']);
  });

  it('links an input from another unit of the enterprise to that unit’s process', () => {
    const steam = exchangeOf(processOf(docs, 'chlor-pvc'), 'STEAM_LP', true);
    expect(steam.defaultProvider!['@id']).toBe(processOf(docs, 'chlor-boiler')['@id']);
    expect(exchangeOf(processOf(docs, 'chlor-boiler'), 'RAW_COAL', true).defaultProvider).toBeUndefined();
  });

  it('gives the same ids on every export of the park, other ids in another park or period', () => {
    const again = unzipped(olcaZip(olcaExport(input({ exportedAt: '2026-05-01T00:00:00.000Z' })).documents));
    expect([...again.keys()].sort()).toEqual([...docs.keys()].sort());
    const otherPark = olcaExport(input({ park: { code: 'other-park', name: 'x', nameEn: null, address: null } }));
    const shared = [...otherPark.documents.keys()].filter((p) => docs.has(p));
    // Only openLCA's reference data (properties, unit groups, China) and the schema file are shared.
    expect(shared.every((p) => !p.startsWith('processes/') && !p.startsWith('flows/'))).toBe(true);
    const april = olcaExport(input({ period: '2026-04', flows: FLOWS.map((f) => ({ ...f, period: f.period.replace('2026-03', '2026-04') })) }));
    const aprilProcesses = [...april.documents.keys()].filter((p) => p.startsWith('processes/'));
    expect(aprilProcesses.some((p) => docs.has(p))).toBe(false);
    expect([...april.documents.keys()].filter((p) => p.startsWith('flows/')).sort()).toEqual([...docs.keys()].filter((p) => p.startsWith('flows/')).sort());
  });

  it('reports flows it cannot express and writes nothing else for them', () => {
    const out = olcaExport(input({ flows: [...FLOWS, flow(11, 3, 'UNKNOWN_STUFF', 1, 't', 0.1)] }));
    expect(out.skipped).toEqual([{ flowId: nextId - 1, reason: 'material UNKNOWN_STUFF is not in the catalogue the caller may use' }]);
    expect(out.processes).toBe(2);
  });

  it('answers an enterprise without flows with the schema file only', () => {
    const out = olcaExport(input({ flows: [] }));
    expect([...out.documents.keys()]).toEqual(['olca-schema.json']);
  });
});

describe('ids and periods', () => {
  it('computes RFC 9562 UUID v5', () => {
    // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(parkNamespace('a')).not.toBe(parkNamespace('b'));
  });

  it('bounds months and years', () => {
    expect(periodBounds('2026-02')).toEqual({ from: '2026-02-01', until: '2026-02-28' });
    expect(periodBounds('2024-02')).toEqual({ from: '2024-02-01', until: '2024-02-29' });
    expect(periodBounds('2026')).toEqual({ from: '2026-01-01', until: '2026-12-31' });
  });

  it('keeps every tonne: each flow counts once at each end that is a process of the enterprise', () => {
    const units = [11, 12];
    const ends = [2, 3, 4, 5, 6, 10, 11, 12, 20];
    const arb = fc.array(fc.record({ from: fc.constantFrom(...ends), to: fc.constantFrom(...ends), q: fc.double({ min: 0.001, max: 1e6, noNaN: true }), m: fc.constantFrom('PVC_RESIN', 'SALT', 'BRINE_SLUDGE', 'CARBON_DIOXIDE') }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, (rows) => {
        const flows = rows.filter((r) => r.from !== r.to).map((r, i) => ({ ...flow(r.from, r.to, r.m, r.q, 't', r.q / 100), id: i + 1, grain: 'day' as const, period: `2026-03-${String((i % 28) + 1).padStart(2, '0')}` }));
        const out = olcaExport(input({ flows }));
        const total = [...out.documents.values()].flatMap((d) => ((d as Doc).exchanges ?? []) as Ex[]).reduce((s, e) => s + e.amount, 0);
        const expected = flows.reduce((s, f) => s + f.quantity * ([f.fromNodeId, f.toNodeId].filter((n) => units.includes(n) || n === 10).length), 0);
        expect(total).toBeCloseTo(expected, 3);
      }),
    );
  });
});
