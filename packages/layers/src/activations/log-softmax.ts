import type { Tensor } from '@nn/tensor';
import { checkInteger } from '../functional/activations/checks.js';
import { logSoftmax } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * Log-softmax along `dim`, `xᵢ − log Σⱼ e^(xⱼ)` (computed stably, no `log(0)`), like
 * `torch.nn.LogSoftmax(dim)`. Feed it to `NLLLoss`, or feed the logits to `CrossEntropyLoss`,
 * which includes it.
 *
 * The default `dim` is −1 (PyTorch's `None` picks a dim from the rank with a deprecation
 * warning; see `Softmax`).
 *
 * `x: [*] → [*]`
 *
 * @param dim - the dim to normalise over (default −1; negative counts from the end).
 * @throws `ArgumentError` when `dim` is not an integer; `IndexError` (at `call`) when
 *   it is out of range for the input.
 * @example
 * ```ts
 * new LogSoftmax().call(tensor([1000, 0])).toArray();      // [0, -1000]
 * new LogSoftmax(1).call(tensor([[5, 5]])).toArray();      // ≈ [[-0.693147, -0.693147]]
 * ```
 * @category Activations
 */
export class LogSoftmax extends Module<[Tensor], Tensor> {
  /** The dim normalised over. */
  readonly dim: number;

  constructor(dim = -1) {
    super();
    this.dim = checkInteger('new LogSoftmax', 'dim', dim, -1);
  }

  /** Applies `logSoftmax(x, dim)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return logSoftmax(x, this.dim);
  }
}
