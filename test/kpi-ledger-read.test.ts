/**
 * The KPIs' read of the ledger (FlowLedgerService.readLedgerTotals, KpiService): flows summed per
 * link, recorder, unit and month in SQL give the same indicators as the flows one by one — day
 * rows under their month, a link recorded at month and day grain counted once (the month row), a
 * year row over months, quantities in kg, stocks, a unit that cannot be converted (named flow by
 * flow) — for a month, a quarter and a year; and the trend, read in one query, gives each period's
 * values. On each dialect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../src/app.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import { unscoped } from '../src/core/tenancy.ts';
import type { FlowInput } from '../src/modules/flows/model.ts';
import { computeKpis } from '../src/modules/kpi/compute.ts';
import { parseKpiPeriod } from '../src/modules/kpi/kpi-period.ts';
import { DEFAULT_KPI_SETTINGS, KPI_KEYS, type KpiMaterial, type KpiValue } from '../src/modules/kpi/model.ts';
import { resolveScopes } from '../src/modules/kpi/scopes.ts';
import { loadCatalogue } from '../src/modules/registry/catalogue/catalogue.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';

const dialects = await testDialects();
const ctx = systemContext('test');

/** The catalogue as the KPIs read it. */
const MATERIALS = new Map<string, KpiMaterial>(
  loadCatalogue().materials.map((m) => [
    m.code,
    {
      code: m.code, name: m.name, nameEn: m.nameEn, category: m.category, hazardous: m.hazardous, unit: m.unit, swCode: m.swCode ?? null, hwCode: m.hwCode ?? null,
      densityKgM3: m.densityKgM3 ?? null, lhvMJPerUnit: m.lhvMJPerUnit ?? null, lhvMJPerKg: m.lhvMJPerKg ?? null, kgcePerUnit: m.kgcePerUnit ?? null,
      emissionFactorKgCO2ePerUnit: m.emissionFactorKgCO2ePerUnit ?? null, carbonContentKgCPerKg: m.carbonContentKgCPerKg ?? null,
    },
  ]),
);

const f = (period: string, from: string, to: string, material: string, quantity: number, unit = 't'): FlowInput => ({ period, from, to, material, quantity, unit, sd: null, basis: 'measured' });
const days = (month: string, n: number, from: string, to: string, material: string, each: number, unit = 't') => Array.from({ length: n }, (_, i) => f(`${month}-${String(i + 1).padStart(2, '0')}`, from, to, material, each, unit));

/** Indicators that do not read stated figures (none are stated here). */
const FLOW_KEYS = KPI_KEYS.filter((k) => !/_per_|intensity/.test(k));

describe.each(dialects)('the KPIs’ summed read of the ledger on %s', (dialect) => {
  let db: TestDatabase;
  let s: Services;
  let cokeFlowIds: number[] = [];

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    s = await openServices({ db: db.url, sessionTtlHours: 1 });
    if (!(await s.registry.hasPark())) await s.registry.savePark(ctx, {});
    await s.registry.syncCatalogue(ctx);
    const ids: number[] = [];
    for (const code of ['ea', 'eb']) {
      const e = await s.registry.enterprises.create(ctx, { code, name: code, nameEn: code, industry: 'chemicals' });
      const site = await s.registry.sites.create(ctx, { enterpriseId: e.id, code: `${code}-site`, name: code });
      for (const u of ['u1', 'u2']) await s.registry.units.create(ctx, { siteId: site.id, code: `${code}-${u}`, name: `${code} ${u}`, kind: 'production' });
      ids.push(e.id);
    }
    await s.flows.syncNodes();
    const as = (enterpriseId: number): AuthContext => ({ userId: null, username: 'test', role: 'enterprise_admin', enterpriseId, via: 'system' });
    const [ea, eb] = ids as [number, number];
    const rowsA: FlowInput[] = [];
    for (const month of ['2026-01', '2026-02', '2026-03']) {
      rowsA.push(
        f(month, 'supplier', 'ea-u1', 'RAW_COAL', 100),
        f(month, 'supplier', 'ea-u1', 'ELECTRICITY', 500, 'MWh'),
        f(month, 'ea-u1', 'ea-u2', 'STEAM_LP', 300),
        f(month, 'ea-u1', 'air', 'CARBON_DIOXIDE', 150),
        f(month, 'ea-u2', 'customer', 'CAUSTIC_SODA', 40),
        f(month, 'ea-u2', 'eb', 'FLY_ASH', 12),
        // Recorded by the day, and in kg.
        ...days(month, 5, 'ea-u2', 'landfill', 'BRINE_SLUDGE', 2_000, 'kg'),
        // Recorded at month grain and by the day: the month row counts.
        f(month, 'supplier', 'ea-u2', 'NATURAL_GAS', 9_000, 'm3'),
        ...days(month, 3, 'supplier', 'ea-u2', 'NATURAL_GAS', 2_500, 'm3'),
      );
    }
    // Coke by the day: made unconvertible below (m3, coke has no density), as a flow whose material changed since it was written.
    rowsA.push(...days('2026-02', 2, 'supplier', 'ea-u2', 'COKE', 3));
    // A link recorded for the year as well as monthly: the year row counts for the year.
    rowsA.push(f('2026', 'supplier', 'ea-u1', 'RAW_COAL', 320));
    const wa = await s.flows.writeFlows(as(ea), { source: 'manual', rows: rowsA });
    expect(wa.rejected).toEqual([]);
    const rowsB: FlowInput[] = ['2026-01', '2026-02', '2026-03'].flatMap((month) => [
      ...days(month, 4, 'supplier', 'eb-u1', 'DIESEL', 2.5),
      f(month, 'eb-u1', 'eb-u2', 'LIMESTONE', 80),
      f(month, 'supplier', 'eb-u2', 'LIMESTONE', 20),
      f(month, 'eb-u2', 'storage-yard', 'FLY_ASH', 5),
    ]);
    const wb = await s.flows.writeFlows(as(eb), { source: 'manual', rows: rowsB });
    expect(wb.rejected).toEqual([]);
    for (const e of ids) await s.flows.shares.create(ctx, { enterpriseId: e, granteeId: null, scope: 'all' });
    await s.flows.putStock(as(eb), { node: 'eb-u1', material: 'DIESEL', period: '2026-02', opening: 4, closing: 1, unit: 't', basis: 'measured' });
    await s.flows.putStock(as(ea), { node: 'ea-u2', material: 'BRINE_SLUDGE', period: '2026-03-15', opening: 0, closing: 1.5, unit: 't', basis: 'measured' });
    await unscoped(s.handle.db, 'the test makes two flows unconvertible, as no write through the ledger can').updateTable('flows').set({ unit: 'm3' }).where('material_code', '=', 'COKE').execute();
    cokeFlowIds = (await s.flows.readLedger(ctx, { period: '2026-02' })).flows.filter((x) => x.materialCode === 'COKE').map((x) => x.id);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await db?.drop();
  });

  /** The indicators of every scope from the flows one by one (readLedger, month by month), as before the summed read. */
  async function flowByFlow(periodText: string): Promise<Map<string, KpiValue[]>> {
    const period = parseKpiPeriod(periodText)!;
    const parts = period.kind === 'quarter' ? await Promise.all(period.months.map((m) => s.flows.readLedger(ctx, { period: m }))) : [await s.flows.readLedger(ctx, { period: period.text })];
    const nodes = new Map(parts.flatMap((p) => p.nodes.map((n) => [n.id, n] as const)));
    const enterprises = new Map((await s.registry.directory()).map((e) => [e.id, { code: e.code, name: e.name, nameEn: e.nameEn }]));
    const scopes = resolveScopes([...nodes.values()], enterprises);
    const settings = (await s.kpis.settings(ctx)).settings ?? DEFAULT_KPI_SETTINGS;
    return computeKpis({ period: period.text, nodes: [...nodes.values()], flows: parts.flatMap((p) => p.flows), stocks: parts.flatMap((p) => p.stocks), materials: MATERIALS, settings, figures: new Map() }, scopes);
  }

  it.each(['2026-02', '2026-03', '2026-Q1', '2026'])('gives %s the same indicators as the flows one by one, for every scope', async (period) => {
    const summed = await s.kpis.allScopes(ctx, period);
    const expected = await flowByFlow(period);
    expect([...summed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [scope, values] of expected) {
      const got = summed.get(scope)!;
      for (const key of FLOW_KEYS) {
        const a = got.find((v) => v.key === key)!;
        const b = values.find((v) => v.key === key)!;
        expect(a.value === null ? null : Number(a.value.toPrecision(12)), `${scope} ${key}`).toEqual(b.value === null ? null : Number(b.value.toPrecision(12)));
        expect([...a.missing].sort(), `${scope} ${key}`).toEqual([...b.missing].sort());
      }
    }
    // The park's energy is there to compare at all (February's coke makes it missing in the periods that hold February).
    if (period === '2026-03') expect(summed.get('park')!.find((v) => v.key === 'energy_tce')!.value ?? 0).toBeGreaterThan(0);
    else expect(summed.get('park')!.find((v) => v.key === 'energy_tce')!.missing.filter((m) => m.startsWith('flow '))).toHaveLength(2);
  });

  it('names each flow that cannot be converted, not their sum', async () => {
    const all = await s.kpis.allScopes(ctx, '2026-02');
    const scope1 = all.get('park')!.find((v) => v.key === 'co2_scope1_t')!;
    expect(cokeFlowIds).toHaveLength(2);
    for (const id of cokeFlowIds) expect(scope1.missing.some((m) => m.startsWith(`flow ${id}:`))).toBe(true);
  });

  it('reads a trend in one query and gives each period the values it has on its own', async () => {
    const trend = await s.kpis.trend(ctx, { scope: 'park', from: '2026-01', to: '2026-03' });
    expect(trend.periods).toEqual(['2026-01', '2026-02', '2026-03']);
    for (const [i, period] of trend.periods.entries()) {
      const own = await s.kpis.kpis(ctx, { period, scope: 'park' });
      for (const item of trend.items) expect(item.values[i], `${period} ${item.key}`).toEqual(own.items.find((x) => x.key === item.key)!.value);
    }
  });

  it('sums day rows under their month in SQL, keeping each month apart', async () => {
    const read = await s.flows.readLedgerTotals(ctx, { from: '2026-01', to: '2026-03', summed: true });
    const diesel = read.flows.filter((x) => x.materialCode === 'DIESEL');
    expect(diesel.map((x) => [x.period, x.grain, x.quantity, x.rows])).toEqual([
      ['2026-01', 'day', 10, 4],
      ['2026-02', 'day', 10, 4],
      ['2026-03', 'day', 10, 4],
    ]);
    const one = await s.flows.readLedgerTotals(ctx, { from: '2026-01', to: '2026-03', summed: false });
    expect(one.flows.filter((x) => x.materialCode === 'DIESEL')).toHaveLength(12);
  });
});
