import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { floatTensor } from './helpers.js';
import { mul } from './mul.js';
import { sigmoid } from './sigmoid.js';

/**
 * The sigmoid linear unit (swish): `x · sigmoid(x)`, elementwise. Integer and bool inputs are
 * computed in float32.
 *
 * `x: [...S] → [...S]`.
 *
 * @param x - the input tensor.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * silu(tensor([0, 1, -1000])).toArray(); // [0, 0.7310585975646973, -0]
 * ```
 * @category Activations
 */
export function silu(x: Tensor): Tensor {
  checkTensor('silu', 'x', x);
  return tidy(() => {
    const xf = floatTensor(x);
    return mul(xf, sigmoid(xf));
  });
}
