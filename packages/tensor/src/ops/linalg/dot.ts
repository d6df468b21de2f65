import { DTypeError, ShapeError } from '../../errors.js';
import { formatShape } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { matmul } from './matmul.js';

/**
 * Inner product of two vectors: `a: [K] · b: [K] → []`, accumulated in double.
 *
 * @param a - a 1-D tensor.
 * @param b - a 1-D tensor of the same length.
 * @returns a 0-D tensor in the promoted dtype (float32, float64 or int32).
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when an operand is not 1-D or the lengths differ.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for `bool` operands.
 * @example
 * ```ts
 * dot(tensor([1, 2, 3]), tensor([4, 5, 6])).item(); // 32
 * ```
 * @category Linear algebra
 */
export function dot(a: Tensor, b: Tensor): Tensor {
  checkTensor('dot', 'a', a);
  checkTensor('dot', 'b', b);
  for (const [arg, t] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (t.rank !== 1)
      throw new ShapeError({ op: 'dot', arg, expected: 'a 1-D tensor', got: `shape ${formatShape(t.shape)}` });
    if (t.dtype === 'bool')
      throw new DTypeError({ op: 'dot', arg, expected: 'a float32, float64 or int32 tensor', got: 'bool' });
  }
  if (a.shape[0] !== b.shape[0]) {
    throw new ShapeError({
      op: 'dot',
      arg: 'a, b',
      expected: 'vectors of equal length',
      got: `a ${formatShape(a.shape)} and b ${formatShape(b.shape)}`,
    });
  }
  return matmul(a, b);
}
