import { runKernel } from '../../engine/engine.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { dimsOf } from './shared.js';

/**
 * Reverses the order of elements along the given dims (a slice with step -1).
 *
 * `x: [A, B] → [A, B]`
 *
 * @param x - the tensor.
 * @param dims - a dim or dims to reverse (negative counts from the end).
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for a repeated dim.
 * @example
 * ```ts
 * flip(tensor([[1, 2], [3, 4]]), 1).toArray();      // [[2, 1], [4, 3]]
 * flip(tensor([[1, 2], [3, 4]]), [0, 1]).toArray(); // [[4, 3], [2, 1]]
 * ```
 * @category Movement
 */
export function flip(x: Tensor, dims: number | readonly number[]): Tensor {
  checkTensor('flip', 'x', x);
  const axes = new Set(dimsOf('flip', 'dims', dims, x.rank));
  const begin = x.shape.map((n, i) => (axes.has(i) ? n - 1 : 0));
  const end = x.shape.map((n, i) => (axes.has(i) ? -1 : n));
  const step = x.shape.map((_, i) => (axes.has(i) ? -1 : 1));
  return runKernel('Slice', { x }, { begin, end, step });
}
