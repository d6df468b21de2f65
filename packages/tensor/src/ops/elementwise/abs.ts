import type { Tensor } from '../../tensor.js';
import { anyUnary } from './helpers.js';

/**
 * The absolute value `|x|`, elementwise; keeps the dtype (int32 `-2³¹` wraps to itself, as in PyTorch).
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor, any dtype.
 * @returns a tensor of the same shape and dtype.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * abs(tensor([-1.5, 2])).toArray(); // [1.5, 2]
 * ```
 * @category Elementwise
 */
export function abs(x: Tensor): Tensor {
  return anyUnary('abs', 'Abs', x);
}
