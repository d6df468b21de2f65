import type { Tensor } from '@nn/tensor';
import { runRecurrent } from './run-recurrent.js';
import type { RecurrentOptions, RecurrentWeights } from './types.js';

/**
 * A multi-layer GRU over a sequence: per layer and step the cell of {@link gruCell} (gates r, z,
 * n), each layer reading the outputs of the one below (with dropout between layers when
 * `options.dropout > 0` and `training`). The module form is {@link "@nn/layers".index.GRU | GRU}.
 *
 * Shapes (`D = 2` if bidirectional, else 1; `H` the hidden size):
 * `x: [L, N, inputSize]` (`[N, L, inputSize]` with `batchFirst`; unbatched `[L, inputSize]`),
 * `h0: [D·numLayers, N, H]` (unbatched `[D·numLayers, H]`) → `[output, hN]` with
 * `output: [L, N, D·H]` (`[N, L, D·H]` with `batchFirst`; unbatched `[L, D·H]`) and `hN` shaped like `h0`.
 * @param x - the input sequence.
 * @param h0 - the initial hidden states, layer by layer (forward then reverse direction); `null`/omitted for zeros.
 * @param weights - per layer and direction (layer 0 forward, layer 0 reverse, layer 1 forward, …):
 *   `weightIh: [3H, inputSize]` (`[3H, D·H]` above layer 0), `weightHh: [3H, H]`, optional biases `[3H]`.
 * @param options - `bidirectional`, `batchFirst`, `dropout`, `training`, `generator`; see {@link RecurrentOptions}.
 * @returns `[output, hN]`: the last layer's hidden state at every step, and every layer's last state.
 * @throws `ShapeError` when `x`, `h0` or the weights have the wrong shapes, or `L = 0`.
 * @throws `DTypeError` when the dtypes differ.
 * @throws `ArgumentError` for invalid options.
 * @example
 * ```ts
 * // Zero weights: r = z = 1/2 and n = 0, so h_t = h_{t−1} / 2.
 * const weights = [{ weightIh: zeros([3, 2]), weightHh: zeros([3, 1]) }];
 * const [output, hN] = gru(ones([2, 2]), tensor([[4]]), weights); // unbatched: x [L, inputSize]
 * output.toArray(); // [[2], [1]]
 * hN.toArray();     // [[1]]
 * ```
 * @category Recurrent
 */
export function gru(
  x: Tensor,
  h0: Tensor | null | undefined,
  weights: readonly RecurrentWeights[],
  options: RecurrentOptions = {},
): [Tensor, Tensor] {
  const { output, states } = runRecurrent('gru', 'gru', x, h0 == null ? null : [h0], weights, options, ['h0']);
  return [output, states[0]!];
}
