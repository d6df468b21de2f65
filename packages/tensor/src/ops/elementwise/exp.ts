import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The exponential `eˣ`, elementwise.
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * exp(tensor([0, 1])).toArray(); // [1, 2.7182817459106445]
 * ```
 * @category Elementwise
 */
export function exp(x: Tensor): Tensor {
  return floatUnary('exp', 'Exp', x);
}
