import type { DType } from '../../dtype.js';
import { runKernel } from '../../engine/engine.js';
import { ArgumentError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkDType, checkTensor } from '../operands.js';

/**
 * Converts `x` to `dtype`. To bool: non-zero is true (NaN too); from bool: 0 or 1; float to
 * int32: truncates toward zero (as PyTorch; NaN and ±∞ give 0, values beyond the int32 range
 * wrap); float64 to float32 rounds to nearest. Returns `x` itself when it already has `dtype`.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor.
 * @param dtype - `'float32' | 'float64' | 'int32' | 'bool'`.
 * @returns a tensor of the same shape in `dtype`.
 * @throws `ArgumentError` for an unknown dtype or when `x` is not a tensor.
 * @example
 * ```ts
 * cast(tensor([-1.7, 2.5]), 'int32').toArray(); // [-1, 2]
 * cast(tensor([0, NaN, -2]), 'bool').toArray(); // [false, true, true]
 * ```
 * @category Elementwise
 */
export function cast(x: Tensor, dtype: DType): Tensor {
  checkTensor('cast', 'x', x);
  if (dtype === undefined) {
    throw new ArgumentError({
      op: 'cast',
      arg: 'dtype',
      expected: 'float32 | float64 | int32 | bool',
      got: 'undefined',
    });
  }
  const target = checkDType('cast', dtype, x.dtype);
  return target === x.dtype ? x : runKernel('Cast', { x }, { dtype: target });
}
