import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The reciprocal `1 / x`, elementwise (`±∞` at ±0).
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * reciprocal(tensor([2, 0, -4])).toArray(); // [0.5, Infinity, -0.25]
 * reciprocal(tensor([2], { dtype: 'int32' })).dtype; // 'float32'
 * ```
 * @category Elementwise
 */
export function reciprocal(x: Tensor): Tensor {
  return floatUnary('reciprocal', 'Reciprocal', x);
}
