import { runKernel } from '../../engine/engine.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { resolveShape } from './shared.js';

/**
 * The same elements, in row-major order, under a new shape of equal size. One entry may be `-1`:
 * it is inferred from the others.
 *
 * `x: [...dims] → shape`
 *
 * @param x - the tensor to reshape.
 * @param shape - the new shape; at most one `-1`.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when the sizes differ (the message shows both shapes) or `-1` cannot be
 *   inferred; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for entries that are not integers ≥ -1 or several `-1`.
 * @example
 * ```ts
 * reshape(arange(6), [2, 3]).toArray();  // [[0, 1, 2], [3, 4, 5]]
 * reshape(arange(6), [-1, 2]).shape;     // [3, 2]
 * reshape(tensor([7]), []).shape;        // []
 * ```
 * @category Movement
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  checkTensor('reshape', 'x', x);
  return runKernel('Reshape', { x }, { shape: resolveShape('reshape', x, shape) });
}
