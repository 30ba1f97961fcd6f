/**
 * Rate-of-change rules (`ROC_UP`, `ROC_DOWN`): a tank level rising faster than it should.
 * Pure: no I/O, no clock; readings are folded in increasing time order (evaluator.ts sorts them).
 *
 * Semantics:
 * - The change at a reading (ts, v) is v − v(ts − windowMs). The earlier value is interpolated
 *   linearly between the two readings around t0 = ts − windowMs (exactly the reading at t0 if there
 *   is one), so the change does not depend on how the device's sampling falls against the window.
 * - Not judged before the series spans the window: until a reading at or before t0 has been seen
 *   nothing is raised (a rule created a minute ago cannot know the rise over the last hour).
 * - Gaps: when the readings around t0 are further apart than the window itself, interpolating
 *   across the silence would invent a straight line through it, so the change is measured from the
 *   oldest reading inside the window instead. The span is then shorter than the window, which can
 *   only understate a rate, never invent one. The detail's `windowStart` says where the change was
 *   measured from (t0, or that reading's time) and `windowEnd` the reading's time.
 * - Raise `ROC_UP` when the rise is strictly greater than maxRise, `ROC_DOWN` when the fall is
 *   strictly greater than maxFall; clear as soon as the change is back within (no deadband: the
 *   window itself smooths). A rise and a fall cannot both exceed their limits, so at most one stands.
 * - State: the readings from the one at or before t0 onward, kept in two number arrays with a head
 *   index (amortised O(1) per reading, no copy); a clone copies them (late readings only).
 */
import type { ConditionChange, ConditionDetail, RuleParams } from './rule-model.ts';
import type { ActiveCondition, KindCore } from './kind-core.ts';

type RateParams = Extract<RuleParams, { kind: 'rate' }>;

const COMPACT_AT = 256;

/** The change over the window ending at the newest reading, with where it was measured from. */
export interface RateChange {
  change: number;
  fromTs: number;
}

class RateCore implements KindCore {
  readonly sealedUntil = -Infinity;
  condition: ActiveCondition | null = null;
  value: number | null = null;
  private ts: number[] = [];
  private v: number[] = [];
  private head = 0;
  private spanned = false;

  constructor(private readonly p: RateParams) {}

  step(ts: number, value: number, out: ConditionChange[]): void {
    this.ts.push(ts);
    this.v.push(value);
    this.value = value;
    const t0 = ts - this.p.windowMs;
    // Keep exactly one reading at or before t0: the newest such one.
    while (this.head + 1 < this.ts.length && this.ts[this.head + 1] <= t0) this.head += 1;
    if (this.ts[this.head] <= t0) this.spanned = true;
    if (this.head >= COMPACT_AT && this.head * 2 >= this.ts.length) {
      this.ts.splice(0, this.head);
      this.v.splice(0, this.head);
      this.head = 0;
    }
    if (!this.spanned) return;
    const m = this.measure(t0);
    const { maxRise, maxFall } = this.p;
    let level: 'ROC_UP' | 'ROC_DOWN' | null = null;
    if (maxRise !== null && m.change > maxRise) level = 'ROC_UP';
    else if (maxFall !== null && -m.change > maxFall) level = 'ROC_DOWN';
    if (level === (this.condition?.level ?? null)) return;
    if (level === null) {
      this.condition = null;
      out.push({ at: ts, active: false, value });
      return;
    }
    const detail: ConditionDetail = {
      change: m.change,
      limit: level === 'ROC_UP' ? (maxRise as number) : (maxFall as number),
      windowStart: m.fromTs,
      windowEnd: ts,
    };
    this.condition = { level, value, detail };
    out.push({ at: ts, active: true, level, value, detail });
  }

  /** The change at the newest reading; `head` is the newest reading at or before t0. */
  private measure(t0: number): RateChange {
    const n = this.ts.length;
    const now = this.v[n - 1];
    const a = this.head;
    if (this.ts[a] === t0) return { change: now - this.v[a], fromTs: t0 };
    // windowMs > 0, so the newest reading is after t0 and b exists.
    const b = a + 1;
    const gap = this.ts[b] - this.ts[a];
    if (gap > this.p.windowMs) return { change: now - this.v[b], fromTs: this.ts[b] };
    const base = this.v[a] + ((this.v[b] - this.v[a]) * (t0 - this.ts[a])) / gap;
    return { change: now - base, fromTs: t0 };
  }

  tick(): void {
    // A rate needs a new reading to change; silence is the no-data rule's job.
  }

  clone(): RateCore {
    const c = new RateCore(this.p);
    c.ts = this.ts.slice(this.head);
    c.v = this.v.slice(this.head);
    c.spanned = this.spanned;
    c.condition = this.condition;
    c.value = this.value;
    return c;
  }
}

export function createRateCore(params: RateParams): KindCore {
  return new RateCore(params);
}
