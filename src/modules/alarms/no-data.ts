/**
 * No-data rules (`NO_DATA`): a meter or a device gone silent. Pure: no I/O, no clock.
 *
 * Semantics:
 * - Live, `tick(now)` raises once now > lastTs + silenceMs with no newer reading; the change is
 *   stamped at lastTs + silenceMs (when the silence became long enough), not at `now`, so the
 *   alarm's time does not depend on how often the runtime ticks. Before any reading a tick does
 *   nothing: the runtime seeds the evaluator with the last stored reading.
 * - In a series (a back-test, or readings that arrive in bulk), a gap between consecutive readings
 *   longer than silenceMs is an episode raised at the earlier reading + silenceMs and cleared at the
 *   later one, so back-tests see silent periods exactly as live evaluation would have.
 * - The next reading clears (stamped at its own time). A gap of exactly silenceMs is not silence,
 *   as a value at a limit is within it for threshold rules.
 * - The value of a raise is null (nothing was read); the detail carries `lastSeenAt`.
 */
import type { ConditionChange, RuleParams } from './rule-model.ts';
import type { ActiveCondition, KindCore } from './kind-core.ts';

type NoDataParams = Extract<RuleParams, { kind: 'no_data' }>;

class NoDataCore implements KindCore {
  readonly sealedUntil = -Infinity;
  condition: ActiveCondition | null = null;
  value: number | null = null;
  private lastTs: number | null = null;

  constructor(private readonly p: NoDataParams) {}

  step(ts: number, value: number, out: ConditionChange[]): void {
    if (this.condition === null && this.lastTs !== null && ts - this.lastTs > this.p.silenceMs) this.raise(out);
    this.lastTs = ts;
    this.value = value;
    if (this.condition !== null) {
      this.condition = null;
      out.push({ at: ts, active: false, value });
    }
  }

  tick(now: number, out: ConditionChange[]): void {
    // Strict, as between readings: the same silence raises live and in a back-test.
    if (this.condition === null && this.lastTs !== null && now - this.lastTs > this.p.silenceMs) this.raise(out);
  }

  private raise(out: ConditionChange[]): void {
    const lastTs = this.lastTs as number;
    const detail = { lastSeenAt: lastTs };
    this.condition = { level: 'NO_DATA', value: null, detail };
    out.push({ at: lastTs + this.p.silenceMs, active: true, level: 'NO_DATA', value: null, detail });
  }

  clone(): NoDataCore {
    const c = new NoDataCore(this.p);
    c.lastTs = this.lastTs;
    c.condition = this.condition;
    c.value = this.value;
    return c;
  }
}

export function createNoDataCore(params: NoDataParams): KindCore {
  return new NoDataCore(params);
}
