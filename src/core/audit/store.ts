/** Persistence of the audit chain. Appends run inside the caller's transaction. */
import { sql } from 'kysely';
import type { Db, Dialect, Tx } from '../../adapters/db/index.ts';
import type { AuthContext } from '../roles.ts';
import { scoped } from '../tenancy.ts';
import { GENESIS_HASH, hashRecord, verifyRun, type AuditRecord, type ChainBreak } from './model.ts';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | string;
  entity: string;
  entityId: string | number | null;
  enterpriseId: number | null;
  before?: unknown;
  after?: unknown;
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

function fromRow(r: Record<string, unknown>): AuditRecord {
  return {
    seq: Number(r.seq),
    ts: Number(r.ts),
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    actorName: String(r.actor_name),
    enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id),
    action: String(r.action),
    entity: String(r.entity),
    entityId: r.entity_id === null ? null : String(r.entity_id),
    before: (r.before as string | null) ?? null,
    after: (r.after as string | null) ?? null,
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  };
}

export class AuditStore {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  /** Appends one record to the chain; call it inside the transaction that makes the change. */
  async append(trx: Tx, ctx: AuthContext, entry: AuditEntry, now = Date.now()): Promise<AuditRecord> {
    // Serialise appenders across connections and nodes: the chain has one head. (SQLite already
    // runs one write transaction at a time.)
    if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(727300001)`.execute(trx);
    const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const base = {
      seq: last ? Number(last.seq) + 1 : 1,
      ts: now,
      actorId: ctx.userId,
      actorName: ctx.username,
      enterpriseId: entry.enterpriseId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      prevHash: last ? String(last.hash) : GENESIS_HASH,
    };
    const record = { ...base, hash: hashRecord(base) };
    await trx
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
    let base = scoped(this.db.selectFrom('audit_log'), ctx);
    if (q.entity) base = base.where('entity', '=', q.entity);
    if (q.entityId) base = base.where('entity_id', '=', q.entityId);
    if (q.enterpriseId !== undefined) base = base.where('enterprise_id', '=', q.enterpriseId);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('seq', 'desc').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(fromRow), total: Number(count.n) };
  }

  /** Walks the whole chain in batches; returns how many records it checked and the first break. */
  async verify(onProgress?: (checked: number) => void): Promise<{ checked: number; firstBroken: ChainBreak | null }> {
    const BATCH = 5000;
    let previous: { seq: number; hash: string } | null = null;
    let checked = 0;
    for (;;) {
      const rows: Record<string, unknown>[] = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', previous?.seq ?? 0)
        .orderBy('seq')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) return { checked, firstBroken: null };
      const records: AuditRecord[] = rows.map(fromRow);
      const broken = verifyRun(records, previous);
      if (broken) return { checked: checked + records.findIndex((r) => r.seq === broken.seq), firstBroken: broken };
      checked += records.length;
      onProgress?.(checked);
      const tail: AuditRecord = records[records.length - 1];
      previous = { seq: tail.seq, hash: tail.hash };
    }
  }
}
