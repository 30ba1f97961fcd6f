import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBalanceView, nodeBalances, type BalanceView } from './balance.ts';
import { balanceReport } from './balance-report.ts';
import { massFlowId } from './element-problem.ts';
import type { LedgerFlow, LedgerMaterial, LedgerNode, LedgerStock } from './model.ts';
import { balanceProblem, reconcileBalance } from './problem.ts';
import { reconcileNonlinear, type Reconciled, type ReconcileResult } from './reconcile/index.ts';

const material = (code: string, composition: LedgerMaterial['composition']): LedgerMaterial => ({
  code, name: code, nameEn: code, category: 'raw_material', hazardous: false, unit: 't', densityKgM3: null, lhvMJPerUnit: null, lhvMJPerKg: null, composition,
});
const MATERIALS = new Map<string, LedgerMaterial>([
  ['SALT', material('SALT', { Cl: { fraction: 0.6066, sd: 0.002 }, Na: { fraction: 0.3934 } })],
  ['CHLORINE', material('CHLORINE', { Cl: { fraction: 1 } })],
  ['CAUSTIC', material('CAUSTIC', { Na: { fraction: 0.575 } })],
]);
const node = (id: number, kind: LedgerNode['kind'], parentId: number | null): LedgerNode => ({
  id, enterpriseId: kind === 'boundary' ? null : 10, code: `${kind[0]}${id}`, name: `n${id}`, nameEn: null, kind, boundaryKind: kind === 'boundary' ? 'other' : null, unitId: null, parentId,
});
const NODES = [node(10, 'enterprise', null), node(11, 'unit', 10), node(12, 'unit', 10), node(13, 'unit', 10), node(90, 'boundary', null), node(91, 'boundary', null)];
let nextId = 1;
const flow = (from: number, to: number, materialCode: string, quantity: number, sd = quantity * 0.01): LedgerFlow => ({
  id: nextId++, enterpriseId: 10, grain: 'month', period: '2026-03', fromNodeId: from, toNodeId: to, materialCode, quantity, unit: 't', sd, basis: sd === 0 ? 'exact' : 'measured', source: 'manual',
});
const stock = (nodeId: number, materialCode: string, change: number, sd: number): LedgerStock => ({ nodeId, materialCode, opening: 100, closing: 100 + change, unit: 't', sd, basis: 'measured' });

const ok = (r: ReconcileResult): Reconciled => {
  if (!r.ok) throw new Error(`not reconciled: ${r.reason} ${r.detail}`);
  return r;
};
const chlorine = (flows: LedgerFlow[], stocks: LedgerStock[] = []) => buildBalanceView({ nodes: NODES, flows, stocks }, MATERIALS, { level: 'unit', layer: { kind: 'element', element: 'Cl' } });

/** The joint answer's mass flows and fractions by id, and the reported element quantities by id. */
function solve(view: BalanceView) {
  const built = balanceProblem(view);
  const reported = ok(reconcileBalance(built));
  const joint = reconcileNonlinear(built.joint!.problem);
  if (!joint.ok) throw new Error(joint.detail);
  return { built, reported, joint: new Map(joint.variables.map((v) => [v.id, v])), element: new Map(reported.variables.map((v) => [v.id, v])) };
}

/** Salt electrolysis: salt in, chlorine to a second unit and caustic soda out; the second unit draws its chlorine tank down by 10 t. */
const electrolysis = (salt: number, chlorineOut: number, caustic: number, over: { saltSd?: number } = {}) => [
  flow(90, 11, 'SALT', salt, over.saltSd ?? salt * 0.01),
  flow(11, 12, 'CHLORINE', chlorineOut),
  flow(11, 91, 'CAUSTIC', caustic),
  flow(12, 91, 'CHLORINE', chlorineOut + 10),
];

describe('the element layer reconciled with the mass balance', () => {
  it('closes the element and the mass balances with the same mass flows, element flow = mass × fraction', () => {
    const view = chlorine(electrolysis(1000, 600, 393.4), [stock(12, 'CHLORINE', -10, 0.5)]);
    const { reported, joint, element } = solve(view);
    // Element balances, from the reported element flows and stock changes.
    for (const b of nodeBalances(view, (f) => element.get(f.key)!.value)) {
      const stockChange = element.get(`stock:${view.nodes.get(b.nodeId)!.code}`)?.value ?? 0;
      expect(Math.abs(b.inputs - b.outputs - stockChange)).toBeLessThan(1e-9 * b.inputs);
    }
    // The mass balance of the electrolysis, from the joint answer's mass flows.
    const m = (key: string) => joint.get(massFlowId(key))!.value;
    expect(Math.abs(m('u11>u12:CHLORINE') + m('u11>b91:CAUSTIC') - m('b90>u11:SALT'))).toBeLessThan(1e-9 * 1000);
    // Element flows are the reconciled mass times the reconciled fraction; the exact fraction does not move.
    expect(element.get('b90>u11:SALT')!.value).toBeCloseTo(m('b90>u11:SALT') * joint.get('fraction:SALT')!.value, 9);
    expect(joint.get('fraction:CHLORINE')).toMatchObject({ value: 1, sd: 0, status: 'exact' });
    expect(joint.get('fraction:SALT')!.status).toBe('reconciled');
    expect(element.get('b90>u11:SALT')).toMatchObject({ status: 'reconciled', adjustment: expect.closeTo(606.6 - element.get('b90>u11:SALT')!.value, 12) });
    expect(element.get('stock:u12')!.value).toBeCloseTo(joint.get('mass-stock:u12:CHLORINE')!.value, 12);
    // Mass and Cl balances at both units; at the second, chlorine is all Cl (exactly): its two balances are one.
    expect(reported.dof).toBe(3);
    expect(reported.constraints.map((c) => c.id)).toEqual(['u11', 'u12']);
  });

  it('propagates the joint covariances: the chlorine leaving a unit as it came has the same sd', () => {
    const { element } = solve(chlorine(electrolysis(1000, 600, 393.4)));
    // Cl of salt in = Cl of chlorine out at the electrolysis: the same reconciled quantity, so the same sd
    // (from the variances alone, c²·var(m) + m²·var(c), the salt's would differ).
    const salt = element.get('b90>u11:SALT')!;
    const out = element.get('u11>u12:CHLORINE')!;
    expect(salt.value).toBeCloseTo(out.value, 9);
    expect(salt.sd).toBeGreaterThan(0);
    expect(salt.sd).toBeCloseTo(out.sd, 9);
  });

  it('leaves data that already balances unchanged', () => {
    const { reported, element } = solve(chlorine(electrolysis(1000, 606.6, 393.4), [stock(12, 'CHLORINE', -10, 0.5)]));
    expect(element.get('b90>u11:SALT')!.value).toBeCloseTo(606.6, 9);
    expect(element.get('u12>b91:CHLORINE')!.value).toBeCloseTo(616.6, 9);
    expect(reported.chiSquare).toBeLessThan(1e-12);
  });

  it('names a chlorine loss whose mass balance closes (a leak the mass layer cannot see)', () => {
    // 1000 t salt carries 606.6 t Cl; 560 t chlorine leave with 440 t caustic: the mass closes, 46.6 t Cl are gone.
    const view = chlorine(electrolysis(1000, 560, 440));
    const report = balanceReport(view, balanceProblem(view), reconcileBalance(balanceProblem(view)), 0.05);
    expect(report.reconciliation.passed).toBe(false);
    const named = report.suspects.map((s) => s.key);
    expect(named.some((k) => k === 'u11' || k.startsWith('u11>') || k.endsWith('>u11:SALT'))).toBe(true);
    expect(report.flows.every((f) => f.reconciled !== null && f.status !== null)).toBe(true);
  });

  it('closes every element balance, and the mass balances with the same flows, on random ledgers', () => {
    const ends = [11, 12, 13, 90, 91];
    const rows = fc.array(
      fc.record({ from: fc.constantFrom(...ends), to: fc.constantFrom(...ends), quantity: fc.double({ min: 1, max: 1e4, noNaN: true }), material: fc.constantFrom('SALT', 'CHLORINE', 'CAUSTIC') }),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(rows, (rs) => {
        const flows = rs.filter((r) => r.from !== r.to && !(r.from >= 90 && r.to >= 90)).map((r) => flow(r.from, r.to, r.material, r.quantity));
        const view = chlorine(flows);
        const built = balanceProblem(view);
        const result = reconcileBalance(built);
        fc.pre(result.ok);
        if (!result.ok) return;
        const element = new Map(result.variables.map((v) => [v.id, v]));
        const scale = Math.max(1, ...flows.map((f) => f.quantity));
        for (const b of nodeBalances(view, (f) => element.get(f.key)!.value)) expect(Math.abs(b.imbalance)).toBeLessThanOrEqual(1e-9 * scale);
        const joint = reconcileNonlinear(built.joint!.problem);
        if (!joint.ok) throw new Error(joint.detail);
        const massView = view.elementBasis!.mass;
        const mass = new Map(joint.variables.map((v) => [v.id, v.value]));
        for (const b of nodeBalances(massView, (f) => mass.get(massFlowId(f.key))!)) expect(Math.abs(b.imbalance)).toBeLessThanOrEqual(1e-9 * scale);
        expect(joint.variables.find((v) => v.id === 'fraction:CHLORINE')?.value ?? 1).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it('solves the mass layer as before: one linear reconciliation, no joint problem', () => {
    const view = buildBalanceView({ nodes: NODES, flows: electrolysis(1000, 600, 393.4), stocks: [] }, MATERIALS, { level: 'unit', layer: { kind: 'mass', material: null } });
    const built = balanceProblem(view);
    expect(built.joint).toBeNull();
    expect(view.elementBasis).toBeNull();
    expect(ok(reconcileBalance(built)).variables.map((v) => v.id)).toEqual(built.problem.variables.map((v) => v.id));
  });
});
