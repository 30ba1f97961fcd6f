/** Every industry of the registry's list has its own colour, in the tags and in the overview's pie. */
import { describe, expect, it } from 'vitest';
import { INDUSTRIES } from '../api/types';
import { INDUSTRY_COLORS, industryColor } from './industries';

/** Hue (0–360°) and saturation (0–1) of #rrggbb. */
function hueSat(hex: string): { hue: number; sat: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const l = (max + min) / 2;
  const sat = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let hue = 0;
  if (d !== 0) {
    if (max === r) hue = 60 * (((g - b) / d) % 6);
    else if (max === g) hue = 60 * ((b - r) / d + 2);
    else hue = 60 * ((r - g) / d + 4);
  }
  return { hue: (hue + 360) % 360, sat };
}

describe('industry colours', () => {
  it('give every industry a colour, and only the industries', () => {
    expect(Object.keys(INDUSTRY_COLORS).sort()).toEqual([...INDUSTRIES].sort());
    for (const i of INDUSTRIES) expect(INDUSTRY_COLORS[i], i).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('are all different', () => {
    const colors = INDUSTRIES.map((i) => INDUSTRY_COLORS[i]);
    expect(new Set(colors).size).toBe(INDUSTRIES.length);
  });

  it('are distinct in hue: the coloured ones at least 30° apart, at most one grey', () => {
    const hs = INDUSTRIES.map((i) => ({ i, ...hueSat(INDUSTRY_COLORS[i]) }));
    const greys = hs.filter((h) => h.sat < 0.2);
    expect(greys.length).toBeLessThanOrEqual(1);
    const chromatic = hs.filter((h) => h.sat >= 0.2);
    for (const [n, a] of chromatic.entries()) {
      for (const b of chromatic.slice(n + 1)) {
        const diff = Math.min(Math.abs(a.hue - b.hue), 360 - Math.abs(a.hue - b.hue));
        expect(diff, `${a.i} (${INDUSTRY_COLORS[a.i as keyof typeof INDUSTRY_COLORS]}) and ${b.i}`).toBeGreaterThanOrEqual(30);
      }
    }
  });

  it('fall back to grey for an industry the console does not know', () => {
    expect(industryColor('not-an-industry')).toMatch(/^#[0-9a-f]{6}$/);
    expect(industryColor(undefined)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
