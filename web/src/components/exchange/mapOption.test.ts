import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { equalAspectExtent, lineWidth, MAP_GRID, parkMapOption } from './mapOption';

const point = fc.record({ lat: fc.double({ min: -60, max: 60, noNaN: true }), lng: fc.double({ min: -170, max: 170, noNaN: true }) });

describe('the park map', () => {
  it('gives a kilometre the same pixels east–west and north–south, and keeps every site inside', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 12 }).filter((ps) => Math.max(...ps.map((p) => p.lat)) - Math.min(...ps.map((p) => p.lat)) < 2 && Math.max(...ps.map((p) => p.lng)) - Math.min(...ps.map((p) => p.lng)) < 2), (ps) => {
        const e = equalAspectExtent(ps);
        const midLat = (e.minLat + e.maxLat) / 2;
        const kmX = (e.maxLng - e.minLng) * 111.32 * Math.cos((midLat * Math.PI) / 180);
        const kmY = (e.maxLat - e.minLat) * 110.57;
        expect(kmX / MAP_GRID.width).toBeCloseTo(kmY / MAP_GRID.height, 6);
        for (const p of ps) {
          expect(p.lat).toBeGreaterThanOrEqual(e.minLat);
          expect(p.lat).toBeLessThanOrEqual(e.maxLat);
          expect(p.lng).toBeGreaterThanOrEqual(e.minLng);
          expect(p.lng).toBeLessThanOrEqual(e.maxLng);
        }
      }),
    );
  });

  it('draws wider lines for larger quantities', () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 1e4, noNaN: true }), fc.double({ min: 0.001, max: 1e4, noNaN: true }), (a, b) => {
      const largest = Math.max(a, b);
      if (a <= b) expect(lineWidth(a, largest)).toBeLessThanOrEqual(lineWidth(b, largest));
      expect(lineWidth(largest, largest)).toBe(9);
    }));
  });

  it('has one labelled point per site and one line per match between known sites', () => {
    const option = parkMapOption(
      [
        { id: 1, label: '磷化工', lat: 37.07, lng: 119.13, role: 'offer' },
        { id: 2, label: '水泥', lat: 37.08, lng: 119.15, role: 'demand' },
      ],
      [{ from: 1, to: 2, quantity: 200, label: 'PG' }, { from: 1, to: 99, quantity: 5, label: 'gone' }],
      { sites: 'Sites', matches: 'Matches' },
      String,
    );
    expect(option.series.map((s) => s.data.length)).toEqual([2, 2]);
    expect(option.series.at(-1)!.data).toEqual([expect.objectContaining({ name: '磷化工' }), expect.objectContaining({ name: '水泥' })]);
  });
});
