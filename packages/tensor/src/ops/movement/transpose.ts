import { runKernel } from '../../engine/engine.js';
import { normalizeAxis } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkInt } from './shared.js';

/**
 * Swaps two dims.
 *
 * `x: [A, B, C]`, `dim0 = 0`, `dim1 = 2` `→ [C, B, A]`
 *
 * @param x - the tensor.
 * @param dim0 - one dim (negative counts from the end).
 * @param dim1 - the other dim.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range.
 * @example
 * ```ts
 * transpose(tensor([[1, 2, 3], [4, 5, 6]]), 0, 1).toArray(); // [[1, 4], [2, 5], [3, 6]]
 * transpose(zeros([2, 3, 4]), -1, 0).shape;                  // [4, 3, 2]
 * ```
 * @category Movement
 */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  checkTensor('transpose', 'x', x);
  const a = normalizeAxis('transpose', 'dim0', checkInt('transpose', 'dim0', dim0), x.rank);
  const b = normalizeAxis('transpose', 'dim1', checkInt('transpose', 'dim1', dim1), x.rank);
  const perm = x.shape.map((_, i) => i);
  if (x.rank > 0) {
    perm[a] = b;
    perm[b] = a;
  }
  return runKernel('Transpose', { x }, { perm });
}
