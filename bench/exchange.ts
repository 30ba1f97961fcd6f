/**
 * The exchange's plan (issue 13, docs/exchange.md): candidate generation plus the optimal
 * allocation, end to end, for 2,000 offers and 2,000 demands over 50 materials.
 *
 * The instance (engine/random-instance.ts, seeded): materials in families of four (a demand accepts
 * and a substitution replaces within its family), a fifth of them hazardous with receiver licences
 * (some expired, some capped), a tenth of the listings with minimum lots, substitutions with
 * property conditions, property ranges on both sides, time windows, steam, heat and gas pipes.
 *
 * Timed, after one warm-up plan of a small instance (HiGHS's WASM compiled, the JIT warm):
 * - value: `planExchange(instance)`, candidates to the answer, greedy baseline included;
 * - baseline: the HiGHS solves alone of the same models (each component's final LP text, solved again);
 * - the greedy matching of the same candidates, whose objective over the optimum's shows what
 *   optimizing gains.
 * `--quick`: 500 × 500 over 20 materials. Progress on stderr; the last line is the JSON result.
 */
import { generateCandidates } from '../src/modules/exchange/engine/candidates.ts';
import { greedyAllocation } from '../src/modules/exchange/engine/greedy.ts';
import { loadHighs, MIP_ABS_GAP_CNY, MIP_REL_GAP } from '../src/modules/exchange/engine/highs.ts';
import { planExchange, planWithModels } from '../src/modules/exchange/engine/plan.ts';
import { randomInstance } from '../src/modules/exchange/engine/random-instance.ts';
import { printResult, QUICK } from './lib.ts';

const log = (s: string) => process.stderr.write(s + '\n');
// A tenth of the listings state a minimum lot (a truckload by road): with a fifth, the largest
// components' MILPs took HiGHS up to its 30 s limit to prove optimal (docs/exchange.md, Speed).
const LOT_SHARE = 0.1;
const SIZE = QUICK ? { offers: 500, demands: 500, materials: 20, lotShare: LOT_SHARE } : { offers: 2_000, demands: 2_000, materials: 50, lotShare: LOT_SHARE };
const SEED = 13;
const TARGET_MS = 2_000;

log(`warming up HiGHS and the JIT on a small instance…`);
await planExchange(randomInstance(SEED + 1, { offers: 60, demands: 60, materials: 8 }));

const instance = randomInstance(SEED, SIZE);
log(`instance: ${instance.offers.length} offers, ${instance.demands.length} demands, ${Object.keys(instance.materials).length} materials, ${instance.licences.length} licences, ${instance.substitutions.length} substitutions`);

let started = performance.now();
const { answer, models } = await planWithModels(instance);
const endToEndMs = performance.now() - started;
log(
  `end to end: ${endToEndMs.toFixed(0)} ms — ${answer.candidates.length} candidates, ${answer.excluded.length} excluded pairs, ` +
    `${answer.solver.variables} columns (${answer.solver.integers} binaries), HiGHS ${answer.solver.ms.toFixed(0)} ms`,
);

// The same models again, each solved alone: what HiGHS costs without our modelling around it.
started = performance.now();
const set = generateCandidates(instance);
const candidatesMs = performance.now() - started;
const highs = await loadHighs();
let solveAloneMs = 0;
for (const text of models) {
  const t = performance.now();
  const r = highs.solve(text, { output_flag: false, presolve: 'on', mip_rel_gap: MIP_REL_GAP, mip_abs_gap: MIP_ABS_GAP_CNY });
  solveAloneMs += performance.now() - t;
  if (r.Status !== 'Optimal') throw new Error(`HiGHS: ${r.Status}`);
}
log(`candidates alone: ${candidatesMs.toFixed(0)} ms; ${models.length} components solved by HiGHS; their final models solved alone: ${solveAloneMs.toFixed(0)} ms`);

started = performance.now();
const greedy = greedyAllocation(set.model);
const greedyMs = performance.now() - started;
log(`greedy: ${greedyMs.toFixed(1)} ms, objective ${greedy.objective.toFixed(0)} vs optimum ${answer.objective.toFixed(0)} CNY`);
log(endToEndMs <= TARGET_MS ? `within the ${TARGET_MS} ms target` : `over the ${TARGET_MS} ms target`);

printResult({
  bench: 'exchange',
  unit: 'ms',
  value: Math.round(endToEndMs),
  baseline: Math.round(solveAloneMs),
  ratio: Number((endToEndMs / Math.max(1, solveAloneMs)).toFixed(3)),
  greedyObjective: Math.round(greedy.objective),
  objective: Math.round(answer.objective),
  objectiveRatio: Number((greedy.objective / answer.objective).toFixed(6)),
  candidates: answer.candidates.length,
  offers: instance.offers.length,
  demands: instance.demands.length,
  candidatesMs: Math.round(candidatesMs),
  greedyMs: Number(greedyMs.toFixed(1)),
  columns: answer.solver.variables,
  binaries: answer.solver.integers,
});
