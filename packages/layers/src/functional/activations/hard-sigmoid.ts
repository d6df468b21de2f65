import { add, div, ge, gt, le, lt, mul, tidy, where, type Tensor } from '@nn/tensor';
import { asFloat, checkTensorArg } from './checks.js';

/**
 * The hard sigmoid, `relu6(x + 3) / 6`, elementwise, as PyTorch's `hardsigmoid`: 0 for `x ≤ −3`,
 * 1 for `x ≥ 3`, `x / 6 + 1/2` between (gradient 1/6 strictly inside, 0 at and beyond ±3, as in
 * PyTorch). Integer and bool inputs are computed in float32.
 *
 * `x: [*] → [*]`
 *
 * @param x - the input tensor.
 * @returns a float tensor of the same shape, values in `[0, 1]`.
 * @throws `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * hardsigmoid(tensor([-4, 0, 3, 1.5])).toArray(); // [0, 0.5, 1, 0.75]
 * ```
 * @category Activations
 */
export function hardsigmoid(x: Tensor): Tensor {
  checkTensorArg('hardsigmoid', 'x', x);
  return tidy(() => {
    const xf = asFloat(x);
    return where(le(xf, -3), 0, where(ge(xf, 3), 1, add(div(xf, 6), 0.5)));
  });
}

/**
 * The hard swish of MobileNetV3, `x · relu6(x + 3) / 6`, elementwise, as PyTorch's `hardswish`:
 * 0 for `x ≤ −3`, `x` for `x ≥ 3`, `x · (x + 3) / 6` between (the gradient at ±3 is the middle
 * piece's, as in PyTorch). Integer and bool inputs are computed in float32.
 *
 * `x: [*] → [*]`
 *
 * @param x - the input tensor.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * hardswish(tensor([-4, 0, 3, 1.5])).toArray(); // [0, 0, 3, 1.125]
 * ```
 * @category Activations
 */
export function hardswish(x: Tensor): Tensor {
  checkTensorArg('hardswish', 'x', x);
  return tidy(() => {
    const xf = asFloat(x);
    return where(lt(xf, -3), 0, where(gt(xf, 3), xf, div(mul(xf, add(xf, 3)), 6)));
  });
}
