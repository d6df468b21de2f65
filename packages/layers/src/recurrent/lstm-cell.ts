import type { Tensor } from '@nn/tensor';
import { lstmCellAs } from '../functional/recurrent/lstm-cell.js';
import type { RecurrentCellOptions } from './options.js';
import { RNNCellBase } from './rnn-cell-base.js';

/**
 * A long short-term memory cell, like `torch.nn.LSTMCell`: one step, with the gates in PyTorch's
 * order i, f, g, o, `[i, f, g, o] = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh`, `c' = σ(f)·c + σ(i)·tanh(g)`,
 * `h' = σ(o)·tanh(c')`.
 *
 * Shapes: `x: [N, inputSize]`, `hx = [h, c]`, each `[N, H]` → `[h', c']`, each `[N, H]`; unbatched
 * `x: [inputSize]`, `h, c: [H]` → `[H]` each.
 *
 * Parameters: `weight_ih: [4H, inputSize]`, `weight_hh: [4H, H]`, `bias_ih`, `bias_hh: [4H]`, all
 * drawn from U(−1/√H, 1/√H). The math is {@link "@nn/layers".functional.lstmCell | lstmCell}.
 *
 * @param inputSize - features of the input (≥ 0).
 * @param hiddenSize - features of the hidden and cell states (≥ 1).
 * @param options - `bias` (`true`), `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes or options.
 * @example
 * ```ts
 * const cell = new LSTMCell(3, 4);
 * let state: [Tensor, Tensor] = [zeros([2, 4]), zeros([2, 4])];
 * for (let t = 0; t < 5; t++) state = cell.call(ones([2, 3]), state);
 * state[1].shape;          // [2, 4]
 * cell.weightIh.shape;     // [16, 3]
 * ```
 * @category Recurrent
 */
export class LSTMCell extends RNNCellBase<[x: Tensor, hx?: readonly [Tensor, Tensor] | null], [Tensor, Tensor]> {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentCellOptions = {}) {
    super('LSTMCell', 'lstm', inputSize, hiddenSize, options);
  }

  /**
   * Runs one step.
   * @param x - `[N, inputSize]`, or unbatched `[inputSize]`.
   * @param hx - `[h, c]`, each `[N, H]` (unbatched `[H]`); zeros if omitted.
   * @returns `[h', c']`, each `[N, H]` (unbatched `[H]`).
   * @throws `ShapeError` when `x`, `h` or `c` has the wrong shape; `DTypeError` when a
   *   dtype is not the parameters'; `ArgumentError` when `hx` is not a pair.
   * @example
   * ```ts
   * const [h, c] = new LSTMCell(3, 2).call(zeros([3]));
   * h.shape; // [2]
   * new LSTMCell(3, 2).call(zeros([3]), [zeros([2])] as never); // throws ArgumentError
   * ```
   */
  forward(x: Tensor, hx?: readonly [Tensor, Tensor] | null): [Tensor, Tensor] {
    return lstmCellAs('LSTMCell.forward', x, hx, this.weightTensors());
  }
}
