/**
 * Domain events: the one place where every subject and its payload is typed, so that publishing
 * and subscribing are checked by the compiler (docs/architecture.md, Domain events).
 *
 * - `DomainEvents` are facts a module commits: recorded in the outbox in the transaction of the
 *   change (src/adapters/db/outbox.ts), published to the bus after commit, processed at least once
 *   by durable consumers. Subjects are `<module>.<event>`; on the wire `symbiont.<module>.<event>`.
 * - `LiveEvents` are best-effort notifications to every node (fan-out, not stored, not recorded):
 *   what a node loses while it is down it does not need afterwards.
 *
 * Payloads are JSON: numbers, strings, booleans, arrays and plain objects only.
 */

export interface DomainEvents {
  /** A capture job stored EPCIS events (not sent for a capture that stored only duplicates). */
  'trace.epcis.captured': { enterpriseId: number; captured: number; jobId: string };
  /**
   * An alarm moved in its lifecycle (raised, escalated, cleared, acknowledged, shelved, …): one per
   * journal entry, recorded in the transaction that wrote it. `transitionId` is the journal row.
   */
  'alarms.alarm.changed': {
    enterpriseId: number;
    alarmId: number;
    transitionId: number;
    why: string;
    state: string;
    severity: string;
    category: string;
  };
  /**
   * A park incident was raised or changed (details, timeline, checklist, alarms, state); one per
   * write, recorded in its transaction. `what` names the change, `entryId` its timeline entry.
   */
  'incidents.incident.changed': {
    incidentId: number;
    what: string;
    state: string;
    severity: number;
    enterpriseIds: number[];
    entryId: number | null;
  };
  /**
   * Flows or stocks of the ledger were written (manual entry, import, a source's re-run): the
   * periods whose balances may have changed, and the enterprises of the flows' ends. One per write,
   * recorded in its transaction; the balance check (src/modules/flows) reacts to it.
   */
  'flows.ledger.changed': {
    what: string;
    periods: string[];
    enterpriseIds: number[];
  };
  /**
   * An exchange deal was proposed or changed (countered, accepted, declined, withdrawn, terminated,
   * completed), or one of its deliveries recorded: one per write, recorded in its transaction.
   * `enterpriseIds` are the two parties.
   */
  'exchange.deal.changed': {
    dealId: number;
    action: string;
    state: string;
    version: number;
    enterpriseIds: number[];
  };
  /**
   * A hazardous-waste manifest changed (issue 14): created, edited as a draft, signed, corrected.
   * One per write, recorded in its transaction; `enterpriseIds` are every party. Its processor
   * (durable `manifests-links`) writes what the step means elsewhere: EPCIS events, ledger flows,
   * alarms, the exchange delivery.
   */
  'manifests.manifest.changed': {
    manifestId: number;
    number: string;
    revision: number;
    action: string;
    state: string;
    version: number;
    enterpriseIds: number[];
  };
}

export interface LiveEvents {
  /** Readings a node committed, of tags some node is showing live: [tagId, ts, value] each. */
  'telemetry.readings.committed': { node: string; readings: [number, number, number][] };
  /** The tags a node has live viewers of (sent when that changes and every few seconds). */
  'telemetry.live.watching': { node: string; tagIds: number[]; ttlMs: number };
}

export type EventSubject = keyof DomainEvents & string;
export type LiveSubject = keyof LiveEvents & string;

/** What a subscription names: one subject, or every subject under a prefix (`trace.>`). */
export type EventPattern = EventSubject | `${string}.>`;

/** The subjects a pattern matches. */
export type MatchingSubject<P extends EventPattern> = P extends `${infer Head}.>` ? Extract<EventSubject, `${Head}.${string}`> : Extract<P, EventSubject>;

/** An event as a processor receives it: discriminated by `subject`. */
export type EventEnvelope<S extends EventSubject = EventSubject> = {
  [K in S]: {
    subject: K;
    data: DomainEvents[K];
    /** The outbox row's id (stable across redeliveries: processors may use it to skip a repeat). */
    id: string;
    /** 1 on the first delivery, more on a redelivery. */
    attempt: number;
  };
}[S];

/** Whether a subject is matched by a pattern (`a.b.c` by `a.b.c`, `a.>` and `a.b.>`). */
export function subjectMatches(pattern: string, subject: string): boolean {
  if (pattern.endsWith('.>')) return subject.startsWith(pattern.slice(0, -1)) && subject.length > pattern.length - 1;
  return pattern === subject;
}
