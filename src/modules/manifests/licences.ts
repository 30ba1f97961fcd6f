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

/** Every problem with the licences in `scope`, each with its reason (empty: the licences hold). */
export declare function licenceProblems(input: LicenceCheckInput, scope: LicenceScope): LicenceProblem[];

/** Per receiver licence, the capacity left in the year: annual − accepted − in flight (null when the licence states no capacity). */
export declare function capacityLeft(licence: Pick<LicenceFacts, 'annualCapacityT'>, use: LicenceUse | undefined): number | null;
