import { runKernel } from '../../engine/engine.js';
import { normalizeAxis } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkInt } from './shared.js';

/**
 * Inserts a size-1 dim at position `dim` of the result.
 *
 * `x: [A, B]`, `dim = 1` `→ [A, 1, B]`
 *
 * @param x - the tensor.
 * @param dim - where the new dim goes, in `[-rank-1, rank]` (negative counts from the end of the
 *   result).
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range.
 * @example
 * ```ts
 * unsqueeze(zeros([2, 3]), 0).shape;  // [1, 2, 3]
 * unsqueeze(zeros([2, 3]), -1).shape; // [2, 3, 1]
 * ```
 * @category Movement
 */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  checkTensor('unsqueeze', 'x', x);
  const at = normalizeAxis('unsqueeze', 'dim', checkInt('unsqueeze', 'dim', dim), x.rank + 1);
  const shape = [...x.shape];
  shape.splice(at, 0, 1);
  return runKernel('Reshape', { x }, { shape });
}
