/**
 * The flow ledger's reconciliation: the sparse solver against the dense textbook solve.
 *
 * A park-like network is generated from a seed: enterprises of process units with local links,
 * exchanges between enterprises, boundary inputs and outputs; flows from a balanced "truth", then
 * measurement noise. About 40 % of the flows are metered (sd 1–2 %), 40 % estimated (sd 10 %),
 * up to 15 % unmeasured (kept determinable: unmeasured flows never close a cycle through the units
 * and the boundary; the others become estimated), 5 % exact; one metered exchange that the
 * balances check well carries a planted 20σ error.
 *
 * At 500 nodes / 2,000 flows the sparse reconciliation (median of several runs) is timed against
 * the dense textbook solve of the same system (normal equations with full matrices and the full
 * covariance diagonal, src/modules/flows/reconcile/dense.ts), and the two answers are compared.
 * Growth: 1,000/4,000, 2,000/8,000 and 5,000/20,000, sparse, and dense where its projected time
 * (cubic from the 500-node run) stays under 20 s. Targets: < 1 s at 500/2,000, < 10 s at
 * 5,000/20,000. `--quick`: fewer runs. Progress on stderr; the last line is the JSON result.
 */
import { denseReconcile } from '../src/modules/flows/reconcile/dense.ts';
import { reconcile, type LinearProblem, type Reconciled } from '../src/modules/flows/reconcile/index.ts';
import { networkProblem } from '../src/modules/flows/reconcile/network.ts';
import type { NetworkInput } from '../src/modules/flows/reconcile/types.ts';
import { median, mulberry32, printResult, QUICK } from './lib.ts';

const log = (s: string) => process.stderr.write(s + '\n');
const RUNS = QUICK ? 3 : 7;
const GROWTH_RUNS = QUICK ? 1 : 3;
const DENSE_LIMIT_MS = 20_000;

function rng(seed: number) {
  const uniform = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const int = (n: number) => Math.floor(uniform() * n);
  return { uniform, normal, int };
}

interface Park {
  input: NetworkInput;
  grossErrorFlow: string;
}

/** A park of `nodes` units in enterprises of ~20, with `flows` flows in all. */
function generatePark(nodes: number, flows: number, seed: number): Park {
  const r = rng(seed);
  const perEnterprise = 20;
  const B = nodes; // the boundary
  const enterpriseOf = (u: number) => Math.floor(u / perEnterprise);
  const ends: [number, number][] = [];
  const kind: ('local' | 'exchange' | 'boundary')[] = [];
  // A spanning tree: each enterprise's first unit takes its supply from the boundary, every other
  // unit is linked to an earlier unit of its enterprise.
  for (let u = 0; u < nodes; u++) {
    const first = u % perEnterprise === 0;
    ends.push([first ? B : u - 1 - r.int(Math.min(3, u % perEnterprise)), u]);
    kind.push(first ? 'boundary' : 'local');
  }
  const values: number[] = new Array(nodes).fill(0);
  while (ends.length < flows) {
    const a = r.int(nodes);
    const p = r.uniform();
    let b: number;
    if (p < 0.6) {
      // A local link to a nearby unit of the same enterprise.
      const base = enterpriseOf(a) * perEnterprise;
      b = Math.min(nodes - 1, base + ((a - base + 1 + r.int(4)) % perEnterprise));
      if (b === a) continue;
      kind.push('local');
    } else if (p < 0.85) {
      b = r.int(nodes);
      if (enterpriseOf(b) === enterpriseOf(a)) continue;
      kind.push('exchange');
    } else {
      b = B;
      kind.push('boundary');
    }
    ends.push(r.uniform() < 0.5 ? [a, b] : [b, a]);
    values.push(Math.exp(r.normal() + 4)); // lognormal around 55 t
  }
  // Tree flows from the leaves up, oriented so that every flow is positive.
  const imbalance = new Float64Array(nodes + 1);
  for (let f = nodes; f < ends.length; f++) {
    imbalance[ends[f][0]] -= values[f];
    imbalance[ends[f][1]] += values[f];
  }
  for (let c = nodes - 1; c >= 0; c--) {
    const parent = ends[c][0];
    let v = -imbalance[c]; // parent → c must bring what c lacks
    ends[c] = v >= 0 ? [parent, c] : [c, parent];
    v = Math.abs(v);
    values[c] = v;
    imbalance[ends[c][0]] -= v;
    imbalance[ends[c][1]] += v;
  }
  // How each flow is known.
  const root = Array.from({ length: nodes + 1 }, (_, i) => i);
  const find = (x: number): number => (root[x] === x ? x : (root[x] = find(root[x])));
  const exchangeMeters: number[] = [];
  const name = (v: number) => (v === B ? null : `u${v}`);
  const list = ends.map(([from, to], f) => {
    const truth = values[f];
    const p = r.uniform();
    const id = `f${f}`;
    if (p < 0.15) {
      const [ra, rb] = [find(from), find(to)];
      if (ra !== rb) {
        root[ra] = rb;
        return { id, from: name(from), to: name(to), value: null, sd: 0 };
      }
    }
    if (p >= 0.15 && p < 0.2) return { id, from: name(from), to: name(to), value: truth, sd: 0 };
    const sd = (p < 0.6 ? 0.01 + 0.01 * r.uniform() : 0.1) * truth;
    if (p < 0.6 && kind[f] === 'exchange') exchangeMeters.push(f);
    return { id, from: name(from), to: name(to), value: truth + sd * r.normal(), sd };
  });
  const input = { nodes: Array.from({ length: nodes }, (_, i) => ({ id: `u${i}` })), flows: list };
  return { input, grossErrorFlow: plantGrossError(input, exchangeMeters) };
}

/**
 * The planted error: +20σ on the metered exchange the balances check best (the largest share of
 * its variance explained by the others), so that a sound test can find it.
 */
function plantGrossError(input: NetworkInput, candidates: number[]): string {
  const clean = reconcile(networkProblem(input));
  if (!clean.ok) throw new Error(`the generated park did not reconcile: ${clean.reason}: ${clean.detail}`);
  const explained = (i: number) => (clean.variables[i].status === 'reconciled' ? 1 - (clean.variables[i].sd / input.flows[i].sd) ** 2 : 0);
  const f = candidates.reduce((best, i) => (explained(i) > explained(best) ? i : best), candidates[0]);
  const flow = input.flows[f] as { value: number | null; sd: number; id: string };
  flow.value = flow.value! + 20 * flow.sd;
  log(`  planted +20σ on ${flow.id} (the balances explain ${Math.round(100 * explained(f))} % of its variance: expected z ≈ ${(20 * Math.sqrt(explained(f))).toFixed(1)})`);
  return flow.id;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

function sparseRuns(problem: LinearProblem, runs: number): { result: Reconciled; ms: number } {
  const times: number[] = [];
  let result: Reconciled | undefined;
  for (let i = 0; i < runs; i++) {
    const [r, ms] = time(() => reconcile(problem));
    if (!r.ok) throw new Error(`the generated park did not reconcile: ${r.reason}: ${r.detail}`);
    result = r;
    times.push(ms);
  }
  return { result: result!, ms: median(times) };
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

// 500 / 2,000: sparse against dense.
const park = generatePark(500, 2_000, 11);
const problem = networkProblem(park.input);
log(`flows: 500 nodes / 2,000 flows, ${RUNS} sparse runs`);
const sparse = sparseRuns(problem, RUNS);
const status = (s: string) => sparse.result.variables.filter((v) => v.status === s).length;
log(`  sparse ${round(sparse.ms)} ms: ${status('reconciled')} reconciled, ${status('computed')} computed, ${status('exact')} exact, ${status('nonredundant')} nonredundant; χ² ${round(sparse.result.chiSquare)} on ${sparse.result.dof} dof`);
const suspects = sparse.result.suspects.filter((s) => s.kind === 'variable').map((s) => s.id);
const found = suspects.includes(park.grossErrorFlow);
log(`  planted 20σ error on ${park.grossErrorFlow}: ${found ? `named (suspect ${suspects.indexOf(park.grossErrorFlow) + 1} of ${suspects.length})` : 'NOT named'}`);
const [dense, denseMs] = time(() => denseReconcile(problem));
log(`  dense ${round(denseMs)} ms (ratio ${round(denseMs / sparse.ms)})`);
// Values relative to themselves (floor: 1e-12 of the largest flow); uncertainties compared as
// variances, relative to the largest prior variance (an sd is the root of a difference of
// variances, so near 0 its digits are the square root of rounding in both solves).
let valueDiff = 0;
let varianceDiff = 0;
const scale = Math.max(...park.input.flows.map((f) => Math.abs(f.value ?? 0)));
const varianceScale = Math.max(...park.input.flows.map((f) => f.sd * f.sd));
sparse.result.variables.forEach((v, i) => {
  valueDiff = Math.max(valueDiff, Math.abs(v.value - dense.values[i]) / (Math.abs(v.value) + 1e-12 * scale));
  varianceDiff = Math.max(varianceDiff, Math.abs(v.sd * v.sd - dense.sds[i] ** 2) / varianceScale);
});
const same = valueDiff < 1e-8 && varianceDiff < 1e-9 && dense.dof === sparse.result.dof;
log(`  same answer: ${same} (values to ${valueDiff.toExponential(1)} relative, variances to ${varianceDiff.toExponential(1)} of the largest; dof ${dense.dof} / ${sparse.result.dof})`);

// Growth.
const growth: { nodes: number; flows: number; sparseMs: number; denseMs: number | null }[] = [{ nodes: 500, flows: 2_000, sparseMs: round(sparse.ms), denseMs: round(denseMs) }];
for (const [nodes, flows] of [[1_000, 4_000], [2_000, 8_000], [5_000, 20_000]]) {
  const p = networkProblem(generatePark(nodes, flows, 11 + nodes).input);
  const s = sparseRuns(p, GROWTH_RUNS);
  const projected = denseMs * (nodes / 500) ** 3;
  const d = projected < DENSE_LIMIT_MS ? time(() => denseReconcile(p))[1] : null;
  growth.push({ nodes, flows, sparseMs: round(s.ms), denseMs: d === null ? null : round(d) });
  log(`  ${nodes} / ${flows}: sparse ${round(s.ms)} ms${d === null ? ` (dense skipped: projected ${round(projected / 1000)} s)` : `, dense ${round(d)} ms`}`);
}
log('');
log('| nodes | flows | sparse ms | dense ms | dense/sparse |');
log('|---|---|---|---|---|');
for (const g of growth) log(`| ${g.nodes} | ${g.flows} | ${g.sparseMs} | ${g.denseMs ?? '—'} | ${g.denseMs === null ? '—' : round(g.denseMs / g.sparseMs)} |`);

printResult({
  bench: 'flows',
  unit: 'ms',
  value: round(sparse.ms),
  baseline: round(denseMs),
  ratio: round(denseMs / sparse.ms),
  sameAnswer: same,
  maxValueDiff: Number(valueDiff.toExponential(1)),
  maxVarianceDiff: Number(varianceDiff.toExponential(1)),
  grossErrorNamed: found,
  dof: sparse.result.dof,
  growth,
});
