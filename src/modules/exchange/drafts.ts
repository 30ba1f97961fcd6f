/**
 * Offers waiting to be made (GET /api/v1/exchange/drafts): a waste or by-product an enterprise
 * sends to landfill, incineration or a storage yard today is something another plant might take.
 * From the last twelve months of the ledger, one draft per source node, material and route, with
 * the monthly average as its quantity. Nothing is created: the console offers to turn a draft into
 * a listing (sourceFlowId names one of the flows it came from). Pure; the service reads the ledger.
 */
import { convert } from '../../core/units.ts';
import type { DisposalRoute } from './model.ts';

export interface DraftFlow {
  id: number;
  fromNodeId: number;
  toNodeId: number;
  materialCode: string;
  quantity: number;
  unit: string;
}

export interface DraftNode {
  id: number;
  enterpriseId: number | null;
  code: string;
  kind: string;
  boundaryKind: string | null;
  unitId: number | null;
}

export interface DraftMaterial {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  unit: string;
  category: string;
}

export interface DraftOffer {
  enterpriseId: number;
  materialId: number;
  materialCode: string;
  title: string;
  /** Monthly average over the months read, in the material's unit. */
  quantity: number;
  unit: string;
  recurrence: 'month';
  currentRoute: DisposalRoute;
  /** The site of the unit the material leaves from, when the ledger names a unit. */
  siteId: number | null;
  sourceNodeCode: string;
  sourceFlowIds: number[];
}

/** The boundary kinds a draft is made from, and the route each means. */
const ROUTE_OF: Record<string, DisposalRoute> = { landfill: 'landfill', incineration: 'incineration', storage_yard: 'storage' };
const DRAFTED_CATEGORIES = new Set(['waste', 'by_product']);

export function draftOffers(input: {
  flows: readonly DraftFlow[];
  nodes: readonly DraftNode[];
  materials: ReadonlyMap<string, DraftMaterial>;
  /** The enterprise whose drafts these are; null: every enterprise's (park roles). */
  enterpriseId: number | null;
  unitSites: ReadonlyMap<number, number>;
  months: number;
}): DraftOffer[] {
  const nodes = new Map(input.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, DraftOffer>();
  for (const f of input.flows) {
    const from = nodes.get(f.fromNodeId);
    const to = nodes.get(f.toNodeId);
    const material = input.materials.get(f.materialCode);
    if (!from || !to || !material || from.enterpriseId === null) continue;
    if (input.enterpriseId !== null && from.enterpriseId !== input.enterpriseId) continue;
    const route = to.kind === 'boundary' && to.boundaryKind ? ROUTE_OF[to.boundaryKind] : undefined;
    if (!route || !DRAFTED_CATEGORIES.has(material.category)) continue;
    let quantity: number;
    try {
      quantity = convert(f.quantity, f.unit, material.unit);
    } catch {
      // A flow counted in a unit of another dimension (a volume of a material kept in t, without a density here) is left to the person drafting.
      continue;
    }
    const key = `${from.id}|${material.code}|${route}`;
    let d = groups.get(key);
    if (!d) {
      d = {
        enterpriseId: from.enterpriseId,
        materialId: material.id,
        materialCode: material.code,
        title: `${material.nameEn ?? material.name} (${route === 'storage' ? 'stored' : `to ${route}`} today)`,
        quantity: 0,
        unit: material.unit,
        recurrence: 'month',
        currentRoute: route,
        siteId: from.unitId === null ? null : (input.unitSites.get(from.unitId) ?? null),
        sourceNodeCode: from.code,
        sourceFlowIds: [],
      };
      groups.set(key, d);
    }
    d.quantity += quantity;
    d.sourceFlowIds.push(f.id);
  }
  const drafts = [...groups.values()].filter((d) => d.quantity > 0);
  for (const d of drafts) {
    d.quantity = d.quantity / input.months;
    d.sourceFlowIds.sort((a, b) => a - b);
  }
  return drafts.sort((a, b) => b.quantity - a.quantity || a.materialCode.localeCompare(b.materialCode));
}

/** The months `count` back from `month` ('YYYY-MM'), inclusive: the first and the last. */
export function monthsBack(month: string, count: number): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - (count - 1), 1));
  return { from: `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`, to: month };
}
