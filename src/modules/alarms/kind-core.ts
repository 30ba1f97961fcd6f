/**
 * What every rule kind's evaluation core is (rate.ts, no-data.ts, window.ts, spc-rule.ts,
 * forecast-rule.ts, and evaluator.ts's threshold core), apart from the evaluator that drives them,
 * so the kinds do not import the evaluator that imports them.
 */
import type { ConditionChange, ConditionDetail } from './rule-model.ts';

/** The condition a core is in, when active. */
export interface ActiveCondition {
  level: string;
  value: number | null;
  detail: ConditionDetail;
}

/**
 * One rule kind's evaluation state, folded in strictly increasing timestamp order. Cores report
 * a change only when their level changes (to another level or to normal).
 */
export interface KindCore {
  /** Folds a reading later than every reading folded before and not before `sealedUntil`. */
  step(ts: number, value: number, out: ConditionChange[]): void;
  /** Wall-clock time has reached `now`; a `now` before the last reading does nothing. */
  tick(now: number, out: ConditionChange[]): void;
  /** The active condition, or null when normal. */
  readonly condition: ActiveCondition | null;
  /** The reading or aggregate the current condition (active or normal) was last judged on; null before any. */
  readonly value: number | null;
  /**
   * Readings before this time can no longer be folded in order even when after the last reading,
   * because a tick already judged the span they fall in (a closed window); -Infinity for most kinds.
   */
  readonly sealedUntil: number;
  /** An independent copy (the checkpoint is cloned to rebuild the live core after a late reading). */
  clone(): KindCore;
  /** Results cached for readings at or after `ts` are stale (a late reading arrived there). */
  invalidateFrom?(ts: number): void;
}
