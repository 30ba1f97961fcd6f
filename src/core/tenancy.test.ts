/**
 * The tenant-scoped handle: a tenant-owned table comes out filtered, and reading one without the
 * filter does not compile (the `@ts-expect-error` lines fail the typecheck if it ever does).
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext, Role } from './roles.ts';
import { moduleDb, tenantDb, unscoped, type TenantTable, type UnownedTable, type WithoutTenantTables } from './tenancy.ts';

interface Db {
  enterprises: { id: number; code: string };
  devices: { id: number; enterprise_id: number; code: string };
  materials: { id: number; enterprise_id: number | null; code: string };
  units_of_measure: { code: string };
}

const ctx = (role: Role, enterpriseId: number | null): AuthContext => ({ userId: 1, username: 'u', role, enterpriseId, via: 'session' });
let db: Kysely<Db>;

beforeAll(async () => {
  const sqlite = new Database(':memory:');
  sqlite.exec(`
    CREATE TABLE enterprises (id INTEGER PRIMARY KEY, code TEXT NOT NULL);
    CREATE TABLE devices (id INTEGER PRIMARY KEY, enterprise_id INTEGER NOT NULL, code TEXT NOT NULL);
    CREATE TABLE materials (id INTEGER PRIMARY KEY, enterprise_id INTEGER, code TEXT NOT NULL);
    CREATE TABLE units_of_measure (code TEXT PRIMARY KEY);
    INSERT INTO enterprises VALUES (1, 'a'), (2, 'b');
    INSERT INTO devices VALUES (1, 1, 'a-1'), (2, 2, 'b-1'), (3, 1, 'a-2');
    INSERT INTO materials VALUES (1, 1, 'own'), (2, 2, 'theirs'), (3, NULL, 'catalogue');
    INSERT INTO units_of_measure VALUES ('kg'), ('t');`);
  db = new Kysely<Db>({ dialect: new SqliteDialect({ database: sqlite }) });
});
afterAll(async () => db.destroy());

const codes = (rows: { code: string }[]) => rows.map((r) => r.code).sort();

describe('tenantDb', () => {
  it("gives an enterprise its own rows, the park every enterprise's, and a broken account nothing", async () => {
    expect(codes(await tenantDb(db, ctx('enterprise_viewer', 1)).selectFrom('devices').select('code').execute())).toEqual(['a-1', 'a-2']);
    expect(codes(await tenantDb(db, ctx('park_viewer', null)).selectFrom('devices').select('code').execute())).toEqual(['a-1', 'a-2', 'b-1']);
    expect(await tenantDb(db, ctx('enterprise_admin', null)).selectFrom('devices').select('code').execute()).toEqual([]);
    expect(codes(await tenantDb(db, ctx('enterprise_viewer', 2)).selectFrom('enterprises', { column: 'id' }).select('code').execute())).toEqual(['b']);
    expect(codes(await tenantDb(db, ctx('enterprise_viewer', 2)).selectFrom('materials', { sharedWhenNull: true }).select('code').execute())).toEqual(['catalogue', 'theirs']);
    expect(codes(await tenantDb(db, ctx('enterprise_viewer', 2)).selectFromUnowned('units_of_measure').select('code').execute())).toEqual(['kg', 't']);
  });

  it('has no way to read a tenant-owned table without the filter', () => {
    const t = tenantDb(db, ctx('enterprise_viewer', 1));
    // @ts-expect-error a tenant-owned table is not read as it is
    void t.selectFromUnowned('devices');
    // @ts-expect-error nor is the enterprises table
    void t.selectFromUnowned('enterprises');
    // @ts-expect-error the handle does not hand out the database it wraps
    void t.db;
    // @ts-expect-error reference data is not a tenant's
    void t.selectFrom('units_of_measure');
    const owned: TenantTable<Db>[] = ['enterprises', 'devices', 'materials'];
    const unowned: UnownedTable<Db>[] = ['units_of_measure'];
    expect([...owned, ...unowned]).toHaveLength(4);
  });

  it("gives a module's reads only the tables no tenant owns; the others through the handle or a reason", async () => {
    const m = moduleDb(db);
    expect(codes(await m.selectFrom('units_of_measure').select('code').execute())).toEqual(['kg', 't']);
    // @ts-expect-error a module reads a tenant-owned table through tenantDb or unscoped
    void m.selectFrom('devices');
    // @ts-expect-error nor the enterprises table
    void m.selectFrom('enterprises as e');
    // @ts-expect-error nor does a join reach one from a table no tenant owns
    void m.selectFrom('units_of_measure').innerJoin('materials', 'materials.code', 'units_of_measure.code');
    // @ts-expect-error the view does not hand out the database it wraps
    void m.db;
    const readable: (keyof WithoutTenantTables<Db>)[] = ['units_of_measure'];
    expect(readable).toHaveLength(1);
    expect(codes(await tenantDb(m, ctx('enterprise_viewer', 2)).selectFrom('devices').select('code').execute())).toEqual(['b-1']);
    expect(codes(await unscoped(m, 'test: the whole table').selectFrom('devices').select('code').execute())).toEqual(['a-1', 'a-2', 'b-1']);
    expect(moduleDb(db)).toBe(m);
  });

  it('lets a module write and run raw SQL as on the database', async () => {
    const m = moduleDb(db);
    await m.transaction().execute(async (trx) => {
      await trx.insertInto('devices').values({ id: 4, enterprise_id: 2, code: 'b-2' }).execute();
      // Inside its transaction a write reads what it writes; the caller's policy was checked before.
      expect((await trx.selectFrom('devices').select('code').where('id', '=', 4).executeTakeFirstOrThrow()).code).toBe('b-2');
    });
    await m.updateTable('devices').set({ code: 'b-2x' }).where('id', '=', 4).execute();
    expect((await sql<{ code: string }>`select code from devices where id = 4`.execute(m)).rows).toEqual([{ code: 'b-2x' }]);
    await m.deleteFrom('devices').where('id', '=', 4).execute();
    expect(codes(await tenantDb(m, ctx('enterprise_viewer', 2)).selectFrom('devices').select('code').execute())).toEqual(['b-1']);
  });

  it('lets system code read every tenant only by saying why', async () => {
    expect(codes(await unscoped(db, 'test: the whole table').selectFrom('devices').select('code').execute())).toEqual(['a-1', 'a-2', 'b-1']);
    expect(() => unscoped(db, ' ')).toThrow(/reason/);
  });
});
