import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateProblem, distanceProblems, licenceProblems, listingProblems, rangesProblems, substitutionProblems } from './resources.ts';

describe('whole-record checks', () => {
  it('flags a range exactly when min exceeds max, or a bound is not finite (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.double({ noNaN: false }), (min, max) => {
        const bad = !Number.isFinite(min) || !Number.isFinite(max) || min > max;
        expect(rangesProblems({ moisture: { min, max } }, '/body/properties').length > 0).toBe(bad);
      }),
    );
    expect(rangesProblems({ colour: { max: 1 } }, '/p')[0].path).toBe('/p/colour');
  });

  it('holds a listing’s fields together', () => {
    const ok = { side: 'offer', quantity: 10, minLot: 5, enterpriseId: 1, audience: 'park', partnerIds: null };
    expect(listingProblems(ok)).toEqual([]);
    const paths = (r: Record<string, unknown>) => listingProblems({ ...ok, ...r }).map((e) => e.path);
    expect(paths({ minLot: 11 })).toEqual(['/body/minLot']);
    expect(paths({ audience: 'partners' })).toEqual(['/body/partnerIds']);
    expect(paths({ audience: 'partners', partnerIds: [1] })).toEqual(['/body/partnerIds']);
    expect(paths({ side: 'demand', currentRoute: 'landfill' })).toEqual(['/body/currentRoute']);
    expect(paths({ accepts: ['HW08'] })).toEqual(['/body/accepts']);
    expect(paths({ availableFrom: '2026-05-02', availableTo: '2026-05-01' })).toEqual(['/body/availableTo']);
    expect(paths({ analyses: [{ title: 'x', values: { F: { min: 2, max: 1 } } }] })).toEqual(['/body/analyses/0/values/F']);
  });

  it('knows the calendar', () => {
    expect(dateProblem('2024-02-29', '/d')).toBeNull();
    expect(dateProblem('2026-02-29', '/d')).not.toBeNull();
    expect(dateProblem('2026-1-01', '/d')).not.toBeNull();
  });

  it('holds licences, substitutions and distances together', () => {
    expect(licenceProblems({ validFrom: '2027-01-01', validTo: '2026-12-31' })).toHaveLength(1);
    expect(substitutionProblems({ offeredMaterialId: 1, replacesMaterialId: 1, ratio: 0 }).map((e) => e.path)).toEqual(['/body/ratio', '/body/replacesMaterialId']);
    expect(distanceProblems({ fromSiteId: 1, toSiteId: 1, km: 0 }).map((e) => e.path)).toEqual(['/body/km', '/body/toSiteId']);
  });
});
