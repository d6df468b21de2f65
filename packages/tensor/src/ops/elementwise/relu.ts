import type { Tensor } from '../../tensor.js';
import { anyUnary } from './helpers.js';

/**
 * The rectified linear unit `max(x, 0)`, elementwise; keeps the dtype (int32 stays int32), and NaN stays NaN.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor, any dtype.
 * @returns a tensor of the same shape and dtype.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * relu(tensor([-1, 0, 2])).toArray(); // [0, 0, 2]
 * ```
 * @category Activations
 */
export function relu(x: Tensor): Tensor {
  return anyUnary('relu', 'Relu', x);
}
