import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The reciprocal square root `1 / √x`, elementwise: `∞` at 0.
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * rsqrt(tensor([4, 0])).toArray(); // [0.5, Infinity]
 * ```
 * @category Elementwise
 */
export function rsqrt(x: Tensor): Tensor {
  return floatUnary('rsqrt', 'Rsqrt', x);
}
