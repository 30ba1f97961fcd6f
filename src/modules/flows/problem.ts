/**
 * A balance view as the reconciliation's problem (reconcile/), and its answer in the view's terms.
 * Pure: no I/O.
 *
 * Variables: every flow of the view (its value and sd; sd 0 is exact), and the stock change of
 * every balanced node that has one (a measured quantity like a flow: tank gauges err too).
 * Constraints: one per balanced node, inputs − outputs − stock change = 0. Boundary nodes (and
 * nodes outside the scope) are not balanced: what crosses into them is free to be anything.
 *
 * That problem is solved as it stands for the mass and energy layers. An element layer's flows are
 * mass flows times the material's mass fraction of the element, and both are uncertain: they are
 * reconciled as STAN reconciles its goods and substance layers together (`elementJointProblem`):
 * one variable per mass flow and per mass stock change (t), one per material's fraction of the
 * element (exact where the catalogue gives no sd), the node mass balances Σ ±m = 0 and the node
 * element balances Σ ±m·c = 0 together, solved by successive linearisation (reconcileNonlinear).
 * The element flows m·c are reported with the first-order sd of the joint answer, covariances of m
 * and c included: each is a computed variable of its own definition e = m·c, which the
 * linearisation propagates like any computed flow. The view's problem then only gives the answer
 * its shape: its ids, roles and order (`reconcileBalance`).
 */
import { reconcile, reconcileNonlinear } from './reconcile/index.ts';
import type { Constraint, LinearProblem, ReconcileOptions, ReconcileResult, Variable } from './reconcile/types.ts';
import type { BalanceView, VariableRole } from './balance.ts';
import { elementAnswer, elementJointProblem, type ElementJointProblem } from './element-problem.ts';

export type { VariableRole };

export interface BalanceProblem {
  problem: LinearProblem;
  /** The role of variable i. */
  roles: VariableRole[];
  /** The node whose balance constraint j is. */
  constraintNodes: number[];
  /** An element layer's joint mass-and-element problem, solved in `problem`'s place; null for the other layers. */
  joint: ElementJointProblem | null;
}

export const stockVariableId = (nodeCode: string) => `stock:${nodeCode}`;

export function balanceProblem(view: BalanceView): BalanceProblem {
  const variables: Variable[] = [];
  const roles: VariableRole[] = [];
  const terms = new Map<number, Array<readonly [number, number]>>();
  const addTerm = (nodeId: number, variable: number, coef: number) => {
    if (!view.balanced.has(nodeId)) return;
    const list = terms.get(nodeId);
    if (list) list.push([variable, coef]);
    else terms.set(nodeId, [[variable, coef]]);
  };

  view.flows.forEach((flow, index) => {
    const v = variables.length;
    variables.push({ id: flow.key, value: flow.value, sd: flow.sd });
    roles.push({ kind: 'flow', index });
    addTerm(flow.toNodeId, v, 1);
    addTerm(flow.fromNodeId, v, -1);
  });

  for (const nodeId of [...view.balanced].sort((a, b) => a - b)) {
    const stock = view.stocks.get(nodeId);
    if (!stock) continue;
    const v = variables.length;
    variables.push({ id: stockVariableId(view.nodes.get(nodeId)!.code), value: stock.change, sd: stock.sd });
    roles.push({ kind: 'stock', nodeId });
    addTerm(nodeId, v, -1);
  }

  const constraints: Constraint[] = [];
  const constraintNodes: number[] = [];
  for (const nodeId of [...terms.keys()].sort((a, b) => a - b)) {
    constraints.push({ id: view.nodes.get(nodeId)!.code, terms: terms.get(nodeId)! });
    constraintNodes.push(nodeId);
  }
  const problem = { variables, constraints };
  return { problem, roles, constraintNodes, joint: view.elementBasis ? elementJointProblem(view, problem, roles, view.elementBasis) : null };
}

/** The view's problem reconciled: directly, or for an element layer through the joint problem; answered in the view's ids and order. */
export function reconcileBalance(built: BalanceProblem, options: ReconcileOptions = {}): ReconcileResult {
  // An element layer with no balance holding the element has nothing of its own to test: the
  // joint problem would only report the mass layer's test under the element's name.
  if (!built.joint || built.problem.constraints.every((c) => c.terms.length === 0)) return reconcile(built.problem, options);
  return elementAnswer(built.problem, built.joint, reconcileNonlinear(built.joint.problem, options));
}
