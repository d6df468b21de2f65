import type { Tensor } from '@nn/tensor';
import { mish } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * Mish, `x · tanh(softplus(x))` elementwise, like `torch.nn.Mish`.
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new Mish().call(tensor([0, 1])).toArray(); // ≈ [0, 0.865098]
 * ```
 * @category Activations
 */
export class Mish extends Module<[Tensor], Tensor> {
  /** Applies `mish(x)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return mish(x);
  }
}
