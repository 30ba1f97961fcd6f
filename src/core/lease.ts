/**
 * Leases: the pure rules by which nodes sharing one store agree who does a piece of background
 * work. A lease is a row (owner, until, token): the owner holds it while `now < until`; anyone may
 * take it once it is free (no owner) or expired (`until <= now`), and each take increments the
 * fencing token; only the owner with the current token may renew it, and only before it expires.
 *
 * These functions decide; the stores (src/adapters/db/leases.ts, and the per-row lease of EPCIS
 * subscriptions) carry the same rules out as conditional UPDATEs, so the decision and the write
 * are one atomic step. No clock, no I/O here.
 */

export interface LeaseRecord {
  owner: string | null;
  /** Epoch ms; the lease is held while now < until. */
  until: number;
  /** Incremented on every take: a write carrying an older token is refused (fencing). */
  token: number;
}

export interface LeaseTiming {
  /** How long a take or a renewal holds the lease. */
  leaseMs: number;
  /** How often the holder renews it (well before it expires). */
  heartbeatMs: number;
}

/**
 * How much earlier than `until` the holder gives the lease up on its own when it could not renew
 * it (the store unreachable): a margin for clock differences between nodes.
 */
export function safetyMarginMs(t: LeaseTiming): number {
  return Math.max(1, Math.min(Math.floor(t.leaseMs / 10), 5_000));
}

/** Timing that keeps a live holder's lease from expiring: renewals at least twice per lease. */
export function checkTiming(t: LeaseTiming): void {
  if (!(Number.isFinite(t.leaseMs) && t.leaseMs > 0)) throw new RangeError(`leaseMs must be a positive number, not ${t.leaseMs}`);
  if (!(Number.isFinite(t.heartbeatMs) && t.heartbeatMs > 0)) throw new RangeError(`heartbeatMs must be a positive number, not ${t.heartbeatMs}`);
  if (t.heartbeatMs * 2 > t.leaseMs - safetyMarginMs(t)) {
    throw new RangeError(`heartbeatMs (${t.heartbeatMs}) must be at most half of leaseMs (${t.leaseMs}) less the safety margin`);
  }
}

/** Whether the lease is held by someone at `now`. */
export function isHeld(l: LeaseRecord | undefined, now: number): boolean {
  return !!l && l.owner !== null && now < l.until;
}

/** Whether the lease is expired (or free) at `now`: anyone may take it. */
export function isExpired(l: LeaseRecord | undefined, now: number): boolean {
  return !isHeld(l, now);
}

/** Whether `owner` may take the lease at `now`: only when nobody holds it (not even `owner` — a take is a new tenure). */
export function mayTake(l: LeaseRecord | undefined, now: number): boolean {
  return isExpired(l, now);
}

/** The lease after `owner` took it at `now` (the caller checked mayTake). */
export function taken(l: LeaseRecord | undefined, owner: string, now: number, leaseMs: number): LeaseRecord {
  return { owner, until: now + leaseMs, token: (l?.token ?? 0) + 1 };
}

/** Whether `owner` holding `token` may renew (or write progress under) the lease at `now`. */
export function mayRenew(l: LeaseRecord | undefined, owner: string, token: number, now: number): boolean {
  return !!l && l.owner === owner && l.token === token && now < l.until;
}

/** The lease after a renewal at `now`: extended, same token. */
export function renewed(l: LeaseRecord, now: number, leaseMs: number): LeaseRecord {
  return { ...l, until: now + leaseMs };
}

/** Whether `owner` with `token` may release the lease (a lost lease is not released: someone else's now). */
export function mayRelease(l: LeaseRecord | undefined, owner: string, token: number): boolean {
  return !!l && l.owner === owner && l.token === token;
}

/** The lease after its release: free at once, the token kept (the next take increments it). */
export function released(l: LeaseRecord): LeaseRecord {
  return { owner: null, until: 0, token: l.token };
}

/**
 * The holder's own view: it counts the lease as held only until `until` less the safety margin,
 * so that it has stopped before any other node (whose clock may be somewhat ahead) can take it.
 */
export function holderDeadline(until: number, t: LeaseTiming): number {
  return until - safetyMarginMs(t);
}

/**
 * When the holder next acts, after a renewal at `renewedAt` that extended the lease to `until`: the
 * next heartbeat, or its own deadline if that comes first (then it gives the lease up).
 */
export function nextHeartbeat(renewedAt: number, until: number, t: LeaseTiming): number {
  return Math.min(renewedAt + t.heartbeatMs, holderDeadline(until, t));
}

/** When a periodic job is next due on a node that did not run it: at the end of the period claimed. */
export function nextPeriodCheck(l: LeaseRecord | undefined, now: number): number {
  return l && l.until > now ? l.until : now;
}
