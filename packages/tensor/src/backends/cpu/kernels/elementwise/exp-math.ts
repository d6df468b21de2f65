/**
 * `exp` and `expm1` for results that are rounded to float32, without calling `Math.exp` (a C call
 * per element in V8, several times slower than this inlined arithmetic).
 *
 * Range reduction: `x = k·ln2/32 + r` with `k = round(32x/ln2)` and `|r| ≤ ln2/64`, so
 * `eˣ = 2^(k/32) · eʳ`; `2^(k/32)` comes from a table and `eʳ - 1 = q(r)` is its Taylor polynomial
 * to `r⁴/24` (truncation below `1.2e-10` relative to `q`). The result is accurate to about `1e-10`
 * relative in double, far below float32's half-ulp (`3e-8`). Checked against `Math.fround` of the
 * `Math` functions over every float32 input in `[-110, 110]` (2.3e9 values) plus a sweep beyond:
 * `exp` rounds to the same float32 except for 594 inputs, `expm1` for about 15 000 (near 0), the
 * sigmoid and tanh loops built on them for about 300 and 15 000, each of those one ulp away.
 *
 * The argument is clamped to `[-104, 104]` first (NaN passes through, making the table index 0 and
 * the result NaN): `e^±104` rounds to float32 `Infinity` / `0` like every larger / smaller input.
 * These helpers are for float32 outputs only; float64 kernels keep `Math.exp` / `Math.expm1`.
 */

/** `1.5 · 2^52`: adding then subtracting it rounds a double of magnitude below 2^51 to an integer. */
const ROUND = 6755399441055744;
const SCALE = 32 / Math.LN2;
const STEP = Math.LN2 / 32;
/** Arguments are clamped to `[-LIMIT, LIMIT]`. */
const LIMIT = 104;
/** Smallest `k` the clamped range reaches (`round(-LIMIT · SCALE) = -4801`), less one for safety. */
const KMIN = -4802;
/** `POW2[k - KMIN] = 2^(k/32)` for `k` in `[KMIN, -KMIN]`. */
const POW2 = new Float64Array(1 - 2 * KMIN);
for (let i = 0; i < POW2.length; i++) POW2[i] = 2 ** ((i + KMIN) / 32);

/**
 * `eᵛ` for a float32 `v`, accurate well within float32 rounding (see the file comment); store the
 * result in a Float32Array. For `v > 104` it returns `e^104` (float32 `Infinity`), for `v < -104`
 * `e^-104` (float32 `0`).
 */
export function expF32(v: number): number {
  const c = v > LIMIT ? LIMIT : v < -LIMIT ? -LIMIT : v;
  const k = c * SCALE + ROUND - ROUND;
  const r = c - k * STEP;
  const t = POW2[(k - KMIN) | 0]!;
  return t + t * (r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24)))));
}

/**
 * `eᵛ - 1` for a float32 `v`, accurate near 0 (no cancellation) and keeping the sign of `±0`; clamped
 * like {@link expF32}. `t - 1` is exact where it matters (`t` in `[0.5, 2]`, Sterbenz).
 */
export function expm1F32(v: number): number {
  const c = v > LIMIT ? LIMIT : v < -LIMIT ? -LIMIT : v;
  const k = c * SCALE + ROUND - ROUND;
  const r = c - k * STEP;
  const t = POW2[(k - KMIN) | 0]!;
  return t * (r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24))))) - (1 - t);
}
