import { ArgumentError, ge, le, tidy, where, type Tensor } from '@nn/tensor';
import { asFloat, checkFinite, checkTensorArg } from './checks.js';

/** Checks `minVal < maxVal` (PyTorch's `Hardtanh` asserts it). @internal */
export function checkHardtanhRange(op: string, minVal: unknown, maxVal: unknown): [number, number] {
  const lo = checkFinite(op, 'minVal', minVal, -1);
  const hi = checkFinite(op, 'maxVal', maxVal, 1);
  if (!(lo < hi)) {
    throw new ArgumentError({ op, arg: 'maxVal', expected: `a number greater than minVal (${lo})`, got: String(hi) });
  }
  return [lo, hi];
}

function clip(x: Tensor, lo: number, hi: number): Tensor {
  return tidy(() => {
    const xf = asFloat(x);
    // Strict interior for the gradient (1 where lo < x < hi, 0 at and beyond the bounds), as PyTorch's.
    return where(le(xf, lo), lo, where(ge(xf, hi), hi, xf));
  });
}

/**
 * The hard tanh: `x` clipped to `[minVal, maxVal]`, elementwise, as PyTorch's `hardtanh`. The
 * gradient is 1 strictly inside the range and 0 at and beyond its ends (PyTorch's convention).
 * Integer and bool inputs are computed in float32.
 *
 * `x: [*] → [*]`
 *
 * @param x - the input tensor.
 * @param minVal - the lower end (default −1).
 * @param maxVal - the upper end (default 1), greater than `minVal`.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor or the ends are not finite numbers with
 *   `minVal < maxVal`.
 * @example
 * ```ts
 * hardtanh(tensor([-3, 0.5, 2])).toArray();       // [-1, 0.5, 1]
 * hardtanh(tensor([-3, 0.5, 2]), 0, 1).toArray(); // [0, 0.5, 1]
 * hardtanh(tensor([1]), 2, 1);                    // throws ArgumentError
 * ```
 * @category Activations
 */
export function hardtanh(x: Tensor, minVal = -1, maxVal = 1): Tensor {
  checkTensorArg('hardtanh', 'x', x);
  const [lo, hi] = checkHardtanhRange('hardtanh', minVal, maxVal);
  return clip(x, lo, hi);
}

/**
 * ReLU capped at 6, `min(max(x, 0), 6)`, elementwise, as PyTorch's `relu6` (`hardtanh(x, 0, 6)`,
 * with its gradient convention: 0 at exactly 0 and 6). Integer and bool inputs are computed in float32.
 *
 * `x: [*] → [*]`
 *
 * @param x - the input tensor.
 * @returns a float tensor of the same shape, values in `[0, 6]`.
 * @throws `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * relu6(tensor([-1, 3, 10])).toArray(); // [0, 3, 6]
 * ```
 * @category Activations
 */
export function relu6(x: Tensor): Tensor {
  checkTensorArg('relu6', 'x', x);
  return clip(x, 0, 6);
}
