import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { broadcastShapes } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import type { TensorLike } from '../operands.js';
import { boolOperand } from './helpers.js';

/**
 * Logical or: true where either is true, elementwise with broadcasting. Operands of any dtype are read as
 * booleans first (non-zero, including NaN, is true), as PyTorch does.
 *
 * `a: [...A], b: [...B] → broadcast(A, B)`.
 *
 * @param a - a tensor (any dtype), number or boolean.
 * @param b - a tensor (any dtype), number or boolean.
 * @returns a bool tensor.
 * @throws `ShapeError` when the shapes don't broadcast; `ArgumentError` when an operand is not a
 *   tensor, number or boolean.
 * @example
 * ```ts
 * logicalOr(tensor([true, true, false]), tensor([true, false, false])).toArray(); // [true, true, false]
 * logicalOr(tensor([2, 0]), 1).toArray(); // [true, true]
 * ```
 * @category Elementwise
 */
export function logicalOr(a: TensorLike, b: TensorLike): Tensor {
  return tidy(() => {
    const ta = boolOperand('logicalOr', 'a', a);
    const tb = boolOperand('logicalOr', 'b', b);
    broadcastShapes('logicalOr', ta.shape, tb.shape);
    return runKernel('LogicalOr', { a: ta, b: tb }, {});
  });
}
