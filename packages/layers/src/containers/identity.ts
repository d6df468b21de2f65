import type { Tensor } from '@nn/tensor';
import { Module } from '../module/module.js';

/**
 * Returns its input unchanged, like `torch.nn.Identity`: a placeholder where a layer is optional
 * (a residual shortcut, a removed classifier head).
 *
 * `x: [*] → [*]` (the same tensor)
 *
 * @example
 * ```ts
 * const x = zeros([2, 3]);
 * new Identity().call(x) === x; // true
 * ```
 * @category Containers
 */
export class Identity extends Module<[Tensor], Tensor> {
  /** Returns `x`. */
  forward(x: Tensor): Tensor {
    return x;
  }
}
