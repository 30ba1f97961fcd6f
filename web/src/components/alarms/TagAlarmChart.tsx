/**
 * A tag against its alarm rules: the series with its HH/H/L/LL lines, each SPC rule's centre and
 * control limits, the forecast ahead of now (mean and interval band, with the predicted crossing),
 * and the alarm episodes shaded; below, the tag's alarms.
 */
import { useMemo, useState } from 'react';
import { Card, Segmented, Space, Tag as AntTag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../api/hooks';
import { stepFor, useFormatValue, useParkClock, useSeries } from '../../api/telemetry';
import { useAlarmOverlay, useAlarms } from '../../api/alarms';
import type { Tag } from '../../api/types';
import EChart from '../EChart';
import { ErrorAlert } from '../errors';
import { EPISODE_AXIS, episodeSeries, limitLines, valueExtent } from './AlarmChartParts';
import AlarmTable from './AlarmTable';

const HOUR = 3_600_000;
const RANGES = { '6h': 6 * HOUR, '24h': 24 * HOUR, '7d': 7 * 24 * HOUR } as const;
type Range = keyof typeof RANGES;
const SPC_COLOR = '#722ed1';
const FORECAST_COLOR = '#13c2c2';

export default function TagAlarmChart({ tag }: { tag: Tag }) {
  const { t } = useTranslation();
  const clock = useParkClock();
  const fmtValue = useFormatValue();
  const fmtTime = useFormatTime();
  const [range, setRange] = useState<Range>('24h');
  // The window is fixed when chosen (a moving `now` would ask again on every render).
  const [win, setWin] = useState(() => ({ to: Math.ceil(Date.now() / 60_000) * 60_000, span: RANGES['24h'] }));
  const from = win.to - win.span;
  const series = useSeries(tag.id, { from, to: win.to, step: stepFor(from, win.to, 600) });
  const overlay = useAlarmOverlay(tag.id, from, win.to);
  const o = overlay.data;

  const option = useMemo(() => {
    const pts = series.data?.points ?? [];
    const lines = o ? limitLines(o.limits, fmtValue) : [];
    const control = (o?.controlLimits ?? []).flatMap((c) => [
      { name: 'UCL', yAxis: c.ucl, lineStyle: { color: SPC_COLOR, type: 'dotted', width: 1 }, label: { formatter: `UCL ${fmtValue(c.ucl)}`, color: SPC_COLOR, position: 'insideStartTop', fontSize: 11 } },
      { name: 'CL', yAxis: c.center, lineStyle: { color: SPC_COLOR, type: 'solid', width: 1, opacity: 0.6 }, label: { formatter: `CL ${fmtValue(c.center)}`, color: SPC_COLOR, position: 'insideStartTop', fontSize: 11 } },
      { name: 'LCL', yAxis: c.lcl, lineStyle: { color: SPC_COLOR, type: 'dotted', width: 1 }, label: { formatter: `LCL ${fmtValue(c.lcl)}`, color: SPC_COLOR, position: 'insideStartBottom', fontSize: 11 } },
    ]);
    const fc = o?.forecast?.points ?? [];
    const end = fc.length ? Math.max(win.to, fc[fc.length - 1].ts) : win.to;
    const crossing = o?.forecast?.crossing;
    const extent = valueExtent([
      ...pts.flatMap((p) => [p.min, p.max]),
      ...lines.map((l) => l.yAxis),
      ...control.map((c) => c.yAxis),
      ...fc.flatMap((p) => [p.lower, p.upper]),
    ]);
    const mean = t('alarms.chart.mean');
    const band = t('alarms.chart.band');
    return {
      useUTC: true,
      animation: false,
      legend: { top: 0, right: 8, data: [t('telemetry.avg'), ...(fc.length ? [mean, band] : [])] },
      grid: { left: 12, right: 24, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${fmtValue(v)} ${tag.unit}` },
      xAxis: { type: 'time', min: clock.toWall(from), max: clock.toWall(end), axisLabel: { hideOverlap: true } },
      yAxis: [{ type: 'value', name: tag.unit, ...extent, splitLine: { lineStyle: { type: 'dashed', opacity: 0.6 } } }, EPISODE_AXIS],
      series: [
        {
          type: 'line', name: t('telemetry.avg'), symbol: 'none', lineStyle: { width: 1.4, color: '#1677ff' }, itemStyle: { color: '#1677ff' },
          data: pts.map((p) => [clock.toWall(p.ts), p.avg]),
          markLine: lines.length + control.length ? { symbol: 'none', silent: true, animation: false, data: [...lines, ...control] } : undefined,
        },
        // The forecast's interval: its lower bound, then the width stacked on it and filled.
        { type: 'line', name: band, stack: 'forecast', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: FORECAST_COLOR }, data: fc.map((p) => [clock.toWall(p.ts), p.lower]) },
        {
          type: 'line', name: band, stack: 'forecast', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: FORECAST_COLOR },
          areaStyle: { color: FORECAST_COLOR, opacity: 0.2 }, data: fc.map((p) => [clock.toWall(p.ts), p.upper - p.lower]),
        },
        {
          type: 'line', name: mean, symbol: 'none', lineStyle: { width: 1.4, type: 'dashed', color: FORECAST_COLOR }, itemStyle: { color: FORECAST_COLOR },
          data: fc.map((p) => [clock.toWall(p.ts), p.mean]),
          markLine: crossing
            ? {
                symbol: 'none', silent: true, animation: false,
                data: [{ xAxis: clock.toWall(crossing.predictedAt), lineStyle: { color: '#cf1322', type: 'dashed' }, label: { formatter: t('alarms.chart.crossing'), color: '#cf1322', fontSize: 11 } }],
              }
            : undefined,
        },
        ...episodeSeries(o?.episodes ?? [], win.to, clock.toWall, t('alarms.preview.episodes')),
      ],
    };
  }, [series.data, o, win, from, clock, fmtValue, tag.unit, t]);

  const alarms = useAlarms({ tagId: tag.id, state: 'all', limit: 10 });
  const crossing = o?.forecast?.crossing;
  return (
    <Card
      size="small"
      title={t('alarms.chart.title')}
      data-testid="tag-alarm-chart-card"
      extra={
        <Segmented<Range>
          size="small"
          value={range}
          onChange={(r) => {
            setRange(r);
            setWin({ to: Math.ceil(Date.now() / 60_000) * 60_000, span: RANGES[r] });
          }}
          options={(Object.keys(RANGES) as Range[]).map((r) => ({ value: r, label: t(`alarms.chart.range.${r}`) }))}
        />
      }
    >
      {crossing && (
        <Space style={{ marginBottom: 4 }} data-testid="tag-forecast-crossing">
          <AntTag color="red">{t('alarms.chart.forecastWarning')}</AntTag>
          <Typography.Text>{t('alarms.chart.crossingAt', { at: fmtTime(crossing.predictedAt), p: Math.round(crossing.probability * 100) })}</Typography.Text>
        </Space>
      )}
      <ErrorAlert error={series.error ?? overlay.error} />
      <EChart option={option} style={{ height: 340 }} data-testid="tag-alarm-chart" />
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('alarms.tagAlarms')}</Typography.Title>
      <AlarmTable items={alarms.data?.items ?? []} loading={alarms.isLoading} hideTag pagination={false} testId="tag-alarms-table" />
    </Card>
  );
}
