import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkIntList } from './shared.js';

/**
 * `tile`/`repeat` once `reps` is validated: `x` gains leading size-1 dims up to `reps.length`, and
 * shorter `reps` gain leading 1s.
 * @internal
 */
export function tileTensor(x: Tensor, reps: readonly number[]): Tensor {
  const rank = Math.max(x.rank, reps.length);
  const fullReps = [...new Array<number>(rank - reps.length).fill(1), ...reps];
  if (rank === x.rank) return runKernel('Tile', { x }, { reps: fullReps });
  const shape = [...new Array<number>(rank - x.rank).fill(1), ...x.shape];
  return tidy(() => runKernel('Tile', { x: runKernel('Reshape', { x }, { shape }) }, { reps: fullReps }));
}

/**
 * Repeats the whole tensor `reps[i]` times along each dim (NumPy/PyTorch `tile`). When `reps` is
 * shorter than the rank it is padded with leading 1s; when longer, `x` gains leading dims.
 *
 * `x: [A, B]`, `reps = [2, 3]` `→ [2A, 3B]`
 *
 * @param x - the tensor.
 * @param reps - non-negative repetition counts.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for counts that are not non-negative integers.
 * @example
 * ```ts
 * tile(tensor([1, 2]), [2]).toArray();       // [1, 2, 1, 2]
 * tile(tensor([1, 2]), [2, 1]).toArray();    // [[1, 2], [1, 2]]
 * tile(tensor([[1], [2]]), [2]).toArray();   // [[1, 1], [2, 2]]
 * ```
 * @category Movement
 */
export function tile(x: Tensor, reps: readonly number[]): Tensor {
  checkTensor('tile', 'x', x);
  return tileTensor(x, checkIntList('tile', 'reps', reps, 0));
}
