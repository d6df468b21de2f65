import { tidy } from '../../engine/scope.js';
import { DTypeError, ShapeError } from '../../errors.js';
import { formatShape } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { reshapeTo } from './conv-options.js';
import { matmul } from './matmul.js';

/**
 * Outer product of two vectors: `a: [M] ⊗ b: [N] → [M, N]`, `out[i, j] = a[i] · b[j]`.
 *
 * @param a - a 1-D tensor.
 * @param b - a 1-D tensor.
 * @returns a 2-D tensor in the promoted dtype (float32, float64 or int32).
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when an operand is not 1-D.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for `bool` operands.
 * @example
 * ```ts
 * outer(tensor([1, 2]), tensor([3, 4, 5])).toArray(); // [[3, 4, 5], [6, 8, 10]]
 * ```
 * @category Linear algebra
 */
export function outer(a: Tensor, b: Tensor): Tensor {
  checkTensor('outer', 'a', a);
  checkTensor('outer', 'b', b);
  for (const [arg, t] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (t.rank !== 1)
      throw new ShapeError({ op: 'outer', arg, expected: 'a 1-D tensor', got: `shape ${formatShape(t.shape)}` });
    if (t.dtype === 'bool')
      throw new DTypeError({ op: 'outer', arg, expected: 'a float32, float64 or int32 tensor', got: 'bool' });
  }
  return tidy(() => matmul(reshapeTo(a, [a.shape[0]!, 1]), reshapeTo(b, [1, b.shape[0]!])));
}
