/**
 * Threshold alarm rules as ISA-18.2 describes them: up to four limits (HH, H, L, LL), a deadband
 * and on/off delays. Pure: no I/O, no clock. Time only moves when a reading arrives, so the same
 * readings always give the same alarms, live or in a back-test.
 *
 * Semantics (each choice is the one that keeps a tag's stored limits meaningful as-is):
 * - A level raises when the value is strictly BEYOND its limit (above H/HH, below L/LL). A value at
 *   the limit is within it: the registry accepts L = H, and with strict comparisons such a tag has
 *   one normal value instead of a value that is both high and low.
 * - An active high level clears when the value falls to or below `limit − deadband`; an active low
 *   level when it rises to or above `limit + deadband`. With a zero deadband raise and clear are
 *   exact complements, so the alarm is a pure function of the latest reading.
 * - On-delay: the raise condition must hold on consecutive readings spanning at least `onDelayMs`
 *   (from the first reading where it held to the current one) before the level raises. Off-delay:
 *   the clear condition must hold likewise for `offDelayMs` before it clears; a reading that is no
 *   longer clear puts the level straight back to active. Between two readings the value is taken to
 *   stay where the earlier one put it (sample and hold), so a gap in the data counts toward a delay;
 *   silence is the job of the no-data rule, not of this one.
 * - Each level runs its own raise/clear cycle; the level reported is the most severe one that is
 *   active (HH over H, LL over L). High and low never both stand: the deadband may not reach across
 *   the normal band (checked by {@link thresholdRuleErrors}), and when a level on one side raises,
 *   a level of the other side still waiting out its off-delay is cleared at once — the value has
 *   crossed the whole normal band, so the old condition is certainly gone.
 * - Transitions are reported at the timestamp of the reading that caused them: without a timer,
 *   a delay ends at the first reading at or after its end.
 */
import { cleanSeries, type Point } from './series.ts';

/** The alarm levels of a threshold rule, in ISA-18.2's usual short names. */
export type ThresholdLevel = 'HH' | 'H' | 'L' | 'LL';

/**
 * A threshold rule. Any subset of the four limits may be set (at least one); `null` counts as not
 * set, as it does for a tag's limits in the registry, so a tag's limits can be passed straight in.
 */
export interface ThresholdRule {
  highHigh?: number | null;
  high?: number | null;
  low?: number | null;
  lowLow?: number | null;
  /** In the tag's unit, ≥ 0; 0 when absent. One deadband for all levels, as tags carry one. */
  deadband?: number;
  /** Milliseconds, ≥ 0; 0 when absent. */
  onDelayMs?: number;
  /** Milliseconds, ≥ 0; 0 when absent. */
  offDelayMs?: number;
}

/**
 * Where one level is in its raise/clear cycle. `pending` waits out the on-delay, `clearing` the
 * off-delay; `since` is the timestamp of the first reading of the current wait. A `clearing` level
 * is still an active alarm.
 */
export type LevelPhase =
  | { readonly kind: 'normal' }
  | { readonly kind: 'pending'; readonly since: number }
  | { readonly kind: 'active' }
  | { readonly kind: 'clearing'; readonly since: number };

/** The whole state of one rule on one tag: small, immutable and JSON-serialisable (to persist). */
export interface ThresholdState {
  /** Timestamp of the last reading evaluated; null before the first. */
  readonly lastTs: number | null;
  /** The level in alarm (the most severe active one), null when normal. */
  readonly level: ThresholdLevel | null;
  readonly phases: Readonly<Record<ThresholdLevel, LevelPhase>>;
}

/** A change of the reported level; `level: null` is the return to normal. */
export interface ThresholdTransition {
  /** Timestamp of the reading that caused it (epoch ms). */
  at: number;
  level: ThresholdLevel | null;
  /** That reading's value. */
  value: number;
}

export interface ThresholdStep {
  state: ThresholdState;
  /** At most one per reading stepped; consecutive ones always differ in level. */
  transitions: ThresholdTransition[];
}

type Side = 'high' | 'low';

interface LevelDef {
  level: ThresholdLevel;
  key: 'highHigh' | 'high' | 'low' | 'lowLow';
  side: Side;
}

/** Most severe first; high and low never both stand, so HH-before-LL is only a tie-break order. */
const LEVELS: readonly LevelDef[] = [
  { level: 'HH', key: 'highHigh', side: 'high' },
  { level: 'LL', key: 'lowLow', side: 'low' },
  { level: 'H', key: 'high', side: 'high' },
  { level: 'L', key: 'low', side: 'low' },
];

const NORMAL: LevelPhase = Object.freeze({ kind: 'normal' });
const ACTIVE: LevelPhase = Object.freeze({ kind: 'active' });

function limitOf(rule: ThresholdRule, key: LevelDef['key']): number | null {
  const v = rule[key];
  return typeof v === 'number' ? v : null;
}

/**
 * What is wrong with a rule, as messages (empty when it is usable). Limits must be finite and
 * ordered LL ≤ L ≤ H ≤ HH (as the registry requires of a tag); deadband and delays finite and ≥ 0;
 * and the deadband no wider than the gap between the lowest high limit and the highest low limit,
 * else an active high alarm could still stand when the value is already low.
 */
export function thresholdRuleErrors(rule: ThresholdRule): string[] {
  const errors: string[] = [];
  const ordered: [LevelDef['key'], number][] = [];
  for (const key of ['lowLow', 'low', 'high', 'highHigh'] as const) {
    const v = rule[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      errors.push(`${key} must be a finite number`);
      continue;
    }
    const prev = ordered[ordered.length - 1];
    if (prev && v < prev[1]) errors.push(`${key} (${v}) must not be below ${prev[0]} (${prev[1]})`);
    ordered.push([key, v]);
  }
  if (ordered.length === 0 && errors.length === 0) errors.push('at least one of highHigh, high, low, lowLow is required');
  for (const key of ['deadband', 'onDelayMs', 'offDelayMs'] as const) {
    const v = rule[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) errors.push(`${key} must be a finite number ≥ 0`);
  }
  if (errors.length === 0) {
    const highs = [limitOf(rule, 'high'), limitOf(rule, 'highHigh')].filter((v): v is number => v !== null);
    const lows = [limitOf(rule, 'low'), limitOf(rule, 'lowLow')].filter((v): v is number => v !== null);
    const deadband = rule.deadband ?? 0;
    if (highs.length > 0 && lows.length > 0) {
      const gap = Math.min(...highs) - Math.max(...lows);
      if (deadband > gap) errors.push(`deadband (${deadband}) must not exceed the gap between the high and low limits (${gap})`);
    }
  }
  return errors;
}

/**
 * The level a single value is in, with no history: the most severe limit it is strictly beyond.
 * This is what the evaluator reports when deadband and delays are zero.
 */
export function levelOf(rule: ThresholdRule, value: number): ThresholdLevel | null {
  if (!Number.isFinite(value)) return null;
  for (const def of LEVELS) {
    const limit = limitOf(rule, def.key);
    if (limit !== null && beyond(def.side, value, limit)) return def.level;
  }
  return null;
}

function beyond(side: Side, value: number, limit: number): boolean {
  return side === 'high' ? value > limit : value < limit;
}

function backInside(side: Side, value: number, limit: number, deadband: number): boolean {
  return side === 'high' ? value <= limit - deadband : value >= limit + deadband;
}

/**
 * The state before any reading: every level normal. Throws a RangeError listing the problems if
 * the rule is not usable, so that a bad rule fails where it is created, not on every reading.
 */
export function thresholdState(rule: ThresholdRule): ThresholdState {
  assertRule(rule);
  return { lastTs: null, level: null, phases: { HH: NORMAL, H: NORMAL, L: NORMAL, LL: NORMAL } };
}

function assertRule(rule: ThresholdRule): void {
  const errors = thresholdRuleErrors(rule);
  if (errors.length > 0) throw new RangeError(`invalid threshold rule: ${errors.join('; ')}`);
}

/** One level's cycle for one reading. `raise`/`clear` are this reading's conditions. */
function stepPhase(phase: LevelPhase, raise: boolean, clear: boolean, ts: number, onDelayMs: number, offDelayMs: number): LevelPhase {
  switch (phase.kind) {
    case 'normal':
      if (!raise) return phase;
      // A zero on-delay raises on this very reading; otherwise the wait starts here.
      return onDelayMs <= 0 ? ACTIVE : { kind: 'pending', since: ts };
    case 'pending':
      if (!raise) return NORMAL; // the condition broke: the on-delay starts again next time
      return ts - phase.since >= onDelayMs ? ACTIVE : phase;
    case 'active':
      if (!clear) return phase;
      return offDelayMs <= 0 ? NORMAL : { kind: 'clearing', since: ts };
    case 'clearing':
      if (!clear) return ACTIVE; // back in alarm: the off-delay starts again next time
      return ts - phase.since >= offDelayMs ? NORMAL : phase;
  }
}

function standing(phase: LevelPhase): boolean {
  return phase.kind === 'active' || phase.kind === 'clearing';
}

/**
 * Evaluates one reading. Pure: the given state is not modified; the new one is returned with the
 * transition the reading caused, if any.
 *
 * Ignored (state returned unchanged, no transition): a reading whose value or timestamp is not a
 * finite number, and a reading whose timestamp is not after the last one evaluated. Late and
 * repeated readings cannot be fitted in without taking back transitions already reported, so the
 * live evaluator keeps the first value it saw for a timestamp; {@link evaluateThreshold}, which sees
 * the whole series, sorts it and keeps the last value of a repeated timestamp instead.
 *
 * The rule is assumed valid (as {@link thresholdState} checks); with an invalid one the result is
 * still deterministic, and it never throws.
 */
export function stepThreshold(rule: ThresholdRule, state: ThresholdState, point: Point): ThresholdStep {
  const { ts, value } = point;
  if (!Number.isFinite(ts) || !Number.isFinite(value)) return { state, transitions: [] };
  if (state.lastTs !== null && ts <= state.lastTs) return { state, transitions: [] };

  const deadband = rule.deadband ?? 0;
  const onDelayMs = rule.onDelayMs ?? 0;
  const offDelayMs = rule.offDelayMs ?? 0;
  const phases: Record<ThresholdLevel, LevelPhase> = { ...state.phases };
  let raisedSide: Side | null = null;
  for (const def of LEVELS) {
    const limit = limitOf(rule, def.key);
    if (limit === null) continue;
    const before = phases[def.level];
    const after = stepPhase(before, beyond(def.side, value, limit), backInside(def.side, value, limit, deadband), ts, onDelayMs, offDelayMs);
    phases[def.level] = after;
    if (!standing(before) && after.kind === 'active') raisedSide = def.side;
  }
  if (raisedSide !== null) {
    // A level of the other side may still be waiting out its off-delay: the value has crossed
    // the whole normal band, so that condition is gone and must not outrank the new one.
    for (const def of LEVELS) if (def.side !== raisedSide && standing(phases[def.level])) phases[def.level] = NORMAL;
  }

  let level: ThresholdLevel | null = null;
  for (const def of LEVELS) {
    if (standing(phases[def.level])) {
      level = def.level;
      break;
    }
  }
  const next: ThresholdState = { lastTs: ts, level, phases };
  return { state: next, transitions: level === state.level ? [] : [{ at: ts, level, value }] };
}

/**
 * Evaluates a whole series, as back-testing does: it is cleaned first ({@link cleanSeries}: sorted,
 * non-finite readings dropped, the last value of a repeated timestamp kept), so the result does not
 * depend on the order the readings are given in (up to which of two different values given for the
 * same timestamp is the last). `state` continues an earlier evaluation; by default it starts normal.
 * Throws a RangeError for an invalid rule (see {@link thresholdState}).
 */
export function evaluateThreshold(rule: ThresholdRule, points: readonly Point[], state?: ThresholdState): ThresholdStep {
  assertRule(rule);
  let current = state ?? thresholdState(rule);
  const transitions: ThresholdTransition[] = [];
  for (const point of cleanSeries(points)) {
    const step = stepThreshold(rule, current, point);
    current = step.state;
    transitions.push(...step.transitions);
  }
  return { state: current, transitions };
}
