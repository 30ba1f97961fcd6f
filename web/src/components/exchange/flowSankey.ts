/**
 * The plan's suggested flows as a Sankey: offering enterprise → material → receiving enterprise. An
 * enterprise that gives and takes is one node, so a loop (spent solvent out, recovered solvent back)
 * is broken into a return node as the flow pages do (src/modules/flows/sankey-acyclic.ts). Values
 * are in each material's own unit. Pure: no I/O.
 */
import { acyclicLinks, isReturnKey, originalKey } from '../../../../src/modules/flows/sankey-acyclic.ts';

export interface SuggestedFlow {
  /** A node key per party: `e:<enterpriseId>`, or `anon:<listingId>` for an anonymous one. */
  from: string;
  to: string;
  material: string;
  quantity: number;
}

export interface SankeyTexts {
  partyName(key: string): string;
  materialName(code: string): string;
  unitOf(code: string): string;
  fmt(n: number): string;
}

export const materialKey = (code: string) => `m:${code}`;

/** The links: party → material and material → party, summed over the flows. */
export function sankeyLinks(flows: readonly SuggestedFlow[]): { source: string; target: string; value: number; material: string }[] {
  const sums = new Map<string, { source: string; target: string; value: number; material: string }>();
  const add = (source: string, target: string, value: number, material: string) => {
    const k = `${source}\u0000${target}`;
    const l = sums.get(k);
    if (l) l.value += value;
    else sums.set(k, { source, target, value, material });
  };
  for (const f of flows) {
    if (!(f.quantity > 0)) continue;
    add(f.from, materialKey(f.material), f.quantity, f.material);
    add(materialKey(f.material), f.to, f.quantity, f.material);
  }
  return [...sums.values()];
}

export function exchangeSankeyOption(flows: readonly SuggestedFlow[], texts: SankeyTexts) {
  const { links } = acyclicLinks(sankeyLinks(flows));
  const keys = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  const label = (key: string) => {
    const k = originalKey(key);
    const name = k.startsWith('m:') ? texts.materialName(k.slice(2)) : texts.partyName(k);
    return isReturnKey(key) ? `${name} ↺` : name;
  };
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        emphasis: { focus: 'adjacency' },
        nodeGap: 12,
        data: keys.map((k) => ({ name: k, itemStyle: { color: originalKey(k).startsWith('m:') ? '#52c41a' : '#1677ff' } })),
        links: links.map((l) => ({ source: l.source, target: l.target, value: l.value, material: l.material })),
        label: { formatter: (p: { name: string }) => label(p.name) },
        tooltip: {
          formatter: (p: { dataType: string; name: string; data: { source?: string; target?: string; value?: number; material?: string } }) =>
            p.dataType === 'edge'
              ? `${label(p.data.source!)} → ${label(p.data.target!)}: ${texts.fmt(p.data.value ?? 0)} ${texts.unitOf(p.data.material ?? '')}`
              : label(p.name),
        },
        lineStyle: { color: 'gradient', curveness: 0.5 },
      },
    ],
  };
}
