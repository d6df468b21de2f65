import type { Tensor } from '@nn/tensor';
import { checkNonlinearity } from '../functional/recurrent/checks.js';
import { runCell } from '../functional/recurrent/run-cell.js';
import type { RNNNonlinearity } from '../functional/recurrent/types.js';
import type { RNNCellOptions } from './options.js';
import { RNNCellBase } from './rnn-cell-base.js';

/**
 * An Elman RNN cell, like `torch.nn.RNNCell`: one step `h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)`
 * with `act` tanh (default) or ReLU.
 *
 * Shapes: `x: [N, inputSize]`, `hx: [N, H]` → `[N, H]`; unbatched `x: [inputSize]`, `hx: [H]` → `[H]`.
 *
 * Parameters: `weight_ih: [H, inputSize]`, `weight_hh: [H, H]`, `bias_ih`, `bias_hh: [H]`, all
 * drawn from U(−1/√H, 1/√H). The math is {@link "@nn/layers".functional.rnnCell | rnnCell}.
 *
 * @param inputSize - features of the input (≥ 0).
 * @param hiddenSize - features of the hidden state (≥ 1).
 * @param options - `bias` (`true`), `nonlinearity` (`'tanh'`), `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes or options.
 * @example
 * ```ts
 * const cell = new RNNCell(3, 4);
 * let h = zeros([2, 4]);
 * for (let t = 0; t < 5; t++) h = cell.call(ones([2, 3]), h);
 * h.shape;                         // [2, 4]
 * Object.keys(cell.stateDict());  // ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']
 * ```
 * @category Recurrent
 */
export class RNNCell extends RNNCellBase<[x: Tensor, hx?: Tensor | null], Tensor> {
  /** The activation, `'tanh'` or `'relu'`. */
  readonly nonlinearity: RNNNonlinearity;

  constructor(inputSize: number, hiddenSize: number, options: RNNCellOptions = {}) {
    const nonlinearity = checkNonlinearity('new RNNCell', (options as RNNCellOptions | null)?.nonlinearity);
    super('RNNCell', 'rnn_tanh', inputSize, hiddenSize, options, ['nonlinearity']);
    this.nonlinearity = nonlinearity;
  }

  /**
   * Runs one step.
   * @param x - `[N, inputSize]`, or unbatched `[inputSize]`.
   * @param hx - the previous hidden state `[N, H]` (unbatched `[H]`); zeros if omitted.
   * @returns the next hidden state, `[N, H]` (unbatched `[H]`).
   * @throws `ShapeError` when `x` or `hx` has the wrong shape; `DTypeError` when a
   *   dtype is not the parameters'.
   * @example
   * ```ts
   * new RNNCell(3, 2).call(zeros([3])).shape; // [2]
   * new RNNCell(3, 2).call(zeros([1, 3]), zeros([2, 2])); // throws ShapeError
   * ```
   */
  forward(x: Tensor, hx?: Tensor | null): Tensor {
    const kind = this.nonlinearity === 'relu' ? 'rnn_relu' : 'rnn_tanh';
    return runCell('RNNCell.forward', kind, x, hx == null ? null : [hx], this.weightTensors(), ['hx'])[0]!;
  }
}
