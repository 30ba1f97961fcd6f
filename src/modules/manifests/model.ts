/**
 * Hazardous-waste transfer manifests (issue 14): the vocabulary and the state machine. Pure: the
 * service loads a manifest's facts, asks `nextManifest` whether an action may happen now and what it
 * makes of the manifest, and writes the answer. No other code decides a transition.
 *
 * The life of a manifest (docs/manifests.md):
 *
 *   draft ──sign (generator)──▶ signed ──hand-off 0──▶ in_transit ──hand-offs 1..n──▶ delivered
 *   delivered ──accept | partially_reject | reject (receiver)──▶ accepted | partially_rejected | rejected
 *   accepted | partially_rejected ──process (receiver, method codes)──▶ processed ──close (generator)──▶ closed
 *   rejected ──close (generator)──▶ closed
 *   draft | signed ──cancel (generator)──▶ cancelled            (only before pick-up)
 *   closed ──correct (generator or receiver)──▶ a new revision, closed; the old one unchanged
 *
 * A manifest with n legs has n + 1 hand-offs: hand-off 0 is generator → transporter of leg 1,
 * hand-off k (1 ≤ k < n) is transporter k → transporter k + 1, hand-off n is transporter n → receiver.
 * Each hand-off is signed by both of its sides, the giver first (`hand_over`, with what it handed
 * over), then the taker (`take_over`, with what it saw). Hand-off 0 completing is the pick-up
 * (signed → in_transit); hand-off n completing is the delivery (→ delivered).
 *
 * A discrepancy (the receiver weighed more or less than the generator declared, beyond the park's
 * tolerance) is open from the receipt until the generator resolves it with an explanation
 * (`resolve_discrepancy`, no state change); a manifest with an open discrepancy cannot close.
 *
 * Every action names the version it answers, and versions grow by one per action, so a replayed
 * request (the same version again) or one that answers a manifest since changed (reordered) is
 * refused. Whether the *user* may act for the enterprise (its role) is the policy's; whether the
 * *enterprise* may act now (its turn, its side of the hand-off) is this module's.
 */

export const MANIFEST_STATES = [
  'draft', 'signed', 'in_transit', 'delivered', 'accepted', 'partially_rejected', 'rejected', 'processed', 'closed', 'cancelled',
] as const;
export type ManifestState = (typeof MANIFEST_STATES)[number];

/** States in which the waste is on its way or at the receiver undecided: what the park watches as open movements. */
export const OPEN_STATES: readonly ManifestState[] = ['signed', 'in_transit', 'delivered'];

export const MANIFEST_ACTIONS = [
  'sign', 'hand_over', 'take_over', 'accept', 'partially_reject', 'reject', 'process', 'resolve_discrepancy', 'close', 'cancel', 'correct',
] as const;
export type ManifestAction = (typeof MANIFEST_ACTIONS)[number];

export const MANIFEST_PARTIES = ['generator', 'transporter', 'receiver'] as const;
export type ManifestParty = (typeof MANIFEST_PARTIES)[number];

/** original: as the generator made it; return: a rejected part back to its generator; onward: a rejected part to another receiver. */
export const MANIFEST_KINDS = ['original', 'return', 'onward'] as const;
export type ManifestKind = (typeof MANIFEST_KINDS)[number];

/** 固态 S, 半固态 SS, 液态 L, 气态 G (HJ 1259-2022's forms), plus sludge as the waste lists name it. */
export const PHYSICAL_FORMS = ['solid', 'semi_solid', 'liquid', 'gas', 'sludge'] as const;
export type PhysicalForm = (typeof PHYSICAL_FORMS)[number];

export const PACKAGINGS = ['drum', 'ibc', 'bag', 'ton_bag', 'box', 'tank', 'cylinder', 'bulk', 'other'] as const;
export type Packaging = (typeof PACKAGINGS)[number];

/** 危险特性: 毒性 T, 腐蚀性 C, 易燃性 I, 反应性 R, 感染性 In (国家危险废物名录). */
export const HAZARD_CHARACTERISTICS = ['T', 'C', 'I', 'R', 'In'] as const;
export type HazardCharacteristic = (typeof HAZARD_CHARACTERISTICS)[number];

export const MANIFEST_UNITS = ['t', 'kg'] as const;
export type ManifestUnit = (typeof MANIFEST_UNITS)[number];

export const DISCREPANCY_STATES = ['open', 'resolved'] as const;
export type DiscrepancyState = (typeof DISCREPANCY_STATES)[number];

export const REJECTION_ROUTES = ['return', 'onward'] as const;
export type RejectionRoute = (typeof REJECTION_ROUTES)[number];

/** One waste line as the generator declared it, with what the receiver later weighed, rejected and processed. */
export interface ManifestLine {
  /** 1-based position. */
  line: number;
  materialId: number;
  /** 国家危险废物名录 code, HW06/900-402-06 (the material's, unless the generator names another of its class). */
  hwCode: string;
  form: PhysicalForm;
  packaging: Packaging;
  /** Number of packages (0 for bulk). */
  containers: number;
  /** Declared by the generator. */
  quantity: number;
  unit: ManifestUnit;
  hazards: HazardCharacteristic[];
  /** Resolvable identifiers of the waste batches the line carries (minted for the generator where none was named). */
  batches: string[];
  /** What the receiver weighed (in `unit`), its package count, what it rejected of it; null until received. */
  received: number | null;
  receivedContainers: number | null;
  rejected: number | null;
  /** The utilization or disposal method (METHOD_CODES) and the quantity processed by it; null until processed. */
  method: string | null;
  processed: number | null;
}

export interface ManifestLeg {
  /** 1-based. */
  leg: number;
  transporterId: number;
  /** Licence plate. */
  vehicle: string;
  driver: string | null;
  driverPhone: string | null;
}

/** Where a signature was made: a place name, coordinates from the signer's device, or both. */
export interface SignatureLocation {
  place?: string;
  lat?: number;
  lng?: number;
  /** Accuracy of the coordinates (m). */
  accuracyM?: number;
}

/** What a signer saw of a line: quantity (in the line's unit) and, where packaged, the package count. */
export interface SeenQuantity {
  line: number;
  quantity: number;
  containers?: number;
}

export interface Rejection {
  route: RejectionRoute;
  /** onward: the receiver it goes to instead. */
  receiverId: number | null;
  reason: string;
  /** The manifest spawned for the rejected part (set by the service). */
  manifestId: number | null;
}

/** One line's difference between declared and weighed, relative to declared. */
export interface LineDiscrepancy {
  line: number;
  declared: number;
  received: number;
  /** (received − declared) / declared × 100; null where nothing was declared. */
  pct: number | null;
  declaredContainers: number;
  receivedContainers: number | null;
  /** Why it counts: over the weight tolerance, a different package count, or both. */
  reasons: ('weight' | 'containers')[];
}

export interface Discrepancy {
  tolerancePct: number;
  lines: LineDiscrepancy[];
  /** Set by resolve_discrepancy. */
  resolution?: { note: string; by: string; at: number };
}

/** The park's manifest settings (one record; park administrators write it). */
export interface ManifestSettings {
  /** Tokens: {park} the park's code, {region} regionCode, {YYYY}, {YY}, {MM}, {seq:N} the year's serial padded to N digits. Must contain {seq…} and {YYYY} or {YY}. */
  numberFormat: string;
  /** 行政区划代码 (6 digits) the number format may use; null: none. */
  regionCode: string | null;
  /** A line whose weighed quantity differs from the declared by more than this (%) is a discrepancy. */
  discrepancyTolerancePct: number;
  /** A line whose package count differs by more than this is a discrepancy (0: any difference). */
  containerTolerance: number;
  /** A signed manifest not picked up this many days after its planned date is overdue. */
  pickupAllowanceDays: number;
  /** A manifest in transit not delivered this many hours after pick-up is overdue. */
  transitAllowanceHours: number;
}

/** The facts of a manifest the rules weigh. */
export interface ManifestFacts {
  state: ManifestState;
  version: number;
  kind: ManifestKind;
  generatorId: number;
  receiverId: number;
  /** Transporter enterprise per leg, in leg order. */
  transporterIds: number[];
  handoffsDone: number;
  /** true when the current hand-off's giver has signed and its taker has not. */
  handoffGiven: boolean;
  lines: ManifestLine[];
  discrepancyState: DiscrepancyState | null;
  /** Whether this is the newest revision of its number (only the newest may be corrected). */
  latestRevision: boolean;
}

/** Who acts: an enterprise (its id), or the park (null), which is never a party. */
export interface ManifestActor {
  enterpriseId: number | null;
}

export interface ManifestCommand {
  action: ManifestAction;
  /** The manifest version the action answers. */
  version: number;
  /** hand_over / take_over: what was handed over or seen; accept / partially_reject / reject: what was weighed. */
  seen?: SeenQuantity[];
  /** partially_reject / reject: per line, what is rejected (reject: may be omitted, everything weighed is). */
  rejected?: { line: number; quantity: number }[];
  rejection?: { route: RejectionRoute; receiverId?: number | null; reason: string };
  /** process: per line, the method code and the quantity processed by it. */
  methods?: { line: number; method: string; quantity: number }[];
  /** resolve_discrepancy, correct: why. */
  note?: string;
  /** correct: the corrected figures (generator: declared quantities and codes; receiver: weighed, rejected, methods). */
  corrections?: { line: number; quantity?: number; hwCode?: string; received?: number; rejected?: number; method?: string; processed?: number }[];
}

export const REFUSAL_CODES = [
  'stale_version', 'not_a_party', 'not_your_turn', 'wrong_state', 'invalid', 'discrepancy_open', 'not_latest_revision', 'not_an_action', 'no_legs',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** What the next signature must be: whose turn it is and what it may do. */
export interface Turn {
  party: ManifestParty;
  /** transporter: its leg (1-based); else null. */
  leg: number | null;
  enterpriseId: number;
  actions: ManifestAction[];
}

export type ManifestDecision =
  | {
      ok: true;
      /** The manifest after the action (correct: the new revision's facts, version 1). */
      manifest: ManifestFacts;
      action: ManifestAction;
      /** Which side signed. */
      party: ManifestParty;
      leg: number | null;
      /** Steps the service links to other modules (EPCIS events, ledger flows, alarms). */
      effects: ManifestEffect[];
    }
  | { ok: false; code: RefusalCode; reason: string; status: 400 | 403 | 409 };

/**
 * What an accepted action means beyond the manifest row, for the service to carry out:
 * picked_up (hand-off 0 done: shipping event), handed_on (hand-off k, 0 < k < n: transporting event),
 * delivered (hand-off n: arriving event), received (accept/partial/reject: receiving and rejection
 * events, the ledger flow of the accepted quantity, the discrepancy check, the deal's delivery),
 * spawn (a return or onward manifest for the rejected part), processed (destroying or recycling
 * events, the disposal flows), closed, cancelled, corrected (rewrite the ledger flows of the corrected
 * figures), discrepancy_resolved (clear its alarm).
 */
export type ManifestEffect =
  | { kind: 'picked_up' }
  | { kind: 'handed_on'; handoff: number }
  | { kind: 'delivered' }
  | { kind: 'received'; outcome: 'accepted' | 'partially_rejected' | 'rejected' }
  | { kind: 'spawn'; route: RejectionRoute; receiverId: number; lines: { line: number; quantity: number }[] }
  | { kind: 'processed' }
  | { kind: 'closed' }
  | { kind: 'cancelled' }
  | { kind: 'corrected' }
  | { kind: 'discrepancy_resolved' };

/** Whose turn it is now; null when nobody's (a closed or cancelled manifest; a rejected one waits for the generator's close, which is a turn). */
export declare function turnOf(m: ManifestFacts): Turn | null;

/** Whether `command` by `actor` may happen to `m` now, and the manifest it makes. */
export declare function nextManifest(m: ManifestFacts, command: ManifestCommand, actor: ManifestActor): ManifestDecision;

/** The actions `actor` may send now, with any valid payload (what the console offers). */
export declare function availableActions(m: ManifestFacts, actor: ManifestActor): ManifestAction[];

/** Per line, the difference between declared and weighed beyond the settings' tolerances; null when none. */
export declare function discrepancyOf(lines: readonly ManifestLine[], settings: Pick<ManifestSettings, 'discrepancyTolerancePct' | 'containerTolerance'>): Discrepancy | null;

/**
 * Whether a manifest is overdue at `now` and why: signed but not picked up `pickupAllowanceDays`
 * after its planned date (in the park's day: `plannedDate` end of day UTC is close enough for days),
 * or in transit `transitAllowanceHours` after pick-up. null: not overdue (or no longer open).
 */
export declare function overdueOf(
  m: { state: ManifestState; plannedDate: string; pickedUpAt: number | null },
  settings: Pick<ManifestSettings, 'pickupAllowanceDays' | 'transitAllowanceHours'>,
  now: number,
): { reason: 'not_picked_up' | 'not_delivered'; since: number } | null;

/** Quantity in t of `quantity` in `unit`. */
export const toTonnes = (quantity: number, unit: ManifestUnit): number => (unit === 'kg' ? quantity / 1000 : quantity);
