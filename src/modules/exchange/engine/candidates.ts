/**
 * Every candidate pair of an instance, and every related pair that is not one with its reasons.
 * Demands are indexed by what they take (their material, the codes they accept, and the materials
 * a substitution lets stand in for theirs), so an offer only meets the demands it could serve:
 * the work grows with the related pairs, not with offers × demands.
 */
import type { ExclusionReason, PlanCandidate, PlanInstance, PlanLimit, PlanListing } from '../model.ts';
import type { AllocationModel } from './allocation.ts';
import { acceptedNames } from '../codes.ts';
import { checkContext, pairCheck } from './compatibility.ts';
import { pairEconomics } from './economics.ts';

export interface CandidateSet {
  candidates: PlanCandidate[];
  excluded: { offer: number; demand: number; reasons: ExclusionReason[] }[];
  limits: PlanLimit[];
  /** The numbers of the allocation, index k = candidates[k]. */
  model: AllocationModel;
  /** t per unit of each candidate's offered material (null: not a mass). */
  tonnesPerUnit: (number | null)[];
}

function indexBy(demands: PlanListing[], keys: (d: PlanListing) => Iterable<string>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  demands.forEach((d, i) => {
    for (const key of new Set(keys(d))) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  return index;
}

const fmt = (x: number) => Number(x.toPrecision(6));

export function generateCandidates(instance: PlanInstance): CandidateSet {
  const ctx = checkContext(instance);
  const { offers, demands } = instance;
  const byMaterial = indexBy(demands, (d) => [d.materialCode]);
  const byAccept = indexBy(demands, (d) => d.accepts);
  const replacing = new Map<string, string[]>();
  for (const s of instance.substitutions) replacing.set(s.offered, [...(replacing.get(s.offered) ?? []), s.replaces]);
  const licenceById = new Map(instance.licences.map((l) => [l.id, l]));

  const candidates: PlanCandidate[] = [];
  const excluded: CandidateSet['excluded'] = [];
  const model: AllocationModel = { vars: [], supply: offers.map((o) => Math.max(0, o.quantity)), demand: demands.map((d) => Math.max(0, d.quantity)), licence: [] };
  const tonnesPerUnit: (number | null)[] = [];
  const licenceRow = new Map<number, number>();
  const limits: PlanLimit[] = [];
  // The offer index that last visited each demand: a demand reached twice (its material and an
  // accepted code) is checked once.
  const seen = new Int32Array(demands.length).fill(-1);

  offers.forEach((offer, o) => {
    const m = instance.materials[offer.materialCode];
    const related: number[] = [];
    const visit = (list: number[] | undefined) => {
      if (!list) return;
      for (const d of list) {
        if (seen[d] === o) continue;
        seen[d] = o;
        related.push(d);
      }
    };
    visit(byMaterial.get(offer.materialCode));
    for (const name of m ? acceptedNames(m) : [offer.materialCode]) visit(byAccept.get(name));
    for (const target of replacing.get(offer.materialCode) ?? []) visit(byMaterial.get(target));
    related.sort((a, b) => a - b);

    for (const d of related) {
      const demand = demands[d];
      const check = pairCheck(offer, demand, instance, ctx);
      if (!check.ok) {
        excluded.push({ offer: offer.id, demand: demand.id, reasons: check.reasons });
        continue;
      }
      const tPerUnit = check.tonnesPerUnit;
      let maxQuantity = Math.min(Math.max(0, offer.quantity), Math.max(0, demand.quantity) / check.ratio);
      const licence = check.licenceId !== null ? licenceById.get(check.licenceId)! : null;
      const licenceCap = licence && licence.remainingT !== null && tPerUnit ? licence.remainingT / tPerUnit : Infinity;
      maxQuantity = Math.min(maxQuantity, licenceCap);
      const minLot = Math.max(offer.minLot ?? 0, (demand.minLot ?? 0) / check.ratio, 0);
      if (minLot > maxQuantity) {
        const reasons: ExclusionReason[] = [
          {
            code: licenceCap < minLot ? 'licence_capacity' : 'lot_too_large',
            message: `the smallest lot worth moving (${fmt(minLot)}) is more than the pair can move in the period (${fmt(maxQuantity)})`,
            params: { minLot: fmt(minLot), maxQuantity: fmt(maxQuantity) },
          },
        ];
        excluded.push({ offer: offer.id, demand: demand.id, reasons });
        continue;
      }
      const economics = pairEconomics(offer, demand, check, m?.unit ?? 'unit', instance.settings);
      let row = -1;
      if (licence && licence.remainingT !== null && tPerUnit) {
        row = licenceRow.get(licence.id) ?? -1;
        if (row < 0) {
          row = model.licence.length;
          licenceRow.set(licence.id, row);
          model.licence.push(licence.remainingT);
          limits.push({ kind: 'licence', id: licence.id, candidates: [], quantity: licence.remainingT });
        }
        limits[row].candidates.push(candidates.length);
      }
      model.vars.push({ benefit: economics.unitNetBenefit, max: maxQuantity, minLot, offer: o, demand: d, licence: row, ratio: check.ratio, tonnesPerUnit: tPerUnit ?? 0 });
      tonnesPerUnit.push(tPerUnit);
      candidates.push({ offer: offer.id, demand: demand.id, unitNetBenefit: economics.unitNetBenefit, maxQuantity, minLot, quantity: 0, explanation: economics.explanation });
    }
  });
  return { candidates, excluded, limits, model, tonnesPerUnit };
}
