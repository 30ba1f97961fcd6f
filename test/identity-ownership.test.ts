/**
 * GS1 key ownership in the store, on both dialects: migration 009 keeps the earliest of existing
 * duplicates as the key's owner (the later ones keep their handle and lose the key), the unique
 * index refuses a second holder, and concurrent mints through the service leave exactly one owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { isUniqueViolation, openDb } from '../src/adapters/db/index.ts';
import { MIGRATIONS } from '../src/adapters/db/migrate.ts';
import { Problem } from '../src/core/errors.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import { gs1CheckDigit } from '../src/modules/identity/model.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';

const gtinOf = (body13: string) => body13 + gs1CheckDigit(body13);
const GTIN = gtinOf('0690123400007');

describe.each(await testDialects())('GS1 key ownership in the store (%s)', (dialect) => {
  it('migration 009 keeps the earliest of duplicate keys as the owner; the later ones keep their handle without the key', async () => {
    const database = await freshDatabase(dialect);
    const handle = openDb(database.url);
    try {
      const { db } = handle;
      for (const [name, up] of MIGRATIONS) if (name < '009') await up(db, dialect);
      const now = Date.now();
      const ent = async (code: string) => Number((await db.insertInto('enterprises').values({ code, name: code, industry: 'chemicals', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id);
      const a = await ent('alpha');
      const b = await ent('beta');
      const row = async (enterprise_id: number, suffix: string, keys: { gtin?: string; lot?: string; serial?: string }) =>
        Number((await db.insertInto('identifiers').values({ enterprise_id, prefix: '88.1', suffix, kind: 'lot', gtin: keys.gtin ?? null, lot: keys.lot ?? null, serial: keys.serial ?? null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id);
      const first = await row(a, 'a.1', { gtin: GTIN, lot: 'L1' });
      const hijack = await row(b, 'b.1', { gtin: GTIN, lot: 'L1' });
      const serial = await row(b, 'b.2', { gtin: GTIN, lot: 'L1', serial: 'S1' });
      const product = await row(b, 'b.3', { gtin: GTIN });
      const productAgain = await row(a, 'a.2', { gtin: GTIN });
      const plain = await row(a, 'a.3', {});

      const m009 = MIGRATIONS.find(([name]) => name.startsWith('009'))!;
      await m009[1](db, dialect);
      const keys = Object.fromEntries((await db.selectFrom('identifiers').select(['id', 'gs1_key', 'suffix', 'lot']).execute()).map((r) => [Number(r.id), r]));
      expect(keys[first].gs1_key).toBe(`01/${GTIN}/10/L1`);
      expect(keys[hijack]).toMatchObject({ gs1_key: null, suffix: 'b.1', lot: 'L1' });
      expect(keys[serial].gs1_key).toBe(`01/${GTIN}/21/S1`);
      expect(keys[product].gs1_key).toBe(`01/${GTIN}`);
      expect(keys[productAgain].gs1_key).toBeNull();
      expect(keys[plain].gs1_key).toBeNull();
      // The index: one holder per key; any number of identifiers without one.
      const err = await db.updateTable('identifiers').set({ gs1_key: `01/${GTIN}/10/L1` }).where('id', '=', hijack).execute().catch((e) => e);
      expect(isUniqueViolation(err)).toBe(true);
    } finally {
      await handle.close();
      await database.drop();
    }
  });

  describe('minting', () => {
    let database: TestDatabase;
    let s: Services;
    let ctxA: AuthContext;
    let ctxB: AuthContext;
    beforeAll(async () => {
      database = await freshDatabase(dialect);
      s = await openServices({ db: database.url, sessionTtlHours: 1 });
      await bootstrap(s, { adminPassword: 'test-admin-password' });
      await s.registry.savePark(systemContext(), { identifierPrefix: '88.900' });
      const a = (await s.registry.enterprises.create(systemContext(), { code: 'alpha', name: '甲', industry: 'chemicals' })).id;
      const b = (await s.registry.enterprises.create(systemContext(), { code: 'beta', name: '乙', industry: 'chemicals' })).id;
      ctxA = { userId: null, username: 'a', role: 'enterprise_operator', enterpriseId: a, via: 'session' };
      ctxB = { userId: null, username: 'b', role: 'enterprise_operator', enterpriseId: b, via: 'session' };
    });
    afterAll(async () => {
      await s?.close();
      await database?.drop();
    });

    it('gives a key to exactly one of many concurrent mints; the Digital Link resolves to it', async () => {
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => s.identity.mint(i % 2 ? ctxB : ctxA, { kind: 'lot', gtin: GTIN, lot: 'RACE' })));
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results) {
        if (r.status !== 'rejected') continue;
        expect(r.reason).toBeInstanceOf(Problem);
        expect((r.reason as Problem).status).toBe(409);
      }
      const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<Services['identity']['mint']>>>).value;
      expect(await s.identity.byDigitalLink(GTIN, '10', 'RACE')).toMatchObject({ id: winner.id, enterpriseId: winner.enterpriseId });
      expect(await s.identity.handlesOf([`https://id.gs1.org/01/${GTIN}/10/RACE`])).toEqual(new Map([[`https://id.gs1.org/01/${GTIN}/10/RACE`, winner.handle]]));
    });
  });
});
