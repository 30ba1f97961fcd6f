/**
 * Who may write the flow ledger. Reading is decided by visibility (visibility.ts): an enterprise
 * sees the flows it recorded, the flows with an end at one of its nodes and what others share with
 * it; the park sees its own flows and what enterprises share with the park. Recording flows and
 * stocks is for an enterprise's administrators and operators (its own) and the park administrator
 * (any, and the park's own, recorded with no enterprise); extra nodes and share rules are for
 * administrators.
 */
import { definePolicy, parkAdminOr } from '../../core/policy.ts';

const FIELD = parkAdminOr('enterprise_admin', 'enterprise_operator');
const ADMIN = parkAdminOr('enterprise_admin');

/** Flows and stocks, together: a stock is written by whoever writes the node's flows. */
export const flowPolicy = definePolicy('flow', 'flows', { create: FIELD, update: FIELD, delete: FIELD });
/** Nodes beyond those the registry gives (a wastewater pit, a contractor's yard). */
export const flowNodePolicy = definePolicy('flow_node', 'flow nodes', { create: ADMIN, update: ADMIN, delete: ADMIN });
export const flowSharePolicy = definePolicy('flow_share', 'flow share rules', { create: ADMIN, update: ADMIN, delete: ADMIN });

export const FLOW_POLICIES = [flowPolicy, flowNodePolicy, flowSharePolicy];
