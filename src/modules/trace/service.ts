/**
 * EPCIS 2.0 capture and query. Capture is a job: the document (JSON-LD or XML) is validated,
 * normalised (event hash IDs, identifiers by role), deduplicated by hash and stored in one
 * transaction — all or nothing under GS1-Capture-Error-Behaviour `rollback`, the valid events
 * under `proceed`. Queries take the standard SimpleEventQuery parameters.
 */
import { randomUUID } from 'node:crypto';
import type { DbHandle } from '../../adapters/db/index.ts';
import { forbidden, notFound, validation } from '../../core/errors.ts';
import type { AuthContext } from '../../core/roles.ts';
import { scoped } from '../../core/tenancy.ts';
import type { AuditStore } from '../audit/store.ts';
import { toCanonicalDigitalLink } from './epcis/hash.ts';
import { walk, type Link, type Trace } from './genealogy.ts';
import { EPCIS_DEFAULT_CONTEXT, normalizeEvent, type NormalizedEvent } from './epcis/normalize.ts';
import { validateEpcisDocument, type EpcisEvent, type EpcisValidationError } from './epcis/validate.ts';
import { epcisXmlToJson } from './epcis/xml.ts';

export type CaptureBehaviour = 'rollback' | 'proceed';

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
  perPage?: number;
  nextPageToken?: string;
}

const WRITERS = new Set(['park_admin', 'enterprise_admin', 'enterprise_operator']);
const MAX_EVENTS = 10_000;

/** Which roles of epcsOf each MATCH_ parameter looks at (EPCIS 2.0 §8.2.7.1). */
const MATCH_ROLES: Record<string, string[]> = {
  MATCH_epc: ['epc', 'child'],
  MATCH_parentID: ['parent'],
  MATCH_inputEPC: ['input'],
  MATCH_outputEPC: ['output'],
  MATCH_anyEPC: ['epc', 'child', 'parent', 'input', 'output'],
  MATCH_epcClass: ['quantity', 'childQuantity'],
};

/** Options of a query that the REST binding does not expose (subscriptions use them). */
export interface QueryOptions {
  /** Only events stored after this one (its internal id, see `lastId`); pages then go in storage order. */
  afterId?: number;
}

export class TraceService {
  private readonly running = new Set<Promise<void>>();
  private readonly capturedListeners = new Set<(enterpriseId: number, captured: number) => void>();

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
  ) {}

  private get db() {
    return this.handle.db;
  }

  /** Starts a capture job and returns its id; the work runs after the answer (202). */
  async startCapture(ctx: AuthContext, body: unknown, contentType: string, behaviour: CaptureBehaviour, enterpriseId?: number): Promise<{ id: string; done: Promise<void> }> {
    if (!WRITERS.has(ctx.role)) throw forbidden(`The role ${ctx.role} may not capture events`);
    const owner = ctx.enterpriseId ?? enterpriseId;
    if (owner === undefined || owner === null) throw validation('A park administrator names the capturing enterprise with ?enterpriseId=', [{ path: '/query/enterpriseId', message: 'is required for a park role' }]);
    const id = randomUUID();
    await this.db.insertInto('epcis_capture_jobs').values({ id, enterprise_id: owner, status: 'running', behaviour, created_at: Date.now(), finished_at: null, captured: 0, duplicates: 0, errors: null }).execute();
    const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.runCapture(ctx, id, owner, body, contentType, behaviour));
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
    return { id, done };
  }

  private async runCapture(ctx: AuthContext, jobId: string, owner: number, body: unknown, contentType: string, behaviour: CaptureBehaviour): Promise<void> {
    let errors: EpcisValidationError[] = [];
    let captured = 0;
    let duplicates = 0;
    try {
      let doc: unknown = body;
      if (/xml/.test(contentType)) {
        const converted = epcisXmlToJson(body as string | Buffer);
        if (!converted.ok) throw { validation: converted.errors };
        doc = converted.document;
      }
      const raw = eventsOf(doc);
      if (raw.length > MAX_EVENTS) throw { validation: [{ eventIndex: null, path: '/epcisBody/eventList', message: `at most ${MAX_EVENTS} events a capture` }] };
      const context = (doc as { '@context'?: unknown })?.['@context'];
      const accepted: NormalizedEvent[] = [];
      const whole = validateEpcisDocument(doc);
      if (whole.ok) accepted.push(...whole.events.map((e) => normalizeEvent(e, context as never)));
      else if (behaviour === 'rollback' || whole.errors.some((e) => e.eventIndex === null)) errors = whole.errors;
      else {
        errors = whole.errors;
        const bad = new Set(whole.errors.map((e) => e.eventIndex));
        raw.forEach((e, i) => {
          if (!bad.has(i)) accepted.push(normalizeEvent(e as EpcisEvent, context as never));
        });
      }
      if (errors.length === 0 || behaviour === 'proceed') {
        const r = await this.store(ctx, owner, accepted);
        captured = r.captured;
        duplicates = r.duplicates;
        if (captured > 0) for (const l of this.capturedListeners) l(owner, captured);
      }
    } catch (err) {
      const v = (err as { validation?: EpcisValidationError[] }).validation;
      errors = v ?? [{ eventIndex: null, path: '', message: `capture failed: ${(err as Error).message}` }];
    }
    await this.db
      .updateTable('epcis_capture_jobs')
      .set({ status: errors.length && (behaviour === 'rollback' || captured === 0) ? 'failed' : 'succeeded', finished_at: Date.now(), captured, duplicates, errors: errors.length ? JSON.stringify(errors.slice(0, 1000)) : null })
      .where('id', '=', jobId)
      .execute();
  }

  /** Stores events in one transaction; an event already stored (same hash) is counted, not stored again. */
  private async store(ctx: AuthContext, owner: number, events: NormalizedEvent[]): Promise<{ captured: number; duplicates: number }> {
    return this.db.transaction().execute(async (trx) => {
      let captured = 0;
      let duplicates = 0;
      const now = Date.now();
      for (const n of events) {
        // Deduplicated by the CBV event hash: the same event captured twice is stored once.
        const exists = await trx.selectFrom('epcis_events').select('id').where('hash_id', '=', n.hashID).executeTakeFirst();
        if (exists) {
          duplicates++;
          continue;
        }
        const e = n.event as unknown as Record<string, unknown>;
        const stored = { ...e, recordTime: new Date(now).toISOString() };
        const row = await trx
          .insertInto('epcis_events')
          .values({
            enterprise_id: owner,
            event_id: n.eventID,
            hash_id: n.hashID,
            type: String(e.type),
            event_time: n.eventTimeMs,
            record_time: now,
            action: (e.action as string) ?? null,
            biz_step: (e.bizStep as string) ?? null,
            disposition: (e.disposition as string) ?? null,
            read_point: ((e.readPoint as { id?: string })?.id as string) ?? null,
            biz_location: ((e.bizLocation as { id?: string })?.id as string) ?? null,
            transformation_id: (e.transformationID as string) ?? null,
            doc: JSON.stringify(stored),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Every reference is indexed as written and in its canonical Digital Link form, so a query
        // in either syntax finds it.
        const refs = new Map<string, { role: string; ref: string; quantity: number | null; uom: string | null }>();
        for (const r of n.refs) refs.set(`${r.role}|${r.id}`, { role: r.role, ref: r.id, quantity: r.quantity ?? null, uom: r.uom ?? null });
        for (const r of n.refs) {
          const c = toCanonicalDigitalLink(r.id);
          if (c && c !== r.id) refs.set(`${r.role}|${c}`, { role: r.role, ref: c, quantity: r.quantity ?? null, uom: r.uom ?? null });
        }
        for (const r of refs.values()) await trx.insertInto('epcis_event_refs').values({ event_pk: row.id, ...r }).execute();
        captured++;
      }
      await this.audit.append(trx, ctx, { action: 'capture', entity: 'epcis_events', entityId: null, enterpriseId: owner, after: { captured, duplicates } });
      return { captured, duplicates };
    });
  }

  /**
   * The genealogy of an identifier, as far as the caller may see events: backward to what it was
   * made from, forward to what it went into, with attributed quantities.
   */
  async trace(ctx: AuthContext, roots: string[], direction: 'backward' | 'forward' | 'both', depth: number): Promise<Trace> {
    const linksOf = async (ref: string, dir: 'backward' | 'forward'): Promise<Link[]> => {
      const roles = dir === 'backward' ? ['output', 'outputQuantity', 'parent'] : ['input', 'inputQuantity', 'child', 'childQuantity'];
      const events = await scoped(this.db.selectFrom('epcis_events'), ctx)
        .select(['id', 'event_id', 'type', 'enterprise_id', 'event_time', 'action'])
        .where('id', 'in', this.db.selectFrom('epcis_event_refs').select('event_pk').where('role', 'in', roles).where('ref', 'in', refForms(ref)))
        .orderBy('event_time')
        .limit(1000)
        .execute();
      const links: Link[] = [];
      for (const e of events) {
        // Only an ADD aggregation joins a child to its parent; OBSERVE/DELETE do not move material.
        if (e.type === 'AggregationEvent' && e.action !== 'ADD') continue;
        const refs = await this.db.selectFrom('epcis_event_refs').selectAll().where('event_pk', '=', e.id).execute();
        // Each identifier is stored as written and in canonical form: walk in canonical form.
        const side = (rs: string[]) => {
          const out = new Map<string, { ref: string; quantity: number | null; uom: string | null }>();
          for (const r of refs) {
            if (!rs.includes(String(r.role))) continue;
            const canonical = toCanonicalDigitalLink(String(r.ref)) ?? String(r.ref);
            if (!out.has(canonical)) out.set(canonical, { ref: canonical, quantity: r.quantity === null ? null : Number(r.quantity), uom: r.uom === null ? null : String(r.uom) });
          }
          return [...out.values()];
        };
        links.push({
          eventID: String(e.event_id),
          type: String(e.type),
          enterpriseId: Number(e.enterprise_id),
          eventTime: Number(e.event_time),
          inputs: side(['input', 'inputQuantity', 'child', 'childQuantity']),
          outputs: side(['output', 'outputQuantity', 'parent']),
        });
      }
      return links;
    };
    const root = toCanonicalDigitalLink(roots[0]) ?? roots[0];
    const parts: Trace[] = [];
    if (direction !== 'forward') parts.push(await walk(root, 'backward', depth, linksOf));
    if (direction !== 'backward') parts.push(await walk(root, 'forward', depth, linksOf));
    const nodes = new Map<string, Trace['nodes'][number]>();
    for (const p of parts) for (const n of p.nodes) if (!nodes.has(n.ref)) nodes.set(n.ref, n);
    return { root, nodes: [...nodes.values()], edges: parts.flatMap((p) => p.edges), truncated: parts.some((p) => p.truncated) };
  }

  /** Calls `listener` after every capture that stored events (subscriptions deliver on it). */
  onCaptured(listener: (enterpriseId: number, captured: number) => void): () => void {
    this.capturedListeners.add(listener);
    return () => this.capturedListeners.delete(listener);
  }

  /** Lets running capture jobs finish (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
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

  async event(ctx: AuthContext, eventID: string): Promise<Record<string, unknown>> {
    // By hash ID first (unique), else by eventID (the most recently captured of that ID).
    const row =
      (await scoped(this.db.selectFrom('epcis_events'), ctx).select('doc').where('hash_id', '=', eventID).executeTakeFirst()) ??
      (await scoped(this.db.selectFrom('epcis_events'), ctx).select('doc').where('event_id', '=', eventID).orderBy('id', 'desc').executeTakeFirst());
    if (!row) throw notFound(`Event ${eventID}`);
    return JSON.parse(String(row.doc));
  }

  /** SimpleEventQuery; pages are keyed by (eventTime, id), so a page token stays valid as events arrive. */
  async query(ctx: AuthContext, q: EventQuery, opts: QueryOptions = {}): Promise<{ events: Record<string, unknown>[]; nextPageToken: string | null; lastId: number | null }> {
    const perPage = Math.min(q.perPage ?? 100, 1000);
    let base = scoped(this.db.selectFrom('epcis_events'), ctx);
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
      const rows = await base.where('id', '>', opts.afterId).select(['id', 'doc']).orderBy('id').limit(perPage).execute();
      return { events: rows.map((r) => JSON.parse(String(r.doc))), nextPageToken: null, lastId: rows.length ? Number(rows[rows.length - 1].id) : null };
    }
    if (q.nextPageToken) {
      const m = /^(\d+)\.(\d+)$/.exec(Buffer.from(q.nextPageToken, 'base64url').toString());
      if (!m) throw validation('nextPageToken is not one this server issued', [{ path: '/query/nextPageToken', message: 'is invalid' }]);
      const [t, id] = [Number(m[1]), Number(m[2])];
      base = base.where((eb) => eb.or([eb('event_time', '>', t), eb.and([eb('event_time', '=', t), eb('id', '>', id)])]));
    }
    const rows = await base.select(['id', 'event_time', 'doc']).orderBy('event_time').orderBy('id').limit(perPage + 1).execute();
    const page = rows.slice(0, perPage);
    const last = page[page.length - 1];
    return {
      events: page.map((r) => JSON.parse(String(r.doc))),
      nextPageToken: rows.length > perPage && last ? Buffer.from(`${Number(last.event_time)}.${Number(last.id)}`).toString('base64url') : null,
      lastId: last ? Number(last.id) : null,
    };
  }
}

/** The events of a capture body: an EPCISDocument, an array of events, or one event. */
function eventsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  const d = doc as { epcisBody?: { eventList?: unknown[] }; type?: string };
  if (d?.epcisBody?.eventList) return d.epcisBody.eventList;
  return d?.type ? [d] : [];
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

export { EPCIS_DEFAULT_CONTEXT };
