import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The logistic sigmoid `1 / (1 + e⁻ˣ)`, elementwise; stable for large `|x|` (never NaN from overflow).
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * sigmoid(tensor([0, 1000, -1000])).toArray(); // [0.5, 1, 0]
 * ```
 * @category Activations
 */
export function sigmoid(x: Tensor): Tensor {
  return floatUnary('sigmoid', 'Sigmoid', x);
}
