import type { Tensor } from '@nn/tensor';
import { lstmAs } from '../functional/recurrent/lstm.js';
import type { RecurrentLayerOptions } from './options.js';
import { RNNBase } from './rnn-base.js';

/**
 * A multi-layer long short-term memory network, like `torch.nn.LSTM` (without `projSize`): per
 * layer and step, with the gates in PyTorch's order i, f, g, o,
 * `[i, f, g, o] = x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh`, `c_t = σ(f)·c_{t−1} + σ(i)·tanh(g)`,
 * `h_t = σ(o)·tanh(c_t)`; each layer reads the outputs of the one below, with dropout between
 * layers in training.
 *
 * Shapes (`D = 2` if bidirectional, else 1; `H = hiddenSize`): `x: [L, N, inputSize]`
 * (`[N, L, inputSize]` with `batchFirst`; unbatched `[L, inputSize]`), `hx = [h0, c0]`, each
 * `[D·numLayers, N, H]` (unbatched `[D·numLayers, H]`) → `[output, [hN, cN]]`,
 * `output: [L, N, D·H]` (`[N, L, D·H]` with `batchFirst`; unbatched `[L, D·H]`), `hN`, `cN` like `h0`.
 *
 * Parameters (PyTorch's keys; `_reverse` for the backward direction): `weight_ih_l{k}: [4H, inputSize]`
 * (`[4H, D·H]` for `k > 0`), `weight_hh_l{k}: [4H, H]`, `bias_ih_l{k}`, `bias_hh_l{k}: [4H]`, all
 * drawn from U(−1/√H, 1/√H). The math is {@link "@nn/layers".functional.lstm | lstm}.
 *
 * @param inputSize - features of each input step (≥ 0).
 * @param hiddenSize - features of the hidden and cell states (≥ 1).
 * @param options - `numLayers` (1), `bias` (`true`), `batchFirst` (`false`), `dropout` (0),
 *   `bidirectional` (`false`), `dtype`, `generator` (the stream of the initialisation and of the
 *   dropout masks).
 * @throws `ArgumentError` for invalid sizes or options, including `projSize` (not supported).
 * @example
 * ```ts
 * const model = new LSTM(3, 4, { numLayers: 2 });
 * const [output, [hN, cN]] = model.call(zeros([5, 2, 3]));
 * output.shape; // [5, 2, 4]
 * cN.shape;     // [2, 2, 4]
 * model.weightIhL0.shape; // [16, 3]
 * new LSTM(3, 4, { projSize: 2 } as never); // throws ArgumentError
 * ```
 * @category Recurrent
 */
export class LSTM extends RNNBase<[x: Tensor, hx?: readonly [Tensor, Tensor] | null], [Tensor, [Tensor, Tensor]]> {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentLayerOptions = {}) {
    super('LSTM', 'lstm', inputSize, hiddenSize, options);
  }

  /**
   * Runs the LSTM over a sequence.
   * @param x - `[L, N, inputSize]` (`[N, L, inputSize]` with `batchFirst`), or unbatched `[L, inputSize]`.
   * @param hx - `[h0, c0]`, each `[D·numLayers, N, H]` (unbatched `[D·numLayers, H]`); zeros if omitted.
   * @returns `[output, [hN, cN]]`: `output: [L, N, D·H]` (batch-first / unbatched like `x`), `hN`, `cN` like `h0`.
   * @throws `ShapeError` when `x`, `h0` or `c0` has the wrong shape; `DTypeError` when a
   *   dtype is not the parameters'; `ArgumentError` when `hx` is not a pair.
   * @example
   * ```ts
   * const model = new LSTM(2, 3);
   * const [output, [hN, cN]] = model.call(zeros([4, 2]), [zeros([1, 3]), zeros([1, 3])]); // unbatched
   * output.shape; // [4, 3]
   * hN.shape;     // [1, 3]
   * model.call(zeros([4, 2]), [zeros([1, 2, 3]), zeros([1, 2, 3])]); // throws ShapeError
   * ```
   */
  forward(x: Tensor, hx?: readonly [Tensor, Tensor] | null): [Tensor, [Tensor, Tensor]] {
    return lstmAs('LSTM.forward', x, hx, this.weightTensors(), this.recurrentOptions());
  }
}
