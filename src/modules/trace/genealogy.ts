/**
 * Genealogy as pure logic: given the events that produced or consumed an identifier, walk backward
 * (to the inputs it was made from) or forward (to what it went into), attributing quantities along
 * every path on the rule of homogeneous mixing: an output of quantity p from a transformation with
 * outputs P made from inputs q_i holds q_i · p / P of each input; an input of quantity Q used in a
 * transformation with inputs Σq ends up as p_k · Q / Σq in each output k. Aggregation (ADD) puts a
 * child's quantity in its parent.
 *
 * Provenance (docs/trace.md, "held"): every event is a record of the enterprise that captured it.
 * A link (event) from lot `from` to lot `to` is **confirmed** when its recorder held both lots;
 * `holdersOf` decides who held a lot from what the records say about it, as a pure function. By
 * default the walk follows confirmed links only; asked to, it also follows the others and marks
 * them (and the lots reached only through them) unconfirmed.
 */

/** Who recorded an event: the capturing enterprise and user (null: recorded before provenance was kept). */
export interface RecordedBy {
  enterpriseId: number;
  user: string | null;
}

export interface Link {
  eventID: string;
  type: string;
  /** The enterprise that recorded (captured) the event. */
  enterpriseId: number;
  /** The user or API key that captured it (null: unknown, recorded before provenance). */
  user?: string | null;
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
  /** Enterprises that held it and handled it in the trace's events (made, used, shipped or received it). */
  enterpriseIds: number[];
  /** Reached from the root through confirmed links only. */
  confirmed: boolean;
  /** Asked for unconfirmed links: enterprises named with it by visible shipments that never held it. */
  unconfirmedEnterpriseIds?: number[];
}

export interface TraceEdge {
  from: string;
  to: string;
  eventID: string;
  type: string;
  quantity: number | null;
  uom: string | null;
  /** Who recorded the event. */
  recordedBy: RecordedBy;
  /** The recorder held both lots (docs/trace.md). */
  confirmed: boolean;
  /** Unconfirmed: the lots of this edge its recorder never held. */
  notHeld?: string[];
  /** Unconfirmed: why, in words (filled in by the service, which knows the enterprises' names). */
  reason?: string;
}

export interface Trace {
  root: string;
  nodes: TraceNode[];
  edges: TraceEdge[];
  truncated: boolean;
}

/** What the records say about one lot, as far as holding it goes. */
export interface LotEvidence {
  /**
   * Claims to have made it: events recorded by `enterpriseId` that produce it (a transformation's
   * output, an ADD aggregation's parent, an ADD object event's EPC or class) and mints of its
   * identifier here, each with when it was recorded (capture time, ms: not the event time, which
   * the recorder chooses).
   */
  made: { enterpriseId: number; at: number }[];
  /** Enterprises that recorded using it up (a transformation's input, an ADD aggregation's child). */
  used: number[];
  /** Every event about it: its recorder and the enterprises it names as owning or possessing party. */
  named: { recorder: number; parties: number[] }[];
}

/**
 * The enterprises that held a lot (docs/trace.md, "held"):
 *
 * 1. its **maker**: whoever first claimed to make it — the earliest recorded producing event or
 *    mint of its identifier (ties: all of them); when nothing in the records makes it (material
 *    from outside the park's records, e.g. naphtha bought in), the enterprises that recorded using
 *    it, each for its own intake;
 * 2. every enterprise **named as owning or possessing party in the destination list** of an event
 *    about the lot **recorded by an enterprise that held it** (the store passes only destination
 *    parties of events other than transformations) — the sender's record of a shipment hands the
 *    lot over; naming a party in an event one recorded about a lot one never held hands over nothing.
 *
 * Being named by a non-holder, recording a shipment or receipt of one's own, or seeing the event
 * because one is named in it never makes an enterprise a holder.
 */
export function holdersOf(ev: LotEvidence): Set<number> {
  const held = new Set<number>();
  if (ev.made.length) {
    const first = Math.min(...ev.made.map((m) => m.at));
    for (const m of ev.made) if (m.at === first) held.add(m.enterpriseId);
  } else {
    for (const e of ev.used) held.add(e);
  }
  // Hand-overs recorded by holders, to a fixed point (a holder's shipment makes the next holder).
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of ev.named) {
      if (!held.has(n.recorder)) continue;
      for (const p of n.parties) {
        if (held.has(p)) continue;
        held.add(p);
        changed = true;
      }
    }
  }
  return held;
}

/** The holding check the walk applies: the holders of each ref (one call per level), and whether to also follow unconfirmed links. */
export interface HoldCheck {
  holdersOf(refs: string[]): Promise<Map<string, Set<number>>>;
  /** Also follow links whose recorder did not hold both lots (marked `confirmed: false`). */
  unconfirmed?: boolean;
}

const total = (xs: { quantity: number | null }[]) => xs.reduce((s, x) => s + (x.quantity ?? 1), 0);

/**
 * Walks one direction from `root` up to `depth` hops, breadth first. `linksOf(refs)` gives, for
 * each ref of a level, the events in which it is an output (backward) or an input (forward): one
 * call per level, so a store answers a level in one query. With a `check`, the holders of the
 * lots a level reaches are asked once per level too, and each link is confirmed or not
 * (without one, every link counts as confirmed: the genealogy as recorded).
 */
export async function walk(
  root: string,
  direction: 'backward' | 'forward',
  depth: number,
  linksOf: (refs: string[], direction: 'backward' | 'forward') => Promise<Map<string, Link[]>>,
  rootQuantity: { quantity: number | null; uom: string | null } = { quantity: null, uom: null },
  maxNodes = 10_000,
  check?: HoldCheck,
): Promise<Trace & { heldBy: Map<string, Set<number>> }> {
  const heldBy = new Map<string, Set<number>>();
  const learn = async (refs: string[]) => {
    const unknown = [...new Set(refs)].filter((r) => !heldBy.has(r));
    if (!check || !unknown.length) return;
    const got = await check.holdersOf(unknown);
    for (const r of unknown) heldBy.set(r, got.get(r) ?? new Set());
  };
  const holds = (e: number, ref: string) => !check || (heldBy.get(ref)?.has(e) ?? false);
  const followUnconfirmed = !check || check.unconfirmed === true;
  await learn([root]);

  const nodes = new Map<string, TraceNode>([[root, { ref: root, ...rootQuantity, depth: 0, enterpriseIds: [], confirmed: true }]]);
  const edges: TraceEdge[] = [];
  const seenEdges = new Set<string>();
  type Entry = { ref: string; quantity: number | null; confirmed: boolean };
  let frontier: Entry[] = [{ ref: root, quantity: rootQuantity.quantity, confirmed: true }];
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: Entry[] = [];
    const level = await linksOf([...new Set(frontier.map((f) => f.ref))], direction);
    // The holders of the lots this level reaches (one call), for the links that may be followed.
    const reached: string[] = [];
    for (const f of frontier) {
      for (const link of level.get(f.ref) ?? []) {
        if (!followUnconfirmed && !holds(link.enterpriseId, f.ref)) continue;
        for (const t of direction === 'backward' ? link.inputs : link.outputs) reached.push(t.ref);
      }
    }
    await learn(reached);
    for (const f of frontier) {
      for (const link of level.get(f.ref) ?? []) {
        const here = direction === 'backward' ? link.outputs : link.inputs;
        const there = direction === 'backward' ? link.inputs : link.outputs;
        const self = here.find((x) => x.ref === f.ref);
        const node = nodes.get(f.ref)!;
        // How much of this event's flow concerns the walked quantity of f.
        const considered = f.quantity ?? self?.quantity ?? null;
        const hereTotal = total(here);
        const heldHere = holds(link.enterpriseId, f.ref);
        for (const t of there) {
          if (t.ref === f.ref) continue;
          const notHeld = [...(heldHere ? [] : [f.ref]), ...(holds(link.enterpriseId, t.ref) ? [] : [t.ref])];
          const confirmedLink = notHeld.length === 0;
          if (!confirmedLink && !followUnconfirmed) continue;
          const attributed = considered === null || t.quantity === null || hereTotal === 0 ? null : (t.quantity * considered) / hereTotal;
          const key = `${link.eventID}|${f.ref}|${t.ref}`;
          if (seenEdges.has(key)) continue;
          seenEdges.add(key);
          edges.push({
            from: direction === 'backward' ? t.ref : f.ref,
            to: direction === 'backward' ? f.ref : t.ref,
            eventID: link.eventID,
            type: link.type,
            quantity: attributed,
            uom: t.uom,
            recordedBy: { enterpriseId: link.enterpriseId, user: link.user ?? null },
            confirmed: confirmedLink,
            ...(confirmedLink ? {} : { notHeld: direction === 'backward' ? [...notHeld].reverse() : notHeld }),
          });
          const confirmed = confirmedLink && f.confirmed;
          // The recorder of a confirmed link held both lots: it handled them.
          if (confirmedLink && !node.enterpriseIds.includes(link.enterpriseId)) node.enterpriseIds.push(link.enterpriseId);
          const existing = nodes.get(t.ref);
          if (existing) {
            if (confirmed && !existing.confirmed) {
              // First reached through an unconfirmed link, now through a confirmed one: only the confirmed share counts.
              existing.confirmed = true;
              existing.quantity = attributed;
              const queued = next.find((x) => x.ref === t.ref);
              if (queued) Object.assign(queued, { quantity: attributed, confirmed: true });
            } else if (confirmed === existing.confirmed && existing.quantity !== null && attributed !== null) existing.quantity += attributed;
            if (confirmedLink && !existing.enterpriseIds.includes(link.enterpriseId)) existing.enterpriseIds.push(link.enterpriseId);
            continue; // already walked (or queued): no second walk, no cycle
          }
          if (nodes.size >= maxNodes) {
            truncated = true;
            continue;
          }
          nodes.set(t.ref, { ref: t.ref, quantity: attributed, uom: t.uom, depth: d, enterpriseIds: confirmedLink ? [link.enterpriseId] : [], confirmed });
          next.push({ ref: t.ref, quantity: attributed, confirmed });
        }
      }
    }
    frontier = next;
  }
  truncated = truncated || frontier.length > 0;
  // A lot is confirmed when a path of confirmed links leads to it from the root (whatever order the walk met them in).
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (!e.confirmed) continue;
    const [a, b] = direction === 'backward' ? [e.to, e.from] : [e.from, e.to];
    out.set(a, [...(out.get(a) ?? []), b]);
  }
  const ok = new Set([root]);
  for (let list = [root]; list.length; ) {
    const more: string[] = [];
    for (const r of list) {
      for (const n of out.get(r) ?? []) {
        if (ok.has(n)) continue;
        ok.add(n);
        more.push(n);
      }
    }
    list = more;
  }
  for (const n of nodes.values()) n.confirmed = ok.has(n.ref);
  return { root, nodes: [...nodes.values()], edges, truncated, heldBy };
}
