/**
 * HiGHS (WASM), loaded once per process. A solve is synchronous and blocks the event loop, so a
 * time limit bounds what a pathological instance can cost. The allocation is always feasible
 * (nothing moves) and bounded (every column has an upper bound): any status but Optimal is a bug
 * in the model or the solver, never the user's input, and is thrown as such.
 */
import highsModule, { type Highs, type InitOptions } from 'highs';

// The package's types are CommonJS-shaped (the loader as `default` of the module) while ESM
// resolution loads highs.mjs, whose default export is the loader itself.
const highsLoader = highsModule as unknown as (options?: InitOptions) => Promise<Highs>;
let loading: Promise<Highs> | null = null;

export function loadHighs(): Promise<Highs> {
  if (loading) return loading;
  const started = highsLoader();
  loading = started;
  // A failed load must not be cached for the life of the process.
  started.catch(() => (loading = null));
  return started;
}

export interface LpSolution {
  status: string;
  objective: number;
  /** Primal value by column name. */
  values: Map<string, number>;
  ms: number;
}

export const SOLVE_TIME_LIMIT_S = 30;
const ACCEPTED_STATUSES = new Set(['Optimal', 'Time limit reached']);
export const MIP_ABS_GAP_CNY = 0.01;
/**
 * HiGHS's own default relative gap: a plan is proven within 0.01 % of the best possible one. Closing
 * the gap fully took seconds per component on a park-sized instance (8 s against 0.14 s on one of
 * 7,000 candidates) for a difference far inside the uncertainty of the prices it optimizes.
 */
export const MIP_REL_GAP = 1e-4;

export async function solveLp(text: string, timeLimitS = SOLVE_TIME_LIMIT_S): Promise<LpSolution> {
  const highs = await loadHighs();
  const started = performance.now();
  const result = highs.solve(text, {
    output_flag: false,
    presolve: 'on',
    time_limit: timeLimitS,
    mip_rel_gap: MIP_REL_GAP,
    mip_abs_gap: MIP_ABS_GAP_CNY,
  });
  const ms = performance.now() - started;
  // A solve stopped by the time limit still carries its best allocation so far: the plan uses it
  // (it says so in its status) rather than failing; the caller keeps greedy's if that is better.
  if (!ACCEPTED_STATUSES.has(result.Status)) throw new Error(`HiGHS ended with status '${result.Status}' on an allocation that is always feasible and bounded`);
  const values = new Map<string, number>();
  for (const [name, column] of Object.entries(result.Columns)) values.set(name, (column as { Primal: number }).Primal);
  return { status: result.Status, objective: result.ObjectiveValue, values, ms };
}
