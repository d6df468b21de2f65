import type { Tensor } from '../../tensor.js';
import { floatUnary } from './helpers.js';

/**
 * The error function `erf(x) = (2/√π) ∫₀ˣ e^(-t²) dt`, elementwise (relative error below 1e-15 in double).
 *
 * `x: [...S] → [...S]`. Integer and bool inputs are computed in float32; float64 stays float64.
 *
 * @param x - the input tensor, any dtype.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * erf(tensor([0, 0.5, -Infinity])).toArray(); // [0, 0.5204998850822449, -1]
 * ```
 * @category Elementwise
 */
export function erf(x: Tensor): Tensor {
  return floatUnary('erf', 'Erf', x);
}
