/**
 * A balance view and its reconciliation as GET /flows/balances answers them: each node's measured
 * balance with its nodal test, each flow measured beside reconciled with the adjustment in σ, the
 * global test, and the suspects with what they most likely mean. Pure: no I/O.
 */
import type { ReconcileResult, VariableStatus } from './reconcile/types.ts';
import { nodeBalances, type BalanceView } from './balance.ts';
import type { BalanceProblem } from './problem.ts';
import { ledgerSuspects, type BalanceSuspect } from './suspects.ts';
import type { FlowBasis, NodeKind } from './model.ts';

export interface NodeBalance {
  nodeId: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: NodeKind;
  enterpriseId: number | null;
  inputs: number;
  outputs: number;
  stockChange: number;
  imbalance: number;
  imbalancePercent: number;
  z: number | null;
  exception: boolean;
}

export interface BalanceFlow {
  key: string;
  flowIds: number[];
  fromNodeId: number;
  fromCode: string;
  toNodeId: number;
  toCode: string;
  materialCode: string;
  measured: number | null;
  sd: number;
  basis: FlowBasis;
  reconciled: number | null;
  reconciledSd: number | null;
  adjustment: number | null;
  adjustmentSigma: number | null;
  z: number | null;
  status: VariableStatus | null;
}

/** A view whose factorization would cost more than the ledger allows (balance-service.ts, LEDGER_MAX_WORK). */
export interface TooComplex {
  ok: false;
  reason: 'too-complex';
  variables: string[];
  constraints: string[];
  detail: string;
}

export interface ReconciliationSummary {
  ok: boolean;
  chiSquare: number | null;
  dof: number | null;
  pValue: number | null;
  /** The global test passed (p ≥ α); null when nothing was reconciled. */
  passed: boolean | null;
  problem: null | { reason: 'undeterminable' | 'contradiction' | 'too-complex'; variables: string[]; constraints: string[]; detail: string };
}

export interface BalanceReport {
  unit: string;
  nodes: NodeBalance[];
  flows: BalanceFlow[];
  reconciliation: ReconciliationSummary;
  suspects: BalanceSuspect[];
  /** Element layer: the nodes left unjudged because a material there has no known composition. */
  openNodes: OpenNode[];
}

export interface OpenNode {
  nodeId: number;
  code: string;
  name: string;
  nameEn: string | null;
  /** The materials of unknown composition at the node. */
  materials: string[];
}

export function balanceReport(view: BalanceView, built: BalanceProblem, result: ReconcileResult | TooComplex, alpha: number): BalanceReport {
  const figures = nodeBalances(view);
  const imbalances = new Map(figures.map((f) => [f.nodeId, f.imbalance]));
  const suspects = result.ok ? ledgerSuspects(result, built, view, imbalances) : [];
  const exceptions = new Set(suspects.filter((s) => s.kind === 'node').map((s) => s.key));
  const constraintZ = new Map<number, number | null>();
  if (result.ok) built.constraintNodes.forEach((nodeId, j) => constraintZ.set(nodeId, result.constraints[j]?.z ?? null));

  const nodes = figures.map((f): NodeBalance => {
    const node = view.nodes.get(f.nodeId)!;
    return {
      ...f,
      code: node.code,
      name: node.name,
      nameEn: node.nameEn,
      kind: node.kind,
      enterpriseId: node.enterpriseId,
      z: constraintZ.get(f.nodeId) ?? null,
      exception: exceptions.has(node.code),
    };
  });

  // Flows are the problem's first variables, in the view's order (problem.ts).
  const flows = view.flows.map((f, i): BalanceFlow => {
    const r = result.ok ? result.variables[i] : undefined;
    return {
      key: f.key,
      flowIds: f.flowIds,
      fromNodeId: f.fromNodeId,
      fromCode: view.nodes.get(f.fromNodeId)!.code,
      toNodeId: f.toNodeId,
      toCode: view.nodes.get(f.toNodeId)!.code,
      materialCode: f.materialCode,
      measured: f.value,
      sd: f.sd,
      basis: f.basis,
      reconciled: r ? r.value : null,
      reconciledSd: r ? r.sd : null,
      adjustment: r ? r.adjustment : null,
      adjustmentSigma: r && f.sd > 0 && r.status === 'reconciled' ? r.adjustment / f.sd : null,
      z: r ? r.z : null,
      status: r ? r.status : null,
    };
  });

  const reconciliation: ReconciliationSummary = result.ok
    ? { ok: true, chiSquare: result.chiSquare, dof: result.dof, pValue: result.pValue, passed: result.dof > 0 ? result.pValue >= alpha : null, problem: null }
    : { ok: false, chiSquare: null, dof: null, pValue: null, passed: null, problem: { reason: result.reason, variables: result.variables, constraints: result.constraints, detail: result.detail } };

  const openNodes = [...view.open].map(([nodeId, materials]): OpenNode => {
    const node = view.nodes.get(nodeId)!;
    return { nodeId, code: node.code, name: node.name, nameEn: node.nameEn, materials };
  });
  return { unit: view.unit, nodes, flows, reconciliation, suspects, openNodes };
}
