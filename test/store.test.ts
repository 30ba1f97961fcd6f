/**
 * The store on both dialects: migrations, the generic resource service (create, list, search,
 * update, delete, conflicts, references), the catalogue sync and the audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { Problem } from '../src/core/errors.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import { AuthService } from '../src/modules/auth/service.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';
import { loadCatalogue } from '../src/modules/registry/catalogue/catalogue.ts';

const dialects = await testDialects();

describe.each(dialects)('store on %s', (dialect) => {
  let db: TestDatabase;
  let s: Services;
  const admin = systemContext('test');
  let entA: number;
  let entB: number;
  const asEnterprise = (enterpriseId: number, role: AuthContext['role'] = 'enterprise_admin'): AuthContext => ({ userId: null, username: `u${enterpriseId}`, role, enterpriseId, via: 'session' });

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    s = await openServices({ db: db.url, sessionTtlHours: 1 });
    await bootstrap(s, { adminPassword: 'test-admin-password' });
    entA = (await s.registry.enterprises.create(admin, { code: 'alpha', name: '甲化工', industry: 'chemicals', uscc: '9144030071526726XG' })).id;
    entB = (await s.registry.enterprises.create(admin, { code: 'beta', name: '乙聚合', industry: 'polymers' })).id;
  });
  afterAll(async () => {
    await s?.close();
    await db?.drop();
  });

  it('migrates forward only, and a second run applies nothing', async () => {
    expect((await migrateToLatest(s.handle.db, s.handle.dialect)).applied).toEqual([]);
  });

  it('loads the shipped catalogue once, as park-wide materials', async () => {
    const page = await s.registry.materials.list(admin, { limit: 1000, offset: 0 });
    expect(page.total).toBeGreaterThan(40);
    const pg = page.items.find((m) => m.code === 'PHOSPHOGYPSUM');
    expect(pg).toMatchObject({ enterpriseId: null, category: 'by_product', catalogueVersion: loadCatalogue().version });
    const again = await s.registry.syncCatalogue(admin);
    expect(again).toMatchObject({ added: 0, updated: 0 });
  });

  it('creates a hierarchy, derives the enterprise from the parent, and round-trips every field type', async () => {
    const ctx = asEnterprise(entA);
    const site = await s.registry.sites.create(ctx, { code: 'a-main', name: '主厂区', lat: 34.5, lng: 119.2 });
    expect(site.enterpriseId).toBe(entA);
    const unit = await s.registry.units.create(ctx, { siteId: site.id, code: 'a-boiler', name: '锅炉', kind: 'utility', capacityValue: 130, capacityUnit: 't/h' });
    expect(unit).toMatchObject({ enterpriseId: entA, capacityValue: 130, capacityUnit: 't/h', description: null });
    const device = await s.registry.devices.create(ctx, { siteId: site.id, unitId: unit.id, code: 'a-em-01', name: '电表', kind: 'energy_meter', protocol: 'mqtt' });
    expect(device.enabled).toBe(true);
    const water = (await s.registry.materials.list(ctx, { limit: 5, offset: 0, q: 'ELECTRICITY' })).items[0];
    const tag = await s.registry.tags.create(ctx, { deviceId: device.id, key: 'active_power', name: '有功功率', kind: 'power', unit: 'kW', materialId: water.id, lowLimit: 0, highLimit: 5000 });
    expect(tag).toMatchObject({ enterpriseId: entA, deviceId: device.id, materialId: water.id, lowLimit: 0, highLimit: 5000, lowLowLimit: null });
    const updated = await s.registry.devices.update(ctx, device.id, { enabled: false, model: 'PM5560' });
    expect(updated).toMatchObject({ enabled: false, model: 'PM5560', code: 'a-em-01' });
    expect(updated.updatedAt).toBeGreaterThanOrEqual(device.updatedAt as number);
  });

  it('lists with filters, search (case-insensitive, literal underscores), sorting and paging', async () => {
    const ctx = asEnterprise(entA);
    const site = (await s.registry.sites.list(ctx, { limit: 10, offset: 0 })).items[0];
    for (let i = 0; i < 5; i++) {
      await s.registry.devices.create(ctx, { siteId: site.id, code: `a-fm-${i}`, name: `流量计${i}`, nameEn: `Flow meter ${i}`, kind: 'flow_meter', protocol: 'http' });
    }
    const page = await s.registry.devices.list(ctx, { limit: 2, offset: 1, kind: 'flow_meter', sort: 'code', order: 'desc' });
    expect(page.total).toBe(5);
    expect(page.items.map((d) => d.code)).toEqual(['a-fm-3', 'a-fm-2']);
    expect((await s.registry.devices.list(ctx, { limit: 50, offset: 0, q: 'FLOW METER 4' })).items.map((d) => d.code)).toEqual(['a-fm-4']);
    expect((await s.registry.tags.list(ctx, { limit: 50, offset: 0, q: 'e_p' })).total).toBe(1);
    expect((await s.registry.tags.list(ctx, { limit: 50, offset: 0, q: '%' })).total).toBe(0);
  });

  it('answers a duplicate code with a conflict and leaves nothing half-written', async () => {
    const ctx = asEnterprise(entA);
    const before = (await s.audit.list(admin, { limit: 1, offset: 0 })).total;
    await expect(s.registry.sites.create(ctx, { code: 'a-main', name: 'dup' })).rejects.toMatchObject({ kind: 'conflict' });
    expect((await s.audit.list(admin, { limit: 1, offset: 0 })).total).toBe(before);
    // The same code in another enterprise is fine: site codes are unique per enterprise.
    await expect(s.registry.sites.create(asEnterprise(entB), { code: 'a-main', name: '乙厂区' })).resolves.toMatchObject({ enterpriseId: entB });
  });

  it('refuses references across enterprises and a unit on another site', async () => {
    const ctxA = asEnterprise(entA);
    const ctxB = asEnterprise(entB);
    const siteB = (await s.registry.sites.list(ctxB, { limit: 1, offset: 0 })).items[0];
    const unitA = (await s.registry.units.list(ctxA, { limit: 1, offset: 0 })).items[0];
    const err = await s.registry.devices.create(ctxB, { siteId: siteB.id, unitId: unitA.id, code: 'b-x', name: 'x', kind: 'other', protocol: 'mqtt' }).catch((e) => e);
    expect(err).toBeInstanceOf(Problem);
    expect(err.errors).toEqual([{ path: '/body/unitId', message: 'no such unit in this enterprise' }]);
    const siteA2 = await s.registry.sites.create(ctxA, { code: 'a-east', name: '东区' });
    const err2 = await s.registry.devices.create(ctxA, { siteId: siteA2.id, unitId: unitA.id, code: 'a-y', name: 'y', kind: 'other', protocol: 'mqtt' }).catch((e) => e);
    expect(err2.errors?.[0].path).toBe('/body/unitId');
    // A site of another enterprise is not disclosed: it "does not exist".
    const err3 = await s.registry.units.create(ctxA, { siteId: siteB.id, code: 'a-z', name: 'z', kind: 'utility' }).catch((e) => e);
    expect(err3.errors).toEqual([{ path: '/body/siteId', message: 'no such site' }]);
  });

  it('refuses to delete a parent that still has children, then deletes bottom-up', async () => {
    const ctx = asEnterprise(entA);
    const site = await s.registry.sites.create(ctx, { code: 'a-tmp', name: '临时' });
    const unit = await s.registry.units.create(ctx, { siteId: site.id, code: 'a-tmp-u', name: 'u', kind: 'storage' });
    await expect(s.registry.sites.remove(ctx, site.id)).rejects.toMatchObject({ kind: 'conflict' });
    await s.registry.units.remove(ctx, unit.id);
    await s.registry.sites.remove(ctx, site.id);
    await expect(s.registry.sites.get(ctx, site.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('records every write in a hash chain that verifies, and finds a forged record', async () => {
    const log = await s.audit.list(admin, { entity: 'device', limit: 100, offset: 0 });
    const update = log.items.find((r) => r.action === 'update')!;
    expect(JSON.parse(update.before!)).toMatchObject({ enabled: true });
    expect(JSON.parse(update.after!)).toMatchObject({ enabled: false });
    expect(update.actorName).toBe(`u${entA}`);
    const ok = await s.audit.verify();
    expect(ok.firstBroken).toBeNull();
    expect(ok.checked).toBeGreaterThan(50);

    await sql`update audit_log set after = ${'{"enabled":true}'} where seq = ${update.seq}`.execute(s.handle.db);
    const broken = await s.audit.verify();
    expect(broken.firstBroken).toEqual({ seq: update.seq, reason: expect.stringMatching(/altered/) });
    await sql`update audit_log set after = ${update.after} where seq = ${update.seq}`.execute(s.handle.db);
    expect((await s.audit.verify()).firstBroken).toBeNull();
  });

  it('scopes audit reads to the enterprise', async () => {
    const mine = await s.audit.list(asEnterprise(entB), { limit: 1000, offset: 0 });
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((r) => r.enterpriseId === entB)).toBe(true);
  });

  it('keeps every audit chain whole under concurrent writers of several enterprises and the park', async () => {
    const writers = [entA, entB].map((e) => asEnterprise(e));
    const sites = await Promise.all(writers.map(async (ctx) => (await s.registry.sites.list(ctx, { limit: 1, offset: 0 })).items[0]));
    const before = await s.audit.verify();
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        s.registry.devices.create(writers[i % 2], { siteId: sites[i % 2].id, code: `c-${i}`, name: `c${i}`, kind: 'other', protocol: 'mqtt' }),
      ),
      ...Array.from({ length: 4 }, (_, i) => s.registry.materials.create(admin, { code: `PARK_C_${i}`, name: `c${i}`, category: 'product', hazardous: false, unit: 't' })),
    ]);
    const after = await s.audit.verify();
    expect(after.firstBroken).toBeNull();
    expect(after.checked).toBe(before.checked + 24);
  });

  it('expires sessions, and ends them when the user is disabled', async () => {
    const shortLived = new AuthService(s.handle, s.audit, 300);
    await shortLived.users.createWithPassword(admin, { username: 'shift.lead', displayName: '班长', role: 'enterprise_operator', enterpriseId: entA, password: 'shift-lead-pw' });
    const { token } = await shortLived.login('shift.lead', 'shift-lead-pw');
    expect(await shortLived.authenticate(token)).toMatchObject({ username: 'shift.lead', role: 'enterprise_operator', enterpriseId: entA });
    await new Promise((r) => setTimeout(r, 400));
    expect(await shortLived.authenticate(token)).toBeNull();

    const { token: t2 } = await s.auth.login('shift.lead', 'shift-lead-pw');
    expect(await s.auth.authenticate(t2)).not.toBeNull();
    const u = (await s.auth.users.list(admin, { limit: 1, offset: 0, q: 'shift.lead' })).items[0];
    await s.auth.users.updateWithPassword(admin, u.id, { disabled: true });
    expect(await s.auth.authenticate(t2)).toBeNull();
    await expect(s.auth.login('shift.lead', 'shift-lead-pw')).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});
