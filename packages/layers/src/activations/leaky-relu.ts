import type { Tensor } from '@nn/tensor';
import { checkFinite } from '../functional/activations/checks.js';
import { leakyRelu } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The leaky ReLU, `x` where `x > 0` else `negativeSlope · x`, elementwise, like
 * `torch.nn.LeakyReLU(negative_slope)`.
 *
 * `x: [*] → [*]`
 *
 * @param negativeSlope - the slope for negative inputs (default 0.01, PyTorch's).
 * @throws `ArgumentError` when `negativeSlope` is not a finite number.
 * @example
 * ```ts
 * new LeakyReLU().call(tensor([-100, 3])).toArray();   // [-1, 3]
 * new LeakyReLU(0.5).call(tensor([-2, 3])).toArray();  // [-1, 3]
 * new LeakyReLU(NaN);                                  // throws ArgumentError
 * ```
 * @category Activations
 */
export class LeakyReLU extends Module<[Tensor], Tensor> {
  /** The slope for negative inputs. */
  readonly negativeSlope: number;

  constructor(negativeSlope = 0.01) {
    super();
    this.negativeSlope = checkFinite('new LeakyReLU', 'negativeSlope', negativeSlope, 0.01);
  }

  /** Applies `leakyRelu(x, negativeSlope)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return leakyRelu(x, this.negativeSlope);
  }
}
