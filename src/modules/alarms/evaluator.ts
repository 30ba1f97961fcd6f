/**
 * The alarms evaluation engine: one evaluator per (rule, tag) turns the tag's readings, and the
 * passing of time, into condition changes (rule-model.ts ConditionChange) for the lifecycle.
 * Pure: no I/O and no clock; wall-clock time comes in through `tick(now)`.
 *
 * Each rule kind is a small mutable "core" (rate.ts, no-data.ts, window.ts, spc-rule.ts,
 * forecast-rule.ts, and the threshold core below, which wraps threshold.ts) that folds readings in
 * strictly increasing timestamp order. This file adds what every kind needs on top:
 *
 * - Input hygiene: NaN/±Infinity readings are dropped; a batch is cleaned (sorted, last value of a
 *   repeated timestamp wins) only when it is not already strictly increasing, so the usual batch
 *   costs no copy.
 * - Order: readings arrive late and out of order. The evaluator keeps the readings of the replay
 *   window (ts ≥ lastTs − replayMs) and a second core, the checkpoint, that has folded exactly the
 *   readings before them; a reading leaving the window is folded into the checkpoint, so the live
 *   core is always checkpoint + the window's readings (+ the latest tick). A late reading (at or
 *   before lastTs, or inside a span a tick already judged, see KindCore.sealedUntil) is inserted
 *   (a repeated timestamp replaces the stored value: last wins) and the live core is rebuilt from a
 *   clone of the checkpoint. Older readings are counted in `late` and ignored. In order, a reading
 *   costs two O(1) core steps (live, and later the checkpoint) and no copy.
 * - Late readings do not rewrite history already reported: `add` returns only the change that brings
 *   the current condition to what the reordered series says, stamped at lastTs, with the value and
 *   detail of the activation that series has standing (for a threshold, the reading that raised it).
 * - Stamps never go backwards: a change is stamped no earlier than the last change returned (a
 *   no-data raise is stamped at lastTs + silenceMs, a window at its end, both possibly after
 *   lastTs), because the lifecycle refuses a condition event older than the one before it.
 * - Ticks: the latest `now` given to tick is remembered and applied again after readings dated
 *   before it (and after a rebuild), so the condition is always what the readings plus the clock
 *   say. Backfill that ends a no-data alarm but stops short of `now` − silenceMs therefore clears
 *   it and raises it again from the newest backfilled reading: the tag did report until then.
 */
import type { ActiveCondition, KindCore } from './kind-core.ts';
import type { ConditionChange, ConditionDetail, RuleParams } from './rule-model.ts';
import { ruleParamErrors } from './rule-params.ts';
import { cleanSeries, type Point } from './series.ts';
import type { ControlLimits } from './spc.ts';
import { stepThreshold, thresholdState, type ThresholdLevel, type ThresholdState } from './threshold.ts';
import { createRateCore } from './rate.ts';
import { createNoDataCore } from './no-data.ts';
import { createWindowCore } from './window.ts';
import { createSpcCore } from './spc-rule.ts';
import { createForecastCore } from './forecast-rule.ts';

export interface EvaluatorContext {
  /** SPC: the control limits computed from the rule's baseline (spc.ts ControlLimits); required for kind 'spc', else ignored. */
  controlLimits?: ControlLimits;
}

export interface EvaluatorOptions {
  /** How far back a late reading may be and still be judged (default 1 hour); older ones are counted in `late` and ignored. */
  replayMs?: number;
}

export interface Evaluator {
  /** Feeds readings (any order; duplicates: last wins; NaN/±Infinity dropped) and returns the condition changes they caused, in time order. */
  add(points: readonly Point[]): ConditionChange[];
  /** Time has passed (wall clock `now`): changes that are due without a reading — no_data silence, a window that closed. */
  tick(now: number): ConditionChange[];
  /** The level now active (e.g. 'H'), or null when normal. */
  readonly level: string | null;
  /** Readings ignored because they were older than the replay window. */
  readonly late: number;
  /** Timestamp of the newest reading judged (null before any). */
  readonly lastTs: number | null;
}

export const DEFAULT_REPLAY_MS = 3_600_000;

function thresholdLimit(params: Extract<RuleParams, { kind: 'threshold' }>, level: ThresholdLevel): number | undefined {
  const v = { HH: params.highHigh, H: params.high, L: params.low, LL: params.lowLow }[level];
  return typeof v === 'number' ? v : undefined;
}

/** threshold.ts as a core: its state is immutable, so a clone shares it. */
class ThresholdCore implements KindCore {
  readonly sealedUntil = -Infinity;
  condition: ActiveCondition | null = null;
  value: number | null = null;
  constructor(
    private readonly params: Extract<RuleParams, { kind: 'threshold' }>,
    private state: ThresholdState,
  ) {}

  step(ts: number, value: number, out: ConditionChange[]): void {
    const r = stepThreshold(this.params, this.state, { ts, value });
    this.state = r.state;
    this.value = value;
    for (const t of r.transitions) {
      if (t.level === null) {
        this.condition = null;
        out.push({ at: t.at, active: false, value: t.value });
      } else {
        const limit = thresholdLimit(this.params, t.level);
        const detail: ConditionDetail = limit === undefined ? {} : { limit };
        this.condition = { level: t.level, value: t.value, detail };
        out.push({ at: t.at, active: true, level: t.level, value: t.value, detail });
      }
    }
  }

  tick(): void {
    // Threshold alarms move only with readings (sample and hold): silence is the no-data rule's job.
  }

  clone(): ThresholdCore {
    const c = new ThresholdCore(this.params, this.state);
    c.condition = this.condition;
    c.value = this.value;
    return c;
  }
}

/** The core of a rule kind, before any reading. Throws RangeError for unusable parameters. */
export function createCore(params: RuleParams, ctx: EvaluatorContext = {}): KindCore {
  const errors = ruleParamErrors(params);
  if (errors.length > 0) throw new RangeError(`invalid ${String(params.kind)} rule: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  switch (params.kind) {
    case 'threshold':
      return new ThresholdCore(params, thresholdState(params));
    case 'rate':
      return createRateCore(params);
    case 'no_data':
      return createNoDataCore(params);
    case 'window':
      return createWindowCore(params);
    case 'spc':
      if (ctx.controlLimits === undefined) throw new RangeError('an spc rule needs the control limits of its baseline (ctx.controlLimits)');
      return createSpcCore(params, ctx.controlLimits);
    case 'forecast':
      return createForecastCore(params);
  }
}

/** True when the points can be folded as given: finite and strictly increasing in time. */
function inOrder(points: readonly Point[]): boolean {
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (!Number.isFinite(p.ts) || !Number.isFinite(p.value)) return false;
    if (i > 0 && p.ts <= points[i - 1].ts) return false;
  }
  return true;
}

/** Drops the head of the replay buffer once this many readings have left it and they are half of it. */
const COMPACT_AT = 1024;

class RuleEvaluator implements Evaluator {
  private live: KindCore;
  private checkpoint: KindCore;
  /** The replay window's readings, ascending from `head`. */
  private bufTs: number[] = [];
  private bufV: number[] = [];
  private head = 0;
  private lastNow: number | null = null;
  private lastAt = -Infinity;
  late = 0;
  lastTs: number | null = null;

  constructor(
    core: KindCore,
    private readonly replayMs: number,
  ) {
    this.checkpoint = core;
    this.live = core.clone();
  }

  get level(): string | null {
    return this.live.condition?.level ?? null;
  }

  add(points: readonly Point[]): ConditionChange[] {
    const pts = inOrder(points) ? points : cleanSeries(points);
    const out: ConditionChange[] = [];
    let i = 0;
    if (this.lastTs !== null) {
      const lastTs = this.lastTs;
      const sealed = this.live.sealedUntil;
      let inserted = false;
      let earliest = Infinity;
      for (; i < pts.length && (pts[i].ts <= lastTs || pts[i].ts < sealed); i++) {
        const { ts, value } = pts[i];
        if (ts < lastTs - this.replayMs) {
          this.late += 1;
          continue;
        }
        this.insert(ts, value);
        inserted = true;
        earliest = Math.min(earliest, ts);
      }
      if (inserted) this.rebuild(earliest, out);
    }
    const folded = i < pts.length;
    for (; i < pts.length; i++) this.fold(pts[i].ts, pts[i].value, out);
    // Readings dated before the latest tick: what that tick judged must be judged again after them,
    // as a rebuild would (see the header).
    if (folded && this.lastNow !== null && this.lastNow > (pts[i - 1]?.ts ?? Infinity)) this.live.tick(this.lastNow, out);
    this.evict();
    return this.stamp(out);
  }

  tick(now: number): ConditionChange[] {
    if (!Number.isFinite(now)) return [];
    if (this.lastNow === null || now > this.lastNow) this.lastNow = now;
    const out: ConditionChange[] = [];
    this.live.tick(now, out);
    return this.stamp(out);
  }

  private stamp(out: ConditionChange[]): ConditionChange[] {
    for (const c of out) {
      if (c.at < this.lastAt) c.at = this.lastAt;
      this.lastAt = c.at;
    }
    return out;
  }

  private fold(ts: number, value: number, out: ConditionChange[]): void {
    this.bufTs.push(ts);
    this.bufV.push(value);
    this.lastTs = ts;
    this.live.step(ts, value, out);
  }

  /** Folds the readings that left the replay window into the checkpoint. */
  private evict(): void {
    if (this.lastTs === null) return;
    const bound = this.lastTs - this.replayMs;
    const sink: ConditionChange[] = [];
    while (this.head < this.bufTs.length && this.bufTs[this.head] < bound) {
      this.checkpoint.step(this.bufTs[this.head], this.bufV[this.head], sink);
      this.head += 1;
      sink.length = 0;
    }
    if (this.head >= COMPACT_AT && this.head * 2 >= this.bufTs.length) {
      this.bufTs.splice(0, this.head);
      this.bufV.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Puts a late reading in its place in the buffer; a repeated timestamp replaces the value. */
  private insert(ts: number, value: number): void {
    let lo = this.head;
    let hi = this.bufTs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.bufTs[mid] < ts) lo = mid + 1;
      else hi = mid;
    }
    if (lo < this.bufTs.length && this.bufTs[lo] === ts) this.bufV[lo] = value;
    else {
      this.bufTs.splice(lo, 0, ts);
      this.bufV.splice(lo, 0, value);
    }
    const last = this.bufTs[this.bufTs.length - 1];
    if (this.lastTs === null || last > this.lastTs) this.lastTs = last;
  }

  /** Rebuilds the live core from the checkpoint and reports only the change of the current condition. */
  private rebuild(earliest: number, out: ConditionChange[]): void {
    const before = this.live.condition;
    this.checkpoint.invalidateFrom?.(earliest);
    const core = this.checkpoint.clone();
    const sink: ConditionChange[] = [];
    for (let j = this.head; j < this.bufTs.length; j++) core.step(this.bufTs[j], this.bufV[j], sink);
    if (this.lastNow !== null) core.tick(this.lastNow, sink);
    this.live = core;
    const after = core.condition;
    if ((before?.level ?? null) === (after?.level ?? null)) return;
    const at = this.lastTs as number;
    if (after === null) {
      out.push({ at, active: false, value: core.value });
    }
    else out.push({ at, active: true, level: after.level, value: after.value, detail: after.detail });
  }
}

export function createEvaluator(params: RuleParams, ctx?: EvaluatorContext, opts?: EvaluatorOptions): Evaluator {
  const replayMs = opts?.replayMs ?? DEFAULT_REPLAY_MS;
  if (!(replayMs >= 0)) throw new RangeError(`replayMs must be ≥ 0, got ${replayMs}`);
  return new RuleEvaluator(createCore(params, ctx), replayMs);
}
