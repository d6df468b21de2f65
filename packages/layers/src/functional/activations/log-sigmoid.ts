import { abs, exp, log1p, minimum, neg, sub, tidy, type Tensor } from '@nn/tensor';
import { asFloat, checkTensorArg } from './checks.js';

/**
 * The log of the logistic sigmoid, `log(1 / (1 + e^(−x)))`, elementwise, as PyTorch's
 * `logsigmoid`. Computed as `min(x, 0) − log1p(e^(−|x|))`, so it is exact for large `|x|`
 * (`logSigmoid(−1000)` is `−1000`, not `−Infinity`). Integer and bool inputs are computed in float32.
 *
 * `x: [*] → [*]`
 *
 * @param x - the input tensor.
 * @returns a float tensor of the same shape, every value ≤ 0.
 * @throws `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * logSigmoid(tensor([0])).toArray();            // ≈ [-0.693147]
 * logSigmoid(tensor([-1000, 1000])).toArray();  // [-1000, 0]
 * ```
 * @category Activations
 */
export function logSigmoid(x: Tensor): Tensor {
  checkTensorArg('logSigmoid', 'x', x);
  return tidy(() => {
    const xf = asFloat(x);
    // minimum (not a where): at x = 0 the tie splits the gradient, giving PyTorch's 1 − sigmoid(0) = 0.5.
    return sub(minimum(xf, 0), log1p(exp(neg(abs(xf)))));
  });
}
