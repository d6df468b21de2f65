import type { Tensor } from '../../tensor.js';
import { anyUnary } from './helpers.js';

/**
 * The sign of `x` (-1, 0 or 1), elementwise; keeps the dtype, and NaN stays NaN.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor, any dtype.
 * @returns a tensor of the same shape and dtype.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * sign(tensor([-3, 0, 2, NaN])).toArray(); // [-1, 0, 1, NaN]
 * ```
 * @category Elementwise
 */
export function sign(x: Tensor): Tensor {
  return anyUnary('sign', 'Sign', x);
}
