import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The sine (radians), elementwise.
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * sin(tensor([0, Math.PI / 2])).toArray(); // [0, 1]
 * ```
 * @category Elementwise
 */
export function sin(x: Tensor): Tensor {
  return floatUnary('sin', 'Sin', x);
}
