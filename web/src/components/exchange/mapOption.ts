/**
 * The park as a plain plan drawing (no map tiles: nothing is fetched from outside): the sites at
 * their coordinates on longitude/latitude axes with one kilometre as long east–west as north–south,
 * each labelled, and the plan's matches as lines between them whose width follows the quantity.
 * Drawn with ECharts' line series on a cartesian grid (points: a series without its line; each
 * match: a two-point line). Pure: no I/O.
 */

export interface MapSite {
  id: number;
  label: string;
  lat: number;
  lng: number;
  /** Whether it offers, receives, or both in the plan (its colour). */
  role: 'offer' | 'demand' | 'both' | 'none';
}

export interface MapMatch {
  from: number;
  to: number;
  quantity: number;
  label: string;
}

export interface MapTexts {
  sites: string;
  matches: string;
}

/** The grid's size in pixels: fixed, so that equal spans of km are equal spans of pixels. */
export const MAP_GRID = { width: 720, height: 400 } as const;
const KM_PER_DEG_LAT = 110.57;
const KM_PER_DEG_LNG_AT_EQUATOR = 111.32;

export interface Extent {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

/**
 * The axes' ranges around the points, padded by a tenth and widened along one axis so that a km
 * east–west and a km north–south take the same pixels on a grid of `size` (a degree of longitude is
 * shorter than one of latitude by cos φ).
 */
export function equalAspectExtent(points: readonly { lat: number; lng: number }[], size: { width: number; height: number } = MAP_GRID): Extent {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  let minLat = Math.min(...lats);
  let maxLat = Math.max(...lats);
  let minLng = Math.min(...lngs);
  let maxLng = Math.max(...lngs);
  const midLat = (minLat + maxLat) / 2;
  const cos = Math.max(0.01, Math.cos((midLat * Math.PI) / 180));
  // At least a kilometre either way, so that one site or sites on a line still make a plan.
  let latKm = Math.max((maxLat - minLat) * KM_PER_DEG_LAT, 1) * 1.2;
  let lngKm = Math.max((maxLng - minLng) * KM_PER_DEG_LNG_AT_EQUATOR * cos, 1) * 1.2;
  const aspect = size.width / size.height;
  if (lngKm / latKm < aspect) lngKm = latKm * aspect;
  else latKm = lngKm / aspect;
  const midLng = (minLng + maxLng) / 2;
  const halfLat = latKm / KM_PER_DEG_LAT / 2;
  const halfLng = lngKm / (KM_PER_DEG_LNG_AT_EQUATOR * cos) / 2;
  minLat = midLat - halfLat;
  maxLat = midLat + halfLat;
  minLng = midLng - halfLng;
  maxLng = midLng + halfLng;
  return { minLng, maxLng, minLat, maxLat };
}

/** A match line's width: 1.5 px for the smallest, up to 9 px for the largest quantity. */
export function lineWidth(quantity: number, largest: number): number {
  if (!(largest > 0) || !(quantity > 0)) return 1.5;
  return 1.5 + 7.5 * Math.sqrt(Math.min(1, quantity / largest));
}

const ROLE_COLOR: Record<MapSite['role'], string> = { offer: '#fa8c16', demand: '#1677ff', both: '#722ed1', none: '#8c8c8c' };

export function parkMapOption(sites: readonly MapSite[], matches: readonly MapMatch[], texts: MapTexts, fmt: (n: number) => string) {
  const byId = new Map(sites.map((s) => [s.id, s]));
  const drawn = matches.filter((m) => byId.has(m.from) && byId.has(m.to));
  const largest = Math.max(0, ...drawn.map((m) => m.quantity));
  const extent = sites.length ? equalAspectExtent(sites) : { minLng: 0, maxLng: 1, minLat: 0, maxLat: 1 };
  const axis = (min: number, max: number) => ({ type: 'value' as const, min, max, scale: true, axisLabel: { formatter: (v: number) => v.toFixed(3) }, splitLine: { lineStyle: { type: 'dashed' as const, opacity: 0.4 } } });
  return {
    animation: false,
    grid: { width: MAP_GRID.width, height: MAP_GRID.height, left: 'center', top: 24 },
    tooltip: { trigger: 'item' },
    xAxis: { ...axis(extent.minLng, extent.maxLng), name: 'lng' },
    yAxis: { ...axis(extent.minLat, extent.maxLat), name: 'lat' },
    series: [
      ...drawn.map((m, i) => {
        const a = byId.get(m.from)!;
        const b = byId.get(m.to)!;
        return {
          id: `match-${i}`,
          name: texts.matches,
          type: 'line' as const,
          data: [[a.lng, a.lat], [b.lng, b.lat]],
          showSymbol: false,
          lineStyle: { width: lineWidth(m.quantity, largest), color: '#52c41a', opacity: 0.75 },
          tooltip: { trigger: 'item' as const, formatter: () => `${m.label}: ${fmt(m.quantity)}` },
          emphasis: { focus: 'series' as const },
          z: 2,
        };
      }),
      {
        id: 'sites',
        name: texts.sites,
        type: 'line' as const,
        data: sites.map((s) => ({ value: [s.lng, s.lat], name: s.label, itemStyle: { color: ROLE_COLOR[s.role] } })),
        lineStyle: { width: 0, opacity: 0 },
        symbol: 'circle',
        symbolSize: 12,
        showAllSymbol: true,
        label: { show: true, position: 'right' as const, formatter: (p: { name: string }) => p.name, fontSize: 11 },
        tooltip: { trigger: 'item' as const, formatter: (p: { name: string; value: number[] }) => `${p.name}<br/>${p.value[1].toFixed(4)}, ${p.value[0].toFixed(4)}` },
        z: 3,
      },
    ],
  };
}
