import type { Tensor } from '../../tensor.js';
import { concatTensors } from './join.js';

/**
 * Joins tensors along an existing dim. All have the same rank and equal sizes on the other dims;
 * mixed dtypes promote to the common one (`bool < int32 < float32 < float64`), as in PyTorch.
 *
 * `xs: [A, B1], [A, B2], …`, `dim = 1` `→ [A, B1 + B2 + …]`
 *
 * @param xs - a non-empty array of tensors with at least one dim.
 * @param dim - the dim to join along (default 0; negative counts from the end).
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when ranks or the other dims differ, or for 0-d tensors;
 *   {@link "@nn/tensor".index.ArgumentError | ArgumentError} for an empty list; {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range.
 * @example
 * ```ts
 * concat([tensor([[1, 2]]), tensor([[3, 4]])]).toArray();    // [[1, 2], [3, 4]]
 * concat([tensor([[1, 2]]), tensor([[3]])], 1).toArray();    // [[1, 2, 3]]
 * concat([tensor([1], { dtype: 'int32' }), tensor([0.5])]).dtype; // 'float32'
 * ```
 * @category Movement
 */
export function concat(xs: readonly Tensor[], dim = 0): Tensor {
  return concatTensors('concat', xs, dim);
}
