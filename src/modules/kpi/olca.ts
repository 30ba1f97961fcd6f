/**
 * An enterprise's inventory for a period as openLCA's olca-schema JSON-LD (version 2, openLCA 2.x),
 * docs/olca-export.md. Pure: the ledger's nodes and flows in, the documents of the zip out (and
 * the zip's bytes through fflate, in memory).
 *
 * One unit process per process unit of the enterprise (and one for the enterprise node itself
 * when flows were recorded at it): inputs are the flows into the node, outputs the flows out of
 * it, summed per material and compartment, the counterparts named in the exchange's description.
 * A flow to or from the boundary `air` or `water-body` is an elementary flow (an emission, or a
 * resource taken in), every other a product flow or, for a catalogue waste, a waste flow. Amounts
 * are in the material's catalogue unit, with a normal-distribution uncertainty from the ledger's
 * sd (independent flows: the sds add in quadrature).
 *
 * Ids are UUID v5 in a namespace of the park's code: a flow's from its material code (and its
 * compartment for elementary flows), a process's from its node code and the period, so exporting
 * again updates the same data sets in openLCA instead of adding copies. Units, unit groups, flow
 * properties and the location China carry the ids of openLCA's reference data, so they merge
 * with it on import.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { countedOnce } from '../flows/balance.ts';
import type { LedgerFlow, LedgerMaterial, LedgerNode } from '../flows/model.ts';
import { materialUnitFactor } from '../flows/quantity.ts';

// ---- openLCA's reference data (olca-schema py/olca_schema/units/units.csv) ------------------------

export type OlcaQuantity = 'mass' | 'volume' | 'energy' | 'items';

interface RefProperty {
  /** The flow property. */
  id: string;
  name: string;
  /** Its unit group, and the group's reference unit. */
  groupId: string;
  groupName: string;
  refUnit: string;
}

export const OLCA_PROPERTIES: Readonly<Record<OlcaQuantity, RefProperty>> = {
  mass: { id: '93a60a56-a3c8-11da-a746-0800200b9a66', name: 'Mass', groupId: '93a60a57-a4c8-11da-a746-0800200c9a66', groupName: 'Units of mass', refUnit: 'kg' },
  volume: { id: '93a60a56-a3c8-22da-a746-0800200c9a66', name: 'Volume', groupId: '93a60a57-a3c8-12da-a746-0800200c9a66', groupName: 'Units of volume', refUnit: 'm3' },
  energy: { id: 'f6811440-ee37-11de-8a39-0800200c9a66', name: 'Energy', groupId: '93a60a57-a3c8-11da-a746-0800200c9a66', groupName: 'Units of energy', refUnit: 'MJ' },
  items: { id: '01846770-4cfe-4a25-8ad9-919d8d378345', name: 'Number of items', groupId: '5beb6eed-33a9-47b8-9ede-1dfe8f679159', groupName: 'Units of items', refUnit: 'Item(s)' },
};

interface RefUnit {
  id: string;
  name: string;
  quantity: OlcaQuantity;
  /** Reference units of the group per one of this unit. */
  factor: number;
}

/** The openLCA units the catalogue's units map to (docs/catalogue.md lists the catalogue's). */
export const OLCA_UNITS: readonly RefUnit[] = [
  { id: '20aadc24-a391-41cf-b340-3e4529f44bde', name: 'kg', quantity: 'mass', factor: 1 },
  { id: '83192ffa-5990-490b-a23a-b45ca072db6f', name: 't', quantity: 'mass', factor: 1000 },
  { id: 'e1317ffc-7f83-4a85-bc65-4fb229a25cf8', name: 'g', quantity: 'mass', factor: 0.001 },
  { id: '1c3a9695-398d-4b1f-b07e-a8715b610f70', name: 'm3', quantity: 'volume', factor: 1 },
  { id: 'b80a512e-e402-4363-8ad0-7d02dcf4a459', name: 'l', quantity: 'volume', factor: 0.001 },
  { id: '4669b8ce-894d-405a-95d1-3211accaa739', name: 'Nm3', quantity: 'volume', factor: 1 },
  { id: '52765a6c-3896-43c2-b2f4-c679acf13efe', name: 'MJ', quantity: 'energy', factor: 1 },
  { id: '86ad2244-1f0e-4912-af53-7865283103e4', name: 'kWh', quantity: 'energy', factor: 3.6 },
  { id: '92e3bd49-8ed5-4885-9db6-fc88c7afcfcb', name: 'MWh', quantity: 'energy', factor: 3600 },
  { id: '01e58eb9-0aba-4c76-ba0c-03f6f3be1353', name: 'GJ', quantity: 'energy', factor: 1000 },
  { id: '6dabe201-aaac-4509-92f0-d00c26cb72ab', name: 'Item(s)', quantity: 'items', factor: 1 },
];

/**
 * A catalogue unit as openLCA has it: the openLCA unit and how many of it one catalogue unit is.
 * Coal equivalents go to MJ (1 kgce = 29.307 6 MJ, GB/T 2589), CO2e masses to mass.
 */
const CATALOGUE_UNITS: Readonly<Record<string, { unit: string; times: number }>> = {
  kg: { unit: 'kg', times: 1 },
  t: { unit: 't', times: 1 },
  g: { unit: 'g', times: 1 },
  m3: { unit: 'm3', times: 1 },
  L: { unit: 'l', times: 1 },
  l: { unit: 'l', times: 1 },
  Nm3: { unit: 'Nm3', times: 1 },
  MJ: { unit: 'MJ', times: 1 },
  kWh: { unit: 'kWh', times: 1 },
  MWh: { unit: 'MWh', times: 1 },
  GJ: { unit: 'GJ', times: 1 },
  kgce: { unit: 'MJ', times: 29.3076 },
  tce: { unit: 'MJ', times: 29307.6 },
  kgCO2e: { unit: 'kg', times: 1 },
  tCO2e: { unit: 't', times: 1 },
  pcs: { unit: 'Item(s)', times: 1 },
};

/** openLCA's reference location China: its ids are UUID v3 of the lower-case ISO code. */
export const OLCA_CHINA = { id: '7efdfc94-655a-35dc-aa3e-c85e9bb703fa', name: 'China', code: 'CN' };

// ---- deterministic ids ------------------------------------------------------------------------------

const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** RFC 9562 UUID version 5 (SHA-1, name-based). */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The namespace of one park's data sets. */
export const parkNamespace = (parkCode: string) => uuidV5(`urn:symbiont:park:${parkCode}`, URL_NAMESPACE);

// ---- input and output -------------------------------------------------------------------------------

/** What the export needs of a catalogue material: the ledger's view and the codes it shows. */
export interface OlcaMaterial extends LedgerMaterial {
  casNo?: string | null;
  swCode?: string | null;
  hwCode?: string | null;
  ewcCode?: string | null;
}

export interface OlcaExportInput {
  park: { code: string; name: string; nameEn: string | null; address: string | null };
  enterprise: { id: number; code: string; name: string; nameEn: string | null };
  /** 'YYYY-MM' or 'YYYY'. */
  period: string;
  nodes: readonly LedgerNode[];
  /** The period's flows with an end at the enterprise's nodes (any grain within the period). */
  flows: readonly LedgerFlow[];
  materials: ReadonlyMap<string, OlcaMaterial>;
  /** The main product stated per unit node (key: node id) or for the enterprise (key: null). */
  mainProducts: ReadonlyMap<number | null, string>;
  /** ISO date-time of the export: the data sets' lastChange and creation date. */
  exportedAt: string;
}

/** A flow of the ledger the export could not express, with why. */
export interface OlcaSkipped {
  flowId: number;
  reason: string;
}

export interface OlcaExport {
  /** Path in the zip → JSON document. */
  documents: Map<string, Record<string, unknown>>;
  processes: number;
  flows: number;
  exchanges: number;
  skipped: OlcaSkipped[];
}

type FlowType = 'PRODUCT_FLOW' | 'WASTE_FLOW' | 'ELEMENTARY_FLOW';

/** Where an exchange's flow is: the technosphere, or an elementary compartment. */
interface Compartment {
  key: string;
  category: string;
}

const TECHNOSPHERE: Compartment = { key: 'technosphere', category: '' };
const ELEMENTARY: Readonly<Record<string, { output: Compartment; input: Compartment }>> = {
  air: { output: { key: 'emission-air', category: 'Elementary flows/Emission to air/unspecified' }, input: { key: 'resource-air', category: 'Elementary flows/Resource/in air' } },
  water_body: { output: { key: 'emission-water', category: 'Elementary flows/Emission to water/unspecified' }, input: { key: 'resource-water', category: 'Elementary flows/Resource/in water' } },
};

/** Which openLCA flow type a catalogue material is outside the elementary compartments. */
export function technosphereType(m: Pick<LedgerMaterial, 'category'>): FlowType {
  return m.category === 'waste' ? 'WASTE_FLOW' : 'PRODUCT_FLOW';
}

/** The reference rank of an output as a quantitative reference: products first; wastes never. */
const OUTPUT_RANK: Readonly<Record<string, number>> = { product: 0, intermediate: 1, by_product: 2, energy_carrier: 3, utility: 4, raw_material: 5 };

interface Exchange {
  materialCode: string;
  compartment: Compartment;
  isInput: boolean;
  /** In the openLCA unit. */
  amount: number;
  variance: number;
  counterparts: Map<number, number>;
  flowIds: number[];
}

/** The period's first and last day, for the process's time of validity. */
export function periodBounds(period: string): { from: string; until: string } {
  const [y, m] = period.split('-').map(Number) as [number, number | undefined];
  if (m === undefined) return { from: `${y}-01-01`, until: `${y}-12-31` };
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, until: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

const round = (x: number) => Number(x.toPrecision(12));

/** The documents of the export (see the module's comment). */
export function olcaExport(input: OlcaExportInput): OlcaExport {
  const ns = parkNamespace(input.park.code);
  const nodes = new Map(input.nodes.map((n) => [n.id, n]));
  const isProcessNode = (n: LedgerNode | undefined): n is LedgerNode => n !== undefined && n.enterpriseId === input.enterprise.id && (n.kind === 'unit' || n.kind === 'enterprise');
  const skipped: OlcaSkipped[] = [];
  const counted = countedOnce(input.flows, (f) => `${f.fromNodeId}>${f.toNodeId}>${f.materialCode}`);

  // Exchanges per process node, summed per (material, compartment, direction).
  const byNode = new Map<number, Map<string, Exchange>>();
  for (const f of counted) {
    const material = input.materials.get(f.materialCode);
    const from = nodes.get(f.fromNodeId);
    const to = nodes.get(f.toNodeId);
    if (!material) {
      skipped.push({ flowId: f.id, reason: `material ${f.materialCode} is not in the catalogue the caller may use` });
      continue;
    }
    const target = CATALOGUE_UNITS[material.unit];
    const toMaterial = materialUnitFactor(f.unit, material);
    if (!target || 'error' in toMaterial) {
      skipped.push({ flowId: f.id, reason: !target ? `the catalogue unit ${material.unit} of ${material.code} has no openLCA unit` : (toMaterial as { error: string }).error });
      continue;
    }
    const factor = toMaterial.factor * target.times;
    for (const [self, other, isInput] of [[to, from, true], [from, to, false]] as const) {
      if (!isProcessNode(self) || !other || other.id === self.id) continue;
      const elementary = other.kind === 'boundary' && other.boundaryKind !== null ? ELEMENTARY[other.boundaryKind] : undefined;
      const compartment = elementary ? (isInput ? elementary.input : elementary.output) : TECHNOSPHERE;
      const key = `${isInput ? 'in' : 'out'}|${compartment.key}|${material.code}`;
      const exchanges = byNode.get(self.id) ?? new Map<string, Exchange>();
      byNode.set(self.id, exchanges);
      const e: Exchange = exchanges.get(key) ?? { materialCode: material.code, compartment, isInput, amount: 0, variance: 0, counterparts: new Map<number, number>(), flowIds: [] };
      exchanges.set(key, e);
      e.amount += f.quantity * factor;
      e.variance += (f.sd * factor) ** 2;
      e.counterparts.set(other.id, (e.counterparts.get(other.id) ?? 0) + f.quantity * factor);
      e.flowIds.push(f.id);
    }
    if (!isProcessNode(from) && !isProcessNode(to)) skipped.push({ flowId: f.id, reason: 'neither end is a unit or the enterprise node of the enterprise' });
  }

  const documents = new Map<string, Record<string, unknown>>();
  const usedQuantities = new Set<OlcaQuantity>();
  const flowDocs = new Map<string, Record<string, unknown>>();
  const unitOf = (name: string) => OLCA_UNITS.find((u) => u.name === name)!;
  const processId = (node: LedgerNode) => uuidV5(`process/${node.code}/${input.period}`, ns);
  const enterpriseName = input.enterprise.nameEn ? `${input.enterprise.name} (${input.enterprise.nameEn})` : input.enterprise.name;
  const nodeName = (n: LedgerNode) => (n.nameEn ? `${n.name} (${n.nameEn})` : n.name);
  const processName = (n: LedgerNode) => (n.kind === 'enterprise' ? `${enterpriseName} — ${input.period}` : `${enterpriseName} · ${nodeName(n)} — ${input.period}`);

  const flowRefOf = (e: Exchange) => {
    const m = input.materials.get(e.materialCode)!;
    const type: FlowType = e.compartment === TECHNOSPHERE ? technosphereType(m) : 'ELEMENTARY_FLOW';
    const id = uuidV5(e.compartment === TECHNOSPHERE ? `flow/${m.code}` : `flow/${m.code}/${e.compartment.key}`, ns);
    const unit = unitOf(CATALOGUE_UNITS[m.unit]!.unit);
    const category = e.compartment === TECHNOSPHERE ? `Symbiont/${input.park.code}/${m.category}` : e.compartment.category;
    const name = m.nameEn ? `${m.nameEn} (${m.name})` : m.name;
    if (!flowDocs.has(id)) {
      usedQuantities.add(unit.quantity);
      const codes = [m.swCode && `SW ${m.swCode}`, m.hwCode && `HW ${m.hwCode}`, m.ewcCode && `EWC ${m.ewcCode}`].filter(Boolean).join('; ');
      const secondary = secondaryProperties(m, unit);
      for (const s of secondary) usedQuantities.add(s.quantity);
      flowDocs.set(id, {
        '@type': 'Flow',
        '@id': id,
        name,
        description: `Symbiont catalogue material ${m.code}${codes ? ` (${codes})` : ''}; catalogue unit ${m.unit}.`,
        category,
        version: '01.00.000',
        lastChange: input.exportedAt,
        flowType: type,
        ...(m.casNo ? { cas: m.casNo } : {}),
        location: locationRef(),
        flowProperties: [
          { '@type': 'FlowPropertyFactor', isRefFlowProperty: true, conversionFactor: 1, flowProperty: propertyRef(unit.quantity) },
          ...secondary.map((s) => ({ '@type': 'FlowPropertyFactor', isRefFlowProperty: false, conversionFactor: round(s.factor), flowProperty: propertyRef(s.quantity) })),
        ],
      });
    }
    return { ref: { '@type': 'Flow', '@id': id, name, category, flowType: type, refUnit: OLCA_PROPERTIES[unit.quantity].refUnit }, unit, type, category: m.category };
  };

  let exchangeCount = 0;
  const processNodes = [...byNode.keys()].map((id) => nodes.get(id)!).sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'enterprise' ? -1 : 1));
  for (const node of processNodes) {
    const list = [...byNode.get(node.id)!.values()].sort((a, b) => Number(a.isInput) - Number(b.isInput) || a.compartment.key.localeCompare(b.compartment.key) || a.materialCode.localeCompare(b.materialCode));
    const refs = list.map(flowRefOf);
    const reference = quantitativeReference(list, refs, input.mainProducts.get(node.id) ?? input.mainProducts.get(null) ?? null);
    const exchanges = list.map((e, i) => {
      const r = refs[i]!;
      const amount = round(e.amount);
      const sd = Math.sqrt(e.variance);
      const counterparts = [...e.counterparts].map(([id, q]) => `${e.isInput ? 'from' : 'to'} ${nodes.get(id)?.code ?? id}: ${round(q)} ${r.unit.name}`).join('; ');
      // An input from one other unit of the enterprise: that unit's process is its default provider (a waste output likewise to its treatment).
      const providers = [...e.counterparts.keys()].map((id) => nodes.get(id)).filter((n): n is LedgerNode => n !== undefined);
      const provider = e.compartment === TECHNOSPHERE && providers.length === 1 && isProcessNode(providers[0]) && byNode.has(providers[0].id) && (e.isInput ? r.type === 'PRODUCT_FLOW' : r.type === 'WASTE_FLOW') ? providers[0] : undefined;
      return {
        '@type': 'Exchange',
        internalId: i + 1,
        amount,
        isInput: e.isInput,
        isAvoidedProduct: false,
        isQuantitativeReference: i === reference,
        flow: r.ref,
        unit: { '@type': 'Unit', '@id': r.unit.id, name: r.unit.name },
        flowProperty: propertyRef(r.unit.quantity),
        ...(sd > 0 ? { uncertainty: { '@type': 'Uncertainty', distributionType: 'NORMAL_DISTRIBUTION', mean: amount, sd: round(sd) } } : {}),
        ...(provider ? { defaultProvider: { '@type': 'Process', '@id': processId(provider), name: processName(provider), processType: 'UNIT_PROCESS' } } : {}),
        description: `${counterparts} (ledger flows ${e.flowIds.join(', ')})`,
      };
    });
    exchangeCount += exchanges.length;
    const id = processId(node);
    const { from, until } = periodBounds(input.period);
    documents.set(`processes/${id}.json`, {
      '@type': 'Process',
      '@id': id,
      name: processName(node),
      description: `Inventory of ${node.kind === 'enterprise' ? `enterprise ${input.enterprise.code}` : `process unit ${node.code} of ${input.enterprise.code}`} for ${input.period}, from the Symbiont flow ledger of ${input.park.name}.${reference === null ? ' No output product or waste input to take as the quantitative reference.' : ''}`,
      category: `Symbiont/${input.park.code}/${input.enterprise.code}`,
      version: '01.00.000',
      lastChange: input.exportedAt,
      processType: 'UNIT_PROCESS',
      location: locationRef(),
      processDocumentation: {
        validFrom: from,
        validUntil: until,
        timeDescription: `Ledger period ${input.period}: the flows of its days, months or year, each link counted once (the coarser record wins).`,
        geographyDescription: [input.park.name, input.park.nameEn, input.park.address].filter(Boolean).join(', '),
        dataCollectionDescription: 'Measured, calculated, estimated and exact flows of the Symbiont flow ledger; uncertainties are the ledger standard deviations (normal distribution).',
        creationDate: input.exportedAt,
      },
      lastInternalId: exchanges.length,
      exchanges,
    });
  }

  for (const [id, doc] of flowDocs) documents.set(`flows/${id}.json`, doc);
  for (const q of [...usedQuantities].sort()) {
    const p = OLCA_PROPERTIES[q];
    documents.set(`flow_properties/${p.id}.json`, { '@type': 'FlowProperty', '@id': p.id, name: p.name, category: 'Technical flow properties', version: '00.00.000', flowPropertyType: 'PHYSICAL_QUANTITY', unitGroup: { '@type': 'UnitGroup', '@id': p.groupId, name: p.groupName } });
    documents.set(`unit_groups/${p.groupId}.json`, {
      '@type': 'UnitGroup',
      '@id': p.groupId,
      name: p.groupName,
      category: 'Technical unit groups',
      version: '00.00.000',
      defaultFlowProperty: propertyRef(q),
      units: OLCA_UNITS.filter((u) => u.quantity === q).map((u) => ({ '@type': 'Unit', '@id': u.id, name: u.name, conversionFactor: u.factor, ...(u.name === p.refUnit ? { isRefUnit: true } : {}) })),
    });
  }
  if (documents.size) documents.set(`locations/${OLCA_CHINA.id}.json`, { '@type': 'Location', '@id': OLCA_CHINA.id, name: OLCA_CHINA.name, code: OLCA_CHINA.code, version: '00.00.000' });
  documents.set('olca-schema.json', { version: 2 });
  return { documents, processes: processNodes.length, flows: flowDocs.size, exchanges: exchangeCount, skipped };
}

/**
 * Which exchange is the process's quantitative reference: the stated main product's output; else
 * the output of the best-ranked category (product, intermediate, by-product, …), largest first;
 * else, for a unit that treats waste, its largest waste input; else none.
 */
function quantitativeReference(list: readonly Exchange[], refs: readonly { type: FlowType; category: string }[], mainProduct: string | null): number | null {
  const outputs = list.map((e, i) => ({ e, i, r: refs[i]! })).filter((x) => !x.e.isInput && x.r.type === 'PRODUCT_FLOW');
  const stated = outputs.find((x) => x.e.materialCode === mainProduct);
  if (stated) return stated.i;
  const rank = (c: string) => OUTPUT_RANK[c] ?? 9;
  const best = [...outputs].sort((a, b) => rank(a.r.category) - rank(b.r.category) || b.e.amount - a.e.amount)[0];
  if (best) return best.i;
  const treated = list.map((e, i) => ({ e, i, r: refs[i]! })).filter((x) => x.e.isInput && x.r.type === 'WASTE_FLOW').sort((a, b) => b.e.amount - a.e.amount)[0];
  return treated ? treated.i : null;
}

/**
 * Further quantities of a flow where the catalogue bridges them: mass ⇄ volume by the density,
 * energy by the heating value. The factor is the other property's reference unit per reference
 * unit of the flow's own (1 kg of water is 0.001 m3).
 */
function secondaryProperties(m: OlcaMaterial, unit: RefUnit): { quantity: OlcaQuantity; factor: number }[] {
  const out: { quantity: OlcaQuantity; factor: number }[] = [];
  const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
  if (ok(m.densityKgM3) && unit.quantity === 'mass') out.push({ quantity: 'volume', factor: 1 / m.densityKgM3 });
  if (ok(m.densityKgM3) && unit.quantity === 'volume') out.push({ quantity: 'mass', factor: m.densityKgM3 });
  // lhvMJPerUnit is per catalogue unit; per reference unit of the group it is divided by the unit's factor.
  const perRef = ok(m.lhvMJPerUnit) ? m.lhvMJPerUnit / (CATALOGUE_UNITS[m.unit]!.times * unit.factor) : unit.quantity === 'mass' && ok(m.lhvMJPerKg) ? m.lhvMJPerKg : null;
  if (perRef !== null && unit.quantity !== 'energy' && unit.quantity !== 'items') out.push({ quantity: 'energy', factor: perRef });
  return out;
}

const propertyRef = (q: OlcaQuantity) => ({ '@type': 'FlowProperty', '@id': OLCA_PROPERTIES[q].id, name: OLCA_PROPERTIES[q].name, refUnit: OLCA_PROPERTIES[q].refUnit });
const locationRef = () => ({ '@type': 'Location', '@id': OLCA_CHINA.id, name: OLCA_CHINA.name });

/** The zip openLCA's JSON-LD import reads: one file per document, olca-schema.json first. */
export function olcaZip(documents: ReadonlyMap<string, Record<string, unknown>>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const paths = [...documents.keys()].sort((a, b) => (a === 'olca-schema.json' ? -1 : b === 'olca-schema.json' ? 1 : a.localeCompare(b)));
  for (const p of paths) files[p] = strToU8(JSON.stringify(documents.get(p), null, 2));
  return zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}
