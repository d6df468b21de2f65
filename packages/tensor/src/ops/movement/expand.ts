import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { expandShape } from './shared.js';
import { runKernel } from '../../engine/engine.js';

/**
 * Broadcasts `x` to a larger shape (PyTorch `Tensor.expand`): each dim of `x` is kept (`-1` or its
 * own size) or stretched from 1; new leading dims may be added. The result is a copy.
 *
 * `x: [3, 1]`, `shape = [2, 3, 4]` `→ [2, 3, 4]`
 *
 * @param x - the tensor.
 * @param shape - the target shape, at least as long as `x.shape`; `-1` keeps a dim of `x`.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when a dim of `x` is neither 1 nor the target size, or the shape is
 *   shorter than `x`'s; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for `-1` in a new leading dim or entries below -1.
 * @example
 * ```ts
 * expand(tensor([[1], [2]]), [2, 3]).toArray(); // [[1, 1, 1], [2, 2, 2]]
 * expand(tensor([[1], [2]]), [-1, 2]).toArray(); // [[1, 1], [2, 2]]
 * expand(tensor([1, 2]), [2, 2]).toArray();      // [[1, 2], [1, 2]]
 * ```
 * @category Movement
 */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  checkTensor('expand', 'x', x);
  return runKernel('BroadcastTo', { x }, { shape: expandShape('expand', x, shape) });
}
