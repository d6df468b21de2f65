import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { cast } from './cast.js';
import { mul } from './mul.js';

/**
 * `x²`, elementwise; keeps the dtype, except that bool becomes int32 (as `x ** 2` in PyTorch).
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor, any dtype.
 * @returns a tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * square(tensor([-3, 0.5])).toArray(); // [9, 0.25]
 * square(tensor([true, false])).dtype; // 'int32'
 * ```
 * @category Elementwise
 */
export function square(x: Tensor): Tensor {
  checkTensor('square', 'x', x);
  if (x.dtype !== 'bool') return mul(x, x);
  return tidy(() => {
    const xi = cast(x, 'int32');
    return mul(xi, xi);
  });
}
