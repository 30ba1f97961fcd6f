/**
 * Sharing as a core capability, on both dialects: migration 014 moves trace's rules into the one
 * `shares` table (ids kept, one rule per owner, grantee and kind), and the generic share-rule
 * resource of each kind sees and writes only its own kind's rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { isUniqueViolation, openDb } from '../src/adapters/db/index.ts';
import { MIGRATIONS } from '../src/adapters/db/migrate.ts';
import { ResourceService } from '../src/core/crud/service.ts';
import { definePolicy, parkAdminOr } from '../src/core/policy.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import { defineShareKind } from '../src/core/sharing/kinds.ts';
import { shareRulesSpec } from '../src/core/sharing/rules.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';

describe.each(await testDialects())('shares (%s)', (dialect) => {
  it('migration 014 moves trace rules into shares with their ids, keeping the widest of duplicates', async () => {
    const database = await freshDatabase(dialect);
    const handle = openDb(database.url);
    try {
      const { db } = handle;
      for (const [name, up] of MIGRATIONS) if (name < '014') await up(db, dialect);
      const now = Date.now();
      const ent = async (code: string) => Number((await db.insertInto('enterprises').values({ code, name: code, industry: 'chemicals', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id);
      const [a, b, c] = [await ent('alpha'), await ent('beta'), await ent('gamma')];
      const rule = async (owner: number, grantee: number | null, scope: string) =>
        Number((await db.insertInto('trace_shares').values({ enterprise_id: owner, grantee_id: grantee, scope, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id);
      const aPark = await rule(a, null, 'all');
      const aToBNarrow = await rule(a, b, 'shipments');
      const aToBAll = await rule(a, b, 'all');
      const bPark = await rule(b, null, 'shipments');
      await rule(b, null, 'shipments');
      const cToA = await rule(c, a, 'shipments');

      const m014 = MIGRATIONS.find(([name]) => name.startsWith('014'))!;
      await m014[1](db, dialect);
      const rows = await db.selectFrom('shares').select(['id', 'enterprise_id', 'grantee_id', 'kind', 'scope']).orderBy('id').execute();
      expect(rows.map((r) => [Number(r.id), Number(r.enterprise_id), r.grantee_id === null ? null : Number(r.grantee_id), r.kind, r.scope])).toEqual([
        [aPark, a, null, 'trace.events', 'all'],
        [aToBAll, a, b, 'trace.events', 'all'],
        [bPark, b, null, 'trace.events', 'shipments'],
        [cToA, c, a, 'trace.events', 'shipments'],
      ]);
      expect(aToBNarrow).toBeLessThan(aToBAll);
      expect(await db.selectFrom('trace_shares').selectAll().execute().catch(() => 'gone')).toBe('gone');

      // New rules are numbered after the moved ones; one rule per owner, grantee and kind (the park too).
      const next = await db.insertInto('shares').values({ enterprise_id: b, grantee_id: a, kind: 'trace.events', scope: 'all', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      expect(Number(next.id)).toBeGreaterThan(cToA);
      for (const grantee of [null, b]) {
        const err = await db.insertInto('shares').values({ enterprise_id: a, grantee_id: grantee, kind: 'trace.events', scope: 'shipments', created_at: now, updated_at: now }).execute().catch((e) => e);
        expect(isUniqueViolation(err), `grantee ${grantee}`).toBe(true);
      }
      await db.insertInto('shares').values({ enterprise_id: a, grantee_id: null, kind: 'ledger.flows', scope: 'all', created_at: now, updated_at: now }).execute();
    } finally {
      await handle.close();
      await database.drop();
    }
  });

  describe('share rules of two kinds', () => {
    const FLOWS = defineShareKind('test.flows', { label: 'flows', scopes: ['all', 'totals'], description: 'all: every flow; totals: monthly totals only' });
    const flowSharePolicy = definePolicy('flow_share', 'flow share rules', { create: parkAdminOr('enterprise_admin'), update: parkAdminOr('enterprise_admin'), delete: parkAdminOr('enterprise_admin') });
    const flowShares = shareRulesSpec(FLOWS, { name: 'flow_share', label: 'Flow share', collection: 'flow-shares', policy: flowSharePolicy });
    let database: TestDatabase;
    let s: Services;
    let flows: ResourceService<typeof flowShares>;
    let admin: AuthContext;
    let partner: number;

    beforeAll(async () => {
      database = await freshDatabase(dialect);
      s = await openServices({ db: database.url, sessionTtlHours: 1 });
      await bootstrap(s, { adminPassword: 'test-admin-password' });
      const a = (await s.registry.enterprises.create(systemContext(), { code: 'alpha', name: '甲', industry: 'chemicals' })).id;
      partner = (await s.registry.enterprises.create(systemContext(), { code: 'beta', name: '乙', industry: 'chemicals' })).id;
      admin = { userId: null, username: 'alpha.admin', role: 'enterprise_admin', enterpriseId: a, via: 'session' };
      flows = new ResourceService(s.handle, flowShares, s.audit);
    });
    afterAll(async () => {
      await s?.close();
      await database?.drop();
    });

    it('keeps each kind to its own rules: listing, reading, writing and uniqueness', async () => {
      const trace = await s.trace.shares.create(admin, { granteeId: partner, scope: 'all' });
      const flow = await flows.create(admin, { granteeId: partner, scope: 'totals' });
      expect(flow).toMatchObject({ enterpriseId: admin.enterpriseId, granteeId: partner, scope: 'totals' });
      expect((await s.trace.shares.list(admin, { limit: 50, offset: 0 })).items.map((r) => r.id)).toEqual([trace.id]);
      expect((await flows.list(admin, { limit: 50, offset: 0 })).items.map((r) => r.id)).toEqual([flow.id]);
      await expect(flows.get(admin, trace.id)).rejects.toMatchObject({ status: 404 });
      await expect(s.trace.shares.remove(admin, flow.id)).rejects.toMatchObject({ status: 404 });
      await expect(flows.create(admin, { granteeId: partner, scope: 'all' })).rejects.toMatchObject({ status: 409 });
      const kinds = await s.handle.db.selectFrom('shares').select(['id', 'kind']).orderBy('id').execute();
      expect(kinds.map((r) => [Number(r.id), r.kind])).toEqual([
        [trace.id, 'trace.events'],
        [flow.id, 'test.flows'],
      ]);
      await expect(flows.create(admin, { granteeId: admin.enterpriseId, scope: 'all' })).rejects.toMatchObject({ status: 400, errors: [{ path: '/body/granteeId', message: 'an enterprise always sees its own flows' }] });
    });
  });
});
