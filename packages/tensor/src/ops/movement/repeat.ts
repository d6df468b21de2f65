import { ArgumentError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkIntList } from './shared.js';
import { tileTensor } from './tile.js';

/**
 * Repeats the whole tensor along each dim (PyTorch `Tensor.repeat`): `reps` has at least one
 * entry per dim of `x`; extra leading entries add new leading dims.
 *
 * `x: [A, B]`, `reps = [R, S, T]` `→ [R, S·A, T·B]`
 *
 * @param x - the tensor.
 * @param reps - non-negative repetition counts, `reps.length ≥ x.rank`.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} when `reps` is shorter than the rank or has negative or non-integer
 *   counts.
 * @example
 * ```ts
 * repeat(tensor([1, 2]), [2]).toArray();          // [1, 2, 1, 2]
 * repeat(tensor([1, 2]), [2, 2]).toArray();       // [[1, 2, 1, 2], [1, 2, 1, 2]]
 * repeat(tensor([[1, 2]]), [1, 2, 1]).shape;      // [1, 2, 2]
 * ```
 * @category Movement
 */
export function repeat(x: Tensor, reps: readonly number[]): Tensor {
  checkTensor('repeat', 'x', x);
  const counts = checkIntList('repeat', 'reps', reps, 0);
  if (counts.length < x.rank) {
    throw new ArgumentError({
      op: 'repeat',
      arg: 'reps',
      expected: `at least ${x.rank} counts (one per dim of shape [${x.shape.join(',')}])`,
      got: `[${counts.join(',')}]`,
    });
  }
  return tileTensor(x, counts);
}
