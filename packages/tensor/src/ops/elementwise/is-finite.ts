import type { Tensor } from '../../tensor.js';
import { anyUnary } from './helpers.js';

/**
 * True where `x` is neither infinite nor NaN, elementwise (always true for int32 and bool).
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor, any dtype.
 * @returns a bool tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * isFinite(tensor([1, Infinity, NaN])).toArray(); // [true, false, false]
 * ```
 * @category Elementwise
 */
export function isFinite(x: Tensor): Tensor {
  return anyUnary('isFinite', 'IsFinite', x);
}
