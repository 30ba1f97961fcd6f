/**
 * What a webhook subscription is: the request that makes one, the rules it must hold to, and how a
 * stored row reads back through the API. Pure (the time is passed in): subscriptions.ts stores,
 * delivery.ts runs.
 */
import type { Selectable } from 'kysely';
import type { FieldError } from '../../core/errors.ts';
import { ROLES, type AuthContext } from '../../core/roles.ts';
import { parseStoredQuery, type NamedQuery } from './named-queries.ts';
import { nextRun, parseSchedule, ScheduleSyntaxError, SCHEDULE_FIELDS, type ScheduleSpec } from './schedule.ts';
import type { EpcisQueriesTable, EpcisSubscriptionsTable } from './tables.ts';

export interface SubscriptionRequest {
  dest: string;
  signatureToken?: string;
  reportIfEmpty?: boolean;
  stream?: boolean;
  schedule?: Record<string, string | number>;
  initialRecordTime?: string;
}

export interface Subscription {
  subscriptionID: string;
  queryName: string;
  dest: string;
  createdAt: string;
  createdBy: string;
  stream?: true;
  schedule?: ScheduleSpec;
  reportIfEmpty: boolean;
  initialRecordTime?: string;
  /** Whether deliveries carry a GS1-Signature (the token itself is never shown). */
  signed: boolean;
  /** Delivery state. */
  nextRunAt: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Failed attempts since the last success (sets the backoff). */
  failures: number;
  /** Events delivered so far. */
  delivered: number;
}

/** A request that holds to the rules, in the form it is stored. */
export interface SubscriptionPlan {
  dest: URL;
  stream: boolean;
  /** The schedule's fields as strings; null for a stream. */
  schedule: ScheduleSpec | null;
  /** The first scheduled run after `now`; null for a stream. */
  nextRunAt: number | null;
  initialRecordTime: number | null;
}

/** Checks a subscription request at `now`: every field error, or the plan to store. */
export function checkSubscriptionRequest(req: SubscriptionRequest, now: number): { errors: FieldError[] } | { plan: SubscriptionPlan } {
  const errors: FieldError[] = [];
  let dest: URL | null = null;
  try {
    dest = new URL(req.dest);
  } catch {
    errors.push({ path: '/body/dest', message: 'must be an absolute http or https URL' });
  }
  if (dest && dest.protocol !== 'http:' && dest.protocol !== 'https:') errors.push({ path: '/body/dest', message: `must be an http or https URL, not ${dest.protocol}` });
  if (dest && (dest.username || dest.password)) errors.push({ path: '/body/dest', message: 'must not carry credentials (they would be shown to every reader); use signatureToken' });
  const stream = req.stream === true;
  if (stream && req.schedule) errors.push({ path: '/body/schedule', message: 'a subscription has either stream: true or a schedule, not both' });
  if (!stream && !req.schedule) errors.push({ path: '/body/stream', message: 'set stream to true or give a schedule' });
  if (stream && req.reportIfEmpty) errors.push({ path: '/body/reportIfEmpty', message: 'applies to a scheduled subscription only' });
  let schedule: ScheduleSpec | null = null;
  let nextRunAt: number | null = null;
  if (req.schedule) {
    schedule = Object.fromEntries(Object.entries(req.schedule).map(([k, v]) => [k, String(v)]));
    try {
      nextRunAt = nextRun(parseSchedule(schedule), now);
      if (nextRunAt === null) errors.push({ path: '/body/schedule', message: 'never matches a date (e.g. 30 February)' });
    } catch (err) {
      if (!(err instanceof ScheduleSyntaxError)) throw err;
      for (const e of err.errors) errors.push({ path: `/body/schedule/${e.field}`, message: e.message });
    }
  }
  let initialRecordTime: number | null = null;
  if (req.initialRecordTime !== undefined) {
    initialRecordTime = Date.parse(req.initialRecordTime);
    if (Number.isNaN(initialRecordTime)) errors.push({ path: '/body/initialRecordTime', message: 'must be an RFC 3339 date-time' });
  }
  if (errors.length || !dest) return { errors };
  return { plan: { dest, stream, schedule: stream ? null : schedule, nextRunAt: stream ? null : nextRunAt, initialRecordTime } };
}

/** The exponential backoff after `failures` failed attempts in a row (1 → base), capped at `maxMs`. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(Math.max(failures, 1) - 1, 30), maxMs);
}

/** The creator's AuthContext as stored with the subscription (deliveries see what it sees). */
export function storedContext(ctx: AuthContext): string {
  return JSON.stringify({ userId: ctx.userId, username: ctx.username, role: ctx.role, enterpriseId: ctx.enterpriseId, via: ctx.via });
}

const VIA: readonly AuthContext['via'][] = ['session', 'api_key', 'system'];

/** The stored AuthContext read back; a record that is not one (hand-edited) runs with no visibility at all. */
export function parseStoredContext(text: string): AuthContext {
  const v: unknown = JSON.parse(text);
  const o: Record<string, unknown> = v && typeof v === 'object' ? Object.fromEntries(Object.entries(v)) : {};
  const role = ROLES.find((r) => r === o.role);
  const via = VIA.find((x) => x === o.via);
  const username = typeof o.username === 'string' ? o.username : 'unknown';
  const userId = typeof o.userId === 'number' ? o.userId : null;
  const enterpriseId = typeof o.enterpriseId === 'number' ? o.enterpriseId : null;
  if (!role || !via) return { userId, username, role: 'enterprise_viewer', enterpriseId: null, via: 'system' };
  return { userId, username, role, enterpriseId, via };
}

/** A stored schedule read back: the known fields, as strings. */
export function parseStoredSchedule(text: string): ScheduleSpec {
  const v: unknown = JSON.parse(text);
  const o: Record<string, unknown> = v && typeof v === 'object' ? Object.fromEntries(Object.entries(v)) : {};
  const out: ScheduleSpec = {};
  for (const f of SCHEDULE_FIELDS) if (o[f] !== undefined && o[f] !== null) out[f] = String(o[f]);
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function queryView(r: Pick<Selectable<EpcisQueriesTable>, 'name' | 'query' | 'created_at' | 'created_by'>): NamedQuery {
  return { name: r.name, query: parseStoredQuery(r.query), createdAt: iso(r.created_at), createdBy: r.created_by };
}

export function subscriptionView(r: Omit<Selectable<EpcisSubscriptionsTable>, 'id' | 'query_id' | 'lease_owner' | 'lease_until'>, queryName: string): Subscription {
  const out: Subscription = {
    subscriptionID: r.subscription_id,
    queryName,
    dest: r.dest,
    createdAt: iso(r.created_at),
    createdBy: parseStoredContext(r.auth).username,
    reportIfEmpty: r.report_if_empty === 1,
    signed: r.signature_token !== null,
    nextRunAt: isoOrNull(r.next_run_at),
    nextAttemptAt: r.failures > 0 ? iso(r.due_at) : null,
    lastAttemptAt: isoOrNull(r.last_attempt_at),
    lastSuccessAt: isoOrNull(r.last_success_at),
    lastError: r.last_error,
    lastErrorAt: isoOrNull(r.last_error_at),
    failures: r.failures,
    delivered: r.delivered,
  };
  if (r.stream === 1) out.stream = true;
  if (r.schedule !== null) out.schedule = parseStoredSchedule(r.schedule);
  if (r.initial_record_time !== null) out.initialRecordTime = iso(r.initial_record_time);
  return out;
}
