import type { Tensor } from '../../tensor.js';
import { runReduction } from './dims.js';

/**
 * Whether every element of `x` over `dim` (every dim when omitted) is true (non-zero; NaN counts
 * as true). Accepts any dtype and returns `bool`; over an empty set it is `true`.
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
 * const x = tensor([[true, false], [true, true]]);
 * all(x).item();          // false
 * all(x, 1).toArray();    // [false, true]
 * all(tensor([1, 2])).item(); // true
 * ```
 * @category Reduction
 */
export function all(x: Tensor, dim?: number | readonly number[], keepDim = false): Tensor {
  return runReduction('all', 'All', x, dim, keepDim);
}
