import { tidy } from '../../engine/scope.js';
import { ArgumentError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkNumber } from './helpers.js';
import { maximum } from './maximum.js';
import { minimum } from './minimum.js';

/**
 * Clamps `x` into `[min, max]`, elementwise: `minimum(maximum(x, min), max)`, so NaN stays NaN and
 * `min > max` gives `max` everywhere (as PyTorch). A missing bound (`null` or omitted) is not
 * applied. Bounds are weak numbers: an int32 tensor with a fractional bound becomes float32.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor.
 * @param min - the lower bound, or `null`.
 * @param max - the upper bound, or `null`.
 * @returns a tensor of the same shape.
 * @throws `ArgumentError` when both bounds are missing, a bound is not a number, or `x` is not a
 *   tensor.
 * @example
 * ```ts
 * clamp(tensor([-2, 0.5, 3]), 0, 1).toArray(); // [0, 0.5, 1]
 * clamp(tensor([-2, 3]), null, 1).toArray(); // [-2, 1]
 * ```
 * @category Elementwise
 */
export function clamp(x: Tensor, min?: number | null, max?: number | null): Tensor {
  checkTensor('clamp', 'x', x);
  const lo = min === null || min === undefined ? null : checkNumber('clamp', 'min', min);
  const hi = max === null || max === undefined ? null : checkNumber('clamp', 'max', max);
  if (lo === null && hi === null) {
    throw new ArgumentError({ op: 'clamp', expected: 'at least one of min and max', got: 'neither' });
  }
  return tidy(() => {
    let y = x;
    if (lo !== null) y = maximum(y, lo);
    if (hi !== null) y = minimum(y, hi);
    return y;
  });
}
