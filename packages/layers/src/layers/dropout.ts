import type { Generator, Tensor } from '@nn/tensor';
import { dropout } from '../functional/layers/dropout.js';
import { Module } from '../module/module.js';
import { checkFloat, checkInput, checkNumber, checkOptions, layerOptions } from './checks.js';

/** Options of `Dropout`. @category Layers */
export interface DropoutLayerOptions {
  /** The random stream of the masks (default: the default generator). */
  generator?: Generator;
}

/**
 * Dropout, like `torch.nn.Dropout`: in training mode each element is zeroed with probability `p`
 * and the others are scaled by `1 / (1 − p)` (so activations keep their expected value); in
 * evaluation mode (`eval()`) the input is returned as is (the same tensor). `p = 1` gives zeros.
 *
 * `x: [*] → [*]`. No parameters.
 *
 * Masks come from `bernoulli` with the given generator, so they are reproducible but are not
 * PyTorch's masks for the same seed.
 *
 * @param p - the probability of zeroing an element, in [0, 1] (default 0.5).
 * @param options - `generator`.
 * @throws `ArgumentError` for `p` outside [0, 1].
 * @example
 * ```ts
 * const drop = new Dropout(0.5, { generator: new Generator(0) });
 * const y = drop.call(ones([1000]));
 * y.toArray().every((v) => v === 0 || v === 2); // true
 * const x = ones([3]);
 * drop.eval().call(x) === x;                    // true
 * new Dropout(1.5);                             // throws ArgumentError
 * ```
 * @category Layers
 */
export class Dropout extends Module<[Tensor], Tensor> {
  /** The probability of zeroing an element. */
  readonly p: number;
  readonly #generator: Generator | undefined;

  constructor(p = 0.5, options: DropoutLayerOptions = {}) {
    super();
    const op = 'new Dropout';
    this.p = checkNumber(op, 'p', p, 0.5, 0, 1);
    this.#generator = layerOptions(op, checkOptions(op, options, ['generator'])).generator;
  }

  /**
   * Drops elements in training mode; returns `x` itself in evaluation mode.
   * @param x - any float tensor.
   * @returns the same shape as `x`.
   * @throws `DTypeError` for a non-float `x`.
   */
  forward(x: Tensor): Tensor {
    checkInput('Dropout.forward', x, null, '');
    checkFloat('Dropout.forward', 'x', x);
    return dropout(x, { p: this.p, training: this.training, generator: this.#generator });
  }
}
