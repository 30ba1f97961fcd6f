/**
 * Which ledger nodes follow the registry: the park, the system boundary's fixed nodes, a node per
 * enterprise and per registry unit are kept in step by the node sync (src/modules/flows/nodes.ts)
 * and refused to hand edits (409); the nodes people added are theirs to change. The sync's own
 * reading of a node (`nodeKeyOf`, pure, in the ledger's model) decides.
 */
import { nodeKeyOf } from '../../../../src/modules/flows/model.ts';
import type { FlowNode } from '../../api/flowShapes';

export function isSyncedNode(n: Pick<FlowNode, 'kind' | 'code' | 'enterpriseId' | 'unitId'>): boolean {
  return nodeKeyOf(n) !== null;
}
