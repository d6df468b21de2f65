import type { Tensor } from '../../tensor.js';
import type { TensorLike } from '../operands.js';
import { binary } from './helpers.js';

/**
 * `a > b`, elementwise with broadcasting, compared in the promoted dtype (false where either is NaN).
 *
 * `a: [...A], b: [...B] → broadcast(A, B)`.
 *
 * @param a - a tensor, number or boolean.
 * @param b - a tensor, number or boolean.
 * @returns a bool tensor.
 * @throws `ShapeError` when the shapes don't broadcast; `ArgumentError` when an operand is not a tensor, number or boolean.
 * @example
 * ```ts
 * gt(tensor([1, 2, 3]), 2).toArray(); // [false, false, true]
 * ```
 * @category Elementwise
 */
export function gt(a: TensorLike, b: TensorLike): Tensor {
  return binary('gt', 'Greater', a, b);
}
