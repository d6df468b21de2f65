import { ArgumentError, DTypeError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import type { TensorLike } from '../operands.js';
import { binary } from './helpers.js';

/**
 * Raises `a` to the power `b`, elementwise with broadcasting. Floats follow C's `pow` (so
 * `1 ** NaN = 1`); int32 is exact modulo 2³² like PyTorch's integer pow. An int32 exponent
 * tensor with negative values gives 1 for base 1, ±1 for base -1 and 0 otherwise.
 *
 * `a: [...A], b: [...B] → broadcast(A, B)`.
 *
 * @param a - the base: a tensor, number or boolean.
 * @param b - the exponent: a tensor, number or boolean.
 * @returns the power in the promoted dtype (`pow(intTensor, 0.5)` is float32).
 * @throws `ArgumentError` for an integer base with a negative integer number exponent (as PyTorch:
 *   cast the base to float first); `DTypeError` when both operands are bool; `ShapeError` when the
 *   shapes don't broadcast.
 * @example
 * ```ts
 * pow(tensor([2, 3]), 2).toArray(); // [4, 9]
 * pow(2, tensor([0.5])).toArray(); // [1.4142135381698608]
 * pow(tensor([3], { dtype: 'int32' }), 3).toArray(); // [27]
 * ```
 * @category Elementwise
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  return binary('pow', 'Pow', a, b, (dtype) => {
    if (dtype === 'bool') {
      throw new DTypeError({ op: 'pow', expected: 'operands that are not both bool', got: 'bool and bool' });
    }
    if (dtype === 'int32' && typeof b === 'number' && b < 0) {
      throw new ArgumentError({
        op: 'pow',
        arg: 'b',
        expected: 'a non-negative exponent for an integer base',
        got: String(b),
        hint: 'Cast the base to float first',
      });
    }
    return dtype;
  });
}
