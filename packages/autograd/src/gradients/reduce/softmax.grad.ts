import { mul, sub, sum } from '@nn/tensor';
import type { GradRule } from '../types.js';

/**
 * With `y = softmax(x)` along `axis`: `dx = y · (dy − Σ_axis dy · y)` (the Jacobian
 * `diag(y) − y yᵀ` applied to `dy`), computed from the saved output.
 */
export const softmaxGrad: GradRule<'Softmax'> = (dy, { attrs: { axis }, output: y }) => ({
  x: mul(y, sub(dy, sum(mul(dy, y), axis, true))),
});
