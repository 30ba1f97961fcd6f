/**
 * The what-if's network: the balance table of a period turned into the input of the stateless
 * reconciliation (`POST /flows/reconcile`), with the user's edits applied. The table's internal
 * nodes are the network's nodes; a flow's end outside them (a boundary node, or a node of another
 * level) is the system boundary (`null`). Pure: no I/O.
 */
import { DEFAULT_RELATIVE_SD, type BalanceFlow, type NetworkInput, type NodeBalance } from '../../api/flowShapes';

/** One flow as the what-if sends it: its value (null: unmeasured) and standard deviation (0: exact). */
export interface FlowEdit {
  value: number | null;
  sd: number;
}

/** The id of the pseudo-flow that carries a node's stock change into the network. */
const STOCK_PREFIX = 'stock:';
export const stockFlowId = (nodeCode: string) => `${STOCK_PREFIX}${nodeCode}`;
/** The node whose stock change a pseudo-flow carries, or null for a real flow. */
export const stockNodeOf = (flowId: string) => (flowId.startsWith(STOCK_PREFIX) ? flowId.slice(STOCK_PREFIX.length) : null);

/** A flow as the table has it, before any edit. */
export function measuredOf(flow: Pick<BalanceFlow, 'measured' | 'sd' | 'basis'>): FlowEdit {
  if (flow.measured === null) return { value: null, sd: 0 };
  return { value: flow.measured, sd: flow.basis === 'exact' ? 0 : Math.max(0, flow.sd) };
}

/**
 * The network of a balance table. A node's stock change enters as a flow to (accumulation) or
 * from (draw-down) the boundary; the table gives no standard deviation for it, so it carries the
 * measured basis's default (a stock is read off a gauge or a weighbridge like a flow). Flows with
 * no end in the network balance nothing and are left out.
 */
export function networkOf(
  nodes: readonly Pick<NodeBalance, 'code' | 'kind' | 'stockChange'>[],
  flows: readonly Pick<BalanceFlow, 'key' | 'fromCode' | 'toCode' | 'measured' | 'sd' | 'basis'>[],
  edits: ReadonlyMap<string, FlowEdit> = new Map(),
): NetworkInput {
  const internal = nodes.filter((n) => n.kind !== 'boundary');
  const ids = new Set(internal.map((n) => n.code));
  const end = (code: string) => (ids.has(code) ? code : null);
  const out: { id: string; from: string | null; to: string | null; value: number | null; sd: number }[] = [];
  for (const f of flows) {
    const from = end(f.fromCode);
    const to = end(f.toCode);
    if (from === null && to === null) continue;
    const { value, sd } = edits.get(f.key) ?? measuredOf(f);
    out.push({ id: f.key, from, to, value, sd: value === null ? 0 : sd });
  }
  for (const n of internal) {
    if (!n.stockChange) continue;
    const amount = Math.abs(n.stockChange);
    const intoStock = n.stockChange > 0;
    out.push({ id: stockFlowId(n.code), from: intoStock ? n.code : null, to: intoStock ? null : n.code, value: amount, sd: amount * DEFAULT_RELATIVE_SD.measured });
  }
  return { nodes: [...ids].map((id) => ({ id })), flows: out };
}
