/** Names of flow nodes and materials by code, in the console's language (the code when unknown). */
import { useCallback, useMemo } from 'react';
import { useAll, useNameOf } from '../../api/hooks';
import { useFlowNodes, type FlowNode } from '../../api/flows';
import type { Material } from '../../api/types';

export function useFlowNames() {
  const nameOf = useNameOf();
  const nodes = useFlowNodes();
  const materials = useAll<Material>('materials');
  const nodeByCode = useMemo(() => new Map((nodes.data?.items ?? []).map((n) => [n.code, n])), [nodes.data]);
  const materialByCode = useMemo(() => new Map(materials.items.map((m) => [m.code, m])), [materials.items]);
  const nodeName = useCallback((code: string) => nameOf(nodeByCode.get(code)) || code, [nameOf, nodeByCode]);
  const materialName = useCallback((code: string) => nameOf(materialByCode.get(code)) || code, [nameOf, materialByCode]);
  return { nodeName, materialName, nodes: nodes.data?.items ?? ([] as FlowNode[]), materials: materials.items, nodeByCode, materialByCode };
}
