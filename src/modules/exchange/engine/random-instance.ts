/**
 * Random planning instances, seeded: the property tests use small ones, the benchmark
 * (bench/exchange.ts) a park-sized one. They carry everything the engine reads — hazardous
 * materials with receiver licences (some expired, some capped), minimum lots, substitutions with
 * conditions, property ranges on both sides, time windows, pipes and roads — so that every rule
 * both admits and refuses some pairs. Materials come in families of related ones (gypsums, slags,
 * solvents…): a demand accepts, and a substitution replaces, only within its family, as in a park.
 */
import type { DisposalRoute, PlanInstance, PlanLicence, PlanListing, PlanMaterial, PropertyRanges } from '../model.ts';
import { mulberry32 } from '../../../core/seeded-random.ts';
import { DEFAULT_EXCHANGE_SETTINGS } from '../settings.ts';


export interface RandomInstanceSize {
  offers: number;
  demands: number;
  materials: number;
  enterprises?: number;
  sites?: number;
  /** The share of listings with a minimum lot (default 0.2). */
  lotShare?: number;
}

const ROUTES: DisposalRoute[] = ['landfill', 'landfill', 'incineration', 'storage', 'treatment', 'vent', 'sold', 'none'];
const PROPERTIES = ['P2O5', 'F', 'moisture', 'CaO', 'purity'] as const;

export function randomInstance(seed: number, size: RandomInstanceSize): PlanInstance {
  const u = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(u() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(u() * xs.length)];
  const chance = (p: number) => u() < p;
  const enterprises = size.enterprises ?? Math.max(3, Math.ceil((size.offers + size.demands) / 40));
  const siteCount = size.sites ?? Math.max(3, Math.ceil((size.offers + size.demands) / 20));

  const materials: Record<string, PlanMaterial> = {};
  const codes: string[] = [];
  const family: number[] = [];
  const FAMILY = 4;
  for (let i = 0; i < size.materials; i++) {
    const kind = u();
    const n = String(i).padStart(2, '0');
    let m: PlanMaterial;
    if (kind < 0.06) m = { code: `STEAM_M${n}`, category: 'energy_carrier', unit: 't', hazardous: false, hwCode: null, swCode: null, densityKgPerUnit: null };
    else if (kind < 0.1) m = { code: `HEAT_M${n}`, category: 'energy_carrier', unit: 'GJ', hazardous: false, hwCode: null, swCode: null, densityKgPerUnit: null };
    else if (kind < 0.14) m = { code: `GAS_M${n}`, category: 'by_product', unit: 'Nm3', hazardous: false, hwCode: null, swCode: null, densityKgPerUnit: 0.1 + u() };
    else if (kind < 0.34) {
      // A family of hazardous wastes shares its class (spent solvents are all HW06).
      const cls = `HW${String(2 + (Math.floor(i / FAMILY) % 48)).padStart(2, '0')}`;
      m = { code: `HAZ_M${n}`, category: 'waste', unit: 't', hazardous: true, hwCode: `${cls}/900-${String(int(100, 999))}-${cls.slice(2)}`, swCode: null, densityKgPerUnit: null };
    } else m = { code: `MAT_M${n}`, category: chance(0.5) ? 'by_product' : 'raw_material', unit: 't', hazardous: false, hwCode: null, swCode: chance(0.5) ? `SW${String(1 + (Math.floor(i / FAMILY) % 99)).padStart(2, "0")}` : null, densityKgPerUnit: null };
    materials[m.code] = m;
    codes.push(m.code);
    family.push(Math.floor(i / FAMILY));
  }
  const relative = (i: number) => Math.min(codes.length - 1, family[i] * FAMILY + int(0, FAMILY - 1));

  const settings = structuredClone(DEFAULT_EXCHANGE_SETTINGS);
  // Per unit: a t of material is worth hundreds of CNY, an Nm3 of gas a few.
  for (const code of codes) {
    const perT = materials[code].unit === "Nm3" ? 0.004 : 1;
    settings.virgin[code] = { cnyPerUnit: Math.round(u() * 800 * perT * 1000) / 1000, kgCo2PerUnit: Math.round(u() * 900 * perT * 1000) / 1000 };
  }
  // The boxes are a few km across, so that some pipes are too long and some are not.
  const sites: PlanInstance['sites'] = {};
  for (let s = 1; s <= siteCount; s++) sites[s] = chance(0.97) ? { id: s, lat: 30.6 + u() * 0.08, lng: 114.3 + u() * 0.08 } : { id: s, lat: null, lng: null };
  const distances = Array.from({ length: Math.ceil(siteCount / 4) }, () => ({ fromSiteId: int(1, siteCount), toSiteId: int(1, siteCount), km: Math.round(u() * 120) / 10 }));

  const properties = (accepting: boolean): PropertyRanges => {
    const out: PropertyRanges = {};
    for (const p of PROPERTIES) {
      if (!chance(accepting ? 0.15 : 0.4)) continue;
      const v = Math.round(u() * 200) / 10;
      out[p] = accepting ? { max: v + 2 } : { min: 0, max: v };
    }
    return out;
  };
  const window = (): [string | null, string | null] => {
    if (!chance(0.1)) return [null, null];
    const from = `2026-0${int(1, 6)}-${String(int(1, 28)).padStart(2, '0')}`;
    return [from, chance(0.5) ? null : `2026-0${int(6, 9)}-15`];
  };

  let id = 1;
  const listing = (side: 'offer' | 'demand'): PlanListing => {
    const index = int(0, codes.length - 1);
    const material = codes[index];
    const m = materials[material];
    const [availableFrom, availableTo] = window();
    const accepts: string[] = [];
    if (side === 'demand' && chance(0.25)) {
      const other = materials[codes[relative(index)]];
      accepts.push(other.hwCode ? (chance(0.5) ? other.hwCode.split('/')[0] : other.hwCode) : (other.swCode ?? other.code));
    }
    const scale = m.unit === 'Nm3' ? 1000 : 1;
    const quantity = Math.round((10 + u() * 990) * scale);
    return {
      id: id++,
      side,
      enterpriseId: int(1, enterprises),
      materialCode: material,
      accepts,
      quantity,
      availableFrom,
      availableTo,
      siteId: int(1, siteCount),
      properties: properties(side === 'demand'),
      priceCnyPerUnit: side === 'demand' && chance(0.1) ? Math.round(u() * 500) : null,
      currentRoute: side === 'offer' ? (m.hazardous ? pick(['incineration', 'treatment'] as const) : pick(ROUTES)) : null,
      // A lot is a truckload or two by road; a pipe's is a share of the flow worth connecting for.
      minLot: chance(size.lotShare ?? 0.2) ? Math.min(quantity, m.unit === 't' && !m.code.startsWith('STEAM') ? 20 + int(0, 20) : Math.round(quantity * (0.05 + u() * 0.2))) : null,
    };
  };
  const offers = Array.from({ length: size.offers }, () => listing('offer'));
  const demands = Array.from({ length: size.demands }, () => listing('demand'));

  const substitutions = Array.from({ length: Math.ceil(size.materials / 2) }, () => int(0, codes.length - 1)).map((i) => ({
    offered: codes[i],
    replaces: codes[relative(i)],
    ratio: Math.round((0.5 + u()) * 100) / 100,
    conditions: chance(0.5) ? { [pick(PROPERTIES)]: { max: 5 + Math.round(u() * 150) / 10 } } : {},
    source: chance(0.5) ? 'GB/T test' : null,
  })).filter((s) => s.offered !== s.replaces);

  const hazardousClasses = [...new Set(codes.map((c) => materials[c].hwCode?.split('/')[0]).filter((c): c is string => !!c))];
  const licences: PlanLicence[] = [];
  for (let e = 1; e <= enterprises; e++) {
    if (!chance(0.6) || hazardousClasses.length === 0) continue;
    const expired = chance(0.15);
    licences.push({
      id: 10_000 + e,
      enterpriseId: e,
      kind: 'receiver',
      // A receiver is licensed for its trade: mostly one class, now and then two.
      codes: Array.from({ length: chance(0.8) ? 1 : 2 }, () => pick(hazardousClasses)),
      remainingT: chance(0.5) ? null : Math.round(50 + u() * 2000),
      validFrom: '2025-01-01',
      validTo: expired ? '2025-12-31' : '2027-12-31',
      siteId: null,
    });
  }

  return { period: { grain: 'month', from: '2026-03-01', to: '2026-03-31' }, materials, sites, offers, demands, licences, substitutions, distances, settings };
}
