/**
 * A match and an exclusion in the user's language, composed from the plan's structured fields (the
 * engine's English `text` and `message` are for the API's readers, not the console): "磷石膏替代
 * 石膏（园区替代规则，GB/T 23456-2018）；公路运输 3.2 km；每 t 节省 182 元、0.21 t CO₂". The text is
 * the console's (exchange.*.json); this module picks the sentence and fills it in. Pure: no I/O.
 */
import type { CandidateExplanation, ExclusionReason } from '../../../../src/modules/exchange/model.ts';
import { formatNumber } from '../flows/format';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ExplainContext {
  t: Translate;
  lang: string;
}

export interface PairNames {
  /** The offered and the replaced material, named in the user's language. */
  offered: string;
  replaces: string;
  /** The offered material's unit (the explanation's per-unit figures are per unit of it). */
  unit: string;
}

/** Why the two match: the same material, a code the demand accepts, or the park's substitution (with its source). */
export function basisText(e: Pick<CandidateExplanation, 'basis' | 'substitutionSource' | 'ratio'>, { t, lang }: ExplainContext): string {
  if (e.basis === 'substitution') {
    const ratio = formatNumber(e.ratio, lang);
    return e.substitutionSource ? t('exchange.explain.basisSubstitutionSource', { source: e.substitutionSource, ratio }) : t('exchange.explain.basisSubstitution', { ratio });
  }
  return t(`exchange.explain.basis.${e.basis}`);
}

/** How far and how: "3.2 km by road (distance table)". */
export function transportText(e: Pick<CandidateExplanation, 'distanceKm' | 'distanceFrom' | 'mode'>, { t, lang }: ExplainContext): string {
  return t('exchange.explain.transport', { km: formatNumber(e.distanceKm, lang), mode: t(`exchange.mode.${e.mode}`), from: t(`exchange.explain.distanceFrom.${e.distanceFrom}`) });
}

/** What one unit saves: CNY (before carbon) and t CO2. */
export function perUnitText(e: Pick<CandidateExplanation, 'netCnyPerUnit' | 'netKgCo2PerUnit'>, unit: string, { t, lang }: ExplainContext): string {
  return t('exchange.explain.perUnit', { cny: formatNumber(e.netCnyPerUnit, lang), co2: formatNumber(e.netKgCo2PerUnit / 1000, lang), unit });
}

/** What the planned quantity saves in all. */
export function totalText(e: Pick<CandidateExplanation, 'savesCny' | 'savesTCo2'>, { t, lang }: ExplainContext): string {
  return t('exchange.explain.total', { cny: formatNumber(e.savesCny, lang), co2: formatNumber(e.savesTCo2, lang) });
}

/** The whole sentence of a candidate: why these two, how it travels, what it saves per unit and in all. */
export function explanationText(e: CandidateExplanation, names: PairNames, ctx: ExplainContext): string {
  const what = names.offered === names.replaces ? ctx.t('exchange.explain.same', { material: names.offered }) : ctx.t('exchange.explain.replaces', { offered: names.offered, replaces: names.replaces });
  const parts = [`${what}${ctx.t('exchange.explain.basisWrap', { basis: basisText(e, ctx) })}`, transportText(e, ctx), perUnitText(e, names.unit, ctx)];
  if (e.savesCny !== 0 || e.savesTCo2 !== 0) parts.push(totalText(e, ctx));
  return parts.join(ctx.t('exchange.explain.separator'));
}

/** One reason a pair was excluded, worded from its code (the params fill in numbers where the sentence has them). */
export function exclusionText(r: ExclusionReason, { t, lang }: ExplainContext): string {
  const params = Object.fromEntries(Object.entries(r.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, lang) : v]));
  return t(`exchange.exclusion.${r.code}`, { ...params, defaultValue: r.message });
}

/** Every reason of a pair, in one line. */
export function exclusionsText(reasons: readonly ExclusionReason[], ctx: ExplainContext): string {
  return reasons.map((r) => exclusionText(r, ctx)).join(ctx.t('exchange.explain.separator'));
}
