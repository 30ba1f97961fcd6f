/**
 * A thin React wrapper around ECharts: init on a div, setOption when the option changes, resize
 * with the element, dispose on unmount. ECharts itself is loaded on first use (its own chunk).
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

interface Props {
  option: EChartsCoreOption;
  style?: CSSProperties;
  className?: string;
  'data-testid'?: string;
}

export default function EChart({ option, style, className, ...rest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(ref.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [option, ready]);

  return <div ref={ref} className={className} style={{ width: '100%', height: 320, ...style }} data-testid={rest['data-testid']} data-ready={ready ? '1' : '0'} />;
}
