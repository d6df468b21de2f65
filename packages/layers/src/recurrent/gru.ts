import type { Tensor } from '@nn/tensor';
import { runRecurrent } from '../functional/recurrent/run-recurrent.js';
import type { RecurrentLayerOptions } from './options.js';
import { RNNBase } from './rnn-base.js';

/**
 * A multi-layer gated recurrent unit network, like `torch.nn.GRU`: per layer and step, with the
 * gates in PyTorch's order r, z, n, `r = σ(W_ir·x_t + b_ir + W_hr·h_{t−1} + b_hr)`,
 * `z = σ(W_iz·x_t + b_iz + W_hz·h_{t−1} + b_hz)`, `n = tanh(W_in·x_t + b_in + r·(W_hn·h_{t−1} + b_hn))`,
 * `h_t = (1 − z)·n + z·h_{t−1}`; each layer reads the outputs of the one below, with dropout
 * between layers in training.
 *
 * Shapes (`D = 2` if bidirectional, else 1; `H = hiddenSize`): `x: [L, N, inputSize]`
 * (`[N, L, inputSize]` with `batchFirst`; unbatched `[L, inputSize]`), `hx: [D·numLayers, N, H]`
 * (unbatched `[D·numLayers, H]`) → `[output, hN]`, `output: [L, N, D·H]` (`[N, L, D·H]` with
 * `batchFirst`; unbatched `[L, D·H]`), `hN` shaped like `hx`.
 *
 * Parameters (PyTorch's keys; `_reverse` for the backward direction): `weight_ih_l{k}: [3H, inputSize]`
 * (`[3H, D·H]` for `k > 0`), `weight_hh_l{k}: [3H, H]`, `bias_ih_l{k}`, `bias_hh_l{k}: [3H]`, all
 * drawn from U(−1/√H, 1/√H). The math is {@link "@nn/layers".functional.gru | gru}.
 *
 * @param inputSize - features of each input step (≥ 0).
 * @param hiddenSize - features of the hidden state (≥ 1).
 * @param options - `numLayers` (1), `bias` (`true`), `batchFirst` (`false`), `dropout` (0),
 *   `bidirectional` (`false`), `dtype`, `generator` (the stream of the initialisation and of the
 *   dropout masks).
 * @throws `ArgumentError` for invalid sizes or options.
 * @example
 * ```ts
 * const model = new GRU(3, 4, { bidirectional: true, batchFirst: true });
 * const [output, hN] = model.call(zeros([2, 5, 3]));
 * output.shape; // [2, 5, 8]
 * hN.shape;     // [2, 2, 4]
 * Object.keys(model.stateDict()); // ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse']
 * new GRU(3, 4, { bias: false }).parameters().length; // 2
 * ```
 * @category Recurrent
 */
export class GRU extends RNNBase<[x: Tensor, hx?: Tensor | null], [Tensor, Tensor]> {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentLayerOptions = {}) {
    super('GRU', 'gru', inputSize, hiddenSize, options);
  }

  /**
   * Runs the GRU over a sequence.
   * @param x - `[L, N, inputSize]` (`[N, L, inputSize]` with `batchFirst`), or unbatched `[L, inputSize]`.
   * @param hx - the initial hidden states `[D·numLayers, N, H]` (unbatched `[D·numLayers, H]`); zeros if omitted.
   * @returns `[output, hN]`: `output: [L, N, D·H]` (batch-first / unbatched like `x`), `hN` like `hx`.
   * @throws `ShapeError` when `x` or `hx` has the wrong shape; `DTypeError` when a
   *   dtype is not the parameters'.
   * @example
   * ```ts
   * const model = new GRU(2, 3, { numLayers: 2 });
   * const [output, hN] = model.call(zeros([4, 1, 2]), zeros([2, 1, 3]));
   * output.shape; // [4, 1, 3]
   * hN.shape;     // [2, 1, 3]
   * model.call(zeros([4, 1, 2]), zeros([1, 1, 3])); // throws ShapeError
   * ```
   */
  forward(x: Tensor, hx?: Tensor | null): [Tensor, Tensor] {
    const { output, states } = runRecurrent(
      'GRU.forward',
      'gru',
      x,
      hx == null ? null : [hx],
      this.weightTensors(),
      this.recurrentOptions(),
      ['hx'],
    );
    return [output, states[0]!];
  }
}
