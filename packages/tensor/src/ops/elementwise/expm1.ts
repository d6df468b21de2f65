import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * `eˣ - 1`, elementwise, accurate for `x` near 0.
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * expm1(tensor([1e-10], { dtype: 'float64' })).toArray(); // [1.00000000005e-10]
 * ```
 * @category Elementwise
 */
export function expm1(x: Tensor): Tensor {
  return floatUnary('expm1', 'Expm1', x);
}
