import type { Tensor } from '../../tensor.js';
import { runReduction } from './dims.js';

/**
 * Whether some element of `x` over `dim` (every dim when omitted) is true (non-zero; NaN counts
 * as true). Accepts any dtype and returns `bool`; over an empty set it is `false`.
 *
 * `x: [D0, …, Dn]` → the shape without the reduced dims (kept as 1 with `keepDim`).
 *
 * @param x - the tensor to reduce.
 * @param dim - a dim, several dims, or `undefined` for all.
 * @param keepDim - keep reduced dims with size 1.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when a dim is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when a dim repeats
 *   or is not an integer.
 * @example
 * ```ts
 * const x = tensor([[true, false], [false, false]]);
 * any(x).item();          // true
 * any(x, 1).toArray();    // [true, false]
 * any(zeros([0])).item(); // false
 * ```
 * @category Reduction
 */
export function any(x: Tensor, dim?: number | readonly number[], keepDim = false): Tensor {
  return runReduction('any', 'Any', x, dim, keepDim);
}
