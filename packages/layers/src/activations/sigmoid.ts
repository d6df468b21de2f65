import type { Tensor } from '@nn/tensor';
import { sigmoid } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The logistic sigmoid, `1 / (1 + e^(−x))` elementwise, like `torch.nn.Sigmoid`.
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new Sigmoid().call(tensor([0, -1000, 1000])).toArray(); // [0.5, 0, 1]
 * ```
 * @category Activations
 */
export class Sigmoid extends Module<[Tensor], Tensor> {
  /** Applies `sigmoid(x)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}
