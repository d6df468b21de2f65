import type { Tensor } from '@nn/tensor';
import { checkFinite } from '../functional/activations/checks.js';
import { elu } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The exponential linear unit, `x` where `x > 0` else `alpha · (eˣ − 1)`, elementwise, like
 * `torch.nn.ELU(alpha)`.
 *
 * `x: [*] → [*]`
 *
 * @param alpha - the scale of the negative part (default 1).
 * @throws `ArgumentError` when `alpha` is not a finite number.
 * @example
 * ```ts
 * new ELU().call(tensor([-1, 0, 2])).toArray();          // [-0.6321205496788025, 0, 2]
 * new ELU(2).call(tensor([-Infinity, 1])).toArray();     // [-2, 1]
 * ```
 * @category Activations
 */
export class ELU extends Module<[Tensor], Tensor> {
  /** The scale of the negative part. */
  readonly alpha: number;

  constructor(alpha = 1) {
    super();
    this.alpha = checkFinite('new ELU', 'alpha', alpha, 1);
  }

  /** Applies `elu(x, alpha)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return elu(x, this.alpha);
  }
}
