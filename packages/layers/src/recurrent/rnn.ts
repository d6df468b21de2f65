import type { Tensor } from '@nn/tensor';
import { checkNonlinearity } from '../functional/recurrent/checks.js';
import { runRecurrent } from '../functional/recurrent/run-recurrent.js';
import type { RNNNonlinearity } from '../functional/recurrent/types.js';
import type { RNNOptions } from './options.js';
import { RNNBase } from './rnn-base.js';

/**
 * A multi-layer Elman RNN, like `torch.nn.RNN`: per layer and step
 * `h_t = act(x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh)` with `act` tanh (default) or ReLU; each layer
 * reads the outputs of the one below, with dropout between layers in training.
 *
 * Shapes (`D = 2` if bidirectional, else 1; `H = hiddenSize`): `x: [L, N, inputSize]`
 * (`[N, L, inputSize]` with `batchFirst`; unbatched `[L, inputSize]`), `hx: [D·numLayers, N, H]`
 * (unbatched `[D·numLayers, H]`) → `[output, hN]`, `output: [L, N, D·H]` (`[N, L, D·H]` with
 * `batchFirst`; unbatched `[L, D·H]`), `hN` shaped like `hx`.
 *
 * Parameters (PyTorch's keys; `_reverse` for the backward direction): `weight_ih_l{k}: [H, inputSize]`
 * (`[H, D·H]` for `k > 0`), `weight_hh_l{k}: [H, H]`, `bias_ih_l{k}`, `bias_hh_l{k}: [H]`, all
 * drawn from U(−1/√H, 1/√H). The math is {@link "@nn/layers".functional.rnn | rnn}.
 *
 * @param inputSize - features of each input step (≥ 0).
 * @param hiddenSize - features of the hidden state (≥ 1).
 * @param options - `numLayers` (1), `nonlinearity` (`'tanh'`), `bias` (`true`), `batchFirst`
 *   (`false`), `dropout` (0), `bidirectional` (`false`), `dtype`, `generator` (the stream of the
 *   initialisation and of the dropout masks).
 * @throws `ArgumentError` for invalid sizes or options.
 * @example
 * ```ts
 * const model = new RNN(3, 4, { numLayers: 2, bidirectional: true });
 * const [output, hN] = model.call(zeros([5, 2, 3]));
 * output.shape; // [5, 2, 8]
 * hN.shape;     // [4, 2, 4]
 * Object.keys(model.stateDict()).slice(0, 5); // ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_ih_l0_reverse']
 * model.stateDict()['weight_ih_l1'].shape; // [4, 8]
 * model.call(zeros([5, 2, 4])); // throws ShapeError
 * ```
 * @category Recurrent
 */
export class RNN extends RNNBase<[x: Tensor, hx?: Tensor | null], [Tensor, Tensor]> {
  /** The activation, `'tanh'` or `'relu'`. */
  readonly nonlinearity: RNNNonlinearity;

  constructor(inputSize: number, hiddenSize: number, options: RNNOptions = {}) {
    const nonlinearity = checkNonlinearity('new RNN', (options as RNNOptions | null)?.nonlinearity);
    super('RNN', nonlinearity === 'relu' ? 'rnn_relu' : 'rnn_tanh', inputSize, hiddenSize, options, ['nonlinearity']);
    this.nonlinearity = nonlinearity;
  }

  /**
   * Runs the RNN over a sequence.
   * @param x - `[L, N, inputSize]` (`[N, L, inputSize]` with `batchFirst`), or unbatched `[L, inputSize]`.
   * @param hx - the initial hidden states `[D·numLayers, N, H]` (unbatched `[D·numLayers, H]`); zeros if omitted.
   * @returns `[output, hN]`: `output: [L, N, D·H]` (batch-first / unbatched like `x`), `hN` like `hx`.
   * @throws `ShapeError` when `x` or `hx` has the wrong shape; `DTypeError` when a
   *   dtype is not the parameters'.
   * @example
   * ```ts
   * const model = new RNN(2, 3, { batchFirst: true });
   * const [output, hN] = model.call(zeros([4, 6, 2]), zeros([1, 4, 3]));
   * output.shape; // [4, 6, 3]
   * hN.shape;     // [1, 4, 3]
   * ```
   */
  forward(x: Tensor, hx?: Tensor | null): [Tensor, Tensor] {
    const kind = this.nonlinearity === 'relu' ? 'rnn_relu' : 'rnn_tanh';
    const { output, states } = runRecurrent(
      'RNN.forward',
      kind,
      x,
      hx == null ? null : [hx],
      this.weightTensors(),
      this.recurrentOptions(),
      ['hx'],
    );
    return [output, states[0]!];
  }
}
