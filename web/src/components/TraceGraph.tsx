/**
 * The genealogy of an identifier as a layered graph: what it was made from to the left (one column
 * per step), the identifier in the middle, what it went into to the right. Nodes carry the compact
 * reference (truncated to the column's width; the tooltip has it whole) and the attributed quantity,
 * edges the quantity they carry; the tooltip names the event and who recorded it. Unconfirmed links
 * (their recorder never held a lot, shown only when asked for) are dashed and grey and name their
 * recorder; lots reached only through them are grey. Columns are at least COL_PX wide: a wide
 * trace scrolls sideways instead of piling its labels onto each other. The chart element carries
 * `data-series-lengths` (the number of nodes, see EChart).
 */
import { useEffect, useMemo, useState } from 'react';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatValue } from '../api/telemetry';
import EChart from './EChart';
import type { RecordedBy, Trace } from '../api/trace';
import { compactRef, uomSymbol } from './identifiers';
import { GRID, LABEL_LINE_PX, LABEL_PX, layoutTrace, SYMBOL_PX, traceFrame, type Placed, type Side } from './traceLayout';

const COLORS = { root: '#1677ff', backward: '#fa8c16', forward: '#13c2c2' } as const;
const UNCONFIRMED = '#bfbfbf';

export { layoutTrace };
export type { Placed, Side };

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** "Enterprise (user)" of a recorder; the user is unknown for events recorded before provenance was kept. */
export function recorderText(r: RecordedBy, enterpriseName: (id: number) => string, unknownUser: string): string {
  return `${enterpriseName(r.enterpriseId)} (${r.user ?? unknownUser})`;
}

interface Props {
  trace: Trace;
  enterpriseName(id: number): string;
  /** Whether a node links to a page (clicking it calls onOpen). */
  linked?(ref: string): boolean;
  /** Called with a node's ref when a linked node is clicked. */
  onOpen?(ref: string): void;
  'data-testid'?: string;
}

export default function TraceGraph({ trace, enterpriseName, linked, onOpen, ...rest }: Props) {
  const { t } = useTranslation();
  const fmt = useFormatValue();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void import('./echartsGraph').then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  const chart = useMemo(() => {
    const placed = layoutTrace(trace);
    const qty = (q: number | null, uom: string | null) => (q === null ? '' : `${fmt(q)} ${uomSymbol(uom)}`.trim());
    const refs = new Set(trace.nodes.map((n) => n.ref));
    const unknownUser = t('trace.unknownUser');
    const recorder = (r: RecordedBy) => recorderText(r, enterpriseName, unknownUser);
    const nodes = trace.nodes.map((n) => {
      const p = placed.get(n.ref)!;
      const root = n.ref === trace.root;
      const confirmed = n.confirmed !== false;
      return {
        id: n.ref,
        name: n.ref,
        value: [p.column, p.row],
        symbolSize: root ? SYMBOL_PX.root : SYMBOL_PX.other,
        itemStyle: { color: confirmed ? COLORS[p.side] : UNCONFIRMED },
        label: {
          formatter: [compactRef(n.ref), qty(n.quantity, n.uom)].filter(Boolean).join('\n'),
          fontWeight: root ? 'bold' : 'normal',
          color: confirmed ? '#333' : '#999',
          // Never wider than a column: the whole identifier is in the tooltip.
          width: LABEL_PX,
          overflow: 'truncate',
          ellipsis: '…',
        },
        tip: [
          `<b>${escape(compactRef(n.ref))}</b>`,
          `<span style="color:#999">${escape(n.ref)}</span>`,
          confirmed ? '' : `<span style="color:#d46b08">${escape(t('trace.unconfirmedNode'))}</span>`,
          n.quantity !== null ? `${escape(t('trace.quantity'))}: ${escape(qty(n.quantity, n.uom))}` : '',
          n.enterpriseIds.length ? `${escape(t('trace.enterprises'))}: ${escape(n.enterpriseIds.map(enterpriseName).join(', '))}` : '',
          n.unconfirmedEnterpriseIds?.length ? `${escape(t('trace.namedNotHolders'))}: ${escape(n.unconfirmedEnterpriseIds.map(enterpriseName).join(', '))}` : '',
          onOpen && linked?.(n.ref) ? `<span style="color:#1677ff">${escape(t('trace.clickToOpen'))}</span>` : '',
        ].filter(Boolean).join('<br/>'),
      };
    });
    const drawn = trace.edges.filter((e) => refs.has(e.from) && refs.has(e.to));
    // Many edges: their quantities on hover only (in the tooltip), so they do not crowd the node labels.
    const edgeLabels = drawn.length <= 16;
    const links = drawn.map((e) => {
      const confirmed = e.confirmed !== false;
      // An unconfirmed link names its recorder on the line (its user in the tooltip).
      const text = confirmed ? qty(e.quantity, e.uom) : `⚠ ${enterpriseName(e.recordedBy.enterpriseId)}`;
      return {
        source: e.from,
        target: e.to,
        lineStyle: confirmed ? undefined : { type: 'dashed', color: UNCONFIRMED },
        label: { show: edgeLabels && text !== '', formatter: text, color: confirmed ? '#555' : '#999', width: LABEL_PX, overflow: 'truncate', ellipsis: '…', backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3] },
        tip: [
          `${escape(compactRef(e.from))} → ${escape(compactRef(e.to))}`,
          `${escape(t('trace.event'))}: ${escape(e.eventID)}`,
          `${escape(t('trace.eventType'))}: ${escape(e.type)}`,
          `${escape(t('trace.recordedBy'))}: ${escape(recorder(e.recordedBy))}`,
          confirmed ? '' : `<span style="color:#d46b08">${escape(t('trace.unconfirmed'))}: ${escape(e.reason ?? '')}</span>`,
          e.quantity !== null ? `${escape(t('trace.quantity'))}: ${escape(qty(e.quantity, e.uom))}` : '',
        ].filter(Boolean).join('<br/>'),
      };
    });
    const { minX, maxX, tall, width, height } = traceFrame(placed);
    return {
      height,
      width,
      option: {
        animation: false,
        title: {
          show: links.length === 0,
          text: t('trace.noEvents'),
          left: 'center',
          bottom: 8,
          textStyle: { color: '#999', fontSize: 13, fontWeight: 'normal' },
        },
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '',
        },
        // The root in the middle, what it came from to the left, what it went into to the right.
        grid: { ...GRID },
        xAxis: { type: 'value', show: false, min: minX, max: maxX },
        yAxis: { type: 'value', show: false, inverse: true, min: -tall, max: tall },
        series: [
          {
            type: 'graph',
            coordinateSystem: 'cartesian2d',
            layout: 'none',
            autoCurveness: true,
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: [0, 9],
            label: { show: true, position: 'bottom', fontSize: 11, lineHeight: LABEL_LINE_PX, color: '#333' },
            edgeLabel: { fontSize: 11, color: '#555' },
            lineStyle: { color: '#999', width: 1.5, opacity: 0.9 },
            emphasis: { focus: 'adjacency', lineStyle: { width: 3 } },
            data: nodes,
            links,
          },
        ],
      },
    };
  }, [trace, fmt, t, enterpriseName, onOpen, linked]);

  const events = useMemo(
    () =>
      onOpen
        ? {
            click: (p: unknown) => {
              const { dataType, data } = p as { dataType?: string; data?: { id?: string } };
              if (dataType === 'node' && data?.id && linked?.(data.id)) onOpen(data.id);
            },
          }
        : undefined,
    [onOpen, linked],
  );

  if (!ready) return <Spin />;
  return (
    <div style={{ overflowX: 'auto' }} data-testid={rest['data-testid'] ? `${rest['data-testid']}-scroll` : undefined}>
      <EChart option={chart.option} onEvents={events} style={{ height: chart.height, width: '100%', minWidth: chart.width }} data-testid={rest['data-testid']} />
    </div>
  );
}
