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
import { methodOf } from './methods.ts';

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

type Refusal = Extract<ManifestDecision, { ok: false }>;
type Side = { party: ManifestParty; leg: number | null; enterpriseId: number };

const refuse = (code: RefusalCode, reason: string, status: 400 | 403 | 409): Refusal => ({ ok: false, code, reason, status });

/** Quantities come from scales and JSON: a rounding crumb must not turn "all of it" into "more than there is". */
const atMost = (a: number, b: number): boolean => a <= b + 1e-9 * Math.max(1, Math.abs(b));
const isQuantity = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const HW_CODE = /^HW(\d{2})\/\d{3}-\d{3}-(\d{2})$/;

/** The states each action may start from (the diagram in the header, and nothing else). */
const FROM_STATES: Record<ManifestAction, readonly ManifestState[]> = {
  sign: ['draft'],
  hand_over: ['signed', 'in_transit'],
  take_over: ['signed', 'in_transit'],
  accept: ['delivered'],
  partially_reject: ['delivered'],
  reject: ['delivered'],
  process: ['accepted', 'partially_rejected'],
  close: ['processed', 'rejected'],
  cancel: ['draft', 'signed'],
  // A discrepancy exists from the receipt on; a closed manifest had it resolved (close requires it).
  resolve_discrepancy: ['accepted', 'partially_rejected', 'rejected', 'processed'],
  correct: ['closed'],
};

/** Hand-off k: 0 is generator → transporter 1, k is transporter k → k + 1, n is transporter n → receiver. */
function handoffSides(m: ManifestFacts, k: number): { giver: Side; taker: Side } | null {
  const n = m.transporterIds.length;
  if (k < 0 || k > n) return null;
  const giver: Side = k === 0 ? { party: 'generator', leg: null, enterpriseId: m.generatorId } : { party: 'transporter', leg: k, enterpriseId: m.transporterIds[k - 1] };
  const taker: Side = k < n ? { party: 'transporter', leg: k + 1, enterpriseId: m.transporterIds[k] } : { party: 'receiver', leg: null, enterpriseId: m.receiverId };
  return { giver, taker };
}

/** Whose turn it is now; null when nobody's (a closed or cancelled manifest; a rejected one waits for the generator's close, which is a turn). */
export function turnOf(m: ManifestFacts): Turn | null {
  const generator: Side = { party: 'generator', leg: null, enterpriseId: m.generatorId };
  const receiver: Side = { party: 'receiver', leg: null, enterpriseId: m.receiverId };
  switch (m.state) {
    case 'draft':
      return { ...generator, actions: ['sign', 'cancel'] };
    case 'signed':
    case 'in_transit': {
      const sides = handoffSides(m, m.handoffsDone);
      if (!sides) return null;
      if (m.handoffGiven) return { ...sides.taker, actions: ['take_over'] };
      return { ...sides.giver, actions: m.handoffsDone === 0 ? ['hand_over', 'cancel'] : ['hand_over'] };
    }
    case 'delivered':
      return { ...receiver, actions: ['accept', 'partially_reject', 'reject'] };
    case 'accepted':
    case 'partially_rejected':
      return { ...receiver, actions: ['process'] };
    case 'processed':
    case 'rejected':
      return { ...generator, actions: m.discrepancyState === 'open' ? ['resolve_discrepancy'] : ['close'] };
    default:
      return null;
  }
}

const isPartyOf = (m: ManifestFacts, enterpriseId: number): boolean =>
  enterpriseId === m.generatorId || enterpriseId === m.receiverId || m.transporterIds.includes(enterpriseId);

/**
 * Everything about an action that depends on the manifest and the actor, not on the payload, in the
 * order that keeps a stranger from learning anything (it only ever hears not_a_party): a party at
 * all, the version it answers, the state, its turn. Returns the side the actor signs for.
 */
function gate(m: ManifestFacts, action: ManifestAction, version: number, actor: ManifestActor): Refusal | { ok: true; side: Side } {
  const me = actor.enterpriseId;
  if (me === null || !isPartyOf(m, me)) return refuse('not_a_party', 'only the generator, the transporters and the receiver of a manifest act on it', 403);
  if (version !== m.version) {
    return refuse('stale_version', `the manifest is at version ${m.version}, the action answers version ${version}: reload it and decide again`, 409);
  }
  if (!FROM_STATES[action].includes(m.state)) return refuse('wrong_state', `${action} is not possible on a ${m.state} manifest`, 409);
  const generator: Side = { party: 'generator', leg: null, enterpriseId: m.generatorId };
  const receiver: Side = { party: 'receiver', leg: null, enterpriseId: m.receiverId };
  const notYours = (who: string) => refuse('not_your_turn', `the manifest waits for ${who}`, 409);
  switch (action) {
    case 'sign': {
      if (me !== m.generatorId) return notYours("the generator's signature");
      if (m.transporterIds.length === 0) return refuse('no_legs', 'a manifest names at least one transport leg before the generator signs it', 409);
      if (m.lines.length === 0) return refuse('invalid', 'a manifest declares at least one line before the generator signs it', 400);
      const empty = m.lines.find((l) => !(Number.isFinite(l.quantity) && l.quantity > 0));
      if (empty) return refuse('invalid', `lines[${empty.line}].quantity must be greater than 0 before the generator signs`, 400);
      return { ok: true, side: generator };
    }
    case 'hand_over':
    case 'take_over': {
      const turn = turnOf(m);
      if (!turn) return refuse('wrong_state', `the manifest's hand-off ${m.handoffsDone} does not exist`, 409);
      const who = `${turn.party === 'transporter' ? `the transporter of leg ${turn.leg}` : `the ${turn.party}`}'s ${turn.actions[0]} of hand-off ${m.handoffsDone}`;
      if (turn.enterpriseId !== me) return notYours(who);
      // The actor's turn, but the other half of the hand-off (one enterprise on both sides of it).
      if (!turn.actions.includes(action)) return refuse('wrong_state', `hand-off ${m.handoffsDone} waits for ${who}`, 409);
      return { ok: true, side: { party: turn.party, leg: turn.leg, enterpriseId: turn.enterpriseId } };
    }
    case 'accept':
    case 'partially_reject':
    case 'reject':
    case 'process':
      if (me !== m.receiverId) return notYours('the receiver');
      return { ok: true, side: receiver };
    case 'close':
      if (me !== m.generatorId) return notYours("the generator's close");
      if (m.discrepancyState === 'open') return refuse('discrepancy_open', 'the quantity discrepancy is open: the generator resolves it (with an explanation) before closing', 409);
      return { ok: true, side: generator };
    case 'cancel':
      if (m.handoffsDone > 0 || m.handoffGiven) return refuse('wrong_state', 'the waste was handed over: a manifest is cancelled only before pick-up', 409);
      if (me !== m.generatorId) return refuse('not_your_turn', 'only the generator cancels its manifest', 409);
      return { ok: true, side: generator };
    case 'resolve_discrepancy':
      if (m.discrepancyState !== 'open') return refuse('wrong_state', 'the manifest has no open discrepancy', 409);
      if (me !== m.generatorId) return refuse('not_your_turn', 'the generator resolves a discrepancy', 409);
      return { ok: true, side: generator };
    case 'correct':
      if (!m.latestRevision) return refuse('not_latest_revision', 'only the newest revision of a manifest is corrected', 409);
      if (me === m.generatorId) return { ok: true, side: generator };
      if (me === m.receiverId) return { ok: true, side: receiver };
      return refuse('not_your_turn', 'the generator and the receiver correct a closed manifest; a transporter does not', 409);
  }
}

/** What is wrong with a per-line list (`field` names it in the reason); null: every entry names a line once. */
function perLineProblem(m: ManifestFacts, entries: readonly { line: number }[], field: string): string | null {
  const known = new Set(m.lines.map((l) => l.line));
  const seen = new Set<number>();
  for (const [i, e] of entries.entries()) {
    if (!known.has(e.line)) return `${field}[${i}].line ${String(e.line)} is not a line of the manifest`;
    if (seen.has(e.line)) return `${field} names line ${e.line} twice`;
    seen.add(e.line);
  }
  return null;
}

/** What is wrong with `seen` (what was handed over, seen or weighed): every line, once, a quantity ≥ 0. */
function seenProblem(m: ManifestFacts, seen: readonly SeenQuantity[] | undefined): string | null {
  if (!Array.isArray(seen) || seen.length === 0) return 'seen names the quantity of every line';
  const p = perLineProblem(m, seen, 'seen');
  if (p) return p;
  for (const [i, s] of seen.entries()) {
    if (!isQuantity(s.quantity)) return `seen[${i}].quantity must be a finite number ≥ 0`;
    if (s.containers !== undefined && !isCount(s.containers)) return `seen[${i}].containers must be a whole number ≥ 0`;
  }
  const missing = m.lines.filter((l) => !seen.some((s) => s.line === l.line)).map((l) => l.line);
  if (missing.length) return `seen misses line ${missing.join(', ')}`;
  return null;
}

/** What the receiver accepted of a line: weighed less rejected (0 before the receipt). */
export const acceptedOf = (l: Pick<ManifestLine, 'received' | 'rejected'>): number => (l.received ?? 0) - (l.rejected ?? 0);

/** Whether `command` by `actor` may happen to `m` now, and the manifest it makes. */
export function nextManifest(m: ManifestFacts, command: ManifestCommand, actor: ManifestActor): ManifestDecision {
  const action = command.action;
  if (!(MANIFEST_ACTIONS as readonly string[]).includes(action)) return refuse('not_an_action', `${String(action)} is not an action on a manifest`, 400);
  const g = gate(m, action, command.version, actor);
  if (!g.ok) return g;
  const { party, leg } = g.side;
  const invalid = (reason: string) => refuse('invalid', reason, 400);
  const next = (changes: Partial<ManifestFacts>, effects: ManifestEffect[]): ManifestDecision => ({
    ok: true,
    action,
    party,
    leg,
    effects,
    manifest: { ...m, ...changes, version: m.version + 1 },
  });

  switch (action) {
    case 'sign':
      return next({ state: 'signed', handoffsDone: 0, handoffGiven: false }, []);
    case 'hand_over':
    case 'take_over': {
      const p = seenProblem(m, command.seen);
      if (p) return invalid(p);
      if (action === 'hand_over') return next({ handoffGiven: true }, []);
      const k = m.handoffsDone;
      const n = m.transporterIds.length;
      const effects: ManifestEffect[] = [];
      if (k === 0) effects.push({ kind: 'picked_up' });
      else if (k < n) effects.push({ kind: 'handed_on', handoff: k });
      if (k === n) effects.push({ kind: 'delivered' });
      return next({ state: k === n ? 'delivered' : 'in_transit', handoffsDone: k + 1, handoffGiven: false }, effects);
    }
    case 'accept':
    case 'partially_reject':
    case 'reject':
      return receive(m, command, action, next);
    case 'process':
      return processLines(m, command, next);
    case 'close':
      return next({ state: 'closed' }, [{ kind: 'closed' }]);
    case 'cancel':
      return next({ state: 'cancelled' }, [{ kind: 'cancelled' }]);
    case 'resolve_discrepancy':
      if (!command.note?.trim()) return invalid('note explains how the discrepancy was resolved');
      return next({ discrepancyState: 'resolved' }, [{ kind: 'discrepancy_resolved' }]);
    case 'correct':
      return correct(m, command, actor.enterpriseId!);
  }
}

type Next = (changes: Partial<ManifestFacts>, effects: ManifestEffect[]) => ManifestDecision;

/** accept, partially_reject, reject: what the receiver weighed and what it rejects of it. */
function receive(m: ManifestFacts, command: ManifestCommand, action: 'accept' | 'partially_reject' | 'reject', next: Next): ManifestDecision {
  const invalid = (reason: string) => refuse('invalid', reason, 400);
  const p = seenProblem(m, command.seen);
  if (p) return invalid(`${p} (what the receiver weighed)`);
  const weighed = new Map(command.seen!.map((s) => [s.line, s]));
  const named = command.rejected ?? [];
  if (!Array.isArray(named)) return invalid('rejected lists per line what is rejected');
  const q = perLineProblem(m, named, 'rejected');
  if (q) return invalid(q);
  for (const [i, r] of named.entries()) if (!isQuantity(r.quantity)) return invalid(`rejected[${i}].quantity must be a finite number ≥ 0`);

  const rejectedOf = new Map<number, number>();
  for (const l of m.lines) {
    const w = weighed.get(l.line)!.quantity;
    const r = named.find((x) => x.line === l.line)?.quantity;
    if (action === 'reject') {
      // A rejection takes everything that arrived; a different figure is a partial rejection.
      if (r !== undefined && Math.abs(r - w) > 1e-9 * Math.max(1, w)) return invalid(`reject rejects everything weighed: line ${l.line} weighed ${w}, rejected names ${r} (send partially_reject)`);
      rejectedOf.set(l.line, w);
    } else {
      if (!atMost(r ?? 0, w)) return invalid(`rejected quantity of line ${l.line} (${r}) exceeds what was weighed (${w})`);
      rejectedOf.set(l.line, Math.min(r ?? 0, w));
    }
  }
  const rejectedT = [...rejectedOf.values()].reduce((a, b) => a + b, 0);
  const weighedT = [...weighed.values()].reduce((a, s) => a + s.quantity, 0);
  if (action === 'accept') {
    if (rejectedT > 0) return invalid('accept rejects nothing: send partially_reject to reject part of the waste');
    if (command.rejection) return invalid('accept has no rejection');
  }
  if (action === 'partially_reject') {
    if (rejectedT <= 0) return invalid('partially_reject rejects some quantity of at least one line');
    if (weighedT - rejectedT <= 1e-9) return invalid('partially_reject accepts something: to reject everything send reject');
  }
  if (action === 'reject' && weighedT <= 0) return invalid('nothing was weighed to reject: accept the empty delivery (its discrepancy explains it)');

  const effects: ManifestEffect[] = [];
  const outcome = action === 'accept' ? 'accepted' : action === 'reject' ? 'rejected' : 'partially_rejected';
  effects.push({ kind: 'received', outcome });
  if (action !== 'accept') {
    const rejection = command.rejection;
    if (!rejection) return invalid('rejection names the route of the rejected part and the reason');
    if (!rejection.reason?.trim()) return invalid('rejection.reason says why the waste is rejected');
    if (!(REJECTION_ROUTES as readonly string[]).includes(rejection.route)) return invalid(`rejection.route must be one of ${REJECTION_ROUTES.join(', ')}`);
    let to = m.generatorId;
    if (rejection.route === 'onward') {
      const id = rejection.receiverId;
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) return invalid('rejection.receiverId names the receiver an onward rejection goes to');
      if (id === m.receiverId) return invalid('rejection.receiverId must be another receiver than the one rejecting');
      to = id;
    }
    const lines = m.lines.filter((l) => rejectedOf.get(l.line)! > 0).map((l) => ({ line: l.line, quantity: rejectedOf.get(l.line)! }));
    effects.push({ kind: 'spawn', route: rejection.route, receiverId: to, lines });
  }
  const lines = m.lines.map((l) => {
    const w = weighed.get(l.line)!;
    return { ...l, received: w.quantity, receivedContainers: w.containers ?? null, rejected: rejectedOf.get(l.line)! };
  });
  return next({ state: outcome, lines }, effects);
}

/** process: a method for every line with something accepted, no more processed than accepted. */
function processLines(m: ManifestFacts, command: ManifestCommand, next: Next): ManifestDecision {
  const invalid = (reason: string) => refuse('invalid', reason, 400);
  const methods = command.methods ?? [];
  if (!Array.isArray(methods)) return invalid('methods lists per line the method code and the quantity processed');
  const p = perLineProblem(m, methods, 'methods');
  if (p) return invalid(p);
  for (const [i, x] of methods.entries()) {
    if (!methodOf(x.method)) return invalid(`methods[${i}].method ${String(x.method)} is not a utilization or disposal method code`);
    if (!isQuantity(x.quantity)) return invalid(`methods[${i}].quantity must be a finite number ≥ 0`);
    const accepted = acceptedOf(m.lines.find((l) => l.line === x.line)!);
    if (!atMost(x.quantity, accepted)) return invalid(`methods[${i}].quantity (${x.quantity}) exceeds what was accepted of line ${x.line} (${accepted})`);
  }
  const missing = m.lines.filter((l) => acceptedOf(l) > 0 && !methods.some((x) => x.line === l.line)).map((l) => l.line);
  if (missing.length) return invalid(`methods misses line ${missing.join(', ')} (every accepted line names its method)`);
  const lines = m.lines.map((l) => {
    const x = methods.find((y) => y.line === l.line);
    return x ? { ...l, method: x.method, processed: Math.min(x.quantity, acceptedOf(l)) } : { ...l, method: null, processed: 0 };
  });
  return next({ state: 'processed', lines }, [{ kind: 'processed' }]);
}

const GENERATOR_FIELDS = ['quantity', 'hwCode'] as const;
const RECEIVER_FIELDS = ['received', 'rejected', 'method', 'processed'] as const;

/** correct: a new revision (closed, version 1) with the corrected figures; each party corrects only its own. */
function correct(m: ManifestFacts, command: ManifestCommand, me: number): ManifestDecision {
  const invalid = (reason: string) => refuse('invalid', reason, 400);
  if (!command.note?.trim()) return invalid('note explains the correction');
  const corrections = command.corrections;
  if (!Array.isArray(corrections) || corrections.length === 0) return invalid('corrections names at least one corrected figure');
  const p = perLineProblem(m, corrections, 'corrections');
  if (p) return invalid(p);
  const isGenerator = me === m.generatorId;
  const isReceiver = me === m.receiverId;
  let generatorFields = false;
  for (const [i, c] of corrections.entries()) {
    const gen = GENERATOR_FIELDS.filter((f) => c[f] !== undefined);
    const rec = RECEIVER_FIELDS.filter((f) => c[f] !== undefined);
    if (gen.length + rec.length === 0) return invalid(`corrections[${i}] corrects nothing`);
    if (gen.length && !isGenerator) return refuse('not_a_party', `corrections[${i}].${gen[0]} is the generator's figure: the generator corrects it`, 403);
    if (rec.length && !isReceiver) return refuse('not_a_party', `corrections[${i}].${rec[0]} is the receiver's figure: the receiver corrects it`, 403);
    if (gen.length) generatorFields = true;
    if (c.quantity !== undefined && !(isQuantity(c.quantity) && c.quantity > 0)) return invalid(`corrections[${i}].quantity must be a finite number > 0`);
    if (c.hwCode !== undefined) {
      const match = HW_CODE.exec(c.hwCode);
      if (!match || match[1] !== match[2]) return invalid(`corrections[${i}].hwCode must be a 国家危险废物名录 code such as HW06/900-402-06`);
    }
    for (const f of ['received', 'rejected', 'processed'] as const) {
      if (c[f] !== undefined && !isQuantity(c[f])) return invalid(`corrections[${i}].${f} must be a finite number ≥ 0`);
    }
    if (c.method !== undefined && !methodOf(c.method)) return invalid(`corrections[${i}].method ${c.method} is not a utilization or disposal method code`);
  }
  let changed = false;
  const lines: ManifestLine[] = [];
  for (const l of m.lines) {
    const c = corrections.find((x) => x.line === l.line);
    if (!c) {
      lines.push(l);
      continue;
    }
    const n: ManifestLine = {
      ...l,
      quantity: c.quantity ?? l.quantity,
      hwCode: c.hwCode ?? l.hwCode,
      received: c.received ?? l.received,
      rejected: c.rejected ?? l.rejected,
      method: c.method ?? l.method,
      processed: c.processed ?? l.processed,
    };
    if (!atMost(n.rejected ?? 0, n.received ?? 0)) return invalid(`line ${l.line}: rejected (${n.rejected}) would exceed received (${n.received})`);
    if (!atMost(n.processed ?? 0, acceptedOf(n))) return invalid(`line ${l.line}: processed (${n.processed}) would exceed accepted (${acceptedOf(n)})`);
    if ((n.processed ?? 0) > 0 && !n.method) return invalid(`line ${l.line}: a processed quantity names its method`);
    if ([...GENERATOR_FIELDS, ...RECEIVER_FIELDS].some((f) => n[f] !== l[f])) changed = true;
    lines.push(n);
  }
  if (!changed) return invalid('the corrections change nothing');
  // One enterprise both generator and receiver signs for the side whose figures it corrects.
  const party: ManifestParty = isGenerator && (generatorFields || !isReceiver) ? 'generator' : 'receiver';
  return {
    ok: true,
    action: 'correct',
    party,
    leg: null,
    effects: [{ kind: 'corrected' }],
    manifest: { ...m, lines, state: 'closed', version: 1, latestRevision: true },
  };
}

/** The actions `actor` may send now, with any valid payload (what the console offers). */
export function availableActions(m: ManifestFacts, actor: ManifestActor): ManifestAction[] {
  return MANIFEST_ACTIONS.filter((action) => gate(m, action, m.version, actor).ok);
}

/** Per line, the difference between declared and weighed beyond the settings' tolerances; null when none. */
export function discrepancyOf(lines: readonly ManifestLine[], settings: Pick<ManifestSettings, 'discrepancyTolerancePct' | 'containerTolerance'>): Discrepancy | null {
  const out: LineDiscrepancy[] = [];
  for (const l of lines) {
    if (l.received === null) continue;
    const declared = l.quantity;
    const diff = l.received - declared;
    const pct = declared > 0 ? (diff / declared) * 100 : null;
    const reasons: LineDiscrepancy['reasons'] = [];
    // |diff| / declared > tol %, multiplied out so that exactly the tolerance is not over it.
    const overWeight = declared > 0 ? Math.abs(diff) * 100 > settings.discrepancyTolerancePct * declared * (1 + 1e-12) + 1e-12 : l.received > 0;
    if (overWeight) reasons.push('weight');
    if (l.receivedContainers !== null && Math.abs(l.receivedContainers - l.containers) > settings.containerTolerance) reasons.push('containers');
    if (reasons.length) {
      out.push({ line: l.line, declared, received: l.received, pct, declaredContainers: l.containers, receivedContainers: l.receivedContainers, reasons });
    }
  }
  return out.length ? { tolerancePct: settings.discrepancyTolerancePct, lines: out } : null;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Whether a manifest is overdue at `now` and why: signed but not picked up `pickupAllowanceDays`
 * after its planned date (in the park's day: `plannedDate` end of day UTC is close enough for days),
 * or in transit `transitAllowanceHours` after pick-up. null: not overdue (or no longer open).
 */
export function overdueOf(
  m: { state: ManifestState; plannedDate: string; pickedUpAt: number | null },
  settings: Pick<ManifestSettings, 'pickupAllowanceDays' | 'transitAllowanceHours'>,
  now: number,
): { reason: 'not_picked_up' | 'not_delivered'; since: number } | null {
  if (m.state === 'signed') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(m.plannedDate);
    if (!match) return null;
    const endOfDay = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
    const since = endOfDay + settings.pickupAllowanceDays * DAY_MS;
    return now > since ? { reason: 'not_picked_up', since } : null;
  }
  if (m.state === 'in_transit' && m.pickedUpAt !== null) {
    const since = m.pickedUpAt + settings.transitAllowanceHours * HOUR_MS;
    return now > since ? { reason: 'not_delivered', since } : null;
  }
  return null;
}

/** Quantity in t of `quantity` in `unit`. */
export const toTonnes = (quantity: number, unit: ManifestUnit): number => (unit === 'kg' ? quantity / 1000 : quantity);
