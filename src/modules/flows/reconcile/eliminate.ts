/**
 * Steps 1 and 2 of the reconciliation: exact variables become constants, and the unmeasured
 * variables are eliminated from the balances by sparse Gaussian elimination on their columns.
 *
 * Each unmeasured variable (fewest rows first) takes one row holding it as its pivot row, chosen
 * Markowitz-style: among the rows whose coefficient is within a factor 10 of the column's largest
 * (threshold pivoting, for stability), the one with fewest nonzeros (least fill). It is eliminated
 * from every other row, and its pivot row is set aside: the remaining rows are the balances the
 * measurements alone must satisfy. A variable left with no row is free (undeterminable); a pivoted
 * one is determined iff its back-substituted expression has no free variable in it. For a flow
 * network this is STAN's merging of the nodes joined by unmeasured flows. Pure.
 */
import { MinHeap } from './heap.ts';

/** A balance during elimination: Σ terms = constant, over measured and unmeasured variables. */
export interface ReducedRow {
  terms: Map<number, number>;
  constant: number;
  /** The original constraints combined into this row (indices). */
  origins: number[];
  /** Whether this row ever held an unmeasured variable (its residual has no meaning then). */
  touched: boolean;
}

export interface Elimination {
  /** The rows left: measured variables only, plus constants. */
  rows: ReducedRow[];
  /** Pivot rows in pivot order: `variable` was solved from `row`. */
  pivots: { variable: number; row: ReducedRow }[];
  /** Unmeasured variables that no row determined. */
  free: number[];
}

/**
 * Relative size below which a coefficient produced by cancellation is taken as exactly zero: the
 * rounding error of subtracting numbers of that size.
 */
export const CANCELLATION = 1e-12;
/** A pivot must be at least this fraction of its column's largest coefficient. */
const PIVOT_THRESHOLD = 0.1;

/** `target -= factor · source` on the terms, dropping what cancels; reports the terms added and removed. */
function subtractScaled(target: Map<number, number>, source: Map<number, number>, factor: number, skip: number, changed: (v: number, present: boolean) => void): void {
  for (const [v, a] of source) {
    if (v === skip) continue;
    const delta = factor * a;
    const old = target.get(v);
    if (old === undefined) {
      target.set(v, -delta);
      changed(v, true);
      continue;
    }
    const next = old - delta;
    if (Math.abs(next) <= CANCELLATION * Math.max(Math.abs(old), Math.abs(delta))) {
      target.delete(v);
      changed(v, false);
    } else target.set(v, next);
  }
}

export function eliminateUnmeasured(rows: ReducedRow[], unmeasured: readonly number[], isUnmeasured: (v: number) => boolean): Elimination {
  const rowsOf = new Map<number, Set<ReducedRow>>();
  for (const v of unmeasured) rowsOf.set(v, new Set());
  for (const row of rows)
    for (const v of row.terms.keys())
      if (isUnmeasured(v)) {
        rowsOf.get(v)!.add(row);
        row.touched = true;
      }
  const heap = new MinHeap();
  for (const v of unmeasured) heap.push(rowsOf.get(v)!.size, v);
  const done = new Set<number>();
  const pivots: Elimination['pivots'] = [];
  const pivotRows = new Set<ReducedRow>();
  const free: number[] = [];
  const onChange = (row: ReducedRow) => (v: number, present: boolean) => {
    if (!isUnmeasured(v) || done.has(v)) return;
    const set = rowsOf.get(v)!;
    if (present) set.add(row);
    else set.delete(row);
    heap.push(set.size, v);
  };

  while (heap.size) {
    const [count, v] = heap.pop()!;
    if (done.has(v) || count !== rowsOf.get(v)!.size) continue;
    done.add(v);
    const candidates = rowsOf.get(v)!;
    if (!candidates.size) {
      free.push(v);
      continue;
    }
    const pivot = choosePivot(candidates, v);
    const a = pivot.terms.get(v)!;
    pivots.push({ variable: v, row: pivot });
    pivotRows.add(pivot);
    for (const u of pivot.terms.keys()) if (u !== v && isUnmeasured(u) && !done.has(u)) rowsOf.get(u)!.delete(pivot);
    for (const row of candidates) {
      if (row === pivot) continue;
      const factor = row.terms.get(v)! / a;
      row.terms.delete(v);
      subtractScaled(row.terms, pivot.terms, factor, v, onChange(row));
      row.constant -= factor * pivot.constant;
      row.origins.push(...pivot.origins);
    }
    rowsOf.delete(v);
    for (const u of pivot.terms.keys()) if (u !== v && rowsOf.has(u)) heap.push(rowsOf.get(u)!.size, u);
  }
  return { rows: rows.filter((r) => !pivotRows.has(r)), pivots, free };
}

function choosePivot(candidates: Set<ReducedRow>, v: number): ReducedRow {
  let largest = 0;
  for (const row of candidates) largest = Math.max(largest, Math.abs(row.terms.get(v)!));
  let best: ReducedRow | undefined;
  for (const row of candidates) {
    if (Math.abs(row.terms.get(v)!) < PIVOT_THRESHOLD * largest) continue;
    if (!best || row.terms.size < best.terms.size) best = row;
  }
  return best!;
}

/**
 * Each pivoted variable as a linear combination of the variables that were not pivoted (measured
 * and free), built in reverse pivot order: a pivot row holds, besides its own variable, only
 * measured variables and unmeasured ones pivoted after it, whose expressions are then known.
 * Coefficients that cancel (relative to their parts) are dropped, so "has a free variable" is
 * decided on the exact expression, not on whether a free variable was touched on the way.
 */
export function pivotExpressions(pivots: Elimination['pivots']): Map<number, Map<number, number>> {
  const expressions = new Map<number, Map<number, number>>();
  for (let k = pivots.length - 1; k >= 0; k--) {
    const { variable, row } = pivots[k];
    const a = row.terms.get(variable)!;
    const out = new Map<number, number>();
    const add = (u: number, c: number) => {
      const old = out.get(u);
      if (old === undefined) return void out.set(u, c);
      const next = old + c;
      if (Math.abs(next) <= CANCELLATION * Math.max(Math.abs(old), Math.abs(c))) out.delete(u);
      else out.set(u, next);
    };
    for (const [u, coef] of row.terms) {
      if (u === variable) continue;
      const factor = -coef / a;
      const sub = expressions.get(u);
      if (sub) for (const [w, c] of sub) add(w, factor * c);
      else add(u, factor);
    }
    expressions.set(variable, out);
  }
  return expressions;
}
