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

/** Height of the chart per node of the fullest column, and at least. */
const ROW_PX = 84;
const MIN_HEIGHT = 320;
/** Width of a column (a step): node labels are truncated to it, so neighbouring labels never meet. */
const COL_PX = 200;
const LABEL_PX = COL_PX - 36;
/** Left and right margins of the plot (half a column: the outer labels fit). */
const SIDE_PX = COL_PX / 2 + 10;
const COLORS = { root: '#1677ff', backward: '#fa8c16', forward: '#13c2c2' } as const;
const UNCONFIRMED = '#bfbfbf';

export type Side = keyof typeof COLORS;

export interface Placed {
  ref: string;
  side: Side;
  /** Negative: steps backward; positive: steps forward; 0: the root. */
  column: number;
  row: number;
}

/** Breadth-first distances from the root along `next`. */
function distances(root: string, next: Map<string, string[]>): Map<string, number> {
  const out = new Map<string, number>([[root, 0]]);
  let frontier = [root];
  for (let d = 1; frontier.length; d++) {
    const more: string[] = [];
    for (const r of frontier) {
      for (const n of next.get(r) ?? []) {
        if (out.has(n)) continue;
        out.set(n, d);
        more.push(n);
      }
    }
    frontier = more;
  }
  return out;
}

/**
 * Columns from the side and distance of each node (its ancestors backward, its descendants
 * forward), rows ordered within a column by the mean row of their neighbours nearer the root.
 */
export function layoutTrace(trace: Trace): Map<string, Placed> {
  const refs = new Set(trace.nodes.map((n) => n.ref));
  const succ = new Map<string, string[]>();
  const pred = new Map<string, string[]>();
  for (const e of trace.edges) {
    if (!refs.has(e.from) || !refs.has(e.to)) continue;
    succ.set(e.from, [...(succ.get(e.from) ?? []), e.to]);
    pred.set(e.to, [...(pred.get(e.to) ?? []), e.from]);
  }
  const back = distances(trace.root, pred);
  const fwd = distances(trace.root, succ);
  const placed = new Map<string, Placed>();
  for (const n of trace.nodes) {
    if (n.ref === trace.root) placed.set(n.ref, { ref: n.ref, side: 'root', column: 0, row: 0 });
    else if (back.has(n.ref)) placed.set(n.ref, { ref: n.ref, side: 'backward', column: -back.get(n.ref)!, row: 0 });
    else if (fwd.has(n.ref)) placed.set(n.ref, { ref: n.ref, side: 'forward', column: fwd.get(n.ref)!, row: 0 });
    else placed.set(n.ref, { ref: n.ref, side: trace.direction === 'forward' ? 'forward' : 'backward', column: trace.direction === 'forward' ? n.depth : -n.depth, row: 0 });
  }
  const columns = new Map<number, Placed[]>();
  for (const p of placed.values()) columns.set(p.column, [...(columns.get(p.column) ?? []), p]);
  const order = [...columns.keys()].sort((a, b) => Math.abs(a) - Math.abs(b));
  for (const c of order) {
    const list = columns.get(c)!;
    if (c !== 0) {
      const inner = c < 0 ? c + 1 : c - 1;
      const neighbours = c < 0 ? succ : pred;
      const key = (p: Placed) => {
        const rows = (neighbours.get(p.ref) ?? []).map((r) => placed.get(r)).filter((q): q is Placed => !!q && q.column === inner).map((q) => q.row);
        return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : 0;
      };
      const keys = new Map(list.map((p) => [p.ref, key(p)]));
      list.sort((a, b) => keys.get(a.ref)! - keys.get(b.ref)!);
    }
    list.forEach((p, i) => {
      p.row = i - (list.length - 1) / 2;
    });
  }
  return placed;
}

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
        symbolSize: root ? 26 : 16,
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
    const cols = [...placed.values()].map((p) => p.column);
    const rows = [...placed.values()].map((p) => p.row);
    // Only the columns there are (a backward trace leaves no empty right half), half a column around.
    const minX = Math.min(0, ...cols) - 0.5;
    const maxX = Math.max(0, ...cols) + 0.5;
    const tall = Math.max(0.5, ...rows.map(Math.abs)) + 0.7;
    const perColumn = new Map<number, number>();
    for (const c of cols) perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
    const height = Math.max(MIN_HEIGHT, Math.max(...perColumn.values()) * ROW_PX + 100);
    // A column per step from -wide to wide, each at least COL_PX: wider than the page, the chart scrolls.
    const width = Math.ceil((maxX - minX) * COL_PX + 2 * SIDE_PX);
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
        grid: { left: SIDE_PX, right: SIDE_PX, top: 30, bottom: 50 },
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
            label: { show: true, position: 'bottom', fontSize: 11, lineHeight: 15, color: '#333' },
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
