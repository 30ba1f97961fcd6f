import { describe, expect, it } from 'vitest';
import { balanceAlarm, periodsToCheck } from './balance-check.ts';
import { buildBalanceView } from './balance.ts';
import { balanceReport } from './balance-report.ts';
import type { LedgerFlow, LedgerMaterial, LedgerNode } from './model.ts';
import { balanceProblem } from './problem.ts';
import { reconcile } from './reconcile/index.ts';
import { reconcileNetworkAnswer } from './balance-service.ts';
import { Problem } from '../../core/errors.ts';

const SALT: LedgerMaterial = { code: 'SALT', name: 'salt', nameEn: 'salt', category: 'raw_material', hazardous: false, unit: 't', densityKgM3: null, lhvMJPerUnit: null, lhvMJPerKg: null, composition: null };
const nodes: LedgerNode[] = [
  { id: 1, enterpriseId: 7, code: 'E', name: 'E', nameEn: null, kind: 'enterprise', boundaryKind: null, unitId: null, parentId: null },
  ...[2, 3, 4].map((id): LedgerNode => ({ id, enterpriseId: 7, code: `U${id}`, name: `U${id}`, nameEn: null, kind: 'unit', boundaryKind: null, unitId: null, parentId: 1 })),
  { id: 9, enterpriseId: null, code: 'supplier', name: 'supplier', nameEn: null, kind: 'boundary', boundaryKind: 'supplier', unitId: null, parentId: null },
  { id: 10, enterpriseId: null, code: 'customer', name: 'customer', nameEn: null, kind: 'boundary', boundaryKind: 'customer', unitId: null, parentId: null },
];
let id = 0;
const flow = (from: number, to: number, quantity: number, sd = quantity * 0.01): LedgerFlow => ({
  id: ++id, enterpriseId: 7, grain: 'month', period: '2026-03', fromNodeId: from, toNodeId: to, materialCode: 'SALT', quantity, unit: 't', sd, basis: 'measured', source: 'manual',
});

/** A chain supplier → U2 → U3 → U4 → customer, every leg measured (each unit's balance is redundant), one leg's meter planted 30 % high. */
function report(plantedHigh: boolean) {
  const flows = [flow(9, 2, 1000), flow(2, 3, plantedHigh ? 1300 : 1000), flow(3, 4, 1000), flow(4, 10, 1000)];
  const view = buildBalanceView({ nodes, flows, stocks: [] }, new Map([['SALT', SALT]]), { level: 'unit', layer: { kind: 'mass', material: null }, scopeEnterpriseId: 7 });
  const built = balanceProblem(view);
  return balanceReport(view, built, reconcile(built.problem), 0.05);
}

describe('the balance report and its suspects', () => {
  it('names a planted mis-read meter among the suspects, with its meaning', () => {
    const r = report(true);
    expect(r.reconciliation.ok).toBe(true);
    expect(r.reconciliation.passed).toBe(false);
    const named = r.suspects.map((s) => s.key);
    expect(named.some((k) => k === 'U2>U3:SALT' || k === 'U2' || k === 'U3')).toBe(true);
    const flowSuspect = r.suspects.find((s) => s.key === 'U2>U3:SALT');
    if (flowSuspect) expect(flowSuspect.meaning).toBe('meter_reads_high');
    const u2 = r.nodes.find((n) => n.code === 'U2')!;
    expect(u2.imbalance).toBe(-300);
    const leg = r.flows.find((f) => f.key === 'U2>U3:SALT')!;
    expect(leg.adjustment).toBeGreaterThan(0);
    expect(leg.adjustmentSigma).toBeCloseTo(leg.adjustment! / leg.sd, 12);
  });

  it('leaves balanced data unchanged and raises nothing', () => {
    const r = report(false);
    expect(r.suspects).toEqual([]);
    for (const f of r.flows) expect(f.reconciled).toBeCloseTo(f.measured!, 9);
    expect(balanceAlarm(7, '2026-03', [{ label: 'total mass', report: r }])).toMatchObject({ active: false, sourceKey: 'flows:balance:7:2026-03' });
  });
});

describe('the balance alarm', () => {
  it('is one alarm per enterprise and period naming the suspects in words, high when p < 0.001', () => {
    const alarm = balanceAlarm(7, '2026-03', [{ label: 'total mass', report: report(true) }]);
    expect(alarm).toMatchObject({ enterpriseId: 7, source: 'flows', sourceKey: 'flows:balance:7:2026-03', category: 'balance', level: 'BALANCE', active: true, severity: 'high' });
    expect(alarm.message).toMatch(/^Balances of 2026-03 do not close — total mass/);
    expect(alarm.message).toMatch(/meter likely reads high|material (is lost|arrives) unrecorded/);
  });

  it('checks a day as its month, a month and a year as themselves', () => {
    expect(periodsToCheck(['2026-03-02', '2026-03', '2026-04-01', '2025'])).toEqual(['2025', '2026-03', '2026-04']);
  });
});

describe('the stateless reconciliation (in its worker thread)', () => {
  it('answers every flow, reconciled or computed', async () => {
    const answer = await reconcileNetworkAnswer({
      nodes: [{ id: 'A' }, { id: 'B' }],
      flows: [
        { id: 'in', from: null, to: 'A', value: 100, sd: 2 },
        { id: 'ab', from: 'A', to: 'B', value: 96, sd: 2 },
        { id: 'out', from: 'B', to: null, value: null, sd: 0 },
      ],
    });
    expect(answer.flows.map((f) => f.id)).toEqual(['in', 'ab', 'out']);
    expect(answer.flows[0]!.value).toBeCloseTo(98, 9);
    expect(answer.flows[2]!.value).toBeCloseTo(98, 9);
    expect(answer.dof).toBe(1);
  });

  it('is a 422 naming the exact flows that contradict each other, and a 400 for a flow to nowhere known', async () => {
    const contradiction = reconcileNetworkAnswer({ nodes: [{ id: 'A' }], flows: [{ id: 'x', from: null, to: 'A', value: 5, sd: 0 }, { id: 'y', from: 'A', to: null, value: 4, sd: 0 }] });
    const err = await contradiction.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Problem);
    expect((err as Problem).toBody()).toMatchObject({ type: 'https://symbiont.dev/problems/flows-contradiction', status: 422, flows: ['x', 'y'], nodes: ['A'] });
    const nowhere = await reconcileNetworkAnswer({ nodes: [], flows: [{ id: 'x', from: null, to: 'nowhere', value: 5, sd: 1 }] }).catch((e: unknown) => e);
    expect((nowhere as Problem).status).toBe(400);
  });

  it('is a 422 for a network too densely connected to factor within the budget, not minutes of work', async () => {
    // A ring of nodes each joined to the next three: a budget far below its factorization's cost.
    const n = 60;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
    const flows: { id: string; from: string | null; to: string | null; value: number | null; sd: number }[] = [{ id: 'in', from: null, to: 'n0', value: 1, sd: 1 }];
    for (let i = 0; i < n; i++) for (let k = 1; k <= 3; k++) flows.push({ id: `f${i}-${k}`, from: `n${i}`, to: `n${(i + k) % n}`, value: 1, sd: 1 });
    const err = await reconcileNetworkAnswer({ nodes, flows }, { maxWork: 100 }).catch((e: unknown) => e);
    expect((err as Problem).toBody()).toMatchObject({ type: 'https://symbiont.dev/problems/flows-too-complex', status: 422 });
    // The same network within the default budget reconciles.
    expect((await reconcileNetworkAnswer({ nodes, flows })).flows).toHaveLength(flows.length);
  });
});
