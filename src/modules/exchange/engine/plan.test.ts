import { describe, expect, it } from 'vitest';
import { applyOverrides, cleanQuantity, planExchange } from './plan.ts';
import { demand, instance, licence, offer } from './testing.ts';

describe('planExchange', () => {
  it('finds the park optimum a greedy matching misses, and explains every match', async () => {
    // Offer A meets both demands (D1 a little closer); B meets only D1 (D2 wants ≤ 1 % P2O5).
    const a = offer({ id: 1, siteId: 1, properties: { P2O5: { max: 0.5 } } });
    const b = offer({ id: 2, siteId: 3, enterpriseId: 3, properties: { P2O5: { max: 2 } } });
    const d1 = demand({ id: 11, siteId: 2 });
    const d2 = demand({ id: 12, siteId: 4, enterpriseId: 4, properties: { P2O5: { max: 1 } } });
    const i = instance({
      offers: [a, b],
      demands: [d1, d2],
      sites: { 1: { id: 1, lat: null, lng: null }, 2: { id: 2, lat: null, lng: null }, 3: { id: 3, lat: null, lng: null }, 4: { id: 4, lat: null, lng: null } },
      distances: [{ fromSiteId: 1, toSiteId: 2, km: 1 }, { fromSiteId: 1, toSiteId: 4, km: 3 }, { fromSiteId: 3, toSiteId: 2, km: 5 }],
    });
    const plan = await planExchange(i);
    const q = Object.fromEntries(plan.candidates.map((c) => [`${c.offer}>${c.demand}`, c.quantity]));
    expect(q).toEqual({ '1>11': 0, '1>12': 100, '2>11': 100 });
    expect(plan.excluded.map((x) => [x.offer, x.demand, x.reasons[0].code])).toEqual([[2, 12, 'quality_out_of_range']]);
    expect(plan.objective).toBeCloseTo(plan.candidates.reduce((s, c) => s + c.unitNetBenefit * c.quantity, 0), 6);
    expect(plan.objective).toBeGreaterThan(plan.greedyObjective);
    expect(plan.offers).toEqual([{ id: 1, quantity: 100, allocated: 100 }, { id: 2, quantity: 100, allocated: 100 }]);
    expect(plan.totals.movedT).toBe(200);
    const used = plan.candidates.find((c) => c.offer === 2)!;
    expect(used.explanation.savesCny).toBeCloseTo(used.explanation.netCnyPerUnit * 100);
    expect(used.explanation.text).toMatch(/^PHOSPHOGYPSUM for a demand of the same material; 5 km by road; saves/);
    expect(plan.solver).toMatchObject({ name: 'HiGHS', status: 'Optimal', variables: 3, integers: 0 });
  });

  it('never matches the tempting hazardous pair without a licence, and shares a licence’s capacity', async () => {
    const solvent = offer({ id: 1, materialCode: 'SPENT_SOLVENT', currentRoute: 'incineration', quantity: 40 });
    const other = offer({ id: 2, materialCode: 'SPENT_SOLVENT', currentRoute: 'incineration', quantity: 40, enterpriseId: 3 });
    const recycler = demand({ id: 11, materialCode: 'RECOVERED_SOLVENT', accepts: ['HW06'], quantity: 100 });
    let plan = await planExchange(instance({ offers: [solvent, other], demands: [recycler] }));
    expect(plan.candidates).toEqual([]);
    expect(plan.excluded.map((x) => x.reasons.map((r) => r.code))).toEqual([['licence_missing'], ['licence_missing']]);
    plan = await planExchange(instance({ offers: [solvent, other], demands: [recycler], licences: [licence({ id: 900, remainingT: 50 })] }));
    expect(plan.limits).toEqual([{ kind: 'licence', id: 900, candidates: [0, 1], quantity: 50 }]);
    expect(plan.candidates.reduce((s, c) => s + c.quantity, 0)).toBeCloseTo(50);
  });

  it('plans nothing, without HiGHS, when nothing pays', async () => {
    const plan = await planExchange(instance({ offers: [offer({ currentRoute: 'sold' })], demands: [demand({ siteId: 3 })], distances: [{ fromSiteId: 1, toSiteId: 3, km: 900 }] }));
    expect(plan.candidates).toHaveLength(1);
    expect(plan).toMatchObject({ objective: 0, greedyObjective: 0, solver: { status: 'Optimal', variables: 0 } });
  });
});

describe('cleanQuantity', () => {
  it('snaps solver noise onto 0, the lot and the maximum', () => {
    expect(cleanQuantity(1e-12, 0, 100)).toBe(0);
    expect(cleanQuantity(-1e-10, 0, 100)).toBe(0);
    expect(cleanQuantity(100 + 1e-8, 0, 100)).toBe(100);
    expect(cleanQuantity(99.99999999999, 0, 100)).toBe(100);
    expect(cleanQuantity(30 - 1e-9, 30, 100)).toBe(30);
    expect(cleanQuantity(42.5, 30, 100)).toBe(42.5);
  });
});

describe('applyOverrides', () => {
  it('changes what the what-if names and leaves the instance alone', () => {
    const i = instance({
      offers: [offer({ id: 1, enterpriseId: 1 }), offer({ id: 2, enterpriseId: 5 })],
      demands: [demand({ id: 11, enterpriseId: 2 }), demand({ id: 12, enterpriseId: 5 })],
      licences: [licence({ enterpriseId: 5 }), licence({ enterpriseId: 2 })],
    });
    const before = structuredClone(i);
    const w = applyOverrides(i, {
      carbonPriceCnyPerT: 200,
      prices: [{ listing: 11, priceCnyPerUnit: 55 }],
      quantities: [{ listing: 1, quantity: 7 }],
      excludeEnterprises: [5],
      disposalFees: { landfill: 300 },
    });
    expect(i).toEqual(before);
    expect(w.settings.carbonPriceCnyPerT).toBe(200);
    expect(w.settings.disposal.landfill.cnyPerUnit).toBe(300);
    expect(w.settings.disposal.landfill.kgCo2PerUnit).toBe(i.settings.disposal.landfill.kgCo2PerUnit);
    expect(w.offers.map((o) => [o.id, o.quantity])).toEqual([[1, 7]]);
    expect(w.demands.map((d) => [d.id, d.priceCnyPerUnit])).toEqual([[11, 55]]);
    expect(w.licences.map((l) => l.enterpriseId)).toEqual([2]);
    expect(applyOverrides(i, {})).toEqual(i);
  });
});
