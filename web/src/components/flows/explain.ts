/**
 * The reconciliation in words a plant engineer follows: which balance a table shows ("the chlorine
 * balance"), and each suspect as a sentence composed from its meaning and numbers ("2.1 t of the
 * chlorine balance at the HCl synthesis unit is unaccounted for (z = 5.3): possibly a leak or an
 * unmetered discharge"). The text is the console's (flows.*.json); this module picks the sentence
 * and fills it in. Pure: no I/O.
 */
import type { BalanceFlow, BalanceSuspect, Balances, NodeBalance } from '../../api/flowShapes';
import { formatQuantity, formatStat } from './format';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ExplainContext {
  t: Translate;
  lang: string;
  /** A node's name in the console's language, by code (its code when unknown). */
  nodeName(code: string): string;
  /** A material's name in the console's language, by code (its code when unknown). */
  materialName(code: string): string;
}

/** "the chlorine balance", "the mass balance of caustic soda", "the energy balance". */
export function balanceName(b: Pick<Balances, 'layer' | 'element' | 'material'>, ctx: ExplainContext): string {
  const { t } = ctx;
  if (b.layer === 'energy') return t('flows.balanceOf.energy');
  if (b.layer === 'element' && b.element) return t('flows.balanceOf.element', { element: t(`flows.element.${b.element}`, { defaultValue: b.element }) });
  if (b.material) return t('flows.balanceOf.material', { material: ctx.materialName(b.material) });
  return t('flows.balanceOf.mass');
}

/** One suspect as a sentence; the table's own rows give the node's imbalance and the flow's ends. */
export function explainSuspect(s: BalanceSuspect, b: Pick<Balances, 'layer' | 'element' | 'material' | 'unit' | 'nodes' | 'flows'>, ctx: ExplainContext): string {
  const { t, lang } = ctx;
  const z = formatStat(s.z, lang);
  const balance = balanceName(b, ctx);
  if (s.kind === 'node') {
    const code = s.nodeCode ?? s.key;
    const node: NodeBalance | undefined = b.nodes.find((n) => n.code === code);
    const amount = Math.abs(s.adjustment ?? node?.imbalance ?? 0);
    return t(`flows.suspect.${s.meaning}`, { node: ctx.nodeName(code), balance, amount: formatQuantity(amount, b.unit, lang), z });
  }
  const key = s.flowKey ?? s.key;
  const flow: BalanceFlow | undefined = b.flows.find((f) => f.key === key);
  const amount = Math.abs(s.adjustment ?? flow?.adjustment ?? 0);
  return t(`flows.suspect.${s.meaning}`, {
    from: flow ? ctx.nodeName(flow.fromCode) : key,
    to: flow ? ctx.nodeName(flow.toCode) : '',
    material: flow ? ctx.materialName(flow.materialCode) : '',
    node: s.nodeCode ? ctx.nodeName(s.nodeCode) : '',
    balance,
    amount: formatQuantity(amount, b.unit, lang),
    z,
  });
}

/** Flow suspects whose tests are equal and that share a node: the data cannot say which of them is wrong. */
export interface EqualTestGroup {
  /** The node every flow of the group starts or ends at. */
  nodeCode: string;
  flowKeys: string[];
  z: number;
}

/**
 * Groups of two or more flow suspects with the same measurement test (to 1e-6, relative) around
 * one node. Such flows are an equivalence set: every way of putting the error on one of them — or
 * on the node itself, as a leak or an unrecorded input — explains the data equally well, which is
 * what a plant engineer needs to know before recalibrating a meter. Pure.
 */
export function equalTestGroups(b: Pick<Balances, 'suspects' | 'flows'>): EqualTestGroup[] {
  const flowsByKey = new Map(b.flows.map((f) => [f.key, f]));
  const flowSuspects = b.suspects.filter((s) => s.kind === 'flow' && flowsByKey.has(s.flowKey ?? s.key));
  const groups: EqualTestGroup[] = [];
  const used = new Set<string>();
  for (const s of flowSuspects) {
    const key = s.flowKey ?? s.key;
    if (used.has(key)) continue;
    const same = flowSuspects.filter((o) => !used.has(o.flowKey ?? o.key) && Math.abs(o.z - s.z) <= 1e-6 * Math.max(1, s.z)).map((o) => flowsByKey.get(o.flowKey ?? o.key)!);
    // Of the flows with this z, those that share an end with this one: the end most of them share.
    const own = flowsByKey.get(key)!;
    const atEnd = [own.fromCode, own.toCode].map((code) => ({ code, members: same.filter((f) => f.fromCode === code || f.toCode === code) }));
    const best = atEnd.sort((a, b) => b.members.length - a.members.length)[0]!;
    if (best.members.length < 2) continue;
    for (const f of best.members) used.add(f.key);
    groups.push({ nodeCode: best.code, flowKeys: best.members.map((f) => f.key), z: s.z });
  }
  return groups;
}

/** An equal-test group as a sentence. */
export function explainEqualTests(g: EqualTestGroup, ctx: ExplainContext): string {
  return ctx.t('flows.suspect.equalTests', { count: g.flowKeys.length, node: ctx.nodeName(g.nodeCode), z: formatStat(g.z, ctx.lang) });
}
