/**
 * Where TraceGraph draws a genealogy, as pure geometry: the column and row of every node, the size of
 * the chart, and where a node, its symbol and its label land in pixels. TraceGraph feeds the same
 * numbers to ECharts, so traceLayout.test.ts can hold the drawing to its promise that labels never
 * pile onto each other, whatever the trace's shape.
 */
import type { Trace } from '../api/trace';

/** Height of the chart per node of the fullest column, and at least. */
export const ROW_PX = 84;
export const MIN_HEIGHT = 320;
/** Width of a column (a step): node labels are truncated to it, so neighbouring labels never meet. */
export const COL_PX = 200;
export const LABEL_PX = COL_PX - 36;
/** Left and right margins of the plot (half a column: the outer labels fit). */
export const SIDE_PX = COL_PX / 2 + 10;
/** The plot inside the chart (ECharts' grid). */
export const GRID = { left: SIDE_PX, right: SIDE_PX, top: 30, bottom: 50 } as const;
/** Node labels: below the symbol, at most two lines (the reference and the quantity). */
export const LABEL_LINE_PX = 15;
export const LABEL_LINES = 2;
/** ECharts' default distance between a symbol and a label placed beside it. */
export const LABEL_GAP_PX = 5;
export const SYMBOL_PX = { root: 26, other: 16 } as const;

export type Side = 'root' | 'backward' | 'forward';

export interface Placed {
  ref: string;
  side: Side;
  /** Negative: steps backward; positive: steps forward; 0: the root. */
  column: number;
  row: number;
}

/** What the layout needs of a trace. */
export type TraceShape = Pick<Trace, 'root' | 'direction'> & {
  nodes: readonly { ref: string; depth: number }[];
  edges: readonly { from: string; to: string }[];
};

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
export function layoutTrace(trace: TraceShape): Map<string, Placed> {
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

/** The chart's axes and its least size: the page may make it wider, never narrower or of another height. */
export interface TraceFrame {
  minX: number;
  maxX: number;
  /** The y axis runs from -tall to tall (downwards). */
  tall: number;
  width: number;
  height: number;
}

export function traceFrame(placed: Map<string, Placed>): TraceFrame {
  const cols = [...placed.values()].map((p) => p.column);
  const rows = [...placed.values()].map((p) => p.row);
  // Only the columns there are (a backward trace leaves no empty right half), half a column around.
  const minX = Math.min(0, ...cols) - 0.5;
  const maxX = Math.max(0, ...cols) + 0.5;
  const tall = Math.max(0.5, ...rows.map(Math.abs)) + 0.7;
  const perColumn = new Map<number, number>();
  for (const c of cols) perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
  const height = Math.max(MIN_HEIGHT, Math.max(0, ...perColumn.values()) * ROW_PX + 100);
  // A column per step from minX to maxX, each at least COL_PX: wider than the page, the chart scrolls.
  const width = Math.ceil((maxX - minX) * COL_PX + GRID.left + GRID.right);
  return { minX, maxX, tall, width, height };
}

/** A rectangle in the chart's pixels. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where a node's centre lands in a chart `width` pixels wide (at least the frame's). */
export function nodePoint(p: Placed, frame: TraceFrame, width = frame.width): { x: number; y: number } {
  const plotW = width - GRID.left - GRID.right;
  const plotH = frame.height - GRID.top - GRID.bottom;
  return {
    x: GRID.left + ((p.column - frame.minX) / (frame.maxX - frame.minX)) * plotW,
    y: GRID.top + ((p.row + frame.tall) / (2 * frame.tall)) * plotH,
  };
}

/** The box a node's symbol covers. */
export function symbolBox(p: Placed, frame: TraceFrame, width = frame.width): Box {
  const { x, y } = nodePoint(p, frame, width);
  const half = (p.side === 'root' ? SYMBOL_PX.root : SYMBOL_PX.other) / 2;
  return { left: x - half, right: x + half, top: y - half, bottom: y + half };
}

/** The box a node's label may cover at most: LABEL_PX wide (truncated), LABEL_LINES lines, below the symbol. */
export function labelBox(p: Placed, frame: TraceFrame, width = frame.width): Box {
  const { x } = nodePoint(p, frame, width);
  const top = symbolBox(p, frame, width).bottom + LABEL_GAP_PX;
  return { left: x - LABEL_PX / 2, right: x + LABEL_PX / 2, top, bottom: top + LABEL_LINES * LABEL_LINE_PX };
}
