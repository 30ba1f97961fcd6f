/**
 * The per-row lease of subscription delivery against the core lease rules: random takes, writes
 * and releases by a few owners at random times, carried out on a SQLite row and decided by
 * mayTake / mayRenew / mayRelease on a model of the same row, must agree at every step.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../adapters/db/index.ts';
import { mayRelease, mayRenew, mayTake, released, renewed, taken, type LeaseRecord } from '../../core/lease.ts';
import { RowLease } from './delivery-lease.ts';

const LEASE_MS = 100;
const OWNERS = ['node-a/1#1', 'node-b/2#1', 'node-a/1#2'];

type Op = { kind: 'take' | 'write' | 'release'; who: number; advance: number };

describe('the per-row delivery lease follows the core lease rules', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = openDb('sqlite::memory:');
    // Only the lease's columns matter here; the rest of the table is migration 007's.
    await handle.db.schema.createTable('epcis_subscriptions').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('failures', 'integer').addColumn('lease_owner', 'text').addColumn('lease_until', 'bigint').execute();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('agrees with mayTake, mayRenew and mayRelease on every step', async () => {
    const op = fc.record({ kind: fc.constantFrom<Op['kind']>('take', 'write', 'release'), who: fc.integer({ min: 0, max: OWNERS.length - 1 }), advance: fc.integer({ min: 0, max: 150 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        await handle.db.deleteFrom('epcis_subscriptions').execute();
        await handle.db.insertInto('epcis_subscriptions').values({ id: 1, failures: 0, lease_owner: null, lease_until: null }).execute();
        // The owner id is the token of the row lease: one fixed token per owner in the model.
        let model: LeaseRecord = { owner: null, until: 0, token: 0 };
        let now = 1_000;
        for (const { kind, who, advance } of ops) {
          now += advance;
          const owner = OWNERS[who];
          const rows = new RowLease(handle.db, owner, () => LEASE_MS);
          if (kind === 'take') {
            const expected = mayTake(model, now);
            expect(await rows.take(1, now)).toBe(expected);
            if (expected) model = { ...taken(model, owner, now, LEASE_MS), token: 0 };
          } else if (kind === 'write') {
            const expected = mayRenew(model, owner, 0, now);
            expect(await rows.write(1, { failures: who }, now)).toBe(expected);
            if (expected) model = renewed(model, now, LEASE_MS);
          } else {
            const expected = mayRelease(model, owner, 0);
            await rows.release(1);
            if (expected) model = released(model);
          }
          const row = await handle.db.selectFrom('epcis_subscriptions').select(['lease_owner', 'lease_until']).where('id', '=', 1).executeTakeFirstOrThrow();
          expect(row.lease_owner).toBe(model.owner);
          if (model.owner !== null) expect(row.lease_until).toBe(model.until);
        }
      }),
      { numRuns: 150 },
    );
  });
});
