/**
 * The report's Sankey as SVG, drawn by ECharts' server-side renderer (no DOM, no canvas) so the PDF
 * shows the same picture the console does. ECharts draws a Sankey only of an acyclic graph and a
 * circular park is full of loops (steam out, condensate back): links are kept heaviest first while
 * they close no loop, and a link that would close one goes to a copy of its target (the "return"
 * node), so every tonne still shows — the console's rule, one function for both (flows/sankey-acyclic.ts).
 */
import * as echarts from 'echarts';
import { acyclicLinks, isReturnKey, originalKey } from '../../flows/sankey-acyclic.ts';
import type { ReportSankey } from './report-data.ts';

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
}

/** One link per source and target (materials summed), heaviest first, loops redirected to return nodes. */
export function drawableLinks(links: readonly SankeyLink[]): { links: SankeyLink[]; returns: string[] } {
  const summed = new Map<string, SankeyLink>();
  for (const l of links) {
    if (!(l.value > 0)) continue;
    const key = `${l.source}\u0000${l.target}`;
    const known = summed.get(key);
    if (known) known.value += l.value;
    else summed.set(key, { ...l });
  }
  return acyclicLinks([...summed.values()].sort((a, b) => b.value - a.value));
}

const KIND_COLORS: Readonly<Record<string, string>> = { unit: '#1677ff', enterprise: '#13a8a8', park: '#722ed1', boundary: '#8c8c8c' };
const BOUNDARY_COLORS: Readonly<Record<string, string>> = { supplier: '#8c8c8c', customer: '#595959', air: '#91caff', water_body: '#4096ff', landfill: '#a0785a', incineration: '#d46b08', treatment: '#ad6800', storage_yard: '#bfbfbf', other: '#d9d9d9' };
const PALETTE = ['#13a8a8', '#52c41a', '#2f54eb', '#eb2f96', '#faad14', '#722ed1', '#1677ff', '#a0d911', '#fa541c', '#08979c'];

/** The font family the SVG's labels name; the PDF maps it to the embedded Noto Sans SC. */
export const SANKEY_FONT = 'Noto Sans SC';
const LABEL_SIZE = 15;
/** The widest label, in half-ems (a CJK character is two, a Latin one about one). */
const MAX_LABEL_HALF_EMS = 20;

const halfEms = (ch: string) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1.1);

/** A label cut to the widest the figure gives one, with an ellipsis. */
export function fitLabel(label: string, max = MAX_LABEL_HALF_EMS): string {
  let width = 0;
  const chars = [...label];
  for (let i = 0; i < chars.length; i++) {
    width += halfEms(chars[i]!);
    if (width > max) return `${chars.slice(0, i).join('').trimEnd()}…`;
  }
  return label;
}

/** Legal forms that say nothing in a figure of the park's enterprises. */
const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|集团公司|,?\s*(Co\.,?\s*Ltd\.?|Company Limited|Ltd\.?|Inc\.?|LLC|Corporation|Corp\.?))$/i;

/**
 * The enterprises' names as the figure shows them: without their legal form and without the
 * prefix all of them share (the park's place name, 滨海 / Binhai), so eight columns of names do not
 * run into each other. Names are kept whole when fewer than three share a prefix.
 */
export function shortNames(names: readonly string[]): string[] {
  const bare = names.map((n) => n.replace(LEGAL_FORM, '').trim() || n);
  if (bare.length < 3) return bare;
  let prefix = bare.reduce((p, n) => {
    let i = 0;
    while (i < p.length && i < n.length && p[i] === n[i]) i++;
    return p.slice(0, i);
  });
  // A Latin prefix ends at a word; a CJK one anywhere.
  if (/[A-Za-z]$/.test(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf(' ') + 1);
  if ([...prefix].length < 2 || bare.some((n) => n.length - prefix.length < 2)) return bare;
  return bare.map((n) => n.slice(prefix.length).trim());
}

/** The label's width in SVG units at the label size. */
const labelWidth = (label: string) => ([...label].reduce((w, ch) => w + halfEms(ch), 0) * LABEL_SIZE) / 2;

/**
 * The SVG of the Sankey at `width` × `height` (in SVG units), or null when there is nothing to
 * draw. `returnNode` names a loop's return copy of a node in the report's language.
 */
export function sankeySvg(sankey: ReportSankey, opts: { width: number; height: number; returnNode: (name: string) => string }): string | null {
  const enterprises = sankey.nodes.filter((n) => n.kind === 'enterprise');
  const short = new Map(shortNames(enterprises.map((n) => n.label)).map((name, i) => [enterprises[i]!.key, name]));
  const byKey = new Map(sankey.nodes.map((n) => [n.key, { ...n, label: short.get(n.key) ?? n.label }]));
  const { links, returns } = drawableLinks(sankey.links.filter((l) => byKey.has(l.source) && byKey.has(l.target)));
  if (!links.length) return null;
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  let enterpriseIndex = 0;
  const colors = new Map<string, string>();
  for (const n of sankey.nodes) {
    colors.set(n.key, n.kind === 'boundary' ? (BOUNDARY_COLORS[n.boundaryKind ?? 'other'] ?? '#8c8c8c') : n.kind === 'enterprise' ? PALETTE[enterpriseIndex++ % PALETTE.length]! : (KIND_COLORS[n.kind] ?? '#1677ff'));
  }
  const label = (key: string) => {
    const name = byKey.get(originalKey(key))?.label ?? key;
    // The name is cut, never the return marker: it says why the node shows twice.
    return isReturnKey(key) ? opts.returnNode(fitLabel(name)) : fitLabel(name);
  };
  // Room on the right for the last column's labels, which ECharts sets beside their nodes.
  const right = Math.min(opts.width * 0.4, Math.max(60, ...[...used].map((k) => labelWidth(label(k)) + 16)));
  const data = [...sankey.nodes.map((n) => n.key), ...returns].filter((k) => used.has(k)).map((k) => ({ name: k, itemStyle: { color: colors.get(originalKey(k)) ?? '#8c8c8c' } }));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: opts.width, height: opts.height });
  try {
    chart.setOption({
      animation: false,
      series: [
        {
          type: 'sankey',
          data,
          links,
          nodeAlign: 'justify',
          nodeGap: 18,
          nodeWidth: 14,
          left: 8,
          right,
          top: 10,
          bottom: 10,
          draggable: false,
          lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.4 },
          // A light ground under each label keeps it legible where it crosses the links.
          label: { formatter: (p: { name: string }) => label(p.name), fontSize: LABEL_SIZE, color: '#262626', fontFamily: SANKEY_FONT, backgroundColor: 'rgba(255,255,255,0.75)', padding: [1, 3] },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
