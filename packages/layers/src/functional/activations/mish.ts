import { mul, softplus, tanh, tidy, type Tensor } from '@nn/tensor';
import { asFloat, checkTensorArg } from './checks.js';

/**
 * Mish, `x · tanh(softplus(x))`, elementwise, as PyTorch's `mish`. Integer and bool inputs are
 * computed in float32.
 *
 * `x: [*] → [*]`
 *
 * @param x - the input tensor.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * mish(tensor([0, 1, 100])).toArray(); // ≈ [0, 0.865098, 100]
 * ```
 * @category Activations
 */
export function mish(x: Tensor): Tensor {
  checkTensorArg('mish', 'x', x);
  return tidy(() => {
    const xf = asFloat(x);
    return mul(xf, tanh(softplus(xf)));
  });
}
