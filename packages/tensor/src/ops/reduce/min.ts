import type { Tensor } from '../../tensor.js';
import { runReduction } from './dims.js';

/**
 * The smallest element of `x` over `dim` (every dim when omitted), in `x`'s dtype.
 *
 * `x: [D0, …, Dn]` → the shape without the reduced dims (kept as 1 with `keepDim`). A NaN in the
 * reduced set gives NaN, as in PyTorch. For the index of the minimum use `argmin`.
 *
 * @param x - the tensor to reduce.
 * @param dim - a dim, several dims, or `undefined` for all.
 * @param keepDim - keep reduced dims with size 1.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when a dim is out of range, or when the reduction is over zero
 *   elements (min has no identity); {@link "@nn/tensor".index.ArgumentError | ArgumentError} when a dim repeats or is not an integer.
 * @example
 * ```ts
 * const x = tensor([[1, 5, 3], [4, 2, 6]]);
 * min(x).item();          // 1
 * min(x, 0).toArray();    // [1, 2, 3]
 * min(x, -1).toArray();   // [1, 2]
 * ```
 * @category Reduction
 */
export function min(x: Tensor, dim?: number | readonly number[], keepDim = false): Tensor {
  return runReduction('min', 'Min', x, dim, keepDim);
}
