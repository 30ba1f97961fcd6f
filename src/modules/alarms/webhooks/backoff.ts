/**
 * When a failed delivery is tried again: an exponential schedule (30 s, 2 min, 10 min, 1 h, then
 * every 6 h) with ±20 % jitter, so that the deliveries a receiver's outage failed together do not
 * all come back in the same second. After MAX_ATTEMPTS the delivery is dead-lettered: eight
 * attempts span about 19 hours, long enough for a receiver to be fixed overnight. Pure.
 */

export const MAX_ATTEMPTS = 8;

/** The wait after the n-th failed attempt (n = 1, 2, …); the last entry repeats. */
export const BACKOFF_SCHEDULE_MS: readonly number[] = [30_000, 120_000, 600_000, 3_600_000, 21_600_000];

/** The share of the base wait the jitter may add or remove. */
export const JITTER = 0.2;

/** The wait after `attempt` failed attempts, before jitter: non-decreasing in `attempt`. */
export function baseDelay(attempt: number): number {
  const i = Math.min(BACKOFF_SCHEDULE_MS.length, Math.max(1, Math.floor(attempt))) - 1;
  return BACKOFF_SCHEDULE_MS[i];
}

/**
 * The wait (ms) before the next attempt, after `attempt` failed ones; `rnd` is a uniform random
 * number in [0, 1) (injected, so the schedule is testable). Always within base × (1 ± JITTER).
 */
export function nextAttempt(attempt: number, rnd: number): number {
  const r = Number.isFinite(rnd) ? Math.min(1, Math.max(0, rnd)) : 0.5;
  return Math.round(baseDelay(attempt) * (1 - JITTER + 2 * JITTER * r));
}

/** Whether a delivery that has failed `attempts` times is dead-lettered rather than retried. */
export const exhausted = (attempts: number, maxAttempts = MAX_ATTEMPTS): boolean => attempts >= maxAttempts;
