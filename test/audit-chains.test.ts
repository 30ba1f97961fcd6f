/**
 * The audit log chained per tenant, on both dialects: each enterprise and the park have their own
 * chain, verify checks every chain and names the first broken record of each, the records written
 * before migration 012 stay verifiable as the legacy chain, and on PostgreSQL an audited write of
 * one enterprise does not wait for another enterprise's open transaction.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Migration } from 'kysely';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { openDb } from '../src/adapters/db/index.ts';
import { MIGRATIONS, migrateToLatest } from '../src/adapters/db/migrate.ts';
import { AUDIT_CHAIN_LOCK_CLASS } from '../src/core/audit/store.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { postgresReachable } from './helpers/services.ts';
import { until } from './helpers/poll.ts';

const dialects = await testDialects();
const admin = systemContext('test');
const asEnterprise = (enterpriseId: number): AuthContext => ({ userId: null, username: `u${enterpriseId}`, role: 'enterprise_admin', enterpriseId, via: 'session' });

interface Row {
  seq: number;
  enterprise_id: number | null;
  chain: number;
  chain_pos: number;
}

async function rows(s: Services): Promise<Row[]> {
  const { rows: r } = await sql<Row>`select seq, enterprise_id, chain, chain_pos from audit_log order by chain, chain_pos`.execute(s.handle.db);
  return r;
}

/** Two enterprises with a site each, written to; returns their ids. */
async function twoEnterprises(s: Services, prefix: string): Promise<[number, number]> {
  const ids: number[] = [];
  for (const code of [`${prefix}-a`, `${prefix}-b`]) {
    const e = (await s.registry.enterprises.create(admin, { code, name: code, industry: 'chemicals' })).id;
    const site = await s.registry.sites.create(asEnterprise(e), { code: `${code}-s`, name: 's' });
    await s.registry.sites.update(asEnterprise(e), site.id, { name: 's2' });
    ids.push(e);
  }
  return [ids[0], ids[1]];
}

describe.each(dialects)('audit chains on %s', (dialect) => {
  let db: TestDatabase;
  let s: Services;
  let entA: number;
  let entB: number;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    s = await openServices({ db: db.url, sessionTtlHours: 1 });
    await bootstrap(s, { adminPassword: 'test-admin-password' });
    [entA, entB] = await twoEnterprises(s, 'chain');
  });
  afterAll(async () => {
    await s?.close();
    await db?.drop();
  });

  it("files each record in its enterprise's chain or the park's, numbered from 1 without gaps", async () => {
    const all = await rows(s);
    for (const r of all) expect(r.chain).toBe(r.enterprise_id ?? 0);
    const chains = [...new Set(all.map((r) => r.chain))];
    expect(chains).toEqual([0, entA, entB]);
    for (const c of chains) {
      const mine = all.filter((r) => r.chain === c);
      expect(mine.map((r) => r.chain_pos)).toEqual(mine.map((_, i) => i + 1));
      // Positions are taken under the chain's lock, seqs after it: they grow together.
      expect(mine.map((r) => r.seq)).toEqual([...mine.map((r) => r.seq)].sort((a, b) => a - b));
    }
    expect(new Set(all.map((r) => r.seq)).size).toBe(all.length);
  });

  it('verifies every chain and reports each', async () => {
    const all = await rows(s);
    const report = await s.audit.verify();
    expect(report).toMatchObject({ checked: all.length, firstBroken: null });
    expect(report.chains).toEqual(
      [0, entA, entB].map((chain) => ({ chain, checked: all.filter((r) => r.chain === chain).length, firstBroken: null })),
    );
  });

  it("names an altered record in its own chain and leaves the others' verdict intact", async () => {
    const ofA = (await rows(s)).filter((r) => r.chain === entA);
    const victim = ofA[1];
    const { rows: [saved] } = await sql<{ after: string }>`select after from audit_log where seq = ${victim.seq}`.execute(s.handle.db);
    await sql`update audit_log set after = ${'{"name":"forged"}'} where seq = ${victim.seq}`.execute(s.handle.db);
    const report = await s.audit.verify();
    expect(report.firstBroken).toEqual({ seq: victim.seq, reason: expect.stringMatching(/altered/) });
    const byChain = new Map(report.chains.map((c) => [c.chain, c]));
    expect(byChain.get(entA)).toMatchObject({ checked: 1, firstBroken: { seq: victim.seq } });
    expect(byChain.get(entB)?.firstBroken).toBeNull();
    expect(byChain.get(0)?.firstBroken).toBeNull();
    await sql`update audit_log set after = ${saved.after} where seq = ${victim.seq}`.execute(s.handle.db);
    expect((await s.audit.verify()).firstBroken).toBeNull();
  });

  it('names the record found in the place of a deleted one', async () => {
    const ofB = (await rows(s)).filter((r) => r.chain === entB);
    expect(ofB.length).toBeGreaterThan(2);
    const [victim, next] = [ofB[1], ofB[2]];
    const { rows: [saved] } = await sql<Record<string, unknown>>`select * from audit_log where seq = ${victim.seq}`.execute(s.handle.db);
    await sql`delete from audit_log where seq = ${victim.seq}`.execute(s.handle.db);
    const report = await s.audit.verify();
    expect(report.firstBroken).toEqual({ seq: next.seq, reason: expect.stringMatching(/position 2 of its chain is missing/) });
    expect(report.chains.find((c) => c.chain === entB)).toMatchObject({ checked: 1 });
    await s.handle.db.insertInto('audit_log').values(saved).execute();
    expect((await s.audit.verify()).firstBroken).toBeNull();
  });

  it('keeps the records written before migration 012 verifiable as the legacy chain', async () => {
    const legacyDb = await freshDatabase(dialect);
    try {
      const handle = openDb(legacyDb.url);
      const migrations: Record<string, Migration> = Object.fromEntries(MIGRATIONS.map(([name, up]) => [name, { up: (d) => up(d, handle.dialect) }]));
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('011-job-leases')).error).toBeUndefined();
      const legacy = await writeLegacyChain(handle.db, 12);
      expect((await migrateToLatest(handle.db, handle.dialect)).applied).toContain('012-audit-chains');
      await handle.close();

      const later = await openServices({ db: legacyDb.url, sessionTtlHours: 1 });
      try {
        await bootstrap(later, { adminPassword: 'test-admin-password' });
        const [a, b] = await twoEnterprises(later, 'later');
        const all = await rows(later);
        expect(all.filter((r) => r.chain === -1).map((r) => [r.seq, r.chain_pos])).toEqual(legacy.map((seq) => [seq, seq]));
        // New records continue the global numbering: seq stays the key over all chains.
        expect(Math.min(...all.filter((r) => r.chain !== -1).map((r) => r.seq))).toBeGreaterThan(legacy.length);
        const report = await later.audit.verify();
        expect(report).toMatchObject({ checked: all.length, firstBroken: null });
        expect(report.chains.map((c) => [c.chain, c.checked])).toEqual([
          [-1, legacy.length],
          [0, all.filter((r) => r.chain === 0).length],
          [a, all.filter((r) => r.chain === a).length],
          [b, all.filter((r) => r.chain === b).length],
        ]);

        await sql`update audit_log set actor_name = 'mallory' where seq = 5`.execute(later.handle.db);
        const forged = await later.audit.verify();
        expect(forged.firstBroken).toEqual({ seq: 5, reason: expect.stringMatching(/altered/) });
        expect(forged.chains[0]).toMatchObject({ chain: -1, checked: 4 });
        expect(forged.chains.slice(1).every((c) => c.firstBroken === null)).toBe(true);
        await sql`update audit_log set actor_name = 'legacy' where seq = 5`.execute(later.handle.db);
        await sql`delete from audit_log where seq = 8`.execute(later.handle.db);
        expect((await later.audit.verify()).firstBroken).toEqual({ seq: 9, reason: expect.stringMatching(/position 8 of its chain is missing/) });
      } finally {
        await later.close();
      }
    } finally {
      await legacyDb.drop();
    }
  });
});

/**
 * The log as the single-chain writer before migration 012 left it: seq 1…n, each hash over the 11
 * fields below and the previous hash. Frozen here, so the test checks compatibility with the old
 * records rather than with whatever the model computes today.
 */
async function writeLegacyChain(db: Services['handle']['db'], n: number): Promise<number[]> {
  let prevHash = '0'.repeat(64);
  const seqs: number[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const enterpriseId = seq % 3 === 0 ? null : (seq % 3) * 1000;
    const r = {
      seq,
      ts: 1_700_000_000_000 + seq,
      actor_id: null,
      actor_name: 'legacy',
      enterprise_id: enterpriseId,
      action: 'update',
      entity: 'site',
      entity_id: String(seq),
      before: JSON.stringify({ name: `a${seq}` }),
      after: null,
      prev_hash: prevHash,
    };
    const canonical = JSON.stringify([r.seq, r.ts, r.actor_id, r.actor_name, r.enterprise_id, r.action, r.entity, r.entity_id, r.before, r.after, r.prev_hash]);
    const hash = createHash('sha256').update(canonical).digest('hex');
    await db.insertInto('audit_log').values({ ...r, hash }).execute();
    prevHash = hash;
    seqs.push(seq);
  }
  return seqs;
}

describe.skipIf(!(await postgresReachable()))('audit chains on PostgreSQL under concurrent writers', () => {
  let db: TestDatabase;
  let s: Services;
  let entA: number;
  let entB: number;

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    s = await openServices({ db: db.url, sessionTtlHours: 1 });
    await bootstrap(s, { adminPassword: 'test-admin-password' });
    [entA, entB] = await twoEnterprises(s, 'busy');
  });
  afterAll(async () => {
    await s?.close();
    await db?.drop();
  });

  /** Sessions of this database waiting for the lock of a chain (of any chain, without one). */
  async function waitingFor(chain?: number): Promise<number> {
    const { rows: [r] } = await sql<{ n: number }>`
      select count(*) as n from pg_locks
      where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())
        and classid::int8 = ${AUDIT_CHAIN_LOCK_CLASS} and objsubid = 2 and (${chain ?? null}::int8 is null or objid::int8 = ${chain ?? null}::int8)`.execute(s.handle.db);
    return r.n;
  }

  it("commits another enterprise's and the park's audited writes while one enterprise's chain is held, and queues a write on that chain", async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    // An audited write of enterprise A whose transaction stays open: it holds A's chain.
    const holder = s.handle.db.transaction().execute(async (trx) => {
      await s.audit.append(trx, asEnterprise(entA), { action: 'update', entity: 'site', entityId: 1, enterpriseId: entA, after: { held: true } });
      holding();
      await released;
    });
    await held;
    let queuedDone = false;
    try {
      // Either both commit, or one of them waits for a chain lock (as all did under one global lock).
      let meanwhileDone = false;
      const meanwhile = Promise.all([
        s.registry.sites.create(asEnterprise(entB), { code: 'busy-b-meanwhile', name: 'meanwhile' }),
        s.registry.materials.create(admin, { code: 'BUSY_PARK', name: 'park', category: 'product', hazardous: false, unit: 't' }),
      ]).finally(() => (meanwhileDone = true));
      await until(async () => meanwhileDone || (await waitingFor()) > 0, Boolean, 'the writes of enterprise B and the park to commit or to wait');
      expect(meanwhileDone).toBe(true);
      const [siteB] = await meanwhile;
      const committed = await s.audit.list(admin, { entity: 'site', entityId: String(siteB.id), limit: 5, offset: 0 });
      expect(committed.items.map((r) => r.action)).toEqual(['create']);

      const queued = s.registry.sites.create(asEnterprise(entA), { code: 'busy-a-queued', name: 'queued' }).then((site) => {
        queuedDone = true;
        return site;
      });
      await until(() => waitingFor(entA), (n) => n === 1, "enterprise A's second write waiting for its chain");
      expect(queuedDone).toBe(false);
      expect(await waitingFor(entB)).toBe(0);
      release();
      await holder;
      const site = await queued;
      const ofA = await s.audit.list(admin, { enterpriseId: entA, limit: 2, offset: 0 });
      expect(ofA.items.map((r) => [r.entity, r.entityId])).toEqual([
        ['site', String(site.id)],
        ['site', '1'],
      ]);
    } finally {
      release();
      await holder;
    }
    expect((await s.audit.verify()).firstBroken).toBeNull();
  });

  it('keeps every chain whole when many writers of several enterprises race', async () => {
    const before = (await s.audit.verify()).checked;
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const e = [entA, entB][i % 2];
        return s.registry.sites.create(asEnterprise(e), { code: `race-${i}`, name: `r${i}` });
      }),
    );
    const after = await s.audit.verify();
    expect(after).toMatchObject({ checked: before + 30, firstBroken: null });
  });
});

describe('GET /api/v1/audit/verify', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    token = await login(server.url, 'admin', server.adminPassword);
  });
  afterAll(async () => server?.close());

  it('reports every chain, names the broken record, and keeps the records without chain bookkeeping', async () => {
    const api = client(server.url, token);
    const ent = await api.post('/api/v1/enterprises', { code: 'verify-e', name: 'e', industry: 'other' });
    expect(ent.status).toBe(201);
    await api.post('/api/v1/sites', { enterpriseId: ent.body.id, code: 'verify-s', name: 's' });
    const ok = await api.get('/api/v1/audit/verify');
    expect(ok.body).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.body.chains).toEqual(
      expect.arrayContaining([
        { chain: 'park', enterpriseId: null, checked: expect.any(Number), firstBroken: null },
        { chain: 'enterprise', enterpriseId: ent.body.id, checked: 2, firstBroken: null },
      ]),
    );
    expect(ok.body.checked).toBe(ok.body.chains.reduce((n: number, c: { checked: number }) => n + c.checked, 0));

    const log = await api.get(`/api/v1/audit?enterpriseId=${ent.body.id}`);
    expect(Object.keys(log.body.items[0]).sort()).toEqual(['action', 'actorId', 'actorName', 'after', 'before', 'enterpriseId', 'entity', 'entityId', 'hash', 'seq', 'ts']);
    const site = log.body.items.find((r: { entity: string }) => r.entity === 'site');
    await sql`update audit_log set entity_id = 'forged' where seq = ${site.seq}`.execute(server.services.handle.db);
    const broken = await api.get('/api/v1/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, firstBroken: { seq: site.seq, reason: expect.stringMatching(/altered/) } });
    expect(broken.body.chains.find((c: { enterpriseId: number | null }) => c.enterpriseId === ent.body.id)).toEqual({
      chain: 'enterprise',
      enterpriseId: ent.body.id,
      checked: 1,
      firstBroken: { seq: site.seq, reason: expect.stringMatching(/altered/) },
    });
  });
});
