import { DTypeError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { anyUnary } from './helpers.js';

/**
 * Negates `x`, elementwise; keeps the dtype (int32 `-2³¹` wraps to itself).
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor: float32, float64 or int32.
 * @returns a tensor of the same shape and dtype.
 * @throws `DTypeError` for a bool tensor (as PyTorch; use `logicalNot`); `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * neg(tensor([1, -2.5])).toArray(); // [-1, 2.5]
 * neg(tensor([3], { dtype: 'int32' })).dtype; // 'int32'
 * ```
 * @category Elementwise
 */
export function neg(x: Tensor): Tensor {
  checkTensor('neg', 'x', x);
  if (x.dtype === 'bool') {
    throw new DTypeError({
      op: 'neg',
      arg: 'x',
      expected: 'dtype float32 | float64 | int32',
      got: 'bool',
      hint: 'Use logicalNot to invert a bool tensor',
    });
  }
  return anyUnary('neg', 'Neg', x);
}
