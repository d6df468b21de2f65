import { exp, mul, sub, sum } from '@nn/tensor';
import type { GradRule } from '../types.js';

/**
 * With `y = logSoftmax(x)` along `axis`: `dx = dy − softmax(x) · Σ_axis dy`, where
 * `softmax(x) = exp(y)` is recovered from the saved output.
 */
export const logSoftmaxGrad: GradRule<'LogSoftmax'> = (dy, { attrs: { axis }, output: y }) => ({
  x: sub(dy, mul(exp(y), sum(dy, axis, true))),
});
