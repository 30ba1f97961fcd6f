import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/modules/registry/catalogue/catalogue.ts';
import { MemoryBus } from '../src/adapters/bus/memory.ts';
import type { RaiseInput } from '../src/modules/alarms/service.ts';
import { CHECKED_LAYERS, enterpriseSystemContext, FlowBalanceCheck } from '../src/modules/flows/balance-check.ts';
import { FlowBalanceService, type LedgerReader } from '../src/modules/flows/balance-service.ts';
import { effectiveSd, type LedgerFlow, type LedgerMaterial, type LedgerNode } from '../src/modules/flows/model.ts';
import { BOUNDARY_NODES } from '../src/modules/flows/model.ts';
import { reconcileNetwork } from '../src/modules/flows/reconcile/network.ts';
import type { NetworkInput } from '../src/modules/flows/reconcile/types.ts';
import { DEMO_FLOW_FAULTS, DEMO_FLOW_SEED, demoFlowMonths, demoFlowRows, demoStreams, faultPeriods, type DemoFlowRow } from './flows.ts';
import { demoFlows, demoPark } from './park.ts';

const BOUNDARY = new Set(['supplier', 'customer', 'air', 'water-body', 'landfill', 'incineration', 'storage-yard']);
const units = new Map(demoPark.enterprises.flatMap((e) => e.sites.flatMap((s) => s.units.map((u) => [u.code, { ...u, enterprise: e.code }] as const))));
const enterpriseOf = (node: string) => units.get(node)?.enterprise;
const materials = new Map(loadCatalogue().materials.map((m) => [m.code, m]));

const months = demoFlowMonths(new Date('2026-12-07T10:00:00+08:00'));
const rows = demoFlowRows(months);
const leakMonths = new Set(faultPeriods(DEMO_FLOW_FAULTS.chlorineLeak, months));
const misreadMonths = new Set(faultPeriods(DEMO_FLOW_FAULTS.brineMeterHigh, months));
const misread = DEMO_FLOW_FAULTS.brineMeterHigh.flow;
const isMisread = (r: DemoFlowRow) => misreadMonths.has(r.period) && r.from === misread.from && r.to === misread.to && r.material === misread.material;

/** Tonnes per unit of the row's quantity, where the material's mass is known. */
function tonnesPer(r: DemoFlowRow): number | null {
  if (r.unit === 't') return 1;
  if (r.unit === 'kg') return 0.001;
  const density = materials.get(r.material)?.densityKgM3;
  return r.unit === 'm3' && density ? density / 1000 : null;
}

/** A row as a flow of one element: its mass of the element and that mass's sd (meter and composition). */
function elementFlow(r: DemoFlowRow, element: string): { value: number; sd: number } | null {
  const share = materials.get(r.material)?.composition?.[element];
  const t = tonnesPer(r);
  if (!share || t === null) return null;
  const mass = r.quantity * t;
  const sdMass = (r.sd ?? 0) * t;
  return { value: mass * share.fraction, sd: Math.hypot(sdMass * share.fraction, mass * (share.sd ?? 0)) };
}

function balance(unit: string, period: string, of: (r: DemoFlowRow) => { value: number; sd: number } | null): { imbalance: number; sd: number; inputs: number; outputs: number } {
  let imbalance = 0;
  let variance = 0;
  let inputs = 0;
  let outputs = 0;
  for (const r of rows) {
    if (r.period !== period || (r.from !== unit && r.to !== unit)) continue;
    const f = of(r);
    if (!f) continue;
    imbalance += r.to === unit ? f.value : -f.value;
    variance += f.sd ** 2;
    if (r.to === unit) inputs++;
    else outputs++;
  }
  return { imbalance, sd: Math.sqrt(variance), inputs, outputs };
}

/** The element's network of one month, every unit a balance and the boundary outside. */
function elementNetwork(period: string, element: string): NetworkInput {
  const flows = rows.filter((r) => r.period === period).flatMap((r) => {
    const f = elementFlow(r, element);
    return f ? [{ id: `${r.from}>${r.to}:${r.material}`, from: BOUNDARY.has(r.from) ? null : r.from, to: BOUNDARY.has(r.to) ? null : r.to, value: f.value, sd: f.sd }] : [];
  });
  const nodes = [...new Set(flows.flatMap((f) => [f.from, f.to]).filter((n): n is string => n !== null))].map((id) => ({ id }));
  return { nodes, flows };
}

function suspectsOf(period: string): string[] {
  const result = reconcileNetwork(elementNetwork(period, 'Cl'));
  if (!result.ok) throw new Error(`the Cl network of ${period} did not reconcile: ${result.detail}`);
  return result.suspects.map((s) => s.id);
}

describe('the demo park\'s year of flows', () => {
  it('covers the 12 complete months before the month it is loaded in', () => {
    expect(months).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(demoFlowMonths(new Date('2026-01-01T00:30:00+08:00')).at(-1)).toBe('2025-12');
  });

  it('is the same for the same months and seed, and different for another seed', () => {
    expect(demoFlowRows(months)).toEqual(rows);
    expect(demoFlowRows(months, DEMO_FLOW_SEED + 1).map((r) => r.quantity)).not.toEqual(rows.map((r) => r.quantity));
  });

  it('names only nodes of the demo park and materials of the catalogue, with a unique key per row', () => {
    for (const r of rows) {
      for (const node of [r.from, r.to]) expect(BOUNDARY.has(node) || units.has(node), node).toBe(true);
      expect(materials.has(r.material), r.material).toBe(true);
      expect(r.quantity, r.sourceKey).toBeGreaterThan(0);
      expect(r.sd, r.sourceKey).toBeGreaterThan(0);
      expect(r.sourceKey).toBe(`demo:${r.period}:${r.from}:${r.to}:${r.material}`);
    }
    expect(new Set(rows.map((r) => r.sourceKey)).size).toBe(rows.length);
  });

  it('gives every meter an uncertainty its kind has: meters 0.5–2 %, estimates 10–20 %', () => {
    for (const r of rows) {
      const rel = r.sd! / r.quantity;
      const [low, high] = r.basis === 'measured' ? [0.0049, 0.0201] : r.basis === 'estimated' ? [0.099, 0.201] : [0, 1];
      expect(rel, r.sourceKey).toBeGreaterThanOrEqual(low);
      expect(rel, r.sourceKey).toBeLessThanOrEqual(high);
    }
  });

  it('carries each of the 34 exchanges at its yearly amount, recorded by the park between units of the two enterprises', () => {
    const streams = demoStreams();
    for (const x of demoFlows) {
      const carried = streams.filter((st) => enterpriseOf(st.from) === x.from && enterpriseOf(st.to) === x.to && st.material === x.materialCode);
      expect(carried.length, `${x.from} → ${x.to} ${x.materialCode}`).toBeGreaterThan(0);
      expect(carried.reduce((sum, st) => sum + st.perYear, 0), `${x.from} → ${x.to} ${x.materialCode}`).toBeCloseTo(x.quantityPerYear, 3);
    }
    for (const r of rows) {
      const between = enterpriseOf(r.from) && enterpriseOf(r.to) && enterpriseOf(r.from) !== enterpriseOf(r.to);
      expect(r.recordedBy, r.sourceKey).toBe(between ? null : (enterpriseOf(r.from) ?? enterpriseOf(r.to)));
    }
  });

  it('gives every unit of the park flows in every month', () => {
    const touched = new Set(rows.filter((r) => r.period === months[0]).flatMap((r) => [r.from, r.to]));
    expect([...units.keys()].filter((u) => !touched.has(u))).toEqual([]);
  });

  it('closes every unit\'s Cl, S, P and N balance within 3σ, the faults apart, and follows every element in and out', () => {
    const open: string[] = [];
    const oneSided: string[] = [];
    for (const period of months) for (const unit of units.keys()) for (const element of ['Cl', 'S', 'P', 'N']) {
      const b = balance(unit, period, (r) => elementFlow(r, element));
      if (b.inputs + b.outputs === 0) continue;
      if (b.inputs === 0 || b.outputs === 0) oneSided.push(`${period} ${unit} ${element}`);
      if (unit === DEMO_FLOW_FAULTS.chlorineLeak.node && leakMonths.has(period)) continue;
      if (misreadMonths.has(period) && (unit === misread.from || unit === misread.to)) continue;
      if (Math.abs(b.imbalance) > 3 * b.sd) open.push(`${period} ${unit} ${element}: ${b.imbalance.toFixed(1)} t (σ ${b.sd.toFixed(1)})`);
    }
    expect(open).toEqual([]);
    // Where an element enters a unit the catalogue can follow it out (raw meal, clinker, cement and plaster carry compositions).
    expect(oneSided).toEqual([]);
  });

  it('passes every material through the stores and warehouses unchanged within 3σ', () => {
    const open: string[] = [];
    const stores = [...units.values()].filter((u) => u.kind === 'storage' || u.kind === 'logistics').map((u) => u.code);
    for (const period of months) for (const unit of stores) {
      for (const material of new Set(rows.filter((r) => r.period === period && (r.from === unit || r.to === unit)).map((r) => r.material))) {
        const b = balance(unit, period, (r) => (r.material === material ? { value: r.quantity, sd: r.sd! } : null));
        const inOnly = rows.some((r) => r.period === period && r.to === unit && r.material === material) !== rows.some((r) => r.period === period && r.from === unit && r.material === material);
        if (!inOnly && Math.abs(b.imbalance) > 3 * b.sd) open.push(`${period} ${unit} ${material}: ${b.imbalance.toFixed(1)} (σ ${b.sd.toFixed(1)})`);
      }
    }
    expect(open).toEqual([]);
  });

  it('plants the chlorine loss: the Cl/H2 treatment loses 3 % of its chlorine in the fault months only', () => {
    for (const period of months) {
      const b = balance('chloralkali-cl-h2', period, (r) => elementFlow({ ...r, quantity: r.trueQuantity }, 'Cl'));
      const input = rows.find((r) => r.period === period && r.to === 'chloralkali-cl-h2' && r.material === 'CHLORINE')!.trueQuantity;
      expect(b.imbalance / input, period).toBeCloseTo(leakMonths.has(period) ? DEMO_FLOW_FAULTS.chlorineLeak.magnitude : 0, 6);
    }
  });

  it('plants the mis-read meter: the brine meter reads 8 % high in the fault months only', () => {
    for (const r of rows.filter((x) => x.from === misread.from && x.to === misread.to && x.material === misread.material)) {
      const error = r.quantity / r.trueQuantity - 1;
      if (isMisread(r)) expect(Math.abs(error - DEMO_FLOW_FAULTS.brineMeterHigh.magnitude)).toBeLessThan(0.02);
      else expect(Math.abs(error)).toBeLessThanOrEqual(0.0101);
    }
  });

  it('lets the reconciliation of the Cl network name the leaking unit and the mis-read meter in the latest month', () => {
    const latest = suspectsOf(months.at(-1)!);
    expect(latest).toContain(DEMO_FLOW_FAULTS.chlorineLeak.node);
    expect(latest).toContain(`${misread.from}>${misread.to}:${misread.material}`);
  });

  it('names the leak, not the meter, while only the leak is there, and neither before the faults', () => {
    for (const period of months) {
      const suspects = suspectsOf(period);
      const leak = suspects.includes(DEMO_FLOW_FAULTS.chlorineLeak.node);
      const meter = suspects.includes(`${misread.from}>${misread.to}:${misread.material}`);
      expect({ period, leak, meter }).toEqual({ period, leak: leakMonths.has(period), meter: misreadMonths.has(period) });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The ledger's own balance check on the demo: each enterprise's unit balances as it sees them.

const ENTERPRISE_IDS = new Map(demoPark.enterprises.map((e, i) => [e.code, 100 + i]));

/** The demo's ledger as the store would give it: every node of the park, and per enterprise the flows with an end at one of its units. */
function demoLedgerNodes(): LedgerNode[] {
  const out: LedgerNode[] = [{ id: 1, enterpriseId: null, code: 'park', name: demoPark.name, nameEn: demoPark.nameEn, kind: 'park', boundaryKind: null, unitId: null, parentId: null }];
  for (const b of BOUNDARY_NODES) out.push({ id: out.length + 1, enterpriseId: null, code: b.code, name: b.name, nameEn: b.nameEn, kind: 'boundary', boundaryKind: b.boundaryKind, unitId: null, parentId: 1 });
  for (const e of demoPark.enterprises) {
    const enterpriseNode = out.length + 1;
    const enterpriseId = ENTERPRISE_IDS.get(e.code)!;
    out.push({ id: enterpriseNode, enterpriseId, code: e.code, name: e.name, nameEn: e.nameEn, kind: 'enterprise', boundaryKind: null, unitId: null, parentId: 1 });
    for (const u of e.sites.flatMap((s) => s.units)) out.push({ id: out.length + 1, enterpriseId, code: u.code, name: u.name, nameEn: u.nameEn, kind: 'unit', boundaryKind: null, unitId: out.length + 1, parentId: enterpriseNode });
  }
  return out;
}

const ledgerNodes = demoLedgerNodes();
const nodeIds = new Map(ledgerNodes.map((n) => [n.code, n.id]));
const ledgerMaterials = new Map<string, LedgerMaterial>(loadCatalogue().materials.map((m) => [m.code, {
  code: m.code, name: m.name, nameEn: m.nameEn, category: m.category, hazardous: m.hazardous, unit: m.unit,
  densityKgM3: m.densityKgM3 ?? null, lhvMJPerUnit: m.lhvMJPerUnit ?? null, lhvMJPerKg: m.lhvMJPerKg ?? null, composition: m.composition ?? null,
}]));

/** What the balance check reads: the demo's rows of a month that an enterprise sees (those with an end at its units). */
const demoLedger: LedgerReader = {
  async readLedger(ctx, q) {
    const own = ctx.enterpriseId;
    const mine = (code: string) => own !== null && ENTERPRISE_IDS.get(enterpriseOf(code) ?? '') === own;
    const flows = rows.filter((r) => r.period === q.period && (mine(r.from) || mine(r.to))).map((r, i): LedgerFlow => ({
      id: i + 1, enterpriseId: r.recordedBy === null ? null : ENTERPRISE_IDS.get(r.recordedBy)!, grain: 'month', period: r.period,
      fromNodeId: nodeIds.get(r.from)!, toNodeId: nodeIds.get(r.to)!, materialCode: r.material, quantity: r.quantity, unit: r.unit,
      sd: effectiveSd(r.quantity, r.sd, r.basis), basis: r.basis, source: 'csv',
    }));
    return { grain: 'month', period: q.period, nodes: ledgerNodes, flows, stocks: [] };
  },
  async materials() {
    return ledgerMaterials;
  },
};

const balances = new FlowBalanceService(demoLedger);

/** Each checked layer's unit-level report for one enterprise and month, as the check computes them. */
async function checkedReports(enterprise: string, period: string) {
  const enterpriseId = ENTERPRISE_IDS.get(enterprise)!;
  const ledger = await demoLedger.readLedger(enterpriseSystemContext(enterpriseId), { period, enterpriseId });
  return CHECKED_LAYERS.map(({ label, layer }) => ({ label, report: balances.reconciledReport(ledger, ledgerMaterials, { level: 'unit', layer, scopeEnterpriseId: enterpriseId }) }));
}

describe('the ledger\'s balance check on the demo park', () => {
  const faultMonths = new Set([...leakMonths, ...misreadMonths]);
  const cleanMonths = months.filter((m) => !faultMonths.has(m));

  it('checks total mass and the Cl, S, P and N loops', () => {
    expect(CHECKED_LAYERS.map((l) => l.layer)).toEqual([
      { kind: 'mass', material: null },
      ...['Cl', 'S', 'P', 'N'].map((element) => ({ kind: 'element', element })),
    ]);
  });

  it('finds every enterprise\'s unit balances reconciled, with no suspects, in every month before the faults', async () => {
    expect(cleanMonths.length).toBeGreaterThanOrEqual(8);
    const findings: string[] = [];
    for (const enterprise of ENTERPRISE_IDS.keys()) for (const period of cleanMonths) {
      for (const { label, report } of await checkedReports(enterprise, period)) {
        const r = report.reconciliation;
        if (!r.ok) findings.push(`${enterprise} ${period} ${label}: ${r.problem?.detail}`);
        else if (r.passed === false || report.suspects.length) findings.push(`${enterprise} ${period} ${label}: p ${r.pValue}, suspects ${report.suspects.map((s) => s.key).join(', ')}`);
      }
    }
    expect(findings).toEqual([]);
  });

  it('raises no balance alarm for any enterprise before the faults', async () => {
    const raised: RaiseInput[] = [];
    const check = new FlowBalanceCheck({ bus: new MemoryBus(), ledger: demoLedger, balances, alarms: { raise: async (input) => void raised.push(input) } });
    for (const id of ENTERPRISE_IDS.values()) for (const period of cleanMonths) await check.check(id, period);
    expect(raised.filter((a) => a.active).map((a) => a.message)).toEqual([]);
    expect(raised).toHaveLength(ENTERPRISE_IDS.size * cleanMonths.length);
  });

  it('names the leaking unit and the mis-read brine meter for Cl in the fault months, only at the chlor-alkali works', async () => {
    const misreadKey = `${misread.from}>${misread.to}:${misread.material}`;
    for (const period of months.filter((m) => faultMonths.has(m))) {
      for (const enterprise of ENTERPRISE_IDS.keys()) {
        const reports = await checkedReports(enterprise, period);
        if (enterprise !== 'chloralkali') {
          expect(reports.flatMap(({ label, report }) => report.suspects.map((s) => `${label}: ${s.key}`)), `${enterprise} ${period}`).toEqual([]);
          continue;
        }
        const chlorine = reports.find((r) => r.label === 'chlorine (Cl)')!.report;
        const named = chlorine.suspects.map((s) => s.key);
        expect(named.includes(DEMO_FLOW_FAULTS.chlorineLeak.node), `${period}: ${named.join(', ')}`).toBe(leakMonths.has(period));
        expect(named.includes(misreadKey), `${period}: ${named.join(', ')}`).toBe(misreadMonths.has(period));
        expect(chlorine.reconciliation.passed).toBe(false);
      }
    }
  });
});
