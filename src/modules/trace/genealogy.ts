/**
 * Genealogy as pure logic: given the events that produced or consumed an identifier, walk backward
 * (to the inputs it was made from) or forward (to what it went into), attributing quantities along
 * every path on the rule of homogeneous mixing: an output of quantity p from a transformation with
 * outputs P made from inputs q_i holds q_i · p / P of each input; an input of quantity Q used in a
 * transformation with inputs Σq ends up as p_k · Q / Σq in each output k. Aggregation (ADD) puts a
 * child's quantity in its parent.
 */

export interface Link {
  eventID: string;
  type: string;
  enterpriseId: number;
  eventTime: number;
  /** Identifiers on each side with their quantities (null: counted, not weighed). */
  inputs: { ref: string; quantity: number | null; uom: string | null }[];
  outputs: { ref: string; quantity: number | null; uom: string | null }[];
}

export interface TraceNode {
  ref: string;
  quantity: number | null;
  uom: string | null;
  depth: number;
  enterpriseIds: number[];
}

export interface TraceEdge {
  from: string;
  to: string;
  eventID: string;
  type: string;
  quantity: number | null;
  uom: string | null;
}

export interface Trace {
  root: string;
  nodes: TraceNode[];
  edges: TraceEdge[];
  truncated: boolean;
}

const total = (xs: { quantity: number | null }[]) => xs.reduce((s, x) => s + (x.quantity ?? 1), 0);

/**
 * Walks one direction from `root` up to `depth` hops, breadth first. `linksOf(refs)` gives, for
 * each ref of a level, the events in which it is an output (backward) or an input (forward): one
 * call per level, so a store answers a level in one query.
 */
export async function walk(
  root: string,
  direction: 'backward' | 'forward',
  depth: number,
  linksOf: (refs: string[], direction: 'backward' | 'forward') => Promise<Map<string, Link[]>>,
  rootQuantity: { quantity: number | null; uom: string | null } = { quantity: null, uom: null },
  maxNodes = 10_000,
): Promise<Trace> {
  const nodes = new Map<string, TraceNode>([[root, { ref: root, ...rootQuantity, depth: 0, enterpriseIds: [] }]]);
  const edges: TraceEdge[] = [];
  const seenEdges = new Set<string>();
  let frontier: { ref: string; quantity: number | null }[] = [{ ref: root, quantity: rootQuantity.quantity }];
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: { ref: string; quantity: number | null }[] = [];
    const level = await linksOf([...new Set(frontier.map((f) => f.ref))], direction);
    for (const f of frontier) {
      for (const link of level.get(f.ref) ?? []) {
        const here = direction === 'backward' ? link.outputs : link.inputs;
        const there = direction === 'backward' ? link.inputs : link.outputs;
        const self = here.find((x) => x.ref === f.ref);
        const node = nodes.get(f.ref)!;
        if (!node.enterpriseIds.includes(link.enterpriseId)) node.enterpriseIds.push(link.enterpriseId);
        // How much of this event's flow concerns the walked quantity of f.
        const considered = f.quantity ?? self?.quantity ?? null;
        const hereTotal = total(here);
        for (const t of there) {
          if (t.ref === f.ref) continue;
          const attributed = considered === null || t.quantity === null || hereTotal === 0 ? null : (t.quantity * considered) / hereTotal;
          const key = `${link.eventID}|${f.ref}|${t.ref}`;
          if (seenEdges.has(key)) continue;
          seenEdges.add(key);
          edges.push({ from: direction === 'backward' ? t.ref : f.ref, to: direction === 'backward' ? f.ref : t.ref, eventID: link.eventID, type: link.type, quantity: attributed, uom: t.uom });
          const existing = nodes.get(t.ref);
          if (existing) {
            if (existing.quantity !== null && attributed !== null) existing.quantity += attributed;
            if (!existing.enterpriseIds.includes(link.enterpriseId)) existing.enterpriseIds.push(link.enterpriseId);
            continue; // already walked (or queued): no second walk, no cycle
          }
          if (nodes.size >= maxNodes) {
            truncated = true;
            continue;
          }
          nodes.set(t.ref, { ref: t.ref, quantity: attributed, uom: t.uom, depth: d, enterpriseIds: [link.enterpriseId] });
          next.push({ ref: t.ref, quantity: attributed });
        }
      }
    }
    frontier = next;
  }
  truncated = truncated || frontier.length > 0;
  return { root, nodes: [...nodes.values()], edges, truncated };
}
