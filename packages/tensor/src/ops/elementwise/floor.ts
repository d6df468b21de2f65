import type { Tensor } from '../../tensor.js';
import { anyUnary } from './helpers.js';

/**
 * Rounds down to an integer value, elementwise; keeps the dtype (the identity on int32 and bool).
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor, any dtype.
 * @returns a tensor of the same shape and dtype.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * floor(tensor([1.5, -1.5])).toArray(); // [1, -2]
 * ```
 * @category Elementwise
 */
export function floor(x: Tensor): Tensor {
  return anyUnary('floor', 'Floor', x);
}
