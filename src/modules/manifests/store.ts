/**
 * A manifest row as the rules and the API see it: the facts the state machine weighs, the figures a
 * row stores beside its JSON lines, and the summary a list shows. Pure (no I/O): the service reads
 * the rows and the names they refer to and hands them here.
 */
import type { Selectable } from 'kysely';
import {
  overdueOf, toTonnes, turnOf, type Discrepancy, type DiscrepancyState, type ManifestFacts, type ManifestKind, type ManifestLeg, type ManifestLine, type ManifestParty,
  type ManifestSettings, type ManifestState, type Rejection,
} from './model.ts';
import type { ManifestSummary, PartyRef } from './schemas.ts';
import type { ManifestsTable } from './tables.ts';

export type ManifestRow = Selectable<ManifestsTable>;

export const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
const round = (x: number) => Number(x.toFixed(6));

export const linesOf = (row: Pick<ManifestRow, 'lines'>): ManifestLine[] => JSON.parse(row.lines) as ManifestLine[];
export const legsOf = (row: Pick<ManifestRow, 'legs'>): ManifestLeg[] => JSON.parse(row.legs) as ManifestLeg[];

/** What the state machine weighs of a row. */
export function factsOf(row: ManifestRow, latestRevision: boolean): ManifestFacts {
  return {
    state: row.state as ManifestState,
    version: row.version,
    kind: row.kind as ManifestKind,
    generatorId: row.enterprise_id,
    receiverId: row.receiver_id,
    transporterIds: legsOf(row).map((l) => l.transporterId),
    handoffsDone: row.handoffs_done,
    handoffGiven: row.handoff_half === 'given',
    lines: linesOf(row),
    discrepancyState: row.discrepancy_state as DiscrepancyState | null,
    latestRevision,
  };
}

/** The totals a row keeps beside its lines (t declared, weighed, accepted), so lists and licence use need not parse JSON. */
export function totalsOf(lines: readonly ManifestLine[]): { declaredT: number; receivedT: number | null; acceptedT: number | null } {
  const declaredT = round(lines.reduce((s, l) => s + toTonnes(l.quantity, l.unit), 0));
  const received = lines.every((l) => l.received !== null);
  if (!received) return { declaredT, receivedT: null, acceptedT: null };
  const receivedT = round(lines.reduce((s, l) => s + toTonnes(l.received ?? 0, l.unit), 0));
  const acceptedT = round(lines.reduce((s, l) => s + toTonnes(Math.max(0, (l.received ?? 0) - (l.rejected ?? 0)), l.unit), 0));
  return { declaredT, receivedT, acceptedT };
}

/** 'HW06/900-402-06 × 2': each code once, with how many lines carry it. */
export function hwCodesOf(lines: readonly ManifestLine[]): string[] {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.hwCode, (counts.get(l.hwCode) ?? 0) + 1);
  return [...counts].map(([code, n]) => (n > 1 ? `${code} × ${n}` : code));
}

export const unknownParty = (id: number): PartyRef => ({ id, code: '', name: '', nameEn: null });

export interface SummaryContext {
  partyOf: (id: number) => PartyRef;
  /** The enterprise reading (null: a park role). */
  readerId: number | null;
  latest: boolean;
  settings: ManifestSettings;
  now: number;
}

export function summaryOf(row: ManifestRow, c: SummaryContext): ManifestSummary {
  const facts = factsOf(row, c.latest);
  const legs = legsOf(row);
  const turn = turnOf(facts);
  const roles = new Set<ManifestParty>();
  if (c.readerId !== null) {
    if (row.enterprise_id === c.readerId) roles.add('generator');
    if (legs.some((l) => l.transporterId === c.readerId)) roles.add('transporter');
    if (row.receiver_id === c.readerId) roles.add('receiver');
  }
  return {
    id: row.id,
    number: row.number,
    revision: row.revision,
    latest: c.latest,
    kind: row.kind as ManifestKind,
    state: row.state as ManifestState,
    version: row.version,
    generator: c.partyOf(row.enterprise_id),
    receiver: c.partyOf(row.receiver_id),
    transporters: [...new Set(legs.map((l) => l.transporterId))].map(c.partyOf),
    roles: (['generator', 'transporter', 'receiver'] as const).filter((r) => roles.has(r)),
    plannedDate: row.planned_date,
    hwCodes: hwCodesOf(facts.lines),
    declaredT: row.declared_t,
    receivedT: row.received_t,
    acceptedT: row.accepted_t,
    turn: turn ? { party: turn.party, leg: turn.leg, enterprise: c.partyOf(turn.enterpriseId), actions: turn.actions } : null,
    discrepancy: row.discrepancy_state as DiscrepancyState | null,
    overdue: overdueOf({ state: row.state as ManifestState, plannedDate: row.planned_date, pickedUpAt: row.picked_up_at === null ? null : Number(row.picked_up_at) }, c.settings, c.now),
    dealId: row.deal_id,
    pickedUpAt: num(row.picked_up_at),
    deliveredAt: num(row.delivered_at),
    receivedAt: num(row.received_at),
    closedAt: num(row.closed_at),
    updatedAt: Number(row.updated_at),
  };
}

/** bigint columns come back as strings from PostgreSQL. */
export const num = (x: number | string | null | bigint): number | null => (x === null ? null : Number(x));

export type { Discrepancy, Rejection };
