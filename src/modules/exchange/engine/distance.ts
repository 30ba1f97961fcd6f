/**
 * How far apart two sites are: the park's table when it has the pair (in either direction: it
 * knows the roads and pipe racks), else the great-circle distance times the road factor.
 */
import type { PlanDistance, PlanSite } from '../model.ts';

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLng = rad(lng2 - lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface SiteDistance {
  km: number;
  from: 'table' | 'coordinates';
}

/** The distance between two sites, or null when neither the table nor both sites' coordinates know it. */
export type DistanceLookup = (fromSiteId: number, toSiteId: number) => SiteDistance | null;

/** A lookup over one instance's sites and table, remembering what it computed (many pairs share sites). */
export function distanceLookup(sites: Record<number, PlanSite>, table: PlanDistance[], roadFactor: number): DistanceLookup {
  // Nested maps by site id: many pairs share sites, and numeric keys build no strings.
  const known = new Map<number, Map<number, SiteDistance | null>>();
  const set = (from: number, to: number, d: SiteDistance | null) => {
    let row = known.get(from);
    if (!row) known.set(from, (row = new Map()));
    row.set(to, d);
  };
  // Reverse directions first, so that a direction the table states itself wins over its mirror.
  for (const d of table) set(d.toSiteId, d.fromSiteId, { km: d.km, from: 'table' });
  for (const d of table) set(d.fromSiteId, d.toSiteId, { km: d.km, from: 'table' });
  return (fromSiteId, toSiteId) => {
    const hit = known.get(fromSiteId)?.get(toSiteId);
    if (hit !== undefined) return hit;
    let found: SiteDistance | null;
    if (fromSiteId === toSiteId) found = { km: 0, from: 'coordinates' };
    else {
      const a = sites[fromSiteId];
      const b = sites[toSiteId];
      found =
        a && b && a.lat !== null && a.lng !== null && b.lat !== null && b.lng !== null
          ? { km: haversineKm(a.lat, a.lng, b.lat, b.lng) * roadFactor, from: 'coordinates' }
          : null;
    }
    set(fromSiteId, toSiteId, found);
    return found;
  };
}
