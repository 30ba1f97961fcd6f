/**
 * The flow ledger's vocabulary (issue 11, docs/flows.md): node kinds, how a quantity is known,
 * where it came from, periods, elements, and the records the ledger's parts pass to each other.
 * Pure: no I/O.
 */

export const NODE_KINDS = ['unit', 'enterprise', 'park', 'boundary'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Where material enters or leaves the park: the system boundary, split so the Sankey shows where. */
export const BOUNDARY_KINDS = ['supplier', 'customer', 'air', 'water_body', 'landfill', 'incineration', 'treatment', 'storage_yard', 'other'] as const;
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];

/** The park's own node, which enterprises roll up to. */
export const PARK_NODE_CODE = 'park';

/** The boundary nodes every park has, by code. */
export const BOUNDARY_NODES: readonly { code: string; boundaryKind: BoundaryKind; name: string; nameEn: string }[] = [
  { code: 'supplier', boundaryKind: 'supplier', name: '外部供应商', nameEn: 'Suppliers' },
  { code: 'customer', boundaryKind: 'customer', name: '外部客户', nameEn: 'Customers' },
  { code: 'air', boundaryKind: 'air', name: '大气', nameEn: 'Air' },
  { code: 'water-body', boundaryKind: 'water_body', name: '水体', nameEn: 'Water bodies' },
  { code: 'landfill', boundaryKind: 'landfill', name: '填埋场', nameEn: 'Landfill' },
  { code: 'incineration', boundaryKind: 'incineration', name: '焚烧', nameEn: 'Incineration' },
  // Physico-chemical treatment, solidification and the like (D9, D16): disposal that neither burns nor buries.
  { code: 'treatment', boundaryKind: 'treatment', name: '处置设施：物化处理等', nameEn: 'Treatment (physico-chemical and other disposal)' },
  { code: 'storage-yard', boundaryKind: 'storage_yard', name: '堆场', nameEn: 'Storage yards' },
];

/**
 * Which node of the node sync (nodes.ts) a node is, whatever its code now: the park, a fixed
 * boundary node, an enterprise's or a registry unit's node; null for the nodes people added.
 */
export const nodeKeyOf = (n: { kind: string; code: string; enterpriseId: number | null; unitId: number | null }): string | null =>
  n.kind === 'park' ? 'park' : n.kind === 'enterprise' && n.enterpriseId !== null ? `e${n.enterpriseId}` : n.unitId !== null ? `u${n.unitId}` : n.kind === 'boundary' && n.enterpriseId === null && BOUNDARY_NODES.some((b) => b.code === n.code) ? `b:${n.code}` : null;

/** How a quantity is known. */
export const FLOW_BASES = ['measured', 'calculated', 'estimated', 'exact'] as const;
export type FlowBasis = (typeof FLOW_BASES)[number];

/**
 * The relative standard deviation a quantity gets when none is given: a meter of accuracy class
 * 2 (±2 % at 95 % → σ ≈ 1 %) for measured, a mass-balance calculation for calculated, a rough
 * estimate for estimated. Exact is exact.
 */
export const DEFAULT_RELATIVE_SD: Readonly<Record<FlowBasis, number>> = { measured: 0.01, calculated: 0.05, estimated: 0.15, exact: 0 };

export const FLOW_SOURCES = ['manual', 'csv', 'telemetry', 'epcis'] as const;
export type FlowSource = (typeof FLOW_SOURCES)[number];

export const PERIOD_GRAINS = ['day', 'month', 'year'] as const;
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

/** The elements whose loops the park balances (at least these; compositions may name others). */
export const BALANCED_ELEMENTS = ['S', 'P', 'Cl', 'C', 'N'] as const;

/** A material's element composition as mass fractions, optionally uncertain. */
export type Composition = Readonly<Record<string, { fraction: number; sd?: number }>>;

/** A flow as the ledger's pure parts see it: quantities already in the material's ledger unit. */
export interface LedgerFlow {
  id: number;
  enterpriseId: number | null;
  grain: PeriodGrain;
  period: string;
  fromNodeId: number;
  toNodeId: number;
  materialCode: string;
  quantity: number;
  unit: string;
  /** Effective standard deviation (the basis default applied). */
  sd: number;
  basis: FlowBasis;
  source: FlowSource;
}

export interface LedgerNode {
  id: number;
  enterpriseId: number | null;
  code: string;
  name: string;
  nameEn: string | null;
  kind: NodeKind;
  boundaryKind: BoundaryKind | null;
  unitId: number | null;
  parentId: number | null;
}

export interface LedgerStock {
  nodeId: number;
  materialCode: string;
  opening: number;
  closing: number;
  unit: string;
  /** Effective standard deviation of the stock change. */
  sd: number;
  basis: FlowBasis;
}

/** A flow to write, nodes by code (what a source produces before the ledger resolves it). */
export interface FlowInput {
  period: string;
  from: string;
  to: string;
  material: string;
  quantity: number;
  unit: string;
  /** Standard deviation in `unit`; null: the basis's default. */
  sd: number | null;
  basis: FlowBasis;
  note?: string | null;
  /** Stable key of the row within its source (re-running the source replaces it). */
  sourceKey?: string;
}

/** The effective standard deviation of a quantity: its own, or its basis's default. */
export function effectiveSd(quantity: number, sd: number | null, basis: FlowBasis): number {
  if (basis === 'exact') return 0;
  if (sd !== null && sd > 0) return sd;
  return Math.abs(quantity) * DEFAULT_RELATIVE_SD[basis];
}

/** A row a source could not write, with why (CSV rows are numbered from 1 after the header). */
export interface RejectedRow {
  row: number;
  reason: string;
}

/** One period of the ledger as a caller may see it. */
export interface LedgerPeriod {
  grain: PeriodGrain;
  period: string;
  nodes: LedgerNode[];
  flows: LedgerFlow[];
  stocks: LedgerStock[];
}

/** What a material is, as the ledger needs it (from the registry's catalogue). */
export interface LedgerMaterial {
  code: string;
  name: string;
  nameEn: string | null;
  category: string;
  hazardous: boolean;
  unit: string;
  densityKgM3: number | null;
  lhvMJPerUnit: number | null;
  lhvMJPerKg: number | null;
  composition: Composition | null;
}

/** One write of a source through the ledger (FlowLedgerService.writeFlows): all of it, or nothing. */
export interface WriteFlowsInput {
  source: FlowSource;
  rows: FlowInput[];
  importId?: number;
  /** The source's re-run: its rows whose key starts with this and that this write does not name are deleted. */
  replace?: { keyPrefix: string };
}

export interface WriteFlowsResult {
  written: number;
  /** Every refused row with its reason; when any is, nothing was written. */
  rejected: RejectedRow[];
}
