/**
 * What the ledger's flows are to the KPIs (docs/kpis.md, "From the ledger to the indicators"): the
 * role each catalogue material plays (solid waste, energy, fuel, water, circular mass…), the class
 * of a flow's counterpart seen from a scope (another node of the park, or which boundary), and the
 * tallies a scope's indicators are computed from — built for every scope in one pass over the
 * flows. Pure: no I/O.
 */
import { unitOf } from '../../core/units.ts';
import { countedOnce, isEnergyMaterial } from '../flows/balance.ts';
import { BOUNDARY_KINDS, type LedgerMaterial, type LedgerNode } from '../flows/model.ts';
import { materialUnitFactor } from '../flows/quantity.ts';
import type { KpiFlow, KpiMaterial, KpiSettings, KpiStock, ResolvedScope } from './model.ts';

// ---------------------------------------------------------------------------------------------
// Materials

export type WasteClass = 'general' | 'hazardous';
export type FuelPhase = 'solid' | 'liquid' | 'gas';

/** What a catalogue material counts as in each indicator, and its unit in the units they need. */
export interface MaterialRole {
  code: string;
  material: KpiMaterial;
  /** Hazardous waste (hazardous, or an HW code) wins over a general one (an SW code). */
  waste: WasteClass | null;
  /**
   * Counted in comprehensive energy consumption (GB/T 2589): an energy carrier, or any material
   * with a standard-coal coefficient (feedstock too: 原料用能 is energy the unit takes in).
   */
  energy: boolean;
  /** An energy carrier: the ledger's (category energy_carrier or an energy unit), or a by-product or waste with a coefficient (by-product hydrogen). Feedstock is not. */
  carrier: boolean;
  /** kgce per material unit: the catalogue's coefficient, else a carrier's heating value ÷ 29.3076 MJ/kgce; null when neither. */
  kgce: number | null;
  /** CO2 (CARBON_DIOXIDE): a node that records it leaving has its scope 1 reported, not calculated. */
  co2: boolean;
  electricity: boolean;
  /** Steam, hot water, heat: bought heat (scope 2), never a fuel. */
  heat: boolean;
  /** Burned when net-consumed (scope 1, combustion). */
  fuel: boolean;
  fuelPhase: FuelPhase | null;
  /** Decomposed when net-consumed (scope 1, process): a non-energy material with an emission factor. */
  process: boolean;
  waterIntake: boolean;
  waterReused: boolean;
  /** A material flow of the CTI: neither energy, utility, water nor a gas or liquid kept by volume. */
  ctiMass: boolean;
  /** One material unit in t, m3, MWh, GJ; null when the catalogue gives no way. */
  t: number | null;
  m3: number | null;
  mwh: number | null;
  gj: number | null;
}

/** The ledger's view of a KPI material (materialUnitFactor's argument). */
export function ledgerMaterialOf(m: KpiMaterial): LedgerMaterial {
  return { code: m.code, name: m.name, nameEn: m.nameEn, category: m.category, hazardous: m.hazardous, unit: m.unit, densityKgM3: m.densityKgM3, lhvMJPerUnit: m.lhvMJPerUnit, lhvMJPerKg: m.lhvMJPerKg, composition: null };
}

function factorTo(material: LedgerMaterial, target: string): number | null {
  const f = materialUnitFactor(material.unit, material, target);
  return 'error' in f ? null : f.factor;
}

const VOLUME_DIMENSIONS = new Set(['volume']);
const isVolumeUnit = (unit: string) => unit === 'Nm3' || VOLUME_DIMENSIONS.has(unitOf(unit)?.dimension ?? '');

// The fuels of the catalogue by phase (for the 2013 guideline's default oxidation rates); a gas is
// also anything kept by volume or named *_GAS. Any other fuel needs its oxidation factor set.
const SOLID_FUELS = new Set(['RAW_COAL', 'COKE']);
const LIQUID_FUELS = new Set(['DIESEL', 'FUEL_OIL', 'GASOLINE', 'LPG', 'CRUDE_OIL', 'KEROSENE']);

function fuelPhaseOf(m: KpiMaterial): FuelPhase | null {
  if (isVolumeUnit(m.unit) || /(^|_)GAS$/.test(m.code) || m.code === 'HYDROGEN_BYPRODUCT') return 'gas';
  if (SOLID_FUELS.has(m.code)) return 'solid';
  if (LIQUID_FUELS.has(m.code)) return 'liquid';
  return null;
}

const HEAT_CODE = /^STEAM|HOT_WATER|HEAT/;
/** Materials that are feedstock when they carry energy (crude oil, naphtha): energy consumed (原料用能), never a fuel. */
const FEEDSTOCK_CATEGORIES = new Set(['raw_material', 'intermediate', 'product']);
/** GB/T 2589-2020: 1 kgce = 29 307.6 kJ (7 000 kcal). */
export const MJ_PER_KGCE = 29.3076;
export const CO2_CODE = 'CARBON_DIOXIDE';

export function materialRole(m: KpiMaterial, settings: KpiSettings): MaterialRole {
  const ledger = ledgerMaterialOf(m);
  const waste: WasteClass | null = m.hazardous || m.hwCode ? 'hazardous' : m.swCode ? 'general' : null;
  const electricity = m.code === 'ELECTRICITY' || m.unit === 'kWh' || m.unit === 'MWh';
  // Carriers: the ledger's energy carriers, and a by-product with a standard-coal coefficient
  // (by-product hydrogen burned as fuel). GB/T 2589 energy: the carriers, and feedstock with a
  // coefficient (原料用能: crude oil, naphtha), whose conversion outputs sold are deducted.
  const carrier = isEnergyMaterial(ledger) || (m.kgcePerUnit !== null && !FEEDSTOCK_CATEGORIES.has(m.category));
  const energy = carrier || m.kgcePerUnit !== null;
  const heat = carrier && !electricity && HEAT_CODE.test(m.code);
  const hasHeatingValue = (m.lhvMJPerUnit ?? 0) > 0 || (m.lhvMJPerKg ?? 0) > 0;
  const fuel = carrier && !electricity && !heat && hasHeatingValue && (m.carbonContentKgCPerKg !== null || m.emissionFactorKgCO2ePerUnit !== null);
  const waterIntake = settings.waterIntakeMaterials.includes(m.code);
  const waterReused = settings.waterReusedMaterials.includes(m.code);
  const ctiMass = !carrier && m.category !== 'utility' && !waterIntake && !waterReused && !isVolumeUnit(m.unit) && m.code !== 'AIR';
  const gj = m.lhvMJPerUnit !== null && m.lhvMJPerUnit > 0 ? m.lhvMJPerUnit / 1000 : factorTo(ledger, 'GJ');
  // A carrier without a coefficient converts at its heating value; feedstock only with a coefficient.
  const kgce = m.kgcePerUnit ?? (carrier && gj !== null && gj > 0 ? (gj * 1000) / MJ_PER_KGCE : null);
  return {
    code: m.code,
    material: m,
    waste,
    energy,
    carrier,
    kgce,
    co2: m.code === CO2_CODE,
    electricity,
    heat,
    fuel,
    fuelPhase: fuel ? fuelPhaseOf(m) : null,
    process: !carrier && m.emissionFactorKgCO2ePerUnit !== null,
    waterIntake,
    waterReused,
    ctiMass,
    // Mass by density, not by heating value (as the ledger's mass layer does).
    t: factorTo({ ...ledger, lhvMJPerUnit: null }, 't'),
    m3: factorTo(ledger, 'm3'),
    mwh: electricity ? factorTo(ledger, 'MWh') : null,
    gj,
  };
}

// ---------------------------------------------------------------------------------------------
// Counterparts

/** The class of a flow's other end, seen from a scope: another node of the park, or a boundary kind. */
export const COUNTERPARTS = ['node', ...BOUNDARY_KINDS] as const;
export type Counterpart = (typeof COUNTERPARTS)[number];
const COUNTERPART_INDEX = new Map(COUNTERPARTS.map((c, i) => [c, i]));
export const counterpartIndex = (c: Counterpart): number => COUNTERPART_INDEX.get(c)!;

export function counterpartOf(node: LedgerNode): Counterpart {
  if (node.kind !== 'boundary') return 'node';
  return node.boundaryKind ?? 'other';
}

// ---------------------------------------------------------------------------------------------
// Tallies

/** One material's flows across and within one scope, in the material's catalogue unit. */
export interface MaterialTally {
  /** Inflows by counterpart (COUNTERPARTS order). */
  inBy: number[];
  outBy: number[];
  /** Flows between two nodes of the scope. */
  internal: number;
  /** Sent by a node of the scope to a node of another enterprise (an exchange). */
  exchangeOut: number;
  /** Flows whose quantity could not be expressed in the material's unit, with why. */
  unconvertible: string[];
  flows: number;
}

// Plain arrays: thousands of tallies are made per period, and a typed array costs more to allocate.
// Their length follows COUNTERPARTS, so a new boundary kind cannot leave a counterpart without a slot.
export const newMaterialTally = (): MaterialTally => ({ inBy: new Array<number>(COUNTERPARTS.length).fill(0), outBy: new Array<number>(COUNTERPARTS.length).fill(0), internal: 0, exchangeOut: 0, unconvertible: [], flows: 0 });

export type ScopeTally = Map<string, MaterialTally>;

export function tallyOf(t: ScopeTally, code: string): MaterialTally {
  let m = t.get(code);
  if (!m) t.set(code, (m = newMaterialTally()));
  return m;
}

export const sum = (a: readonly number[]): number => {
  let s = 0;
  for (const v of a) s += v;
  return s;
};

/** What does not depend on a scope: per node and material, and the flows between two boundary nodes. */
export interface NodeLedger {
  /** Solid wastes: node → material → [out, in] over every flow at the node. */
  wasteAtNode: Map<number, Map<string, [number, number]>>;
  /** Stock change (closing − opening) per node and material, in the material's unit. */
  stockChange: Map<number, Map<string, number>>;
  /** Prior years' stock disposed: storage yard → landfill/incineration/treatment, by the recording enterprise (null: the park's). */
  priorDisposed: Map<number | null, Map<string, number>>;
  /** Materials flows name that the catalogue does not know, with their flow counts. */
  uncatalogued: Map<string, number>;
  /** Fuels and process materials: node → material → in − out over every flow at the node (stock aside). */
  fuelAtNode: Map<number, Map<string, number>>;
  /** Nodes that record CO2 leaving them (to the air or on to another node): their scope 1 is reported. */
  co2Reporting: Set<number>;
  /** CO2 (t) each node sends to the air boundary. */
  co2ToAir: Map<number, number>;
}

/** Everything the indicators of every scope need, from one pass over the flows. */
export interface LedgerTallies {
  roles: Map<string, MaterialRole>;
  scopes: readonly ResolvedScope[];
  tallies: ScopeTally[];
  nodes: NodeLedger;
  /** The flows counted (a link recorded at two grains counts once, the coarser row). */
  flows: readonly KpiFlow[];
}

export interface TallyInput {
  nodes: readonly LedgerNode[];
  flows: readonly KpiFlow[];
  stocks: readonly KpiStock[];
  materials: ReadonlyMap<string, KpiMaterial>;
  settings: KpiSettings;
}

/** Per node, the indexes of the scopes that hold it. */
function scopesOfNodes(scopes: readonly ResolvedScope[]): Map<number, number[]> {
  const of = new Map<number, number[]>();
  scopes.forEach((s, i) => {
    for (const id of s.nodeIds) {
      const list = of.get(id);
      if (list) list.push(i);
      else of.set(id, [i]);
    }
  });
  return of;
}

/** A flow's quantity in its material's unit (factors cached per material and unit), or why not. */
function converter(roles: Map<string, MaterialRole>) {
  const cache = new Map<string, number | string>();
  return (code: string, unit: string, quantity: number): number | string => {
    const role = roles.get(code)!;
    if (unit === role.material.unit) return quantity;
    const key = `${code}\u0000${unit}`;
    let f = cache.get(key);
    if (f === undefined) {
      const r = materialUnitFactor(unit, ledgerMaterialOf(role.material));
      f = 'error' in r ? r.error : r.factor;
      cache.set(key, f);
    }
    return typeof f === 'number' ? quantity * f : f;
  };
}

const STORAGE_YARD = 'storage_yard';
const DISPOSAL = new Set(['landfill', 'incineration', 'treatment']);

/**
 * Tally the flows of a period for every scope at once: for each flow, the scopes of its two ends
 * (a handful each: its unit chain, its enterprise, the park) decide whether it is an inflow, an
 * outflow or internal to each, and by which counterpart.
 */
export function tallyLedger(input: TallyInput, scopes: readonly ResolvedScope[]): LedgerTallies {
  const roles = new Map<string, MaterialRole>();
  for (const [code, m] of input.materials) roles.set(code, materialRole(m, input.settings));
  // Materials and nodes by small integers: the loop below runs per flow and per scope of its ends.
  const codes = [...roles.keys()];
  const materialIndex = new Map(codes.map((c, i) => [c, i]));
  const isWaste = codes.map((c) => roles.get(c)!.waste !== null);
  const isFuel = codes.map((c) => roles.get(c)!.fuel || roles.get(c)!.process);
  const isCo2 = codes.map((c) => roles.get(c)!.co2);
  const scopesOf = scopesOfNodes(scopes);
  const none: number[] = [];
  const info = new Map<number, { node: LedgerNode; scopes: number[]; counterpart: number }>();
  for (const n of input.nodes) info.set(n.id, { node: n, scopes: scopesOf.get(n.id) ?? none, counterpart: counterpartIndex(counterpartOf(n)) });
  const dense: (MaterialTally | undefined)[][] = scopes.map(() => []);
  const at = (s: number, m: number): MaterialTally => dense[s]![m] ?? (dense[s]![m] = newMaterialTally());
  const nodes: NodeLedger = { wasteAtNode: new Map(), stockChange: new Map(), priorDisposed: new Map(), uncatalogued: new Map(), fuelAtNode: new Map(), co2Reporting: new Set(), co2ToAir: new Map() };
  const toUnit = converter(roles);
  // Rows of one grain never cover each other: only a mix of grains needs countedOnce.
  const grain = input.flows[0]?.grain;
  const flows = input.flows.every((f) => f.grain === grain) ? input.flows : countedOnce(input.flows, (f) => `${f.fromNodeId}>${f.toNodeId}>${f.materialCode}`);

  for (const f of flows) {
    const m = materialIndex.get(f.materialCode);
    if (m === undefined) {
      nodes.uncatalogued.set(f.materialCode, (nodes.uncatalogued.get(f.materialCode) ?? 0) + (f.rows ?? 1));
      continue;
    }
    const from = info.get(f.fromNodeId);
    const to = info.get(f.toNodeId);
    if (!from || !to) continue;
    const q = toUnit(f.materialCode, f.unit, f.quantity);
    const fromScopes = from.scopes;
    const toScopes = to.scopes;
    const a = from.node;
    const b = to.node;
    // A node that records CO2 leaving it has its emissions reported, whatever the figure (and even if it cannot be converted).
    if (isCo2[m] && a.kind !== 'boundary') nodes.co2Reporting.add(a.id);
    if (typeof q === 'string') {
      const why = `flow ${f.id}: ${q}`;
      for (const s of new Set([...fromScopes, ...toScopes])) at(s, m).unconvertible.push(why);
      continue;
    }
    const exchange = a.kind !== 'boundary' && b.kind !== 'boundary' && a.enterpriseId !== null && b.enterpriseId !== null && a.enterpriseId !== b.enterpriseId;
    for (const s of fromScopes) {
      const t = at(s, m);
      t.flows++;
      if (toScopes.includes(s)) t.internal += q;
      else t.outBy[to.counterpart]! += q;
      if (exchange) t.exchangeOut += q;
    }
    for (const s of toScopes) {
      if (fromScopes.includes(s)) continue;
      const t = at(s, m);
      t.flows++;
      t.inBy[from.counterpart]! += q;
    }
    if (isFuel[m]) {
      addNet(nodes.fuelAtNode, b.id, f.materialCode, q);
      addNet(nodes.fuelAtNode, a.id, f.materialCode, -q);
    }
    if (isCo2[m] && b.kind === 'boundary' && b.boundaryKind === 'air') {
      const t = roles.get(f.materialCode)!.t;
      if (t !== null) nodes.co2ToAir.set(a.id, (nodes.co2ToAir.get(a.id) ?? 0) + q * t);
    }
    if (isWaste[m]) {
      addAt(nodes.wasteAtNode, a.id, f.materialCode, 0, q);
      addAt(nodes.wasteAtNode, b.id, f.materialCode, 1, q);
      if (a.kind === 'boundary' && a.boundaryKind === STORAGE_YARD && b.kind === 'boundary' && DISPOSAL.has(b.boundaryKind ?? '')) {
        const byMaterial = nodes.priorDisposed.get(f.enterpriseId) ?? new Map<string, number>();
        byMaterial.set(f.materialCode, (byMaterial.get(f.materialCode) ?? 0) + q);
        nodes.priorDisposed.set(f.enterpriseId, byMaterial);
      }
    }
  }

  for (const s of input.stocks) {
    const m = materialIndex.get(s.materialCode);
    if (m === undefined) continue;
    const q = toUnit(s.materialCode, s.unit, s.closing - s.opening);
    if (typeof q === 'string') {
      for (const i of scopesOf.get(s.nodeId) ?? none) at(i, m).unconvertible.push(`stock of ${s.materialCode} at node ${s.nodeId}: ${q}`);
      continue;
    }
    const byMaterial = nodes.stockChange.get(s.nodeId) ?? new Map<string, number>();
    byMaterial.set(s.materialCode, (byMaterial.get(s.materialCode) ?? 0) + q);
    nodes.stockChange.set(s.nodeId, byMaterial);
  }
  const tallies: ScopeTally[] = dense.map((row) => {
    const t: ScopeTally = new Map();
    row.forEach((v, i) => v && t.set(codes[i]!, v));
    return t;
  });
  return { roles, scopes, tallies, nodes, flows };
}

function addNet(map: Map<number, Map<string, number>>, nodeId: number, code: string, q: number): void {
  let byMaterial = map.get(nodeId);
  if (!byMaterial) map.set(nodeId, (byMaterial = new Map()));
  byMaterial.set(code, (byMaterial.get(code) ?? 0) + q);
}

function addAt(map: Map<number, Map<string, [number, number]>>, nodeId: number, code: string, side: 0 | 1, q: number): void {
  let byMaterial = map.get(nodeId);
  if (!byMaterial) map.set(nodeId, (byMaterial = new Map()));
  let pair = byMaterial.get(code);
  if (!pair) byMaterial.set(code, (pair = [0, 0]));
  pair[side] += q;
}

/** The stock change of a scope per material (Σ over its nodes), split into increases and draws. */
export function stockOf(scope: ResolvedScope, nodes: NodeLedger): Map<string, { net: number; added: number; drawn: number }> {
  const out = new Map<string, { net: number; added: number; drawn: number }>();
  for (const id of scope.nodeIds) {
    const byMaterial = nodes.stockChange.get(id);
    if (!byMaterial) continue;
    for (const [code, d] of byMaterial) {
      const e = out.get(code) ?? { net: 0, added: 0, drawn: 0 };
      e.net += d;
      if (d > 0) e.added += d;
      else e.drawn -= d;
      out.set(code, e);
    }
  }
  return out;
}
