import { tidy } from '../../engine/scope.js';
import { ArgumentError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor, describe } from '../operands.js';
import { add } from './add.js';
import { erf } from './erf.js';
import { floatTensor } from './helpers.js';
import { mul } from './mul.js';
import { tanh } from './tanh.js';

/** √(2/π), the scale inside the tanh approximation. */
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * The Gaussian error linear unit, as PyTorch's `gelu`: with `approximate = 'none'`,
 * `0.5 · x · (1 + erf(x / √2))`; with `'tanh'`, `0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))`.
 * Integer and bool inputs are computed in float32.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor.
 * @param approximate - `'none'` (default, exact) or `'tanh'`.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor or `approximate` is neither `'none'` nor `'tanh'`.
 * @example
 * ```ts
 * gelu(tensor([0, 1, -10])).toArray(); // [0, 0.8413447141647339, -0]
 * gelu(tensor([1]), 'tanh').toArray(); // [0.8411920070648193]
 * ```
 * @category Activations
 */
export function gelu(x: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  checkTensor('gelu', 'x', x);
  if (approximate !== 'none' && approximate !== 'tanh') {
    throw new ArgumentError({
      op: 'gelu',
      arg: 'approximate',
      expected: "'none' | 'tanh'",
      got: describe(approximate),
    });
  }
  return tidy(() => {
    const xf = floatTensor(x);
    const inner =
      approximate === 'none'
        ? erf(mul(xf, Math.SQRT1_2))
        : tanh(mul(add(xf, mul(mul(mul(xf, xf), xf), 0.044715)), SQRT_2_OVER_PI));
    return mul(mul(xf, 0.5), add(inner, 1));
  });
}
