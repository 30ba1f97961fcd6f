/** Numbers as the console's language writes them. Pure: no I/O. */

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/**
 * A quantity with about three significant figures after the point, grouped per locale: 12 345.6,
 * 2.13, 0.0412. Large totals keep their whole part (a park's tonnage is not rounded to thousands).
 */
export function formatNumber(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const digits = abs === 0 || abs >= 100 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  return formatter(lang, { maximumFractionDigits: digits }).format(value);
}

/** A test statistic (z, χ², σ): two decimals. */
export function formatStat(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return formatter(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A probability: three significant figures, small ones in scientific notation. */
export function formatProbability(p: number | null, lang: string): string {
  if (p === null || !Number.isFinite(p)) return '–';
  if (p !== 0 && p < 0.001) return formatter(lang, { notation: 'scientific', maximumFractionDigits: 2 }).format(p);
  return formatter(lang, { maximumSignificantDigits: 3 }).format(p);
}

export function formatPercent(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${formatter(lang, { maximumFractionDigits: 2 }).format(value)} %`;
}

/** A quantity with its unit: `2.1 t`. */
export function formatQuantity(value: number | null | undefined, unit: string, lang: string): string {
  const n = formatNumber(value, lang);
  return n === '–' || !unit ? n : `${n} ${unit}`;
}
