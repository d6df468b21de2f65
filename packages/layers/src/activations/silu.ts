import type { Tensor } from '@nn/tensor';
import { silu } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The sigmoid linear unit (swish), `x · sigmoid(x)` elementwise, like `torch.nn.SiLU`.
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new SiLU().call(tensor([0, 1, -1000])).toArray(); // [0, 0.7310585975646973, -0]
 * ```
 * @category Activations
 */
export class SiLU extends Module<[Tensor], Tensor> {
  /** Applies `silu(x)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return silu(x);
  }
}
