import type { Tensor } from '@nn/tensor';
import { checkNonlinearity } from './checks.js';
import { runRecurrent } from './run-recurrent.js';
import type { RecurrentWeights, RNNFunctionalOptions } from './types.js';

/**
 * A multi-layer Elman RNN over a sequence, `h_t = act(x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh)`
 * per layer, each layer reading the outputs of the one below (with dropout between layers when
 * `options.dropout > 0` and `training`). The module form is {@link "@nn/layers".index.RNN | RNN}.
 *
 * Shapes (`D = 2` if bidirectional, else 1; `H` the hidden size):
 * `x: [L, N, inputSize]` (`[N, L, inputSize]` with `batchFirst`; unbatched `[L, inputSize]`),
 * `h0: [D·numLayers, N, H]` (unbatched `[D·numLayers, H]`) → `[output, hN]` with
 * `output: [L, N, D·H]` (`[N, L, D·H]` with `batchFirst`; unbatched `[L, D·H]`) and `hN` shaped like `h0`.
 * @param x - the input sequence.
 * @param h0 - the initial hidden states, layer by layer (forward then reverse direction); `null`/omitted for zeros.
 * @param weights - per layer and direction (layer 0 forward, layer 0 reverse, layer 1 forward, …):
 *   `weightIh: [H, inputSize]` (`[H, D·H]` above layer 0), `weightHh: [H, H]`, optional biases `[H]`.
 * @param options - `nonlinearity` (`'tanh'` default, `'relu'`), `bidirectional`, `batchFirst`,
 *   `dropout`, `training`, `generator`; see {@link RNNFunctionalOptions}.
 * @returns `[output, hN]`: the last layer's hidden state at every step, and every layer's last state.
 * @throws `ShapeError` when `x`, `h0` or the weights have the wrong shapes, or `L = 0`.
 * @throws `DTypeError` when the dtypes differ.
 * @throws `ArgumentError` for invalid options.
 * @example
 * ```ts
 * // One layer, H = 1: h_t = relu(x_t·[1, 1] + h_{t−1}).
 * const weights = [{ weightIh: ones([1, 2]), weightHh: ones([1, 1]) }];
 * const [output, hN] = rnn(ones([3, 1, 2]), null, weights, { nonlinearity: 'relu' });
 * output.toArray(); // [[[2]], [[4]], [[6]]]
 * hN.toArray();     // [[[6]]]
 * ```
 * @category Recurrent
 */
export function rnn(
  x: Tensor,
  h0: Tensor | null | undefined,
  weights: readonly RecurrentWeights[],
  options: RNNFunctionalOptions = {},
): [Tensor, Tensor] {
  const kind = checkNonlinearity('rnn', options?.nonlinearity) === 'relu' ? 'rnn_relu' : 'rnn_tanh';
  const { output, states } = runRecurrent('rnn', kind, x, h0 == null ? null : [h0], weights, options, ['h0']);
  return [output, states[0]!];
}
