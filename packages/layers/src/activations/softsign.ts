import type { Tensor } from '@nn/tensor';
import { softsign } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * Softsign, `x / (1 + |x|)` elementwise, like `torch.nn.Softsign`.
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new Softsign().call(tensor([-3, 0, 1])).toArray(); // [-0.75, 0, 0.5]
 * ```
 * @category Activations
 */
export class Softsign extends Module<[Tensor], Tensor> {
  /** Applies `softsign(x)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return softsign(x);
  }
}
