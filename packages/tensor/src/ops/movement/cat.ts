import type { Tensor } from '../../tensor.js';
import { concatTensors } from './join.js';

/**
 * Alias of `concat` (PyTorch's name): joins tensors along an existing dim, promoting mixed dtypes.
 *
 * `xs: [A1, B], [A2, B], …` `→ [A1 + A2 + …, B]`
 *
 * @param xs - a non-empty array of tensors with at least one dim.
 * @param dim - the dim to join along (default 0).
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when ranks or the other dims differ; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for an empty
 *   list; {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range.
 * @example
 * ```ts
 * cat([tensor([1, 2]), tensor([3])]).toArray(); // [1, 2, 3]
 * ```
 * @category Movement
 */
export function cat(xs: readonly Tensor[], dim = 0): Tensor {
  return concatTensors('cat', xs, dim);
}
