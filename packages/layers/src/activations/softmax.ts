import type { Tensor } from '@nn/tensor';
import { checkInteger } from '../functional/activations/checks.js';
import { softmax } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * Softmax along `dim`, `e^(xᵢ) / Σⱼ e^(xⱼ)` (computed stably), like `torch.nn.Softmax(dim)`.
 *
 * The default `dim` is −1, the last: PyTorch's default is `None`, which picks a dim from the
 * input's rank with a deprecation warning (dim 0 for 0-, 1- and 3-D inputs, else 1); every use we
 * know (classifier logits `[N, C]`, attention scores `[…, L, S]`) means the last dim.
 *
 * `x: [*] → [*]`, each slice along `dim` summing to 1.
 *
 * @param dim - the dim to normalise over (default −1; negative counts from the end).
 * @throws `ArgumentError` when `dim` is not an integer; `IndexError` (at `call`) when
 *   it is out of range for the input.
 * @example
 * ```ts
 * new Softmax().call(tensor([[0, 0], [1000, 0]])).toArray(); // [[0.5, 0.5], [1, 0]]
 * new Softmax(0).call(tensor([[1, 5], [1, 5]])).toArray();   // [[0.5, 0.5], [0.5, 0.5]]
 * ```
 * @category Activations
 */
export class Softmax extends Module<[Tensor], Tensor> {
  /** The dim normalised over. */
  readonly dim: number;

  constructor(dim = -1) {
    super();
    this.dim = checkInteger('new Softmax', 'dim', dim, -1);
  }

  /** Applies `softmax(x, dim)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return softmax(x, this.dim);
  }
}
