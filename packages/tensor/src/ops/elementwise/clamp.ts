import { tidy } from '../../engine/scope.js';
import { ArgumentError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { checkNumber } from './helpers.js';
import { add } from './add.js';
import { gt } from './gt.js';
import { lt } from './lt.js';
import { where } from './where.js';

/**
 * Clamps `x` into `[min, max]`, elementwise, as PyTorch: NaN stays NaN, a NaN bound gives NaN, and
 * `min > max` gives `max` everywhere. The gradient flows where `min ≤ x ≤ max` (bounds included). A missing bound (`null` or omitted) is not
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
    if (lo !== null) y = Number.isNaN(lo) ? add(y, NaN) : where(lt(y, lo), lo, y);
    if (hi !== null) y = Number.isNaN(hi) ? add(y, NaN) : where(gt(y, hi), hi, y);
    return y;
  });
}
