import type { Tensor } from '@nn/tensor';
import { runCell } from '../functional/recurrent/run-cell.js';
import type { RecurrentCellOptions } from './options.js';
import { RNNCellBase } from './rnn-cell-base.js';

/**
 * A gated recurrent unit cell, like `torch.nn.GRUCell`: one step, with the gates in PyTorch's order
 * r, z, n, `r = σ(W_ir·x + b_ir + W_hr·h + b_hr)`, `z = σ(W_iz·x + b_iz + W_hz·h + b_hz)`,
 * `n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn))`, `h' = (1 − z)·n + z·h`.
 *
 * Shapes: `x: [N, inputSize]`, `hx: [N, H]` → `[N, H]`; unbatched `x: [inputSize]`, `hx: [H]` → `[H]`.
 *
 * Parameters: `weight_ih: [3H, inputSize]`, `weight_hh: [3H, H]`, `bias_ih`, `bias_hh: [3H]`, all
 * drawn from U(−1/√H, 1/√H). The math is {@link "@nn/layers".functional.gruCell | gruCell}.
 *
 * @param inputSize - features of the input (≥ 0).
 * @param hiddenSize - features of the hidden state (≥ 1).
 * @param options - `bias` (`true`), `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes or options.
 * @example
 * ```ts
 * const cell = new GRUCell(3, 4, { dtype: 'float64' });
 * cell.call(zeros([2, 3], { dtype: 'float64' })).shape; // [2, 4]
 * cell.weightHh.shape;                                 // [12, 4]
 * cell.call(zeros([2, 3]));                             // throws DTypeError
 * ```
 * @category Recurrent
 */
export class GRUCell extends RNNCellBase<[x: Tensor, hx?: Tensor | null], Tensor> {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentCellOptions = {}) {
    super('GRUCell', 'gru', inputSize, hiddenSize, options);
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
   * new GRUCell(3, 2).call(zeros([4, 3]), zeros([4, 2])).shape; // [4, 2]
   * ```
   */
  forward(x: Tensor, hx?: Tensor | null): Tensor {
    return runCell('GRUCell.forward', 'gru', x, hx == null ? null : [hx], this.weightTensors(), ['hx'])[0]!;
  }
}
