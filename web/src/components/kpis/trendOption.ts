/** The ECharts option of an indicator's trend: its values, the target's trajectory dashed, the target as a line. Pure. */
import type { KpiTrend } from '../../api/kpiShapes';

export interface TrendLabels {
  value: string;
  trajectory: string;
  target: string;
}

export function trendOption(trend: KpiTrend, key: string, unit: string, labels: TrendLabels) {
  const item = trend.items.find((i) => i.key === key);
  const values = item?.values ?? trend.periods.map(() => null);
  const trajectory = item?.trajectory ?? [];
  const hasTrajectory = trajectory.some((v) => v !== null);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: trend.periods, boundaryGap: false },
    yAxis: { type: 'value', name: unit, scale: true },
    series: [
      {
        name: labels.value,
        type: 'line',
        data: values,
        connectNulls: false,
        symbolSize: 7,
        ...(item?.target !== null && item?.target !== undefined
          ? { markLine: { symbol: 'none', lineStyle: { type: 'dotted', color: '#cf1322' }, label: { formatter: labels.target }, data: [{ yAxis: item.target }] } }
          : {}),
      },
      ...(hasTrajectory ? [{ name: labels.trajectory, type: 'line', data: trajectory, lineStyle: { type: 'dashed' }, symbol: 'none', itemStyle: { color: '#8c8c8c' } }] : []),
    ],
  };
}
