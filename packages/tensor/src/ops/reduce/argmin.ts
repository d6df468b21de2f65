import type { Tensor } from '../../tensor.js';
import { runArgReduction } from './dims.js';

/**
 * The index of the smallest element of `x` along `dim`, as `int32`; with no `dim`, the index into
 * the flattened tensor. The first occurrence wins, and NaN counts as the smallest (as in PyTorch).
 *
 * `x: [D0, …, Dn]` → `[D0, …, Dn]` without `dim` (kept as 1 with `keepDim`), or `[]` with no
 * `dim` (all 1s with `keepDim`).
 *
 * @param x - the tensor to search.
 * @param dim - the dim to reduce (negative counts from the end), or `undefined` for all.
 * @param keepDim - keep the reduced dim with size 1.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when `dim` is out of range or the searched set is empty;
 *   {@link "@nn/tensor".index.ArgumentError | ArgumentError} when `dim` is not an integer.
 * @example
 * ```ts
 * const x = tensor([[4, 1, 1], [0, 2, 6]]);
 * argmin(x).item();        // 3
 * argmin(x, 1).toArray();  // [1, 0]
 * argmin(tensor([3, NaN, 0])).item(); // 1
 * ```
 * @category Reduction
 */
export function argmin(x: Tensor, dim?: number, keepDim = false): Tensor {
  return runArgReduction('argmin', 'ArgMin', x, dim, keepDim);
}
