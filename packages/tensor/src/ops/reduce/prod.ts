import type { Tensor } from '../../tensor.js';
import { runReduction } from './dims.js';

/**
 * Multiplies the elements of `x` over `dim` (every dim when omitted).
 *
 * `x: [D0, …, Dn]` → the shape without the reduced dims (kept as 1 with `keepDim`). `bool` inputs
 * give `int32`; `int32` products wrap around like int32 arithmetic. The product over an empty set
 * is 1.
 *
 * @param x - the tensor to reduce.
 * @param dim - a dim, several dims, or `undefined` for all.
 * @param keepDim - keep reduced dims with size 1.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when a dim is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when a dim repeats,
 *   is not an integer, or `x` is not a tensor.
 * @example
 * ```ts
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * prod(x).item();           // 720
 * prod(x, 1).toArray();     // [6, 120]
 * prod(zeros([0])).item();  // 1
 * ```
 * @category Reduction
 */
export function prod(x: Tensor, dim?: number | readonly number[], keepDim = false): Tensor {
  return runReduction('prod', 'Prod', x, dim, keepDim);
}
