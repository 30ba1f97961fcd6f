import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALARM_STATES,
  SYSTEM,
  annunciated,
  applyAlarmEvent,
  applyAlarmEvents,
  hidden,
  initialAlarm,
  needsAcknowledgement,
  type Alarm,
  type AlarmEvent,
  type AlarmState,
  type AlarmTransition,
} from './lifecycle.ts';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const at = (minutes: number) => T0 + minutes * MIN;

const raise = (m: number, level = 'H', severity = 2): AlarmEvent => ({ type: 'condition', at: at(m), active: true, level, severity });
const clear = (m: number): AlarmEvent => ({ type: 'condition', at: at(m), active: false });
const ack = (m: number, by = 'alice', comment?: string): AlarmEvent => ({ type: 'acknowledge', at: at(m), by, comment });
const shelve = (m: number, untilM: number, reason = 'chattering during start-up', by = 'alice'): AlarmEvent => ({ type: 'shelve', at: at(m), by, until: at(untilM), reason });
const unshelve = (m: number, by = 'alice'): AlarmEvent => ({ type: 'unshelve', at: at(m), by });
const suppress = (m: number, reason = 'maintenance', by = SYSTEM): AlarmEvent => ({ type: 'suppress', at: at(m), by, reason });
const unsuppress = (m: number, by = SYSTEM): AlarmEvent => ({ type: 'unsuppress', at: at(m), by });
const expire = (m: number): AlarmEvent => ({ type: 'expire', at: at(m) });

/** Applies events that must all be accepted; returns the alarm and its transitions. */
function run(events: AlarmEvent[], from: Alarm = initialAlarm()) {
  const r = applyAlarmEvents(from, events);
  expect(r.refused).toEqual([]);
  return r;
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

describe('alarm lifecycle: the ISA-18.2 states', () => {
  it('starts normal and not annunciated', () => {
    const a = initialAlarm();
    expect(a.state).toBe('normal');
    expect(annunciated(a)).toBe(false);
    expect(hidden(a)).toBe(false);
    expect(a.condition).toEqual({ active: false, level: null, severity: null, at: null });
  });

  it('raises unacknowledged, records who and why, and goes normal when acknowledged then cleared', () => {
    const r1 = applyAlarmEvent(initialAlarm(), raise(0, 'H', 2));
    expect(r1.reason).toBeNull();
    expect(r1.alarm.state).toBe('unack');
    expect(r1.alarm.raisedAt).toBe(at(0));
    expect(annunciated(r1.alarm) && needsAcknowledgement(r1.alarm)).toBe(true);
    expect(r1.transition).toEqual<AlarmTransition>({
      from: 'normal', to: 'unack', at: at(0), by: SYSTEM, event: 'condition', why: 'raised', note: null, active: true, level: 'H', severity: 2,
    });
    const r2 = applyAlarmEvent(r1.alarm, ack(1, 'alice', 'operator sent to the stack'));
    expect(r2.alarm.state).toBe('acked');
    expect(r2.alarm.ack).toEqual({ by: 'alice', at: at(1), comment: 'operator sent to the stack', severity: 2 });
    expect(r2.transition).toMatchObject({ from: 'unack', to: 'acked', by: 'alice', why: 'acknowledged', note: 'operator sent to the stack' });
    expect(needsAcknowledgement(r2.alarm)).toBe(false);
    const r3 = applyAlarmEvent(r2.alarm, clear(5));
    expect(r3.alarm.state).toBe('normal');
    expect(r3.alarm.clearedAt).toBe(at(5));
    expect(r3.transition).toMatchObject({ from: 'acked', to: 'normal', why: 'cleared', by: SYSTEM, active: false, level: 'H' });
  });

  it('returns to normal unacknowledged (rtn_unack) when it clears before anyone acknowledged it; acknowledging that goes normal', () => {
    const { alarm, transitions } = run([raise(0), clear(3)]);
    expect(alarm.state).toBe('rtn_unack');
    expect(annunciated(alarm)).toBe(true);
    expect(alarm.condition).toMatchObject({ active: false, level: 'H', severity: 2 });
    expect(transitions.map((t) => [t.from, t.to])).toEqual([['normal', 'unack'], ['unack', 'rtn_unack']]);
    const r = applyAlarmEvent(alarm, ack(4, 'bob'));
    expect(r.alarm.state).toBe('normal');
    expect(r.transition).toMatchObject({ from: 'rtn_unack', to: 'normal', by: 'bob', why: 'acknowledged', note: null });
  });

  it('goes back to unack when the condition returns while rtn_unack, forgetting the previous activation', () => {
    const { alarm, transitions } = run([raise(0), clear(3), raise(4, 'HH', 3)]);
    expect(alarm.state).toBe('unack');
    expect(alarm.raisedAt).toBe(at(4));
    expect(alarm.clearedAt).toBeNull();
    expect(alarm.condition).toMatchObject({ active: true, level: 'HH', severity: 3 });
    expect(transitions[2]).toMatchObject({ from: 'rtn_unack', to: 'unack', why: 'raised' });
    // And a new activation after an acknowledged one needs its own acknowledgement.
    const again = run([raise(0), ack(1), clear(2), raise(3)]).alarm;
    expect(again.state).toBe('unack');
    expect(again.ack).toBeNull();
  });

  it('refuses acknowledgements that mean nothing, with a reason, and never changes the alarm', () => {
    const normal = initialAlarm();
    expect(applyAlarmEvent(normal, ack(0))).toEqual({ alarm: normal, transition: null, reason: 'not_active' });
    const acked = run([raise(0), ack(1)]).alarm;
    const second = applyAlarmEvent(acked, ack(2, 'bob'));
    expect(second).toEqual({ alarm: acked, transition: null, reason: 'already_acknowledged' });
    expect(second.alarm).toBe(acked);
    const unack = run([raise(0)]).alarm;
    expect(applyAlarmEvent(unack, ack(1, '')).reason).toBe('missing_actor');
    expect(applyAlarmEvent(unack, ack(1, '   ')).reason).toBe('missing_actor');
  });

  it('re-annunciates an acknowledged alarm that grows more severe than what was acknowledged, not one that eases', () => {
    const acked = run([raise(0, 'H', 2), ack(1)]).alarm;
    const eased = applyAlarmEvent(acked, raise(2, 'H', 1));
    expect(eased.alarm.state).toBe('acked');
    expect(eased.transition).toMatchObject({ from: 'acked', to: 'acked', why: 'level_changed', severity: 1 });
    // Back to the severity acknowledged: still acknowledged.
    const back = applyAlarmEvent(eased.alarm, raise(3, 'H', 2));
    expect(back.alarm.state).toBe('acked');
    const worse = applyAlarmEvent(back.alarm, raise(4, 'HH', 3));
    expect(worse.alarm.state).toBe('unack');
    expect(worse.alarm.ack).toBeNull();
    expect(worse.transition).toMatchObject({ from: 'acked', to: 'unack', why: 'escalated', level: 'HH', severity: 3 });
    // While unacknowledged, a level change is recorded without moving the state.
    const unack = applyAlarmEvent(run([raise(0, 'H', 2)]).alarm, raise(1, 'HH', 3));
    expect(unack.transition).toMatchObject({ from: 'unack', to: 'unack', why: 'level_changed' });
  });
});

describe('alarm lifecycle: condition events in any shape', () => {
  it('records nothing for a condition repeating what the alarm knows; an exact duplicate returns the same object', () => {
    const a = run([raise(0)]).alarm;
    const dup = applyAlarmEvent(a, raise(0));
    expect(dup).toEqual({ alarm: a, transition: null, reason: null });
    expect(dup.alarm).toBe(a);
    const later = applyAlarmEvent(a, raise(5));
    expect(later.transition).toBeNull();
    expect(later.reason).toBeNull();
    expect(later.alarm.condition.at).toBe(at(5));
    expect(later.alarm.raisedAt).toBe(at(0));
    const c = applyAlarmEvent(initialAlarm(), clear(0));
    expect(c.transition).toBeNull();
    expect(c.alarm.state).toBe('normal');
  });

  it('refuses a condition older than the latest one (even one that only repeated), and lets the last of equal times win', () => {
    const a = run([raise(10), raise(20)]).alarm;
    const stale = applyAlarmEvent(a, clear(15));
    expect(stale).toEqual({ alarm: a, transition: null, reason: 'stale_condition' });
    const same = applyAlarmEvent(a, clear(20));
    expect(same.alarm.state).toBe('rtn_unack');
    const back = applyAlarmEvent(same.alarm, raise(20));
    expect(back.alarm.state).toBe('unack');
  });

  it('takes the condition at the data time, not against operator actions stamped later (clocks differ)', () => {
    // The operator acknowledges at 10:05 by the server's clock; the device's clock lags and its
    // clear is stamped 10:03: the clear must still count.
    const { alarm } = run([raise(0), ack(5), clear(3)]);
    expect(alarm.state).toBe('normal');
  });

  it('refuses non-finite times and severities, odd levels and unknown events, without throwing', () => {
    const a = run([raise(0)]).alarm;
    for (const t of [NaN, Infinity, -Infinity]) {
      expect(applyAlarmEvent(a, { type: 'condition', at: t, active: false }).reason).toBe('invalid_time');
      expect(applyAlarmEvent(a, { type: 'acknowledge', at: t, by: 'alice' }).reason).toBe('invalid_time');
      expect(applyAlarmEvent(a, { type: 'expire', at: t }).reason).toBe('invalid_time');
      expect(applyAlarmEvent(a, { type: 'condition', at: at(1), active: true, level: 'HH', severity: t }).reason).toBe('invalid_severity');
      expect(applyAlarmEvent(a, { type: 'shelve', at: at(1), by: 'alice', until: t, reason: 'x' }).reason).toBe('invalid_time');
    }
    const bad = (x: unknown) => applyAlarmEvent(a, x as AlarmEvent);
    expect(bad({ type: 'condition', at: at(1), active: true, level: 7, severity: 1 }).reason).toBe('invalid_level');
    expect(bad({ type: 'condition', at: at(1), active: 'yes' }).reason).toBe('invalid_event');
    expect(bad({ type: 'explode', at: at(1) }).reason).toBe('invalid_event');
    expect(bad({ at: at(1) }).reason).toBe('invalid_event');
    expect(bad(null).reason).toBe('invalid_event');
    expect(bad(undefined).reason).toBe('invalid_event');
    expect(bad('ack').reason).toBe('invalid_event');
    expect(bad({ type: 'acknowledge', at: '2026-01-01', by: 'alice' }).reason).toBe('invalid_time');
    expect(bad({ type: 'acknowledge', at: at(1) }).reason).toBe('missing_actor');
    for (const x of [null, undefined, 'ack', {}, { type: 'explode', at: at(1) }]) expect(bad(x).alarm).toBe(a);
  });
});

describe('alarm lifecycle: shelving', () => {
  it('refuses a shelf without a reason, an actor, or with an expiry not after now', () => {
    const a = run([raise(0)]).alarm;
    expect(applyAlarmEvent(a, shelve(5, 5)).reason).toBe('expiry_in_past');
    expect(applyAlarmEvent(a, shelve(5, 4)).reason).toBe('expiry_in_past');
    expect(applyAlarmEvent(a, shelve(5, 60, '')).reason).toBe('missing_reason');
    expect(applyAlarmEvent(a, shelve(5, 60, 'x', ' ')).reason).toBe('missing_actor');
    expect(applyAlarmEvent(a, unshelve(5)).reason).toBe('not_shelved');
    expect(applyAlarmEvent(a, expire(5)).reason).toBe('not_shelved');
  });

  it('hides a shelved alarm, tracks its condition, and reveals it as its condition implies when the shelf expires', () => {
    const s = applyAlarmEvent(run([raise(0), ack(1)]).alarm, shelve(2, 60, 'sensor fouled, cleaning booked'));
    expect(s.alarm.state).toBe('shelved');
    expect(annunciated(s.alarm)).toBe(false);
    expect(s.transition).toMatchObject({ from: 'acked', to: 'shelved', by: 'alice', why: 'shelved', note: 'sensor fouled, cleaning booked' });
    expect(applyAlarmEvent(s.alarm, ack(3)).reason).toBe('hidden');
    // The condition clears and returns under the shelf: recorded, state unmoved.
    const { alarm, transitions } = run([clear(10), raise(20, 'HH', 3)], s.alarm);
    expect(transitions.map((t) => [t.from, t.to, t.why])).toEqual([['shelved', 'shelved', 'cleared'], ['shelved', 'shelved', 'raised']]);
    expect(alarm.condition).toMatchObject({ active: true, level: 'HH', severity: 3 });
    expect(alarm.raisedAt).toBe(at(20));
    expect(applyAlarmEvent(alarm, expire(59))).toEqual({ alarm, transition: null, reason: 'not_expired' });
    const e = applyAlarmEvent(alarm, expire(60));
    // Active when revealed: unacknowledged, although it was acknowledged before the shelf.
    expect(e.alarm.state).toBe('unack');
    expect(e.alarm.ack).toBeNull();
    expect(e.alarm.shelf).toBeNull();
    expect(e.transition).toMatchObject({ from: 'shelved', to: 'unack', by: SYSTEM, why: 'shelf_expired', event: 'expire' });
  });

  it('reveals a shelved alarm whose condition cleared as normal, even one shelved while rtn_unack', () => {
    const s = run([raise(0), clear(1), shelve(2, 60)]).alarm;
    expect(s.state).toBe('shelved');
    const u = applyAlarmEvent(s, unshelve(3, 'bob'));
    expect(u.alarm.state).toBe('normal');
    expect(u.transition).toMatchObject({ from: 'shelved', to: 'normal', by: 'bob', why: 'unshelved' });
    // An alarm shelved while normal (a known nuisance before a start-up) stays hidden when raised.
    const pre = run([shelve(0, 60), raise(5)]).alarm;
    expect(pre.state).toBe('shelved');
    expect(applyAlarmEvent(pre, unshelve(6)).alarm.state).toBe('unack');
  });

  it('asks for a new acknowledgement of an alarm acknowledged, shelved and unshelved while still active', () => {
    const s = run([raise(0), ack(1), shelve(2, 60)]).alarm;
    const u = applyAlarmEvent(s, unshelve(3));
    expect(u.alarm.state).toBe('unack');
    expect(u.alarm.ack).toBeNull();
    expect(applyAlarmEvent(u.alarm, ack(4, 'bob')).alarm.state).toBe('acked');
  });

  it('extends or shortens a shelf in place, recorded as reshelved', () => {
    const s = run([raise(0), shelve(1, 60)]).alarm;
    const r = applyAlarmEvent(s, shelve(30, 120, 'still cleaning', 'bob'));
    expect(r.alarm.shelf).toEqual({ by: 'bob', at: at(30), until: at(120), reason: 'still cleaning' });
    expect(r.transition).toMatchObject({ from: 'shelved', to: 'shelved', why: 'reshelved' });
    expect(applyAlarmEvent(r.alarm, expire(60)).reason).toBe('not_expired');
  });
});

describe('alarm lifecycle: suppression', () => {
  it('suppresses while the device is in maintenance and reveals as the condition implies', () => {
    const s = applyAlarmEvent(run([raise(0)]).alarm, suppress(1, 'device in maintenance'));
    expect(s.alarm.state).toBe('suppressed');
    expect(annunciated(s.alarm)).toBe(false);
    expect(s.transition).toMatchObject({ from: 'unack', to: 'suppressed', by: SYSTEM, why: 'suppressed', note: 'device in maintenance' });
    expect(applyAlarmEvent(s.alarm, suppress(2)).reason).toBe('already_suppressed');
    expect(applyAlarmEvent(s.alarm, shelve(2, 60)).reason).toBe('suppressed');
    expect(applyAlarmEvent(s.alarm, ack(2)).reason).toBe('hidden');
    expect(applyAlarmEvent(s.alarm, suppress(2, '')).reason).toBe('missing_reason');
    const cleared = applyAlarmEvent(s.alarm, clear(3));
    expect(cleared.transition).toMatchObject({ from: 'suppressed', to: 'suppressed', why: 'cleared' });
    expect(applyAlarmEvent(cleared.alarm, unsuppress(4)).alarm.state).toBe('normal');
    expect(applyAlarmEvent(s.alarm, unsuppress(4)).alarm.state).toBe('unack');
    expect(applyAlarmEvent(initialAlarm(), unsuppress(4)).reason).toBe('not_suppressed');
  });

  it('keeps a shelf under a suppression while it is due, and drops it if it ran out meanwhile', () => {
    const both = run([raise(0), shelve(1, 60), suppress(2)]).alarm;
    expect(both.state).toBe('suppressed');
    expect(both.shelf).not.toBeNull();
    // Unshelving under a suppression is recorded; the alarm stays suppressed.
    const u = applyAlarmEvent(both, unshelve(3));
    expect(u.transition).toMatchObject({ from: 'suppressed', to: 'suppressed', why: 'unshelved' });
    expect(u.alarm.shelf).toBeNull();
    // The shelf still due: back to shelved; run out: revealed.
    expect(applyAlarmEvent(both, unsuppress(30)).alarm.state).toBe('shelved');
    const out = applyAlarmEvent(both, unsuppress(60));
    expect(out.alarm.state).toBe('unack');
    expect(out.alarm.shelf).toBeNull();
    // The expiry timer may fire during the suppression too.
    const ex = applyAlarmEvent(both, expire(61));
    expect(ex.transition).toMatchObject({ from: 'suppressed', to: 'suppressed', why: 'shelf_expired' });
  });
});

describe('alarm lifecycle: purity', () => {
  it('never mutates the alarm or the event it is given', () => {
    const events = [raise(0), ack(1), shelve(2, 60), suppress(3), clear(4), unsuppress(5), expire(70), raise(80), clear(90), ack(91)];
    let a = deepFreeze(initialAlarm());
    for (const e of events) {
      const r = applyAlarmEvent(a, deepFreeze(e));
      expect(r.reason).toBeNull();
      a = deepFreeze(r.alarm);
    }
    expect(a.state).toBe('normal');
  });

  it('reports refused events by index when applying a list', () => {
    const r = applyAlarmEvents(initialAlarm(), [ack(0), raise(1), ack(2), ack(3), clear(0)]);
    expect(r.refused).toEqual([{ index: 0, reason: 'not_active' }, { index: 3, reason: 'already_acknowledged' }, { index: 4, reason: 'stale_condition' }]);
    expect(r.transitions.map((t) => t.to)).toEqual(['unack', 'acked']);
  });
});

// --- properties over random event sequences -------------------------------------------------------

/**
 * Random events with mostly increasing times but steps back (out of order), repeats (step 0) and
 * the odd non-finite time; blank actors and reasons; non-finite severities; shelves ending before
 * or after now.
 */
const nonFinite = fc.constantFrom(NaN, Infinity, -Infinity);
const step = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: -3, max: 20 }) }, { weight: 1, arbitrary: nonFinite });
const actor = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('alice', 'bob') }, { weight: 1, arbitrary: fc.constantFrom('', ' ') });
const reason = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('nuisance', 'maintenance') }, { weight: 1, arbitrary: fc.constant('') });
type Template = (t: number) => AlarmEvent;
const template: fc.Arbitrary<Template> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom('H', 'HH', 'L'), fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: nonFinite }))
      .map(([level, severity]): Template => (t) => ({ type: 'condition', at: t, active: true, level, severity })),
  },
  { weight: 5, arbitrary: fc.constant<Template>((t) => ({ type: 'condition', at: t, active: false })) },
  { weight: 5, arbitrary: fc.tuple(actor, fc.option(fc.string({ maxLength: 3 }), { nil: undefined })).map(([by, comment]): Template => (t) => ({ type: 'acknowledge', at: t, by, comment })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(actor, reason, fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -5, max: 40 }) }, { weight: 1, arbitrary: nonFinite }))
      .map(([by, why, d]): Template => (t) => ({ type: 'shelve', at: t, by, until: t + d, reason: why })),
  },
  { weight: 2, arbitrary: actor.map((by): Template => (t) => ({ type: 'unshelve', at: t, by })) },
  { weight: 1, arbitrary: fc.tuple(actor, reason).map(([by, why]): Template => (t) => ({ type: 'suppress', at: t, by, reason: why })) },
  { weight: 3, arbitrary: actor.map((by): Template => (t) => ({ type: 'unsuppress', at: t, by })) },
  { weight: 3, arbitrary: fc.constant<Template>((t) => ({ type: 'expire', at: t })) },
);
const eventSeq = fc.array(fc.tuple(step, template), { maxLength: 60 }).map((steps) => {
  let t = 1000;
  return steps.map(([dt, make]) => {
    if (!Number.isFinite(dt)) return make(dt);
    t += dt;
    return make(t);
  });
});

const VISIBLE_ACTIVE: AlarmState[] = ['unack', 'acked'];

/** Runs the events one by one, calling `check` after each with what happened. */
function walk(events: AlarmEvent[], check: (before: Alarm, e: AlarmEvent, after: Alarm, t: AlarmTransition | null) => void): Alarm {
  let a = initialAlarm();
  for (const e of events) {
    const r = applyAlarmEvent(a, e);
    check(a, e, r.alarm, r.transition);
    a = r.alarm;
  }
  return a;
}

describe('alarm lifecycle: properties', () => {
  it('acknowledging is idempotent: a second acknowledge right after the first changes nothing and records nothing', () => {
    fc.assert(
      fc.property(eventSeq, (events) => {
        walk(events, (_before, e, after, t) => {
          if (e.type !== 'acknowledge') return;
          const again = applyAlarmEvent(after, e);
          expect(again.transition).toBeNull();
          expect(again.alarm).toBe(after);
          expect(again.reason).not.toBeNull();
          // By another operator a moment later: the same (when the first was a real acknowledgement,
          // not one refused for its blank actor).
          if (!t) return;
          const other = applyAlarmEvent(after, { ...e, at: e.at + 1, by: 'carol' });
          expect(other.transition).toBeNull();
          expect(other.alarm).toBe(after);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the state is always a declared one, each transition starts where the previous ended, and refusals change nothing', () => {
    fc.assert(
      fc.property(eventSeq, (events) => {
        let state: AlarmState = 'normal';
        walk(events, (before, _e, after, t) => {
          expect(ALARM_STATES).toContain(after.state);
          if (t) {
            expect(t.from).toBe(state);
            expect(t.to).toBe(after.state);
            state = t.to;
          } else {
            // No transition: the state did not move.
            expect(after.state).toBe(before.state);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('replaying the recorded transitions reproduces the final state', () => {
    fc.assert(
      fc.property(eventSeq, (events) => {
        const { alarm, transitions } = applyAlarmEvents(initialAlarm(), events);
        const replayed = transitions.reduce<AlarmState>((_s, t) => t.to, initialAlarm().state);
        expect(replayed).toBe(alarm.state);
        expect(transitions.length).toBeLessThanOrEqual(events.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a hidden alarm is never annunciated, its condition is tracked as if it were not hidden, and revealed it takes the state the condition implies', () => {
    fc.assert(
      fc.property(eventSeq, (events) => {
        // The reference: the same condition history with no shelf, suppression or acknowledgement.
        let ref = initialAlarm();
        walk(events, (before, e, after, t) => {
          if (e.type === 'condition') ref = applyAlarmEvent(ref, e).alarm;
          expect(after.condition).toEqual(ref.condition);
          const isHidden = after.shelf !== null || after.suppression !== null;
          expect(hidden(after)).toBe(isHidden);
          if (isHidden) {
            expect(annunciated(after)).toBe(false);
            return;
          }
          // Visible: active exactly when the condition-only history says active (acknowledgement
          // apart: unack and acked are both active, rtn_unack and normal both clear).
          expect(VISIBLE_ACTIVE.includes(after.state)).toBe(VISIBLE_ACTIVE.includes(ref.state));
          if (t && hidden(before)) {
            // Just revealed: what the condition implies, to be acknowledged afresh if active.
            expect(after.state).toBe(ref.condition.active ? 'unack' : 'normal');
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('a repeated condition records no second transition', () => {
    fc.assert(
      fc.property(eventSeq, (events) => {
        walk(events, (_before, e, after) => {
          if (e.type !== 'condition') return;
          const again = applyAlarmEvent(after, e);
          expect(again.transition).toBeNull();
          expect(again.alarm).toEqual(after);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever it is given', () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom('condition', 'acknowledge', 'shelve', 'unshelve', 'suppress', 'unsuppress', 'expire'), at: fc.anything(), by: fc.anything(), active: fc.anything(), level: fc.anything(), severity: fc.anything(), until: fc.anything(), reason: fc.anything(), comment: fc.anything() }, { requiredKeys: ['type'] }),
    );
    fc.assert(
      fc.property(eventSeq, fc.array(junk, { maxLength: 10 }), (events, extra) => {
        const a = applyAlarmEvents(initialAlarm(), events).alarm;
        let cur = a;
        for (const x of extra) {
          const r = applyAlarmEvent(cur, x as AlarmEvent);
          expect(ALARM_STATES).toContain(r.alarm.state);
          if (r.reason) expect(r.alarm).toBe(cur);
          cur = r.alarm;
        }
      }),
      { numRuns: 300 },
    );
  });
});
