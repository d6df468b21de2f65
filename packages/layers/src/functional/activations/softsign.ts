import { abs, add, div, tidy, type Tensor } from '@nn/tensor';
import { asFloat, checkTensorArg } from './checks.js';

/**
 * Softsign, `x / (1 + |x|)`, elementwise, as PyTorch's `softsign`. Integer and bool inputs are
 * computed in float32.
 *
 * `x: [*] → [*]`
 *
 * @param x - the input tensor.
 * @returns a float tensor of the same shape, values in `(−1, 1)`.
 * @throws `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * softsign(tensor([-3, 0, 1])).toArray(); // [-0.75, 0, 0.5]
 * ```
 * @category Activations
 */
export function softsign(x: Tensor): Tensor {
  checkTensorArg('softsign', 'x', x);
  return tidy(() => {
    const xf = asFloat(x);
    return div(xf, add(abs(xf), 1));
  });
}
