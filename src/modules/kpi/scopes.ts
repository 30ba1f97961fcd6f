/**
 * The scopes KPIs are computed over, resolved against the ledger's nodes (docs/kpis.md, "From the
 * ledger to the indicators"): the park, each enterprise, each process unit. Pure: no I/O.
 */
import type { LedgerNode } from '../flows/model.ts';
import type { ResolvedScope } from './model.ts';

export interface ScopeEnterprise {
  code: string;
  name: string;
  nameEn: string | null;
}

export const PARK_SCOPE_KEY = 'park';
export const enterpriseScopeKey = (enterpriseId: number) => `e:${enterpriseId}`;
export const unitScopeKey = (nodeId: number) => `n:${nodeId}`;

/**
 * Every scope of the ledger:
 * - 'park': every node that is not a boundary node;
 * - `e:<id>` per enterprise that has nodes: its enterprise node and every non-boundary node it owns
 *   (boundary nodes an enterprise added, such as its own outfall, are outside it, as the park's are);
 * - `n:<nodeId>` per unit node: the node and every non-boundary node whose parent chain reaches it.
 * An enterprise absent from `enterprises` is named by its node (code and name of its enterprise node).
 */
export function resolveScopes(nodes: readonly LedgerNode[], enterprises: ReadonlyMap<number, ScopeEnterprise>): ResolvedScope[] {
  const inner = nodes.filter((n) => n.kind !== 'boundary');
  const byId = new Map(inner.map((n) => [n.id, n]));
  const scopes: ResolvedScope[] = [];
  const parkNode = inner.find((n) => n.kind === 'park');
  scopes.push({
    key: PARK_SCOPE_KEY,
    scope: 'park',
    code: parkNode?.code ?? 'park',
    name: parkNode?.name ?? '园区',
    nameEn: parkNode?.nameEn ?? 'Park',
    enterpriseId: null,
    nodeIds: new Set(inner.map((n) => n.id)),
  });

  const enterpriseNodes = new Map<number, Set<number>>();
  for (const n of inner) {
    if (n.enterpriseId === null) continue;
    const set = enterpriseNodes.get(n.enterpriseId) ?? new Set<number>();
    set.add(n.id);
    enterpriseNodes.set(n.enterpriseId, set);
  }
  for (const [enterpriseId, nodeIds] of [...enterpriseNodes].sort((a, b) => a[0] - b[0])) {
    const own = inner.find((n) => n.kind === 'enterprise' && n.enterpriseId === enterpriseId);
    const known = enterprises.get(enterpriseId);
    scopes.push({
      key: enterpriseScopeKey(enterpriseId),
      scope: 'enterprise',
      code: known?.code ?? own?.code ?? String(enterpriseId),
      name: known?.name ?? own?.name ?? String(enterpriseId),
      nameEn: known ? known.nameEn : (own?.nameEn ?? null),
      enterpriseId,
      nodeIds,
    });
  }

  // A unit's scope is the subtree under it; nodes are visited once per ancestor (chains are short).
  const units = new Map<number, Set<number>>();
  for (const n of inner) if (n.kind === 'unit') units.set(n.id, new Set([n.id]));
  for (const n of inner) {
    const seen = new Set<number>([n.id]);
    let parentId = n.parentId;
    while (parentId !== null && !seen.has(parentId)) {
      seen.add(parentId);
      const parent = byId.get(parentId);
      if (!parent) break;
      units.get(parent.id)?.add(n.id);
      parentId = parent.parentId;
    }
  }
  for (const [nodeId, nodeIds] of units) {
    const n = byId.get(nodeId)!;
    scopes.push({ key: unitScopeKey(nodeId), scope: 'unit', code: n.code, name: n.name, nameEn: n.nameEn, enterpriseId: n.enterpriseId, nodeIds });
  }
  return scopes;
}
