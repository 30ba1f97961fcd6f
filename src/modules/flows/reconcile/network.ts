/**
 * The flow-network form (`POST /api/v1/flows/reconcile`): one balance per node, inflows −
 * outflows = 0; a `null` end is the system boundary, whose balance is not a constraint. Flow ids
 * become variable ids and node ids constraint ids. Pure.
 */
import { ReconcileInputError } from './errors.ts';
import { reconcile } from './linear.ts';
import type { Constraint, NetworkInput, ReconcileOptions, ReconcileResult, Variable } from './types.ts';

export function networkProblem(input: NetworkInput): { variables: Variable[]; constraints: Constraint[] } {
  const nodeIndex = new Map<string, number>();
  input.nodes.forEach((node, i) => {
    if (typeof node.id !== 'string' || !node.id) throw new ReconcileInputError(String(node.id), `node id ${JSON.stringify(node.id)} must be a non-empty string`);
    if (nodeIndex.has(node.id)) throw new ReconcileInputError(node.id, `node ${node.id} appears twice`);
    nodeIndex.set(node.id, i);
  });
  const terms: [number, number][][] = input.nodes.map(() => []);
  const seen = new Set<string>();
  const variables = input.flows.map((flow, v): Variable => {
    if (typeof flow.id !== 'string' || !flow.id) throw new ReconcileInputError(String(flow.id), `flow id ${JSON.stringify(flow.id)} must be a non-empty string`);
    if (seen.has(flow.id)) throw new ReconcileInputError(flow.id, `flow ${flow.id} appears twice`);
    seen.add(flow.id);
    if (flow.from === null && flow.to === null) throw new ReconcileInputError(flow.id, `flow ${flow.id} goes from the boundary to the boundary`);
    for (const end of [flow.from, flow.to])
      if (end !== null && !nodeIndex.has(end)) throw new ReconcileInputError(flow.id, `flow ${flow.id} names an unknown node ${end}`);
    if (flow.value !== null && !Number.isFinite(flow.value)) throw new ReconcileInputError(flow.id, `flow ${flow.id}: value must be a finite number or null`);
    if (!(Number.isFinite(flow.sd) && flow.sd >= 0)) throw new ReconcileInputError(flow.id, `flow ${flow.id}: sd must be a finite number ≥ 0`);
    if (flow.from !== null) terms[nodeIndex.get(flow.from)!].push([v, -1]);
    if (flow.to !== null) terms[nodeIndex.get(flow.to)!].push([v, 1]);
    return { id: flow.id, value: flow.value, sd: flow.sd };
  });
  return { variables, constraints: input.nodes.map((node, i) => ({ id: node.id, terms: terms[i] })) };
}

export function reconcileNetwork(input: NetworkInput, options?: ReconcileOptions): ReconcileResult {
  return reconcile(networkProblem(input), options);
}
