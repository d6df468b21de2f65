import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The square root, elementwise: NaN below 0.
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * sqrt(tensor([4, 2, -1])).toArray(); // [2, 1.4142135381698608, NaN]
 * ```
 * @category Elementwise
 */
export function sqrt(x: Tensor): Tensor {
  return floatUnary('sqrt', 'Sqrt', x);
}
