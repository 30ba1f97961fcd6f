/**
 * An element layer's balances reconciled with the mass balances (issue 11: "element balances
 * reconcile with the mass balance, compositions as uncertain too where given so"), as STAN does
 * with its goods and substance layers. Pure: no I/O.
 *
 * The joint problem, over the view's period, level and scope:
 * - variables: the view's own element quantities first, in its order (every element flow and
 *   element stock change, unmeasured: computed from their definitions), then every mass flow of
 *   the total-mass view and every mass stock change per material (t, as measured), then one mass
 *   fraction of the element per material that holds it (its catalogue fraction and sd; exact
 *   without one — it is one quantity, shared by every flow of the material);
 * - constraints: the view's element balances first, in its order and with its ids, each
 *   Σ ±m·c = 0 over the node's flows and stock changes; then the mass balance of every balanced
 *   node of the mass view, `mass:<node>`; then the definitions `element:<id>`, e = Σ m·c, which
 *   give the element quantities their values and their first-order sds with the covariances of m
 *   and c (each definition is the only balance its e is in, so it changes no test and no dof).
 */
import type { BalanceView, ElementBasis, VariableRole } from './balance.ts';
import type { BilinearConstraint, BilinearTerm, NonlinearProblem, NonlinearResult } from './reconcile/index.ts';
import type { LinearProblem, Reconciled, ReconcileResult, Suspect, Variable, VariableResult, VariableStatus } from './reconcile/types.ts';

export interface ElementJointProblem {
  problem: NonlinearProblem;
  /** For view variable i: the (mass, fraction) joint variables whose products make it. */
  factors: { mass: number; fraction: number }[][];
  /** The joint id of each mass flow and mass stock change → the view variable it stands for, where it is one. */
  viewIdOf: Map<string, string>;
}

export const massFlowId = (key: string) => `mass:${key}`;
const massStockId = (nodeCode: string, material: string) => `mass-stock:${nodeCode}:${material}`;
const fractionId = (material: string) => `fraction:${material}`;

export function elementJointProblem(view: BalanceView, own: LinearProblem, roles: readonly VariableRole[], basis: ElementBasis): ElementJointProblem {
  const mass = basis.mass;
  const variables: Variable[] = own.variables.map((v) => ({ id: v.id, value: null, sd: 0 }));
  const start = new Map(own.variables.map((v, i) => [i, v.value ?? 0]));

  const massFlow = new Map<string, number>();
  for (const f of mass.flows) massFlow.set(f.key, variables.push({ id: massFlowId(f.key), value: f.value, sd: f.sd }) - 1);
  const massStocks = new Map<number, { index: number; material: string }[]>();
  for (const part of mass.stockParts) {
    if (!mass.balanced.has(part.nodeId)) continue;
    const index = variables.push({ id: massStockId(mass.nodes.get(part.nodeId)!.code, part.materialCode), value: part.change, sd: part.sd }) - 1;
    massStocks.set(part.nodeId, [...(massStocks.get(part.nodeId) ?? []), { index, material: part.materialCode }]);
  }
  const fractions = new Map<string, number>();
  const fractionOf = (material: string) => {
    let index = fractions.get(material);
    if (index === undefined) {
      const f = basis.fractions.get(material);
      if (!f) throw new Error(`element view holds ${material}, which has no ${basis.element} fraction`);
      fractions.set(material, (index = variables.push({ id: fractionId(material), value: f.fraction, sd: f.sd }) - 1));
    }
    return index;
  };

  // What each of the view's element quantities is made of.
  const viewIdOf = new Map<string, string>();
  const factors = roles.map((role, i) => {
    if (role.kind === 'flow') {
      const flow = view.flows[role.index]!;
      const m = massFlow.get(flow.key);
      if (m === undefined) throw new Error(`element flow ${flow.key} has no mass flow`);
      viewIdOf.set(massFlowId(flow.key), own.variables[i]!.id);
      return [{ mass: m, fraction: fractionOf(flow.materialCode) }];
    }
    const parts = (massStocks.get(role.nodeId) ?? []).filter((p) => basis.fractions.has(p.material));
    for (const p of parts) viewIdOf.set(variables[p.index]!.id, own.variables[i]!.id);
    return parts.map((p) => ({ mass: p.index, fraction: fractionOf(p.material) }));
  });

  const constraints: BilinearConstraint[] = own.constraints.map((c) => ({
    id: c.id,
    terms: c.terms.flatMap(([v, coef]) => factors[v]!.map(({ mass: m, fraction }): BilinearTerm => [m, fraction, coef])),
  }));
  constraints.push(...massBalances(mass, massFlow, massStocks));
  factors.forEach((parts, i) => constraints.push({ id: `element:${own.variables[i]!.id}`, terms: [[i, null, 1], ...parts.map(({ mass: m, fraction }): BilinearTerm => [m, fraction, -1])] }));
  return { problem: { variables, constraints, start }, factors, viewIdOf };
}

/** Inputs − outputs − stock changes = 0 at every balanced node of the mass view. */
function massBalances(mass: BalanceView, massFlow: ReadonlyMap<string, number>, massStocks: ReadonlyMap<number, { index: number }[]>): BilinearConstraint[] {
  const terms = new Map<number, BilinearTerm[]>();
  const add = (nodeId: number, term: BilinearTerm) => {
    if (mass.balanced.has(nodeId)) terms.set(nodeId, [...(terms.get(nodeId) ?? []), term]);
  };
  for (const f of mass.flows) {
    const m = massFlow.get(f.key)!;
    add(f.toNodeId, [m, null, 1]);
    add(f.fromNodeId, [m, null, -1]);
  }
  for (const [nodeId, parts] of massStocks) for (const p of parts) add(nodeId, [p.index, null, -1]);
  return [...terms.keys()].sort((a, b) => a - b).map((nodeId) => ({ id: `mass:${mass.nodes.get(nodeId)!.code}`, terms: terms.get(nodeId)! }));
}

/**
 * The joint answer in the view's terms. Each element quantity: its value m̂·ĉ and joint sd; its
 * status from its factors (exact when all are, reconciled when any is); its adjustment against the
 * view's measured element quantity; its test the measurement test of its mass flow (the largest
 * of its mass stock changes'). The balances and their tests are the element balances'. χ², dof and
 * p are the joint problem's. Suspects: the element balances, and the mass flows and stock changes
 * of the view's element quantities; the mass balances' and the fractions' tests have no place in
 * the view's shape (the mass layer reports the former).
 */
export function elementAnswer(own: LinearProblem, joint: ElementJointProblem, result: NonlinearResult): ReconcileResult {
  if (!result.ok) {
    const variables = result.variables.map((id) => joint.viewIdOf.get(id) ?? id);
    if (result.reason !== 'not-converged') return { ok: false, reason: result.reason, variables, constraints: result.constraints, detail: result.detail };
    // The balances found no consistent point near the measurements: as good as a contradiction for the reader.
    return { ok: false, reason: 'contradiction', variables, constraints: result.constraints, detail: `the element and mass balances cannot be closed together: ${result.detail}` };
  }
  const variables = own.variables.map((v, i): VariableResult => {
    const e = result.variables[i]!;
    const parts = joint.factors[i]!;
    const status = combinedStatus(parts.flatMap((p) => [result.variables[p.mass]!.status, result.variables[p.fraction]!.status]));
    const zs = parts.map((p) => result.variables[p.mass]!.z).filter((z): z is number => z !== null);
    return { id: v.id, value: e.value, sd: e.sd, status, adjustment: status === 'reconciled' ? v.value! - e.value : 0, z: zs.length ? Math.max(...zs) : null };
  });
  return { ...result, variables, constraints: result.constraints.slice(0, own.constraints.length), suspects: viewSuspects(own, joint, result) };
}

function combinedStatus(statuses: readonly VariableStatus[]): VariableStatus {
  if (statuses.every((s) => s === 'exact')) return 'exact';
  if (statuses.includes('reconciled')) return 'reconciled';
  if (statuses.includes('computed')) return 'computed';
  return 'nonredundant';
}

function viewSuspects(own: LinearProblem, joint: ElementJointProblem, result: Reconciled): Suspect[] {
  const balances = new Set(own.constraints.map((c) => c.id));
  const best = new Map<string, Suspect>();
  for (const s of result.suspects) {
    const id = s.kind === 'constraint' ? (balances.has(s.id) ? s.id : undefined) : joint.viewIdOf.get(s.id);
    if (id === undefined) continue;
    const key = `${s.kind}:${id}`;
    if ((best.get(key)?.z ?? -Infinity) < s.z) best.set(key, { ...s, id });
  }
  return [...best.values()].sort((a, b) => b.z - a.z || a.id.localeCompare(b.id));
}
