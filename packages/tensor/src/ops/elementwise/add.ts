import type { Tensor } from '../../tensor.js';
import type { TensorLike } from '../operands.js';
import { binary } from './helpers.js';

/**
 * Adds two tensors (or a tensor and a number), elementwise with broadcasting; `bool + bool` is logical or.
 *
 * `a: [...A], b: [...B] → broadcast(A, B)`.
 *
 * @param a - a tensor, number or boolean.
 * @param b - a tensor, number or boolean.
 * @returns the sum in the promoted dtype (see `promoteTypes`; JavaScript numbers are weak).
 * @throws `ShapeError` when the shapes don't broadcast; `ArgumentError` when an operand is not a tensor, number or boolean.
 * @example
 * ```ts
 * add(tensor([[1], [2]]), tensor([10, 20])).toArray(); // [[11, 21], [12, 22]]
 * add(tensor([1, 2]), 0.5).toArray(); // [1.5, 2.5]
 * add(tensor([1, 2], { dtype: 'int32' }), 1).dtype; // 'int32'
 * ```
 * @category Elementwise
 */
export function add(a: TensorLike, b: TensorLike): Tensor {
  return binary('add', 'Add', a, b);
}
