/**
 * The textbook dense solve of the same reconciliation, for the benchmark's baseline and as the
 * tests' independent reference: unmeasured variables eliminated by Gauss–Jordan with partial
 * pivoting on full matrices, then the normal equations M = A·Q·Aᵀ formed, factored and inverted as
 * full matrices, and the covariance diagonal diag(Q − Q·Aᵀ·M⁻¹·A·Q) with the computed variables'
 * variances from the same inverse. O(m²n) time and O(mn) memory: fine for a few hundred balances,
 * the reason the main path is sparse. Determinable, consistent problems only. Pure.
 */
import { kindOf } from './problem.ts';
import type { LinearProblem } from './types.ts';

export interface DenseAnswer {
  values: number[];
  sds: number[];
  chiSquare: number;
  dof: number;
}

const TINY = 1e-12;

export function denseReconcile(problem: LinearProblem, dependentRow = 1e-11): DenseAnswer {
  const { variables, constraints } = problem;
  const kinds = variables.map(kindOf);
  const measured = kinds.flatMap((k, v) => (k === 'measured' ? [v] : []));
  const unmeasured = kinds.flatMap((k, v) => (k === 'unmeasured' ? [v] : []));
  const nm = measured.length;
  const nu = unmeasured.length;
  const colOf = new Map<number, number>();
  unmeasured.forEach((v, i) => colOf.set(v, i));
  measured.forEach((v, i) => colOf.set(v, nu + i));
  // [unmeasured | measured | constant], one row per balance.
  const width = nu + nm + 1;
  const rows = constraints.map((c) => {
    const row = new Float64Array(width);
    row[width - 1] = c.constant ?? 0;
    for (const [v, coef] of c.terms) {
      if (kinds[v] === 'exact') row[width - 1] -= coef * variables[v].value!;
      else row[colOf.get(v)!] += coef;
    }
    return row;
  });
  // Gauss–Jordan on the unmeasured columns.
  let rank = 0;
  const pivotRowOf = new Int32Array(nu).fill(-1);
  for (let col = 0; col < nu && rank < rows.length; col++) {
    let best = rank;
    for (let r = rank + 1; r < rows.length; r++) if (Math.abs(rows[r][col]) > Math.abs(rows[best][col])) best = r;
    if (Math.abs(rows[best][col]) <= TINY) continue;
    [rows[rank], rows[best]] = [rows[best], rows[rank]];
    const pivot = rows[rank];
    const inv = 1 / pivot[col];
    for (let k = 0; k < width; k++) pivot[k] *= inv;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank || rows[r][col] === 0) continue;
      const f = rows[r][col];
      const row = rows[r];
      for (let k = 0; k < width; k++) row[k] -= f * pivot[k];
    }
    pivotRowOf[col] = rank++;
  }
  if (pivotRowOf.some((r) => r < 0)) throw new Error('dense reference: undeterminable');
  const reduced = rows.slice(rank);
  const m = reduced.length;
  const q = measured.map((v) => variables[v].sd ** 2);
  const xTilde = measured.map((v) => variables[v].value!);
  // M = A Q Aᵀ, full.
  const a = reduced.map((row) => row.subarray(nu, nu + nm));
  const mat = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 0; i < m; i++)
    for (let j = i; j < m; j++) {
      let s = 0;
      const ai = a[i];
      const aj = a[j];
      for (let k = 0; k < nm; k++) s += ai[k] * q[k] * aj[k];
      mat[i][j] = mat[j][i] = s;
    }
  const inverse = denseInverse(mat, dependentRow);
  const r = reduced.map((row, i) => {
    let s = -row[width - 1];
    for (let k = 0; k < nm; k++) s += a[i][k] * xTilde[k];
    return s;
  });
  const lambda = inverse.matrix.map((row) => row.reduce((s, x, j) => s + x * r[j], 0));
  const chiSquare = r.reduce((s, x, i) => s + x * lambda[i], 0);
  // B = M⁻¹ A Q (m × nm): the covariance of the adjustments is (A Q)ᵀ B.
  const aq = a.map((row) => row.map((x, k) => x * q[k]));
  const b = inverse.matrix.map((row) => {
    const out = new Float64Array(nm);
    for (let j = 0; j < m; j++) if (row[j] !== 0) for (let k = 0; k < nm; k++) out[k] += row[j] * aq[j][k];
    return out;
  });
  const values = variables.map((v) => v.value ?? 0);
  const sds = variables.map((v) => (v.value === null ? 0 : v.sd));
  const adjusted = new Float64Array(nm);
  for (let k = 0; k < nm; k++) {
    let adj = 0;
    let varAdj = 0;
    for (let i = 0; i < m; i++) {
      adj += aq[i][k] * lambda[i];
      varAdj += aq[i][k] * b[i][k];
    }
    adjusted[k] = xTilde[k] - adj;
    values[measured[k]] = adjusted[k];
    sds[measured[k]] = Math.sqrt(Math.max(0, q[k] - varAdj));
  }
  // Computed: x_u = c − Σ a_uk x_k over the pivot row; var = gQgᵀ − (AQgᵀ)ᵀ M⁻¹ (AQgᵀ), g = −a_u.
  for (let col = 0; col < nu; col++) {
    const row = rows[pivotRowOf[col]];
    let value = row[width - 1];
    let gqg = 0;
    const w = new Float64Array(m);
    for (let k = 0; k < nm; k++) {
      const g = -row[nu + k];
      if (g === 0) continue;
      value += g * adjusted[k];
      gqg += g * g * q[k];
      for (let i = 0; i < m; i++) w[i] += aq[i][k] * g;
    }
    let explained = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) explained += w[i] * inverse.matrix[i][j] * w[j];
    values[unmeasured[col]] = value;
    sds[unmeasured[col]] = Math.sqrt(Math.max(0, gqg - explained));
  }
  return { values, sds, chiSquare, dof: inverse.rank };
}

/** The inverse of a symmetric positive semi-definite matrix over its independent rows (dependent ones: zero rows and columns), by dense LDLᵀ. */
function denseInverse(mat: Float64Array[], dependentRow: number): { matrix: Float64Array[]; rank: number } {
  const m = mat.length;
  const l = Array.from({ length: m }, () => new Float64Array(m));
  const d = new Float64Array(m);
  const kept = new Uint8Array(m);
  let rank = 0;
  for (let j = 0; j < m; j++) {
    let dj = mat[j][j];
    for (let k = 0; k < j; k++) if (kept[k]) dj -= l[j][k] * l[j][k] * d[k];
    if (!(dj > dependentRow * mat[j][j]) || !(mat[j][j] > 0)) continue;
    kept[j] = 1;
    rank++;
    d[j] = dj;
    l[j][j] = 1;
    for (let i = j + 1; i < m; i++) {
      let s = mat[i][j];
      for (let k = 0; k < j; k++) if (kept[k]) s -= l[i][k] * l[j][k] * d[k];
      l[i][j] = s / dj;
    }
  }
  const inverse = Array.from({ length: m }, () => new Float64Array(m));
  for (let c = 0; c < m; c++) {
    if (!kept[c]) continue;
    const y = new Float64Array(m);
    y[c] = 1;
    for (let j = 0; j < m; j++) {
      if (!kept[j]) {
        y[j] = 0;
        continue;
      }
      for (let i = j + 1; i < m; i++) y[i] -= l[i][j] * y[j];
    }
    for (let j = 0; j < m; j++) y[j] = kept[j] ? y[j] / d[j] : 0;
    for (let j = m - 1; j >= 0; j--) {
      if (!kept[j]) continue;
      for (let i = j + 1; i < m; i++) y[j] -= l[i][j] * y[i];
    }
    for (let i = 0; i < m; i++) inverse[i][c] = y[i];
  }
  return { matrix: inverse, rank };
}
