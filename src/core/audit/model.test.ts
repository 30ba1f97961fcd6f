import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ChainsVerifier,
  GENESIS_HASH,
  LEGACY_CHAIN,
  PARK_CHAIN,
  chainOf,
  chainRecord,
  hashRecord,
  verifyRun,
  type AuditRecord,
  type ChainHead,
  type VerifyReport,
} from './model.ts';

const fieldsOf = (seq: number, enterpriseId: number | null) => ({
  seq,
  ts: 1_700_000_000_000 + seq,
  actorId: 1,
  actorName: 'admin',
  enterpriseId,
  action: 'update',
  entity: 'site',
  entityId: String(seq),
  before: JSON.stringify({ name: `a${seq}` }),
  after: JSON.stringify({ name: `b${seq}` }),
  chain: chainOf(enterpriseId),
});

/** Records as the store writes them: seq in write order, each appended to its enterprise's chain. */
function write(owners: readonly (number | null)[], firstSeq = 1): AuditRecord[] {
  const heads = new Map<number, ChainHead>();
  return owners.map((owner, i) => {
    const r = chainRecord(heads.get(chainOf(owner)) ?? null, fieldsOf(firstSeq + i, owner));
    heads.set(r.chain, { pos: r.chainPos, hash: r.hash });
    return r;
  });
}

/** The legacy log as the single-chain writer made it: seq 1… with positions equal to seqs, old hashes. */
function legacy(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = { ...fieldsOf(seq, seq % 2 ? 3 : null), chain: LEGACY_CHAIN, chainPos: seq, prevHash };
    out.push({ ...base, hash: hashRecord(base) });
    prevHash = out[out.length - 1].hash;
  }
  return out;
}

/** What the store reads: ordered by (chain, position). */
const walkOrder = (records: readonly AuditRecord[]) => [...records].sort((a, b) => a.chain - b.chain || a.chainPos - b.chainPos);

function verifyInBatches(records: readonly AuditRecord[], cuts: readonly number[]): VerifyReport {
  const v = new ChainsVerifier();
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    v.add(records.slice(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  v.add(records.slice(from));
  return v.report();
}

const owner = fc.constantFrom<number | null>(null, 1, 2, 7);
const owners = fc.array(owner, { minLength: 1, maxLength: 40 });

describe('audit chains', () => {
  it('keeps each enterprise and the park in its own gap-free chain, and verifies them intact whatever the batches', () => {
    fc.assert(
      fc.property(owners, fc.array(fc.nat(60)), (who, cuts) => {
        const records = write(who);
        for (const chain of new Set(records.map((r) => r.chain))) {
          expect(records.filter((r) => r.chain === chain).map((r) => r.chainPos)).toEqual(records.filter((r) => r.chain === chain).map((_, i) => i + 1));
        }
        const report = verifyInBatches(walkOrder(records), cuts);
        expect(report.firstBroken).toBeNull();
        expect(report.checked).toBe(records.length);
        expect(report.chains.map((c) => [c.chain, c.checked])).toEqual(
          [...new Set(records.map((r) => r.chain))].sort((a, b) => a - b).map((c) => [c, records.filter((r) => r.chain === c).length]),
        );
      }),
    );
  });

  it('names the first altered, removed or re-linked record in its chain only, whatever is touched', () => {
    fc.assert(
      fc.property(owners, fc.nat(), fc.constantFrom('alter', 'delete', 'relink', 'move'), fc.array(fc.nat(60)), (who, pick, how, cuts) => {
        const records = write(who);
        const i = pick % records.length;
        const target = records[i];
        const ofChain = records.filter((r) => r.chain === target.chain);
        // Removing the last record of a chain leaves a shorter valid chain: nothing vouches for a head.
        if (how === 'delete' && target.chainPos === ofChain.length) return;
        const expected = how === 'delete' ? ofChain[target.chainPos].seq : target.seq;
        if (how === 'alter') records[i] = { ...target, after: '{"name":"forged"}' };
        if (how === 'relink') records[i] = { ...target, prevHash: 'f'.repeat(64) };
        if (how === 'move') records[i] = { ...target, enterpriseId: target.enterpriseId === 99 ? 98 : 99 };
        if (how === 'delete') records.splice(i, 1);
        const report = verifyInBatches(walkOrder(records), cuts);
        expect(report.firstBroken?.seq).toBe(expected);
        for (const c of report.chains) {
          if (c.chain === target.chain) expect(c).toMatchObject({ checked: target.chainPos - 1, firstBroken: { seq: expected } });
          else expect(c.firstBroken).toBeNull();
        }
        expect(report.checked).toBe(records.length - (ofChain.length - target.chainPos + (how === 'delete' ? 0 : 1)));
      }),
    );
  });

  it('reports the earliest written break when several chains are broken', () => {
    const records = write([1, 2, 1, 2, null, 1, 2]);
    const forged = records.map((r) => (r.seq === 4 || r.seq === 6 ? { ...r, actorName: 'mallory' } : r));
    const report = verifyInBatches(walkOrder(forged), []);
    expect(report.firstBroken?.seq).toBe(4);
    expect(report.chains.filter((c) => c.firstBroken).map((c) => c.firstBroken!.seq)).toEqual([6, 4]);
  });

  it('binds a record to its position: renumbered after a trusted head, it does not verify', () => {
    const [a, b] = write([5, 5]);
    expect(verifyRun([b], { pos: 1, hash: a.hash })).toBeNull();
    expect(verifyRun([{ ...b, chainPos: 6 }], { pos: 5, hash: a.hash })?.reason).toMatch(/altered/);
  });

  it('verifies the legacy single chain with its original hashes, next to the new chains', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), (n, pick) => {
        const old = legacy(n);
        const all = walkOrder([...old, ...write([1, null, 1], n + 1)]);
        expect(verifyInBatches(all, [])).toMatchObject({ checked: n + 3, firstBroken: null });
        expect(verifyInBatches(all, []).chains.map((c) => c.chain)).toEqual([LEGACY_CHAIN, PARK_CHAIN, 1]);
        const i = pick % n;
        const forged = all.map((r) => (r.chain === LEGACY_CHAIN && r.chainPos === i + 1 ? { ...r, entity: 'forged' } : r));
        const report = verifyInBatches(forged, []);
        expect(report.firstBroken).toEqual({ seq: i + 1, reason: expect.stringMatching(/altered/) });
        expect(report.chains[0]).toMatchObject({ chain: LEGACY_CHAIN, checked: i });
      }),
    );
  });

  it('continues from a previous run of a chain', () => {
    const records = write(Array.from({ length: 10 }, () => 4));
    expect(verifyRun(records.slice(5), { pos: 5, hash: records[4].hash })).toBeNull();
    expect(verifyRun(records.slice(5), { pos: 5, hash: GENESIS_HASH })?.seq).toBe(6);
  });
});
