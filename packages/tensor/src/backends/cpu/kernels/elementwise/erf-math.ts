/**
 * The error function in double precision, table-driven.
 *
 * `erf` is expanded in Taylor series around the centres `c = m / 8`, `m = 0 … 48` (so `|x| < 6`
 * is always within 1/16 of a centre); beyond 6, `erf(x)` rounds to ±1 in double. The series
 * coefficients come from the ODE `erf'(t) = (2/√π) g(t)`, `g(t) = exp(-t²)`, `g' = -2t g`:
 * with `g(c + h) = Σ bₙ hⁿ`, `b₀ = exp(-c²)` and `(n+1) bₙ₊₁ = -2c bₙ - 2 bₙ₋₁`, so
 * `erf(c + h) = erf(c) + (2/√π) Σ bₙ hⁿ⁺¹ / (n+1)`. The constant terms `erf(c)` are summed once,
 * at load, from the all-positive series `erf(x) = (2/√π) exp(-x²) Σ x (2x²)ⁿ / (2n+1)!!`, which
 * has no cancellation (from 2 on, `1 - erfc(c)` with erfc's continued fraction). Evaluating is one
 * Horner polynomial of degree 12: relative error below 1e-15 (see test/elementwise-math.test.ts).
 */

const STEP = 8; // centres per unit
const LIMIT = 6; // erf(x) === 1 in double for x >= 6 (erfc(6) ≈ 2.2e-17)
const DEGREE = 12;
const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** erf(x) for x >= 0, summed slowly and accurately (used once per centre, to build the table). */
function erfAccurate(x: number): number {
  if (x === 0) return 0;
  if (x < 2) {
    // Positive series: erf(x) = (2/√π) exp(-x²) Σ x (2x²)ⁿ / (2n+1)!!.
    const twoX2 = 2 * x * x;
    let term = x;
    let sum = x;
    for (let n = 1; term > sum * 1e-18; n++) {
      term *= twoX2 / (2 * n + 1);
      sum += term;
    }
    return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
  }
  // Continued fraction: erfc(x) = exp(-x²)/√π / (x + (1/2)/(x + 1/(x + (3/2)/(x + …)))).
  let f = x;
  for (let k = 400; k >= 1; k--) f = x + k / 2 / f;
  return 1 - ((TWO_OVER_SQRT_PI / 2) * Math.exp(-x * x)) / f;
}

/** Row `m` holds the DEGREE + 1 Taylor coefficients of erf around m / STEP, lowest first. */
function buildTable(): Float64Array {
  const centres = LIMIT * STEP + 1;
  const table = new Float64Array(centres * (DEGREE + 1));
  const b = new Float64Array(DEGREE);
  for (let m = 0; m < centres; m++) {
    const c = m / STEP;
    b[0] = Math.exp(-c * c);
    b[1] = -2 * c * b[0];
    for (let n = 1; n + 1 < DEGREE; n++) b[n + 1] = (-2 * c * b[n]! - 2 * b[n - 1]!) / (n + 1);
    const row = m * (DEGREE + 1);
    table[row] = erfAccurate(c);
    for (let n = 0; n < DEGREE; n++) table[row + n + 1] = (TWO_OVER_SQRT_PI * b[n]!) / (n + 1);
  }
  return table;
}

/** Built on first use, so importing the package computes nothing. */
let TABLE: Float64Array | null = null;

/**
 * The error function `erf(x) = (2/√π) ∫₀ˣ exp(-t²) dt`, relative error below 1e-15; odd,
 * `erf(±∞) = ±1`, `erf(NaN) = NaN`.
 */
export function erf(x: number): number {
  if (x === 0) return x;
  const t = x < 0 ? -x : x;
  if (!(t < LIMIT)) return t === t ? (x < 0 ? -1 : 1) : x; // |x| >= 6, ±Inf or NaN
  const m = Math.round(t * STEP);
  const h = t - m / STEP;
  const row = m * (DEGREE + 1);
  const table = (TABLE ??= buildTable());
  let p = table[row + DEGREE]!;
  for (let n = DEGREE - 1; n >= 0; n--) p = p * h + table[row + n]!;
  if (p > 1) p = 1; // never past the asymptote, whatever the rounding
  return x < 0 ? -p : p;
}
