import type { Generator, Tensor } from '@nn/tensor';

/**
 * The weights of one recurrent layer in one direction, PyTorch's `weight_ih_l{k}`, `weight_hh_l{k}`,
 * `bias_ih_l{k}`, `bias_hh_l{k}` with the gates stacked along dim 0 (`G` gates: 1 for RNN, 4 for
 * LSTM in the order i, f, g, o, 3 for GRU in the order r, z, n):
 * `weightIh: [G·H, inputSize]`, `weightHh: [G·H, H]`, `biasIh`, `biasHh: [G·H]` (or `null`).
 * @category Recurrent
 */
export interface RecurrentWeights {
  /** Input-to-hidden weights `[G·H, inputSize]`. */
  readonly weightIh: Tensor;
  /** Hidden-to-hidden weights `[G·H, H]`. */
  readonly weightHh: Tensor;
  /** Input-to-hidden bias `[G·H]`, or `null`/omitted for none. */
  readonly biasIh?: Tensor | null;
  /** Hidden-to-hidden bias `[G·H]`, or `null`/omitted for none. */
  readonly biasHh?: Tensor | null;
}

/** The activation of a plain (Elman) RNN: `'tanh'` (default) or `'relu'`. @category Recurrent */
export type RNNNonlinearity = 'tanh' | 'relu';

/**
 * Options of the multi-layer functional recurrences `rnn`, `lstm` and `gru`. The number of layers
 * is `weights.length / D` with `D = 2` when bidirectional.
 * @category Recurrent
 */
export interface RecurrentOptions {
  /** Run a second pass from the last step to the first and concatenate (default `false`). */
  bidirectional?: boolean;
  /** `x` (and the output) are `[N, L, ·]` instead of `[L, N, ·]` (default `false`; states are unaffected). */
  batchFirst?: boolean;
  /** Dropout probability on the outputs of every layer but the last (default 0). */
  dropout?: number;
  /** Whether dropout is active (default `true`, as `dropout` in PyTorch's functional API). */
  training?: boolean;
  /** The stream the dropout masks are drawn from (default generator otherwise). */
  generator?: Generator;
}

/** Options of `rnn`: the recurrence options and the activation. @category Recurrent */
export interface RNNFunctionalOptions extends RecurrentOptions {
  /** `'tanh'` (default) or `'relu'`. */
  nonlinearity?: RNNNonlinearity;
}

/** Options of `rnnCell`. @category Recurrent */
export interface RNNCellFunctionalOptions {
  /** `'tanh'` (default) or `'relu'`. */
  nonlinearity?: RNNNonlinearity;
}
