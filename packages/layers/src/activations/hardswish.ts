import type { Tensor } from '@nn/tensor';
import { hardswish } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The hard swish of MobileNetV3, `x · relu6(x + 3) / 6` elementwise, like `torch.nn.Hardswish`.
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new Hardswish().call(tensor([-4, 0, 3, 1.5])).toArray(); // [0, 0, 3, 1.125]
 * ```
 * @category Activations
 */
export class Hardswish extends Module<[Tensor], Tensor> {
  /** Applies `hardswish(x)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return hardswish(x);
  }
}
