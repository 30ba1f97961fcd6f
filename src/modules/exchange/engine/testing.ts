/**
 * Hand-made instances for the engine's tests and the benchmark: a small catalogue of the demo's
 * materials and builders with defaults, so that a test states only what it is about.
 */
import type { PlanInstance, PlanLicence, PlanListing, PlanMaterial } from '../model.ts';
import { DEFAULT_EXCHANGE_SETTINGS } from '../settings.ts';

const material = (code: string, category: string, unit: string, extra: Partial<PlanMaterial> = {}): PlanMaterial => ({
  code,
  category,
  unit,
  hazardous: false,
  hwCode: null,
  swCode: null,
  densityKgPerUnit: null,
  ...extra,
});

export const TEST_MATERIALS: Record<string, PlanMaterial> = Object.fromEntries(
  [
    material('PHOSPHOGYPSUM', 'by_product', 't', { swCode: 'SW10' }),
    material('FGD_GYPSUM', 'by_product', 't', { swCode: 'SW06' }),
    material('CARBIDE_SLAG', 'by_product', 't', { swCode: 'SW16' }),
    material('LIMESTONE', 'raw_material', 't'),
    material('FLY_ASH', 'by_product', 't', { swCode: 'SW02' }),
    material('SPENT_SOLVENT', 'waste', 't', { hazardous: true, hwCode: 'HW06/900-402-06' }),
    material('WASTE_MINERAL_OIL', 'waste', 't', { hazardous: true, hwCode: 'HW08/900-249-08' }),
    material('RECOVERED_SOLVENT', 'product', 't'),
    material('TOLUENE', 'raw_material', 't'),
    material('STEAM_LP', 'energy_carrier', 't'),
    material('WASTE_HEAT', 'energy_carrier', 'GJ'),
    material('HYDROGEN_BYPRODUCT', 'by_product', 'Nm3', { densityKgPerUnit: 0.0899 }),
    material('NATURAL_GAS', 'energy_carrier', 'm3', { densityKgPerUnit: 0.717 }),
    material('OFFSPEC_PE', 'by_product', 't'),
    material('PE_PELLETS', 'product', 't'),
  ].map((m) => [m.code, m]),
);

let nextId = 1;

export function offer(extra: Partial<PlanListing> = {}): PlanListing {
  return {
    id: nextId++,
    side: 'offer',
    enterpriseId: 1,
    materialCode: 'PHOSPHOGYPSUM',
    accepts: [],
    quantity: 100,
    availableFrom: null,
    availableTo: null,
    siteId: 1,
    properties: {},
    priceCnyPerUnit: null,
    currentRoute: 'landfill',
    minLot: null,
    ...extra,
  };
}

export function demand(extra: Partial<PlanListing> = {}): PlanListing {
  return { ...offer({ side: 'demand', enterpriseId: 2, siteId: 2, currentRoute: null, materialCode: 'PHOSPHOGYPSUM', ...extra }) };
}

export function licence(extra: Partial<PlanLicence> = {}): PlanLicence {
  return { id: nextId++, enterpriseId: 2, kind: 'receiver', codes: ['HW06'], remainingT: null, validFrom: '2026-01-01', validTo: '2026-12-31', siteId: null, ...extra };
}

/** Two sites 2 km apart (by the park's table) unless a test says otherwise; the plan is for March 2026. */
export function instance(extra: Partial<PlanInstance> = {}): PlanInstance {
  return {
    period: { grain: 'month', from: '2026-03-01', to: '2026-03-31' },
    materials: TEST_MATERIALS,
    sites: { 1: { id: 1, lat: 30.6, lng: 114.3 }, 2: { id: 2, lat: 30.61, lng: 114.31 }, 3: { id: 3, lat: 30.7, lng: 114.3 } },
    offers: [],
    demands: [],
    licences: [],
    substitutions: [],
    distances: [{ fromSiteId: 1, toSiteId: 2, km: 2 }],
    settings: structuredClone(DEFAULT_EXCHANGE_SETTINGS),
    ...extra,
  };
}
