import { binaryKernel } from './binary.js';
import { nanFrom, wrapInt32 } from './snippets.js';

/**
 * Float `a ** b` with C's (and PyTorch's) special cases, in the order they take precedence:
 * `x ** 0 = 1` and `1 ** y = 1` (even for NaN), NaN otherwise propagates, `(-1) ** ±∞ = 1`,
 * infinite exponents and bases, signed zeros (`(-0) ** -1 = -∞`), negative bases (NaN unless the
 * exponent is an integer, whose parity sets the sign), then `|a| ** b` by the mode's `pow`
 * (GLSL and WGSL `pow` is undefined for negative bases and gives numbers for NaN). `odd` is 1
 * for odd integers (never for ±∞ or NaN: `b - 2·⌊b/2⌋` is then NaN).
 */
const FLOAT_POW =
  `const ax = Math.abs(a); const hb = Math.floor(b * 0.5); const fb = Math.floor(b); ` +
  `const odd = b - 2 * hb == 1 ? 1 : 0; let r = 0; ` +
  `if (b == 0 || a == 1) { r = 1; } ` +
  `else if (a == a && b == b) { ` +
  `if (b - b == 0) { ` +
  `if (a - a == 0) { ` +
  `if (a == 0) { if (b > 0) { r = odd == 1 ? a : 0; } else { r = odd == 1 ? 1 / a : 1 / ax; } } ` +
  `else if (a > 0) { r = Math.pow(ax, b); } ` +
  `else if (fb == b) { const p = Math.pow(ax, b); r = odd == 1 ? -p : p; } ` +
  `else { r = ${nanFrom('a')}; } } ` +
  `else if (b > 0) { r = odd == 1 ? a : ax; } ` +
  `else { r = 0; } } ` +
  `else if (ax == 1) { r = 1; } ` +
  `else if ((ax > 1 && b > 0) || (ax < 1 && b < 0)) { r = Math.abs(b); } ` +
  `else { r = 0; } } ` +
  `else { r = a + b; }`;

/**
 * int32 `a ** b` by repeated squaring (32 rounds cover every int32 exponent), wrapping like
 * 32-bit integers (exact while the values stay within 2^24); a negative exponent gives 1 for base
 * 1, ±1 for base -1 and 0 otherwise (as PyTorch's integer pow).
 */
const INT_POW =
  `let r = 1; let base = a; let e = b; ` +
  `if (b < 0) { const hb = Math.floor(b * 0.5); r = a == 1 ? 1 : (a == -1 ? (b - 2 * hb == 0 ? 1 : -1) : 0); e = 0; } ` +
  `for (let j = 0; j < 32; j++) { if (e > 0) { const h = Math.floor(e * 0.5); ` +
  `if (e - 2 * h == 1) { ${wrapInt32('m', 'r * base')} r = m; } ` +
  `${wrapInt32('s', 'base * base')} base = s; e = h; } }`;

/** `Pow`: `a ** b`, broadcasting (C `pow` semantics for floats; int32 by repeated squaring, wrapping). */
export const pow = binaryKernel('Pow', (dtype) =>
  dtype === 'int32' ? { statements: INT_POW, result: 'r', loopMax: 32 } : { statements: FLOAT_POW, result: 'r' },
);
