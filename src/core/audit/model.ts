/**
 * The audit chains. Each record belongs to one chain, its enterprise's or the park's, and its hash
 * covers its content, its place in that chain and the previous record's hash, so an altered,
 * removed or re-linked record breaks its chain. Chains are independent: appending to one never
 * waits for another (src/core/audit/store.ts).
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The park's chain: records with no enterprise. An enterprise's chain is keyed by its id (> 0). */
export const PARK_CHAIN = 0;
/**
 * The records written before migration 012, when the log was one chain: they keep their hashes
 * (which cover no chain position) and are verified as they were written.
 */
export const LEGACY_CHAIN = -1;

export function chainOf(enterpriseId: number | null): number {
  return enterpriseId ?? PARK_CHAIN;
}

export type ChainKind = 'legacy' | 'park' | 'enterprise';

export function describeChain(chain: number): { kind: ChainKind; enterpriseId: number | null } {
  if (chain === LEGACY_CHAIN) return { kind: 'legacy', enterpriseId: null };
  if (chain === PARK_CHAIN) return { kind: 'park', enterpriseId: null };
  return { kind: 'enterprise', enterpriseId: chain };
}

export interface AuditRecord {
  /** Unique over all chains; the order records were written in within one chain. */
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
  /** The chain the record belongs to (`chainOf(enterpriseId)`, or LEGACY_CHAIN). */
  chain: number;
  /** Its position in its chain, from 1 without gaps: a missing record is a missing position. */
  chainPos: number;
  prevHash: string;
  hash: string;
}

export type UnhashedRecord = Omit<AuditRecord, 'hash'>;

export function hashRecord(r: UnhashedRecord): string {
  // A fixed-order array is the canonical form: no key-order ambiguity.
  const fields = [
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
  ];
  // Legacy records were hashed before chains existed; a chained record's hash also fixes its place.
  const canonical = JSON.stringify(r.chain === LEGACY_CHAIN ? fields : [...fields, r.chain, r.chainPos]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

/** The last intact record of a chain, which the next one must follow. */
export interface ChainHead {
  pos: number;
  hash: string;
}

/** The next record of a chain after `head` (null: the chain is empty), hashed. */
export function chainRecord(head: ChainHead | null, fields: Omit<UnhashedRecord, 'chainPos' | 'prevHash'>): AuditRecord {
  const base: UnhashedRecord = { ...fields, chainPos: head ? head.pos + 1 : 1, prevHash: head ? head.hash : GENESIS_HASH };
  return { ...base, hash: hashRecord(base) };
}

/** Why `r` cannot follow `head` in its chain, or null when it can. */
export function linkBreak(r: AuditRecord, head: ChainHead | null): ChainBreak | null {
  const prev = head ?? { pos: 0, hash: GENESIS_HASH };
  if (r.chain !== LEGACY_CHAIN && r.chain !== chainOf(r.enterpriseId)) return { seq: r.seq, reason: `it is filed in chain ${r.chain}, not in the chain of its enterprise` };
  if (r.chainPos !== prev.pos + 1) {
    return { seq: r.seq, reason: `the record at position ${prev.pos + 1} of its chain is missing (found position ${r.chainPos} after ${prev.pos})` };
  }
  if (r.prevHash !== prev.hash) return { seq: r.seq, reason: `its prev_hash does not match the hash of the record before it in its chain (position ${prev.pos})` };
  if (hashRecord(r) !== r.hash) return { seq: r.seq, reason: 'its content does not match its hash (the record was altered)' };
  return null;
}

/**
 * Checks one run of consecutive records of one chain given the last good record before it (or none).
 * Returns the first break, or null.
 */
export function verifyRun(records: readonly AuditRecord[], previous: ChainHead | null): ChainBreak | null {
  let head = previous;
  for (const r of records) {
    const broken = linkBreak(r, head);
    if (broken) return broken;
    head = { pos: r.chainPos, hash: r.hash };
  }
  return null;
}

export interface ChainReport {
  chain: number;
  /** Intact records of the chain (before its first break, if any). */
  checked: number;
  firstBroken: ChainBreak | null;
}

export interface VerifyReport {
  /** Intact records over all chains. */
  checked: number;
  /** The earliest written (lowest seq) first break of any chain. */
  firstBroken: ChainBreak | null;
  chains: ChainReport[];
}

/**
 * Verifies every chain from records ordered by (chain, chainPos), fed in batches of any size. A
 * chain is checked up to its first break; the records after it are not judged (they may well be
 * intact, but nothing before them vouches for them any more).
 */
export class ChainsVerifier {
  private readonly reports: ChainReport[] = [];
  private head: ChainHead | null = null;
  private total = 0;

  add(records: readonly AuditRecord[]): void {
    for (const r of records) {
      let report = this.reports.at(-1);
      if (report?.chain !== r.chain) {
        report = { chain: r.chain, checked: 0, firstBroken: null };
        this.reports.push(report);
        this.head = null;
      }
      if (report.firstBroken) continue;
      const broken = linkBreak(r, this.head);
      if (broken) {
        report.firstBroken = broken;
        continue;
      }
      report.checked++;
      this.total++;
      this.head = { pos: r.chainPos, hash: r.hash };
    }
  }

  get checked(): number {
    return this.total;
  }

  report(): VerifyReport {
    let firstBroken: ChainBreak | null = null;
    for (const { firstBroken: b } of this.reports) if (b && (!firstBroken || b.seq < firstBroken.seq)) firstBroken = b;
    return { checked: this.total, firstBroken, chains: this.reports.map((r) => ({ ...r })) };
  }
}
