import type { Tensor } from '../../tensor.js';
import { anyUnary } from './helpers.js';

/**
 * True where `x` is NaN, elementwise (always false for int32 and bool).
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor, any dtype.
 * @returns a bool tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * isNaN(tensor([1, NaN])).toArray(); // [false, true]
 * ```
 * @category Elementwise
 */
export function isNaN(x: Tensor): Tensor {
  return anyUnary('isNaN', 'IsNaN', x);
}
