import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The cosine (radians), elementwise.
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * cos(tensor([0, Math.PI])).toArray(); // [1, -1]
 * ```
 * @category Elementwise
 */
export function cos(x: Tensor): Tensor {
  return floatUnary('cos', 'Cos', x);
}
