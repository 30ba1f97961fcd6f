/** The colours of the industries, the same wherever an industry is drawn. */
import type { INDUSTRIES } from '../api/types';

type Industry = (typeof INDUSTRIES)[number];

/**
 * One colour per industry of the registry's list, the same in the enterprises' tags and in the
 * overview's pie: ten hues 36° apart and a grey for "other" (industries.test.ts
 * checks that every industry has one and that no two are alike).
 */
export const INDUSTRY_COLORS: Readonly<Record<Industry, string>> = {
  waste_treatment: '#cf1717', // 0°
  energy: '#cf8517', // 36°
  building_materials: '#88a512', // 72°
  fertilizers: '#30a512', // 108°
  recycling: '#12a54d', // 144°
  polymers: '#12a5a5', // 180°
  chemicals: '#1760cf', // 216°
  petrochemicals: '#3c17cf', // 252°
  utilities: '#aa17cf', // 288°
  pharma: '#cf1785', // 324°
  other: '#8c8c8c', // grey
};
const FALLBACK_COLOR = '#8c8c8c';

export const industryColor = (industry: string | null | undefined): string => INDUSTRY_COLORS[industry as Industry] ?? FALLBACK_COLOR;
