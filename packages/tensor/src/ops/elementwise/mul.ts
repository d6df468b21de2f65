import type { Tensor } from '../../tensor.js';
import type { TensorLike } from '../operands.js';
import { binary } from './helpers.js';

/**
 * Multiplies two tensors (or a tensor and a number), elementwise with broadcasting; int32 wraps like 32-bit integers.
 *
 * `a: [...A], b: [...B] → broadcast(A, B)`.
 *
 * @param a - a tensor, number or boolean.
 * @param b - a tensor, number or boolean.
 * @returns the product in the promoted dtype.
 * @throws `ShapeError` when the shapes don't broadcast; `ArgumentError` when an operand is not a tensor, number or boolean.
 * @example
 * ```ts
 * mul(tensor([1, 2]), tensor([3, 4])).toArray(); // [3, 8]
 * mul(tensor([[1], [2]]), 10).toArray(); // [[10], [20]]
 * ```
 * @category Elementwise
 */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  return binary('mul', 'Mul', a, b);
}
