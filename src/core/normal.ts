/**
 * The standard normal distribution: Φ and its inverse. Shared by the alarms' forecast rule (the
 * probability of a crossing, a prediction interval's half-width) and the flow reconciliation's
 * tests (critical values far in the tail for large networks). Pure.
 */

/**
 * Standard normal CDF Φ(z), via the complementary error function of Numerical Recipes (erfcc,
 * fractional error < 1.2e-7 everywhere), which is ample for a "probability-ish" confidence.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  if (z === 0) return 0.5;
  const x = -z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  const erfcX = x >= 0 ? erfc : 2 - erfc;
  // The approximation is off by ~1e-9 at 0; clamping keeps Φ(z) ≥ ½ for z > 0 (and ≤ ½ below),
  // so a crossing's probability is never reported under ½ at the step where the mean crosses.
  return z > 0 ? Math.max(0.5, 0.5 * erfcX) : Math.min(0.5, 0.5 * erfcX);
}

const horner = (c: readonly number[], x: number) => c.reduceRight((acc, k) => acc * x + k, 0);

// Wichura's AS 241 (PPND16), coefficients lowest order first.
const AS241_A = [3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227];
const AS241_B = [1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943, 5226.495278852854];
const AS241_C = [1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414];
const AS241_D = [1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-09];
const AS241_E = [6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-05, 2.0103343992922881e-07];
const AS241_F = [1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 1.8463183175100548e-05, 1.421511758316446e-07, 2.0442631033899397e-15];

/**
 * The standard normal quantile Φ⁻¹(p) by Wichura's AS 241 (relative error about 1e-16): the
 * Šidák-corrected critical values of large networks sit far in the tail, where a cruder
 * approximation would move the line between suspect and not.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(AS241_A, r)) / horner(AS241_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const value = r <= 5 ? ((r -= 1.6), horner(AS241_C, r) / horner(AS241_D, r)) : ((r -= 5), horner(AS241_E, r) / horner(AS241_F, r));
  return q < 0 ? -value : value;
}
