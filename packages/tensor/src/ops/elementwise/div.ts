import { isFloat } from '../../dtype.js';
import type { Tensor } from '../../tensor.js';
import type { TensorLike } from '../operands.js';
import { binary } from './helpers.js';

/**
 * Divides `a` by `b`, elementwise with broadcasting: true division, so integer and bool operands
 * are divided in float32 and dividing by zero gives `±∞` or NaN (as PyTorch).
 *
 * `a: [...A], b: [...B] → broadcast(A, B)`.
 *
 * @param a - a tensor, number or boolean.
 * @param b - a tensor, number or boolean.
 * @returns the quotient: float32, or float64 when an operand tensor is float64.
 * @throws `ShapeError` when the shapes don't broadcast; `ArgumentError` when an operand is not a
 *   tensor, number or boolean.
 * @example
 * ```ts
 * div(tensor([7], { dtype: 'int32' }), 2).toArray(); // [3.5]
 * div(tensor([1, -1, 0], { dtype: 'int32' }), 0).toArray(); // [Infinity, -Infinity, NaN]
 * ```
 * @category Elementwise
 */
export function div(a: TensorLike, b: TensorLike): Tensor {
  return binary('div', 'Div', a, b, (dtype) => (isFloat(dtype) ? dtype : 'float32'));
}
