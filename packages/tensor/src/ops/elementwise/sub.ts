import { DTypeError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import type { TensorLike } from '../operands.js';
import { binary } from './helpers.js';

/**
 * Subtracts `b` from `a`, elementwise with broadcasting.
 *
 * `a: [...A], b: [...B] → broadcast(A, B)`.
 *
 * @param a - a tensor, number or boolean.
 * @param b - a tensor, number or boolean.
 * @returns the difference in the promoted dtype (JavaScript numbers are weak).
 * @throws `DTypeError` when both operands are bool (as PyTorch; use `ne` for exclusive or);
 *   `ShapeError` when the shapes don't broadcast; `ArgumentError` when an operand is not a tensor,
 *   number or boolean.
 * @example
 * ```ts
 * sub(tensor([5, 7]), 2).toArray(); // [3, 5]
 * sub(1, tensor([[1], [2]])).toArray(); // [[0], [-1]]
 * ```
 * @category Elementwise
 */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  return binary('sub', 'Sub', a, b, (dtype) => {
    if (dtype === 'bool') {
      throw new DTypeError({
        op: 'sub',
        expected: 'operands that are not both bool',
        got: 'bool and bool',
        hint: 'Use ne (exclusive or) or logicalNot',
      });
    }
    return dtype;
  });
}
