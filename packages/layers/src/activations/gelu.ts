import { ArgumentError, type Tensor } from '@nn/tensor';
import { show } from '../functional/activations/checks.js';
import { gelu } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The Gaussian error linear unit, elementwise, like `torch.nn.GELU(approximate)`: exact,
 * `x · Φ(x) = 0.5 · x · (1 + erf(x / √2))`, or with `'tanh'` the approximation
 * `0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))` (GPT-2, BERT).
 *
 * `x: [*] → [*]`
 *
 * @param approximate - `'none'` (default, exact) or `'tanh'`.
 * @throws `ArgumentError` when `approximate` is neither.
 * @example
 * ```ts
 * new GELU().call(tensor([0, 1, -10])).toArray(); // [0, 0.8413447141647339, -0]
 * new GELU('tanh').call(tensor([1])).toArray();  // [0.8411920070648193]
 * new GELU('fast' as 'tanh');                    // throws ArgumentError
 * ```
 * @category Activations
 */
export class GELU extends Module<[Tensor], Tensor> {
  /** `'none'` (exact) or `'tanh'`. */
  readonly approximate: 'none' | 'tanh';

  constructor(approximate: 'none' | 'tanh' = 'none') {
    super();
    if (approximate !== 'none' && approximate !== 'tanh') {
      throw new ArgumentError({
        op: 'new GELU',
        arg: 'approximate',
        expected: "'none' | 'tanh'",
        got: show(approximate),
      });
    }
    this.approximate = approximate;
  }

  /** Applies `gelu(x, approximate)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return gelu(x, this.approximate);
  }
}
