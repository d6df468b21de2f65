import type { Tensor } from '@nn/tensor';
import { logSigmoid } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The log of the sigmoid, `log(1 / (1 + e^(−x)))` elementwise (computed stably), like
 * `torch.nn.LogSigmoid`.
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new LogSigmoid().call(tensor([-1000, 1000])).toArray(); // [-1000, 0]
 * ```
 * @category Activations
 */
export class LogSigmoid extends Module<[Tensor], Tensor> {
  /** Applies `logSigmoid(x)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return logSigmoid(x);
  }
}
