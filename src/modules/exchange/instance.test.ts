import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInstance, currentMonthIn, overlaps, planPeriod, recurrenceFactor, type InstanceFacts, type ListingFacts } from './instance.ts';
import { DEFAULT_EXCHANGE_SETTINGS } from './settings.ts';

const listing = (over: Partial<ListingFacts> = {}): ListingFacts => ({
  id: 1, side: 'offer', enterpriseId: 1, materialId: 10, accepts: null, quantity: 120, recurrence: 'month', availableFrom: null, availableTo: null,
  siteId: 100, properties: null, priceCnyPerUnit: null, currentRoute: 'landfill', minLot: 12, ...over,
});
const facts = (listings: ListingFacts[], grain: 'month' | 'year' = 'month'): InstanceFacts => ({
  period: grain === 'month' ? { grain, from: '2026-03-01', to: '2026-03-31' } : { grain, from: '2026-01-01', to: '2026-12-31' },
  listings,
  materials: new Map([
    [10, { id: 10, enterpriseId: null, code: 'FLY_ASH', unit: 't', category: 'waste', hazardous: false, hwCode: null, swCode: 'SW10', densityKgM3: null }],
    [11, { id: 11, enterpriseId: 1, code: 'FLY_ASH', unit: 'm3', category: 'waste', hazardous: false, hwCode: null, swCode: null, densityKgM3: 800 }],
    [12, { id: 12, enterpriseId: null, code: 'SPENT_SOLVENT', unit: 'm3', category: 'waste', hazardous: true, hwCode: 'HW06/900-402-06', swCode: null, densityKgM3: 850 }],
  ]),
  sites: new Map([[100, { id: 100, lat: 30, lng: 120 }], [200, { id: 200, lat: null, lng: null }]]),
  licences: [{ id: 1, enterpriseId: 2, kind: 'receiver', codes: ['HW06'], annualCapacityT: 100, validFrom: '2026-01-01', validTo: '2026-12-31', siteId: 200 }],
  licenceUse: [{ receiverId: 2, hwCode: 'HW06/900-402-06', t: 30 }, { receiverId: 3, hwCode: 'HW06/900-402-06', t: 50 }],
  substitutions: [],
  distances: [],
  settings: DEFAULT_EXCHANGE_SETTINGS,
});

describe('the plan period', () => {
  it('reads a month or a year, and refuses what is neither', () => {
    expect(planPeriod({ period: '2026-02' }, '2026-05')).toEqual({ period: { grain: 'month', from: '2026-02-01', to: '2026-02-28' } });
    expect(planPeriod({ period: '2024-02' }, '2026-05')).toEqual({ period: { grain: 'month', from: '2024-02-01', to: '2024-02-29' } });
    expect(planPeriod({ period: '2026' }, '2026-05')).toEqual({ period: { grain: 'year', from: '2026-01-01', to: '2026-12-31' } });
    expect(planPeriod({}, '2026-05')).toEqual({ period: { grain: 'month', from: '2026-05-01', to: '2026-05-31' } });
    expect(planPeriod({ grain: 'year' }, '2026-05')).toEqual({ period: { grain: 'year', from: '2026-01-01', to: '2026-12-31' } });
    for (const bad of ['2026-13', '2026-1', 'x', '0000', '2026-03-01']) expect(planPeriod({ period: bad }, '2026-05')).toHaveProperty('problem');
    expect(planPeriod({ grain: 'month', period: '2026' }, '2026-05')).toHaveProperty('problem');
    expect(planPeriod({ grain: 'year', period: '2026-01' }, '2026-05')).toHaveProperty('problem');
  });

  it('takes the current month in the park’s time zone', () => {
    // 2026-03-31 20:00 UTC is already April in Shanghai.
    expect(currentMonthIn('Asia/Shanghai', new Date('2026-03-31T20:00:00Z'))).toBe('2026-04');
    expect(currentMonthIn('UTC', new Date('2026-03-31T20:00:00Z'))).toBe('2026-03');
  });
});

describe('the instance', () => {
  it('restates quantities and lots per period: a month plan takes a twelfth of a year, a year plan twelve months', () => {
    const ls = [listing({ id: 1 }), listing({ id: 2, recurrence: 'year' }), listing({ id: 3, recurrence: 'once', minLot: null })];
    const month = buildInstance(facts(ls, 'month')).offers.map((o) => [o.id, o.quantity, o.minLot]);
    expect(month).toEqual([[1, 120, 12], [2, 10, 1], [3, 120, null]]);
    const year = buildInstance(facts(ls, 'year')).offers.map((o) => [o.id, o.quantity, o.minLot]);
    expect(year).toEqual([[1, 1440, 144], [2, 120, 12], [3, 120, null]]);
  });

  it('leaves out listings whose window misses the period, keeps those that overlap it', () => {
    const ls = [listing({ id: 1, availableTo: '2026-02-28' }), listing({ id: 2, availableFrom: '2026-03-31' }), listing({ id: 3, availableFrom: '2026-04-01' })];
    expect(buildInstance(facts(ls)).offers.map((o) => o.id)).toEqual([2]);
  });

  it('names a material by code, the catalogue’s winning over an enterprise’s own of the same code', () => {
    const i = buildInstance(facts([listing({ materialId: 11 })]));
    expect(i.offers[0].materialCode).toBe('FLY_ASH');
    expect(i.materials.FLY_ASH.unit).toBe('t');
    expect(i.materials.SPENT_SOLVENT.densityKgPerUnit).toBe(850);
  });

  it('leaves a licence the capacity its receiver has not yet used this year', () => {
    expect(buildInstance(facts([])).licences[0].remainingT).toBe(70);
  });

  it('keeps accepts on demands and disposal routes on offers only', () => {
    const i = buildInstance(facts([listing({ id: 1, side: 'demand', accepts: ['HW06'], currentRoute: 'landfill' })]));
    expect(i.demands[0]).toMatchObject({ accepts: ['HW06'], currentRoute: null });
  });

  it('restates every quantity by its recurrence factor and keeps the lot within it (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.constantFrom('month', 'year', 'once' as const), fc.constantFrom('month', 'year' as const), (q, rec, grain) => {
        const [o] = buildInstance(facts([listing({ quantity: q, recurrence: rec, minLot: q / 2 })], grain)).offers;
        expect(o.quantity).toBeCloseTo(q * recurrenceFactor(rec, grain));
        expect(o.minLot!).toBeLessThanOrEqual(o.quantity);
      }),
    );
  });
});

describe('helpers', () => {
  it('open windows overlap everything', () => {
    expect(overlaps({ availableFrom: null, availableTo: null }, { grain: 'month', from: '2026-01-01', to: '2026-01-31' })).toBe(true);
  });
});
