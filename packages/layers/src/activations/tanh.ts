import type { Tensor } from '@nn/tensor';
import { tanh } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The hyperbolic tangent elementwise, like `torch.nn.Tanh`.
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new Tanh().call(tensor([0, 1000, -1000])).toArray(); // [0, 1, -1]
 * ```
 * @category Activations
 */
export class Tanh extends Module<[Tensor], Tensor> {
  /** Applies `tanh(x)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}
