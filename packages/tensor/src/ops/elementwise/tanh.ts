import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The hyperbolic tangent, elementwise.
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * tanh(tensor([0, 100, -100])).toArray(); // [0, 1, -1]
 * ```
 * @category Elementwise
 */
export function tanh(x: Tensor): Tensor {
  return floatUnary('tanh', 'Tanh', x);
}
