import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * `log(1 + x)`, elementwise, accurate for `x` near 0.
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * log1p(tensor([1e-10], { dtype: 'float64' })).toArray(); // [9.999999999500001e-11]
 * ```
 * @category Elementwise
 */
export function log1p(x: Tensor): Tensor {
  return floatUnary('log1p', 'Log1p', x);
}
