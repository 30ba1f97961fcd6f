/**
 * Commit order of EPCIS events, without making captures wait for each other. A capture inserts
 * its events with `commit_seq` NULL; after it commits, the sequencer numbers every committed,
 * unnumbered event, in id order, after the highest number given so far. A reader that saw number
 * n has seen every event numbered up to n (the numbers of one pass commit together, and passes
 * run one at a time), so a subscription cursor counting in commit_seq never passes an event whose
 * capture was still open: that event is unnumbered until it commits, then numbered after the
 * cursor. Ids alone could not say this: on PostgreSQL a capture that took lower ids may commit
 * after one that took higher ids.
 *
 * The sequencer runs after each capture and before a delivery pass reads the high-water mark, on
 * whichever node; on PostgreSQL a transaction-scoped advisory lock of its own keeps two passes from
 * numbering at once (a pass is one UPDATE, so the lock is held for milliseconds). SQLite has one
 * writer and needs no lock; the code is the same.
 */
import { sql, type Dialect, type TxOf } from '../../adapters/db/index.ts';
import type { TraceTables } from './tables.ts';

/** The advisory lock of the sequencer (PostgreSQL), distinct from every other lock the platform takes. */
const SEQUENCER_LOCK = 0x45505351; // 'EPSQ'

type TraceDb = TxOf<TraceTables>;

/**
 * Numbers the committed events that have no commit_seq yet; returns how many. Run on a Kysely
 * instance it takes a transaction of its own; inside a transaction, it runs there (its lock is then
 * held until that transaction ends).
 */
export async function sequenceCommitted(db: TraceDb, dialect: Dialect): Promise<number> {
  const pass = async (tx: TraceDb): Promise<number> => {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${SEQUENCER_LOCK})`.execute(tx);
    // One statement: the unnumbered events this statement sees are exactly the committed ones.
    const r = await sql`
      UPDATE epcis_events SET commit_seq = s.seq
      FROM (SELECT id, (SELECT coalesce(max(commit_seq), 0) FROM epcis_events) + row_number() OVER (ORDER BY id) AS seq
            FROM epcis_events WHERE commit_seq IS NULL) AS s
      WHERE epcis_events.id = s.id`.execute(tx);
    return Number(r.numAffectedRows ?? 0);
  };
  return db.isTransaction ? pass(db) : db.transaction().execute(pass);
}

/** The highest commit_seq given (0 when none): every event numbered up to it is committed and readable. */
export async function highestCommitSeq(db: TraceDb): Promise<number> {
  const r = await db.selectFrom('epcis_events').select((eb) => eb.fn.max('commit_seq').as('m')).executeTakeFirst();
  return r?.m ?? 0;
}

/** Numbers what has committed, then answers the high-water mark a delivery pass reads. */
export async function commitHighWater(db: TraceDb, dialect: Dialect): Promise<number> {
  await sequenceCommitted(db, dialect);
  return highestCommitSeq(db);
}
