import { ArgumentError, type Tensor } from '@nn/tensor';
import { checkFinite } from '../functional/activations/checks.js';
import { softplus } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * Softplus, `log(1 + e^(beta·x)) / beta` elementwise (`x` itself where `beta · x > threshold`),
 * like `torch.nn.Softplus(beta, threshold)`: a smooth ReLU.
 *
 * `x: [*] → [*]`
 *
 * @param beta - the sharpness, a finite non-zero number (default 1).
 * @param threshold - above it (in `beta · x`) the output is `x` (default 20).
 * @throws `ArgumentError` when `beta` is zero or not finite, or `threshold` is not finite.
 * @example
 * ```ts
 * new Softplus().call(tensor([0, 30, -1000])).toArray(); // [0.6931471824645996, 30, 0]
 * new Softplus(2).call(tensor([1])).toArray();           // [1.0634640455245972]
 * new Softplus(0);                                       // throws ArgumentError
 * ```
 * @category Activations
 */
export class Softplus extends Module<[Tensor], Tensor> {
  /** The sharpness. */
  readonly beta: number;
  /** Where (in `beta · x`) the output switches to `x`. */
  readonly threshold: number;

  constructor(beta = 1, threshold = 20) {
    super();
    this.beta = checkFinite('new Softplus', 'beta', beta, 1);
    if (this.beta === 0)
      throw new ArgumentError({ op: 'new Softplus', arg: 'beta', expected: 'a non-zero number', got: '0' });
    this.threshold = checkFinite('new Softplus', 'threshold', threshold, 20);
  }

  /** Applies `softplus(x, beta, threshold)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return softplus(x, this.beta, this.threshold);
  }
}
