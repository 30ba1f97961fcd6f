/**
 * The lease store of background jobs (table job_leases, migration 011): the rules of
 * src/core/lease.ts carried out as conditional UPDATEs, so deciding and writing are one atomic
 * statement on either dialect. On PostgreSQL two nodes racing for one expired row are serialised by
 * its row lock, and the loser's WHERE is evaluated again against the winner's row (no match);
 * SQLite has a single writer.
 */
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import { sql, type Db, type Tx } from './index.ts';
import type { LeaseRecord } from '../../core/lease.ts';

export interface StoredLease extends LeaseRecord {
  key: string;
  /** When the owner last took or renewed it (epoch ms). */
  heartbeat: number;
}

/**
 * The SQL form of `mayTake` (src/core/lease.ts) for a lease kept in any table's (owner, until)
 * columns: nobody holds it at `now`. Shared by job_leases and the per-row lease of EPCIS
 * subscriptions, so both follow one rule.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function leaseFree(eb: ExpressionBuilder<any, any>, columns: { owner: string; until: string }, now: number): Expression<SqlBool> {
  return eb.or([eb(columns.owner, 'is', null), eb(columns.until, 'is', null), eb(columns.until, '<=', now)]);
}

/**
 * The SQL form of `mayRenew` for such a lease whose owner id is also its token (unique per
 * tenure): `owner` holds it at `now`. A progress write conditional on it is fenced.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function leaseHeldBy(eb: ExpressionBuilder<any, any>, columns: { owner: string; until: string }, owner: string, now: number): Expression<SqlBool> {
  return eb.and([eb(columns.owner, '=', owner), eb(columns.until, '>', now)]);
}

const COLUMNS = ['job_key', 'owner', 'until', 'heartbeat', 'token'] as const;

function toLease(r: Record<string, unknown>): StoredLease {
  return { key: String(r.job_key), owner: r.owner === null ? null : String(r.owner), until: Number(r.until), heartbeat: Number(r.heartbeat), token: Number(r.token) };
}

export class LeaseStore {
  constructor(private readonly db: Db) {}

  /** Takes the lease of `key` for `owner` when nobody holds it: the new lease (token incremented), or null. */
  async take(key: string, owner: string, now: number, leaseMs: number): Promise<StoredLease | null> {
    const updated = await this.db
      .updateTable('job_leases')
      .set({ owner, until: now + leaseMs, heartbeat: now, token: sql`token + 1` })
      .where('job_key', '=', key)
      .where((eb) => leaseFree(eb, { owner: 'owner', until: 'until' }, now))
      .returning(COLUMNS)
      .executeTakeFirst();
    if (updated) return toLease(updated);
    // No row yet, or a held one: the insert settles which (a racing insert of another node wins or loses here).
    const inserted = await this.db
      .insertInto('job_leases')
      .values({ job_key: key, owner, until: now + leaseMs, heartbeat: now, token: 1 })
      .onConflict((oc) => oc.column('job_key').doNothing())
      .returning(COLUMNS)
      .executeTakeFirst();
    return inserted ? toLease(inserted) : null;
  }

  /** Extends the lease while `owner` holds it with `token` and it has not expired: the renewed lease, or null (lost). */
  async renew(key: string, owner: string, token: number, now: number, leaseMs: number): Promise<StoredLease | null> {
    const r = await this.db
      .updateTable('job_leases')
      .set({ until: now + leaseMs, heartbeat: now })
      .where('job_key', '=', key)
      .where('owner', '=', owner)
      .where('token', '=', token)
      .where('until', '>', now)
      .returning(COLUMNS)
      .executeTakeFirst();
    return r ? toLease(r) : null;
  }

  /** Gives the lease up so another node may take it at once; false when it was no longer this owner's. */
  async release(key: string, owner: string, token: number): Promise<boolean> {
    const r = await this.db.updateTable('job_leases').set({ owner: null, until: 0 }).where('job_key', '=', key).where('owner', '=', owner).where('token', '=', token).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * The fencing check, inside the transaction that writes a job's progress: true when `owner` still
   * holds the lease with `token` at `now`. On PostgreSQL the row stays locked until the transaction
   * ends, so no node takes the lease between this check and the commit.
   */
  async confirm(trx: Tx, key: string, owner: string, token: number, now: number): Promise<boolean> {
    const r = await trx
      .updateTable('job_leases')
      .set({ heartbeat: sql`heartbeat` })
      .where('job_key', '=', key)
      .where('owner', '=', owner)
      .where('token', '=', token)
      .where('until', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async get(key: string): Promise<StoredLease | undefined> {
    const r = await this.db.selectFrom('job_leases').select(COLUMNS).where('job_key', '=', key).executeTakeFirst();
    return r ? toLease(r) : undefined;
  }

  /** Leases whose key starts with `prefix` (e.g. `opcua:`). */
  async list(prefix = ''): Promise<StoredLease[]> {
    // A handful of rows (one per job): filtered here, free of LIKE's escaping and collations.
    const rows = await this.db.selectFrom('job_leases').select(COLUMNS).orderBy('job_key').execute();
    return rows.map(toLease).filter((l) => l.key.startsWith(prefix));
  }
}
