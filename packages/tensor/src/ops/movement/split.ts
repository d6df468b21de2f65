import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { splitTensor } from './split-impl.js';

/**
 * Splits `x` along `dim` into pieces of `splitSizeOrSections` positions each (the last may be
 * shorter), or into pieces of the listed sizes (PyTorch `split`).
 *
 * `x: [10, B]`, `splitSizeOrSections = 4` `→ [4, B], [4, B], [2, B]`
 *
 * @param x - a tensor with at least one dim.
 * @param splitSizeOrSections - the size of each piece, or the list of sizes (summing to the dim).
 * @param dim - the dim to split (default 0; negative counts from the end).
 * @returns the pieces, in order.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when listed sizes do not sum to the dim or for a 0-d tensor;
 *   {@link "@nn/tensor".index.ArgumentError | ArgumentError} for a non-positive size; {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range.
 * @example
 * ```ts
 * split(arange(5), 2).map((t) => t.toArray());      // [[0, 1], [2, 3], [4]]
 * split(arange(5), [1, 4]).map((t) => t.shape);     // [[1], [4]]
 * ```
 * @category Movement
 */
export function split(x: Tensor, splitSizeOrSections: number | readonly number[], dim = 0): Tensor[] {
  checkTensor('split', 'x', x);
  return splitTensor('split', x, splitSizeOrSections, dim);
}
