import { describe, expect, it } from 'vitest';
import { distanceLookup, haversineKm } from './distance.ts';
import { tonnesPerUnit, transportMode } from './transport.ts';
import type { PlanMaterial } from '../model.ts';

describe('distance', () => {
  it('measures the great circle and applies the road factor', () => {
    // One degree of latitude ≈ 111.2 km.
    expect(haversineKm(30, 114, 31, 114)).toBeCloseTo(111.2, 0);
    const lookup = distanceLookup({ 1: { id: 1, lat: 30, lng: 114 }, 2: { id: 2, lat: 30.01, lng: 114 }, 3: { id: 3, lat: null, lng: null } }, [], 1.3);
    expect(lookup(1, 2)!.km).toBeCloseTo(1.112 * 1.3, 2);
    expect(lookup(1, 2)!.from).toBe('coordinates');
    expect(lookup(1, 1)).toEqual({ km: 0, from: 'coordinates' });
    expect(lookup(1, 3)).toBeNull();
  });

  it('lets the park table win, in either direction', () => {
    const lookup = distanceLookup({ 1: { id: 1, lat: 30, lng: 114 }, 2: { id: 2, lat: 30.01, lng: 114 }, 3: { id: 3, lat: null, lng: null } }, [{ fromSiteId: 3, toSiteId: 1, km: 7 }, { fromSiteId: 1, toSiteId: 2, km: 4 }, { fromSiteId: 2, toSiteId: 1, km: 5 }], 1.3);
    expect(lookup(1, 3)).toEqual({ km: 7, from: 'table' });
    expect(lookup(3, 1)).toEqual({ km: 7, from: 'table' });
    expect(lookup(1, 2)).toEqual({ km: 4, from: 'table' });
    expect(lookup(2, 1)).toEqual({ km: 5, from: 'table' });
  });
});

describe('transport', () => {
  const m = (code: string, category: string, unit: string, densityKgPerUnit: number | null = null): PlanMaterial => ({ code, category, unit, hazardous: false, hwCode: null, swCode: null, densityKgPerUnit });
  it('pipes steam, heat and gases and trucks the rest', () => {
    expect(transportMode(m('STEAM_LP', 'energy_carrier', 't'))).toBe('pipeline_steam');
    expect(transportMode(m('WASTE_HEAT', 'energy_carrier', 'GJ'))).toBe('heat_network');
    expect(transportMode(m('HYDROGEN_BYPRODUCT', 'by_product', 'Nm3'))).toBe('pipeline_gas');
    expect(transportMode(m('NATURAL_GAS', 'energy_carrier', 'm3'))).toBe('pipeline_gas');
    expect(transportMode(m('RAW_COAL', 'energy_carrier', 't'))).toBe('road');
    expect(transportMode(m('INDUSTRIAL_WATER', 'utility', 'm3', 1000))).toBe('road');
    expect(transportMode(m('PHOSPHOGYPSUM', 'by_product', 't'))).toBe('road');
  });
  it('converts units to tonnes where it can', () => {
    expect(tonnesPerUnit(m('X', 'waste', 't'))).toBe(1);
    expect(tonnesPerUnit(m('X', 'product', 'kg'))).toBe(0.001);
    expect(tonnesPerUnit(m('X', 'utility', 'm3', 1000))).toBe(1);
    expect(tonnesPerUnit(m('X', 'utility', 'm3'))).toBeNull();
  });
});
