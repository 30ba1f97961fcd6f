/**
 * Persistence of the audit chains. Appends run inside the caller's transaction and lock only the
 * chain they extend, so audited writes of different enterprises never wait for one another.
 */
import { sql, type NotNull, type Selectable } from 'kysely';
import { tablesOf, type Db, type Dialect, type Tx } from '../../adapters/db/index.ts';
import type { AuthContext } from '../roles.ts';
import { tenantDb, unscoped } from '../tenancy.ts';
import { ChainsVerifier, chainOf, chainRecord, type AuditRecord, type VerifyReport } from './model.ts';
import type { AuditLogTable, AuditTables } from './tables.ts';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | string;
  entity: string;
  entityId: string | number | null;
  enterpriseId: number | null;
  /** The state before and after the change: an object (the API describes it as one) or nothing. */
  before?: object | null;
  after?: object | null;
}

/**
 * First key of the PostgreSQL advisory locks of the chains (two-int form: class, chain). The
 * two-int and the one-bigint forms are separate key spaces, so it cannot meet another lock here.
 */
export const AUDIT_CHAIN_LOCK_CLASS = 727300002;

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

function fromRow(r: Selectable<AuditLogTable>): AuditRecord {
  return {
    seq: r.seq,
    ts: r.ts,
    actorId: r.actor_id,
    actorName: r.actor_name,
    enterpriseId: r.enterprise_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    chain: r.chain,
    chainPos: r.chain_pos,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export class AuditStore {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Appends one record to its chain; call it inside the transaction that makes the change. On
   * PostgreSQL the chain's lock is held until that transaction ends, so a transaction that appends
   * to two chains must take them in one order (every write today appends to one).
   */
  async append(trx: Tx, ctx: AuthContext, entry: AuditEntry, now = Date.now()): Promise<AuditRecord> {
    const db = tablesOf<AuditTables>(trx);
    const chain = chainOf(entry.enterpriseId);
    // SQLite runs one write transaction at a time, so it needs no lock.
    if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_CLASS}::integer, ${chain}::integer)`.execute(db);
    // The chain's head and the next seq in one round trip (the chain stays locked meanwhile). The
    // seq comes after the lock, so it grows along each chain. PostgreSQL: a sequence, which never
    // blocks (a rolled-back append leaves a hole in seq, not in a chain); SQLite: its single writer
    // makes max + 1 safe.
    const head = db.selectFrom('audit_log').where('chain', '=', chain).orderBy('chain_pos', 'desc').limit(1);
    const next = await db
      .selectNoFrom((eb) => [
        head.select('chain_pos').as('pos'),
        head.select('hash').as('hash'),
        this.dialect === 'postgres'
          ? sql<number>`nextval('audit_log_seq')`.as('seq')
          : eb.selectFrom('audit_log').select(sql<number>`coalesce(max(seq), 0) + 1`.as('seq')).as('seq'),
      ])
      // An aggregate's subquery always has its one row, and coalesce makes it a number.
      .$narrowType<{ seq: NotNull }>()
      .executeTakeFirstOrThrow();
    const record = chainRecord(next.pos === null || next.hash === null ? null : { pos: next.pos, hash: next.hash }, {
      seq: next.seq,
      ts: now,
      actorId: ctx.userId,
      actorName: ctx.username,
      enterpriseId: entry.enterpriseId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      chain,
    });
    await db
      .insertInto('audit_log')
      .values({
        seq: record.seq,
        ts: record.ts,
        actor_id: record.actorId,
        actor_name: record.actorName,
        enterprise_id: record.enterpriseId,
        action: record.action,
        entity: record.entity,
        entity_id: record.entityId,
        before: record.before,
        after: record.after,
        chain: record.chain,
        chain_pos: record.chainPos,
        prev_hash: record.prevHash,
        hash: record.hash,
      })
      .execute();
    return record;
  }

  async list(
    ctx: AuthContext,
    q: { entity?: string; entityId?: string; enterpriseId?: number; limit: number; offset: number },
  ): Promise<{ items: AuditRecord[]; total: number }> {
    let base = tenantDb(tablesOf<AuditTables>(this.db), ctx).selectFrom('audit_log');
    if (q.entity) base = base.where('entity', '=', q.entity);
    if (q.entityId) base = base.where('entity_id', '=', q.entityId);
    if (q.enterpriseId !== undefined) base = base.where('enterprise_id', '=', q.enterpriseId);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('seq', 'desc').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(fromRow), total: count.n };
  }

  /**
   * Walks every chain in batches, in (chain, position) order; reports per chain how many records
   * are intact and the first broken one.
   */
  async verify(onProgress?: (checked: number) => void): Promise<VerifyReport> {
    const BATCH = 5000;
    const db = unscoped(tablesOf<AuditTables>(this.db), 'verification walks every chain, each enterprise’s and the park’s');
    const verifier = new ChainsVerifier();
    let after: { chain: number; pos: number } | null = null;
    for (;;) {
      let q = db.selectFrom('audit_log').selectAll();
      if (after) {
        const { chain, pos } = after;
        q = q.where((eb) => eb(eb.refTuple('chain', 'chain_pos'), '>', eb.tuple(chain, pos)));
      }
      const rows = await q.orderBy('chain').orderBy('chain_pos').limit(BATCH).execute();
      if (rows.length === 0) return verifier.report();
      verifier.add(rows.map(fromRow));
      onProgress?.(verifier.checked);
      const tail = rows[rows.length - 1];
      after = { chain: tail.chain, pos: tail.chain_pos };
    }
  }
}
