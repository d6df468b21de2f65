import type { Tensor } from '../../tensor.js';
import { anyUnary } from './helpers.js';

/**
 * Logical not: true where `x` is zero, elementwise (NaN counts as true, as in PyTorch).
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor, any dtype.
 * @returns a bool tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor; `DisposedTensorError` when it was disposed.
 * @example
 * ```ts
 * logicalNot(tensor([0, 2, NaN])).toArray(); // [true, false, false]
 * ```
 * @category Elementwise
 */
export function logicalNot(x: Tensor): Tensor {
  return anyUnary('logicalNot', 'LogicalNot', x);
}
