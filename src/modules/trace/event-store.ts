/**
 * Writing captured events: each event's row, document, identifiers and named parties in one
 * transaction with the capture's audit record and domain event, in multi-row statements (capture
 * speed). An event already stored (same hash) is counted, not stored again. Identifiers are indexed
 * in canonical form (GS1 Digital Link where the identifier has a GS1 key), so queries in any syntax
 * find them.
 *
 * Captures do not wait for each other: events are inserted without a commit number, and
 * commit-order.ts numbers them after the capture commits.
 */
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { recordEvent } from '../../adapters/db/outbox.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import type { AuthContext } from '../../core/roles.ts';
import { storedDoc, type PreparedEvent } from './capture-prepare.ts';
import type { TraceNeighbours } from './neighbours.ts';
import type { EpcisEventPartiesTable, EpcisEventRefsTable, PartySide, TraceTables } from './tables.ts';

/** Events per multi-row insert (16 columns: well under SQLite's 32,766 bound parameters). */
const STORE_CHUNK = 500;
/** Rows per multi-row insert of refs and parties. */
const ROWS_PER_INSERT = 1000;
/**
 * Two captures of overlapping events insert the same hashes in different orders and may deadlock
 * on PostgreSQL (one is aborted); the aborted one is run again, and then finds the other's events
 * stored. A few attempts: it only recurs while the same documents keep arriving at once.
 */
const DEADLOCK_ATTEMPTS = 5;

export interface Stored {
  captured: number;
  duplicates: number;
}

export class EventStore {
  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly registry: TraceNeighbours['registry'],
  ) {}

  private get db() {
    return tablesOf<TraceTables>(this.handle.db);
  }

  /** Stores the events of a capture job by `owner` (all of them, or none). */
  async store(ctx: AuthContext, owner: number, events: PreparedEvent[], jobId: string): Promise<Stored> {
    const glns = [...new Set(events.flatMap((n) => n.partyGlns))];
    const partyOf = new Map<string, number>();
    for (const e of glns.length ? await this.registry.directoryOf({ glns }) : []) if (e.gln !== null) partyOf.set(e.gln, e.id);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(ctx, owner, events, jobId, partyOf);
      } catch (err) {
        if (attempt >= DEADLOCK_ATTEMPTS || (err as { code?: string }).code !== '40P01') throw err;
      }
    }
  }

  private write(ctx: AuthContext, owner: number, events: PreparedEvent[], jobId: string, partyOf: ReadonlyMap<string, number>): Promise<Stored> {
    return this.db.transaction().execute(async (trx) => {
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
        const pkOf = new Map(inserted.map((r) => [r.hash_id, r.id]));
        const refs: EpcisEventRefsTable[] = [];
        const parties: EpcisEventPartiesTable[] = [];
        const docs: { event_pk: number; doc: string }[] = [];
        for (const n of chunk) {
          const pk = pkOf.get(n.hashID);
          if (pk === undefined) continue;
          pkOf.delete(n.hashID); // a second copy in the same document is a duplicate
          docs.push({ event_pk: pk, doc: storedDoc(n, recordTime) });
          for (const [role, ref, quantity, uom] of n.refs) refs.push({ event_pk: pk, role, ref, quantity, uom });
          for (const [e, side] of namedParties(n, owner, partyOf)) parties.push({ enterprise_id: e, event_pk: pk, side });
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
}

/** Each enterprise an event names (other than its owner) once, with the side it is named on (a destination receives the lot). */
function namedParties(n: PreparedEvent, owner: number, partyOf: ReadonlyMap<string, number>): Map<number, PartySide> {
  const sides = new Map<number, Set<'source' | 'destination'>>();
  for (const g of n.partyGlns) {
    const e = partyOf.get(g);
    if (e === undefined || e === owner) continue;
    const set = sides.get(e) ?? new Set();
    set.add(n.destinationGlns.includes(g) ? 'destination' : 'source');
    sides.set(e, set);
  }
  return new Map([...sides].map(([e, s]) => [e, s.size > 1 ? 'both' : [...s][0]]));
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
