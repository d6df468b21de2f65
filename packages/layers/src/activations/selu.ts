import type { Tensor } from '@nn/tensor';
import { selu } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The scaled exponential linear unit, `λ · elu(x, α)` with PyTorch's constants, elementwise, like
 * `torch.nn.SELU`.
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new SELU().call(tensor([0, 1])).toArray(); // ≈ [0, 1.050701]
 * ```
 * @category Activations
 */
export class SELU extends Module<[Tensor], Tensor> {
  /** Applies `selu(x)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return selu(x);
  }
}
