import { runKernel } from '../../engine/engine.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { dimsOf } from './shared.js';

/**
 * Removes size-1 dims: all of them, or only those among `dim` (PyTorch semantics: a listed dim whose
 * size is not 1 is left as it is).
 *
 * `x: [A, 1, B, 1] → [A, B]`
 *
 * @param x - the tensor to squeeze.
 * @param dim - a dim or dims to squeeze (negative counts from the end); all size-1 dims if omitted.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for a repeated dim.
 * @example
 * ```ts
 * squeeze(zeros([2, 1, 3, 1])).shape;      // [2, 3]
 * squeeze(zeros([2, 1, 3, 1]), 1).shape;   // [2, 3, 1]
 * squeeze(zeros([2, 1, 3, 1]), 0).shape;   // [2, 1, 3, 1]
 * ```
 * @category Movement
 */
export function squeeze(x: Tensor, dim?: number | readonly number[]): Tensor {
  checkTensor('squeeze', 'x', x);
  if (x.rank === 0) {
    if (dim !== undefined) dimsOf('squeeze', 'dim', dim, 0);
    return runKernel('Reshape', { x }, { shape: [] });
  }
  let drop: Set<number>;
  if (dim === undefined) {
    drop = new Set(x.shape.flatMap((n, i) => (n === 1 ? [i] : [])));
  } else {
    drop = new Set(dimsOf('squeeze', 'dim', dim, x.rank).filter((i) => x.shape[i] === 1));
  }
  return runKernel('Reshape', { x }, { shape: x.shape.filter((_, i) => !drop.has(i)) });
}
