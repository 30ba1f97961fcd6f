/**
 * The ISA-18.2 alarm state machine, pure: one function, `applyAlarmEvent`, is the only place an
 * alarm's state changes, so every caller (rule evaluation, the console's acknowledge/shelve
 * buttons, the maintenance switch, the shelf-expiry timer, replay after a restart) obeys the same
 * rules. No I/O and no clock: every event carries its time, and the caller persists what is
 * returned.
 *
 * An alarm tracks two things that move independently:
 * - its **condition**: what the rule last said (active at a level and severity, or clear); it is
 *   tracked whatever the alarm's state, so that hiding an alarm never loses what the plant did;
 * - its **state**, what the operator sees: `normal`, `unack` (active, unacknowledged), `acked`
 *   (active, acknowledged), `rtn_unack` (returned to normal before anyone acknowledged it), or one
 *   of the two hidden states `shelved` (an operator hid it until a time) and `suppressed` (its
 *   device is in maintenance or out of service). A hidden alarm is not annunciated; when it is
 *   revealed it takes the state its condition implies (`unack` if active, else `normal`), as
 *   ISA-18.2 prescribes, because whatever was acknowledged before it was hidden is stale.
 *
 * Every accepted event that changes what the alarm records yields one transition (from, to, at,
 * by, why), so the list of transitions is the alarm's full history. A transition may have
 * `from === to` when the event changed the alarm without moving its state (the condition going
 * active under a shelf, a shelf extended): the history must show those too. Refused events return
 * the alarm unchanged, no transition, and a reason code; nothing here throws.
 */

/** Every state an alarm can be in. */
export const ALARM_STATES = ['normal', 'unack', 'acked', 'rtn_unack', 'shelved', 'suppressed'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** The actor recorded for what the platform does by itself (rule evaluation, shelf expiry). */
export const SYSTEM = 'system';

export interface AlarmCondition {
  /** What the rule last said. */
  active: boolean;
  /**
   * The level of the latest activation (e.g. 'H', 'HH', 'rate', 'forecast', or a ledger's own
   * word: alarms that do not come from a tag use the same machine). Kept when the condition
   * clears, so a `rtn_unack` alarm still says what it was. Null before the first activation.
   */
  level: string | null;
  /** Severity of the latest activation, larger is more severe. Kept on clear like `level`. */
  severity: number | null;
  /**
   * Time of the latest condition event accepted (null before any). Condition events older than
   * this are refused as stale: the rule's later verdict wins over a late-arriving earlier one.
   */
  at: number | null;
}

export interface Acknowledgement {
  by: string;
  at: number;
  comment: string | null;
  /** The severity acknowledged: the condition rising above it later needs a new acknowledgement. */
  severity: number | null;
}

export interface Shelf {
  by: string;
  at: number;
  /** Epoch ms at which the shelf expires (an `expire` event at or after it removes the shelf). */
  until: number;
  reason: string;
}

export interface Suppression {
  by: string;
  at: number;
  reason: string;
}

export interface Alarm {
  state: AlarmState;
  condition: AlarmCondition;
  /** When the current (or latest) activation began; null if the condition was never active. */
  raisedAt: number | null;
  /** When the latest activation ended; null while active or if never active. */
  clearedAt: number | null;
  /** The acknowledgement of the current activation; reset whenever the alarm needs a new one. */
  ack: Acknowledgement | null;
  shelf: Shelf | null;
  suppression: Suppression | null;
}

export type AlarmEvent =
  /** The rule says the condition is active (at `at`, the time of the data it judged). */
  | { type: 'condition'; at: number; active: true; level: string; severity: number }
  /** The rule says the condition is clear. */
  | { type: 'condition'; at: number; active: false }
  | { type: 'acknowledge'; at: number; by: string; comment?: string }
  | { type: 'shelve'; at: number; by: string; until: number; reason: string }
  | { type: 'unshelve'; at: number; by: string; reason?: string }
  | { type: 'suppress'; at: number; by: string; reason: string }
  | { type: 'unsuppress'; at: number; by: string; reason?: string }
  /** Time has passed: a shelf whose `until` is at or before `at` expires. */
  | { type: 'expire'; at: number };
export type AlarmEventType = AlarmEvent['type'];

/** Why a transition happened: a stable code the console translates. */
export type TransitionWhy =
  | 'raised'
  | 'escalated'
  | 'level_changed'
  | 'cleared'
  | 'acknowledged'
  | 'shelved'
  | 'reshelved'
  | 'unshelved'
  | 'shelf_expired'
  | 'suppressed'
  | 'unsuppressed';

export interface AlarmTransition {
  from: AlarmState;
  to: AlarmState;
  at: number;
  /** The user who acted, or SYSTEM. */
  by: string;
  event: AlarmEventType;
  why: TransitionWhy;
  /** The user's comment or reason, when the event carried one. */
  note: string | null;
  /** The condition after the event, so each history row can be read on its own. */
  active: boolean;
  level: string | null;
  severity: number | null;
}

/** Why an event was refused (the alarm is returned unchanged). */
export type RejectReason =
  | 'invalid_event'
  | 'invalid_time'
  | 'invalid_level'
  | 'invalid_severity'
  | 'missing_actor'
  | 'missing_reason'
  | 'stale_condition'
  | 'not_active'
  | 'already_acknowledged'
  | 'hidden'
  | 'expiry_in_past'
  | 'suppressed'
  | 'not_shelved'
  | 'not_expired'
  | 'already_suppressed'
  | 'not_suppressed';

/**
 * The outcome of one event. `reason` is set exactly when the event was refused; then `alarm` is
 * the input object itself and `transition` is null. An accepted event may still record no
 * transition: a condition repeating what the alarm already knows only advances `condition.at`.
 */
export interface AlarmResult {
  alarm: Alarm;
  transition: AlarmTransition | null;
  reason: RejectReason | null;
}

/** A new alarm: normal, condition never evaluated, not hidden. */
export function initialAlarm(): Alarm {
  return {
    state: 'normal',
    condition: { active: false, level: null, severity: null, at: null },
    raisedAt: null,
    clearedAt: null,
    ack: null,
    shelf: null,
    suppression: null,
  };
}

/** Whether the alarm is shown to operators (in the alarm list, with sound if so configured). */
export function annunciated(alarm: Alarm): boolean {
  return alarm.state === 'unack' || alarm.state === 'acked' || alarm.state === 'rtn_unack';
}

/** Whether the alarm is hidden (shelved or suppressed) while its condition is still tracked. */
export function hidden(alarm: Alarm): boolean {
  return alarm.state === 'shelved' || alarm.state === 'suppressed';
}

/** Whether the alarm waits for an operator's acknowledgement. */
export function needsAcknowledgement(alarm: Alarm): boolean {
  return alarm.state === 'unack' || alarm.state === 'rtn_unack';
}

/** Applies one event. Never throws and never mutates its arguments. */
export function applyAlarmEvent(alarm: Alarm, event: AlarmEvent): AlarmResult {
  // Events come from HTTP bodies and persisted rows too: check the shape, not only the type.
  if (typeof event !== 'object' || event === null) return refuse(alarm, 'invalid_event');
  if (!isTime(event.at)) return refuse(alarm, 'invalid_time');
  switch (event.type) {
    case 'condition':
      return onCondition(alarm, event);
    case 'acknowledge':
      return onAcknowledge(alarm, event);
    case 'shelve':
      return onShelve(alarm, event);
    case 'unshelve':
      return onUnshelve(alarm, event);
    case 'suppress':
      return onSuppress(alarm, event);
    case 'unsuppress':
      return onUnsuppress(alarm, event);
    case 'expire':
      return onExpire(alarm, event);
    default:
      return refuse(alarm, 'invalid_event');
  }
}

/** Applies events in order: the final alarm, the transitions recorded, and the events refused. */
export function applyAlarmEvents(
  alarm: Alarm,
  events: readonly AlarmEvent[],
): { alarm: Alarm; transitions: AlarmTransition[]; refused: { index: number; reason: RejectReason }[] } {
  const transitions: AlarmTransition[] = [];
  const refused: { index: number; reason: RejectReason }[] = [];
  let current = alarm;
  events.forEach((event, index) => {
    const r = applyAlarmEvent(current, event);
    current = r.alarm;
    if (r.transition) transitions.push(r.transition);
    if (r.reason) refused.push({ index, reason: r.reason });
  });
  return { alarm: current, transitions, refused };
}

// --- events -------------------------------------------------------------------------------------

type Of<T extends AlarmEventType> = Extract<AlarmEvent, { type: T }>;

function onCondition(alarm: Alarm, e: Of<'condition'>): AlarmResult {
  const prev = alarm.condition;
  // Equal times are accepted: of duplicates, the last one applied wins (as series cleaning does).
  if (prev.at !== null && e.at < prev.at) return refuse(alarm, 'stale_condition');
  if (e.active === true) {
    if (typeof e.level !== 'string') return refuse(alarm, 'invalid_level');
    if (!isFiniteNumber(e.severity)) return refuse(alarm, 'invalid_severity');
  } else if (e.active !== false) {
    return refuse(alarm, 'invalid_event');
  }

  if (!e.active) {
    if (!prev.active) return accepted(prev.at === e.at ? alarm : { ...alarm, condition: { ...prev, at: e.at } }, null);
    const condition: AlarmCondition = { ...prev, active: false, at: e.at };
    const to: AlarmState =
      alarm.state === 'unack' ? 'rtn_unack' : alarm.state === 'acked' ? 'normal' : alarm.state;
    const next: Alarm = { ...alarm, state: to, condition, clearedAt: e.at };
    return accepted(next, record(alarm, next, e.at, SYSTEM, 'condition', 'cleared', null));
  }

  const condition: AlarmCondition = { active: true, level: e.level, severity: e.severity, at: e.at };
  if (!prev.active) {
    // A new activation: whatever was acknowledged belongs to the previous one.
    const to: AlarmState = hidden(alarm) ? alarm.state : 'unack';
    const next: Alarm = { ...alarm, state: to, condition, raisedAt: e.at, clearedAt: null, ack: null };
    return accepted(next, record(alarm, next, e.at, SYSTEM, 'condition', 'raised', null));
  }
  if (prev.level === e.level && prev.severity === e.severity) {
    return accepted(prev.at === e.at ? alarm : { ...alarm, condition }, null);
  }
  // Still active, at another level or severity. An acknowledged alarm that grows worse than what
  // the operator acknowledged must be acknowledged again; one that eases stays acknowledged.
  if (alarm.state === 'acked' && e.severity > (alarm.ack?.severity ?? -Infinity)) {
    const next: Alarm = { ...alarm, state: 'unack', condition, ack: null };
    return accepted(next, record(alarm, next, e.at, SYSTEM, 'condition', 'escalated', null));
  }
  const next: Alarm = { ...alarm, condition };
  return accepted(next, record(alarm, next, e.at, SYSTEM, 'condition', 'level_changed', null));
}

function onAcknowledge(alarm: Alarm, e: Of<'acknowledge'>): AlarmResult {
  if (!isActor(e.by)) return refuse(alarm, 'missing_actor');
  // A hidden alarm is acknowledged once it is shown again: acknowledging what nobody sees is noise.
  if (hidden(alarm)) return refuse(alarm, 'hidden');
  if (alarm.state === 'normal') return refuse(alarm, 'not_active');
  if (alarm.state === 'acked') return refuse(alarm, 'already_acknowledged');
  const comment = typeof e.comment === 'string' && e.comment !== '' ? e.comment : null;
  const to: AlarmState = alarm.state === 'unack' ? 'acked' : 'normal';
  const ack: Acknowledgement = { by: e.by, at: e.at, comment, severity: alarm.condition.severity };
  const next: Alarm = { ...alarm, state: to, ack };
  return accepted(next, record(alarm, next, e.at, e.by, 'acknowledge', 'acknowledged', comment));
}

function onShelve(alarm: Alarm, e: Of<'shelve'>): AlarmResult {
  if (!isActor(e.by)) return refuse(alarm, 'missing_actor');
  // ISA-18.2 wants every shelving documented: no reason, no shelf.
  if (!isReason(e.reason)) return refuse(alarm, 'missing_reason');
  if (!isTime(e.until)) return refuse(alarm, 'invalid_time');
  if (e.until <= e.at) return refuse(alarm, 'expiry_in_past');
  // Suppression already hides it, for a reason the operator does not own: a shelf would only
  // resurface, confusingly, when the device returns to service.
  if (alarm.suppression) return refuse(alarm, 'suppressed');
  const why: TransitionWhy = alarm.shelf ? 'reshelved' : 'shelved';
  const next: Alarm = { ...alarm, state: 'shelved', shelf: { by: e.by, at: e.at, until: e.until, reason: e.reason } };
  return accepted(next, record(alarm, next, e.at, e.by, 'shelve', why, e.reason));
}

function onUnshelve(alarm: Alarm, e: Of<'unshelve'>): AlarmResult {
  if (!isActor(e.by)) return refuse(alarm, 'missing_actor');
  if (!alarm.shelf) return refuse(alarm, 'not_shelved');
  const next = reveal({ ...alarm, shelf: null });
  return accepted(next, record(alarm, next, e.at, e.by, 'unshelve', 'unshelved', noteOf(e.reason)));
}

function onExpire(alarm: Alarm, e: Of<'expire'>): AlarmResult {
  if (!alarm.shelf) return refuse(alarm, 'not_shelved');
  if (e.at < alarm.shelf.until) return refuse(alarm, 'not_expired');
  const next = reveal({ ...alarm, shelf: null });
  return accepted(next, record(alarm, next, e.at, SYSTEM, 'expire', 'shelf_expired', null));
}

function onSuppress(alarm: Alarm, e: Of<'suppress'>): AlarmResult {
  if (!isActor(e.by)) return refuse(alarm, 'missing_actor');
  if (!isReason(e.reason)) return refuse(alarm, 'missing_reason');
  if (alarm.suppression) return refuse(alarm, 'already_suppressed');
  // A shelf in place stays: if it is still due when the device returns to service, it still holds.
  const next: Alarm = { ...alarm, state: 'suppressed', suppression: { by: e.by, at: e.at, reason: e.reason } };
  return accepted(next, record(alarm, next, e.at, e.by, 'suppress', 'suppressed', e.reason));
}

function onUnsuppress(alarm: Alarm, e: Of<'unsuppress'>): AlarmResult {
  if (!isActor(e.by)) return refuse(alarm, 'missing_actor');
  if (!alarm.suppression) return refuse(alarm, 'not_suppressed');
  // A shelf that ran out during the suppression goes with it, rather than showing the alarm as
  // shelved past its expiry until the expiry timer notices.
  const shelf = alarm.shelf && alarm.shelf.until > e.at ? alarm.shelf : null;
  const next = reveal({ ...alarm, suppression: null, shelf });
  return accepted(next, record(alarm, next, e.at, e.by, 'unsuppress', 'unsuppressed', noteOf(e.reason)));
}

// --- helpers ------------------------------------------------------------------------------------

/**
 * The state of an alarm whose shelf or suppression has just been lifted: still hidden if the
 * other one holds, else what its condition implies. Revealed active means unacknowledged: the
 * operator has not seen it since it was hidden.
 */
function reveal(alarm: Alarm): Alarm {
  if (alarm.suppression) return { ...alarm, state: 'suppressed' };
  if (alarm.shelf) return { ...alarm, state: 'shelved' };
  if (alarm.condition.active) return { ...alarm, state: 'unack', ack: null };
  return { ...alarm, state: 'normal' };
}

function record(
  before: Alarm,
  after: Alarm,
  at: number,
  by: string,
  event: AlarmEventType,
  why: TransitionWhy,
  note: string | null,
): AlarmTransition {
  const c = after.condition;
  return { from: before.state, to: after.state, at, by, event, why, note, active: c.active, level: c.level, severity: c.severity };
}

function accepted(alarm: Alarm, transition: AlarmTransition | null): AlarmResult {
  return { alarm, transition, reason: null };
}

function refuse(alarm: Alarm, reason: RejectReason): AlarmResult {
  return { alarm, transition: null, reason };
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function isTime(x: unknown): x is number {
  return isFiniteNumber(x);
}

function isActor(x: unknown): x is string {
  return typeof x === 'string' && x.trim() !== '';
}

function isReason(x: unknown): x is string {
  return typeof x === 'string' && x.trim() !== '';
}

function noteOf(x: unknown): string | null {
  return typeof x === 'string' && x !== '' ? x : null;
}
