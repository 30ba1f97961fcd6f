/**
 * The planning instance a caller's plan solves (PlanInstance, model.ts), assembled from what the
 * store and the registry hold. Pure: the service reads, this decides.
 *
 * - Period: a month 'YYYY-MM' (the default grain; the current month of the park's time zone) or a
 *   year 'YYYY'.
 * - Quantities are restated per period: a month plan takes a monthly listing as it is, a yearly one
 *   as a twelfth, a one-off lot whole; a year plan twelve months of a monthly listing, a yearly one
 *   as it is, a one-off lot whole. A listing whose window does not overlap the period is left out
 *   (it has nothing to give or take then); one that overlaps only partly counts in full (a listing
 *   says what it moves while it is available, and the plan is a suggestion, not a schedule).
 * - Licences: what is left of a year's capacity is the annual capacity less what recorded exchange
 *   deliveries of hazardous materials to that receiver used in the plan's year (deliveries recorded
 *   on deals, counted by due date, in t; each licence of the receiver covering the waste's code is
 *   charged with it, since the record does not say under which licence it was taken).
 */
import type { ExchangeSettings, ListingRecurrence, PlanInstance, PlanLicence, PlanListing, PlanMaterial, PlanOverrides, PropertyRanges, DisposalRoute, LicenceKind, ListingSide } from './model.ts';
import { licenceCovers } from './codes.ts';
import { densityPerUnit } from './engine/transport.ts';

export type PlanPeriod = PlanInstance['period'];

/** What the store holds of a listing, as the instance needs it (camelCase, JSON decoded). */
export interface ListingFacts {
  id: number;
  side: ListingSide;
  enterpriseId: number;
  materialId: number;
  accepts: string[] | null;
  quantity: number;
  recurrence: ListingRecurrence;
  availableFrom: string | null;
  availableTo: string | null;
  siteId: number;
  properties: PropertyRanges | null;
  priceCnyPerUnit: number | null;
  currentRoute: DisposalRoute | null;
  minLot: number | null;
}

export interface MaterialFacts {
  id: number;
  enterpriseId: number | null;
  code: string;
  unit: string;
  category: string;
  hazardous: boolean;
  hwCode: string | null;
  swCode: string | null;
  densityKgM3: number | null;
}

export interface LicenceFacts {
  id: number;
  enterpriseId: number;
  kind: LicenceKind;
  codes: string[];
  annualCapacityT: number | null;
  validFrom: string;
  validTo: string;
  siteId: number | null;
}

/** t of a hazardous waste (its HW code) recorded as delivered through the exchange to a receiver this year. */
export interface LicenceUse {
  receiverId: number;
  hwCode: string;
  t: number;
}

export interface InstanceFacts {
  period: PlanPeriod;
  listings: ListingFacts[];
  materials: Map<number, MaterialFacts>;
  sites: Map<number, { id: number; lat: number | null; lng: number | null }>;
  licences: LicenceFacts[];
  licenceUse: LicenceUse[];
  substitutions: { offeredMaterialId: number; replacesMaterialId: number; ratio: number; conditions: PropertyRanges | null; source: string | null }[];
  distances: { fromSiteId: number; toSiteId: number; km: number }[];
  settings: ExchangeSettings;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The month it is now in a time zone, 'YYYY-MM'. */
export function currentMonthIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

/**
 * The plan's period from the overrides: `{ period }` or the reason it is not one. A year 'YYYY'
 * implies the year grain; a month needs the month grain (the default).
 */
export function planPeriod(o: Pick<PlanOverrides, 'grain' | 'period'>, currentMonth: string): { period: PlanPeriod } | { problem: string } {
  const text = o.period ?? (o.grain === 'year' ? currentMonth.slice(0, 4) : currentMonth);
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  if (!m) return { problem: "must be a month 'YYYY-MM' or a year 'YYYY'" };
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return { problem: 'must be a year between 1900 and 2200' };
  if (m[2] === undefined) {
    if (o.grain === 'month') return { problem: "a month plan needs a month 'YYYY-MM'" };
    return { period: { grain: 'year', from: `${year}-01-01`, to: `${year}-12-31` } };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { problem: 'has no such month' };
  if (o.grain === 'year') return { problem: "a year plan needs a year 'YYYY'" };
  return { period: { grain: 'month', from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}` } };
}

/** How many of a listing's recurrences fit in the period's grain. */
export function recurrenceFactor(recurrence: ListingRecurrence, grain: PlanPeriod['grain']): number {
  if (recurrence === 'once') return 1;
  if (grain === 'month') return recurrence === 'month' ? 1 : 1 / 12;
  return recurrence === 'month' ? 12 : 1;
}

/** Whether a listing's window (null bounds: open) overlaps the period. */
export function overlaps(l: Pick<ListingFacts, 'availableFrom' | 'availableTo'>, p: PlanPeriod): boolean {
  return (l.availableFrom === null || l.availableFrom <= p.to) && (l.availableTo === null || l.availableTo >= p.from);
}



export function buildInstance(f: InstanceFacts): PlanInstance {
  const materials: Record<string, PlanMaterial> = {};
  // A code the catalogue and an enterprise both define means the catalogue's material.
  const byCatalogueFirst = [...f.materials.values()].sort((a, b) => (a.enterpriseId === null ? 0 : 1) - (b.enterpriseId === null ? 0 : 1));
  for (const m of byCatalogueFirst) {
    if (materials[m.code]) continue;
    materials[m.code] = { code: m.code, unit: m.unit, category: m.category, hazardous: m.hazardous, hwCode: m.hwCode, swCode: m.swCode, densityKgPerUnit: densityPerUnit(m.unit, m.densityKgM3) };
  }
  const offers: PlanListing[] = [];
  const demands: PlanListing[] = [];
  const usedSites = new Set<number>();
  for (const l of f.listings) {
    const material = f.materials.get(l.materialId);
    if (!material || !overlaps(l, f.period)) continue;
    const k = recurrenceFactor(l.recurrence, f.period.grain);
    const listing: PlanListing = {
      id: l.id,
      side: l.side,
      enterpriseId: l.enterpriseId,
      materialCode: material.code,
      accepts: l.side === 'demand' ? [...(l.accepts ?? [])] : [],
      quantity: l.quantity * k,
      availableFrom: l.availableFrom,
      availableTo: l.availableTo,
      siteId: l.siteId,
      properties: l.properties ?? {},
      priceCnyPerUnit: l.priceCnyPerUnit,
      currentRoute: l.side === 'offer' ? l.currentRoute : null,
      minLot: l.minLot === null ? null : l.minLot * k,
    };
    usedSites.add(l.siteId);
    (l.side === 'offer' ? offers : demands).push(listing);
  }
  const licences: PlanLicence[] = f.licences.map((l) => {
    usedSites.add(l.siteId ?? -1);
    const used = f.licenceUse.filter((u) => u.receiverId === l.enterpriseId && licenceCovers(l.codes, u.hwCode)).reduce((s, u) => s + u.t, 0);
    return {
      id: l.id,
      enterpriseId: l.enterpriseId,
      kind: l.kind,
      codes: [...l.codes],
      remainingT: l.annualCapacityT === null ? null : Math.max(0, l.annualCapacityT - used),
      validFrom: l.validFrom,
      validTo: l.validTo,
      siteId: l.siteId,
    };
  });
  const sites: PlanInstance['sites'] = {};
  for (const d of f.distances) usedSites.add(d.fromSiteId).add(d.toSiteId);
  for (const id of usedSites) {
    const s = f.sites.get(id);
    if (s) sites[id] = { id, lat: s.lat, lng: s.lng };
  }
  const substitutions = f.substitutions.flatMap((s) => {
    const offered = f.materials.get(s.offeredMaterialId);
    const replaces = f.materials.get(s.replacesMaterialId);
    return offered && replaces ? [{ offered: offered.code, replaces: replaces.code, ratio: s.ratio, conditions: s.conditions ?? {}, source: s.source }] : [];
  });
  return {
    period: f.period,
    materials,
    sites,
    offers,
    demands,
    licences,
    substitutions,
    distances: f.distances.map((d) => ({ fromSiteId: d.fromSiteId, toSiteId: d.toSiteId, km: d.km })),
    settings: f.settings,
  };
}
