import { expm1Series, factorial, horner } from './snippets.js';
import { unaryKernel } from './unary.js';

/**
 * `Tanh`: `-m / (2 + m)` with `m = expm1(-2|x|)` (a series near 0, so small inputs keep their
 * digits), the sign restored after; never overflows, unlike GLSL and WGSL `tanh`.
 */
export const tanh = unaryKernel('Tanh', {
  statements:
    `const w = -2 * Math.abs(v); let m = 0; ` +
    `if (w > -0.5) { m = ${expm1Series('w')}; } else { m = Math.exp(w) - 1; } const t = -m / (2 + m);`,
  result: 'v == v ? (v < 0 ? -t : t) : v',
});

/** `Sigmoid`: `1 / (1 + e⁻ˣ)`, from `e = exp(-|x|)` so that nothing overflows. */
export const sigmoid = unaryKernel('Sigmoid', {
  statements: 'const e = Math.exp(-Math.abs(v)); const s = v >= 0 ? 1 / (1 + e) : e / (1 + e);',
  result: 'v == v ? s : v',
});

/** Coefficients of Numerical Recipes' `erfcc` (fractional error of erfc below 1.2e-7), lowest first. */
const ERFC = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223,
  0.17087277,
];

/** Taylor coefficients of `erf(x) / x` in `x²` (to `x¹⁸`), lowest first. */
const ERF_SERIES = Array.from(
  { length: 10 },
  (_, n) => ((n % 2 === 0 ? 1 : -1) * 2) / Math.sqrt(Math.PI) / (factorial(n) * (2 * n + 1)),
);

/**
 * `Erf`: the error function. Below 0.5 in magnitude its Taylor series (no cancellation for tiny
 * inputs); beyond, `1 - erfc(|x|)` with `erfc` from Numerical Recipes' Chebyshev fit, clamped
 * at |x| = 10 where erf is 1 in float32; odd, NaN stays NaN.
 */
export const erf = unaryKernel('Erf', {
  statements:
    `const z = Math.abs(v); let r = 0; ` +
    `if (z < 0.5) { const q = z * z; r = z * (${horner('q', ERF_SERIES)}); } ` +
    `else { const y = z < 10 ? z : 10; const t = 1 / (1 + 0.5 * y); ` +
    `r = 1 - t * Math.exp(-y * y + ${horner('t', ERFC)}); }`,
  result: 'v == v ? (v < 0 ? -r : r) : v',
});
