/** The audit chain: each record's hash covers its content and the previous record's hash. */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  seq: number;
  ts: number;
  actorId: number | null;
  actorName: string;
  enterpriseId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** JSON text of the record before the change (null on create). */
  before: string | null;
  /** JSON text of the record after the change (null on delete). */
  after: string | null;
  prevHash: string;
  hash: string;
}

export type UnhashedRecord = Omit<AuditRecord, 'hash'>;

export function hashRecord(r: UnhashedRecord): string {
  // A fixed-order array is the canonical form: no key-order ambiguity.
  const canonical = JSON.stringify([
    r.seq,
    r.ts,
    r.actorId,
    r.actorName,
    r.enterpriseId,
    r.action,
    r.entity,
    r.entityId,
    r.before,
    r.after,
    r.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

/**
 * Checks one run of consecutive records given the last good record before it (or none).
 * Returns the first break, or null.
 */
export function verifyRun(
  records: readonly AuditRecord[],
  previous: { seq: number; hash: string } | null,
): ChainBreak | null {
  let prev = previous ?? { seq: 0, hash: GENESIS_HASH };
  for (const r of records) {
    if (r.seq !== prev.seq + 1) return { seq: r.seq, reason: `record ${prev.seq + 1} is missing (found ${r.seq} after ${prev.seq})` };
    if (r.prevHash !== prev.hash) return { seq: r.seq, reason: `its prev_hash does not match the hash of record ${prev.seq}` };
    if (hashRecord(r) !== r.hash) return { seq: r.seq, reason: 'its content does not match its hash (the record was altered)' };
    prev = { seq: r.seq, hash: r.hash };
  }
  return null;
}
