/**
 * Step 3's matrix: M = A·Q·Aᵀ over the balances left after elimination (A: their coefficients on
 * the measured variables, Q = diag(sd²)), assembled sparse, ordered by minimum degree and laid out
 * for the factorization. Pure.
 */
import type { SymmetricCsc } from './cholesky.ts';
import { minimumDegreeOrder } from './ordering.ts';

/** A's columns: for each measured variable, the rows holding it and their coefficients. */
export interface Columns {
  rows: Map<number, number[]>;
  coefs: Map<number, number[]>;
}

export function columnsOf(rows: ReadonlyArray<{ terms: ReadonlyMap<number, number> }>): Columns {
  const byVar: Columns = { rows: new Map(), coefs: new Map() };
  rows.forEach((row, r) => {
    for (const [v, a] of row.terms) {
      let list = byVar.rows.get(v);
      if (!list) {
        byVar.rows.set(v, (list = []));
        byVar.coefs.set(v, []);
      }
      list.push(r);
      byVar.coefs.get(v)!.push(a);
    }
  });
  return byVar;
}

export interface NormalMatrix {
  /** The permuted matrix, ready to factor. */
  matrix: SymmetricCsc;
  /** position[row] = the row's index in the permuted matrix. */
  position: Int32Array;
  /** M's diagonal, by original row. */
  diagonal: Float64Array;
}

export function normalMatrix(rowCount: number, columns: Columns, variance: (v: number) => number, maxWork = Infinity): NormalMatrix {
  const entries: Map<number, number>[] = Array.from({ length: rowCount }, () => new Map());
  for (const [v, rows] of columns.rows) {
    const coefs = columns.coefs.get(v)!;
    const q = variance(v);
    for (let i = 0; i < rows.length; i++) {
      const row = entries[rows[i]];
      const qa = q * coefs[i];
      for (let j = 0; j < rows.length; j++) row.set(rows[j], (row.get(rows[j]) ?? 0) + qa * coefs[j]);
    }
  }
  const order = minimumDegreeOrder(entries.map((row) => Array.from(row.keys())), maxWork);
  const position = new Int32Array(rowCount);
  order.forEach((row, k) => (position[row] = k));
  const colPtr = new Int32Array(rowCount + 1);
  for (let k = 0; k < rowCount; k++) colPtr[k + 1] = colPtr[k] + entries[order[k]].size;
  const rowIdx = new Int32Array(colPtr[rowCount]);
  const values = new Float64Array(colPtr[rowCount]);
  const diagonal = new Float64Array(rowCount);
  for (let k = 0; k < rowCount; k++) {
    let p = colPtr[k];
    for (const [s, value] of entries[order[k]]) {
      rowIdx[p] = position[s];
      values[p++] = value;
    }
    diagonal[order[k]] = entries[order[k]].get(order[k]) ?? 0;
  }
  return { matrix: { n: rowCount, colPtr, rowIdx, values }, position, diagonal };
}
