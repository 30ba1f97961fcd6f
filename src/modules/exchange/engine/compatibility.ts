/**
 * May this offer go to this demand at all? Every rule is checked and every failure reported, so
 * that the console can tell a plant everything that stands between it and the match, not only the
 * first thing.
 */
import type { ExclusionReason, PlanInstance, PlanLicence, PlanListing, PlanMaterial, PlanSubstitution, TransportMode } from '../model.ts';
import { distanceLookup, type DistanceLookup, type SiteDistance } from './distance.ts';
import { qualityFailures } from './quality.ts';
import { tonnesPerUnit, transportMode } from './transport.ts';
import { acceptedNames, licenceCovers } from '../codes.ts';

export type PairBasis = 'same_material' | 'accepted_code' | 'substitution';

export interface PairOk {
  ok: true;
  basis: PairBasis;
  /** Units of the demand's material one unit of the offered one replaces. */
  ratio: number;
  substitutionSource: string | null;
  /** The receiver licence a hazardous pair relies on (the one with the most capacity left). */
  licenceId: number | null;
  /** t of the offered material per its unit; null where the unit has no known mass (pipes only). */
  tonnesPerUnit: number | null;
  distance: SiteDistance;
  mode: TransportMode;
}
export interface PairExcluded {
  ok: false;
  reasons: ExclusionReason[];
}
export type PairCheck = PairOk | PairExcluded;

/** What checking many pairs of one instance shares: built once per instance. */
export interface CheckContext {
  distance: DistanceLookup;
  receiverLicences: Map<number, PlanLicence[]>;
  substitutions: Map<string, PlanSubstitution>;
}

const contexts = new WeakMap<PlanInstance, CheckContext>();

export function checkContext(instance: PlanInstance): CheckContext {
  let ctx = contexts.get(instance);
  if (ctx) return ctx;
  const receiverLicences = new Map<number, PlanLicence[]>();
  for (const l of instance.licences) {
    if (l.kind !== 'receiver') continue;
    const list = receiverLicences.get(l.enterpriseId);
    if (list) list.push(l);
    else receiverLicences.set(l.enterpriseId, [l]);
  }
  const substitutions = new Map<string, PlanSubstitution>();
  for (const s of instance.substitutions) substitutions.set(`${s.offered}>${s.replaces}`, s);
  ctx = { distance: distanceLookup(instance.sites, instance.distances, instance.settings.roadFactor), receiverLicences, substitutions };
  contexts.set(instance, ctx);
  return ctx;
}

export const isHazardous = (m: PlanMaterial): boolean => m.hazardous || m.hwCode !== null;

/** Does a licence code (full code or whole class) cover this material? */
function covers(licenceCode: string, m: PlanMaterial): boolean {
  if (licenceCode === m.code) return true;
  return m.hwCode !== null && licenceCovers([licenceCode], m.hwCode);
}

function overlap(windows: [string | null, string | null][]): boolean {
  let from = '';
  let to = '\uffff';
  for (const [f, t] of windows) {
    if (f !== null && f > from) from = f;
    if (t !== null && t < to) to = t;
  }
  return from <= to;
}

const showWindow = (f: string | null, t: string | null) => `${f ?? '…'} to ${t ?? '…'}`;

function licenceCheck(m: PlanMaterial, demand: PlanListing, instance: PlanInstance, ctx: CheckContext, reasons: ExclusionReason[]): number | null {
  const needed = m.hwCode ?? m.code;
  const held = ctx.receiverLicences.get(demand.enterpriseId) ?? [];
  if (held.length === 0) {
    reasons.push({ code: 'licence_missing', message: `${m.code} is hazardous (${needed}) and the receiver holds no hazardous-waste receiving licence`, params: { needed } });
    return null;
  }
  const covering = held.filter((l) => l.codes.some((c) => covers(c, m)));
  if (covering.length === 0) {
    const codes = [...new Set(held.flatMap((l) => l.codes))].join(', ');
    reasons.push({ code: 'licence_code', message: `the receiver's licences cover ${codes || 'no codes'}, not ${needed}`, params: { needed, held: codes } });
    return null;
  }
  const { from, to } = instance.period;
  const valid = covering.filter((l) => l.validFrom <= from && l.validTo >= to);
  if (valid.length === 0) {
    const spans = covering.map((l) => `${l.validFrom} to ${l.validTo}`).join('; ');
    reasons.push({ code: 'licence_expired', message: `the receiver's licence for ${needed} is not valid over ${from} to ${to} (valid ${spans})`, params: { needed, valid: spans, period: `${from} to ${to}` } });
    return null;
  }
  const withRoom = valid.filter((l) => l.remainingT === null || l.remainingT > 0);
  if (withRoom.length === 0) {
    reasons.push({ code: 'licence_capacity', message: `the receiver's licence for ${needed} has no capacity left this year`, params: { needed } });
    return null;
  }
  // The licence with the most room left: an uncapped one first.
  withRoom.sort((a, b) => (b.remainingT ?? Infinity) - (a.remainingT ?? Infinity) || a.id - b.id);
  return withRoom[0].id;
}

/** Whether `offer` may go to `demand` in this instance, with every reason it may not. */
export function pairCheck(offer: PlanListing, demand: PlanListing, instance: PlanInstance, ctx: CheckContext = checkContext(instance)): PairCheck {
  const reasons: ExclusionReason[] = [];
  const m = instance.materials[offer.materialCode];
  if (!m) return { ok: false, reasons: [{ code: 'unit_mismatch', message: `${offer.materialCode} is not in the catalogue`, params: { material: offer.materialCode } }] };

  let basis: PairBasis | null = null;
  let ratio = 1;
  let substitution: PlanSubstitution | undefined;
  if (offer.materialCode === demand.materialCode) basis = 'same_material';
  else if (demand.accepts.length > 0 && acceptedNames(m).some((n) => demand.accepts.includes(n))) basis = 'accepted_code';
  else if ((substitution = ctx.substitutions.get(`${offer.materialCode}>${demand.materialCode}`))) {
    basis = 'substitution';
    ratio = substitution.ratio;
  } else {
    reasons.push({ code: 'material_mismatch', message: `the demand for ${demand.materialCode} neither accepts ${offer.materialCode} nor has a substitution for it`, params: { offered: offer.materialCode, demanded: demand.materialCode } });
  }

  reasons.push(...qualityFailures(offer.properties, demand.properties));
  if (substitution) reasons.push(...qualityFailures(offer.properties, substitution.conditions, `the substitution ${substitution.offered} → ${substitution.replaces}${substitution.source ? ` (${substitution.source})` : ''}`));

  const { from, to } = instance.period;
  if (!overlap([[offer.availableFrom, offer.availableTo], [demand.availableFrom, demand.availableTo], [from, to]])) {
    reasons.push({
      code: 'no_time_overlap',
      message: `the offer (${showWindow(offer.availableFrom, offer.availableTo)}), the demand (${showWindow(demand.availableFrom, demand.availableTo)}) and the plan (${from} to ${to}) have no day in common`,
      params: { offer: showWindow(offer.availableFrom, offer.availableTo), demand: showWindow(demand.availableFrom, demand.availableTo), period: `${from} to ${to}` },
    });
  }

  if (offer.enterpriseId === demand.enterpriseId) {
    reasons.push({ code: 'same_enterprise', message: 'offer and demand belong to the same enterprise: an internal transfer, not an exchange', params: { enterprise: offer.enterpriseId } });
  }

  const licenceId = isHazardous(m) ? licenceCheck(m, demand, instance, ctx, reasons) : null;

  const mode = transportMode(m);
  const perUnitT = tonnesPerUnit(m);
  if (mode === 'road' && perUnitT === null) {
    reasons.push({ code: 'unit_mismatch', message: `${m.code} is measured in ${m.unit} with no known density, so its road freight (per t·km) cannot be priced`, params: { material: m.code, unit: m.unit } });
  }
  const distance = ctx.distance(offer.siteId, demand.siteId);
  if (distance === null) {
    reasons.push({ code: 'no_coordinates', message: `the distance between sites ${offer.siteId} and ${demand.siteId} is unknown: no coordinates and no entry in the park's table`, params: { from: offer.siteId, to: demand.siteId } });
  } else {
    const maxKm = instance.settings.transport[mode].maxKm;
    if (maxKm !== null && distance.km > maxKm) {
      reasons.push({ code: 'too_far', message: `${distance.km.toFixed(1)} km is beyond the ${maxKm} km a ${mode.replace('_', ' ')} is worth laying`, params: { km: Number(distance.km.toFixed(3)), maxKm, mode } });
    }
  }

  if (reasons.length > 0 || basis === null || distance === null) return { ok: false, reasons };
  return { ok: true, basis, ratio, substitutionSource: substitution?.source ?? null, licenceId, tonnesPerUnit: perUnitT, distance, mode };
}
