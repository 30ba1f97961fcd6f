/**
 * Reading events: the SimpleEventQuery of the REST binding and of named queries (pages keyed by
 * event time), the same query after a commit-order cursor (what a subscription delivers next), and
 * one event by its ID. Every read goes through `visibleEvents` (visibility.ts); answers carry who
 * recorded each event.
 */
import { sql } from 'kysely';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { notFound, validation } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { SYMBIONT_NS, toCanonicalDigitalLink } from './epcis/hash.ts';
import { EPCIS_DEFAULT_CONTEXT } from './epcis/normalize.ts';
import { enterpriseRefs, type TraceNeighbours } from './neighbours.ts';
import type { TraceTables } from './tables.ts';
import { visibleEvents } from './visibility.ts';

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

/** The EQ_ parameters and the column each compares. */
const EQ_COLUMNS = [
  ['eventType', 'type'], ['EQ_action', 'action'], ['EQ_bizStep', 'biz_step'], ['EQ_disposition', 'disposition'],
  ['EQ_readPoint', 'read_point'], ['EQ_bizLocation', 'biz_location'], ['EQ_transformationID', 'transformation_id'],
] as const;

/** Which roles of epcsOf each MATCH_ parameter looks at (EPCIS 2.0 §8.2.7.1). */
const MATCH_ROLES = {
  MATCH_epc: ['epc', 'child'],
  MATCH_parentID: ['parent'],
  MATCH_inputEPC: ['input'],
  MATCH_outputEPC: ['output'],
  MATCH_anyEPC: ['epc', 'child', 'parent', 'input', 'output'],
  MATCH_epcClass: ['quantity', 'childQuantity'],
  MATCH_inputEPCClass: ['inputQuantity'],
  MATCH_outputEPCClass: ['outputQuantity'],
  MATCH_anyEPCClass: ['quantity', 'childQuantity', 'inputQuantity', 'outputQuantity'],
} satisfies Partial<Record<keyof EventQuery, string[]>>;

/** Options of a query that the REST binding does not expose (subscriptions use them). */
export interface QueryOptions {
  /**
   * Only events numbered after this commit-order position (commit-order.ts; a subscription's
   * cursor): pages then go in commit order, and events whose capture has not committed and been
   * numbered are left for a later call.
   */
  afterSeq?: number;
}

export interface EventPage {
  events: Record<string, unknown>[];
  nextPageToken: string | null;
  /** With `afterSeq`: the commit-order position of the last event answered (the next cursor); else null. */
  lastSeq: number | null;
}

/** Who recorded an event, as the event answers show it (`symbiont:recordedBy`). */
export interface RecordedByDoc {
  enterprise: { id: number; code: string | null; name: string | null };
  /** The user or API key that captured it; null: recorded before provenance was kept (unknown). */
  user: string | null;
  via: string | null;
}

/** The columns an event answer is built from. */
interface AnswerRow {
  id: number;
  doc: string;
  enterprise_id: number;
  recorded_by: string | null;
  recorded_via: string | null;
}

const ANSWER_COLUMNS = ['id', 'doc', 'enterprise_id', 'recorded_by', 'recorded_via'] as const;

export class EventQueries {
  constructor(
    private readonly handle: DbHandle,
    private readonly registry: TraceNeighbours['registry'],
  ) {}

  private get db() {
    return tablesOf<TraceTables>(this.handle.db);
  }

  /** Events joined to their documents. */
  private withDocs() {
    return this.db.selectFrom('epcis_events').innerJoin('epcis_event_docs', 'epcis_event_docs.event_pk', 'epcis_events.id');
  }

  async event(ctx: AuthContext, eventID: string): Promise<Record<string, unknown>> {
    // By hash ID first (unique), else by eventID (the most recently captured of that ID).
    const row =
      (await visibleEvents(this.withDocs(), ctx).select(ANSWER_COLUMNS).where('hash_id', '=', eventID).executeTakeFirst()) ??
      (await visibleEvents(this.withDocs(), ctx).select(ANSWER_COLUMNS).where('event_id', '=', eventID).where(sql<boolean>`event_id <> hash_id`).orderBy('id', 'desc').executeTakeFirst());
    if (!row) throw notFound(`Event ${eventID}`);
    return (await this.annotated(ctx, [row]))[0];
  }

  /** SimpleEventQuery; pages are keyed by (eventTime, id), so a page token stays valid as events arrive. */
  async query(ctx: AuthContext, q: EventQuery, opts: QueryOptions = {}): Promise<EventPage> {
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
    for (const [param, column] of EQ_COLUMNS) {
      const values = q[param];
      if (values?.length) base = base.where(column, 'in', values.flatMap(cbvForms));
    }
    for (const [param, roles] of Object.entries(MATCH_ROLES) as [keyof typeof MATCH_ROLES, string[]][]) {
      const values = q[param];
      if (!values?.length) continue;
      base = base.where('id', 'in', this.db.selectFrom('epcis_event_refs').select('event_pk').where('role', 'in', roles).where('ref', 'in', values.flatMap(refForms)));
    }
    if (opts.afterSeq !== undefined) {
      const rows = await base.where('commit_seq', '>', opts.afterSeq).select([...ANSWER_COLUMNS, 'commit_seq']).orderBy('commit_seq').limit(perPage).execute();
      return { events: await this.annotated(ctx, rows), nextPageToken: null, lastSeq: rows.length ? rows[rows.length - 1].commit_seq : null };
    }
    if (q.nextPageToken) {
      const m = /^(\d+)\.(\d+)$/.exec(Buffer.from(q.nextPageToken, 'base64url').toString());
      if (!m) throw validation('nextPageToken is not one this server issued', [{ path: '/query/nextPageToken', message: 'is invalid' }]);
      const [t, id] = [Number(m[1]), Number(m[2])];
      base = base.where((eb) => eb.or([eb('event_time', '>', t), eb.and([eb('event_time', '=', t), eb('id', '>', id)])]));
    }
    const rows = await base.select([...ANSWER_COLUMNS, 'event_time']).orderBy('event_time').orderBy('id').limit(perPage + 1).execute();
    const page = rows.slice(0, perPage);
    const last = page[page.length - 1];
    return {
      events: await this.annotated(ctx, page),
      nextPageToken: rows.length > perPage && last ? Buffer.from(`${last.event_time}.${last.id}`).toString('base64url') : null,
      lastSeq: null,
    };
  }

  /**
   * Stored events as answers: each with `symbiont:recordedBy` (the enterprise and user that captured
   * it; `user` null for events recorded before provenance was kept) and, where the caller's
   * enterprise sees it as a party another enterprise named, `symbiont:namedParty: true` — a claim
   * by its recorder about the caller, never the caller's own record. The prefix is declared in the
   * event's @context; the CBV hash skips the namespace (epcis/hash.ts), so the event's hash ID is
   * unchanged.
   */
  private async annotated(ctx: AuthContext, rows: AnswerRow[]): Promise<Record<string, unknown>[]> {
    const ents = new Map((await enterpriseRefs(this.registry, [...new Set(rows.map((r) => r.enterprise_id))])).map((e) => [e.id, e]));
    const me = isParkRole(ctx.role) ? null : ctx.enterpriseId;
    const named = new Set<number>();
    if (me !== null) {
      const others = rows.filter((r) => r.enterprise_id !== me).map((r) => r.id);
      for (let i = 0; i < others.length; i += 500) {
        const found = await this.db.selectFrom('epcis_event_parties').select('event_pk').where('enterprise_id', '=', me).where('event_pk', 'in', others.slice(i, i + 500)).execute();
        for (const f of found) named.add(f.event_pk);
      }
    }
    return rows.map((r) => {
      const doc = JSON.parse(r.doc) as Record<string, unknown>;
      const c = doc['@context'];
      doc['@context'] = [...(c === undefined ? [] : Array.isArray(c) ? c : [c]), { symbiont: SYMBIONT_NS }];
      const e = ents.get(r.enterprise_id);
      const recordedBy: RecordedByDoc = {
        enterprise: { id: r.enterprise_id, code: e?.code ?? null, name: e?.name ?? null },
        user: r.recorded_by,
        via: r.recorded_via,
      };
      doc['symbiont:recordedBy'] = recordedBy;
      if (named.has(r.id)) doc['symbiont:namedParty'] = true;
      return doc;
    });
  }
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
