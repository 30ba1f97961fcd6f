/**
 * The genealogy of an identifier from the stored events: the walk of genealogy.ts fed by one
 * compiled query per level (the material-moving events the caller may see), who held each lot
 * decided from all the records (events and mints), and the enterprises it passes through named.
 */
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { bucket, CompiledQueries, padded } from '../../adapters/db/compiled.ts';
import type { AuthContext } from '../../core/roles.ts';
import { toCanonicalDigitalLink } from './epcis/hash.ts';
import { holdersOf, walk, type LotEvidence, type Link, type Trace } from './genealogy.ts';
import { enterpriseRefs, type EnterpriseRef, type TraceNeighbours } from './neighbours.ts';
import type { TraceTables } from './tables.ts';
import { visibilityKind, visibleEvents } from './visibility.ts';

/** Identifiers per IN list. */
const REFS_PER_QUERY = 1000;
/** Roles whose identifiers go into an event (inputs) and come out of it (outputs). */
const IN_ROLES = ['input', 'inputQuantity', 'child', 'childQuantity'];
const OUT_ROLES = ['output', 'outputQuantity', 'parent'];

export interface TraceOptions {
  /**
   * Add to each identifier the senders and receivers of its shipments (default). Without, a node's
   * enterprises are those whose transformations made or used it: the genealogy alone.
   */
  holders?: boolean;
  /**
   * Also follow links whose recorder did not hold both lots (docs/trace.md, "held"), marked
   * `confirmed: false` with the reason. Default: confirmed links only.
   */
  unconfirmed?: boolean;
}

export type TraceAnswer = Trace & { enterprises: EnterpriseRef[]; unconfirmed: boolean };

export class GenealogyQueries {
  /** The walk's queries, built once per shape. */
  private readonly compiled: CompiledQueries;

  constructor(
    private readonly handle: DbHandle,
    private readonly neighbours: TraceNeighbours,
  ) {
    this.compiled = new CompiledQueries(handle.db);
  }

  private get db() {
    return tablesOf<TraceTables>(this.handle.db);
  }

  /**
   * The genealogy of an identifier, as far as the caller may see events: backward to what it was
   * made from, forward to what it went into, with attributed quantities, and for every identifier
   * the enterprises that handled it (made, used, shipped or received it).
   */
  async trace(ctx: AuthContext, roots: string[], direction: 'backward' | 'forward' | 'both', depth: number, opts: TraceOptions = {}): Promise<TraceAnswer> {
    const root = toCanonicalDigitalLink(roots[0]) ?? roots[0];
    const linksOf = (refs: string[], dir: 'backward' | 'forward') => this.links(ctx, refs, dir);
    // Who held each lot is decided from all the records, not only those the caller sees: the caller
    // learns whether a link it sees is confirmed, never the events behind the answer.
    const check = { holdersOf: (refs: string[]) => this.holdersOfRefs(refs), unconfirmed: opts.unconfirmed === true };
    const parts: Awaited<ReturnType<typeof walk>>[] = [];
    if (direction !== 'forward') parts.push(await walk(root, 'backward', depth, linksOf, undefined, undefined, check));
    if (direction !== 'backward') parts.push(await walk(root, 'forward', depth, linksOf, undefined, undefined, check));
    const heldBy = new Map<string, Set<number>>();
    for (const p of parts) for (const [k, v] of p.heldBy) heldBy.set(k, v);
    const nodes = new Map<string, Trace['nodes'][number]>();
    for (const p of parts) {
      for (const n of p.nodes) {
        const seen = nodes.get(n.ref);
        if (!seen) nodes.set(n.ref, n);
        else if (n.confirmed && !seen.confirmed) nodes.set(n.ref, { ...n, enterpriseIds: [...new Set([...n.enterpriseIds, ...seen.enterpriseIds])] });
      }
    }
    if (opts.holders !== false) {
      const holders = await this.holders(ctx, [...nodes.keys()]);
      for (const n of nodes.values()) {
        for (const e of holders.get(n.ref) ?? []) {
          if (n.enterpriseIds.includes(e)) continue;
          // Named in a visible shipment by someone who never held the lot: a claim, not a holder.
          if (heldBy.get(n.ref)?.has(e)) n.enterpriseIds.push(e);
          else if (opts.unconfirmed) (n.unconfirmedEnterpriseIds ??= []).push(e);
        }
      }
    }
    const edges = parts.flatMap((p) => p.edges);
    const ids = [...new Set([...nodes.values()].flatMap((n) => [...n.enterpriseIds, ...(n.unconfirmedEnterpriseIds ?? [])]).concat(edges.map((e) => e.recordedBy.enterpriseId)))];
    const enterprises = await enterpriseRefs(this.neighbours.registry, ids);
    const code = new Map(enterprises.map((e) => [e.id, e.code]));
    for (const e of edges) {
      if (e.confirmed) continue;
      const who = code.get(e.recordedBy.enterpriseId) ?? `#${e.recordedBy.enterpriseId}`;
      e.reason = `recorded by ${who}, which never held ${(e.notHeld ?? []).join(' nor ')}`;
    }
    return { root, nodes: [...nodes.values()], edges, truncated: parts.some((p) => p.truncated), enterprises, unconfirmed: opts.unconfirmed === true };
  }

  /**
   * The holders of each identifier (genealogy.ts `holdersOf`), from what all the records say about
   * it: events that make, use or hand it over (with their recorders and named parties), and the
   * identifiers minted here for it. Two queries whatever the number of identifiers (per 1,000).
   */
  private async holdersOfRefs(refs: string[]): Promise<Map<string, Set<number>>> {
    const evidence = new Map<string, LotEvidence>(refs.map((r) => [r, { made: [], used: [], named: [] }]));
    for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
      const chunk = refs.slice(i, i + REFS_PER_QUERY);
      const size = bucket(chunk.length);
      type Row = { pk: number; type: string; action: string | null; enterprise_id: number; record_time: number; role: string; ref: string; party: number | null };
      const rows = await this.compiled.run<Row>(`evidence:${size}`, (slot) =>
        this.db
          .selectFrom('epcis_event_refs as r')
          .innerJoin('epcis_events as e', 'e.id', 'r.event_pk')
          // The parties a shipment hands the lot to: those named as destination (a transformation hands nothing over).
          .leftJoin('epcis_event_parties as p', (j) => j.onRef('p.event_pk', '=', 'e.id').on('p.side', 'in', ['destination', 'both']).on('e.type', '<>', 'TransformationEvent'))
          .select(['e.id as pk', 'e.type', 'e.action', 'e.enterprise_id', 'e.record_time', 'r.role', 'r.ref', 'p.enterprise_id as party'])
          .where('r.ref', 'in', Array.from({ length: size }, (_, k) => slot('refs', k)))
          // Only what bears on holding: making or using the lot, or handing it to a named party.
          .where((eb) =>
            eb.or([
              eb('e.type', '=', 'TransformationEvent'),
              eb.and([eb('e.action', '=', 'ADD'), eb('e.type', 'in', ['AggregationEvent', 'ObjectEvent'])]),
              eb('p.enterprise_id', 'is not', null),
            ]),
          ),
        { refs: padded(chunk, size) },
      );
      const named = new Map<string, { recorder: number; parties: number[] }>();
      for (const r of rows) {
        const ev = evidence.get(r.ref);
        if (!ev) continue;
        const { type, action, role, enterprise_id: who } = r;
        const key = `${r.ref}|${r.pk}`;
        let n = named.get(key);
        if (!n) {
          n = { recorder: who, parties: [] };
          named.set(key, n);
          ev.named.push(n);
          const makes = (type === 'TransformationEvent' && (role === 'output' || role === 'outputQuantity')) ||
            (action === 'ADD' && ((type === 'AggregationEvent' && role === 'parent') || (type === 'ObjectEvent' && (role === 'epc' || role === 'quantity'))));
          const uses = (type === 'TransformationEvent' && (role === 'input' || role === 'inputQuantity')) || (type === 'AggregationEvent' && action === 'ADD' && (role === 'child' || role === 'childQuantity'));
          if (makes) ev.made.push({ enterpriseId: who, at: r.record_time });
          if (uses && !ev.used.includes(who)) ev.used.push(who);
        }
        // A transformation names parties of a process, not a hand-over: only shipments (object, aggregation, transaction events) hand over.
        if (r.party !== null && type !== 'TransformationEvent' && !n.parties.includes(r.party)) n.parties.push(r.party);
      }
    }
    // Identifiers minted here for a lot or serial (GS1 Digital Link form): a claim to make it, at its minting.
    const keyed = new Map<string, string>();
    for (const ref of refs) {
      const m = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/(10|21)\/([^/?#]+)$/.exec(ref);
      if (m) keyed.set(`${m[1]}|${m[2]}|${decodeURIComponent(m[3])}`, ref);
    }
    const gtins = [...new Set([...keyed.keys()].map((k) => k.split('|')[0]))];
    for (const r of gtins.length ? await this.neighbours.identity.mintedFor(gtins) : []) {
      const ref = r.serial !== null ? keyed.get(`${r.gtin}|21|${r.serial}`) : r.lot !== null ? keyed.get(`${r.gtin}|10|${r.lot}`) : undefined;
      if (ref) evidence.get(ref)!.made.push({ enterpriseId: r.enterpriseId, at: r.createdAt });
    }
    return new Map([...evidence].map(([ref, ev]) => [ref, holdersOf(ev)]));
  }

  /** The material-moving events (transformations, ADD aggregations) the caller may see that produced (backward) or used (forward) each of `refs`. */
  private async links(ctx: AuthContext, refs: string[], dir: 'backward' | 'forward'): Promise<Map<string, Link[]>> {
    const out = new Map<string, Link[]>();
    const here = dir === 'backward' ? OUT_ROLES : IN_ROLES;
    for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
      const chunk = refs.slice(i, i + REFS_PER_QUERY);
      const size = bucket(chunk.length);
      type Row = { pk: number; event_id: string; type: string; enterprise_id: number; recorded_by: string | null; event_time: number; role: string; ref: string; quantity: number | null; uom: string | null };
      const rows = await this.compiled.run<Row>(`links:${dir}:${visibilityKind(ctx)}:${size}`, (slot) =>
        visibleEvents(this.db.selectFrom('epcis_events').innerJoin('epcis_event_refs as r', 'r.event_pk', 'epcis_events.id'), ctx, 'epcis_events', slot('me'))
          .select(['epcis_events.id as pk', 'epcis_events.event_id', 'epcis_events.type', 'epcis_events.enterprise_id', 'epcis_events.recorded_by', 'epcis_events.event_time', 'r.role', 'r.ref', 'r.quantity', 'r.uom'])
          .where('epcis_events.id', 'in', this.db.selectFrom('epcis_event_refs').select('event_pk').where('ref', 'in', Array.from({ length: size }, (_, k) => slot('refs', k))).where('role', 'in', here))
          // Only transformations and ADD aggregations move material; OBSERVE/DELETE do not.
          .where((eb) => eb.or([eb('epcis_events.type', '=', 'TransformationEvent'), eb.and([eb('epcis_events.type', '=', 'AggregationEvent'), eb('epcis_events.action', '=', 'ADD')])]))
          .where('r.role', 'in', [...IN_ROLES, ...OUT_ROLES]),
        { refs: padded(chunk, size), me: ctx.enterpriseId },
      );
      const byEvent = new Map<number, Link>();
      for (const r of rows) {
        let link = byEvent.get(r.pk);
        if (!link) {
          link = { eventID: r.event_id, type: r.type, enterpriseId: r.enterprise_id, user: r.recorded_by, eventTime: r.event_time, inputs: [], outputs: [] };
          byEvent.set(r.pk, link);
        }
        const side = IN_ROLES.includes(r.role) ? link.inputs : link.outputs;
        if (!side.some((x) => x.ref === r.ref)) side.push({ ref: r.ref, quantity: r.quantity, uom: r.uom });
      }
      const wanted = new Set(chunk);
      // In event time order (sorted here: an ORDER BY costs the query a temporary B-tree).
      const ordered = [...byEvent.entries()].sort(([pa, a], [pb, b]) => a.eventTime - b.eventTime || pa - pb).map(([, l]) => l);
      for (const link of ordered) {
        for (const x of dir === 'backward' ? link.outputs : link.inputs) {
          if (!wanted.has(x.ref)) continue;
          const list = out.get(x.ref) ?? [];
          list.push(link);
          out.set(x.ref, list);
        }
      }
    }
    return out;
  }

  /** For each identifier, the enterprises whose visible shipments of it send, receive or name it as a party. */
  private async holders(ctx: AuthContext, refs: string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, Set<number>>();
    const add = (ref: string, e: number) => out.set(ref, (out.get(ref) ?? new Set()).add(e));
    for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
      const chunk = refs.slice(i, i + REFS_PER_QUERY);
      const size = bucket(chunk.length);
      // The owners of visible events about each identifier, and the parties of the shipments among them.
      const rows = await this.compiled.run<{ ref: string; enterprise_id: number }>(`holders:${visibilityKind(ctx)}:${size}`, (slot) => {
        const about = visibleEvents(this.db.selectFrom('epcis_event_refs as r').innerJoin('epcis_events', 'epcis_events.id', 'r.event_pk'), ctx, 'epcis_events', slot('me'))
          .where('r.ref', 'in', Array.from({ length: size }, (_, k) => slot('refs', k)))
          // Makers and users come from the walk's own events; shipments add senders and receivers.
          .where('epcis_events.shipment', '=', 1);
        return about
          .select(['r.ref', 'epcis_events.enterprise_id'])
          .union(about.innerJoin('epcis_event_parties as p', 'p.event_pk', 'epcis_events.id').select(['r.ref', 'p.enterprise_id']));
      }, { refs: padded(chunk, size), me: ctx.enterpriseId });
      for (const r of rows) add(r.ref, r.enterprise_id);
    }
    return new Map([...out].map(([k, v]) => [k, [...v]]));
  }
}
