import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { GENESIS_HASH, hashRecord, verifyRun, type AuditRecord } from './model.ts';

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      seq,
      ts: 1_700_000_000_000 + seq,
      actorId: 1,
      actorName: 'admin',
      enterpriseId: seq % 2 ? 3 : null,
      action: 'update',
      entity: 'site',
      entityId: String(seq),
      before: JSON.stringify({ name: `a${seq}` }),
      after: JSON.stringify({ name: `b${seq}` }),
      prevHash,
    };
    const r = { ...base, hash: hashRecord(base) };
    out.push(r);
    prevHash = r.hash;
  }
  return out;
}

describe('audit chain', () => {
  it('verifies an intact chain', () => {
    expect(verifyRun(chain(20), null)).toBeNull();
  });

  it('names the first altered, removed or re-linked record, whatever is touched', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.constantFrom('alter', 'delete', 'relink'), (n, pick, how) => {
        const records = chain(n);
        const i = pick % n;
        if (how === 'alter') records[i] = { ...records[i], after: '{"name":"forged"}' };
        if (how === 'relink') records[i] = { ...records[i], prevHash: 'f'.repeat(64) };
        if (how === 'delete') {
          if (i === n - 1) return; // removing the last record leaves a shorter valid chain: verify reports the count instead
          records.splice(i, 1);
        }
        const broken = verifyRun(records, null);
        expect(broken).not.toBeNull();
        expect(broken!.seq).toBe(how === 'delete' ? i + 2 : i + 1);
      }),
    );
  });

  it('continues from a previous run', () => {
    const records = chain(10);
    expect(verifyRun(records.slice(5), { seq: 5, hash: records[4].hash })).toBeNull();
    expect(verifyRun(records.slice(5), { seq: 5, hash: GENESIS_HASH })?.seq).toBe(6);
  });
});
