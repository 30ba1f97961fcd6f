/**
 * The distributions the reconciliation's tests need: the χ² upper tail (through the regularized
 * upper incomplete gamma function) and the Šidák-corrected normal critical value (the quantile is
 * the core's, src/core/normal.ts). Pure.
 */
import { normalQuantile } from '../../../core/normal.ts';

const LANCZOS = [76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 0.001208650973866179, -5.395239384953e-06];

/** ln Γ(x) for x > 0 (Lanczos, as Numerical Recipes' gammln: relative error < 2e-10). */
export function logGamma(x: number): number {
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const c of LANCZOS) ser += c / ++y;
  return -tmp + Math.log((2.5066282746310007 * ser) / x);
}

const GAMMA_EPS = 1e-15;
const GAMMA_MAX_ITER = 10_000;
const TINY = 1e-300;

/** P(a, x) by its series: converges fast for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let n = 0; n < GAMMA_MAX_ITER; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * GAMMA_EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Q(a, x) by its continued fraction (modified Lentz): converges fast for x ≥ a + 1. */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= GAMMA_MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < GAMMA_EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), a > 0, x ≥ 0. */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? Math.max(0, 1 - lowerSeries(a, x)) : upperFraction(a, x);
}

/** P(χ²(dof) ≥ chiSquare); 1 when there are no degrees of freedom (nothing was tested). */
export function chiSquarePValue(chiSquare: number, dof: number): number {
  if (dof <= 0) return 1;
  return gammaQ(dof / 2, Math.max(0, chiSquare) / 2);
}

/**
 * The two-sided critical value of |z| at significance α, with the Šidák correction for `tests`
 * independent tests: each is judged at α' = 1 − (1 − α)^(1/tests), so that the chance of any false
 * alarm among all of them is α. Computed through log1p/expm1 so α' keeps its digits when tiny.
 */
export function sidakCritical(alpha: number, tests: number): number {
  const perTest = -Math.expm1(Math.log1p(-alpha) / Math.max(1, tests));
  return -normalQuantile(perTest / 2);
}
