import type { Tensor } from '../../tensor.js';
import type { TensorLike } from '../operands.js';
import { binary } from './helpers.js';

/**
 * The elementwise maximum of two tensors (or a tensor and a number), with broadcasting; NaN if either is NaN.
 *
 * `a: [...A], b: [...B] → broadcast(A, B)`.
 *
 * @param a - a tensor, number or boolean.
 * @param b - a tensor, number or boolean.
 * @returns the maximum in the promoted dtype.
 * @throws `ShapeError` when the shapes don't broadcast; `ArgumentError` when an operand is not a tensor, number or boolean.
 * @example
 * ```ts
 * maximum(tensor([1, 5, NaN]), tensor([3, 2, 0])).toArray(); // [3, 5, NaN]
 * ```
 * @category Elementwise
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return binary('maximum', 'Maximum', a, b);
}
