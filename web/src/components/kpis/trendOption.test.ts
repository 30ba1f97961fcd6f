import { describe, expect, it } from 'vitest';
import { trendOption } from './trendOption';

const labels = { value: 'Value', trajectory: 'Trajectory', target: 'Target' };

describe('trend option', () => {
  const trend = {
    scope: 'park' as const,
    code: 'park',
    periods: ['2026-01', '2026-02', '2026-03'],
    items: [{ key: 'energy_tce' as const, unit: 'tce', values: [3, null, 2], trajectory: [3, 2.9, 2.8], target: 2.5 }],
  };

  it('draws the values, the trajectory dashed and the target as a line', () => {
    const o = trendOption(trend, 'energy_tce', 'tce', labels);
    expect(o.xAxis.data).toEqual(trend.periods);
    expect(o.series).toHaveLength(2);
    expect(o.series[0].data).toEqual([3, null, 2]);
    expect((o.series[0] as { markLine?: { data: { yAxis: number }[] } }).markLine?.data[0].yAxis).toBe(2.5);
    expect((o.series[1] as { lineStyle?: { type: string } }).lineStyle?.type).toBe('dashed');
  });

  it('without a target or trajectory draws the values alone, and an unknown key as gaps', () => {
    const bare = { ...trend, items: [{ ...trend.items[0], trajectory: [null, null, null], target: null }] };
    const o = trendOption(bare, 'energy_tce', 'tce', labels);
    expect(o.series).toHaveLength(1);
    expect('markLine' in o.series[0]).toBe(false);
    expect(trendOption(trend, 'water_intake_m3', 'm3', labels).series[0].data).toEqual([null, null, null]);
  });
});
