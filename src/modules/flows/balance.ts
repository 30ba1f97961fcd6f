/**
 * Balances of the ledger (issue 11): the flows and stocks of one period in one layer (one material,
 * total mass, one chemical element, energy), rolled up to a level (process units, enterprises, the
 * park), and each node's inputs − outputs − stock change. Pure: no I/O.
 *
 * The steps, in order:
 * 1. `layerQuantities`: each row in the layer's unit, with its standard deviation (rows the layer
 *    cannot express — electricity in a mass balance, a material with no composition in an element
 *    balance — are left out of it);
 * 2. `buildBalanceView`: rows of one link recorded at several grains counted once, the ends mapped to
 *    their node at the level, flows inside one node dropped, and rows of the same from, to and
 *    material summed (standard deviations in quadrature: independent errors);
 * 3. `nodeBalances`: per balanced node.
 */
import { unitOf } from '../../core/units.ts';
import type { FlowBasis, LedgerFlow, LedgerMaterial, LedgerNode, LedgerPeriod, NodeKind } from './model.ts';
import { periodContains } from './period.ts';
import { materialUnitFactor, toMaterialUnit } from './quantity.ts';

export const BALANCE_LEVELS = ['unit', 'enterprise', 'park'] as const;
export type BalanceLevel = (typeof BALANCE_LEVELS)[number];

export const BALANCE_LAYERS = ['mass', 'element', 'energy'] as const;
export type LayerKind = (typeof BALANCE_LAYERS)[number];

/** What is balanced: one material in its own unit, or all of them as total mass (t); one element's mass (t); energy (GJ). */
export type Layer = { kind: 'mass'; material: string | null } | { kind: 'element'; element: string } | { kind: 'energy' };

/** The unit a layer's quantities are in. */
export function layerUnit(layer: Layer, materials: ReadonlyMap<string, LedgerMaterial>): string {
  if (layer.kind === 'energy') return 'GJ';
  if (layer.kind === 'mass' && layer.material !== null) return materials.get(layer.material)?.unit ?? 't';
  return 't';
}

/** A quantity of the layer: value and standard deviation in the layer's unit. */
export interface LayerQuantity {
  value: number;
  sd: number;
}

/** A flow of the layer at the asked level: the ledger rows it sums, its ends at the level. */
export interface LayerFlow {
  key: string;
  flowIds: number[];
  fromNodeId: number;
  toNodeId: number;
  materialCode: string;
  value: number;
  sd: number;
  basis: FlowBasis;
}

/** A node's stock change (closing − opening) of one material in the layer's unit. */
export interface LayerStock {
  nodeId: number;
  materialCode: string;
  change: number;
  sd: number;
  basis: FlowBasis;
}

/** What a variable of a view's reconciliation problem stands for: a flow of the view (by index) or a node's stock change. */
export type VariableRole = { kind: 'flow'; index: number } | { kind: 'stock'; nodeId: number };

/** The period's ledger in one layer at one level: what balances and reconciliation work on. */
export interface BalanceView {
  unit: string;
  /** Every node at the level that a flow or stock touches, by id. */
  nodes: Map<number, LedgerNode>;
  /** The nodes whose balance is asked (never the boundary; only the scope's enterprise when scoped; never an open node). */
  balanced: Set<number>;
  /**
   * Element layer: nodes whose element balance cannot be judged because a flow there carries a
   * material of unknown composition (no composition in the catalogue at all), with those
   * materials. Its element content is unknown, not zero: counting it as zero would report every
   * such node as a loss or gain. A composition that does not name the element means none of it.
   */
  open: Map<number, string[]>;
  flows: LayerFlow[];
  /** Stock changes summed per node (all materials of the layer). */
  stocks: Map<number, { change: number; sd: number; basis: FlowBasis }>;
  /** The same stock changes per node and material. */
  stockParts: LayerStock[];
  /** An element layer's mass basis (null for the other layers): what its balances reconcile with. */
  elementBasis: ElementBasis | null;
}

/**
 * The element balances reconcile together with the mass balances (problem.ts): an element flow is
 * a mass flow times the material's mass fraction of the element, both uncertain. This is the mass
 * side: the total-mass view of the same period, level and scope (its flow keys are the element
 * view's, since both count the same rows the same way), and the fraction of the element in each
 * material that holds it, with the fraction's sd (0: exact, when the catalogue gives none).
 */
export interface ElementBasis {
  element: string;
  mass: BalanceView;
  fractions: Map<string, { fraction: number; sd: number }>;
}

/** Bases from most to least certain: a sum is as weak as its weakest part. */
const BASIS_ORDER: readonly FlowBasis[] = ['exact', 'measured', 'calculated', 'estimated'];

export function weakestBasis(bases: Iterable<FlowBasis>): FlowBasis {
  let worst = 0;
  for (const b of bases) worst = Math.max(worst, BASIS_ORDER.indexOf(b));
  return BASIS_ORDER[worst]!;
}

/** √(Σ sd²), scaled against overflow. */
export function inQuadrature(sds: Iterable<number>): number {
  return Math.hypot(...sds);
}

// ---------------------------------------------------------------------------------------------
// 1. The layer

/** A material unit in t, through density or heating value per kg; null when the catalogue gives no way. */
function tonnesPerMaterialUnit(material: LedgerMaterial): number | null {
  // Mass through the density (for a gas kept in Nm3, its density at the Nm3 state) or the heating
  // value per kg, not the per-unit heating value: a density is the direct figure where both exist.
  const f = materialUnitFactor(material.unit, { ...material, lhvMJPerUnit: null }, 't');
  return 'error' in f ? null : f.factor;
}

/** A material unit in GJ: the per-unit heating value first (the catalogue's most direct figure), else through mass. */
function gigajoulesPerMaterialUnit(material: LedgerMaterial): number | null {
  if (material.lhvMJPerUnit !== null && material.lhvMJPerUnit > 0) return material.lhvMJPerUnit / 1000;
  const f = materialUnitFactor(material.unit, { ...material, lhvMJPerUnit: null }, 'GJ');
  return 'error' in f ? null : f.factor;
}

const isEnergyUnit = (unit: string) => unitOf(unit)?.dimension === 'energy';

/**
 * Which materials the energy layer counts: the energy carriers (electricity, steam, fuels, waste
 * heat) and whatever is booked in an energy unit. Feedstocks with a heating value (naphtha, crude
 * oil) are left out: their energy turns into products that have none, so counting it would open
 * every process unit's energy balance by the feed's calorific value.
 */
export function isEnergyMaterial(material: LedgerMaterial): boolean {
  return material.category === 'energy_carrier' || isEnergyUnit(material.unit);
}

/**
 * A quantity given in `unit` of `material`, with its sd, in the layer's unit; null when the layer
 * does not count it. Every conversion is a factor, so the sd scales with it; an element's mass
 * fraction may be uncertain itself, and then its sd adds in quadrature (first-order propagation
 * of mass × fraction).
 */
export function layerQuantity(quantity: number, sd: number, unit: string, material: LedgerMaterial, layer: Layer): LayerQuantity | null {
  const inOwn = toMaterialUnit(1, unit, material);
  if ('error' in inOwn) return null;
  const own = { value: quantity * inOwn.value, sd: sd * Math.abs(inOwn.value) };
  if (layer.kind === 'mass') {
    if (layer.material !== null) return layer.material === material.code ? own : null;
    const t = tonnesPerMaterialUnit(material);
    return t === null ? null : { value: own.value * t, sd: own.sd * t };
  }
  if (layer.kind === 'energy') {
    if (!isEnergyMaterial(material)) return null;
    const gj = gigajoulesPerMaterialUnit(material);
    return gj === null ? null : { value: own.value * gj, sd: own.sd * gj };
  }
  const part = material.composition?.[layer.element];
  const t = tonnesPerMaterialUnit(material);
  if (!part || t === null) return null;
  const mass = own.value * t;
  const massSd = own.sd * t;
  const fractionSd = part.sd ?? 0;
  return { value: mass * part.fraction, sd: inQuadrature([massSd * part.fraction, mass * fractionSd]) };
}

// ---------------------------------------------------------------------------------------------
// 2. Periods, levels and aggregation

const GRAIN_RANK = { year: 0, month: 1, day: 2 } as const;

/**
 * The rows to count: of one link (same from, to and material) recorded at several grains, a row is dropped when a coarser row of the same link covers its
 * period — the finer rows are the same quantity broken down (a monthly invoice and the daily meter
 * totals), and counting both would double it. Rows of the same grain are different quantities and
 * all count (two trucks, two days).
 */
export function countedOnce<T extends { grain: LedgerFlow['grain']; period: string }>(rows: readonly T[], linkOf: (row: T) => string): T[] {
  const byLink = new Map<string, T[]>();
  for (const row of rows) {
    const key = linkOf(row);
    const list = byLink.get(key);
    if (list) list.push(row);
    else byLink.set(key, [row]);
  }
  const out: T[] = [];
  for (const list of byLink.values()) {
    const coarsestFirst = [...list].sort((a, b) => GRAIN_RANK[a.grain] - GRAIN_RANK[b.grain]);
    const kept: T[] = [];
    for (const row of coarsestFirst) {
      if (kept.some((k) => GRAIN_RANK[k.grain] < GRAIN_RANK[row.grain] && periodContains(k.period, row.period))) continue;
      kept.push(row);
    }
    out.push(...kept);
  }
  return out;
}

const KIND_RANK: Readonly<Record<Exclude<NodeKind, 'boundary'>, number>> = { unit: 0, enterprise: 1, park: 2 };
const LEVEL_RANK: Readonly<Record<BalanceLevel, number>> = { unit: 0, enterprise: 1, park: 2 };

/**
 * Where each node stands at a level: units roll up to their enterprise, enterprises to the park
 * (along parentId); boundary nodes stay themselves. `keepUnitsOf` keeps one enterprise's units
 * apart at a coarser level (the Sankey's drill-down into one enterprise).
 */
export function levelMapper(nodes: ReadonlyMap<number, LedgerNode>, level: BalanceLevel, keepUnitsOf?: number): (nodeId: number) => number {
  const target = LEVEL_RANK[level];
  return (nodeId) => {
    const start = nodes.get(nodeId);
    if (!start) return nodeId;
    if (keepUnitsOf !== undefined && start.enterpriseId === keepUnitsOf && start.kind === 'unit') return nodeId;
    let node: LedgerNode = start;
    // Bounded by the node count: a cycle of parents (bad data) must not hang the request.
    for (let hops = 0; node.kind !== 'boundary' && KIND_RANK[node.kind] < target && hops < nodes.size; hops++) {
      const parent: LedgerNode | undefined = node.parentId === null ? undefined : nodes.get(node.parentId);
      if (!parent) break;
      node = parent;
    }
    return node.id;
  };
}

/**
 * A node the caller cannot see although a visible flow ends there (another enterprise's unit): it
 * stands for "outside", like the boundary, and is never balanced.
 */
function unseenNode(id: number): LedgerNode {
  return { id, enterpriseId: null, code: `#${id}`, name: `#${id}`, nameEn: null, kind: 'boundary', boundaryKind: 'other', unitId: null, parentId: null };
}

export interface ViewOptions {
  level: BalanceLevel;
  layer: Layer;
  /** Balance only this enterprise's nodes (the others are partly seen: their balances would be wrong). */
  scopeEnterpriseId?: number;
  /** Keep this enterprise's units apart at a coarser level (Sankey drill-down). */
  keepUnitsOf?: number;
}

/** The ledger of one period in one layer at one level (steps 1 and 2). */
export function buildBalanceView(ledger: Pick<LedgerPeriod, 'nodes' | 'flows' | 'stocks'>, materials: ReadonlyMap<string, LedgerMaterial>, options: ViewOptions): BalanceView {
  const all = new Map(ledger.nodes.map((n) => [n.id, n]));
  const nodeOf = (id: number) => all.get(id) ?? unseenNode(id);
  const toLevel = levelMapper(all, options.level, options.keepUnitsOf);

  const nodes = new Map<number, LedgerNode>();
  const touch = (id: number) => {
    const at = toLevel(id);
    if (!nodes.has(at)) nodes.set(at, nodeOf(at));
    return at;
  };

  const open = new Map<number, string[]>();
  const linkFlows = new Map<string, { flowIds: number[]; from: number; to: number; material: string; values: number[]; sds: number[]; bases: FlowBasis[] }>();
  for (const flow of countedOnce(ledger.flows, (f) => `${f.fromNodeId}>${f.toNodeId}:${f.materialCode}`)) {
    const material = materials.get(flow.materialCode);
    if (material && options.layer.kind === 'element' && material.composition === null && tonnesPerMaterialUnit(material) !== null) {
      for (const at of new Set([toLevel(flow.fromNodeId), toLevel(flow.toNodeId)])) open.set(at, [...new Set([...(open.get(at) ?? []), material.code])].sort());
    }
    const q = material && layerQuantity(flow.quantity, flow.sd, flow.unit, material, options.layer);
    if (!q) continue;
    const from = touch(flow.fromNodeId);
    const to = touch(flow.toNodeId);
    // A flow between two parts of one node at this level is internal to it: it leaves no trace in the node's balance.
    if (from === to) continue;
    const key = `${from}>${to}:${flow.materialCode}`;
    let link = linkFlows.get(key);
    if (!link) linkFlows.set(key, (link = { flowIds: [], from, to, material: flow.materialCode, values: [], sds: [], bases: [] }));
    link.flowIds.push(flow.id);
    link.values.push(q.value);
    link.sds.push(q.sd);
    link.bases.push(flow.basis);
  }

  const stocks = new Map<string, { nodeId: number; materialCode: string; values: number[]; sds: number[]; bases: FlowBasis[] }>();
  // A stock row carries no period of its own (LedgerStock): rows within the asked period are
  // taken as chained changes and summed.
  for (const stock of ledger.stocks) {
    const material = materials.get(stock.materialCode);
    const q = material && layerQuantity(stock.closing - stock.opening, stock.sd, stock.unit, material, options.layer);
    if (!q) continue;
    const at = touch(stock.nodeId);
    const key = `${at}:${stock.materialCode}`;
    let acc = stocks.get(key);
    if (!acc) stocks.set(key, (acc = { nodeId: at, materialCode: stock.materialCode, values: [], sds: [], bases: [] }));
    acc.values.push(q.value);
    acc.sds.push(q.sd);
    acc.bases.push(stock.basis);
  }
  const stockParts: LayerStock[] = [...stocks.values()]
    .map((s) => ({ nodeId: s.nodeId, materialCode: s.materialCode, change: sum(s.values), sd: inQuadrature(s.sds), basis: weakestBasis(s.bases) }))
    .sort((a, b) => a.nodeId - b.nodeId || (a.materialCode < b.materialCode ? -1 : a.materialCode > b.materialCode ? 1 : 0));

  const codeOf = (id: number) => nodes.get(id)!.code;
  const flows = [...linkFlows.values()].map((l) => ({
    key: `${codeOf(l.from)}>${codeOf(l.to)}:${l.material}`,
    flowIds: l.flowIds.sort((a, b) => a - b),
    fromNodeId: l.from,
    toNodeId: l.to,
    materialCode: l.material,
    value: sum(l.values),
    sd: inQuadrature(l.sds),
    basis: weakestBasis(l.bases),
  }));
  flows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const balanced = new Set<number>();
  for (const node of nodes.values()) {
    if (node.kind === 'boundary') continue;
    if (options.scopeEnterpriseId !== undefined && node.enterpriseId !== options.scopeEnterpriseId) continue;
    if (open.has(node.id)) continue;
    balanced.add(node.id);
  }

  const perNode = new Map<number, LayerStock[]>();
  for (const part of stockParts) perNode.set(part.nodeId, [...(perNode.get(part.nodeId) ?? []), part]);
  return {
    unit: layerUnit(options.layer, materials),
    nodes,
    balanced,
    open: new Map([...open].filter(([id]) => nodes.has(id) && nodes.get(id)!.kind !== 'boundary' && (options.scopeEnterpriseId === undefined || nodes.get(id)!.enterpriseId === options.scopeEnterpriseId))),
    flows,
    stocks: new Map(
      [...perNode].map(([id, parts]) => [id, { change: sum(parts.map((p) => p.change)), sd: inQuadrature(parts.map((p) => p.sd)), basis: weakestBasis(parts.map((p) => p.basis)) }]),
    ),
    stockParts,
    elementBasis: options.layer.kind === 'element' ? elementBasisOf(ledger, materials, options, options.layer.element) : null,
  };
}

function elementBasisOf(ledger: Pick<LedgerPeriod, 'nodes' | 'flows' | 'stocks'>, materials: ReadonlyMap<string, LedgerMaterial>, options: ViewOptions, element: string): ElementBasis {
  const fractions = new Map<string, { fraction: number; sd: number }>();
  for (const m of materials.values()) {
    const part = m.composition?.[element];
    if (part) fractions.set(m.code, { fraction: part.fraction, sd: part.sd ?? 0 });
  }
  return { element, mass: buildBalanceView(ledger, materials, { ...options, layer: { kind: 'mass', material: null } }), fractions };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

// ---------------------------------------------------------------------------------------------
// 3. Node balances

export interface NodeBalanceFigures {
  nodeId: number;
  inputs: number;
  outputs: number;
  stockChange: number;
  /** inputs − outputs − stockChange: what the measurements leave unaccounted (positive: lost, negative: gained). */
  imbalance: number;
  /** The imbalance in percent of the node's throughput (the largest of inputs, outputs and |stock change|); 0 with no throughput. */
  imbalancePercent: number;
}

/** The balance of every balanced node, from given flow values (measured or reconciled). */
export function nodeBalances(view: BalanceView, valueOf: (flow: LayerFlow) => number = (f) => f.value): NodeBalanceFigures[] {
  const inputs = new Map<number, number>();
  const outputs = new Map<number, number>();
  for (const f of view.flows) {
    const v = valueOf(f);
    inputs.set(f.toNodeId, (inputs.get(f.toNodeId) ?? 0) + v);
    outputs.set(f.fromNodeId, (outputs.get(f.fromNodeId) ?? 0) + v);
  }
  return [...view.balanced]
    .map((nodeId) => {
      const i = inputs.get(nodeId) ?? 0;
      const o = outputs.get(nodeId) ?? 0;
      const s = view.stocks.get(nodeId)?.change ?? 0;
      const imbalance = i - o - s;
      const throughput = Math.max(Math.abs(i), Math.abs(o), Math.abs(s));
      return { nodeId, inputs: i, outputs: o, stockChange: s, imbalance, imbalancePercent: throughput > 0 ? (100 * imbalance) / throughput : 0 };
    })
    .sort((a, b) => a.nodeId - b.nodeId);
}

/**
 * The ledger an enterprise's balances are judged on: the flows it recorded and the park's (its
 * custody meters), not another enterprise's claims about flows at its nodes. A flow another
 * enterprise recorded is visible to both ends, as that recorder's claim; counting it in this
 * enterprise's balances would let one enterprise put numbers — and balance alarms — into another's
 * books (as trace follows only the lots an enterprise held). The claims left out are counted.
 */
export function confirmedLedger<L extends Pick<LedgerPeriod, 'flows'>>(ledger: L, enterpriseId: number): { ledger: L; claimsLeftOut: number } {
  const flows = ledger.flows.filter((f) => f.enterpriseId === null || f.enterpriseId === enterpriseId);
  return { ledger: { ...ledger, flows }, claimsLeftOut: ledger.flows.length - flows.length };
}
