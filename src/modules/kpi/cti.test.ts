import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circularInflow, circularOutflow, parkBoundaryFlows, parkCircularInflow, parkCircularOutflow, type EnterpriseFlows, type InflowStream, type OutflowStream } from './cti.ts';
import type { KpiResult } from './result.ts';

// CTI v4.0 explains its calculations with illustrations but no numerical example could be found in
// the reference corpus available to this session: the park below is computed by hand, every step written out.
//
// A small chlor-alkali / PVC / cement park (masses in t for one month):
//   chlor: salt 100 t (virgin) + recovered salt 20 t (50 % recycled content) in;
//          caustic soda 60 t (recovery potential 0), HCl 40 t to pvc (by-product, 1 × 1),
//          brine sludge 20 t to landfill operator (potential 0.5, actual 0.4) out.
//   pvc:   ethylene 60 t (virgin) + HCl 40 t from chlor (by-product) in;
//          PVC resin 80 t (potential 0.9, actual 0.25), sludge 20 t to cement (1 × 1) out.
//   cement: sludge 20 t from pvc (by-product) + limestone 180 t (virgin) in; cement 150 t (0.2 × 0.5) out.
const park: EnterpriseFlows[] = [
  {
    code: 'chlor',
    inflows: [{ id: 'salt', mass_t: 100 }, { id: 'recovered-salt', mass_t: 20, recycled: 0.5 }],
    outflows: [
      { id: 'naoh', kind: 'product', mass_t: 60, recoveryPotential: 0, actualRecovery: 0 },
      { id: 'hcl', kind: 'byproduct', mass_t: 40, recoveryPotential: 1, actualRecovery: 1, to: 'pvc' },
      { id: 'brine-sludge', kind: 'waste', mass_t: 20, recoveryPotential: 0.5, actualRecovery: 0.4 },
    ],
  },
  {
    code: 'pvc',
    inflows: [{ id: 'ethylene', mass_t: 60 }, { id: 'hcl', mass_t: 40, byProduct: 1, from: 'chlor' }],
    outflows: [
      { id: 'resin', kind: 'product', mass_t: 80, recoveryPotential: 0.9, actualRecovery: 0.25 },
      { id: 'sludge', kind: 'byproduct', mass_t: 20, recoveryPotential: 1, actualRecovery: 1, to: 'cement' },
    ],
  },
  {
    code: 'cement',
    inflows: [{ id: 'sludge', mass_t: 20, byProduct: 1, from: 'pvc' }, { id: 'limestone', mass_t: 180 }],
    outflows: [{ id: 'cement', kind: 'product', mass_t: 150, recoveryPotential: 0.2, actualRecovery: 0.5 }],
  },
];
const of = (code: string) => park.find((e) => e.code === code)!;
const valueOf = (r: KpiResult) => {
  if (!r.ok) throw new Error(`missing ${r.missing.join(', ')}`);
  return r.value;
};

describe('CTI: worked example (hand-computed park)', () => {
  it('% circular inflow per enterprise: (renewable + non-virgin) / total', () => {
    // chlor: circular = 20 · 0.5 = 10 t of 120 t → 8.333… %
    // pvc:   circular = 40 t by-product of 100 t → 40 %
    // cement: circular = 20 t by-product of 200 t → 10 %
    expect(valueOf(circularInflow(of('chlor').inflows))).toBeCloseTo((10 / 120) * 100, 12);
    expect(circularInflow(of('pvc').inflows)).toEqual({
      ok: true, value: 40, unit: '%',
      inputs: { streams: 2, total_inflow_t: 100, recycled_t: 0, second_life_t: 0, by_product_t: 40, sustainable_renewable_t: 0, circular_inflow_t: 40 },
    });
    expect(valueOf(circularInflow(of('cement').inflows))).toBeCloseTo(10, 12);
  });

  it('% circular outflow per enterprise: Σ mass × recovery potential × actual recovery / total', () => {
    // chlor: 60·0·0 + 40·1·1 + 20·0.5·0.4 = 0 + 40 + 4 = 44 t of 120 t → 36.666… %
    // pvc:   80·0.9·0.25 + 20·1·1 = 18 + 20 = 38 t of 100 t → 38 %
    // cement: 150·0.2·0.5 = 15 t of 150 t → 10 %
    expect(valueOf(circularOutflow(of('chlor').outflows))).toBeCloseTo((44 / 120) * 100, 12);
    const pvc = circularOutflow(of('pvc').outflows);
    expect(pvc.ok && pvc.value).toBeCloseTo(38, 12);
    expect(pvc.inputs).toMatchObject({ total_outflow_t: 100, recoverable_t: 92, circular_outflow_t: 38 });
    expect(valueOf(circularOutflow(of('cement').outflows))).toBeCloseTo(10, 12);
  });

  it('the park counts only flows crossing its boundary', () => {
    // Boundary inflows: chlor salt 100, chlor recovered salt 20 (10 circular), pvc ethylene 60, cement limestone 180
    //   → 10 t of 360 t = 2.777… %   (the HCl and sludge exchanges are inside the park)
    // Boundary outflows: chlor NaOH 60 (0), chlor brine sludge 20 (4), pvc resin 80 (18), cement 150 (15)
    //   → 37 t of 310 t = 11.935… %
    const inflow = parkCircularInflow(park);
    expect(inflow.ok && inflow.value).toBeCloseTo((10 / 360) * 100, 12);
    expect(inflow.inputs).toMatchObject({ total_inflow_t: 360, circular_inflow_t: 10, enterprises: 3, internal_streams_excluded: 2 });
    const outflow = parkCircularOutflow(park);
    expect(outflow.ok && outflow.value).toBeCloseTo((37 / 310) * 100, 12);
    expect(outflow.inputs).toMatchObject({ total_outflow_t: 310, circular_outflow_t: 37, internal_streams_excluded: 2 });
    expect(parkBoundaryFlows(park).outflows.map((s) => s.id)).toEqual(['chlor/naoh', 'chlor/brine-sludge', 'pvc/resin', 'cement/cement']);
  });
});

describe('CTI: missing and invalid inputs are named, never zeroed', () => {
  it('an outflow without recovery potential or actual recovery is missing them', () => {
    const r = circularOutflow([{ id: 'tar', kind: 'waste', mass_t: 3, recoveryPotential: null, actualRecovery: null }]);
    expect(r).toMatchObject({ ok: false, unit: '%', missing: ['outflow[tar].recoveryPotential', 'outflow[tar].actualRecovery'] });
  });

  it('a stream without mass is missing it; shares out of range or over 1 are named', () => {
    expect(circularInflow([{ id: 'a', mass_t: null }])).toMatchObject({ ok: false, missing: ['inflow[a].mass_t'] });
    expect(circularInflow([{ id: 'b', mass_t: 5, recycled: 0.7, byProduct: 0.6 }])).toMatchObject({ ok: false, missing: ['inflow[b].shares (recycled + secondLife + byProduct + sustainableRenewable must be ≤ 1)'] });
    expect(circularOutflow([{ id: 'c', kind: 'product', mass_t: 5, recoveryPotential: 1.5, actualRecovery: 1 }])).toMatchObject({ ok: false, missing: ['outflow[c].recoveryPotential (must be within 0..1)'] });
  });

  it('no flow at all is not 0 %: the share is undefined', () => {
    expect(circularInflow([])).toMatchObject({ ok: false, missing: ['inflow (no inflow mass in the period)'] });
    expect(circularOutflow([])).toMatchObject({ ok: false, missing: ['outflow (no outflow mass in the period)'] });
  });
});

describe('CTI: properties', () => {
  const frac = fc.double({ min: 0, max: 1, noNaN: true });
  const mass = fc.double({ min: 0.001, max: 1e5, noNaN: true });
  // Inflow shares split so that they sum to at most 1.
  const inflow = fc.record({ mass_t: mass, a: frac, b: frac, c: frac, d: frac })
    .map(({ mass_t, a, b, c, d }): Omit<InflowStream, 'id'> => ({ mass_t, recycled: a * b, secondLife: a * (1 - b) * c, byProduct: (1 - a) * d, sustainableRenewable: (1 - a) * (1 - d) * c }));
  const outflow = fc.record({ mass_t: mass, recoveryPotential: frac, actualRecovery: frac, kind: fc.constantFrom('product', 'byproduct', 'waste' as const) });
  const enterprise = fc.record({ inflows: fc.array(inflow, { minLength: 1, maxLength: 6 }), outflows: fc.array(outflow, { minLength: 1, maxLength: 6 }) });
  const withIds = (e: { inflows: Omit<InflowStream, 'id'>[]; outflows: Omit<OutflowStream, 'id'>[] }, code: string): EnterpriseFlows => ({
    code,
    inflows: e.inflows.map((s, i) => ({ ...s, id: `i${i}` })),
    outflows: e.outflows.map((s, i) => ({ ...s, id: `o${i}` })),
  });
  const parkOf = fc.array(enterprise, { minLength: 1, maxLength: 5 }).map((es) => es.map((e, i) => withIds(e, `e${i}`)));

  it('both indicators lie within 0..100 %', () => {
    fc.assert(fc.property(enterprise, (e) => {
      const ent = withIds(e, 'x');
      for (const v of [valueOf(circularInflow(ent.inflows)), valueOf(circularOutflow(ent.outflows))]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100 + 1e-9);
      }
    }));
  });

  it('without internal exchanges, the park equals the mass-weighted mean of its enterprises', () => {
    fc.assert(fc.property(parkOf, (es) => {
      // Σ value_e · total_e / Σ total_e over the enterprises.
      const weightedMean = (results: KpiResult[], total: string) => {
        const den = results.reduce((d, r) => d + (r.inputs[total] as number), 0);
        return results.reduce((n, r) => n + valueOf(r) * (r.inputs[total] as number), 0) / den;
      };
      expect(valueOf(parkCircularInflow(es))).toBeCloseTo(weightedMean(es.map((e) => circularInflow(e.inflows)), 'total_inflow_t'), 9);
      expect(valueOf(parkCircularOutflow(es))).toBeCloseTo(weightedMean(es.map((e) => circularOutflow(e.outflows)), 'total_outflow_t'), 9);
    }));
  });

  it('adding an exchange between two park enterprises leaves the park figures unchanged', () => {
    fc.assert(fc.property(parkOf, mass, frac, (es, m, actual) => {
      if (es.length < 2) return;
      const before = [valueOf(parkCircularInflow(es)), valueOf(parkCircularOutflow(es))];
      const [a, b, ...rest] = es;
      const exchanged: EnterpriseFlows[] = [
        { ...a, outflows: [...a.outflows, { id: 'x', kind: 'byproduct', mass_t: m, recoveryPotential: 1, actualRecovery: actual, to: b.code }] },
        { ...b, inflows: [...b.inflows, { id: 'x', mass_t: m, byProduct: 1, from: a.code }] },
        ...rest,
      ];
      expect(valueOf(parkCircularInflow(exchanged))).toBeCloseTo(before[0], 9);
      expect(valueOf(parkCircularOutflow(exchanged))).toBeCloseTo(before[1], 9);
    }));
  });
});
