/**
 * How a material travels and how much of it is a tonne. Steam goes by pipe, heat by a hot-water
 * network, gases by pipe; everything else by truck, priced per t·km, so its unit must convert to t.
 */
import { unitOf } from '../../../core/units.ts';
import type { PlanMaterial, TransportMode } from '../model.ts';

const GAS_CATEGORIES = new Set(['energy_carrier', 'by_product', 'utility']);

export function transportMode(m: PlanMaterial): TransportMode {
  // Coal and fuel oil are energy carriers in t too, but they go by truck: only steam is piped.
  if (m.code.startsWith('STEAM')) return 'pipeline_steam';
  if (m.unit === 'GJ') return 'heat_network';
  // Nm3 is always a gas; m3 is a gas only for an energy carrier (natural gas): utility m3 is water.
  if ((m.unit === 'Nm3' && GAS_CATEGORIES.has(m.category)) || (m.unit === 'm3' && m.category === 'energy_carrier')) return 'pipeline_gas';
  return 'road';
}

/** Tonnes per unit of the material, or null when the unit is not a mass and no density is known. */
export function tonnesPerUnit(m: Pick<PlanMaterial, 'unit' | 'densityKgPerUnit'>): number | null {
  if (m.unit === 't') return 1;
  if (m.unit === 'kg') return 0.001;
  if (m.densityKgPerUnit !== null && Number.isFinite(m.densityKgPerUnit) && m.densityKgPerUnit > 0) return m.densityKgPerUnit / 1000;
  return null;
}

/** kg per unit of a material counted in a volume (m3, L, Nm3), from its density; null for masses and where unknown. */
export function densityPerUnit(unit: string, densityKgM3: number | null): number | null {
  const u = unitOf(unit);
  if (!u || u.dimension !== 'volume' || densityKgM3 === null) return null;
  return densityKgM3 * u.factor;
}

/** Tonnes per unit of a material as the catalogue states it (its unit and density): the plan's rule, for deals and their impact. */
export function tonnesPerUnitOf(unit: string, densityKgM3: number | null): number | null {
  return tonnesPerUnit({ unit, densityKgPerUnit: densityPerUnit(unit, densityKgM3) });
}
