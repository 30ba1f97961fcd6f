/**
 * A thin React wrapper around ECharts: init on a div, setOption when the option changes, resize
 * with the element, dispose on unmount. ECharts itself is loaded on first use (its own chunk).
 *
 * The chart's own texts (month names, the data zoom) follow the console's language. After each
 * update the element carries `data-series-lengths` (the number of data items of each series, as
 * ECharts holds them, e.g. "120,120,120"), which tests and tools can read without ECharts.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useTranslation } from 'react-i18next';

export type ChartEvents = Record<string, (params: unknown, chart: EChartsType) => void>;

interface Props {
  option: EChartsCoreOption;
  style?: CSSProperties;
  className?: string;
  /** ECharts events (`datazoom`, `click` …) and their handlers; the latest handlers are called. */
  onEvents?: ChartEvents;
  'data-testid'?: string;
}

export default function EChart({ option, style, className, onEvents, ...rest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const handlers = useRef<ChartEvents | undefined>(onEvents);
  const [ready, setReady] = useState(0);
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'EN' : 'ZH';
  handlers.current = onEvents;
  const eventNames = Object.keys(onEvents ?? {}).sort().join(',');

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current, undefined, { renderer: 'canvas', locale });
      chart.current = c;
      for (const name of eventNames ? eventNames.split(',') : []) c.on(name, (params: unknown) => handlers.current?.[name]?.(params, c));
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(ref.current);
      setReady((n) => n + 1);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [locale, eventNames]);

  useEffect(() => {
    const c = chart.current;
    if (!ready || !c) return;
    c.setOption(option, { notMerge: true });
    const series = (c.getOption() as { series?: { data?: unknown[] }[] }).series ?? [];
    ref.current?.setAttribute('data-series-lengths', series.map((s) => (Array.isArray(s.data) ? s.data.length : 0)).join(','));
  }, [option, ready]);

  return <div ref={ref} className={className} style={{ width: '100%', height: 320, ...style }} data-testid={rest['data-testid']} data-ready={ready ? '1' : '0'} />;
}
