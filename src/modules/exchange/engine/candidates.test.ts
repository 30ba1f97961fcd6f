import { describe, expect, it } from 'vitest';
import { generateCandidates } from './candidates.ts';
import { demand, instance, licence, offer } from './testing.ts';

describe('generateCandidates', () => {
  it('pairs related listings only, and lists the related ones that failed', () => {
    const gypsum = offer({ id: 1 });
    const solvent = offer({ id: 2, materialCode: 'SPENT_SOLVENT', currentRoute: 'incineration' });
    const cement = demand({ id: 11, materialCode: 'FGD_GYPSUM', accepts: ['SW10'] });
    const recycler = demand({ id: 12, materialCode: 'RECOVERED_SOLVENT', accepts: ['HW06'] });
    const unrelated = demand({ id: 13, materialCode: 'PE_PELLETS' });
    const set = generateCandidates(instance({ offers: [gypsum, solvent], demands: [cement, recycler, unrelated] }));
    expect(set.candidates.map((c) => [c.offer, c.demand])).toEqual([[1, 11]]);
    expect(set.excluded.map((x) => [x.offer, x.demand, x.reasons.map((r) => r.code)])).toEqual([[2, 12, ['licence_missing']]]);
  });

  it('bounds a pair by supply, demand over ratio and the licence left, and shares the licence as a limit', () => {
    const substitutions = [{ offered: 'CARBIDE_SLAG', replaces: 'LIMESTONE', ratio: 2, conditions: {}, source: null }];
    const slag = offer({ id: 1, materialCode: 'CARBIDE_SLAG', quantity: 100 });
    const kiln = demand({ id: 11, materialCode: 'LIMESTONE', quantity: 120 });
    let set = generateCandidates(instance({ offers: [slag], demands: [kiln], substitutions }));
    expect(set.candidates[0]).toMatchObject({ maxQuantity: 60, minLot: 0 });

    const l = licence({ id: 500, remainingT: 30 });
    const s1 = offer({ id: 2, materialCode: 'SPENT_SOLVENT', quantity: 50, minLot: 5 });
    const s2 = offer({ id: 3, materialCode: 'SPENT_SOLVENT', quantity: 50, enterpriseId: 3 });
    const rec = demand({ id: 12, materialCode: 'RECOVERED_SOLVENT', accepts: ['HW06'], quantity: 80, minLot: 10 });
    set = generateCandidates(instance({ offers: [s1, s2], demands: [rec], licences: [l] }));
    expect(set.candidates.map((c) => [c.offer, c.maxQuantity, c.minLot])).toEqual([[2, 30, 10], [3, 30, 10]]);
    expect(set.limits).toEqual([{ kind: 'licence', id: 500, candidates: [0, 1], quantity: 30 }]);
    expect(set.candidates[0].explanation.licenceId).toBe(500);
  });

  it('excludes a pair whose smallest lot is more than it can move', () => {
    const set = generateCandidates(instance({ offers: [offer({ id: 1, quantity: 10 })], demands: [demand({ id: 11, minLot: 20 })] }));
    expect(set.candidates).toEqual([]);
    expect(set.excluded[0].reasons.map((r) => r.code)).toEqual(['lot_too_large']);
    const capped = generateCandidates(
      instance({ offers: [offer({ id: 2, materialCode: 'SPENT_SOLVENT', minLot: 8 })], demands: [demand({ id: 12, materialCode: 'SPENT_SOLVENT' })], licences: [licence({ remainingT: 5 })] }),
    );
    expect(capped.excluded[0].reasons.map((r) => r.code)).toEqual(['licence_capacity']);
  });

  it('keeps a pair that does not pay as a candidate the console can show', () => {
    const o = offer({ id: 1, currentRoute: 'sold' });
    const d = demand({ id: 11, siteId: 3 });
    const set = generateCandidates(instance({ offers: [o], demands: [d], distances: [{ fromSiteId: 1, toSiteId: 3, km: 500 }] }));
    expect(set.candidates).toHaveLength(1);
    expect(set.candidates[0].unitNetBenefit).toBeLessThan(0);
  });

  it('meets a demand once even when several of its keys name the offer', () => {
    const set = generateCandidates(instance({ offers: [offer({ id: 1 })], demands: [demand({ id: 11, accepts: ['PHOSPHOGYPSUM', 'SW10'] })] }));
    expect(set.candidates).toHaveLength(1);
  });
});
