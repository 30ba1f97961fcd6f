import { describe, expect, it } from 'vitest';
import { pairCheck } from './compatibility.ts';
import { demand, instance, licence, offer } from './testing.ts';

const codes = (r: ReturnType<typeof pairCheck>) => (r.ok ? [] : r.reasons.map((x) => x.code));

describe('pairCheck', () => {
  it('matches the same material', () => {
    const o = offer();
    const d = demand();
    const r = pairCheck(o, d, instance({ offers: [o], demands: [d] }));
    expect(r).toMatchObject({ ok: true, basis: 'same_material', ratio: 1, licenceId: null, mode: 'road', distance: { km: 2, from: 'table' } });
  });

  it('excludes phosphogypsum with 1.2 % P2O5 from a cement plant accepting ≤ 1 %', () => {
    const o = offer({ properties: { P2O5: { max: 1.2 }, moisture: { max: 12 } } });
    const d = demand({ materialCode: 'FGD_GYPSUM', accepts: ['SW10'], properties: { P2O5: { max: 1 }, moisture: { max: 15 } } });
    const r = pairCheck(o, d, instance());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toMatchObject({ code: 'quality_out_of_range', params: { property: 'P2O5', accepted: '≤ 1', offered: '≤ 1.2' } });
    // Within the limit, the accepted code makes it a candidate.
    expect(pairCheck({ ...o, properties: { P2O5: { max: 0.8 }, moisture: { max: 12 } } }, d, instance())).toMatchObject({ ok: true, basis: 'accepted_code' });
  });

  it('holds a substitution to its conditions and uses its ratio', () => {
    const substitutions = [{ offered: 'CARBIDE_SLAG', replaces: 'LIMESTONE', ratio: 1.3, conditions: { CaO: { min: 60 } }, source: 'JC/T 2513' }];
    const d = demand({ materialCode: 'LIMESTONE' });
    expect(codes(pairCheck(offer({ materialCode: 'CARBIDE_SLAG' }), d, instance({ substitutions })))).toEqual(['quality_unknown']);
    expect(codes(pairCheck(offer({ materialCode: 'CARBIDE_SLAG', properties: { CaO: { min: 55 } } }), d, instance({ substitutions })))).toEqual(['quality_out_of_range']);
    expect(pairCheck(offer({ materialCode: 'CARBIDE_SLAG', properties: { CaO: { min: 64, max: 70 } } }), d, instance({ substitutions }))).toMatchObject({ ok: true, basis: 'substitution', ratio: 1.3, substitutionSource: 'JC/T 2513' });
    expect(codes(pairCheck(offer({ materialCode: 'FLY_ASH' }), d, instance({ substitutions })))).toEqual(['material_mismatch']);
  });

  it('excludes a spent solvent to a receiver without an HW06 licence', () => {
    const o = offer({ materialCode: 'SPENT_SOLVENT', currentRoute: 'incineration' });
    const d = demand({ materialCode: 'RECOVERED_SOLVENT', accepts: ['HW06'] });
    const r = pairCheck(o, d, instance());
    expect(codes(r)).toEqual(['licence_missing']);
    // A licence for another class names what it covers.
    const wrong = pairCheck(o, d, instance({ licences: [licence({ codes: ['HW08', 'HW09/900-007-09'] })] }));
    expect(codes(wrong)).toEqual(['licence_code']);
    expect(wrong.ok ? '' : wrong.reasons[0].message).toContain('HW08, HW09/900-007-09');
    // Another enterprise's licence does not count.
    expect(codes(pairCheck(o, d, instance({ licences: [licence({ enterpriseId: 3 })] })))).toEqual(['licence_missing']);
  });

  it('lets a class licence HW06 cover HW06/900-402-06, and a full code only itself', () => {
    const o = offer({ materialCode: 'SPENT_SOLVENT', currentRoute: 'incineration' });
    const d = demand({ materialCode: 'RECOVERED_SOLVENT', accepts: ['HW06/900-402-06'] });
    const l = licence({ codes: ['HW06'] });
    expect(pairCheck(o, d, instance({ licences: [l] }))).toMatchObject({ ok: true, basis: 'accepted_code', licenceId: l.id });
    expect(pairCheck(o, d, instance({ licences: [licence({ codes: ['HW06/900-402-06'] })] })).ok).toBe(true);
    expect(codes(pairCheck(o, d, instance({ licences: [licence({ codes: ['HW06/900-401-06'] })] })))).toEqual(['licence_code']);
  });

  it('excludes a licence that has expired or does not cover the whole period', () => {
    const o = offer({ materialCode: 'SPENT_SOLVENT' });
    const d = demand({ materialCode: 'RECOVERED_SOLVENT', accepts: ['HW06'] });
    const expired = pairCheck(o, d, instance({ licences: [licence({ validFrom: '2023-01-01', validTo: '2025-12-31' })] }));
    expect(codes(expired)).toEqual(['licence_expired']);
    expect(expired.ok ? '' : expired.reasons[0].message).toContain('2025-12-31');
    expect(codes(pairCheck(o, d, instance({ licences: [licence({ validTo: '2026-03-15' })] })))).toEqual(['licence_expired']);
    expect(codes(pairCheck(o, d, instance({ licences: [licence({ remainingT: 0 })] })))).toEqual(['licence_capacity']);
  });

  it('keeps steam within the longest pipe worth laying', () => {
    const o = offer({ materialCode: 'STEAM_LP', currentRoute: 'vent' });
    const d = demand({ materialCode: 'STEAM_LP', siteId: 3 });
    const far = pairCheck(o, d, instance({ distances: [{ fromSiteId: 3, toSiteId: 1, km: 9 }] }));
    expect(far.ok ? [] : far.reasons.map((r) => [r.code, r.params?.km, r.params?.maxKm])).toEqual([['too_far', 9, 6]]);
    const near = pairCheck(o, d, instance({ distances: [{ fromSiteId: 1, toSiteId: 3, km: 4 }] }));
    expect(near).toMatchObject({ ok: true, mode: 'pipeline_steam', distance: { km: 4, from: 'table' } });
    // By road the same 9 km is fine.
    expect(pairCheck(offer(), demand({ siteId: 3 }), instance({ distances: [{ fromSiteId: 3, toSiteId: 1, km: 9 }] })).ok).toBe(true);
  });

  it('reports every reason, not just the first', () => {
    const o = offer({ materialCode: 'SPENT_SOLVENT', availableTo: '2026-02-28', properties: {} });
    const d = demand({ enterpriseId: 1, materialCode: 'RECOVERED_SOLVENT', accepts: ['HW06'], properties: { water: { max: 5 } }, siteId: 9 });
    expect(codes(pairCheck(o, d, instance()))).toEqual(['quality_unknown', 'no_time_overlap', 'same_enterprise', 'licence_missing', 'no_coordinates']);
  });

  it('checks that offer, demand and plan windows share a day', () => {
    const i = instance();
    expect(pairCheck(offer({ availableFrom: '2026-03-31' }), demand({ availableTo: '2026-03-31' }), i).ok).toBe(true);
    expect(codes(pairCheck(offer({ availableFrom: '2026-03-10', availableTo: '2026-03-12' }), demand({ availableFrom: '2026-03-13' }), i))).toEqual(['no_time_overlap']);
    expect(codes(pairCheck(offer({ availableFrom: '2026-04-01' }), demand(), i))).toEqual(['no_time_overlap']);
  });

  it('cannot price road freight for a unit without a mass', () => {
    const o = offer({ materialCode: 'X_LIQUID' });
    const materials = { ...instance().materials, X_LIQUID: { code: 'X_LIQUID', category: 'product', unit: 'm3', hazardous: false, hwCode: null, swCode: null, densityKgPerUnit: null } };
    expect(codes(pairCheck(o, demand({ materialCode: 'X_LIQUID' }), instance({ materials })))).toEqual(['unit_mismatch']);
  });
});
