import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { div } from '../elementwise/div.js';
import { checkTensor } from '../operands.js';
import { checkFlag, reduceAxes, reducedCount } from './dims.js';
import { sum } from './sum.js';
import { toFloat } from './to-float.js';

/**
 * The arithmetic mean of `x` over `dim` (every dim when omitted): `sum / count`.
 *
 * `x: [D0, …, Dn]` → the shape without the reduced dims (kept as 1 with `keepDim`). Float inputs
 * keep their dtype; `int32`/`bool` inputs give `float32`. The mean of an empty set is NaN.
 *
 * @param x - the tensor to average.
 * @param dim - a dim, several dims, or `undefined` for all.
 * @param keepDim - keep reduced dims with size 1.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when a dim is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when a dim repeats,
 *   is not an integer, or `x` is not a tensor.
 * @example
 * ```ts
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * mean(x).item();          // 3.5
 * mean(x, 1).toArray();    // [2, 5]
 * mean(tensor([1, 2], { dtype: 'int32' })).dtype; // 'float32'
 * ```
 * @category Reduction
 */
export function mean(x: Tensor, dim?: number | readonly number[], keepDim = false): Tensor {
  const t = checkTensor('mean', 'x', x);
  const axes = reduceAxes('mean', t, dim);
  const keep = checkFlag('mean', 'keepDim', keepDim);
  const n = reducedCount(t.shape, axes);
  return tidy(() => div(sum(toFloat(t), axes, keep), n));
}
