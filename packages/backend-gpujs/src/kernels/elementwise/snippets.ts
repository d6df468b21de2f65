/**
 * Kernel source fragments shared by the elementwise kernels.
 *
 * What the four gpu.js modes agree on (checked in each): `v == v` is false exactly for NaN
 * (the WebGPU mode gets `v !== v` wrong, so never test NaN with `!=`); `v - v == 0` is false exactly for
 * ±∞ and NaN; `1 / v` is ±∞ at ±0 and `(v - v) / (v - v)` is NaN; comparisons with NaN are
 * false. What they do not: GLSL and WGSL `exp`, `log`, `pow`, `max`, `min` give numbers for NaN
 * (and `log` for negative inputs and 0), and their `tanh` overflows to NaN for large inputs; so
 * kernels guard NaN themselves and avoid those functions where their inputs could be out of
 * range. Kernel source has no literal for NaN or ±∞: they are computed from the operands.
 *
 * Kernels store each `Math.floor` in a variable before using it in arithmetic, so that gpu.js
 * declares it a float (its type inference may treat floor, ceil and round as integer-valued).
 */

/** An expression that is NaN, computed from the variable `v` (`0 / 0` for finite `v`). */
export function nanFrom(v: string): string {
  return `(${v} - ${v}) / (${v} - ${v})`;
}

/** The polynomial `c₀ + t·(c₁ + t·(…))` (Horner's scheme) as source. */
export function horner(t: string, coefficients: readonly number[]): string {
  let poly = String(coefficients[coefficients.length - 1]);
  for (let k = coefficients.length - 2; k >= 0; k--) poly = `${coefficients[k]} + ${t} * (${poly})`;
  return poly;
}

/** `n!`. */
export function factorial(n: number): number {
  let product = 1;
  for (let k = 2; k <= n; k++) product *= k;
  return product;
}

/** `1/k!` for `k = 1 … 9`. */
const EXPM1_SERIES = Array.from({ length: 9 }, (_, k) => 1 / factorial(k + 1));

/** The Taylor polynomial of `expm1(w)` to `w⁹/9!`: relative error below 1e-9 for `|w| ≤ 0.5`. */
export function expm1Series(w: string): string {
  return `${w} * (${horner(w, EXPM1_SERIES)})`;
}

/** `1/(2k+1)` for `k = 0 … 7`. */
const ATANH_SERIES = Array.from({ length: 8 }, (_, k) => 1 / (2 * k + 1));

/**
 * `log((1 + s) / (1 - s)) = 2·atanh(s)` by its odd series to `s¹⁵`: relative error below 1e-9 for
 * `|s| ≤ 1/3`. With `s = x / (2 + x)` it is `log1p(x)`; with `s = (x - 1) / (x + 1)`, `log(x)`.
 */
export function atanhLogSeries(s: string): string {
  return `2 * ${s} * (${horner(`(${s} * ${s})`, ATANH_SERIES)})`;
}

/** 2^31 and 2^32, for int32 wrapping. */
const TWO_31 = 2147483648;
const TWO_32 = 4294967296;

/**
 * Statements declaring `out` as the integral float `value` wrapped into the int32 range modulo
 * 2^32, as a 32-bit integer operation would. Exact for every float32 value (the result is a
 * multiple of the input's spacing, so representable). 2^31 itself is left alone: it is how
 * float32 stores the int32 values nearest the top of the range, 2147483647 among them, and reads
 * back as that.
 */
export function wrapInt32(out: string, value: string): string {
  const q = `${out}Q`;
  return (
    `let ${out} = ${value}; if (${out} > ${TWO_31} || ${out} < -${TWO_31}) { ` +
    `const ${q} = Math.floor(${out} * ${1 / TWO_32}); ${out} = ${out} - ${q} * ${TWO_32}; ` +
    `if (${out} > ${TWO_31}) { ${out} = ${out} - ${TWO_32}; } }`
  );
}
