/**
 * The green KPIs (issue 12, docs/kpis.md): every indicator for every unit, enterprise and the park
 * for 12 months, cold, against a single SQL aggregate of the same flows.
 *
 * Setup (not timed): a generated park of 500 flow nodes — 40 enterprises of 11 or 12 process units
 * (a utility unit with boilers, a wastewater treatment unit, production units), the park node and
 * the 7 boundary nodes — in the registry, synced to the ledger, and 20,000 flows a month for the
 * 12 months of 2025, written through the ledger's `writeFlows` as each enterprise records them
 * (its own links, and deliveries to other enterprises' enterprise nodes), shared with the park.
 * The mix: fuels (coal, natural gas, fuel gas, diesel), purchased electricity, steam from the
 * utility units, water taken in, reused and discharged, raw materials, products to customers,
 * intermediates between units, general (SW) and hazardous (HW) wastes to landfill, incineration,
 * storage yards or other enterprises, CO2 to air; most links recorded monthly, a share of them daily
 * (as telemetry totals give), 5 % of the t-materials written in kg. Each enterprise states its
 * value added and production for each month.
 *
 * Timed, each on a new services instance over the same SQLite file (no warm caches of ours):
 * `services.kpis.allScopes(parkCtx, month)` for the 12 months (every scope: park, enterprises,
 * units), and the baseline, one SQL aggregate of the same flows (SUM(quantity) GROUP BY month,
 * from node, to node, material). `--quick`: 100 nodes, 4,000 flows a month. Progress on stderr;
 * the last line is the JSON result.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openServices, type Services } from '../src/app.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import { unscoped } from '../src/core/tenancy.ts';
import type { FlowBasis, FlowInput } from '../src/modules/flows/model.ts';
import { DEFAULT_KPI_SETTINGS } from '../src/modules/kpi/model.ts';
import { mulberry32, printResult, QUICK } from './lib.ts';

const log = (s: string) => process.stderr.write(s + '\n');

const ENTERPRISES = QUICK ? 8 : 40;
const NODES = QUICK ? 100 : 500;
const FLOWS_PER_MONTH = QUICK ? 4_000 : 20_000;
const YEAR = 2025;
const MONTHS = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
/** The park node and the boundary nodes every park has (supplier, customer, air, water-body, landfill, incineration, storage-yard). */
const FIXED_NODES = 8;
const TARGET_KPI_S = 2;
/** `--keep`: leave the generated store for a profiler. */
const KEEP = process.argv.includes('--keep');

function rng(seed: number) {
  const uniform = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(uniform() * xs.length)]!;
  return { uniform, pick };
}
const r = rng(12);

const INDUSTRIES = ['chemicals', 'petrochemicals', 'polymers', 'fertilizers', 'pharma', 'building_materials', 'energy', 'recycling'] as const;
const FUELS = ['RAW_COAL', 'NATURAL_GAS', 'FUEL_GAS', 'DIESEL'];
/** A production unit's monthly fuel, in the fuel's catalogue unit (t; natural gas m3). */
const FUEL_MEDIAN: Readonly<Record<string, number>> = { RAW_COAL: 1_500, NATURAL_GAS: 500_000, FUEL_GAS: 300, DIESEL: 50 };
const RAW = ['SALT', 'LIMESTONE', 'METHANOL', 'PHOSPHATE_ROCK', 'AMMONIA', 'TOLUENE'];
const PRODUCTS = ['CAUSTIC_SODA', 'PVC_RESIN', 'PE_PELLETS', 'SULFURIC_ACID', 'MAP', 'CEMENT', 'HYDROCHLORIC_ACID'];
const INTERMEDIATES = ['EDC', 'VCM', 'PHOSPHORIC_ACID', 'CLINKER', 'ETHYLENE'];
const GENERAL_WASTES = ['CARBIDE_SLAG', 'PHOSPHOGYPSUM', 'FLY_ASH', 'BOTTOM_ASH', 'FGD_GYPSUM', 'BRINE_SLUDGE'];
const HAZARDOUS_WASTES = ['SPENT_SOLVENT', 'WASTE_MINERAL_OIL', 'DISTILLATION_RESIDUE', 'SPENT_CATALYST_FCC', 'WASTE_ACID'];
const WASTE_SINKS = ['landfill', 'incineration', 'storage-yard'];

/** A link of the ledger: recorded monthly, or daily for `days` days of each month. */
interface Link {
  recorder: number;
  from: string;
  to: string;
  material: string;
  unit: string;
  /** Monthly quantity in `unit`. */
  monthly: number;
  basis: FlowBasis;
  daily: boolean;
}

interface Park {
  enterprises: { id: number; code: string; units: string[] }[];
  links: Link[];
}

const lognormal = (median: number) => median * Math.exp(0.8 * (r.uniform() + r.uniform() + r.uniform() - 1.5));
const basis = (): FlowBasis => {
  const x = r.uniform();
  return x < 0.55 ? 'measured' : x < 0.8 ? 'calculated' : x < 0.95 ? 'estimated' : 'exact';
};

/** The registry: enterprises with a site and their units; the ledger's nodes follow it. */
async function buildRegistry(s: Services, ctx: AuthContext): Promise<Park['enterprises']> {
  const units = NODES - FIXED_NODES - ENTERPRISES;
  const out: Park['enterprises'] = [];
  for (let e = 0; e < ENTERPRISES; e++) {
    const code = `e${String(e + 1).padStart(2, '0')}`;
    const ent = await s.registry.enterprises.create(ctx, { code, name: `企业${e + 1}`, nameEn: `Enterprise ${e + 1}`, industry: INDUSTRIES[e % INDUSTRIES.length]! });
    const site = await s.registry.sites.create(ctx, { enterpriseId: ent.id, code: `${code}-site`, name: `${code} 厂区` });
    const count = Math.floor(units / ENTERPRISES) + (e < units % ENTERPRISES ? 1 : 0);
    const codes: string[] = [];
    for (let u = 0; u < count; u++) {
      const kind = u === 0 ? 'utility' : u === 1 ? 'treatment' : 'production';
      const unitCode = `${code}-u${String(u + 1).padStart(2, '0')}`;
      await s.registry.units.create(ctx, { siteId: site.id, code: unitCode, name: `${code} 装置${u + 1}`, kind });
      codes.push(unitCode);
    }
    out.push({ id: ent.id, code, units: codes });
    if ((e + 1) % 10 === 0 || e + 1 === ENTERPRISES) log(`  registry: ${e + 1}/${ENTERPRISES} enterprises`);
  }
  await s.flows.syncNodes();
  return out;
}

/** The links of each enterprise (see the header). */
function generateLinks(enterprises: Park['enterprises']): Link[] {
  const links: Link[] = [];
  const add = (recorder: number, from: string, to: string, material: string, unit: string, median: number) =>
    links.push({ recorder, from, to, material, unit, monthly: lognormal(median), basis: basis(), daily: false });
  for (const [i, ent] of enterprises.entries()) {
    const [utility, treatment, ...production] = ent.units as [string, string, ...string[]];
    const id = ent.id;
    // The utility unit: coal and water in, steam and cooling water to every production unit, ash out, CO2 to air.
    add(id, 'supplier', utility, 'RAW_COAL', 't', 3_000);
    add(id, 'supplier', utility, 'INDUSTRIAL_WATER', 'm3', 40_000);
    add(id, 'supplier', utility, 'ELECTRICITY', 'kWh', 200_000);
    add(id, utility, 'air', 'CARBON_DIOXIDE', 't', 7_000);
    add(id, utility, r.pick(WASTE_SINKS), 'FLY_ASH', 't', 400);
    add(id, utility, 'landfill', 'BOTTOM_ASH', 't', 120);
    add(id, utility, treatment, 'WASTEWATER', 'm3', 3_000);
    // Wastewater treatment: discharge, sludge, treated water back to the utility unit.
    add(id, treatment, 'water-body', 'WASTEWATER', 'm3', 20_000);
    add(id, treatment, utility, 'TREATED_WATER', 'm3', 6_000);
    add(id, treatment, 'landfill', 'WWTP_SLUDGE', 't', 60);
    add(id, 'supplier', treatment, 'ELECTRICITY', 'kWh', 50_000);
    for (const [k, unit] of production.entries()) {
      add(id, utility, unit, k % 3 === 0 ? 'STEAM_HP' : 'STEAM_LP', 't', 1_500);
      add(id, utility, unit, 'COOLING_WATER', 'm3', 8_000);
      add(id, 'supplier', unit, 'ELECTRICITY', 'kWh', 300_000);
      add(id, 'supplier', unit, r.pick(RAW), 't', 2_000);
      if (k % 2 === 0) add(id, 'supplier', unit, r.pick(RAW), 't', 800);
      if (k % 3 === 1) {
        const fuel = r.pick(FUELS);
        add(id, 'supplier', unit, fuel, fuel === 'NATURAL_GAS' ? 'm3' : 't', FUEL_MEDIAN[fuel]!);
      }
      add(id, unit, 'customer', r.pick(PRODUCTS), 't', 2_500);
      if (k + 1 < production.length) add(id, unit, production[k + 1]!, r.pick(INTERMEDIATES), 't', 1_200);
      add(id, unit, treatment, 'WASTEWATER', 'm3', 2_500);
      add(id, unit, r.pick(WASTE_SINKS), r.pick(GENERAL_WASTES), 't', 300);
      if (k % 2 === 1) add(id, unit, r.uniform() < 0.7 ? 'incineration' : 'storage-yard', r.pick(HAZARDOUS_WASTES), 't', 15);
      if (k % 4 === 2) add(id, unit, 'air', 'CARBON_DIOXIDE', 't', 2_000);
      // Exchanges: a by-product or waste to another enterprise that uses it, steam or hydrogen sold.
      if (k % 3 === 0) {
        const other = enterprises[(i + 1 + Math.floor(r.uniform() * (enterprises.length - 1))) % enterprises.length]!;
        const x = r.uniform();
        if (x < 0.6) add(id, unit, other.code, r.pick(GENERAL_WASTES), 't', 500);
        else if (x < 0.8) add(id, unit, other.code, 'STEAM_LP', 't', 800);
        else add(id, unit, other.code, 'HYDROGEN_BYPRODUCT', 'Nm3', 200_000);
      }
    }
  }
  // 5 % of the t-materials written in kg, some electricity in MWh: the ledger converts.
  for (const l of links) {
    if (l.unit === 't' && r.uniform() < 0.05) {
      l.unit = 'kg';
      l.monthly *= 1000;
    } else if (l.unit === 'kWh' && r.uniform() < 0.2) {
      l.unit = 'MWh';
      l.monthly /= 1000;
    }
  }
  return links;
}

const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/**
 * One month's rows, exactly `FLOWS_PER_MONTH`: every link once a month, except `daily` links
 * written day by day; the remainder is one more link metered for part of the month.
 */
function monthRows(links: readonly Link[], month: string): Map<number, FlowInput[]> {
  const days = daysIn(month);
  const pool = links.slice(0, Math.min(links.length, FLOWS_PER_MONTH));
  const extra = FLOWS_PER_MONTH - pool.length;
  const daily = Math.floor(extra / (days - 1));
  const partial = extra - daily * (days - 1);
  const byRecorder = new Map<number, FlowInput[]>();
  const push = (l: Link, period: string, quantity: number, key: string) => {
    const list = byRecorder.get(l.recorder) ?? [];
    byRecorder.set(l.recorder, list);
    list.push({ period, from: l.from, to: l.to, material: l.material, quantity: Number(quantity.toPrecision(6)), unit: l.unit, sd: null, basis: l.basis, sourceKey: key });
  };
  // Spread the daily links over the pool (every k-th link).
  const stride = daily + (partial ? 1 : 0) > 0 ? Math.max(1, Math.floor(pool.length / (daily + (partial ? 1 : 0)))) : 0;
  let dailyLeft = daily;
  let partialLeft = partial ? 1 : 0;
  pool.forEach((l, i) => {
    const noise = () => 1 + 0.1 * (r.uniform() - 0.5);
    const isDaily = stride > 0 && i % stride === 0 && (dailyLeft > 0 || partialLeft > 0);
    if (!isDaily) return push(l, month, l.monthly * noise(), `bench/${i}/${month}`);
    const n = dailyLeft > 0 ? days : partial + 1;
    if (dailyLeft > 0) dailyLeft--;
    else partialLeft--;
    for (let d = 1; d <= n; d++) push(l, `${month}-${String(d).padStart(2, '0')}`, (l.monthly / days) * noise(), `bench/${i}/${month}-${d}`);
  });
  return byRecorder;
}

async function setup(dbFile: string): Promise<{ enterprises: number; units: number; links: number }> {
  const s = await openServices({ db: `sqlite:${dbFile}`, sessionTtlHours: 1 });
  try {
    const ctx = systemContext('bench');
    if (!(await s.registry.hasPark())) await s.registry.savePark(ctx, {});
    await s.registry.syncCatalogue(ctx);
    const t0 = performance.now();
    const enterprises = await buildRegistry(s, ctx);
    const links = generateLinks(enterprises);
    log(`  registry and nodes: ${((performance.now() - t0) / 1000).toFixed(1)} s; ${links.length} links`);
    // The park's accounting: the national defaults, plus what makes the exchange and circularity indicators count.
    await s.kpis.putSettings(ctx, {
      ...DEFAULT_KPI_SETTINGS,
      avoidedFactors: { CARBIDE_SLAG: 0.45, FLY_ASH: 0.3, PHOSPHOGYPSUM: 0.1, BOTTOM_ASH: 0.05, FGD_GYPSUM: 0.1, BRINE_SLUDGE: 0.02, STEAM_LP: 0.25, HYDROGEN_BYPRODUCT: 0.0012 },
      circularity: {
        PE_PELLETS: { recoveryPotential: 0.6, actualRecovery: 0.25, recycledContent: 0.1 },
        PVC_RESIN: { recoveryPotential: 0.5, actualRecovery: 0.15 },
        CEMENT: { recoveryPotential: 0.3, actualRecovery: 0.05 },
        TREATED_WATER: { recycledContent: 1 },
        FLY_ASH: { recycledContent: 1 },
      },
    });
    // Each enterprise shares its flows with the park, which computes the park's KPIs from them.
    for (const e of enterprises) await s.flows.shares.create(ctx, { enterpriseId: e.id, granteeId: null, scope: 'all' });
    const db = unscoped(s.handle.db, 'the benchmark states every enterprise’s value added');
    const now = Date.now();
    const inputs = enterprises.flatMap((e) => MONTHS.map((m) => ({ enterprise_id: e.id, node_id: null, period: m, value_added_10k_cny: Number(lognormal(3_000).toFixed(1)), production_t: Number(lognormal(20_000).toFixed(0)), main_product: null, note: null, created_at: now, updated_at: now })));
    for (let i = 0; i < inputs.length; i += 200) await db.insertInto('kpi_inputs').values(inputs.slice(i, i + 200)).execute();
    const written = { rows: 0, t: performance.now() };
    for (const month of MONTHS) {
      for (const [recorder, rows] of monthRows(links, month)) {
        const ectx: AuthContext = { userId: null, username: 'bench', role: 'enterprise_admin', enterpriseId: recorder, via: 'system' };
        const res = await s.flows.writeFlows(ectx, { source: 'telemetry', rows });
        if (res.rejected.length) throw new Error(`writeFlows refused ${res.rejected.length} rows, e.g. ${JSON.stringify(res.rejected.slice(0, 3))}`);
        written.rows += res.written;
      }
      log(`  flows: ${month} written (${written.rows.toLocaleString('en')} rows, ${((performance.now() - written.t) / 1000).toFixed(0)} s)`);
    }
    return { enterprises: enterprises.length, units: enterprises.reduce((n, e) => n + e.units.length, 0), links: links.length };
  } finally {
    await s.close();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-bench-kpis-'));
  const dbFile = path.join(dir, 'kpis.db');
  log(`bench:kpis — ${NODES} nodes, ${FLOWS_PER_MONTH.toLocaleString('en')} flows a month × 12${QUICK ? ' (quick)' : ''}; store ${dbFile}`);
  try {
    const park = await setup(dbFile);
    const ctx = systemContext('bench');

    // Baseline: one SQL aggregate of the same totals, on a new instance.
    const b = await openServices({ db: `sqlite:${dbFile}`, sessionTtlHours: 1 });
    let baselineS: number;
    let aggregateRows: number;
    let flowCount: number;
    let nodeCount: number;
    try {
      const db = unscoped(b.handle.db, 'the baseline aggregates every flow');
      const t0 = performance.now();
      const rows = await sql<{ month: string; from_node_id: number; to_node_id: number; material_code: string; total: number }>`
        select substr(period, 1, 7) as month, from_node_id, to_node_id, material_code, sum(quantity) as total
        from flows where period >= ${MONTHS[0]!} and period < ${`${YEAR}.`}
        group by substr(period, 1, 7), from_node_id, to_node_id, material_code`.execute(db);
      baselineS = (performance.now() - t0) / 1000;
      aggregateRows = rows.rows.length;
      flowCount = Number((await db.selectFrom('flows').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      nodeCount = Number((await db.selectFrom('flow_nodes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    } finally {
      await b.close();
    }
    log(`  baseline: ${aggregateRows.toLocaleString('en')} aggregate rows in ${baselineS.toFixed(3)} s`);

    // The KPIs, cold: a new instance, every scope of every month.
    const s = await openServices({ db: `sqlite:${dbFile}`, sessionTtlHours: 1 });
    let kpiS: number;
    let scopes = 0;
    let values = 0;
    let missing = 0;
    const perMonth: number[] = [];
    let parkValues: { key: string; value: number | null; unit: string }[] = [];
    try {
      const t0 = performance.now();
      for (const month of MONTHS) {
        const m0 = performance.now();
        const all = await s.kpis.allScopes(ctx, month);
        perMonth.push((performance.now() - m0) / 1000);
        scopes = all.size;
        for (const list of all.values()) {
          for (const v of list) {
            if (v.value === null) missing++;
            else values++;
          }
        }
        if (month === MONTHS[0]) parkValues = (all.get('park') ?? []).map((v) => ({ key: v.key, value: v.value, unit: v.unit }));
        log(`  kpis: ${month} ${all.size} scopes in ${perMonth[perMonth.length - 1]!.toFixed(3)} s`);
      }
      kpiS = (performance.now() - t0) / 1000;
    } finally {
      await s.close();
    }

    // Where the time goes: the same 12 reads alone (flows summed per link and month, as the KPIs read them), on a new instance;
    // and, for comparison, the balances' read of every flow row (readLedger), on another.
    const l = await openServices({ db: `sqlite:${dbFile}`, sessionTtlHours: 1 });
    let readS: number;
    let summedRows = 0;
    try {
      const t0 = performance.now();
      for (const month of MONTHS) summedRows += (await l.flows.readLedgerTotals(ctx, { from: month, to: month, summed: true })).flows.length;
      readS = (performance.now() - t0) / 1000;
    } finally {
      await l.close();
    }
    const f = await openServices({ db: `sqlite:${dbFile}`, sessionTtlHours: 1 });
    let rowReadS: number;
    try {
      const t0 = performance.now();
      for (const month of MONTHS) await f.flows.readLedger(ctx, { period: month });
      rowReadS = (performance.now() - t0) / 1000;
    } finally {
      await f.close();
    }
    log(`  ledger reads alone: ${readS.toFixed(3)} s (summed, ${summedRows.toLocaleString('en')} rows); every row: ${rowReadS.toFixed(3)} s`);

    const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    const fmt = (x: number | null) => (x === null ? '—' : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(4));
    const out = [
      '',
      `bench:kpis  ${nodeCount} nodes (${park.enterprises} enterprises, ${park.units} units), ${flowCount.toLocaleString('en')} flows (${park.links.toLocaleString('en')} links), 12 months`,
      '',
      `(machine: ${os.cpus().length} cores, load average ${load}; timings on a busy machine are not the code's)`,
      '',
      '| run | seconds | what |',
      '|---|---:|---|',
      `| KPIs, cold | ${kpiS.toFixed(3)} | allScopes × 12 months: ${scopes} scopes a month, ${values.toLocaleString('en')} values (${missing.toLocaleString('en')} without a value: inputs missing) |`,
      `| of which ledger reads | ${readS.toFixed(3)} | readLedgerTotals × 12 alone, cold: the flows the park sees (share filter), summed per link, recorder, unit and month in SQL: ${summedRows.toLocaleString('en')} rows |`,
      `| (every flow row) | ${rowReadS.toFixed(3)} | readLedger × 12, cold, for comparison: the balances' read of each row, all columns |`,
      `| per month | ${Math.min(...perMonth).toFixed(3)}–${Math.max(...perMonth).toFixed(3)} | min–max |`,
      `| SQL aggregate | ${baselineS.toFixed(3)} | GROUP BY month, from, to, material: ${aggregateRows.toLocaleString('en')} rows |`,
      `| ratio | ${(kpiS / baselineS).toFixed(1)}× | target: KPIs < ${TARGET_KPI_S} s ${kpiS < TARGET_KPI_S ? '(met)' : '(NOT met)'} |`,
      '',
      `The park in ${MONTHS[0]}:`,
      ...parkValues.map((v) => `  ${v.key.padEnd(36)} ${fmt(v.value).padStart(14)} ${v.unit}`),
      '',
    ];
    log(out.join('\n'));
    printResult({ bench: 'kpis', unit: 's', value: Number(kpiS.toFixed(3)), reads: Number(readS.toFixed(3)), baseline: Number(baselineS.toFixed(3)), ratio: Number((kpiS / baselineS).toFixed(2)), flows: flowCount, nodes: nodeCount, scopes, quick: QUICK });
  } finally {
    if (KEEP) log(`  kept ${dbFile}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
