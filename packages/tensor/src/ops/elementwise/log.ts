import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The natural logarithm, elementwise: `-∞` at 0 and NaN below 0.
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * log(tensor([1, 0, -1])).toArray(); // [0, -Infinity, NaN]
 * ```
 * @category Elementwise
 */
export function log(x: Tensor): Tensor {
  return floatUnary('log', 'Log', x);
}
