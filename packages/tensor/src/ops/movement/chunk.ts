import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkInt, dimOf } from './shared.js';
import { splitTensor } from './split-impl.js';

/**
 * Splits `x` into `chunks` pieces along `dim` (PyTorch `chunk`): each piece has
 * `ceil(size / chunks)` positions and the last may be smaller, so fewer than `chunks` pieces can
 * come back; an empty dim gives `chunks` empty pieces.
 *
 * `x: [6, B]`, `chunks = 4` `→ [2, B], [2, B], [2, B]`
 *
 * @param x - a tensor with at least one dim.
 * @param chunks - the number of pieces wanted, a positive integer.
 * @param dim - the dim to split (default 0; negative counts from the end).
 * @returns the pieces, in order.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for a non-positive `chunks`; {@link "@nn/tensor".index.ShapeError | ShapeError} for a 0-d tensor;
 *   {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range.
 * @example
 * ```ts
 * chunk(arange(5), 2).map((t) => t.toArray()); // [[0, 1, 2], [3, 4]]
 * chunk(arange(6), 4).length;                  // 3
 * ```
 * @category Movement
 */
export function chunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  checkTensor('chunk', 'x', x);
  checkInt('chunk', 'chunks', chunks, 1);
  const axis = dimOf('chunk', 'dim', x, dim);
  const n = x.shape[axis]!;
  if (n === 0) return splitTensor('chunk', x, new Array<number>(chunks).fill(0), axis);
  return splitTensor('chunk', x, Math.ceil(n / chunks), axis);
}
