/**
 * The pure lease rules under any interleaving: a model of the store (one row) and of nodes that
 * take, renew, release, write progress and let time pass, each with its own clock (skewed by less
 * than the safety margin). At no instant do two nodes both believe they hold the lease, and the
 * fencing tokens of accepted writes never go back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTiming, holderDeadline, isExpired, isHeld, mayRelease, mayRenew, mayTake, nextHeartbeat, nextPeriodCheck, released, renewed, safetyMarginMs, taken,
  type LeaseRecord, type LeaseTiming,
} from './lease.ts';

const NODES = ['a', 'b', 'c'] as const;
type Node = (typeof NODES)[number];

type Action =
  | { op: 'tick'; ms: number }
  | { op: 'take' | 'renew' | 'release' | 'write'; node: number };

const timing: LeaseTiming = { leaseMs: 1000, heartbeatMs: 300 };
const margin = safetyMarginMs(timing);

const actions = fc.array(
  fc.oneof(
    // Small steps, steps of about a lease (to land near expiry and deadlines) and big ones (past them).
    fc.record({ op: fc.constant('tick' as const), ms: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 700, max: 1000 }), fc.integer({ min: 0, max: 2500 })) }),
    fc.record({ op: fc.constantFrom('take' as const, 'renew' as const, 'release' as const, 'write' as const), node: fc.integer({ min: 0, max: NODES.length - 1 }) }),
  ),
  { maxLength: 60 },
);
// Each node's clock differs from true time by less than half the margin (so any two by less than the margin).
const skews = fc.tuple(...NODES.map(() => fc.integer({ min: -Math.floor((margin - 1) / 2), max: Math.floor((margin - 1) / 2) })));

describe('lease rules', () => {
  it('two nodes never both hold a key at the same instant, and accepted writes carry non-decreasing tokens', () => {
    fc.assert(
      fc.property(actions, skews, fc.integer({ min: 0, max: 1e12 }), (acts: Action[], skew, start) => {
        let t = start;
        let row: LeaseRecord | undefined;
        const belief = new Map<Node, { token: number; until: number }>();
        const local = (n: Node) => t + skew[NODES.indexOf(n)];
        // What a node believes: it holds the lease until its own deadline, by its own clock.
        const believesHeld = (n: Node) => {
          const b = belief.get(n);
          return !!b && local(n) < holderDeadline(b.until, timing);
        };
        let lastWriteToken = 0;
        let lastTakeToken = 0;
        for (const a of acts) {
          if (a.op === 'tick') t += a.ms;
          else {
            const n = NODES[a.node];
            const now = local(n);
            const b = belief.get(n);
            if (a.op === 'take' && mayTake(row, now)) {
              row = taken(row, n, now, timing.leaseMs);
              expect(row.token).toBeGreaterThan(lastTakeToken);
              lastTakeToken = row.token;
              belief.set(n, { token: row.token, until: row.until });
            } else if (a.op === 'renew' && b) {
              if (mayRenew(row, n, b.token, now)) {
                row = renewed(row!, now, timing.leaseMs);
                belief.set(n, { token: b.token, until: row.until });
              } else belief.delete(n);
            } else if (a.op === 'release' && b) {
              if (mayRelease(row, n, b.token)) row = released(row!);
              belief.delete(n);
            } else if (a.op === 'write' && b && believesHeld(n)) {
              // Fencing: the store accepts progress only under the current token, and only the holder's.
              if (mayRenew(row, n, b.token, now)) {
                expect(b.token).toBeGreaterThanOrEqual(lastWriteToken);
                lastWriteToken = b.token;
              }
            }
          }
          const holders = NODES.filter(believesHeld);
          expect(holders.length).toBeLessThanOrEqual(1);
          // A node that believes it holds the lease really is its owner in the store, with its token.
          for (const h of holders) expect(row).toMatchObject({ owner: h, token: belief.get(h)!.token });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a take is possible exactly when the lease is free or expired, and always starts a new tenure', () => {
    fc.assert(
      fc.property(
        fc.option(fc.record({ owner: fc.option(fc.constantFrom('a', 'b'), { nil: null }), until: fc.integer({ min: 0, max: 10_000 }), token: fc.nat(1000) }), { nil: undefined }),
        fc.integer({ min: 0, max: 10_000 }),
        (row, now) => {
          expect(mayTake(row, now)).toBe(!row || row.owner === null || row.until <= now);
          expect(isExpired(row, now)).toBe(!isHeld(row, now));
          if (row && row.owner !== null) expect(mayTake(row, now)).toBe(now >= row.until);
          const next = taken(row, 'c', now, 500);
          expect(next.token).toBe((row?.token ?? 0) + 1);
          expect(isHeld(next, now)).toBe(true);
          expect(isHeld(next, now + 500)).toBe(false);
          // The owner itself may not take a lease it holds: each take is a new tenure with a new token.
          expect(mayTake(next, now)).toBe(false);
          expect(mayRenew(next, 'c', next.token, now)).toBe(true);
          expect(mayRenew(next, 'c', next.token - 1, now)).toBe(false);
          expect(mayRenew(next, 'a', next.token, now)).toBe(false);
          expect(mayRenew(next, 'c', next.token, now + 500)).toBe(false);
          const free = released(next);
          expect(mayTake(free, now)).toBe(true);
          expect(taken(free, 'a', now, 500).token).toBe(next.token + 1);
        },
      ),
    );
  });

  it('valid timing leaves at least two heartbeats before the holder gives the lease up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600_000 }), fc.integer({ min: 1, max: 600_000 }), fc.integer({ min: 0, max: 1e12 }), (leaseMs, heartbeatMs, now) => {
        const t = { leaseMs, heartbeatMs };
        let valid = true;
        try {
          checkTiming(t);
        } catch {
          valid = false;
        }
        expect(valid).toBe(2 * heartbeatMs <= leaseMs - safetyMarginMs(t));
        if (!valid) return;
        const until = now + leaseMs;
        const first = nextHeartbeat(now, until, t);
        expect(first).toBe(now + heartbeatMs);
        // Even if the first heartbeat fails, a second comes before the holder's deadline.
        expect(first + heartbeatMs).toBeLessThanOrEqual(holderDeadline(until, t));
        expect(holderDeadline(until, t)).toBeLessThan(until);
        // A heartbeat that comes too late is scheduled at the deadline, never after it.
        expect(nextHeartbeat(until, until, t)).toBe(holderDeadline(until, t));
      }),
    );
  });

  it('a node that did not run a period looks again at its end', () => {
    expect(nextPeriodCheck(undefined, 100)).toBe(100);
    expect(nextPeriodCheck({ owner: 'a', until: 500, token: 3 }, 100)).toBe(500);
    expect(nextPeriodCheck({ owner: 'a', until: 50, token: 3 }, 100)).toBe(100);
  });
});
