/** An indicator's value and unit as the console writes them. Pure: no I/O. */
import { formatNumber } from '../flows/format';

/** `78.1 %`, `10,327.5 tce`, `0.207 tce/10k CNY`; `–` for no value. */
export function formatKpi(value: number | null | undefined, unit: string, lang: string): string {
  const n = formatNumber(value, lang);
  if (n === '–' || !unit) return n;
  return unit === '%' ? `${n} %` : `${n} ${unit}`;
}

export { formatNumber };
