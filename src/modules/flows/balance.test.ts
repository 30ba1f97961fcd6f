import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBalanceView, countedOnce, layerQuantity, nodeBalances, type BalanceLevel } from './balance.ts';
import type { FlowBasis, LedgerFlow, LedgerMaterial, LedgerNode, LedgerStock } from './model.ts';
import { balanceProblem, reconcileBalance } from './problem.ts';

const material = (code: string, over: Partial<LedgerMaterial> = {}): LedgerMaterial => ({
  code, name: code, nameEn: code, category: 'raw_material', hazardous: false, unit: 't', densityKgM3: null, lhvMJPerUnit: null, lhvMJPerKg: null, composition: null, ...over,
});
const MATERIALS = new Map<string, LedgerMaterial>([
  ['SALT', material('SALT', { composition: { Cl: { fraction: 0.6066, sd: 0.002 }, Na: { fraction: 0.3934 } } })],
  ['CHLORINE', material('CHLORINE', { category: 'product', composition: { Cl: { fraction: 1 } } })],
  ['BRINE', material('BRINE', { unit: 'm3', densityKgM3: 1200, composition: { Cl: { fraction: 0.15 } } })],
  ['ELECTRICITY', material('ELECTRICITY', { category: 'energy_carrier', unit: 'kWh', lhvMJPerUnit: 3.6 })],
  ['STEAM_LP', material('STEAM_LP', { category: 'energy_carrier', lhvMJPerUnit: 2859.4 })],
]);

const node = (id: number, kind: LedgerNode['kind'], parentId: number | null, enterpriseId: number | null): LedgerNode => ({
  id, enterpriseId, code: `${kind[0]}${id}`, name: `n${id}`, nameEn: null, kind, boundaryKind: kind === 'boundary' ? 'other' : null, unitId: null, parentId,
});

let nextId = 1;
const flow = (from: number, to: number, quantity: number, over: Partial<LedgerFlow> = {}): LedgerFlow => ({
  id: nextId++, enterpriseId: 1, grain: 'month', period: '2026-03', fromNodeId: from, toNodeId: to, materialCode: 'SALT', quantity, unit: 't', sd: quantity * 0.01, basis: 'measured', source: 'manual', ...over,
});

/** A park (1) with two enterprises (10, 20), each with two units, and two boundary nodes. */
const PARK_NODES: LedgerNode[] = [
  node(1, 'park', null, null),
  node(10, 'enterprise', 1, 10), node(11, 'unit', 10, 10), node(12, 'unit', 10, 10),
  node(20, 'enterprise', 1, 20), node(21, 'unit', 20, 20), node(22, 'unit', 20, 20),
  node(90, 'boundary', null, null), node(91, 'boundary', null, null),
];
const ENDS = PARK_NODES.filter((n) => n.kind === 'unit' || n.kind === 'boundary').map((n) => n.id);

const arbitraryFlows = fc.array(
  fc.record({ from: fc.constantFrom(...ENDS), to: fc.constantFrom(...ENDS), quantity: fc.double({ min: 0, max: 1e4, noNaN: true }), material: fc.constantFrom('SALT', 'CHLORINE') }),
  { maxLength: 30 },
).map((rows) => rows.filter((r) => r.from !== r.to && !(r.from >= 90 && r.to >= 90)).map((r) => flow(r.from, r.to, r.quantity, { materialCode: r.material })));

describe('layer quantities', () => {
  it('converts a volume through density to t and an energy carrier to GJ', () => {
    expect(layerQuantity(10, 1, 'm3', MATERIALS.get('BRINE')!, { kind: 'mass', material: null })).toEqual({ value: 12, sd: 1.2 });
    expect(layerQuantity(1000, 10, 'kWh', MATERIALS.get('ELECTRICITY')!, { kind: 'energy' })).toEqual({ value: 3.6, sd: 0.036 });
    expect(layerQuantity(2, 0, 't', MATERIALS.get('STEAM_LP')!, { kind: 'energy' })!.value).toBeCloseTo(5.7188, 10);
    expect(layerQuantity(1000, 0, 'kWh', MATERIALS.get('ELECTRICITY')!, { kind: 'mass', material: null })).toBeNull();
    expect(layerQuantity(5, 0, 't', MATERIALS.get('SALT')!, { kind: 'energy' })).toBeNull();
  });

  it('gives an element its mass and sd from the mass sd and the fraction sd in quadrature', () => {
    const q = layerQuantity(100, 3, 't', MATERIALS.get('SALT')!, { kind: 'element', element: 'Cl' })!;
    expect(q.value).toBeCloseTo(60.66, 10);
    expect(q.sd).toBeCloseTo(Math.hypot(3 * 0.6066, 100 * 0.002), 12);
    expect(layerQuantity(100, 3, 't', MATERIALS.get('SALT')!, { kind: 'element', element: 'S' })).toBeNull();
  });
});

describe('aggregation over periods', () => {
  it('sums rows of one link, sd in quadrature, and counts a link recorded at two grains once', () => {
    const ledger = {
      nodes: PARK_NODES,
      stocks: [],
      flows: [
        flow(90, 11, 30, { grain: 'day', period: '2026-03-01', sd: 3 }),
        flow(90, 11, 40, { grain: 'day', period: '2026-03-02', sd: 4, basis: 'estimated' }),
        flow(90, 12, 100, { grain: 'month', period: '2026-03', sd: 1 }),
        // The same link broken down by day: the month row covers it.
        flow(90, 12, 60, { grain: 'day', period: '2026-03-05', sd: 1 }),
      ],
    };
    const view = buildBalanceView(ledger, MATERIALS, { level: 'unit', layer: { kind: 'mass', material: 'SALT' } });
    const into11 = view.flows.find((f) => f.toNodeId === 11)!;
    expect(into11).toMatchObject({ value: 70, sd: 5, basis: 'estimated' });
    expect(into11.flowIds).toHaveLength(2);
    expect(view.flows.find((f) => f.toNodeId === 12)).toMatchObject({ value: 100, sd: 1 });
  });

  it('sums: the aggregated total of a link is the sum of its rows of one grain', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 28 }), (quantities) => {
        const rows = quantities.map((q, d) => flow(90, 11, q, { grain: 'day', period: `2026-03-${String(d + 1).padStart(2, '0')}` }));
        const view = buildBalanceView({ nodes: PARK_NODES, flows: rows, stocks: [] }, MATERIALS, { level: 'unit', layer: { kind: 'mass', material: 'SALT' } });
        expect(view.flows).toHaveLength(1);
        expect(view.flows[0]!.value).toBeCloseTo(quantities.reduce((a, b) => a + b, 0), 6);
      }),
    );
  });

  it('keeps a finer row the coarse one does not cover', () => {
    const rows = [{ grain: 'month' as const, period: '2026-03' }, { grain: 'day' as const, period: '2026-04-01' }, { grain: 'day' as const, period: '2026-03-09' }];
    expect(countedOnce(rows, () => 'link')).toEqual(rows.slice(0, 2));
  });
});

describe('roll-up', () => {
  const boundaryTotals = (flows: { fromNodeId: number; toNodeId: number; value: number }[]) => {
    let into = 0;
    let out = 0;
    for (const f of flows) {
      if (f.fromNodeId >= 90) into += f.value;
      if (f.toNodeId >= 90) out += f.value;
    }
    return { into, out };
  };

  it('conserves what crosses the park boundary at every level, and flows inside a node vanish', () => {
    fc.assert(
      fc.property(arbitraryFlows, (flows) => {
        const totals = (level: BalanceLevel) => boundaryTotals(buildBalanceView({ nodes: PARK_NODES, flows, stocks: [] }, MATERIALS, { level, layer: { kind: 'mass', material: null } }).flows);
        const unit = totals('unit');
        for (const level of ['enterprise', 'park'] as const) {
          const at = totals(level);
          expect(at.into).toBeCloseTo(unit.into, 6);
          expect(at.out).toBeCloseTo(unit.out, 6);
        }
        const park = buildBalanceView({ nodes: PARK_NODES, flows, stocks: [] }, MATERIALS, { level: 'park', layer: { kind: 'mass', material: null } });
        for (const f of park.flows) expect(f.fromNodeId === 1 || f.toNodeId === 1).toBe(true);
      }),
    );
  });

  it('balances only the scoped enterprise, never the boundary', () => {
    const view = buildBalanceView({ nodes: PARK_NODES, flows: [flow(11, 21, 5), flow(90, 11, 5)], stocks: [] }, MATERIALS, { level: 'unit', layer: { kind: 'mass', material: null }, scopeEnterpriseId: 10 });
    expect([...view.balanced]).toEqual([11]);
  });

  it('keeps one enterprise’s units apart when drilling into it', () => {
    const view = buildBalanceView({ nodes: PARK_NODES, flows: [flow(11, 21, 5), flow(12, 22, 5)], stocks: [] }, MATERIALS, { level: 'enterprise', layer: { kind: 'mass', material: null }, keepUnitsOf: 10 });
    expect(view.flows.map((f) => [f.fromNodeId, f.toNodeId])).toEqual([[11, 20], [12, 20]]);
  });
});

describe('node balances and the element layer', () => {
  it('is inputs − outputs − stock change', () => {
    const stock: LedgerStock = { nodeId: 11, materialCode: 'SALT', opening: 10, closing: 14, unit: 't', sd: 0.5, basis: 'measured' };
    const view = buildBalanceView({ nodes: PARK_NODES, flows: [flow(90, 11, 100), flow(11, 91, 90)], stocks: [stock] }, MATERIALS, { level: 'unit', layer: { kind: 'mass', material: 'SALT' } });
    expect(nodeBalances(view)).toEqual([{ nodeId: 11, inputs: 100, outputs: 90, stockChange: 4, imbalance: 6, imbalancePercent: 6 }]);
  });

  it('closes the element balance of a mass-closed network after reconciliation', () => {
    // Salt electrolysis: salt in, chlorine and (Na-rich) brine out; a closed Cl loop between two units.
    const salt = fc.double({ min: 1, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(salt, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (s, share) => {
        const cl = s * 0.6066;
        const flows = [
          flow(90, 11, s, { basis: 'measured' as FlowBasis }),
          flow(11, 12, cl * share, { materialCode: 'CHLORINE' }),
          flow(11, 91, cl * (1 - share), { materialCode: 'CHLORINE' }),
          flow(12, 91, cl * share, { materialCode: 'CHLORINE' }),
        ];
        const view = buildBalanceView({ nodes: PARK_NODES, flows, stocks: [] }, MATERIALS, { level: 'unit', layer: { kind: 'element', element: 'Cl' } });
        for (const b of nodeBalances(view)) expect(Math.abs(b.imbalance)).toBeLessThanOrEqual(1e-9 * s);
        const built = balanceProblem(view);
        const result = reconcileBalance(built);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const reconciled = nodeBalances(view, (f) => result.variables[view.flows.indexOf(f)]!.value);
        for (const b of reconciled) expect(Math.abs(b.imbalance)).toBeLessThanOrEqual(1e-9 * s);
      }),
    );
  });
});
