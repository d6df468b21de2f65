import { ArgumentError, type Tensor } from '@nn/tensor';
import { runRecurrent } from './run-recurrent.js';
import type { RecurrentOptions, RecurrentWeights } from './types.js';

/**
 * A multi-layer LSTM over a sequence: per layer and step the cell of {@link lstmCell} (gates i, f,
 * g, o), each layer reading the outputs of the one below (with dropout between layers when
 * `options.dropout > 0` and `training`). The module form is {@link "@nn/layers".index.LSTM | LSTM}.
 *
 * Shapes (`D = 2` if bidirectional, else 1; `H` the hidden size):
 * `x: [L, N, inputSize]` (`[N, L, inputSize]` with `batchFirst`; unbatched `[L, inputSize]`),
 * `h0, c0: [D·numLayers, N, H]` (unbatched `[D·numLayers, H]`) → `[output, [hN, cN]]` with
 * `output: [L, N, D·H]` (`[N, L, D·H]` with `batchFirst`; unbatched `[L, D·H]`), `hN, cN` shaped like `h0`.
 * @param x - the input sequence.
 * @param state - `[h0, c0]`, the initial hidden and cell states; `null`/omitted for zeros.
 * @param weights - per layer and direction (layer 0 forward, layer 0 reverse, layer 1 forward, …):
 *   `weightIh: [4H, inputSize]` (`[4H, D·H]` above layer 0), `weightHh: [4H, H]`, optional biases `[4H]`.
 * @param options - `bidirectional`, `batchFirst`, `dropout`, `training`, `generator`; see {@link RecurrentOptions}.
 * @returns `[output, [hN, cN]]`: the last layer's hidden state at every step, and every layer's last states.
 * @throws `ShapeError` when `x`, the states or the weights have the wrong shapes, or `L = 0`.
 * @throws `DTypeError` when the dtypes differ.
 * @throws `ArgumentError` for invalid options or a `state` that is not a pair.
 * @example
 * ```ts
 * // Zero weights: every gate is 1/2 and g = 0, so c_t = c_{t−1} / 2.
 * const weights = [{ weightIh: zeros([8, 3]), weightHh: zeros([8, 2]) }];
 * const [output, [hN, cN]] = lstm(ones([2, 1, 3]), [zeros([1, 1, 2]), ones([1, 1, 2])], weights);
 * output.shape;  // [2, 1, 2]
 * cN.toArray();  // [[[0.25, 0.25]]]
 * hN.shape;      // [1, 1, 2]
 * ```
 * @category Recurrent
 */
export function lstm(
  x: Tensor,
  state: readonly [Tensor, Tensor] | null | undefined,
  weights: readonly RecurrentWeights[],
  options: RecurrentOptions = {},
): [Tensor, [Tensor, Tensor]] {
  return lstmAs('lstm', x, state, weights, options);
}

/** `lstm` reporting errors as `op`, with the state-pair check (internal: `LSTM.forward` uses it). */
export function lstmAs(
  op: string,
  x: Tensor,
  state: readonly [Tensor, Tensor] | null | undefined,
  weights: readonly RecurrentWeights[],
  options: RecurrentOptions,
): [Tensor, [Tensor, Tensor]] {
  if (state != null && (!Array.isArray(state) || state.length !== 2)) {
    throw new ArgumentError({
      op,
      arg: 'hx',
      expected: 'a pair [h0, c0] of tensors, or null',
      got: Array.isArray(state) ? `an array of length ${state.length}` : typeof state,
    });
  }
  const { output, states } = runRecurrent(op, 'lstm', x, state ?? null, weights, options, ['h0', 'c0']);
  return [output, [states[0]!, states[1]!]];
}
