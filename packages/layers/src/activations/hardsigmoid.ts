import type { Tensor } from '@nn/tensor';
import { hardsigmoid } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The hard sigmoid, `relu6(x + 3) / 6` elementwise, like `torch.nn.Hardsigmoid`.
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new Hardsigmoid().call(tensor([-4, 0, 3, 1.5])).toArray(); // [0, 0.5, 1, 0.75]
 * ```
 * @category Activations
 */
export class Hardsigmoid extends Module<[Tensor], Tensor> {
  /** Applies `hardsigmoid(x)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return hardsigmoid(x);
  }
}
