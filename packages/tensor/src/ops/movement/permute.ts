import { runKernel } from '../../engine/engine.js';
import { ArgumentError } from '../../errors.js';
import { normalizeAxis } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkIntList } from './shared.js';

/**
 * Reorders the dims: output dim `i` is input dim `dims[i]`.
 *
 * `x: [N, C, H, W]`, `dims = [0, 2, 3, 1]` `→ [N, H, W, C]`
 *
 * @param x - the tensor.
 * @param dims - a permutation of `0 … rank-1` (negative entries count from the end).
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} when `dims` is not a permutation of the dims (wrong length or a
 *   repeated dim); {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range.
 * @example
 * ```ts
 * permute(zeros([2, 3, 4]), [2, 0, 1]).shape;                // [4, 2, 3]
 * permute(tensor([[1, 2], [3, 4]]), [1, 0]).toArray();        // [[1, 3], [2, 4]]
 * ```
 * @category Movement
 */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  checkTensor('permute', 'x', x);
  const list = checkIntList('permute', 'dims', dims);
  const bad = (): ArgumentError =>
    new ArgumentError({
      op: 'permute',
      arg: 'dims',
      expected: `a permutation of the ${x.rank} dims of a tensor of shape [${x.shape.join(',')}]`,
      got: `[${list.join(',')}]`,
    });
  if (list.length !== x.rank) throw bad();
  const perm = list.map((d) => normalizeAxis('permute', 'dims', d, x.rank));
  if (new Set(perm).size !== perm.length) throw bad();
  return runKernel('Transpose', { x }, { perm });
}
