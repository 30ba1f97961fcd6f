/**
 * The allocation as a MILP in CPLEX LP text, for HiGHS:
 *   maximize Σ b_k x_k
 *   supply   Σ_{k of offer o} x_k ≤ S_o
 *   demand   Σ_{k of demand d} ratio_k x_k ≤ D_d
 *   licence  Σ_{k of licence l} t_k x_k ≤ L_l
 *   0 ≤ x_k ≤ max_k;  minLot_k > 0: x_k ≥ minLot_k y_k, x_k ≤ max_k y_k, y_k binary.
 * Only pairs that pay get a column (a pair with b ≤ 0 is at 0 in every optimum), and a row that
 * cannot bind (its columns' bounds already keep it) is left out: the text HiGHS parses stays small.
 *
 * `lots` chooses which minimum lots get their binary; the others are relaxed to 0 ≤ x ≤ max, which
 * makes the model a relaxation of the full one (plan.ts adds binaries only to a component whose
 * relaxed optimum breaks a lot). `only` restricts the model to some candidates (one connected component).
 */
import { isActive, type AllocationModel } from './allocation.ts';

export interface LpText {
  text: string;
  /** Column i is x{columns[i]}: the candidate index. */
  columns: number[];
  integers: number;
}

// String() gives the shortest text that reads back to the same double; HiGHS reads exponents.
const num = (x: number) => String(x);

export function buildLp(model: AllocationModel, lots: 'all' | ReadonlySet<number> = 'all', only?: readonly number[]): LpText {
  const columns: number[] = [];
  const objective: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const lotRows: string[] = [];
  const bySupply = new Map<number, number[]>();
  const byDemand = new Map<number, number[]>();
  const byLicence = new Map<number, number[]>();
  const push = (m: Map<number, number[]>, row: number, k: number) => {
    const list = m.get(row);
    if (list) list.push(k);
    else m.set(row, [k]);
  };
  for (const k of only ?? model.vars.keys()) {
    const v = model.vars[k];
    if (!isActive(v)) continue;
    columns.push(k);
    objective.push(`${num(v.benefit)} x${k}`);
    bounds.push(` 0 <= x${k} <= ${num(v.max)}`);
    push(bySupply, v.offer, k);
    push(byDemand, v.demand, k);
    if (v.licence >= 0) push(byLicence, v.licence, k);
    if (v.minLot > 0 && (lots === 'all' || lots.has(k))) {
      binaries.push(`y${k}`);
      lotRows.push(` m${k}: x${k} - ${num(v.minLot)} y${k} >= 0`, ` n${k}: x${k} - ${num(v.max)} y${k} <= 0`);
    }
  }
  const rows: string[] = [];
  const addRows = (prefix: string, m: Map<number, number[]>, rhs: number[], coef: (k: number) => number) => {
    for (const [row, ks] of m) {
      let reach = 0;
      for (const k of ks) reach += coef(k) * model.vars[k].max;
      if (reach <= rhs[row]) continue;
      rows.push(` ${prefix}${row}: ${ks.map((k) => `${num(coef(k))} x${k}`).join(' + ')} <= ${num(rhs[row])}`);
    }
  };
  addRows('s', bySupply, model.supply, () => 1);
  addRows('d', byDemand, model.demand, (k) => model.vars[k].ratio);
  addRows('l', byLicence, model.licence, (k) => model.vars[k].tonnesPerUnit);

  const text = [
    'Maximize',
    ` obj: ${objective.length > 0 ? objective.join(' + ') : '0 x_none'}`,
    'Subject To',
    ...rows,
    ...lotRows,
    'Bounds',
    ...bounds,
    ...(binaries.length > 0 ? ['Binaries', ' ' + binaries.join(' ')] : []),
    'End',
    '',
  ].join('\n');
  return { text, columns, integers: binaries.length };
}
