import type { Tensor } from '../../tensor.js';
import type { TensorLike } from '../operands.js';
import { binary } from './helpers.js';

/**
 * `a == b`, elementwise with broadcasting, compared in the promoted dtype; NaN equals nothing.
 *
 * `a: [...A], b: [...B] → broadcast(A, B)`.
 *
 * @param a - a tensor, number or boolean.
 * @param b - a tensor, number or boolean.
 * @returns a bool tensor.
 * @throws `ShapeError` when the shapes don't broadcast; `ArgumentError` when an operand is not a tensor, number or boolean.
 * @example
 * ```ts
 * eq(tensor([1, 2, NaN]), tensor([1, 3, NaN])).toArray(); // [true, false, false]
 * ```
 * @category Elementwise
 */
export function eq(a: TensorLike, b: TensorLike): Tensor {
  return binary('eq', 'Equal', a, b);
}
