/**
 * A quick timing check of the pure KPI computation (not the benchmark: `npm run bench:kpis` times
 * the whole path with the reads). A generated park of about 500 nodes (55 enterprises of 8 units,
 * the park, the boundary) and 20,000 flows of the shipped catalogue's materials per month; every
 * scope (park, enterprises, units) computed for each of 12 months. Target: well under 100 ms a month.
 * Each enterprise draws its flows from a palette of 15 materials (a plant handles a few dozen at
 * most); `--spread` draws every flow from the whole catalogue instead (every unit then touches some
 * 60 materials: the worst case). CPU time is printed beside wall time (a busy machine inflates the latter).
 *
 *   npx tsx bench/kpi-compute-timing.ts
 */
import catalogue from '../src/modules/registry/catalogue/materials.v2.json' with { type: 'json' };
import type { LedgerFlow, LedgerNode } from '../src/modules/flows/model.ts';
import { computeKpis } from '../src/modules/kpi/compute.ts';
import { DEFAULT_KPI_SETTINGS, type KpiMaterial, type ScopeFigures } from '../src/modules/kpi/model.ts';
import { resolveScopes } from '../src/modules/kpi/scopes.ts';
import { mulberry32 } from './lib.ts';

const uniform = mulberry32(42);
const int = (n: number) => Math.floor(uniform() * n);

type Entry = Record<string, unknown> & { code: string; unit: string; category: string };
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const materials = new Map<string, KpiMaterial>(
  (catalogue as { materials: Entry[] }).materials.map((m) => [
    m.code,
    {
      code: m.code, name: String(m.name), nameEn: (m.nameEn as string) ?? null, category: m.category, hazardous: m.hazardous === true, unit: m.unit,
      swCode: (m.swCode as string) ?? null, hwCode: (m.hwCode as string) ?? null, densityKgM3: num(m.densityKgM3), lhvMJPerUnit: num(m.lhvMJPerUnit), lhvMJPerKg: num(m.lhvMJPerKg),
      kgcePerUnit: num(m.kgcePerUnit), emissionFactorKgCO2ePerUnit: num(m.emissionFactorKgCO2ePerUnit), carbonContentKgCPerKg: num(m.carbonContentKgCPerKg),
    },
  ]),
);
const codes = [...materials.keys()];

const nodes: LedgerNode[] = [{ id: 1, enterpriseId: null, code: 'park', name: 'park', nameEn: null, kind: 'park', boundaryKind: null, unitId: null, parentId: null }];
const boundaries = (['supplier', 'customer', 'air', 'water_body', 'landfill', 'incineration', 'storage_yard'] as const).map((kind, i) => {
  const n: LedgerNode = { id: 2 + i, enterpriseId: null, code: kind, name: kind, nameEn: null, kind: 'boundary', boundaryKind: kind, unitId: null, parentId: null };
  nodes.push(n);
  return n.id;
});
const units: number[] = [];
const enterprises = new Map<number, { code: string; name: string; nameEn: string | null }>();
let id = 100;
for (let e = 1; e <= 55; e++) {
  const eid = id++;
  enterprises.set(e, { code: `E${e}`, name: `E${e}`, nameEn: null });
  nodes.push({ id: eid, enterpriseId: e, code: `E${e}`, name: `E${e}`, nameEn: null, kind: 'enterprise', boundaryKind: null, unitId: null, parentId: 1 });
  for (let u = 0; u < 8; u++) {
    const uid = id++;
    units.push(uid);
    nodes.push({ id: uid, enterpriseId: e, code: `E${e}-U${u}`, name: `E${e}-U${u}`, nameEn: null, kind: 'unit', boundaryKind: null, unitId: uid, parentId: eid });
  }
}
const scopes = resolveScopes(nodes, enterprises);
const figures = new Map<string, ScopeFigures>(scopes.map((s) => [s.key, { valueAdded10kCny: 1000 + int(1000), productionT: 100 + int(100), mainProduct: null }]));

const SPREAD = process.argv.includes('--spread');
const palettes = new Map<number, string[]>(Array.from({ length: 55 }, (_, e) => [e + 1, Array.from({ length: 15 }, () => codes[int(codes.length)]!)]));
const enterpriseOf = new Map(nodes.map((n) => [n.id, n.enterpriseId]));

function monthFlows(month: string): LedgerFlow[] {
  const flows: LedgerFlow[] = [];
  for (let i = 0; i < 20_000; i++) {
    const r = uniform();
    const from = r < 0.3 ? boundaries[int(boundaries.length)]! : units[int(units.length)]!;
    // Most flows stay within an enterprise; a fifth are exchanges with another.
    const own = enterpriseOf.get(from) ?? null;
    const sameEnterprise = own !== null && uniform() < 0.8;
    let to = r >= 0.3 && r < 0.6 ? boundaries[int(boundaries.length)]! : sameEnterprise ? units[(own! - 1) * 8 + int(8)]! : units[int(units.length)]!;
    if (to === from) to = units[(units.indexOf(from) + 1) % units.length]!;
    const palette = palettes.get(enterpriseOf.get(from) ?? enterpriseOf.get(to) ?? 1)!;
    const code = SPREAD ? codes[int(codes.length)]! : palette[int(palette.length)]!;
    flows.push({ id: flows.length + 1, enterpriseId: null, grain: 'month', period: month, fromNodeId: from, toNodeId: to, materialCode: code, quantity: 1 + int(1000), unit: materials.get(code)!.unit, sd: 0, basis: 'measured', source: 'manual' });
  }
  return flows;
}

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const data = months.map(monthFlows);
const settings = { ...DEFAULT_KPI_SETTINGS, avoidedFactors: { FLY_ASH: 0.3 } };
// One warm-up month, then the 12 timed.
computeKpis({ period: months[0]!, nodes, flows: data[0]!, stocks: [], materials, settings, figures }, scopes);
const times: number[] = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < months.length; i++) {
  const t0 = performance.now();
  const r = computeKpis({ period: months[i]!, nodes, flows: data[i]!, stocks: [], materials, settings, figures }, scopes);
  times.push(performance.now() - t0);
  if (r.size !== scopes.length) throw new Error('a scope is missing');
}
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const total = times.reduce((s, t) => s + t, 0);
console.log(`${nodes.length} nodes, ${scopes.length} scopes, 20,000 flows/month × 12${SPREAD ? ' (spread)' : ''}: wall ${total.toFixed(0)} ms (per month mean ${(total / 12).toFixed(1)}, max ${Math.max(...times).toFixed(1)}), CPU ${cpuMs.toFixed(0)} ms (per month ${(cpuMs / 12).toFixed(1)})`);
