import type { Tensor } from '@nn/tensor';
import { relu } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The rectified linear unit, `max(x, 0)` elementwise, like `torch.nn.ReLU` (there is no `inplace`
 * option: our ops never write into their inputs).
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new ReLU().call(tensor([-1, 0, 2])).toArray(); // [0, 0, 2]
 * new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2)).call(zeros([3, 4])).shape; // [3, 2]
 * ```
 * @category Activations
 */
export class ReLU extends Module<[Tensor], Tensor> {
  /** Applies `relu(x)`. @param x - any tensor. @returns a tensor of the same shape and dtype. */
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}
