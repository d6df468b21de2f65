import { runKernel } from '../../engine/engine.js';
import { ShapeError } from '../../errors.js';
import { formatShape, normalizeAxis } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkIndexDType, checkInt } from './shared.js';

/**
 * Picks values along `dim` by an index tensor of the same rank (PyTorch `gather`):
 * `out[i][j] = x[index[i][j]][j]` for `dim = 0`, `out[i][j] = x[i][index[i][j]]` for `dim = 1`.
 * The output has `index`'s shape and `x`'s dtype.
 *
 * `x: [A, B]`, `index: [A', K]` (`A' ≤ A`), `dim = 1` `→ [A', K]`
 *
 * @param x - the source tensor.
 * @param dim - the dim that `index` selects along (negative counts from the end).
 * @param index - an int32 tensor of `x`'s rank, no larger than `x` on the other dims; values in
 *   `[0, x.shape[dim])`.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for a non-int32 index; {@link "@nn/tensor".index.ShapeError | ShapeError} for a rank mismatch or an
 *   index larger than `x` on another dim; {@link "@nn/tensor".index.IndexError | IndexError} for an index value out of range (from
 *   the kernel) or a dim out of range.
 * @example
 * ```ts
 * const x = tensor([[1, 2], [3, 4]]);
 * gather(x, 1, tensor([[0, 0], [1, 0]], { dtype: 'int32' })).toArray(); // [[1, 1], [4, 3]]
 * gather(x, 0, tensor([[1, 0]], { dtype: 'int32' })).toArray();         // [[3, 2]]
 * ```
 * @category Indexing
 */
export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  checkTensor('gather', 'x', x);
  checkTensor('gather', 'index', index);
  const axis = normalizeAxis('gather', 'dim', checkInt('gather', 'dim', dim), x.rank);
  checkIndexDType('gather', 'index', index);
  const fits = index.rank === x.rank && index.shape.every((n, i) => i === axis || n <= x.shape[i]!);
  if (!fits) {
    throw new ShapeError({
      op: 'gather',
      arg: 'index',
      expected: `an index of rank ${x.rank}, no larger than ${formatShape(x.shape)} outside dim ${axis}`,
      got: formatShape(index.shape),
    });
  }
  return runKernel('Gather', { x, indices: index }, { axis });
}
