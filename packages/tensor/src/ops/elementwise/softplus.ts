import { tidy } from '../../engine/scope.js';
import { ArgumentError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { abs } from './abs.js';
import { add } from './add.js';
import { div } from './div.js';
import { exp } from './exp.js';
import { gt } from './gt.js';
import { checkNumber, floatTensor } from './helpers.js';
import { log1p } from './log1p.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { maximum } from './maximum.js';
import { where } from './where.js';

/**
 * Softplus, as PyTorch's: `x` where `beta · x > threshold`, else `log(1 + e^(beta·x)) / beta`.
 * The log term is computed as `max(z, 0) + log1p(e^(-|z|))` (`z = beta · x`), so it never
 * overflows whatever the threshold. Integer and bool inputs are computed in float32.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor.
 * @param beta - the sharpness, a finite non-zero number (default 1).
 * @param threshold - above it (in `beta · x`) the result is `x` itself (default 20).
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor, `beta` is zero or not finite, or `threshold`
 *   is not a number.
 * @example
 * ```ts
 * softplus(tensor([0, 30, -1000])).toArray(); // [0.6931471824645996, 30, 0]
 * softplus(tensor([1]), 2).toArray(); // [1.0634640455245972]
 * ```
 * @category Activations
 */
export function softplus(x: Tensor, beta = 1, threshold = 20): Tensor {
  checkTensor('softplus', 'x', x);
  const b = checkNumber('softplus', 'beta', beta, true);
  if (b === 0) throw new ArgumentError({ op: 'softplus', arg: 'beta', expected: 'a non-zero number', got: '0' });
  const t = checkNumber('softplus', 'threshold', threshold);
  if (Number.isNaN(t)) throw new ArgumentError({ op: 'softplus', arg: 'threshold', expected: 'a number', got: 'NaN' });
  return tidy(() => {
    const xf = floatTensor(x);
    const z = b === 1 ? xf : mul(xf, b);
    // maximum (not relu) so that the derivative at 0 is PyTorch's sigmoid(0) = 0.5: ties split evenly.
    const logTerm = add(maximum(z, 0), log1p(exp(neg(abs(z)))));
    return where(gt(z, t), xf, b === 1 ? logTerm : div(logTerm, b));
  });
}
