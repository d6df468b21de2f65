import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { expm1 } from './expm1.js';
import { gt } from './gt.js';
import { checkNumber, floatTensor } from './helpers.js';
import { mul } from './mul.js';
import { where } from './where.js';

/**
 * The exponential linear unit: `x` where `x > 0`, else `alpha · (eˣ - 1)` (as PyTorch's `elu`).
 * Integer and bool inputs are computed in float32.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor.
 * @param alpha - the scale of the negative part (default 1).
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor or `alpha` is not a finite number.
 * @example
 * ```ts
 * elu(tensor([-1, 0, 2])).toArray(); // [-0.6321205496788025, 0, 2]
 * elu(tensor([-Infinity]), 2).toArray(); // [-2]
 * ```
 * @category Activations
 */
export function elu(x: Tensor, alpha = 1): Tensor {
  checkTensor('elu', 'x', x);
  const a = checkNumber('elu', 'alpha', alpha, true);
  return tidy(() => {
    const xf = floatTensor(x);
    const negative = a === 1 ? expm1(xf) : mul(expm1(xf), a);
    return where(gt(xf, 0), xf, negative);
  });
}
