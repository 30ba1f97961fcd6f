/**
 * Licence checks before a manifest may be signed (issue 14), pure. A receiver needs a valid receiver
 * licence (危险废物经营许可证) covering every line's waste code at its facility with capacity left
 * for the manifest; each transporter a valid transporter licence covering the codes for the leg's
 * vehicle (a licence with no vehicle covers the enterprise's every vehicle). A return manifest (a
 * rejected part going back to the enterprise that made it) needs no receiver licence.
 *
 * The licences are exchange's `waste_licences` rows (migration 020). Codes match as in
 * exchange/codes.ts `licenceCovers` (a full code, or its whole class).
 */
import { licenceCovers } from '../exchange/codes.ts';
import type { ManifestKind } from './model.ts';

export interface LicenceFacts {
  id: number;
  enterpriseId: number;
  number: string;
  kind: 'receiver' | 'transporter';
  codes: string[];
  annualCapacityT: number | null;
  /** 'YYYY-MM-DD', inclusive. */
  validFrom: string;
  validTo: string;
  siteId: number | null;
  vehicle: string | null;
}

/** What a receiver licence already carries in the year: t accepted on manifests and in flight on signed ones (this manifest excluded). */
export interface LicenceUse {
  licenceId: number;
  acceptedT: number;
  inFlightT: number;
}

export const LICENCE_PROBLEMS = ['no_licence', 'not_yet_valid', 'expired', 'code_not_covered', 'over_capacity', 'vehicle_not_covered', 'site_not_covered'] as const;
export type LicenceProblemCode = (typeof LICENCE_PROBLEMS)[number];

export interface LicenceProblem {
  code: LicenceProblemCode;
  party: 'receiver' | 'transporter';
  enterpriseId: number;
  /** transporter: its leg. */
  leg: number | null;
  /** The line whose code is not covered, where one is. */
  line: number | null;
  /** The licence the problem is about, where one was considered. */
  licenceNumber: string | null;
  /** A sentence a person reads: which licence, which code, what capacity is left. */
  reason: string;
}

export interface LicenceCheckInput {
  kind: ManifestKind;
  receiverId: number;
  receiverSiteId: number | null;
  legs: { leg: number; transporterId: number; vehicle: string }[];
  lines: { line: number; hwCode: string }[];
  /** t the manifest declares (what it would take of the capacity). */
  declaredT: number;
  /** 'YYYY-MM-DD' the check is for (the planned date at signing, the day of the hand-off or receipt later). */
  on: string;
  licences: readonly LicenceFacts[];
  use: readonly LicenceUse[];
}

/** Which parties' licences to check: every one (generator's signature), one leg's transporter (its take-over), the receiver (its receipt). */
export type LicenceScope = { all: true } | { leg: number } | { receiver: true };

/** Per receiver licence, the capacity left in the year: annual − accepted − in flight (null when the licence states no capacity). */
export function capacityLeft(licence: Pick<LicenceFacts, 'annualCapacityT'>, use: LicenceUse | undefined): number | null {
  if (licence.annualCapacityT === null) return null;
  return licence.annualCapacityT - (use?.acceptedT ?? 0) - (use?.inFlightT ?? 0);
}

/**
 * How far a licence got through the checks for one line, in the order they are made: a problem later
 * in this list is more specific (the licence was right on everything before it), so it is the one a
 * person needs to hear about when no licence passes.
 */
const SPECIFICITY: readonly LicenceProblemCode[] = ['no_licence', 'code_not_covered', 'not_yet_valid', 'expired', 'site_not_covered', 'vehicle_not_covered', 'over_capacity'];

type Candidate = { code: LicenceProblemCode; licence: LicenceFacts; reason: string; left?: number } | null;

/** Plates are written with and without spaces, dots and dashes ("苏A·12345", "苏A 12345"). */
const plate = (v: string): string => v.replace(/[\s·.-]/g, '').toUpperCase();
const fmtT = (t: number): string => `${Number(t.toFixed(3))} t`;

function validity(l: LicenceFacts, on: string): Candidate {
  if (on < l.validFrom) return { code: 'not_yet_valid', licence: l, reason: `licence ${l.number} is valid from ${l.validFrom}, not yet on ${on}` };
  if (on > l.validTo) return { code: 'expired', licence: l, reason: `licence ${l.number} expired on ${l.validTo} (checked for ${on})` };
  return null;
}

/** The most specific of each licence's problem for a line; null when some licence has none. */
function mostSpecific(candidates: Candidate[]): Exclude<Candidate, null> | null {
  if (candidates.some((c) => c === null)) return null;
  let best: Exclude<Candidate, null> | null = null;
  for (const c of candidates as Exclude<Candidate, null>[]) {
    const rank = SPECIFICITY.indexOf(c.code);
    const bestRank = best ? SPECIFICITY.indexOf(best.code) : -1;
    // Among licences short of capacity, the one with the most left is the nearest to passing.
    if (rank > bestRank || (best && rank === bestRank && (c.left ?? 0) > (best.left ?? 0))) best = c;
  }
  return best;
}

function receiverProblems(input: LicenceCheckInput): LicenceProblem[] {
  const id = input.receiverId;
  const own = input.licences.filter((l) => l.kind === 'receiver' && l.enterpriseId === id);
  const base = { party: 'receiver' as const, enterpriseId: id, leg: null };
  if (own.length === 0) {
    return [{ ...base, code: 'no_licence', line: null, licenceNumber: null, reason: `the receiver (enterprise ${id}) holds no hazardous-waste operating licence (危险废物经营许可证)` }];
  }
  return lineProblems(input, own, base, '', (l) => {
    if (l.siteId !== null && input.receiverSiteId !== null && l.siteId !== input.receiverSiteId) {
      return { code: 'site_not_covered', licence: l, reason: `licence ${l.number} is for another facility (site ${l.siteId}) than the manifest's (site ${input.receiverSiteId})` };
    }
    const left = capacityLeft(l, input.use.find((u) => u.licenceId === l.id));
    if (left !== null && left < input.declaredT - 1e-9) {
      return {
        code: 'over_capacity',
        licence: l,
        left,
        reason: `licence ${l.number} has ${fmtT(Math.max(0, left))} of its ${fmtT(l.annualCapacityT!)} annual capacity left; the manifest declares ${fmtT(input.declaredT)}`,
      };
    }
    return null;
  });
}

function transporterProblems(input: LicenceCheckInput, leg: LicenceCheckInput['legs'][number]): LicenceProblem[] {
  const id = leg.transporterId;
  const own = input.licences.filter((l) => l.kind === 'transporter' && l.enterpriseId === id);
  const base = { party: 'transporter' as const, enterpriseId: id, leg: leg.leg };
  if (own.length === 0) {
    return [{ ...base, code: 'no_licence', line: null, licenceNumber: null, reason: `the transporter of leg ${leg.leg} (enterprise ${id}) holds no hazardous-waste transport licence` }];
  }
  return lineProblems(input, own, base, `leg ${leg.leg}, `, (l) =>
    l.vehicle !== null && plate(l.vehicle) !== plate(leg.vehicle)
      ? { code: 'vehicle_not_covered', licence: l, reason: `licence ${l.number} is for vehicle ${l.vehicle}, leg ${leg.leg} names ${leg.vehicle}` }
      : null,
  );
}

/**
 * Per line, the most specific problem of the party's licences (none when one licence covers the
 * line): the code, then the validity on the day, then the party's own condition (`partyCheck`).
 */
function lineProblems(
  input: LicenceCheckInput,
  own: readonly LicenceFacts[],
  base: Pick<LicenceProblem, 'party' | 'enterpriseId' | 'leg'>,
  prefix: string,
  partyCheck: (l: LicenceFacts) => Candidate,
): LicenceProblem[] {
  const out: LicenceProblem[] = [];
  for (const line of input.lines) {
    const candidates: Candidate[] = own.map((l) => {
      if (!licenceCovers(l.codes, line.hwCode)) return { code: 'code_not_covered', licence: l, reason: `licence ${l.number} does not cover ${line.hwCode} (it covers ${l.codes.join(', ') || 'no codes'})` };
      return validity(l, input.on) ?? partyCheck(l);
    });
    const worst = mostSpecific(candidates);
    if (worst) out.push({ ...base, code: worst.code, line: line.line, licenceNumber: worst.licence.number, reason: `${prefix}line ${line.line} (${line.hwCode}): ${worst.reason}` });
  }
  return dedupe(out);
}

/**
 * One problem per licence and kind where the line does not matter (an expired licence, a wrong
 * vehicle, a capacity short for the whole manifest): lines whose code is not covered stay one each.
 */
function dedupe(problems: LicenceProblem[]): LicenceProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (p.code === 'code_not_covered') return true;
    const key = `${p.party}|${p.leg}|${p.code}|${p.licenceNumber}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every problem with the licences in `scope`, each with its reason (empty: the licences hold). */
export function licenceProblems(input: LicenceCheckInput, scope: LicenceScope): LicenceProblem[] {
  const out: LicenceProblem[] = [];
  const all = 'all' in scope;
  // A return carries waste back to the enterprise that produced it, which needs no licence to take it back.
  if ((all || 'receiver' in scope) && input.kind !== 'return') out.push(...receiverProblems(input));
  for (const leg of input.legs) {
    if (all || ('leg' in scope && scope.leg === leg.leg)) out.push(...transporterProblems(input, leg));
  }
  return out;
}
