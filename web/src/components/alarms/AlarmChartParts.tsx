/**
 * Pieces the alarm charts share (the rule's back-test, the tag's overlay): limit lines, alarm
 * episodes shaded, a value axis that keeps the limits in sight. Times are drawn on the park's wall
 * clock (useParkClock), as the tag's other charts are.
 */
import type { Episode, TagLimits } from '../../api/alarms';

export const LIMIT_STYLE = [
  ['highHigh', 'HH', '#cf1322'],
  ['high', 'H', '#fa8c16'],
  ['low', 'L', '#fa8c16'],
  ['lowLow', 'LL', '#cf1322'],
] as const;

/** The colour an episode is shaded in, by its level's family. */
export function levelColor(level: string): string {
  if (level === 'HH' || level === 'LL') return '#cf1322';
  if (level.startsWith('SPC')) return '#722ed1';
  if (level.startsWith('FORECAST')) return '#1677ff';
  if (level === 'NO_DATA') return '#8c8c8c';
  return '#fa8c16';
}

/** The set limits as dashed horizontal lines, labelled `H 100`. */
export function limitLines(limits: Partial<TagLimits>, fmt: (v: number) => string) {
  return LIMIT_STYLE.filter(([k]) => typeof limits[k] === 'number').map(([k, label, color]) => ({
    name: label,
    yAxis: limits[k] as number,
    lineStyle: { color, type: 'dashed', width: 1 },
    label: { formatter: `${label} ${fmt(limits[k] as number)}`, color, position: 'insideEndTop', fontSize: 11 },
  }));
}

/**
 * Episodes as shaded spans: one filled line series per colour on a hidden 0..1 axis (index 1),
 * each episode a plateau from its start to its end (or `openEnd` while still in alarm), separated
 * by gaps. Plain line series, so that no further ECharts component has to be registered.
 */
export function episodeSeries(episodes: readonly Episode[], openEnd: number, toWall: (ts: number) => number, name: string) {
  const byColor = new Map<string, (number | null)[][]>();
  for (const e of [...episodes].sort((a, b) => a.from - b.from)) {
    const color = levelColor(e.level);
    const to = e.to ?? openEnd;
    if (!(to > e.from)) continue;
    const data = byColor.get(color) ?? [];
    data.push([toWall(e.from), 1], [toWall(to), 1], [toWall(to), null]);
    byColor.set(color, data);
  }
  return [...byColor].map(([color, data]) => ({
    type: 'line',
    name,
    yAxisIndex: 1,
    data,
    symbol: 'none',
    silent: true,
    connectNulls: false,
    lineStyle: { opacity: 0 },
    itemStyle: { color },
    areaStyle: { color, opacity: 0.14, origin: 'start' },
    tooltip: { show: false },
    z: 0,
  }));
}

/** A hidden axis for the episodes' shading. */
export const EPISODE_AXIS = { type: 'value', min: 0, max: 1, show: false };

/** The extent of the values and limits, widened a little, for a value axis that shows both. */
export function valueExtent(values: Iterable<number>): { min?: number; max?: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return {};
  const pad = (hi - lo) * 0.08 || Math.abs(lo) * 0.1 || 1;
  // Round ends (to a tenth of the span's magnitude), so that the axis labels are round too.
  const step = 10 ** Math.floor(Math.log10(hi - lo + 2 * pad)) / 10;
  return { min: Math.floor((lo - pad) / step) * step, max: Math.ceil((hi + pad) / step) * step };
}
