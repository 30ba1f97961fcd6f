/**
 * The ledger's plain collections as generic resources: nodes beyond those the registry gives
 * (served with the ledger's own list, nodes.ts explains why) and the share rules of flows
 * (visibility.ts). Nodes kept in step with the registry — the park, enterprises, their units — are
 * written by the node sync only; these specs describe what a person may add: a boundary node (a
 * named supplier, a landfill) or a process node the registry has no unit for (a wastewater pit).
 */
import { defineResource, type FieldSpec } from '../../core/crud/spec.ts';
import type { FieldError } from '../../core/errors.ts';
import { BOUNDARY_KINDS, NODE_KINDS } from './model.ts';
import { flowNodePolicy } from './policy.ts';

/** The kinds a person may create: the park and enterprise nodes come from the registry. */
export const ADDABLE_NODE_KINDS = ['unit', 'boundary'] as const;

const code = { column: 'code', type: 'string', required: true, minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'unique in the park; what CSV rows and the API name the node by' } as const satisfies FieldSpec;

export const flowNodeSpec = defineResource({
  name: 'flow_node',
  label: 'Flow node',
  table: 'flow_nodes',
  collection: 'flow-nodes',
  ownership: { kind: 'direct', nullable: true },
  sharedWhenNull: true,
  fields: {
    enterpriseId: { column: 'enterprise_id', type: 'integer', nullable: true, immutable: true, description: 'null: a park-level node (the park, the boundary), seen by every tenant' },
    code: { ...code },
    name: { column: 'name', type: 'string', required: true, minLength: 1, maxLength: 200 },
    nameEn: { column: 'name_en', type: 'string', nullable: true, maxLength: 200 },
    kind: { column: 'kind', type: 'string', enum: NODE_KINDS, required: true, immutable: true, description: 'unit | enterprise | park | boundary; people add unit and boundary nodes' },
    boundaryKind: { column: 'boundary_kind', type: 'string', enum: BOUNDARY_KINDS, nullable: true, description: 'where a boundary node lies (required for kind boundary)' },
    unitId: { column: 'unit_id', type: 'integer', nullable: true, derived: true, description: 'the registry unit of a synced unit node' },
    parentId: { column: 'parent_id', type: 'integer', nullable: true, description: 'the node it rolls up to; default: its enterprise node, or the park' },
  },
  policy: flowNodePolicy,
  references: [{ field: 'parentId', table: 'flow_nodes', label: 'Parent node', sharedWhenNull: true }],
  search: ['code', 'name', 'name_en'],
  filters: ['enterpriseId', 'kind', 'boundaryKind', 'parentId'],
  validate: (r) => {
    const errors: FieldError[] = [];
    if (!(ADDABLE_NODE_KINDS as readonly unknown[]).includes(r.kind)) errors.push({ path: '/body/kind', message: 'park and enterprise nodes come from the registry; add a unit or boundary node' });
    if (r.kind === 'boundary' && r.boundaryKind === null) errors.push({ path: '/body/boundaryKind', message: 'is required for a boundary node' });
    if (r.kind !== 'boundary' && r.boundaryKind !== null) errors.push({ path: '/body/boundaryKind', message: 'only a boundary node has one' });
    if (r.parentId !== null && r.parentId === r.id) errors.push({ path: '/body/parentId', message: 'a node cannot roll up to itself' });
    return errors;
  },
});
