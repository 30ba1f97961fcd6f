/**
 * Sparse LDLᵀ factorization of a symmetric positive semi-definite matrix, in the shape of Tim
 * Davis's LDL (and CSparse): the elimination tree and the column counts of L from the pattern
 * (symbolic), then an up-looking numeric factorization that computes one row of L at a time by a
 * sparse triangular solve over that row's elimination-tree reach. L is unit lower triangular,
 * stored by columns with row indices ascending.
 *
 * A row whose pivot falls below `dropTolerance` times its own diagonal is linearly dependent on the
 * rows before it: it is dropped (row and column), i.e. the factor is that of the matrix without it,
 * and solves give it a zero multiplier. Judging each pivot against its own diagonal, not the
 * largest one, makes the test independent of how each row happens to be scaled. Pure.
 */

/** A symmetric matrix in compressed-column form holding both triangles (or at least the upper one). */
export interface SymmetricCsc {
  n: number;
  colPtr: Int32Array;
  rowIdx: Int32Array;
  values: Float64Array;
}

export interface LdlFactor {
  n: number;
  /** Elimination tree: parent of each column, −1 at a root. */
  parent: Int32Array;
  colPtr: Int32Array;
  /** Entries used in each column (columns of dropped rows stay empty). */
  colCount: Int32Array;
  rowIdx: Int32Array;
  values: Float64Array;
  d: Float64Array;
  dropped: Uint8Array;
  /** How many rows were kept: the rank. */
  rank: number;
}

/** Elimination tree and the column pointers of L (Davis's ldl_symbolic). */
function symbolic(a: SymmetricCsc): { parent: Int32Array; colPtr: Int32Array } {
  const { n, colPtr: ap, rowIdx: ai } = a;
  const parent = new Int32Array(n).fill(-1);
  const flag = new Int32Array(n);
  const lnz = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    flag[k] = k;
    for (let p = ap[k]; p < ap[k + 1]; p++) {
      // Walk from each i < k of column k up the tree to a marked node: those are row k's nonzeros.
      for (let i = ai[p]; i < k && flag[i] !== k; i = parent[i]) {
        if (parent[i] === -1) parent[i] = k;
        lnz[i]++;
        flag[i] = k;
      }
    }
  }
  const lp = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) lp[k + 1] = lp[k] + lnz[k];
  return { parent, colPtr: lp };
}

export function factorLdl(a: SymmetricCsc, dropTolerance: number): LdlFactor {
  const { n, colPtr: ap, rowIdx: ai, values: ax } = a;
  const { parent, colPtr: lp } = symbolic(a);
  const li = new Int32Array(lp[n]);
  const lx = new Float64Array(lp[n]);
  const lnz = new Int32Array(n);
  const d = new Float64Array(n);
  const dropped = new Uint8Array(n);
  const y = new Float64Array(n);
  const flag = new Int32Array(n);
  const pattern = new Int32Array(n);
  const rowCols = new Int32Array(n);
  const rowVals = new Float64Array(n);
  let rank = 0;
  for (let k = 0; k < n; k++) {
    // Scatter column k's upper part into y and find row k's pattern in topological order.
    y[k] = 0;
    let top = n;
    flag[k] = k;
    let diagonal = 0;
    for (let p = ap[k]; p < ap[k + 1]; p++) {
      let i = ai[p];
      if (i > k) continue;
      y[i] += ax[p];
      if (i === k) diagonal += ax[p];
      let len = 0;
      for (; flag[i] !== k; i = parent[i]) {
        pattern[len++] = i;
        flag[i] = k;
      }
      while (len > 0) pattern[--top] = pattern[--len];
    }
    let dk = y[k];
    y[k] = 0;
    let count = 0;
    for (; top < n; top++) {
      const i = pattern[top];
      const yi = y[i];
      y[i] = 0;
      if (dropped[i]) continue;
      const end = lp[i] + lnz[i];
      for (let p = lp[i]; p < end; p++) y[li[p]] -= lx[p] * yi;
      const lki = yi / d[i];
      dk -= lki * yi;
      rowCols[count] = i;
      rowVals[count++] = lki;
    }
    if (!(dk > dropTolerance * diagonal) || !(diagonal > 0)) {
      dropped[k] = 1;
      d[k] = 0;
      continue;
    }
    d[k] = dk;
    rank++;
    for (let c = 0; c < count; c++) {
      const i = rowCols[c];
      const p = lp[i] + lnz[i]++;
      li[p] = k;
      lx[p] = rowVals[c];
    }
  }
  return { n, parent, colPtr: lp, colCount: lnz, rowIdx: li, values: lx, d, dropped, rank };
}

/** Solves (L D Lᵀ) x = b in place on the kept rows; dropped rows get 0. */
export function solveLdl(f: LdlFactor, b: Float64Array): void {
  const { n, colPtr: lp, colCount: lnz, rowIdx: li, values: lx, d, dropped } = f;
  for (let j = 0; j < n; j++) {
    const bj = b[j];
    for (let p = lp[j], end = lp[j] + lnz[j]; p < end; p++) b[li[p]] -= lx[p] * bj;
  }
  for (let j = 0; j < n; j++) b[j] = dropped[j] ? 0 : b[j] / d[j];
  for (let j = n - 1; j >= 0; j--) {
    let bj = b[j];
    for (let p = lp[j], end = lp[j] + lnz[j]; p < end; p++) bj -= lx[p] * b[li[p]];
    b[j] = bj;
  }
}

/**
 * wᵀ M⁻¹ w for a sparse w (`rows`, `coefs`, in the factor's order) = Σ y_k² / d_k with y = L⁻¹ w.
 * y is nonzero only on the elimination-tree paths from w's rows to the root, so the cost is that
 * reach, not n.
 */
export function inverseQuadraticForm(f: LdlFactor, rows: ArrayLike<number>, coefs: ArrayLike<number>, work: SparseWork): number {
  const { parent, colPtr: lp, colCount: lnz, rowIdx: li, values: lx, d, dropped } = f;
  const { y, mark } = work;
  const reach: number[] = [];
  work.stamp++;
  for (let t = 0; t < rows.length; t++) {
    for (let i = rows[t]; i !== -1 && mark[i] !== work.stamp; i = parent[i]) {
      mark[i] = work.stamp;
      reach.push(i);
    }
    y[rows[t]] += coefs[t];
  }
  // A parent's index is larger than its children's: ascending order is a topological order.
  reach.sort((p, q) => p - q);
  let sum = 0;
  for (const j of reach) {
    const yj = y[j];
    y[j] = 0;
    if (dropped[j] || yj === 0) continue;
    for (let p = lp[j], end = lp[j] + lnz[j]; p < end; p++) y[li[p]] -= lx[p] * yj;
    sum += (yj * yj) / d[j];
  }
  return sum;
}

/** Scratch space for `inverseQuadraticForm`, reused across calls. */
export interface SparseWork {
  y: Float64Array;
  mark: Int32Array;
  stamp: number;
}

export const sparseWork = (n: number): SparseWork => ({ y: new Float64Array(n), mark: new Int32Array(n), stamp: 0 });

/**
 * The selected inverse (Takahashi's recurrence): the entries of M⁻¹ on the pattern of L and the
 * diagonal, from the last column back. For column j with below-diagonal rows S,
 *   Z(i,j) = −Σ_{k∈S} Z(i,k)·L(k,j)  (i ∈ S),    Z(j,j) = 1/d_j − Σ_{k∈S} L(k,j)·Z(k,j);
 * every Z(i,k) needed has i, k ∈ S, which the pattern of a Cholesky factor always holds (its graph
 * is chordal), so nothing outside the pattern is ever computed. Dropped rows read as zero.
 */
export interface SelectedInverse {
  diagonal: Float64Array;
  /** Aligned with the factor's `rowIdx`/`values`: Z(rowIdx[p], column of p). */
  offDiagonal: Float64Array;
  /** Z(i, j) for any i, j whose entry is on the pattern (or the diagonal); 0 for dropped rows. */
  at(i: number, j: number): number;
}

export function selectedInverse(f: LdlFactor): SelectedInverse {
  const { n, colPtr: lp, colCount: lnz, rowIdx: li, values: lx, d, dropped } = f;
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(li.length);
  const find = (i: number, j: number): number => {
    // Z(i, j) with i > j: binary search row i in column j.
    let lo = lp[j];
    let hi = lp[j] + lnz[j] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = li[mid];
      if (r === i) return offDiagonal[mid];
      if (r < i) lo = mid + 1;
      else hi = mid - 1;
    }
    if (dropped[i] || dropped[j]) return 0;
    throw new Error(`selected inverse: (${i}, ${j}) is not on the factor's pattern`);
  };
  const at = (i: number, j: number): number => (i === j ? diagonal[i] : i > j ? find(i, j) : find(j, i));
  for (let j = n - 1; j >= 0; j--) {
    if (dropped[j]) continue;
    const start = lp[j];
    const end = start + lnz[j];
    for (let p = start; p < end; p++) {
      const i = li[p];
      let s = 0;
      for (let q = start; q < end; q++) s -= at(i, li[q]) * lx[q];
      offDiagonal[p] = s;
    }
    let s = 1 / d[j];
    for (let p = start; p < end; p++) s -= lx[p] * offDiagonal[p];
    diagonal[j] = s;
  }
  return { diagonal, offDiagonal, at };
}
