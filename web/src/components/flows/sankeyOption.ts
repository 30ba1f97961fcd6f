/**
 * The ECharts option of a flow Sankey: nodes named by key and labelled in the console's language,
 * the system boundary in its own muted colours (where material leaves the park reads at a glance),
 * loops broken into return nodes (./acyclic), and tooltips with the value, the unit and whether the
 * value is reconciled. Pure: no I/O.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { BoundaryKind, NodeKind, Sankey, SankeyNode } from '../../api/flowShapes';
import { acyclicLinks, isReturnKey, originalKey } from '../../../../src/modules/flows/sankey-acyclic.ts';
import { formatQuantity } from './format';
import type { Translate } from './explain';

/** The boundary's colours: earthy and grey, apart from the park's own nodes. */
export const BOUNDARY_COLORS: Readonly<Record<BoundaryKind, string>> = {
  supplier: '#8c8c8c', customer: '#595959', air: '#91caff', water_body: '#4096ff', landfill: '#a0785a', incineration: '#d46b08', treatment: '#ad6800', storage_yard: '#bfbfbf', other: '#d9d9d9',
};
const KIND_COLORS: Readonly<Record<NodeKind, string>> = { unit: '#1677ff', enterprise: '#13a8a8', park: '#722ed1', boundary: '#8c8c8c' };
const ENTERPRISE_PALETTE = ['#13a8a8', '#52c41a', '#2f54eb', '#eb2f96', '#faad14', '#722ed1', '#1677ff', '#a0d911', '#fa541c', '#08979c'];

export function nodeColor(node: Pick<SankeyNode, 'kind' | 'boundaryKind' | 'enterpriseId'>): string {
  if (node.kind === 'boundary') return BOUNDARY_COLORS[node.boundaryKind ?? 'other'];
  if (node.kind === 'enterprise' && node.enterpriseId !== null) return ENTERPRISE_PALETTE[node.enterpriseId % ENTERPRISE_PALETTE.length];
  return KIND_COLORS[node.kind];
}

export interface SankeyTexts {
  t: Translate;
  lang: string;
  nodeLabel(node: SankeyNode): string;
  materialName(code: string): string;
}

/** The chart's data node of a clicked item, back to the API's node (undefined for links). */
export type SankeyDatum = { name: string; node: SankeyNode };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sankeyOption(data: Sankey, texts: SankeyTexts): EChartsCoreOption {
  const { t, lang } = texts;
  const byKey = new Map(data.nodes.map((n) => [n.key, n]));
  const drawn = data.links.filter((l) => l.value > 0 && byKey.has(l.source) && byKey.has(l.target));
  const { links, returns } = acyclicLinks(drawn);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const label = (key: string): string => {
    const node = byKey.get(originalKey(key));
    const name = node ? texts.nodeLabel(node) : key;
    return isReturnKey(key) ? t('flows.sankey.returnNode', { name }) : name;
  };
  const nodes = [...data.nodes.map((n) => n.key), ...returns]
    .filter((key) => used.has(key))
    .map((key) => {
      const node = byKey.get(originalKey(key))!;
      return { name: key, node, itemStyle: { color: nodeColor(node) } };
    });
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { dataType?: string; data: unknown; value?: number }) => {
        if (p.dataType === 'edge') {
          const l = p.data as (typeof links)[number];
          const state = l.reconciled ? t('flows.sankey.reconciled') : t('flows.sankey.asRecorded');
          return `${escape(label(l.source))} → ${escape(label(l.target))}<br/>${escape(texts.materialName(l.materialCode))}: <b>${escape(formatQuantity(l.value, data.unit, lang))}</b><br/>${escape(state)}`;
        }
        const d = p.data as SankeyDatum;
        return `${escape(label(d.name))}<br/>${escape(t(`flows.nodeKind.${d.node.kind}`))}: ${escape(formatQuantity(p.value ?? 0, data.unit, lang))}`;
      },
    },
    series: [
      {
        type: 'sankey',
        data: nodes,
        links: links.map((l) => ({ ...l, lineStyle: { opacity: l.reconciled ? 0.45 : 0.25 } })),
        emphasis: { focus: 'adjacency' },
        nodeAlign: 'justify',
        nodeGap: 10,
        left: 8,
        right: 160,
        top: 12,
        bottom: 12,
        draggable: false,
        lineStyle: { color: 'gradient', curveness: 0.5 },
        label: { formatter: (p: { name: string }) => label(p.name), fontSize: 12 },
      },
    ],
  };
}
