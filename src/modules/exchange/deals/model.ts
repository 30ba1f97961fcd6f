/**
 * Deals between two enterprises (issue 13): the state machine and the delivery schedule. Pure: the
 * service loads the facts, asks `nextDeal` whether an action may happen now and what it makes of the
 * deal, and writes the answer.
 *
 * A deal is a negotiation with turns. The proposer puts terms on the table and the turn passes to the
 * other party, who may accept them (the deal settles: no turn, terms frozen), decline them (it ends),
 * or counter with its own terms (the turn comes back). The proposer may withdraw while the deal is
 * still being negotiated. Either party may terminate a settled deal (its future deliveries are
 * cancelled); a settled deal completes when every delivery it scheduled is recorded.
 *
 * Every action names the version it answers. Versions grow by one per action, so a stale answer (to
 * terms since countered) or a replayed request (the same version twice) is refused rather than
 * applied to terms its sender never saw.
 */

export const DEAL_STATES = ['proposed', 'accepted', 'declined', 'withdrawn', 'completed', 'terminated'] as const;
export type DealState = (typeof DEAL_STATES)[number];

export const DEAL_ACTIONS = ['propose', 'counter', 'accept', 'decline', 'withdraw', 'terminate', 'complete'] as const;
export type DealAction = (typeof DEAL_ACTIONS)[number];

/** The actions a party sends (propose creates the deal; complete follows from the last recorded delivery). */
export const PARTY_ACTIONS = ['counter', 'accept', 'decline', 'withdraw', 'terminate'] as const;
export type PartyAction = (typeof PARTY_ACTIONS)[number];

export const DELIVERY_STATES = ['scheduled', 'delivered', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DEAL_RECURRENCES = ['month', 'once'] as const;
export type DealRecurrence = (typeof DEAL_RECURRENCES)[number];

/** What the deal was worth per unit of the offered material when it was accepted (kept, so history does not move with the settings). */
export interface DealImpact {
  /** kg CO2 avoided per unit moved (avoided disposal and virgin material less transport). */
  avoidedKgCo2PerUnit: number;
  /** CNY saved per unit moved (without a carbon price). */
  savedCnyPerUnit: number;
  /** t per unit of the offered material; null where the unit is not a mass and no density is known. */
  tonnesPerUnit: number | null;
  /** Where the figures come from: the plan's explanation, the park's settings at accept, or nothing known. */
  basis: 'plan' | 'settings' | 'none';
}

export interface DealTerms {
  /** Per recurrence, in the offered material's catalogue unit. */
  quantity: number;
  recurrence: DealRecurrence;
  /** CNY per unit the receiver pays; negative: a gate fee the supplier pays. */
  priceCnyPerUnit: number;
  /** 'YYYY-MM-DD', inclusive. */
  startDate: string;
  endDate: string;
  note?: string;
  /** Set by the service when the deal is accepted; never part of what a party proposes. */
  impact?: DealImpact;
}

/** The facts of a deal the rules weigh. */
export interface DealFacts {
  state: DealState;
  version: number;
  supplierId: number;
  receiverId: number;
  /** The enterprise that proposed the deal. */
  proposerId: number;
  /** Whose answer the deal waits for; null once settled or ended. */
  turnId: number | null;
  terms: DealTerms;
  /** Scheduled deliveries not yet recorded (complete needs none left). */
  openDeliveries: number;
}

/** Who acts: an enterprise (its id), or the park (enterpriseId null), which is never a party. */
export interface DealActor {
  enterpriseId: number | null;
}

export interface DealCommand {
  action: DealAction;
  /** The version of the deal the action answers. */
  version: number;
  /** New terms (counter only). */
  terms?: DealTerms;
}

export const REFUSAL_CODES = ['stale_version', 'not_a_party', 'not_your_turn', 'not_the_proposer', 'wrong_state', 'invalid_terms', 'deliveries_open', 'not_an_action'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type DealDecision =
  | { ok: true; deal: DealFacts; action: DealAction; terms: DealTerms | null }
  | { ok: false; code: RefusalCode; reason: string; status: 400 | 403 | 409 };

const refuse = (code: RefusalCode, reason: string, status: 400 | 403 | 409): DealDecision => ({ ok: false, code, reason, status });

const MAX_MONTHS = 120;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (month 1..12). */
export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseDate(s: unknown): { y: number; m: number; d: number } | null {
  if (typeof s !== 'string') return null;
  const match = DATE.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return { y, m, d };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dateOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** What is wrong with proposed terms, as field errors relative to the terms object (empty: they hold). */
export function termsProblems(t: Partial<DealTerms>): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (typeof t.quantity !== 'number' || !Number.isFinite(t.quantity) || t.quantity <= 0) out.push({ path: 'quantity', message: 'must be a finite number > 0' });
  if (!DEAL_RECURRENCES.includes(t.recurrence as DealRecurrence)) out.push({ path: 'recurrence', message: `must be one of ${DEAL_RECURRENCES.join(', ')}` });
  if (typeof t.priceCnyPerUnit !== 'number' || !Number.isFinite(t.priceCnyPerUnit)) out.push({ path: 'priceCnyPerUnit', message: 'must be a finite number' });
  const start = parseDate(t.startDate);
  const end = parseDate(t.endDate);
  if (!start) out.push({ path: 'startDate', message: 'must be a date YYYY-MM-DD' });
  if (!end) out.push({ path: 'endDate', message: 'must be a date YYYY-MM-DD' });
  if (start && end) {
    if (t.endDate! < t.startDate!) out.push({ path: 'endDate', message: 'must not be before startDate' });
    else if ((end.y - start.y) * 12 + end.m - start.m + 1 > MAX_MONTHS) out.push({ path: 'endDate', message: `a deal spans at most ${MAX_MONTHS} months` });
  }
  return out;
}

/**
 * The deliveries terms schedule: 'once', one on the start date; 'month', one a month on the start
 * date's day (clamped to the month's end: the 31st becomes the 30th or February's last day) from the
 * start date through the end date. Each carries the terms' quantity.
 */
export function scheduleDeliveries(terms: Pick<DealTerms, 'quantity' | 'recurrence' | 'startDate' | 'endDate'>): { due: string; quantity: number }[] {
  const start = parseDate(terms.startDate);
  if (!start || !parseDate(terms.endDate) || terms.endDate < terms.startDate) return [];
  if (terms.recurrence === 'once') return [{ due: terms.startDate, quantity: terms.quantity }];
  const out: { due: string; quantity: number }[] = [];
  for (let i = 0; i < MAX_MONTHS; i++) {
    const y = start.y + Math.floor((start.m - 1 + i) / 12);
    const m = ((start.m - 1 + i) % 12) + 1;
    const due = dateOf(y, m, Math.min(start.d, daysIn(y, m)));
    if (due > terms.endDate) break;
    out.push({ due, quantity: terms.quantity });
  }
  return out;
}

/** A new deal: the proposer's terms on the table, the other party's turn. */
export function proposeDeal(input: { supplierId: number; receiverId: number; proposerId: number; terms: DealTerms }): DealDecision {
  const { supplierId, receiverId, proposerId, terms } = input;
  if (supplierId === receiverId) return refuse('not_a_party', 'a deal is between two different enterprises', 409);
  if (proposerId !== supplierId && proposerId !== receiverId) return refuse('not_a_party', 'only the supplier or the receiver may propose a deal', 403);
  const problems = termsProblems(terms);
  if (problems.length) return refuse('invalid_terms', problems.map((p) => `${p.path} ${p.message}`).join('; '), 400);
  const other = proposerId === supplierId ? receiverId : supplierId;
  return {
    ok: true,
    action: 'propose',
    terms: withoutImpact(terms),
    deal: { state: 'proposed', version: 1, supplierId, receiverId, proposerId, turnId: other, terms: withoutImpact(terms), openDeliveries: 0 },
  };
}

function withoutImpact(t: DealTerms): DealTerms {
  const { impact: _impact, ...rest } = t;
  return rest;
}

/** The actions `actor` may send now (what the console offers). */
export function availableActions(deal: DealFacts, actor: DealActor): DealAction[] {
  return PARTY_ACTIONS.filter((action) => {
    const d = nextDeal(deal, { action, version: deal.version, terms: action === 'counter' ? deal.terms : undefined }, actor);
    return d.ok;
  });
}

/** Whether `action` by `actor`, answering `version`, may happen to `deal` now, and the deal it makes. */
export function nextDeal(deal: DealFacts, command: DealCommand, actor: DealActor): DealDecision {
  const { action } = command;
  if (!(DEAL_ACTIONS as readonly string[]).includes(action) || action === 'propose') return refuse('not_an_action', `${String(action)} is not an action on an existing deal`, 400);
  const party = actor.enterpriseId !== null && (actor.enterpriseId === deal.supplierId || actor.enterpriseId === deal.receiverId);
  if (!party) return refuse('not_a_party', 'only the two parties of a deal act on it', 403);
  if (command.version !== deal.version) {
    return refuse('stale_version', `the deal is at version ${deal.version}, the action answers version ${command.version}: reload it and decide again`, 409);
  }
  const next = (changes: Partial<DealFacts>, terms: DealTerms | null): DealDecision => ({ ok: true, action, terms, deal: { ...deal, ...changes, version: deal.version + 1 } });
  const me = actor.enterpriseId!;
  const other = me === deal.supplierId ? deal.receiverId : deal.supplierId;
  switch (action) {
    case 'counter':
    case 'accept':
    case 'decline': {
      if (deal.state !== 'proposed') return refuse('wrong_state', `a ${deal.state} deal cannot be ${action === 'counter' ? 'countered' : `${action}ed`}`, 409);
      if (deal.turnId !== me) return refuse('not_your_turn', 'the deal waits for the other party’s answer', 409);
      if (action === 'accept') return next({ state: 'accepted', turnId: null }, deal.terms);
      if (action === 'decline') return next({ state: 'declined', turnId: null }, null);
      if (!command.terms) return refuse('invalid_terms', 'a counter names its terms', 400);
      const problems = termsProblems(command.terms);
      if (problems.length) return refuse('invalid_terms', problems.map((p) => `terms.${p.path} ${p.message}`).join('; '), 400);
      const terms = withoutImpact(command.terms);
      return next({ terms, turnId: other }, terms);
    }
    case 'withdraw':
      if (deal.state !== 'proposed') return refuse('wrong_state', `a ${deal.state} deal cannot be withdrawn`, 409);
      if (deal.proposerId !== me) return refuse('not_the_proposer', 'only the party that proposed the deal may withdraw it', 403);
      return next({ state: 'withdrawn', turnId: null }, null);
    case 'terminate':
      if (deal.state !== 'accepted') return refuse('wrong_state', `a ${deal.state} deal cannot be terminated`, 409);
      return next({ state: 'terminated' }, null);
    case 'complete':
      if (deal.state !== 'accepted') return refuse('wrong_state', `a ${deal.state} deal cannot be completed`, 409);
      if (deal.openDeliveries > 0) return refuse('deliveries_open', `${deal.openDeliveries} deliveries are not recorded yet`, 409);
      return next({ state: 'completed' }, null);
    default:
      return refuse('not_an_action', `${String(action)} is not an action on an existing deal`, 400);
  }
}

