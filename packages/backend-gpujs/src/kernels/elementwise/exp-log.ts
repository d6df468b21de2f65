import { atanhLogSeries, expm1Series, nanFrom } from './snippets.js';
import { unaryKernel } from './unary.js';

/** `Exp`: `eˣ` (GLSL and WGSL `exp` give ∞ for NaN, so NaN passes around it). */
export const exp = unaryKernel('Exp', 'v == v ? Math.exp(v) : v');

/**
 * `Log`: natural logarithm; -∞ at ±0 and NaN below 0 (GLSL and WGSL `log` give numbers there).
 * Within [0.5, 2) from `2·atanh((x - 1) / (x + 1))` (`x - 1` is exact there), so results near 0
 * keep their relative accuracy.
 */
export const log = unaryKernel('Log', {
  statements:
    `let r = ${nanFrom('v')}; if (v >= 0.5 && v < 2) { const s = (v - 1) / (v + 1); r = ${atanhLogSeries('s')}; } ` +
    `else if (v > 0) { r = Math.log(v); } else if (v == 0) { r = -1 / Math.abs(v); }`,
  result: 'r',
});

/**
 * `Log1p`: `log(1 + x)`, accurate near 0: for `|x| < 0.5` through `2·atanh(s)`, `s = x / (2 + x)`
 * (an odd series in `s`, `|s| ≤ 1/3`, relative error below 1e-9); -∞ at -1 and NaN below it.
 */
export const log1p = unaryKernel('Log1p', {
  statements:
    `const u = 1 + v; let r = ${nanFrom('u')}; ` +
    `if (Math.abs(v) < 0.5) { const s = v / (2 + v); r = ${atanhLogSeries('s')}; } ` +
    `else if (u > 0) { r = Math.log(u); } else if (u == 0) { r = -1 / u; }`,
  result: 'r',
});

/** `Expm1`: `eˣ - 1`, accurate near 0 (a Taylor series for `|x| < 0.5`). */
export const expm1 = unaryKernel('Expm1', {
  statements: `let m = 0; if (Math.abs(v) < 0.5) { m = ${expm1Series('v')}; } else { m = Math.exp(v) - 1; }`,
  result: 'v == v ? m : v',
});
