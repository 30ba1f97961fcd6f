import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_NODES, nodeKeyOf } from '../../../../src/modules/flows/model.ts';
import { NODE_KINDS } from '../../api/flowShapes';
import { isSyncedNode } from './nodes';

describe('isSyncedNode', () => {
  const code = fc.oneof(fc.constantFrom(...BOUNDARY_NODES.map((b) => b.code), 'park', 'pit-1', 'enterprise.x'), fc.stringMatching(/^[a-z][a-z0-9.-]{0,12}$/));
  // Nodes as the ledger holds them: an enterprise node always names its enterprise.
  const node = fc
    .record({
      kind: fc.constantFrom(...NODE_KINDS),
      code,
      enterpriseId: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
      unitId: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
    })
    .filter((n) => n.kind !== 'enterprise' || n.enterpriseId !== null);

  it('reads a node as synced exactly when the node sync has a key for it', () => {
    fc.assert(fc.property(node, (n) => isSyncedNode(n) === (nodeKeyOf(n) !== null)));
  });

  it('leaves the nodes people add editable', () => {
    expect(isSyncedNode({ kind: 'unit', code: 'pit-1', enterpriseId: 3, unitId: null })).toBe(false);
    expect(isSyncedNode({ kind: 'boundary', code: 'contractor-yard', enterpriseId: null, unitId: null })).toBe(false);
    expect(isSyncedNode({ kind: 'boundary', code: 'landfill', enterpriseId: null, unitId: null })).toBe(true);
  });
});
