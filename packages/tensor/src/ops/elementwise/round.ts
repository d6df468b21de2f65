import type { Tensor } from '../../tensor.js';
import { anyUnary } from './helpers.js';

/**
 * Rounds to the nearest integer value, ties to even (as PyTorch and NumPy), elementwise; keeps the dtype.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor, any dtype.
 * @returns a tensor of the same shape and dtype.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * round(tensor([0.5, 1.5, 2.5, -2.5, 1.4])).toArray(); // [0, 2, 2, -2, 1]
 * ```
 * @category Elementwise
 */
export function round(x: Tensor): Tensor {
  return anyUnary('round', 'Round', x);
}
