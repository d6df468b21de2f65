import { runKernel } from '../../engine/engine.js';
import { DTypeError, ShapeError } from '../../errors.js';
import { formatShape, normalizeAxis } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkIndexDType, checkInt } from './shared.js';

/**
 * Adds `src` into a copy of `x` at positions given by `index` along `dim` (PyTorch
 * `scatter_add`, out of place): for `dim = 0`, `out[index[i][j]][j] += src[i][j]`. Repeated
 * positions accumulate; for `bool` the sum is a logical or.
 *
 * `x: [A, B]`, `index: [I, J]`, `src: [≥I, ≥J]`, `dim = 0` `→ [A, B]`
 *
 * @param x - the tensor added into (not modified).
 * @param dim - the dim that `index` addresses (negative counts from the end).
 * @param index - an int32 tensor of `x`'s rank; no larger than `src` on any dim, nor than `x` outside
 *   `dim`; values in `[0, x.shape[dim])`.
 * @param src - the values to add, of `x`'s rank and dtype (only the region `index` covers is read).
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for a non-int32 index or a `src` dtype other than `x`'s;
 *   {@link "@nn/tensor".index.ShapeError | ShapeError} for rank or size mismatches; {@link "@nn/tensor".index.IndexError | IndexError} for an index value out of
 *   range (from the kernel) or a dim out of range.
 * @example
 * ```ts
 * const index = tensor([0, 1, 0], { dtype: 'int32' });
 * scatterAdd(zeros([2]), 0, index, tensor([1, 2, 3])).toArray(); // [4, 2]
 * ```
 * @category Indexing
 */
export function scatterAdd(x: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  checkTensor('scatterAdd', 'x', x);
  checkTensor('scatterAdd', 'index', index);
  checkTensor('scatterAdd', 'src', src);
  const axis = normalizeAxis('scatterAdd', 'dim', checkInt('scatterAdd', 'dim', dim), x.rank);
  checkIndexDType('scatterAdd', 'index', index);
  if (src.dtype !== x.dtype) {
    throw new DTypeError({
      op: 'scatterAdd',
      arg: 'src',
      expected: `dtype ${x.dtype} (as x)`,
      got: `dtype ${src.dtype}`,
    });
  }
  const fits =
    index.rank === x.rank &&
    src.rank === x.rank &&
    index.shape.every((n, i) => n <= src.shape[i]! && (i === axis || n <= x.shape[i]!));
  if (!fits) {
    throw new ShapeError({
      op: 'scatterAdd',
      arg: 'index',
      expected: `an index of rank ${x.rank}, no larger than src ${formatShape(src.shape)} and than x ${formatShape(x.shape)} outside dim ${axis}`,
      got: formatShape(index.shape),
    });
  }
  return runKernel('ScatterAdd', { x, indices: index, updates: src }, { axis });
}
