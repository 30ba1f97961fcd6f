/**
 * The alarms store on both dialects: conditions applied once and in order, a tag's own limits as
 * rules, the journal written with the alarm or not at all, operators' actions through the
 * lifecycle, and the visibility filter against a model of who sees what.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import type { ConditionChange, ResolvedRule } from '../src/modules/alarms/rule-model.ts';
import { PARK_DEFAULT_CATEGORIES } from '../src/modules/alarms/rule-model.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';

describe.each(await testDialects())('alarms store (%s)', (dialect) => {
  let database: TestDatabase;
  let s: Services;
  const sys = systemContext('test');
  let ent: number;
  let other: number;
  let deviceId: number;
  let noxTag: number;
  let so2Tag: number;
  let operator: AuthContext;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    s = await openServices({ db: database.url, sessionTtlHours: 1 });
    await bootstrap(s, { adminPassword: 'test-admin-password' });
    ent = (await s.registry.enterprises.create(sys, { code: 'acme', name: '甲', industry: 'chemicals' })).id;
    other = (await s.registry.enterprises.create(sys, { code: 'beta', name: '乙', industry: 'chemicals' })).id;
    const site = await s.registry.sites.create(sys, { enterpriseId: ent, code: 'acme-site', name: 's' });
    deviceId = (await s.registry.devices.create(sys, { siteId: site.id, code: 'acme-cems', name: 'CEMS', kind: 'emission_monitor', protocol: 'mqtt' })).id;
    noxTag = (await s.registry.tags.create(sys, { deviceId, key: 'nox', name: 'NOx', kind: 'emission', unit: 'mg/m3', highLimit: 100 })).id;
    so2Tag = (await s.registry.tags.create(sys, { deviceId, key: 'so2', name: 'SO2', kind: 'emission', unit: 'mg/m3' })).id;
    operator = { userId: 42, username: 'acme.operator', role: 'enterprise_operator', enterpriseId: ent, via: 'session' };
  });
  afterAll(async () => {
    await s?.close();
    await database?.drop();
  });

  const ruleFor = (ruleId: number, tagId: number, over: Partial<ResolvedRule> = {}): ResolvedRule => ({
    ruleId, enterpriseId: ent, tagId, deviceId, unitId: null, severity: 'high', category: 'emission',
    params: { kind: 'threshold', high: 100, deadband: 0, onDelayMs: 0, offDelayMs: 0 }, ...over,
  });
  const raised = (at: number, value = 112, level = 'H'): ConditionChange => ({ at, active: true, level, value, detail: { limit: 100 } });
  const cleared = (at: number, value = 90): ConditionChange => ({ at, active: false, value });
  const alarmOf = async (key: string) => s.handle.db.selectFrom('alarms').selectAll().where('source_key', '=', key).executeTakeFirst();
  const journalOf = async (alarmId: number) => s.handle.db.selectFrom('alarm_transitions').selectAll().where('alarm_id', '=', alarmId).orderBy('id').execute();
  const outboxCount = async () => Number((await s.handle.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('subject', '=', 'alarms.alarm.changed').executeTakeFirstOrThrow()).n);

  it('applies the same condition once: a repeat writes nothing', async () => {
    const rule = ruleFor(9001, noxTag);
    const events = await outboxCount();
    expect(await s.alarms.applyConditions([{ rule, change: raised(1_000) }])).toEqual({ transitions: 1 });
    expect(await s.alarms.applyConditions([{ rule, change: raised(1_000) }])).toEqual({ transitions: 0 });
    expect(await s.alarms.applyConditions([{ rule, change: raised(2_000, 115) }, { rule, change: raised(2_000, 115) }])).toEqual({ transitions: 0 });
    const row = (await alarmOf(`rule:9001:tag:${noxTag}`))!;
    expect(row).toMatchObject({ state: 'unack', level: 'H', severity: 'high', category: 'emission', version: 1, source: 'rule', message: 'H: 112 above the limit 100' });
    expect(Number(row.raised_at)).toBe(1_000);
    const journal = await journalOf(row.id);
    expect(journal.map((j) => [j.why, j.from_state, j.to_state, j.by])).toEqual([['raised', 'normal', 'unack', 'system']]);
    expect(await outboxCount()).toBe(events + 1);
  });

  it('refuses a stale condition: an older verdict arriving late does not clear a newer one', async () => {
    const rule = ruleFor(9002, noxTag);
    await s.alarms.applyConditions([{ rule, change: raised(5_000) }]);
    expect(await s.alarms.applyConditions([{ rule, change: cleared(4_000) }])).toEqual({ transitions: 0 });
    const row = (await alarmOf(`rule:9002:tag:${noxTag}`))!;
    expect(row.state).toBe('unack');
    expect(await journalOf(row.id)).toHaveLength(1);
    // A later clear is accepted: returned to normal before anyone acknowledged it.
    expect(await s.alarms.applyConditions([{ rule, change: cleared(6_000) }])).toEqual({ transitions: 1 });
    expect((await alarmOf(`rule:9002:tag:${noxTag}`))!.state).toBe('rtn_unack');
    // A clear of an alarm that never existed records nothing.
    expect(await s.alarms.applyConditions([{ rule: ruleFor(9003, noxTag), change: cleared(1) }])).toEqual({ transitions: 0 });
    expect(await alarmOf(`rule:9003:tag:${noxTag}`)).toBeUndefined();
  });

  it('writes the alarm and its journal in one transaction: a batch that fails leaves neither', async () => {
    const good = ruleFor(9004, noxTag);
    const broken = ruleFor(9005, noxTag, { enterpriseId: 987_654 });
    await expect(s.alarms.applyConditions([{ rule: good, change: raised(1_000) }, { rule: broken, change: raised(1_000) }])).rejects.toThrow();
    expect(await alarmOf(`rule:9004:tag:${noxTag}`)).toBeUndefined();
    const orphans = await s.handle.db.selectFrom('alarm_transitions').leftJoin('alarms', 'alarms.id', 'alarm_transitions.alarm_id').select('alarm_transitions.id').where('alarms.id', 'is', null).execute();
    expect(orphans).toEqual([]);
  });

  it("makes a tag's own limits a rule once, and the rule follows the tag's edits", async () => {
    const first = await s.alarms.syncTagLimitRules();
    expect(first.added).toBeGreaterThanOrEqual(1);
    expect(await s.alarms.syncTagLimitRules()).toEqual({ added: 0 });
    const rules = await s.handle.db.selectFrom('alarm_rules').selectAll().where('origin', '=', 'tag_limits').execute();
    expect(rules.map((r) => r.tag_id)).toEqual([noxTag]);
    expect(rules[0]).toMatchObject({ kind: 'threshold', severity: 'high', category: 'emission', high: null });
    const audits = await s.handle.db.selectFrom('audit_log').select(['action', 'entity']).where('action', '=', 'sync_tag_limits').execute();
    expect(audits).toHaveLength(1);

    const limitsOf = async (tagId: number) => (await s.alarms.resolvedRules()).filter((r) => r.tagId === tagId && r.ruleId === rules[0].id).map((r) => r.params);
    expect(await limitsOf(noxTag)).toMatchObject([{ kind: 'threshold', high: 100 }]);
    await s.registry.tags.update(sys, noxTag, { highLimit: 120, highHighLimit: 150 });
    expect(await limitsOf(noxTag)).toMatchObject([{ kind: 'threshold', high: 120, highHigh: 150 }]);
    // Its own settings stay editable; its limits are the tag's.
    await s.alarms.rules.update(sys, rules[0].id, { deadband: 2, severity: 'critical' });
    expect((await s.alarms.resolvedRules()).find((r) => r.ruleId === rules[0].id)).toMatchObject({ severity: 'critical', params: { deadband: 2, high: 120 } });
    await expect(s.alarms.rules.update(sys, rules[0].id, { high: 3 })).rejects.toMatchObject({ status: 400 });
    await expect(s.alarms.rules.remove(sys, rules[0].id)).rejects.toMatchObject({ status: 409 });
    await s.registry.tags.update(sys, noxTag, { highLimit: null, highHighLimit: null });
    expect(await limitsOf(noxTag)).toEqual([]);
    // A tag given limits later gets its rule on the next sync.
    await s.registry.tags.update(sys, so2Tag, { lowLimit: 1 });
    expect(await s.alarms.syncTagLimitRules()).toEqual({ added: 1 });
    await s.registry.tags.update(sys, noxTag, { highLimit: 100 });
  });

  it('acknowledges once, shelves until expiry, and suppresses a device in maintenance', async () => {
    const rule = ruleFor(9010, so2Tag);
    await s.alarms.applyConditions([{ rule, change: raised(10_000, 5, 'H') }]);
    const id = (await alarmOf(`rule:9010:tag:${so2Tag}`))!.id;
    const ack = await s.alarms.act(operator, { ids: [id], action: 'acknowledge', comment: 'seen' });
    expect(ack.results).toEqual([{ id, ok: true, state: 'active_acknowledged' }]);
    expect((await s.alarms.act(operator, { ids: [id], action: 'acknowledge' })).results).toEqual([{ id, ok: true, state: 'active_acknowledged' }]);
    const journal = await journalOf(id);
    expect(journal.map((j) => [j.why, j.by, j.by_name, j.note])).toEqual([['raised', 'system', null, null], ['acknowledged', '42', 'acme.operator', 'seen']]);
    expect((await alarmOf(`rule:9010:tag:${so2Tag}`))!).toMatchObject({ state: 'acked', acked_by: '42', version: 2 });

    const shelved = await s.alarms.act(operator, { ids: [id], action: 'shelve', reason: 'sensor swap', durationMinutes: 30 });
    expect(shelved.results[0]).toMatchObject({ ok: true, state: 'shelved' });
    const until = Number((await alarmOf(`rule:9010:tag:${so2Tag}`))!.shelved_until);
    expect(await s.alarms.expireShelves(until - 1)).toEqual({ expired: 0 });
    expect(await s.alarms.expireShelves(until)).toEqual({ expired: 1 });
    // Revealed while still active: acknowledged before the shelf is stale, so it waits again.
    expect((await alarmOf(`rule:9010:tag:${so2Tag}`))!.state).toBe('unack');

    await s.registry.devices.update(sys, deviceId, { serviceState: 'maintenance' });
    expect(await s.alarms.setSuppressed(deviceId, true, 'maintenance')).toMatchObject({ changed: expect.any(Number) });
    expect((await alarmOf(`rule:9010:tag:${so2Tag}`))!.state).toBe('suppressed');
    // A new alarm of a device in maintenance is suppressed from the start.
    await s.alarms.applyConditions([{ rule: ruleFor(9011, so2Tag), change: raised(11_000) }]);
    expect((await alarmOf(`rule:9011:tag:${so2Tag}`))!.state).toBe('suppressed');
    const refused = await s.alarms.act(operator, { ids: [id], action: 'acknowledge' });
    expect(refused.results[0]).toMatchObject({ id, ok: false, reason: 'hidden', problem: { status: 409 } });
    await s.registry.devices.update(sys, deviceId, { serviceState: 'in_service' });
    await s.alarms.setSuppressed(deviceId, false, 'back in service');
    expect((await alarmOf(`rule:9011:tag:${so2Tag}`))!.state).toBe('unack');
  });

  it('raises and clears alarms that do not come from a rule, once per source key', async () => {
    const input = { enterpriseId: ent, source: 'ledger', sourceKey: 'ledger:gap:1', category: 'balance' as const, severity: 'medium' as const, level: 'GAP', message: 'Balance gap 12 t', active: true };
    expect(await s.alarms.raise({ ...input, at: 1_000 })).toEqual({ transitions: 1 });
    expect(await s.alarms.raise({ ...input, at: 2_000 })).toEqual({ transitions: 0 });
    expect(await s.alarms.clear({ ...input, at: 3_000 })).toEqual({ transitions: 1 });
    expect(await alarmOf('ledger:gap:1')).toMatchObject({ source: 'ledger', rule_id: null, state: 'rtn_unack', message: 'Balance gap 12 t' });
    await expect(s.alarms.raise({ ...input, source: 'rule', sourceKey: 'rule:1:tag:1' })).rejects.toThrow(/applyConditions/);
  });

  describe('visibility', () => {
    const CATEGORIES = ['emission', 'safety', 'quality', 'process'] as const;
    type Share = { owner: number; grantee: number | null; scope: 'all' | 'emission_safety' | 'none' };
    type Caller = { park: true } | { park: false; enterprise: number };

    /** The rule, written plainly: the owner; the park by default for emission and safety unless its rule says otherwise; partners by rule. */
    function modelSees(c: Caller, a: { owner: number; category: string }, shares: Share[]): boolean {
      const rule = shares.find((x) => x.owner === a.owner && x.grantee === (c.park ? null : c.enterprise));
      const covers = (r: Share | undefined) => r !== undefined && (r.scope === 'all' || (r.scope === 'emission_safety' && PARK_DEFAULT_CATEGORIES.includes(a.category as 'emission')));
      if (c.park) return rule ? covers(rule) : PARK_DEFAULT_CATEGORIES.includes(a.category as 'emission');
      return a.owner === c.enterprise || covers(rule);
    }

    it('shows each caller exactly what the rule says', async () => {
      const owners = [ent, other];
      const worldArb = fc.record({
        shares: fc.uniqueArray(fc.record({ owner: fc.constantFrom(...owners), grantee: fc.option(fc.constantFrom(...owners), { nil: null }), scope: fc.constantFrom('all' as const, 'emission_safety' as const, 'none' as const) }), {
          selector: (x) => `${x.owner}>${x.grantee}`,
          maxLength: 4,
        }).map((xs) => xs.filter((x) => x.owner !== x.grantee)),
        alarms: fc.array(fc.record({ owner: fc.constantFrom(...owners), category: fc.constantFrom(...CATEGORIES) }), { maxLength: 8 }),
        caller: fc.oneof(fc.constant<Caller>({ park: true }), fc.constantFrom(...owners).map((enterprise): Caller => ({ park: false, enterprise }))),
      });
      await fc.assert(
        fc.asyncProperty(worldArb, async ({ shares, alarms, caller }) => {
          const db = s.handle.db;
          await db.deleteFrom('shares').where('kind', '=', 'alarms.alarms').execute();
          await db.deleteFrom('alarm_transitions').where('alarm_id', 'in', db.selectFrom('alarms').select('id').where('source', '=', 'vis')).execute();
          await db.deleteFrom('alarms').where('source', '=', 'vis').execute();
          const now = Date.now();
          for (const x of shares) await db.insertInto('shares').values({ enterprise_id: x.owner, grantee_id: x.grantee, kind: 'alarms.alarms', scope: x.scope, created_at: now, updated_at: now }).execute();
          const ids: number[] = [];
          for (const [i, a] of alarms.entries()) {
            await s.alarms.raise({ enterpriseId: a.owner, source: 'vis', sourceKey: `vis:${i}`, category: a.category, severity: 'low', level: 'X', message: 'x', active: true, at: 1 });
            ids.push((await alarmOf(`vis:${i}`))!.id);
          }
          const ctx: AuthContext = caller.park
            ? { userId: 1, username: 'regulator', role: 'park_viewer', enterpriseId: null, via: 'session' }
            : { userId: 2, username: 'viewer', role: 'enterprise_viewer', enterpriseId: caller.enterprise, via: 'session' };
          const seen = (await s.alarms.list(ctx, { limit: 1000, offset: 0, source: 'vis' })).items.map((x) => x.id).sort((a, b) => a - b);
          expect(seen).toEqual(ids.filter((_, i) => modelSees(caller, alarms[i], shares)).sort((a, b) => a - b));
        }),
        { numRuns: dialect === 'postgres' ? 40 : 100 },
      );
    });
  });

  it("names items from the registry with one read per page, as the names are now", async () => {
    const input = { enterpriseId: ent, source: 'named', category: 'process' as const, severity: 'low' as const, level: 'X', message: 'named', active: true, at: 5_000 };
    await s.alarms.raise({ ...input, sourceKey: 'named:tag', tagId: noxTag, deviceId });
    await s.alarms.raise({ ...input, sourceKey: 'named:device', deviceId });
    await s.alarms.raise({ ...input, sourceKey: 'named:none' });
    const names = vi.spyOn(s.registry, 'namesOf');
    try {
      const page = await s.alarms.list(operator, { source: 'named', limit: 10, offset: 0 });
      expect(names).toHaveBeenCalledTimes(1);
      const byKey = new Map(page.items.map((x) => [x.sourceKey, x]));
      expect(byKey.get('named:tag')).toMatchObject({ tagId: noxTag, tagName: 'NOx', tagKey: 'nox', deviceId, deviceCode: 'acme-cems', enterpriseCode: 'acme' });
      expect(byKey.get('named:device')).toMatchObject({ tagId: null, tagName: null, tagKey: null, deviceCode: 'acme-cems', enterpriseCode: 'acme' });
      expect(byKey.get('named:none')).toMatchObject({ tagName: null, tagKey: null, deviceId: null, deviceCode: null, enterpriseCode: 'acme' });
      // An empty page asks the registry nothing.
      names.mockClear();
      expect((await s.alarms.list(operator, { source: 'nothing-raised-this', limit: 10, offset: 0 })).items).toEqual([]);
      expect(names).not.toHaveBeenCalled();
    } finally {
      names.mockRestore();
    }
    // Names are read when the items are, so a renamed tag shows its new name on get and on the live stream.
    await s.registry.tags.update(sys, noxTag, { name: 'NOx (stack 1)' });
    const id = (await alarmOf('named:tag'))!.id;
    expect(await s.alarms.get(operator, id)).toMatchObject({ tagName: 'NOx (stack 1)', tagKey: 'nox' });
    expect(await s.alarms.store.itemsByIds([id])).toMatchObject([{ id, tagName: 'NOx (stack 1)', deviceCode: 'acme-cems', enterpriseCode: 'acme' }]);
    await s.registry.tags.update(sys, noxTag, { name: 'NOx' });
    // Another enterprise's caller does not see the alarm at all (no share left by the visibility property): 404, not its names.
    await s.handle.db.deleteFrom('shares').where('kind', '=', 'alarms.alarms').execute();
    await expect(s.alarms.get({ ...operator, userId: 43, enterpriseId: other }, id)).rejects.toMatchObject({ status: 404 });
  });

  it('defaults a new rule from what the caller sees of its subject, through the registry', async () => {
    const site = await s.registry.sites.create(sys, { enterpriseId: ent, code: 'acme-site-2', name: 's2' });
    const unit = await s.registry.units.create(sys, { siteId: site.id, code: 'acme-wwtp', name: 'WWTP', kind: 'treatment' });
    const analyser = await s.registry.devices.create(sys, { siteId: site.id, unitId: unit.id, code: 'acme-cod', name: 'COD', kind: 'quality_analyzer', protocol: 'mqtt' });
    await s.registry.tags.create(sys, { deviceId: analyser.id, key: 'cod', name: 'COD', kind: 'quality', unit: 'mg/L' });
    const rule = { kind: 'threshold' as const, high: 50, severity: 'medium' as const };
    // The category follows the kind of the tags of the key on the unit's or kind's devices.
    expect(await s.alarms.rules.create(operator, { ...rule, unitId: unit.id, tagKey: 'cod' })).toMatchObject({ enterpriseId: ent, category: 'quality' });
    expect(await s.alarms.rules.create(operator, { ...rule, deviceKind: 'quality_analyzer', tagKey: 'cod' })).toMatchObject({ enterpriseId: ent, category: 'quality' });
    expect(await s.alarms.rules.create(operator, { ...rule, deviceId: analyser.id, tagKey: 'cod' })).toMatchObject({ enterpriseId: ent, category: 'quality' });
    // A park role names no enterprise: the rule is its subject's owner's.
    const parkAdmin: AuthContext = { userId: 1, username: 'park.admin', role: 'park_admin', enterpriseId: null, via: 'session' };
    expect(await s.alarms.rules.create(parkAdmin, { ...rule, tagId: noxTag })).toMatchObject({ enterpriseId: ent, category: 'emission' });
    expect(await s.alarms.rules.create(parkAdmin, { ...rule, unitId: unit.id, tagKey: 'cod' })).toMatchObject({ enterpriseId: ent, category: 'quality' });
    await expect(s.alarms.rules.create(parkAdmin, { ...rule, tagId: 987_654 })).rejects.toMatchObject({ status: 400, message: 'tagId names nothing' });
    // What another enterprise's caller cannot see is not its subject: never another enterprise's rule.
    const stranger: AuthContext = { userId: 44, username: 'beta.operator', role: 'enterprise_operator', enterpriseId: other, via: 'session' };
    const before = await s.handle.db.selectFrom('alarm_rules').select((eb) => eb.fn.countAll().as('n')).where('enterprise_id', '=', ent).executeTakeFirstOrThrow();
    for (const [subject, field] of [[{ tagId: noxTag }, 'tagId'], [{ unitId: unit.id, tagKey: 'cod' }, 'unitId'], [{ deviceId: analyser.id, tagKey: 'cod' }, 'deviceId']] as const) {
      await expect(s.alarms.rules.create(stranger, { ...rule, ...subject })).rejects.toMatchObject({ status: 400, errors: [expect.objectContaining({ path: `/body/${field}` })] });
    }
    const after = await s.handle.db.selectFrom('alarm_rules').select((eb) => eb.fn.countAll().as('n')).where('enterprise_id', '=', ent).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("fingerprints rules with the registry's tags, devices and time zone", async () => {
    const v0 = await s.alarms.rulesVersion();
    expect(await s.alarms.rulesVersion()).toBe(v0);
    const t = await s.registry.tags.create(sys, { deviceId, key: 'fp', name: 'fp', kind: 'emission', unit: 'mg/m3' });
    const v1 = await s.alarms.rulesVersion();
    expect(v1).not.toBe(v0);
    await s.registry.tags.remove(sys, t.id);
    expect(await s.alarms.rulesVersion()).not.toBe(v1);
    const v2 = await s.alarms.rulesVersion();
    const tz = (await s.registry.getPark()).timezone;
    await s.registry.savePark(sys, { timezone: tz === 'UTC' ? 'Asia/Shanghai' : 'UTC' });
    expect(await s.alarms.rulesVersion()).not.toBe(v2);
    await s.registry.savePark(sys, { timezone: tz });
    // Service states: only devices outside service are named.
    await s.registry.devices.update(sys, deviceId, { serviceState: 'maintenance' });
    expect(await s.alarms.deviceServiceStates([deviceId, deviceId, 987_654])).toEqual(new Map([[deviceId, 'maintenance']]));
    await s.registry.devices.update(sys, deviceId, { serviceState: 'in_service' });
    expect(await s.alarms.deviceServiceStates([deviceId])).toEqual(new Map());
  });

  it('adds each missing tag-limit rule once when several nodes sync at the same time', async () => {
    const t = await s.registry.tags.create(sys, { deviceId, key: 'race', name: 'race', kind: 'quality', unit: 'mg/m3', lowLimit: 3 });
    const audits = async () => Number((await s.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'sync_tag_limits').executeTakeFirstOrThrow()).n);
    const auditsBefore = await audits();
    const results = await Promise.all([s.alarms.syncTagLimitRules(), s.alarms.syncTagLimitRules(), s.alarms.syncTagLimitRules()]);
    expect(results.reduce((n, r) => n + r.added, 0)).toBe(1);
    const rules = await s.handle.db.selectFrom('alarm_rules').selectAll().where('tag_id', '=', t.id).execute();
    expect(rules).toMatchObject([{ origin: 'tag_limits', kind: 'threshold', category: 'quality', enterprise_id: ent }]);
    expect(await audits()).toBe(auditsBefore + 1);
    await s.registry.tags.remove(sys, t.id);
  });
});
