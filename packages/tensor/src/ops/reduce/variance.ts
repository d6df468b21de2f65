import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { div } from '../elementwise/div.js';
import { mul } from '../elementwise/mul.js';
import { sub } from '../elementwise/sub.js';
import { checkTensor } from '../operands.js';
import { checkVarianceOptions, reduceAxes, reducedCount, type VarianceOptions } from './dims.js';
import { sum } from './sum.js';
import { toFloat } from './to-float.js';

/**
 * The variance of `x` over `dim` (every dim when omitted):
 * `sum((x - mean)^2) / max(0, N - correction)` with `N` the number of reduced elements.
 *
 * `x: [D0, …, Dn]` → the shape without the reduced dims (kept as 1 with `options.keepDim`).
 * Computed in two passes (mean first), in float (`int32`/`bool` inputs give `float32`). As in
 * PyTorch, when `N - correction ≤ 0` the divisor is 0, so the result is NaN (all deviations 0,
 * e.g. a single element with the default correction) or +Inf.
 *
 * @param x - the tensor.
 * @param dim - a dim, several dims, or `undefined` for all.
 * @param options - `correction` (default 1: unbiased; 0: population) and `keepDim` (default false).
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when a dim is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when a dim repeats or
 *   is not an integer, or an option is invalid.
 * @example
 * ```ts
 * const x = tensor([[1, 2, 3, 4], [2, 2, 2, 2]]);
 * variance(x, 1).toArray();                     // ≈ [1.66667, 0] (unbiased: 5 / 3)
 * variance(x, 1, { correction: 0 }).toArray();  // [1.25, 0]
 * variance(tensor([5])).item();                 // NaN (N - correction = 0)
 * ```
 * @category Reduction
 */
export function variance(x: Tensor, dim?: number | readonly number[], options?: VarianceOptions): Tensor {
  return varianceOf('variance', x, dim, options);
}

/** `variance` with errors naming `op` (shared with `std`). @internal */
export function varianceOf(op: string, x: unknown, dim: unknown, options: unknown): Tensor {
  const t = checkTensor(op, 'x', x);
  const axes = reduceAxes(op, t, dim);
  const { correction, keepDim } = checkVarianceOptions(op, options);
  const n = reducedCount(t.shape, axes);
  return tidy(() => {
    const xf = toFloat(t);
    const centred = sub(xf, div(sum(xf, axes, true), n));
    return div(sum(mul(centred, centred), axes, keepDim), Math.max(0, n - correction));
  });
}
