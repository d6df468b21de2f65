import { runKernel } from '../../engine/engine.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { singleAxis } from './dims.js';

/**
 * The inclusive running sum of `x` along `dim`: `out[…, i, …] = x[…, 0, …] + … + x[…, i, …]`.
 *
 * `x: [D0, …, Dn]` → `[D0, …, Dn]`. Floats keep their dtype (accumulated in double on the CPU
 * backend); `int32` wraps like int32 arithmetic; `bool` counts as `int32`.
 *
 * @param x - the tensor to accumulate.
 * @param dim - the dim to run along (negative counts from the end; a rank-0 tensor accepts 0 or -1).
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when `dim` is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when `dim` is not an
 *   integer or `x` is not a tensor.
 * @example
 * ```ts
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * cumsum(x, 1).toArray();  // [[1, 3, 6], [4, 9, 15]]
 * cumsum(x, 0).toArray();  // [[1, 2, 3], [5, 7, 9]]
 * cumsum(tensor([true, false, true]), 0).toArray(); // [1, 1, 2]
 * ```
 * @category Reduction
 */
export function cumsum(x: Tensor, dim: number): Tensor {
  const t = checkTensor('cumsum', 'x', x);
  const axis = singleAxis('cumsum', t, dim);
  return runKernel('Cumsum', { x: t }, { axis, reverse: false });
}
