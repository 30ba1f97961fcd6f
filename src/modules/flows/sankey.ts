/**
 * The Sankey of a balance view: its nodes and one link per from, to and material, valued by the
 * reconciled flow where the reconciliation succeeded (the picture then closes at every node), else
 * as measured. Pure: no I/O.
 */
import type { BalanceView } from './balance.ts';
import type { BoundaryKind, NodeKind } from './model.ts';

export interface SankeyNode {
  key: string;
  nodeId: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: NodeKind;
  boundaryKind: BoundaryKind | null;
  enterpriseId: number | null;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
  materialCode: string;
  reconciled: boolean;
}

export interface Sankey {
  unit: string;
  nodes: SankeyNode[];
  links: SankeyLink[];
}

/**
 * `reconciledValues[i]` is the reconciled value of `view.flows[i]`, or null when not reconciled.
 * Links of no positive value are left out: a Sankey draws widths, and a zero (or, after a failed
 * reconciliation, negative) width has nothing to show; the balance table shows them.
 */
export function sankeyOf(view: BalanceView, reconciledValues: ReadonlyArray<number | null>): Sankey {
  const links: SankeyLink[] = [];
  const used = new Set<number>();
  view.flows.forEach((flow, i) => {
    const reconciled = reconciledValues[i] ?? null;
    const value = reconciled ?? flow.value;
    if (!(value > 0)) return;
    used.add(flow.fromNodeId);
    used.add(flow.toNodeId);
    links.push({ source: view.nodes.get(flow.fromNodeId)!.code, target: view.nodes.get(flow.toNodeId)!.code, value, materialCode: flow.materialCode, reconciled: reconciled !== null });
  });
  const nodes = [...used]
    .map((id) => view.nodes.get(id)!)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((n) => ({ key: n.code, nodeId: n.id, code: n.code, name: n.name, nameEn: n.nameEn, kind: n.kind, boundaryKind: n.boundaryKind, enterpriseId: n.enterpriseId }));
  return { unit: view.unit, nodes, links };
}
