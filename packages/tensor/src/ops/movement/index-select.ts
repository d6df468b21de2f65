import { runKernel } from '../../engine/engine.js';
import { ShapeError } from '../../errors.js';
import { formatShape, normalizeAxis } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkIndexDType, checkInt } from './shared.js';

/**
 * Picks whole slices along `dim` by a list of positions (PyTorch `index_select`); positions may
 * repeat and come in any order.
 *
 * `x: [A, B, C]`, `index: [K]`, `dim = 1` `→ [A, K, C]`
 *
 * @param x - the source tensor.
 * @param dim - the dim to select along (negative counts from the end).
 * @param index - a 1-D (or 0-D) int32 tensor of positions in `[0, x.shape[dim])`.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for a non-int32 index; {@link "@nn/tensor".index.ShapeError | ShapeError} for an index of rank > 1 (or
 *   more than one position for a 0-d `x`); {@link "@nn/tensor".index.IndexError | IndexError} for a position out of range (from the
 *   kernel) or a dim out of range.
 * @example
 * ```ts
 * const x = tensor([[1, 2], [3, 4], [5, 6]]);
 * indexSelect(x, 0, tensor([2, 0], { dtype: 'int32' })).toArray(); // [[5, 6], [1, 2]]
 * indexSelect(x, 1, tensor([1], { dtype: 'int32' })).toArray();    // [[2], [4], [6]]
 * ```
 * @category Indexing
 */
export function indexSelect(x: Tensor, dim: number, index: Tensor): Tensor {
  checkTensor('indexSelect', 'x', x);
  checkTensor('indexSelect', 'index', index);
  const axis = normalizeAxis('indexSelect', 'dim', checkInt('indexSelect', 'dim', dim), x.rank);
  checkIndexDType('indexSelect', 'index', index);
  if (index.rank > 1 || (x.rank === 0 && index.size !== 1)) {
    throw new ShapeError({
      op: 'indexSelect',
      arg: 'index',
      expected: x.rank === 0 ? 'a single position for a 0-d tensor' : 'a 1-D (or 0-D) index',
      got: `shape ${formatShape(index.shape)}`,
    });
  }
  return runKernel('IndexSelect', { x, indices: index }, { axis });
}
