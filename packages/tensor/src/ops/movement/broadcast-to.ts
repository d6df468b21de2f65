import { runKernel } from '../../engine/engine.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { expandShape } from './shared.js';

/**
 * Broadcasts `x` to `shape` with NumPy rules: shapes align on the right, each dim of `x` equals
 * the target or is 1. As in PyTorch, `-1` keeps a dim of `x`. The result is a copy.
 *
 * `x: [3, 1] → [2, 3, 4]`
 *
 * @param x - the tensor.
 * @param shape - the target shape, at least as long as `x.shape`.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when `x` does not broadcast to `shape`; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for
 *   entries that are not integers ≥ -1.
 * @example
 * ```ts
 * broadcastTo(tensor([1, 2, 3]), [2, 3]).toArray(); // [[1, 2, 3], [1, 2, 3]]
 * broadcastTo(scalar(5), [2]).toArray();            // [5, 5]
 * ```
 * @category Movement
 */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  checkTensor('broadcastTo', 'x', x);
  return runKernel('BroadcastTo', { x }, { shape: expandShape('broadcastTo', x, shape) });
}
