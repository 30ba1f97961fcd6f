/** The impact chart: tonnes diverted (bars) and t CO2 avoided (line) per month. Pure: no I/O. */
export interface ImpactPoint {
  month: string;
  divertedT: number;
  avoidedTCo2: number;
}

/** Every month from `from` to `to` ('YYYY-MM'), inclusive: months without deliveries show as 0. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while ((y < ty || (y === ty && m <= tm)) && out.length < 240) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function impactOption(points: readonly ImpactPoint[], range: { from: string; to: string }, texts: { diverted: string; avoided: string }) {
  const months = monthsBetween(range.from, range.to);
  const byMonth = new Map(points.map((p) => [p.month, p]));
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [texts.diverted, texts.avoided] },
    grid: { left: 56, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: 't', min: 0 },
      { type: 'value', name: 't CO₂', min: 0, splitLine: { show: false } },
    ],
    series: [
      { name: texts.diverted, type: 'bar', data: months.map((m) => byMonth.get(m)?.divertedT ?? 0), itemStyle: { color: '#52c41a' } },
      { name: texts.avoided, type: 'line', yAxisIndex: 1, data: months.map((m) => byMonth.get(m)?.avoidedTCo2 ?? 0), itemStyle: { color: '#1677ff' } },
    ],
  };
}
