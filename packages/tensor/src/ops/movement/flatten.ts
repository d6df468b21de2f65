import { runKernel } from '../../engine/engine.js';
import { ArgumentError } from '../../errors.js';
import { normalizeAxis } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkInt } from './shared.js';

/**
 * Merges dims `startDim` to `endDim` (inclusive) into one, like `torch.flatten`. A 0-d tensor
 * becomes `[1]`.
 *
 * `x: [A, B, C, D]`, `startDim = 1`, `endDim = 2` `→ [A, B·C, D]`
 *
 * @param x - the tensor to flatten.
 * @param startDim - first dim to merge (default 0; negative counts from the end).
 * @param endDim - last dim to merge (default -1).
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when `startDim` comes
 *   after `endDim`.
 * @example
 * ```ts
 * flatten(zeros([2, 3, 4])).shape;       // [24]
 * flatten(zeros([2, 3, 4]), 1).shape;    // [2, 12]
 * flatten(zeros([2, 3, 4]), 0, 1).shape; // [6, 4]
 * ```
 * @category Movement
 */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  checkTensor('flatten', 'x', x);
  const start = normalizeAxis('flatten', 'startDim', checkInt('flatten', 'startDim', startDim), x.rank);
  const end = normalizeAxis('flatten', 'endDim', checkInt('flatten', 'endDim', endDim), x.rank);
  if (start > end) {
    throw new ArgumentError({
      op: 'flatten',
      arg: 'startDim',
      expected: `startDim ≤ endDim (normalised ${end})`,
      got: `${startDim} (normalised ${start})`,
    });
  }
  if (x.rank === 0) return runKernel('Reshape', { x }, { shape: [1] });
  let merged = 1;
  for (let i = start; i <= end; i++) merged *= x.shape[i]!;
  const shape = [...x.shape.slice(0, start), merged, ...x.shape.slice(end + 1)];
  return runKernel('Reshape', { x }, { shape });
}
