/**
 * A quantity in the unit its source gave, expressed in its material's ledger unit (the catalogue's
 * `unit`): kg or t to t, m3 of a liquid to t through its density, GJ of a fuel to Nm3 through its
 * calorific value, and so on. Balances add quantities of one material, so every flow of it must be
 * in one unit. Pure: no I/O.
 *
 * Four kinds of quantity are told apart: mass, volume, normal volume (Nm3: gas at 0 °C and
 * 101.325 kPa, never mixed with m3 at operating conditions, although units.ts gives both the same
 * dimension) and energy. Within a kind the factors are units.ts's; across kinds the material's own
 * properties bridge them (density, lower heating value per kg or per unit). Every conversion is a
 * factor (no unit here has an offset), so a standard deviation converts with the same factor.
 */
import { unitOf } from '../../core/units.ts';
import type { LedgerMaterial } from './model.ts';

type Kind = 'mass' | 'volume' | 'normal_volume' | 'energy';

/** The base unit of each kind: what units.ts's factors are relative to. */
const BASE_UNIT: Readonly<Record<Kind, string>> = { mass: 'kg', volume: 'm3', normal_volume: 'Nm3', energy: 'MJ' };

/** How one unit stands to its kind's base unit: one `unit` is `factor` base units. */
interface Measure {
  kind: Kind;
  factor: number;
}

function measureOf(unit: string): Measure | null {
  if (unit === 'Nm3') return { kind: 'normal_volume', factor: 1 };
  const u = unitOf(unit);
  if (!u || u.offset) return null;
  if (u.dimension === 'mass' || u.dimension === 'volume' || u.dimension === 'energy') return { kind: u.dimension, factor: u.factor };
  return null;
}

/** One base unit of `from` is `factor` base units of `to`, by a property of the material. */
interface Bridge {
  from: Kind;
  to: Kind;
  factor: number;
  /** What the bridge uses, for the message when no way across exists. */
  property: string;
}

const usable = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

/**
 * The ways the material's properties bridge kinds, both directions; per-unit heating value first
 * (the catalogue's most direct figure). `own` is the measure of the material's catalogue unit, the
 * unit its per-unit figures are per (null when that unit is not a quantity, e.g. pcs).
 */
function bridgesOf(material: LedgerMaterial, own: Measure | null): Bridge[] {
  const out: Bridge[] = [];
  const add = (from: Kind, to: Kind, factor: number, property: string) => {
    out.push({ from, to, factor, property }, { from: to, to: from, factor: 1 / factor, property });
  };
  // 1 MJ is 1/lhv material units, and one material unit is own.factor base units of its kind.
  if (own && usable(material.lhvMJPerUnit) && own.kind !== 'energy') add('energy', own.kind, own.factor / material.lhvMJPerUnit, 'heating value per unit');
  if (usable(material.lhvMJPerKg)) add('energy', 'mass', 1 / material.lhvMJPerKg, 'heating value per kg');
  if (usable(material.densityKgM3)) {
    add('mass', 'volume', 1 / material.densityKgM3, 'density');
    // A gas (kept in Nm3): the catalogue gives its density at 0 °C and 101.325 kPa, exactly the Nm3 state.
    if (own?.kind === 'normal_volume') add('mass', 'normal_volume', 1 / material.densityKgM3, 'density');
  }
  return out;
}

/** The factor from one base unit of `from` to base units of `to` along the material's bridges (breadth first), or null. */
function bridgeFactor(from: Kind, to: Kind, bridges: readonly Bridge[]): number | null {
  const reached = new Map<Kind, number>([[from, 1]]);
  const queue: Kind[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) return reached.get(at)!;
    for (const b of bridges) {
      if (b.from !== at || reached.has(b.to)) continue;
      reached.set(b.to, reached.get(at)! * b.factor);
      queue.push(b.to);
    }
  }
  return null;
}

const NEEDED: Readonly<Partial<Record<`${Kind}>${Kind}`, string>>> = {
  'mass>volume': 'a density',
  'volume>mass': 'a density',
  'energy>mass': 'a heating value',
  'mass>energy': 'a heating value',
  'energy>volume': 'a heating value (per unit) or a heating value per kg and a density',
  'volume>energy': 'a heating value (per unit) or a heating value per kg and a density',
  'energy>normal_volume': 'a heating value per unit, or a heating value per kg and a density',
  'normal_volume>energy': 'a heating value per unit, or a heating value per kg and a density',
  'mass>normal_volume': 'a density (at 0 °C and 101.325 kPa)',
  'normal_volume>mass': 'a density (at 0 °C and 101.325 kPa)',
};

/**
 * How many `target` units (default: the material's own unit) one `unit` is, by the material's
 * properties, or why it cannot be said.
 */
export function materialUnitFactor(unit: string, material: LedgerMaterial, target: string = material.unit): { factor: number } | { error: string } {
  if (unit === target) return { factor: 1 };
  const given = measureOf(unit);
  const want = measureOf(target);
  if (!given) return { error: `unknown unit ${unit}: use a unit of mass, volume, Nm3 or energy (e.g. t, m3, Nm3, GJ)` };
  if (!want) return { error: `cannot convert ${unit} to ${target}: the material ${material.code} is kept in ${target}, which is not a unit of mass, volume, Nm3 or energy` };
  // m3 at operating conditions is not Nm3, and no path through the density may pretend it is.
  if ((given.kind === 'volume' && want.kind === 'normal_volume') || (given.kind === 'normal_volume' && want.kind === 'volume')) {
    return { error: `cannot convert ${unit} to ${target} for ${material.code}: a volume at operating conditions is not a normal volume (Nm3, 0 °C and 101.325 kPa)` };
  }
  const across = bridgeFactor(given.kind, want.kind, bridgesOf(material, measureOf(material.unit)));
  if (across === null) {
    const needs = NEEDED[`${given.kind}>${want.kind}`];
    const why = needs ? `the catalogue gives ${material.code} no ${needs.replace(/^an? /, '')}` : `${BASE_UNIT[given.kind]} and ${BASE_UNIT[want.kind]} measure different things`;
    return { error: `cannot convert ${unit} to ${target} for ${material.code}: ${why}` };
  }
  return { factor: (given.factor * across) / want.factor };
}

/** A quantity given in `unit`, in the material's unit; an impossible conversion is an error naming both units. */
export function toMaterialUnit(quantity: number, unit: string, material: LedgerMaterial): { value: number } | { error: string } {
  const f = materialUnitFactor(unit, material);
  return 'error' in f ? f : { value: quantity * f.factor };
}

/** A standard deviation given in `unit`, in the material's unit (the same factor: every conversion here is linear). */
export function sdToMaterialUnit(sd: number, unit: string, material: LedgerMaterial): { value: number } | { error: string } {
  const f = materialUnitFactor(unit, material);
  return 'error' in f ? f : { value: sd * Math.abs(f.factor) };
}
