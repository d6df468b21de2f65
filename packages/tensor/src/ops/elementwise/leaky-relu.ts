import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { gt } from './gt.js';
import { checkNumber, floatTensor } from './helpers.js';
import { mul } from './mul.js';
import { where } from './where.js';

/**
 * The leaky rectified linear unit: `x` where `x > 0`, else `negativeSlope · x` (as PyTorch's
 * `leaky_relu`). Integer and bool inputs are computed in float32.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor.
 * @param negativeSlope - the slope for negative inputs (default 0.01).
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor or `negativeSlope` is not a finite number.
 * @example
 * ```ts
 * leakyRelu(tensor([-2, 3]), 0.5).toArray(); // [-1, 3]
 * leakyRelu(tensor([-100, 0, 1])).toArray(); // [-1, 0, 1]
 * ```
 * @category Activations
 */
export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  checkTensor('leakyRelu', 'x', x);
  const slope = checkNumber('leakyRelu', 'negativeSlope', negativeSlope, true);
  return tidy(() => {
    const xf = floatTensor(x);
    // `where`, not max(x, slope·x): at x = 0 the gradient is the slope, as in PyTorch.
    return where(gt(xf, 0), xf, mul(xf, slope));
  });
}
