/**
 * Does an offer's material stay within what a demand (or a substitution's conditions) accepts?
 * An offer states the range its material keeps to; the range must lie inside the accepted one.
 * A bound the offer does not state cannot be vouched for, so it fails as unknown rather than
 * passing on hope.
 */
import type { ExclusionReason, PropertyRange, PropertyRanges, QualityProperty } from '../model.ts';

const show = (r: PropertyRange | undefined): string => {
  if (!r || (r.min === undefined && r.max === undefined)) return 'unstated';
  if (r.min !== undefined && r.max !== undefined) return `${r.min}–${r.max}`;
  return r.min !== undefined ? `≥ ${r.min}` : `≤ ${r.max}`;
};

/** One reason per accepted property the offer fails (empty: it qualifies); `against` names the rule. */
export function qualityFailures(offered: PropertyRanges, accepted: PropertyRanges, against = 'the demand'): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  for (const property of Object.keys(accepted) as QualityProperty[]) {
    const want = accepted[property];
    if (!want || (want.min === undefined && want.max === undefined)) continue;
    const have = offered[property];
    const unknown = (want.min !== undefined && have?.min === undefined) || (want.max !== undefined && have?.max === undefined);
    const params = { property, accepted: show(want), offered: show(have) };
    if (unknown) {
      reasons.push({ code: 'quality_unknown', message: `${property}: the offer does not state the bound ${against} requires (${show(want)}; offered ${show(have)})`, params });
      continue;
    }
    const outside = (want.min !== undefined && have!.min! < want.min) || (want.max !== undefined && have!.max! > want.max);
    if (outside) reasons.push({ code: 'quality_out_of_range', message: `${property}: offered ${show(have)} is not within ${show(want)} accepted by ${against}`, params });
  }
  return reasons;
}
