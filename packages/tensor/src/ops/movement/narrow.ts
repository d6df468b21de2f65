import { runKernel } from '../../engine/engine.js';
import { IndexError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkInt, dimOf } from './shared.js';

/**
 * The `length` positions of dim `dim` starting at `start` (PyTorch `narrow`).
 *
 * `x: [A, B]`, `dim = 1` `→ [A, length]`
 *
 * @param x - a tensor with at least one dim.
 * @param dim - the dim to narrow (negative counts from the end).
 * @param start - first position, in `[-size, size]` (negative counts from the end).
 * @param length - how many positions; `start + length` must not pass the end.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when `start` or `start + length` is out of range or the dim is out of
 *   range; {@link "@nn/tensor".index.ShapeError | ShapeError} for a 0-d tensor; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for a negative length.
 * @example
 * ```ts
 * narrow(arange(5), 0, 1, 3).toArray(); // [1, 2, 3]
 * narrow(arange(5), 0, -2, 2).toArray(); // [3, 4]
 * ```
 * @category Movement
 */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  checkTensor('narrow', 'x', x);
  const axis = dimOf('narrow', 'dim', x, dim);
  const n = x.shape[axis]!;
  checkInt('narrow', 'start', start);
  checkInt('narrow', 'length', length, 0);
  if (start < -n || start > n) {
    throw new IndexError({
      op: 'narrow',
      arg: 'start',
      expected: `a start in [${-n}, ${n}] for dim ${axis} of size ${n}`,
      got: String(start),
    });
  }
  const b = start < 0 ? start + n : start;
  if (b + length > n) {
    throw new IndexError({
      op: 'narrow',
      arg: 'length',
      expected: `start + length ≤ ${n} (dim ${axis} has size ${n})`,
      got: `${b} + ${length}`,
    });
  }
  const begin = x.shape.map((_, i) => (i === axis ? b : 0));
  const end = x.shape.map((d, i) => (i === axis ? b + length : d));
  return runKernel('Slice', { x }, { begin, end, step: x.shape.map(() => 1) });
}
