import { describe, expect, it } from 'vitest';
import type { LedgerNode } from '../flows/model.ts';
import { resolveScopes } from './scopes.ts';

const node = (id: number, kind: LedgerNode['kind'], code: string, enterpriseId: number | null, parentId: number | null, boundaryKind: LedgerNode['boundaryKind'] = null): LedgerNode => ({
  id, enterpriseId, code, name: code, nameEn: null, kind, boundaryKind, unitId: kind === 'unit' ? id : null, parentId,
});

describe('resolveScopes', () => {
  const nodes = [
    node(1, 'park', 'park', null, null),
    node(10, 'enterprise', 'A', 1, 1),
    node(11, 'unit', 'a-1', 1, 10),
    node(12, 'unit', 'a-1-sub', 1, 11), // a unit under a unit
    node(13, 'unit', 'a-2', 1, 10),
    node(14, 'boundary', 'a-outfall', 1, null, 'water_body'), // the enterprise's own boundary node
    node(20, 'enterprise', 'B', 2, 1),
    node(21, 'unit', 'b-1', 2, 20),
    node(90, 'boundary', 'supplier', null, null, 'supplier'),
  ];
  const scopes = resolveScopes(nodes, new Map([[1, { code: 'ENT-A', name: '甲', nameEn: 'A Co.' }]]));
  const byKey = new Map(scopes.map((s) => [s.key, s]));

  it('the park holds every node but the boundary', () => {
    expect([...byKey.get('park')!.nodeIds].sort((a, b) => a - b)).toEqual([1, 10, 11, 12, 13, 20, 21]);
  });

  it('an enterprise holds its nodes, not its boundary nodes; named from the registry where known', () => {
    expect(byKey.get('e:1')).toMatchObject({ scope: 'enterprise', code: 'ENT-A', name: '甲', nameEn: 'A Co.', enterpriseId: 1 });
    expect([...byKey.get('e:1')!.nodeIds].sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
    expect(byKey.get('e:2')).toMatchObject({ code: 'B', enterpriseId: 2 });
  });

  it('a unit holds the nodes whose parent chain reaches it', () => {
    expect([...byKey.get('n:11')!.nodeIds].sort()).toEqual([11, 12]);
    expect([...byKey.get('n:12')!.nodeIds]).toEqual([12]);
    expect(byKey.get('n:13')).toMatchObject({ scope: 'unit', code: 'a-2', enterpriseId: 1 });
    expect(scopes.filter((s) => s.scope === 'unit')).toHaveLength(4);
  });

  it('a parent cycle does not hang', () => {
    const loop = [node(1, 'unit', 'x', 1, 2), node(2, 'unit', 'y', 1, 1)];
    const s = resolveScopes(loop, new Map());
    expect([...s.find((x) => x.key === 'n:1')!.nodeIds].sort()).toEqual([1, 2]);
  });
});
