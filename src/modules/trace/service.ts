/**
 * EPCIS 2.0 capture, query and genealogy. Capture is a job: a worker thread parses, validates and
 * normalises the document (capture-prepare.ts), and this thread stores its events in one
 * transaction, deduplicated by hash — all or nothing under GS1-Capture-Error-Behaviour `rollback`,
 * the valid events under `proceed`. Queries take the standard SimpleEventQuery parameters. Every
 * read goes through `visibleEvents` (visibility.ts); the genealogy walk (genealogy.ts) asks one
 * compiled query per level.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DbHandle } from '../../adapters/db/index.ts';
import { MemoryBus } from '../../adapters/bus/memory.ts';
import { OutboxDispatcher, recordEvent } from '../../adapters/db/outbox.ts';
import { notFound, validation } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { scoped } from '../../core/tenancy.ts';
import { bucket, CompiledQueries, padded } from '../../adapters/db/compiled.ts';
import { ResourceService } from '../../core/crud/service.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { CapturePool } from './capture-pool.ts';
import { storedDoc, type CaptureBehaviour, type PreparedEvent } from './capture-prepare.ts';
import { SYMBIONT_NS, toCanonicalDigitalLink } from './epcis/hash.ts';
import { EPCIS_DEFAULT_CONTEXT } from './epcis/normalize.ts';
import type { EpcisValidationError } from './epcis/validate.ts';
import { holdersOf, walk, type LotEvidence, type Link, type Trace } from './genealogy.ts';
import { traceShareSpec, visibilityKind, visibleEvents } from './visibility.ts';
import { eventPolicy } from './policy.ts';

export type { CaptureBehaviour };

/** An EPCISQueryDocument: the answer to a query, and what a subscription delivers. */
export function queryDocument(queryName: string, events: Record<string, unknown>[], subscriptionID?: string) {
  return {
    // `symbiont:` names the platform's annotations on the events it serves (symbiont:recordedBy).
    '@context': [EPCIS_DEFAULT_CONTEXT, { symbiont: SYMBIONT_NS }],
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { queryResults: { queryName, ...(subscriptionID === undefined ? {} : { subscriptionID }), resultsBody: { eventList: events } } },
  };
}

export interface CaptureJob {
  captureID: string;
  running: boolean;
  success: boolean;
  captureErrorBehaviour: CaptureBehaviour;
  createdAt: string;
  finishedAt: string | null;
  captured: number;
  duplicates: number;
  errors: EpcisValidationError[];
}

export interface EventQuery {
  GE_eventTime?: string;
  LT_eventTime?: string;
  GE_recordTime?: string;
  LT_recordTime?: string;
  eventType?: string[];
  EQ_action?: string[];
  EQ_bizStep?: string[];
  EQ_disposition?: string[];
  EQ_readPoint?: string[];
  EQ_bizLocation?: string[];
  EQ_transformationID?: string[];
  MATCH_epc?: string[];
  MATCH_anyEPC?: string[];
  MATCH_parentID?: string[];
  MATCH_inputEPC?: string[];
  MATCH_outputEPC?: string[];
  MATCH_epcClass?: string[];
  MATCH_inputEPCClass?: string[];
  MATCH_outputEPCClass?: string[];
  MATCH_anyEPCClass?: string[];
  perPage?: number;
  nextPageToken?: string;
}

/** The SimpleEventQuery parameters that take lists (the REST binding and named queries). */
export const QUERY_LIST_PARAMS = [
  'eventType', 'EQ_action', 'EQ_bizStep', 'EQ_disposition', 'EQ_readPoint', 'EQ_bizLocation', 'EQ_transformationID',
  'MATCH_epc', 'MATCH_anyEPC', 'MATCH_parentID', 'MATCH_inputEPC', 'MATCH_outputEPC',
  'MATCH_epcClass', 'MATCH_inputEPCClass', 'MATCH_outputEPCClass', 'MATCH_anyEPCClass',
] as const;

/** The advisory lock that serialises capture transactions on PostgreSQL. */
const CAPTURE_LOCK = 0x45504349; // 'EPCI'
/** Events per multi-row insert (16 columns: well under SQLite's 32,766 bound parameters). */
const STORE_CHUNK = 500;
/** Rows per multi-row insert of refs/parties, and identifiers per IN list. */
const ROWS_PER_INSERT = 1000;
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

/** Who recorded an event, as the event answers show it (`symbiont:recordedBy`). */
export interface RecordedByDoc {
  enterprise: { id: number; code: string | null; name: string | null };
  /** The user or API key that captured it; null: recorded before provenance was kept (unknown). */
  user: string | null;
  via: string | null;
}

export interface EnterpriseRef {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
}

/** Which roles of epcsOf each MATCH_ parameter looks at (EPCIS 2.0 §8.2.7.1). */
const MATCH_ROLES: Record<string, string[]> = {
  MATCH_epc: ['epc', 'child'],
  MATCH_parentID: ['parent'],
  MATCH_inputEPC: ['input'],
  MATCH_outputEPC: ['output'],
  MATCH_anyEPC: ['epc', 'child', 'parent', 'input', 'output'],
  MATCH_epcClass: ['quantity', 'childQuantity'],
  MATCH_inputEPCClass: ['inputQuantity'],
  MATCH_outputEPCClass: ['outputQuantity'],
  MATCH_anyEPCClass: ['quantity', 'childQuantity', 'inputQuantity', 'outputQuantity'],
};

/** Options of a query that the REST binding does not expose (subscriptions use them). */
export interface QueryOptions {
  /** Only events stored after this one (its internal id, see `lastId`); pages then go in storage order. */
  afterId?: number;
}

export class TraceService {
  private readonly running = new Set<Promise<void>>();
  /** This node's name: capture jobs are resumed by the node that accepted them. */
  nodeId = 'local';

  /** Share rules: who, beyond an event's parties, sees an enterprise's events. */
  readonly shares: ResourceService;

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
    captureWorkers?: number,
    /**
     * Where the module's domain events go (a capture records `trace.epcis.captured` in its
     * transaction) and the bus processors of them subscribe to. The composition root passes the
     * node's dispatcher; without one, events stay in the outbox until a node publishes them.
     */
    readonly events: OutboxDispatcher = new OutboxDispatcher(handle, new MemoryBus()),
  ) {
    this.shares = new ResourceService(handle, traceShareSpec, audit);
    this.compiled = new CompiledQueries(handle.db);
    this.pool = new CapturePool(captureWorkers);
  }

  /** Worker threads that parse, validate and normalise capture documents. */
  private readonly pool: CapturePool;

  /** The genealogy walk's queries, built once per shape. */
  private readonly compiled: CompiledQueries;

  private get db() {
    return this.handle.db;
  }

  /** Starts a capture job and returns its id; the work runs after the answer (202). */
  async startCapture(ctx: AuthContext, body: unknown, contentType: string, behaviour: CaptureBehaviour, enterpriseId?: number): Promise<{ id: string; done: Promise<void> }> {
    eventPolicy.assert(ctx, 'capture');
    const owner = ctx.enterpriseId ?? enterpriseId;
    if (owner === undefined || owner === null) throw validation('A park administrator names the capturing enterprise with ?enterpriseId=', [{ path: '/query/enterpriseId', message: 'is required for a park role' }]);
    const id = randomUUID();
    const xml = /xml/.test(contentType);
    // The document is kept with the job until it is done: a job a crash interrupts runs again on start.
    const kept = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    await this.db
      .insertInto('epcis_capture_jobs')
      .values({ id, enterprise_id: owner, status: 'running', behaviour, created_at: Date.now(), finished_at: null, captured: 0, duplicates: 0, errors: null, body: kept, content_type: xml ? 'application/xml' : 'application/ld+json', auth: JSON.stringify(ctx), node_id: this.nodeId })
      .execute();
    return { id, done: this.schedule(ctx, id, owner, body, contentType, behaviour) };
  }

  private schedule(ctx: AuthContext, id: string, owner: number, body: unknown, contentType: string, behaviour: CaptureBehaviour): Promise<void> {
    const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.runCapture(ctx, id, owner, body, contentType, behaviour));
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
    return done;
  }

  /**
   * Runs again the capture jobs this node had accepted but not finished when it stopped (a crash):
   * a job stores in one transaction, so nothing of it was stored, and its document was kept.
   */
  async resumeCaptures(): Promise<number> {
    const rows = await this.db.selectFrom('epcis_capture_jobs').selectAll().where('status', '=', 'running').where('node_id', '=', this.nodeId).execute();
    for (const r of rows) {
      if (r.body === null || r.auth === null) {
        await this.finishJob(String(r.id), 'failed', 0, 0, [{ eventIndex: null, path: '', message: 'the capture was interrupted by a restart and its document was not kept; capture it again' }]);
        continue;
      }
      const text = Buffer.from(r.body as Uint8Array).toString('utf8');
      const xml = /xml/.test(String(r.content_type));
      void this.schedule(JSON.parse(String(r.auth)) as AuthContext, String(r.id), Number(r.enterprise_id), xml ? text : JSON.parse(text), String(r.content_type), r.behaviour as CaptureBehaviour);
    }
    return rows.length;
  }

  private async finishJob(id: string, status: 'succeeded' | 'failed', captured: number, duplicates: number, errors: EpcisValidationError[]): Promise<void> {
    await this.db
      .updateTable('epcis_capture_jobs')
      .set({ status, finished_at: Date.now(), captured, duplicates, errors: errors.length ? JSON.stringify(errors.slice(0, 1000)) : null, body: null })
      .where('id', '=', id)
      .execute();
  }

  private async runCapture(ctx: AuthContext, jobId: string, owner: number, body: unknown, contentType: string, behaviour: CaptureBehaviour): Promise<void> {
    let errors: EpcisValidationError[];
    let captured = 0;
    let duplicates = 0;
    try {
      const prepared = await this.pool.prepare({ body, contentType, behaviour });
      errors = prepared.errors;
      if (errors.length === 0 || behaviour === 'proceed') {
        const r = await this.store(ctx, owner, prepared.events, jobId);
        captured = r.captured;
        duplicates = r.duplicates;
        // The event was recorded in the capture's transaction: publish it now rather than at the next poll.
        if (captured > 0) this.events.wake();
      }
    } catch (err) {
      errors = [{ eventIndex: null, path: '', message: `capture failed: ${(err as Error).message}` }];
    }
    await this.finishJob(jobId, errors.length && (behaviour === 'rollback' || captured === 0) ? 'failed' : 'succeeded', captured, duplicates, errors);
  }

  /**
   * Stores events in one transaction, in multi-row statements (capture speed); an event already
   * stored (same hash) is counted, not stored again. Identifiers are indexed in canonical form
   * (GS1 Digital Link where the identifier has a GS1 key), so queries in any syntax find them.
   */
  private async store(ctx: AuthContext, owner: number, events: PreparedEvent[], jobId: string): Promise<{ captured: number; duplicates: number }> {
    const glns = [...new Set(events.flatMap((n) => n.partyGlns))];
    const partyOf = new Map<string, number>();
    for (let i = 0; i < glns.length; i += 500) {
      const rows = await this.db.selectFrom('enterprises').select(['id', 'gln']).where('gln', 'in', glns.slice(i, i + 500)).execute();
      for (const r of rows) partyOf.set(String(r.gln), Number(r.id));
    }
    return this.db.transaction().execute(async (trx) => {
      // On PostgreSQL captures commit one at a time, so event ids grow in commit order and a
      // subscription's cursor (the last id delivered) never passes an event still uncommitted.
      // (SQLite has one writer anyway.)
      if (this.handle.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${CAPTURE_LOCK})`.execute(trx);
      let captured = 0;
      const now = Date.now();
      const recordTime = new Date(now).toISOString();
      for (let i = 0; i < events.length; i += STORE_CHUNK) {
        const chunk = events.slice(i, i + STORE_CHUNK);
        const inserted = await trx
          .insertInto('epcis_events')
          .values(chunk.map((n) => eventRow(n, owner, now, ctx)))
          // Deduplicated by the CBV event hash: the same event captured twice is stored once.
          .onConflict((oc) => oc.column('hash_id').doNothing())
          .returning(['id', 'hash_id'])
          .execute();
        if (!inserted.length) continue;
        captured += inserted.length;
        const pkOf = new Map(inserted.map((r) => [String(r.hash_id), Number(r.id)]));
        const refs: { event_pk: number; role: string; ref: string; quantity: number | null; uom: string | null }[] = [];
        const parties: { enterprise_id: number; event_pk: number; side: string }[] = [];
        const docs: { event_pk: number; doc: string }[] = [];
        for (const n of chunk) {
          const pk = pkOf.get(n.hashID);
          if (pk === undefined) continue;
          pkOf.delete(n.hashID); // a second copy in the same document is a duplicate
          docs.push({ event_pk: pk, doc: storedDoc(n, recordTime) });
          for (const [role, ref, quantity, uom] of n.refs) refs.push({ event_pk: pk, role, ref, quantity, uom });
          // Each named enterprise once, with the side it is named on (a destination receives the lot).
          const named = new Map<number, Set<string>>();
          for (const g of n.partyGlns) {
            const e = partyOf.get(g);
            if (e !== undefined && e !== owner) named.set(e, new Set());
          }
          for (const g of n.partyGlns) {
            const e = partyOf.get(g);
            if (e !== undefined && e !== owner) named.get(e)!.add(n.destinationGlns.includes(g) ? 'destination' : 'source');
          }
          for (const [e, sides] of named) parties.push({ enterprise_id: e, event_pk: pk, side: sides.size > 1 ? 'both' : [...sides][0] });
        }
        await trx.insertInto('epcis_event_docs').values(docs).execute();
        for (let j = 0; j < refs.length; j += ROWS_PER_INSERT) await trx.insertInto('epcis_event_refs').values(refs.slice(j, j + ROWS_PER_INSERT)).execute();
        for (let j = 0; j < parties.length; j += ROWS_PER_INSERT) await trx.insertInto('epcis_event_parties').values(parties.slice(j, j + ROWS_PER_INSERT)).execute();
      }
      const duplicates = events.length - captured;
      await this.audit.append(trx, ctx, { action: 'capture', entity: 'epcis_events', entityId: null, enterpriseId: owner, after: { captured, duplicates } });
      if (captured > 0) await recordEvent(trx, 'trace.epcis.captured', { enterpriseId: owner, captured, jobId });
      return { captured, duplicates };
    });
  }

  /**
   * The genealogy of an identifier, as far as the caller may see events: backward to what it was
   * made from, forward to what it went into, with attributed quantities, and for every identifier
   * the enterprises that handled it (made, used, shipped or received it).
   */
  async trace(ctx: AuthContext, roots: string[], direction: 'backward' | 'forward' | 'both', depth: number, opts: TraceOptions = {}): Promise<Trace & { enterprises: EnterpriseRef[]; unconfirmed: boolean }> {
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
    const enterprises = await this.enterpriseRefs(ids);
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
    for (let i = 0; i < refs.length; i += ROWS_PER_INSERT) {
      const chunk = refs.slice(i, i + ROWS_PER_INSERT);
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
        const ev = evidence.get(String(r.ref));
        if (!ev) continue;
        const [type, action, role, who] = [String(r.type), r.action === null ? null : String(r.action), String(r.role), Number(r.enterprise_id)];
        const key = `${r.ref}|${r.pk}`;
        let n = named.get(key);
        if (!n) {
          n = { recorder: who, parties: [] };
          named.set(key, n);
          ev.named.push(n);
          const makes = (type === 'TransformationEvent' && (role === 'output' || role === 'outputQuantity')) ||
            (action === 'ADD' && ((type === 'AggregationEvent' && role === 'parent') || (type === 'ObjectEvent' && (role === 'epc' || role === 'quantity'))));
          const uses = (type === 'TransformationEvent' && (role === 'input' || role === 'inputQuantity')) || (type === 'AggregationEvent' && action === 'ADD' && (role === 'child' || role === 'childQuantity'));
          if (makes) ev.made.push({ enterpriseId: who, at: Number(r.record_time) });
          if (uses && !ev.used.includes(who)) ev.used.push(who);
        }
        // A transformation names parties of a process, not a hand-over: only shipments (object, aggregation, transaction events) hand over.
        if (r.party !== null && type !== 'TransformationEvent' && !n.parties.includes(Number(r.party))) n.parties.push(Number(r.party));
      }
    }
    // Identifiers minted here for a lot or serial (GS1 Digital Link form): a claim to make it, at its minting.
    const keyed = new Map<string, string>();
    for (const ref of refs) {
      const m = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/(10|21)\/([^/?#]+)$/.exec(ref);
      if (m) keyed.set(`${m[1]}|${m[2]}|${decodeURIComponent(m[3])}`, ref);
    }
    const gtins = [...new Set([...keyed.keys()].map((k) => k.split('|')[0]))];
    for (let i = 0; i < gtins.length; i += 500) {
      const chunk = gtins.slice(i, i + 500);
      const size = bucket(chunk.length);
      const rows = await this.compiled.run<{ enterprise_id: number; gtin: string; lot: string | null; serial: string | null; created_at: number }>(`minted:${size}`, (slot) =>
        this.db.selectFrom('identifiers').select(['enterprise_id', 'gtin', 'lot', 'serial', 'created_at']).where('gtin', 'in', Array.from({ length: size }, (_, k) => slot('gtins', k))),
        { gtins: padded(chunk, size) },
      );
      for (const r of rows) {
        const ref = r.serial !== null ? keyed.get(`${r.gtin}|21|${r.serial}`) : r.lot !== null ? keyed.get(`${r.gtin}|10|${r.lot}`) : undefined;
        if (ref) evidence.get(ref)!.made.push({ enterpriseId: Number(r.enterprise_id), at: Number(r.created_at) });
      }
    }
    return new Map([...evidence].map(([ref, ev]) => [ref, holdersOf(ev)]));
  }

  /** The material-moving events (transformations, ADD aggregations) the caller may see that produced (backward) or used (forward) each of `refs`. */
  private async links(ctx: AuthContext, refs: string[], dir: 'backward' | 'forward'): Promise<Map<string, Link[]>> {
    const out = new Map<string, Link[]>();
    const here = dir === 'backward' ? OUT_ROLES : IN_ROLES;
    for (let i = 0; i < refs.length; i += ROWS_PER_INSERT) {
      const chunk = refs.slice(i, i + ROWS_PER_INSERT);
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
        let link = byEvent.get(Number(r.pk));
        if (!link) {
          link = { eventID: String(r.event_id), type: String(r.type), enterpriseId: Number(r.enterprise_id), user: r.recorded_by === null ? null : String(r.recorded_by), eventTime: Number(r.event_time), inputs: [], outputs: [] };
          byEvent.set(Number(r.pk), link);
        }
        const side = IN_ROLES.includes(String(r.role)) ? link.inputs : link.outputs;
        const ref = String(r.ref);
        if (!side.some((x) => x.ref === ref)) side.push({ ref, quantity: r.quantity === null ? null : Number(r.quantity), uom: r.uom === null ? null : String(r.uom) });
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
    for (let i = 0; i < refs.length; i += ROWS_PER_INSERT) {
      const chunk = refs.slice(i, i + ROWS_PER_INSERT);
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
      for (const r of rows) add(String(r.ref), Number(r.enterprise_id));
    }
    return new Map([...out].map(([k, v]) => [k, [...v]]));
  }

  /** Names of the enterprises a trace passes through (a counterparty's name is not private). */
  private async enterpriseRefs(ids: number[]): Promise<EnterpriseRef[]> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('enterprises').select(['id', 'code', 'name', 'name_en']).where('id', 'in', ids).orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), code: String(r.code), name: String(r.name), nameEn: r.name_en === null ? null : String(r.name_en) }));
  }

  /** Lets running capture jobs finish (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Finishes running capture jobs and stops the capture workers (shutdown). */
  async close(): Promise<void> {
    await this.drain();
    await this.pool.close();
  }

  async job(ctx: AuthContext, id: string): Promise<CaptureJob> {
    const row = await scoped(this.db.selectFrom('epcis_capture_jobs'), ctx).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Capture job ${id}`);
    return {
      captureID: String(row.id),
      running: row.status === 'running',
      success: row.status === 'succeeded',
      captureErrorBehaviour: row.behaviour as CaptureBehaviour,
      createdAt: new Date(Number(row.created_at)).toISOString(),
      finishedAt: row.finished_at === null ? null : new Date(Number(row.finished_at)).toISOString(),
      captured: Number(row.captured),
      duplicates: Number(row.duplicates),
      errors: row.errors ? JSON.parse(String(row.errors)) : [],
    };
  }

  /** Events joined to their documents. */
  private withDocs() {
    return this.db.selectFrom('epcis_events').innerJoin('epcis_event_docs', 'epcis_event_docs.event_pk', 'epcis_events.id');
  }

  async event(ctx: AuthContext, eventID: string): Promise<Record<string, unknown>> {
    // By hash ID first (unique), else by eventID (the most recently captured of that ID).
    const cols = ['id', 'doc', 'enterprise_id', 'recorded_by', 'recorded_via'] as const;
    const row =
      (await visibleEvents(this.withDocs(), ctx).select(cols).where('hash_id', '=', eventID).executeTakeFirst()) ??
      (await visibleEvents(this.withDocs(), ctx).select(cols).where('event_id', '=', eventID).where(sql<boolean>`event_id <> hash_id`).orderBy('id', 'desc').executeTakeFirst());
    if (!row) throw notFound(`Event ${eventID}`);
    return (await this.annotated(ctx, [row as ProvenanceRow]))[0];
  }

  /**
   * Stored events as answers: each with `symbiont:recordedBy` (the enterprise and user that captured
   * it; `user` null for events recorded before provenance was kept) and, where the caller's
   * enterprise sees it as a party another enterprise named, `symbiont:namedParty: true` — a claim
   * by its recorder about the caller, never the caller's own record. The prefix is declared in the
   * event's @context; the CBV hash skips the namespace (epcis/hash.ts), so the event's hash ID is
   * unchanged.
   */
  private async annotated(ctx: AuthContext, rows: ProvenanceRow[]): Promise<Record<string, unknown>[]> {
    const ents = new Map((await this.enterpriseRefs([...new Set(rows.map((r) => Number(r.enterprise_id)))])).map((e) => [e.id, e]));
    const me = isParkRole(ctx.role) ? null : ctx.enterpriseId;
    const others = me === null ? [] : rows.filter((r) => Number(r.enterprise_id) !== me).map((r) => Number(r.id));
    const named = new Set<number>();
    for (let i = 0; i < others.length; i += 500) {
      const found = await this.db.selectFrom('epcis_event_parties').select('event_pk').where('enterprise_id', '=', me!).where('event_pk', 'in', others.slice(i, i + 500)).execute();
      for (const f of found) named.add(Number(f.event_pk));
    }
    return rows.map((r) => {
      const doc = JSON.parse(String(r.doc)) as Record<string, unknown>;
      const c = doc['@context'];
      doc['@context'] = [...(c === undefined ? [] : Array.isArray(c) ? c : [c]), { symbiont: SYMBIONT_NS }];
      const e = ents.get(Number(r.enterprise_id));
      const recordedBy: RecordedByDoc = {
        enterprise: { id: Number(r.enterprise_id), code: e?.code ?? null, name: e?.name ?? null },
        user: r.recorded_by === null ? null : String(r.recorded_by),
        via: r.recorded_via === null ? null : String(r.recorded_via),
      };
      doc['symbiont:recordedBy'] = recordedBy;
      if (named.has(Number(r.id))) doc['symbiont:namedParty'] = true;
      return doc;
    });
  }

  /** SimpleEventQuery; pages are keyed by (eventTime, id), so a page token stays valid as events arrive. */
  async query(ctx: AuthContext, q: EventQuery, opts: QueryOptions = {}): Promise<{ events: Record<string, unknown>[]; nextPageToken: string | null; lastId: number | null }> {
    const perPage = Math.min(q.perPage ?? 100, 1000);
    let base = visibleEvents(this.withDocs(), ctx);
    const time = (v: string | undefined, name: string) => {
      if (v === undefined) return undefined;
      const t = Date.parse(v);
      if (Number.isNaN(t)) throw validation(`${name} is not a date-time`, [{ path: `/query/${name}`, message: 'must be an RFC 3339 date-time' }]);
      return t;
    };
    const ge = time(q.GE_eventTime, 'GE_eventTime');
    const lt = time(q.LT_eventTime, 'LT_eventTime');
    const geR = time(q.GE_recordTime, 'GE_recordTime');
    const ltR = time(q.LT_recordTime, 'LT_recordTime');
    if (ge !== undefined) base = base.where('event_time', '>=', ge);
    if (lt !== undefined) base = base.where('event_time', '<', lt);
    if (geR !== undefined) base = base.where('record_time', '>=', geR);
    if (ltR !== undefined) base = base.where('record_time', '<', ltR);
    const eq: [keyof EventQuery, string][] = [
      ['eventType', 'type'], ['EQ_action', 'action'], ['EQ_bizStep', 'biz_step'], ['EQ_disposition', 'disposition'],
      ['EQ_readPoint', 'read_point'], ['EQ_bizLocation', 'biz_location'], ['EQ_transformationID', 'transformation_id'],
    ];
    for (const [param, column] of eq) {
      const values = q[param] as string[] | undefined;
      if (values?.length) base = base.where(column, 'in', values.flatMap(cbvForms));
    }
    for (const [param, roles] of Object.entries(MATCH_ROLES)) {
      const values = q[param as keyof EventQuery] as string[] | undefined;
      if (!values?.length) continue;
      base = base.where('id', 'in', this.db.selectFrom('epcis_event_refs').select('event_pk').where('role', 'in', roles).where('ref', 'in', values.flatMap(refForms)));
    }
    if (opts.afterId !== undefined) {
      const rows = await base.where('id', '>', opts.afterId).select(['id', 'doc', 'enterprise_id', 'recorded_by', 'recorded_via']).orderBy('id').limit(perPage).execute();
      return { events: await this.annotated(ctx, rows as ProvenanceRow[]), nextPageToken: null, lastId: rows.length ? Number(rows[rows.length - 1].id) : null };
    }
    if (q.nextPageToken) {
      const m = /^(\d+)\.(\d+)$/.exec(Buffer.from(q.nextPageToken, 'base64url').toString());
      if (!m) throw validation('nextPageToken is not one this server issued', [{ path: '/query/nextPageToken', message: 'is invalid' }]);
      const [t, id] = [Number(m[1]), Number(m[2])];
      base = base.where((eb) => eb.or([eb('event_time', '>', t), eb.and([eb('event_time', '=', t), eb('id', '>', id)])]));
    }
    const rows = await base.select(['id', 'event_time', 'doc', 'enterprise_id', 'recorded_by', 'recorded_via']).orderBy('event_time').orderBy('id').limit(perPage + 1).execute();
    const page = rows.slice(0, perPage);
    const last = page[page.length - 1];
    return {
      events: await this.annotated(ctx, page as ProvenanceRow[]),
      nextPageToken: rows.length > perPage && last ? Buffer.from(`${Number(last.event_time)}.${Number(last.id)}`).toString('base64url') : null,
      lastId: last ? Number(last.id) : null,
    };
  }
}

/** The columns an event answer is built from. */
interface ProvenanceRow {
  id: unknown;
  doc: unknown;
  enterprise_id: unknown;
  recorded_by: unknown;
  recorded_via: unknown;
}

/** A CBV value can be queried in its bare form or its URI forms. */
function cbvForms(v: string): string[] {
  const m = /^(?:urn:epcglobal:cbv:(?:bizstep|disp|btt|sdt|er):|https:\/\/ref\.gs1\.org\/cbv\/[A-Za-z]+-)(.+)$/.exec(v);
  return m ? [v, m[1]] : [v];
}

/** A queried identifier in the forms it may be stored under. */
function refForms(v: string): string[] {
  const c = toCanonicalDigitalLink(v);
  return c && c !== v ? [v, c] : [v];
}


/** The epcis_events row of a prepared event, with who recorded it (the capturing enterprise and user). */
function eventRow(n: PreparedEvent, owner: number, now: number, ctx: AuthContext) {
  return {
    enterprise_id: owner,
    recorded_by_user_id: ctx.userId,
    recorded_by: ctx.username,
    recorded_via: ctx.via,
    event_id: n.eventID,
    hash_id: n.hashID,
    type: n.type,
    event_time: n.eventTime,
    record_time: now,
    action: n.action,
    biz_step: n.bizStep,
    disposition: n.disposition,
    read_point: n.readPoint,
    biz_location: n.bizLocation,
    transformation_id: n.transformationID,
    shipment: n.shipment ? 1 : 0,
  };
}
