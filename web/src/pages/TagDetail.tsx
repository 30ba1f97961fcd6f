/**
 * One tag: what it measures and its limits, a live chart of the last 10 minutes fed by the
 * server's event stream, and its history over a chosen range, zoomable, at the resolution the
 * API chooses for about 1000 buckets (min–max band and average), downloadable as CSV.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Breadcrumb, Button, Card, Col, Descriptions, Row, Segmented, Space, Spin, Statistic, Tag as AntTag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined, ZoomOutOutlined } from '@ant-design/icons';
import type { EChartsType } from 'echarts/core';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormatTime, useItem, useNameOf } from '../api/hooks';
import {
  seriesCsvUrl, stepFor, useDeviceLatest, useFormatValue, useLiveReadings, useNow, useParkClock, useRelativeTime, useSeries,
  type LiveState, type SeriesWindow,
} from '../api/telemetry';
import type { Device, Material, SeriesPoint, Tag } from '../api/types';
import EChart, { type ChartEvents } from '../components/EChart';
import { ErrorAlert } from '../components/errors';
import { EnumTag } from '../components/fields';
import QueryState from '../components/QueryState';
import { LimitStateTag } from '../components/telemetry';
import { LIMITS } from './Tags';
import TagAlarmChart from '../components/alarms/TagAlarmChart';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The live chart's window. */
const LIVE_WINDOW = 10 * MINUTE;
/** At most this many live points are kept (a fast tag). */
const LIVE_MAX = 5_000;

export const PRESETS = { '1h': HOUR, '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '1y': 365 * DAY } as const;
type Preset = keyof typeof PRESETS;

const LIMIT_LINES = [
  ['highHighLimit', 'HH', '#cf1322'],
  ['highLimit', 'H', '#fa8c16'],
  ['lowLimit', 'L', '#fa8c16'],
  ['lowLowLimit', 'LL', '#cf1322'],
] as const;

const COLOR = '#1677ff';

function limitValues(tag: Tag): number[] {
  return LIMITS.map((k) => tag[k]).filter((v): v is number => typeof v === 'number');
}

/** LL/L/H/HH as dashed horizontal lines with their labels. */
function limitMarkLine(tag: Tag, fmt: (v: number) => string) {
  const data = LIMIT_LINES.filter(([k]) => tag[k] !== null).map(([k, label, color]) => ({
    name: label,
    yAxis: tag[k] as number,
    lineStyle: { color, type: 'dashed', width: 1 },
    label: { formatter: `${label} ${fmt(tag[k] as number)}`, color, position: 'insideEndTop', fontSize: 11 },
  }));
  return data.length ? { symbol: 'none', silent: true, animation: false, data } : undefined;
}

/** A range from `lo` to `hi` on round numbers, with its interval (about 5 of them). */
function niceExtent(lo: number, hi: number): [number, number, number] {
  if (!(hi > lo)) {
    const pad = Math.abs(lo) * 0.1 || 1;
    return niceExtent(lo - pad, hi + pad);
  }
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  const step = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step];
}

/** A value axis over the data and the tag's limits, so that the limits are always in sight. */
function valueAxis(tag: Tag, values: Iterable<number>) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...limitValues(tag), ...values]) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const base = { type: 'value', name: tag.unit, nameTextStyle: { align: 'right' }, splitLine: { lineStyle: { type: 'dashed', opacity: 0.6 } } };
  if (!Number.isFinite(lo)) return { ...base, scale: true };
  const [min, max, interval] = niceExtent(lo, hi);
  return { ...base, min, max, interval };
}

/** A quiet text in the middle of an empty chart. */
function emptyTitle(show: boolean, text: string) {
  return { show, text, left: 'center', top: 'middle', textStyle: { color: '#999', fontSize: 14, fontWeight: 'normal' } };
}

/** Formats times already shifted to the park's wall clock (see useParkClock). */
function useWallFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    return (wall: number) => f.format(new Date(wall));
  }, [i18n.language]);
}

function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  const status = state === 'open' ? 'processing' : state === 'closed' ? 'error' : state === 'reconnecting' ? 'warning' : 'default';
  return <Badge status={status} text={t(`telemetry.live.${state}`)} />;
}

/** The last 10 minutes: the stored readings first, then each reading as the server commits it. */
function LiveChart({ tag, latest }: { tag: Tag; latest: { ts: number; value: number } | undefined }) {
  const { t } = useTranslation();
  const clock = useParkClock();
  const fmtValue = useFormatValue();
  const fmtTime = useFormatTime();
  const relative = useRelativeTime();
  const now = useNow(1000);
  const points = useRef(new Map<number, number>());
  const [version, setVersion] = useState(0);
  const flush = useRef<number | null>(null);
  const bump = useCallback(() => {
    if (flush.current !== null) return;
    flush.current = window.setTimeout(() => {
      flush.current = null;
      setVersion((v) => v + 1);
    }, 200);
  }, []);
  useEffect(() => () => {
    if (flush.current !== null) window.clearTimeout(flush.current);
  }, []);

  const { state, received } = useLiveReadings(tag.id, (r) => {
    points.current.set(r.ts, r.value);
    bump();
  });
  // What was stored before the page opened (one bucket a second).
  const [anchor] = useState(() => Date.now());
  const initial = useSeries(tag.id, { from: anchor - LIVE_WINDOW, to: anchor + 1000, step: 1000 });
  useEffect(() => {
    if (!initial.data) return;
    for (const p of initial.data.points) if (!points.current.has(p.ts)) points.current.set(p.ts, p.avg);
    bump();
  }, [initial.data, bump]);

  const from = now - LIVE_WINDOW;
  const sorted = useMemo(() => {
    const map = points.current;
    for (const ts of map.keys()) if (ts < from - MINUTE) map.delete(ts);
    const out = [...map].sort((a, b) => a[0] - b[0]);
    if (out.length > LIVE_MAX) {
      for (const [ts] of out.slice(0, out.length - LIVE_MAX)) map.delete(ts);
      return out.slice(out.length - LIVE_MAX);
    }
    return out;
    // `version` and the window's start say when the buffer changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, Math.floor(from / 10_000)]);

  const last = sorted.length ? { ts: sorted[sorted.length - 1][0], value: sorted[sorted.length - 1][1] } : undefined;
  const shown = last && (!latest || last.ts >= latest.ts) ? last : latest;

  const option = useMemo(
    () => ({
      useUTC: true,
      animation: false,
      title: emptyTitle(initial.data !== undefined && sorted.length === 0, t('telemetry.noLiveData')),
      grid: { left: 12, right: 24, top: 36, bottom: 8 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${fmtValue(v)} ${tag.unit}` },
      xAxis: { type: 'time', min: clock.toWall(from), max: clock.toWall(now), splitLine: { show: false }, axisLabel: { hideOverlap: true } },
      yAxis: valueAxis(tag, sorted.map(([, v]) => v)),
      series: [
        {
          type: 'line',
          name: t('telemetry.value'),
          data: sorted.map(([ts, v]) => [clock.toWall(ts), v]),
          showSymbol: sorted.length <= 120,
          symbolSize: 5,
          lineStyle: { width: 1.5, color: COLOR },
          itemStyle: { color: COLOR },
          markLine: limitMarkLine(tag, fmtValue),
        },
      ],
    }),
    [sorted, now, from, clock, tag, fmtValue, t, initial.data],
  );

  return (
    <Card
      title={t('telemetry.liveTitle')}
      size="small"
      data-testid="tag-live"
      data-state={state}
      data-received={received}
      extra={<LiveBadge state={state} />}
      style={{ height: '100%' }}
    >
      <Row gutter={16} align="middle" style={{ marginBottom: 4 }}>
        <Col>
          <div data-testid="tag-latest-value">
            <Statistic title={t('telemetry.latestValue')} value={shown ? fmtValue(shown.value) : '–'} suffix={shown ? tag.unit : undefined} />
          </div>
        </Col>
        <Col>
          {shown && (
            <Space vertical size={2}>
              <LimitStateTag tag={tag} value={shown.value} />
              <Tooltip title={fmtTime(shown.ts)}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {relative(Math.min(shown.ts, now), now)}
                </Typography.Text>
              </Tooltip>
            </Space>
          )}
        </Col>
      </Row>
      <ErrorAlert error={initial.error} />
      <EChart option={option} style={{ height: 280 }} data-testid="tag-live-chart" />
    </Card>
  );
}

/** The history over a preset range; zooming asks for the visible window at a finer step. */
function HistoryChart({ tag }: { tag: Tag }) {
  const { t } = useTranslation();
  const clock = useParkClock();
  const fmtValue = useFormatValue();
  const wallFormat = useWallFormat();
  const [preset, setPreset] = useState<Preset>('24h');
  const [range, setRange] = useState(() => {
    const to = Math.ceil(Date.now() / 1000) * 1000;
    return { from: to - PRESETS['24h'], to };
  });
  const [win, setWin] = useState<{ from: number; to: number }>(range);
  const w: SeriesWindow = useMemo(() => ({ from: win.from, to: win.to, step: stepFor(win.from, win.to) }), [win]);
  const series = useSeries(tag.id, w);
  const s = series.data;
  const zoomed = win.from > range.from || win.to < range.to;

  const choose = (p: Preset, at = Date.now()) => {
    const to = Math.ceil(at / 1000) * 1000;
    const r = { from: to - PRESETS[p], to };
    setPreset(p);
    setRange(r);
    setWin(r);
  };

  // Zooming: once the user stops for a moment, ask for the visible window.
  const timer = useRef<number | null>(null);
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);
  const events = useMemo<ChartEvents>(
    () => ({
      datazoom: (_params: unknown, chart: EChartsType) => {
        if (timer.current !== null) window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => {
          timer.current = null;
          const dz = ((chart.getOption() as { dataZoom?: { startValue?: number; endValue?: number; start?: number; end?: number }[] }).dataZoom ?? [])[0];
          if (!dz) return;
          const lo = clock.toWall(range.from);
          const hi = clock.toWall(range.to);
          const a = typeof dz.startValue === 'number' ? dz.startValue : lo + ((dz.start ?? 0) / 100) * (hi - lo);
          const b = typeof dz.endValue === 'number' ? dz.endValue : lo + ((dz.end ?? 100) / 100) * (hi - lo);
          let from = Math.max(range.from, Math.floor(clock.fromWall(a)));
          let to = Math.min(range.to, Math.ceil(clock.fromWall(b)));
          if (to - from < 10_000) {
            const mid = (from + to) / 2;
            from = Math.round(mid - 5_000);
            to = Math.round(mid + 5_000);
          }
          // Near the ends of the range counts as the ends (the slider is not that precise).
          const slack = (range.to - range.from) / 1000;
          if (from - range.from < slack) from = range.from;
          if (range.to - to < slack) to = range.to;
          setWin((cur) => (Math.abs(cur.from - from) < 1000 && Math.abs(cur.to - to) < 1000 ? cur : { from, to }));
        }, 350);
      },
    }),
    [range, clock],
  );

  const option = useMemo(() => {
    const pts: SeriesPoint[] = s?.points ?? [];
    const x = (p: SeriesPoint) => clock.toWall(p.ts);
    const band = t('telemetry.band');
    const avg = t('telemetry.avg');
    const few = pts.length <= 100;
    const byX = new Map(pts.map((p) => [x(p), p]));
    return {
      useUTC: true,
      animation: false,
      color: [COLOR],
      title: emptyTitle(s !== undefined && pts.length === 0, t('telemetry.noData')),
      legend: { data: [{ name: avg }, { name: band, icon: 'roundRect' }], top: 0, right: 8 },
      grid: { left: 12, right: 24, top: 36, bottom: 64 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { axisValue: number }[] | { axisValue: number }) => {
          const first = Array.isArray(params) ? params[0] : params;
          const p = first && byX.get(first.axisValue);
          if (!p) return '';
          const row = (k: string, v: string) => `<div style="display:flex;justify-content:space-between;gap:16px"><span>${k}</span><b>${v}</b></div>`;
          return [
            `<div style="margin-bottom:4px">${wallFormat(x(p))}</div>`,
            row(avg, `${fmtValue(p.avg)} ${tag.unit}`),
            row(t('telemetry.min'), fmtValue(p.min)),
            row(t('telemetry.max'), fmtValue(p.max)),
            row(t('telemetry.count'), String(p.count)),
          ].join('');
        },
      },
      xAxis: { type: 'time', min: clock.toWall(range.from), max: clock.toWall(range.to), splitLine: { show: false }, axisLabel: { hideOverlap: true } },
      yAxis: valueAxis(tag, pts.flatMap((p) => [p.min, p.max])),
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, filterMode: 'none', startValue: clock.toWall(win.from), endValue: clock.toWall(win.to) },
        { type: 'slider', xAxisIndex: 0, filterMode: 'none', startValue: clock.toWall(win.from), endValue: clock.toWall(win.to), height: 24, bottom: 12, labelFormatter: (v: number) => wallFormat(v).slice(0, 17) },
      ],
      series: [
        // The average first (the zoom slider's shadow draws the first series), above the band.
        {
          type: 'line', name: avg, symbol: 'circle', showSymbol: few, symbolSize: 4, z: 3,
          lineStyle: { width: 1.5, color: COLOR }, itemStyle: { color: COLOR },
          data: pts.map((p) => [x(p), p.avg]),
          markLine: limitMarkLine(tag, fmtValue),
        },
        // The band: min, then max − min stacked on it and filled.
        { type: 'line', name: band, stack: 'band', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, data: pts.map((p) => [x(p), p.min]) },
        {
          type: 'line', name: band, stack: 'band', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(22, 119, 255, 0.22)' }, itemStyle: { color: 'rgba(22, 119, 255, 0.35)' },
          data: pts.map((p) => [x(p), p.max - p.min]),
        },
      ],
    };
  }, [s, clock, range, win, tag, t, fmtValue, wallFormat]);

  const stepText = (ms: number) => (ms >= HOUR ? `${+(ms / HOUR).toFixed(2)} h` : ms >= MINUTE ? `${+(ms / MINUTE).toFixed(2)} min` : `${+(ms / 1000).toFixed(1)} s`);

  return (
    <Card
      title={t('telemetry.historyTitle')}
      size="small"
      data-testid="tag-history"
      extra={
        <Space wrap>
          <Segmented<Preset>
            size="small"
            value={preset}
            onChange={(p) => choose(p)}
            options={(Object.keys(PRESETS) as Preset[]).map((p) => ({ value: p, label: <span data-testid={`preset-${p}`}>{t(`telemetry.preset.${p}`)}</span> }))}
          />
          {zoomed && (
            <Button size="small" icon={<ZoomOutOutlined />} onClick={() => setWin(range)} data-testid="history-reset-zoom">
              {t('telemetry.resetZoom')}
            </Button>
          )}
          <Tooltip title={t('telemetry.refreshHelp')}>
            <Button size="small" icon={<ReloadOutlined />} onClick={() => choose(preset)} data-testid="history-refresh" />
          </Tooltip>
          <Button size="small" icon={<DownloadOutlined />} href={seriesCsvUrl(tag.id, w)} data-testid="history-csv">
            CSV
          </Button>
        </Space>
      }
    >
      <Space size={8} wrap style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">{`${wallFormat(clock.toWall(win.from))} – ${wallFormat(clock.toWall(win.to))}`}</Typography.Text>
        {s && (
          <Tooltip title={t('telemetry.resolutionHelp')}>
            <AntTag color="blue" data-testid="history-resolution" data-resolution={s.resolution}>
              {t(`telemetry.resolution.${s.resolution}`, { defaultValue: s.resolution })}
            </AntTag>
          </Tooltip>
        )}
        {s && (
          <Typography.Text type="secondary" data-testid="history-info" data-points={s.points.length}>
            {t('telemetry.seriesInfo', { step: stepText(s.step), count: s.points.length })}
          </Typography.Text>
        )}
        {series.isFetching && <Spin size="small" />}
      </Space>
      <ErrorAlert error={series.error} />
      <EChart option={option} onEvents={events} style={{ height: 360 }} data-testid="tag-history-chart" />
    </Card>
  );
}

export default function TagDetailPage() {
  const tag = useItem<Tag>('tags', Number(useParams().id));
  return <QueryState query={tag}>{(g) => <TagDetail g={g} />}</QueryState>;
}

function TagDetail({ g }: { g: Tag }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const fmtValue = useFormatValue();
  const device = useItem<Device>('devices', g.deviceId);
  const material = useItem<Material>('materials', g.materialId ?? undefined);
  const latest = useDeviceLatest(g.deviceId);
  const reading = latest.data?.items.find((r) => r.tagId === g.id);

  const limit = (v: number | null) => (v === null ? '–' : fmtValue(v));
  return (
    <div data-testid="tag-detail">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/tags">{t('menu.tags')}</Link> },
          { title: <Link to={`/devices/${g.deviceId}`}>{device.data?.code ?? `#${g.deviceId}`}</Link> },
          { title: g.key },
        ]}
      />
      <Card title={`${nameOf(g)} (${g.key})`} style={{ marginBottom: 16 }} size="small">
        <Descriptions column={{ xs: 1, md: 2, xl: 4 }} size="small">
          <Descriptions.Item label={t('field.device')}>
            <Link to={`/devices/${g.deviceId}`}>{device.data ? `${nameOf(device.data)} (${device.data.code})` : `#${g.deviceId}`}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.kind')}>
            <EnumTag name="tagKind" value={g.kind} color="purple" />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.unitOfMeasure')}>{g.unit}</Descriptions.Item>
          <Descriptions.Item label={t('field.material')}>{material.data ? nameOf(material.data) : ''}</Descriptions.Item>
          <Descriptions.Item label={t('field.limits')}>
            <Typography.Text style={{ whiteSpace: 'nowrap' }} data-testid="tag-limits">
              {[g.lowLowLimit, g.lowLimit, g.highLimit, g.highHighLimit].map(limit).join(' / ')}
            </Typography.Text>
          </Descriptions.Item>
          {g.description && (
            <Descriptions.Item label={t('field.description')} span="filled">
              {g.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <LiveChart key={g.id} tag={g} latest={reading} />
        </Col>
        <Col span={24}>
          <HistoryChart key={g.id} tag={g} />
        </Col>
        <Col span={24}>
          <TagAlarmChart key={g.id} tag={g} />
        </Col>
      </Row>
    </div>
  );
}
