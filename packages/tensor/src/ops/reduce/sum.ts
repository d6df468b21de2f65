import type { Tensor } from '../../tensor.js';
import { runReduction } from './dims.js';

/**
 * Sums the elements of `x` over `dim` (every dim when omitted).
 *
 * `x: [D0, …, Dn]` → the shape without the reduced dims (kept as 1 with `keepDim`). Float sums
 * accumulate in double on the CPU backend and round once. `bool` inputs give `int32` counts;
 * `int32` sums wrap around like int32 arithmetic. The sum over an empty set is 0. `dim: []`
 * reduces nothing.
 *
 * @param x - the tensor to reduce.
 * @param dim - a dim, several dims (negatives count from the end), or `undefined` for all.
 * @param keepDim - keep reduced dims with size 1.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when a dim is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when a dim repeats,
 *   is not an integer, or `x` is not a tensor.
 * @example
 * ```ts
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * sum(x).item();                 // 21
 * sum(x, 0).toArray();           // [5, 7, 9]
 * sum(x, -1, true).toArray();    // [[6], [15]]
 * sum(tensor([true, true, false])).dtype; // 'int32'
 * ```
 * @category Reduction
 */
export function sum(x: Tensor, dim?: number | readonly number[], keepDim = false): Tensor {
  return runReduction('sum', 'Sum', x, dim, keepDim);
}
